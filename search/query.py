"""Turn what a person types into a Whoosh query, built from objects: user text is never query syntax."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from whoosh.query import Query, Term

from search.analysis import is_stop_word, stem, words
from search.combine import AnyOf, BestOf
from search.english import base_forms, with_apostrophes
from search.everyday import words_in_use
from search.index import FIELD
from search.lexicon import GROUPS, NO_MATCH, Lexicon, Match, Phrase
from search.translation import english_to_dutch
from search.vocabulary import Vocabulary

# Any input is cut to this size first, so every search costs about the same at worst.
MAX_CHARACTERS = 200
MAX_WORDS = 20  # words that are not function words (see _bounded)
# How much an understood meaning, a compound's parts and their meanings count next to the word the person
# typed. The weights here and in search.scoring were chosen together by a coordinate search on the real-people
# sets, each half checked on the other (see docs/benchmarks.md): every meaning of a word counts alike.
MEANING_WEIGHT = 0.8
PART_WEIGHT = 0.8
PART_MEANING_WEIGHT = 0.4
CORRECTED_WEIGHT = 0.9
# An English word the schemes and the lexicon do not know is read through at most this many of its Dutch
# translations (search.translation) that they do know, in the order of the file.
MAX_TRANSLATIONS = 5
# A concept made only of weak words (`hulp`, `geld`) counts this much: the other words say what is meant.
WEAK_WEIGHT = 0.3
# A concept scores by its best alternative; the others add a little.
TIEBREAK = 0.3
# Words and phrases whose reading a Reader remembers.
MEMORY = 20000
# Particles of Dutch separable verbs: "in te richten" is "inrichten", "rond te komen" is "rondkomen".
PARTICLES = frozenset(
    [
        "aan",
        "af",
        "bij",
        "door",
        "in",
        "mee",
        "na",
        "om",
        "op",
        "over",
        "rond",
        "terug",
        "toe",
        "uit",
        "vast",
        "voor",
        "weg",
    ]
)


@dataclass(frozen=True)
class Understood:
    """The query object for the index, plus what the person typed and what we think they meant."""

    query: Query | None
    text: str
    suggestion: str | None
    words: tuple[str, ...]
    # The target groups (search.lexicon.GROUPS) the question names; schemes only for another group count less.
    groups: frozenset[str] = frozenset(GROUPS)


def clean(text: str) -> str:
    """The input as searched: at most MAX_CHARACTERS, whitespace collapsed."""
    return " ".join(str(text)[:MAX_CHARACTERS].split())


def understand(text: str, lexicon: Lexicon, vocabulary: Vocabulary, plain: bool = False) -> Understood:
    """Read `text` as plain words; `plain` uses the typed words only (the baseline to compare with)."""
    return Reader(lexicon, vocabulary, plain).read(text)


class Reader:
    """Builds the query for a text. One reader per index generation remembers what each word and phrase
    became (its correction and its query part): a new question mostly has words asked about before."""

    def __init__(self, lexicon: Lexicon, vocabulary: Vocabulary, plain: bool = False):
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.plain = plain
        # Words in real use per language (search.everyday): no typos to correct, and which words are English
        # rather than Dutch. Read once per process (a third of a second), at start-up: see search.init_app.
        self.dutch = frozenset() if plain else words_in_use("nl")
        self.english = frozenset() if plain else words_in_use("en")
        self.translations = {} if plain else english_to_dutch()
        self._word = lru_cache(maxsize=MEMORY)(self._read_word)
        self._english_base = lru_cache(maxsize=MEMORY)(self._english_base_form)
        self._entry = lru_cache(maxsize=MEMORY)(self._entry_concept)
        self._groups_of = lru_cache(maxsize=MEMORY)(partial(lexicon.groups_of, parts=vocabulary.splitter.split))

    def read(self, text: str) -> Understood:
        """`text` cleaned (see `clean`) and read."""
        return self._read(clean(text))

    def _read(self, text: str) -> Understood:
        """Lexicon phrases first (longest wins), then each other word: corrected, split, expanded."""
        typed = with_apostrophes(words(text))
        in_english = self._is_english(typed)
        tokens = _bounded(self._joined([self._english_base(word, in_english) for word in typed]))
        shown = list(tokens)
        concepts: list[Query | None] = []
        content: list[str] = []
        meant = list(tokens)  # the tokens that are not filler: they may name a target group
        position = 0
        while position < len(tokens):
            found = NO_MATCH if self.plain else self.lexicon.match(tokens, position)
            if found.length:
                phrase = tuple(tokens[position : position + found.length])
                if found.meanings:
                    concepts.append(self._entry(phrase, found))
                    content.extend(word for word in phrase if not is_stop_word(word))
                else:  # filler: skipped (`what kind` names no child)
                    meant[position : position + found.length] = [""] * found.length
                position += found.length
                continue
            word = tokens[position]
            if not is_stop_word(word):
                corrected, concept = self._word(word, in_english)
                shown[position] = corrected
                concepts.append(concept)
                content.append(corrected)
            position += 1
        suggestion = " ".join(shown) if shown != tokens else None
        found_concepts = [concept for concept in concepts if concept is not None]
        groups = frozenset(GROUPS) if self.plain else frozenset().union(*map(self._groups_of, filter(None, meant)))
        return Understood(AnyOf(found_concepts) if found_concepts else None, text, suggestion, tuple(content), groups)

    def _joined(self, tokens: list[str]) -> list[str]:
        """`in te richten` as the one word `inrichten` when the schemes or the lexicon know that word: the verb
        alone (`richten`) says something else, or nothing."""
        joined: list[str] = []
        position = 0
        while position < len(tokens):
            particle, between, verb = (tokens[position : position + 3] + ["", ""])[:3]
            if particle in PARTICLES and between == "te" and verb and self._known(particle + verb):
                joined.append(particle + verb)
                position += 3
            else:
                joined.append(particle)
                position += 1
        return joined

    def _is_english(self, typed: list[str]) -> bool:
        """True when more of the words are English only than Dutch only: then a word that is both (`poor`,
        `bank`, `arm`) is read as English too."""
        english = sum(word in self.english and word not in self.dutch for word in typed)
        return english > sum(word in self.dutch and word not in self.english for word in typed)

    def _english_base_form(self, word: str, in_english: bool) -> str:
        """`entrepreneurs` as `entrepreneur` when only that form is in the lexicon's English entries and the
        word is English: not Dutch (`training` stays), or Dutch as well in an English question; any other word as
        it is."""
        if word in self.lexicon.english_words or word not in self.english or (word in self.dutch and not in_english):
            return word
        return next((base for base in base_forms(word) if base in self.lexicon.english_words), word)

    def _known(self, word: str) -> bool:
        """True when the schemes or the lexicon know the word."""
        return bool(self.vocabulary.knows(word) or self.lexicon.match((word,)).length)

    def _read_word(self, word: str, in_english: bool) -> tuple[str, Query | None]:
        """The word as searched (corrected when unknown) and its query part, in an English question or not."""
        corrected = self._correct(word)
        return corrected, self._word_concept(corrected, corrected != word, in_english)

    def _correct(self, word: str) -> str:
        """The word itself when it is known in any way, else the closest known word, else itself."""
        if self.plain or self._known(word):
            return word
        if word in self.dutch or word in self.english:  # a real word the schemes do not use, not a slip
            return word
        if self.vocabulary.splitter.split(word):
            return word
        return self.vocabulary.correct(word) or word

    def _word_concept(self, word: str, corrected: bool, in_english: bool) -> Query | None:
        """One typed word with its meanings, its compound parts and the meanings of those parts, or, for an
        English word, its translations."""
        alternatives: list[tuple[Phrase, float]] = [((word,), CORRECTED_WEIGHT if corrected else 1.0)]
        if self.plain:
            return self._concept(alternatives, (word,))
        alternatives += _meanings(self.lexicon.match((word,)).meanings, MEANING_WEIGHT)
        parts = self.vocabulary.splitter.split(word)
        if not parts and not self.vocabulary.knows(word):  # an unknown compound: read by its known end
            end = self.vocabulary.splitter.known_end(word)
            parts = (end,) if end else ()
        if parts:
            alternatives.append((parts, PART_WEIGHT))
            for part in parts:
                alternatives += _meanings(self.lexicon.match((part,)).meanings, PART_MEANING_WEIGHT)
        alternatives += self._translated(word, in_english)
        return self._concept(alternatives, (word,))

    def _translated(self, word: str, in_english: bool) -> list[tuple[Phrase, float]]:
        """The known Dutch words an unknown English word translates to, with their lexicon meanings. A word
        that is Dutch as well counts as English only in an English question."""
        if word not in self.english or (word in self.dutch and not in_english) or self._known(word):
            return []
        forms = (word, *base_forms(word))
        dutch = next((self.translations[form] for form in forms if form in self.translations), ())
        alternatives: list[tuple[Phrase, float]] = []
        for translation in [known for known in dutch if self._known(known)][:MAX_TRANSLATIONS]:
            alternatives.append(((translation,), MEANING_WEIGHT))
            alternatives += _meanings(self.lexicon.match((translation,)).meanings, PART_MEANING_WEIGHT)
        return alternatives

    def _entry_concept(self, phrase: Phrase, found: Match) -> Query | None:
        """A lexicon entry with its meanings. A phrase of several words, or an English one, counts mostly by
        its meaning: 'huur niet meer betalen' is about arrears more than about 'huur', and the schemes are in
        Dutch, where the odd English search term would otherwise outweigh it. A single Dutch word counts itself."""
        typed, meant = (MEANING_WEIGHT, 1.0) if found.english or len(phrase) > 1 else (1.0, MEANING_WEIGHT)
        return self._concept([(phrase, typed)] + _meanings(found.meanings, meant), phrase)

    def _concept(self, alternatives: list[tuple[Phrase, float]], typed: Phrase) -> Query | None:
        """Alternatives for one thing the person typed; the best-matching one counts most."""
        scale = WEAK_WEIGHT if not self.plain and self.lexicon.is_weak(typed) else 1.0
        clauses = [
            clause
            for phrase, weight in alternatives
            if (clause := self._phrase_clause(phrase, weight * scale)) is not None
        ]
        if len(clauses) <= 1:
            return clauses[0] if clauses else None
        return BestOf(clauses, tiebreak=TIEBREAK)

    def _phrase_clause(self, phrase: Phrase, weight: float) -> Query | None:
        """The words of a phrase; a whole phrase counts as much as one word.

        Weak words are left out of a phrase that has other words (`medische kosten` → `medische`):
        they add little, yet `kosten` would make nearly every scheme a candidate to score.
        """
        stems = list(dict.fromkeys(stem(word) for word in phrase if not is_stop_word(word)))
        if not self.plain:
            stems = [term for term in stems if term not in self.lexicon.weak] or stems
        clauses = [clause for term in stems if (clause := self._term_clause(term, weight / len(stems))) is not None]
        if len(clauses) <= 1:
            return clauses[0] if clauses else None
        return AnyOf(clauses)

    def _term_clause(self, term: str, weight: float) -> Query | None:
        """One stem; left out when no scheme has it (a smaller query is a faster one)."""
        return Term(FIELD, term, boost=weight) if term in self.vocabulary.stems else None


def _bounded(tokens: list[str]) -> list[str]:
    """The tokens up to the MAX_WORDS-th word that is not a function word: those cost nothing, and a long
    spoken sentence keeps its point (`... de kosten van de uitvaart`)."""
    content = 0
    for position, token in enumerate(tokens):
        content += not is_stop_word(token)
        if content > MAX_WORDS:
            return tokens[:position]
    return tokens


def _meanings(meanings: tuple[Phrase, ...], weight: float) -> list[tuple[Phrase, float]]:
    """Meanings with their weight."""
    return [(meaning, weight) for meaning in meanings]
