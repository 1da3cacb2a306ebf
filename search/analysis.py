"""Dutch text analysis, shared by the index and the query so both sides see the same terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from search.function_words import FUNCTION_WORDS

# Letters and digits; everything else (quotes, brackets, *, ?, :, -) separates words.
WORD_PATTERN = r"\w+"
# Snowball's Dutch function words and the wider list of words that never name a need (see function_words).
STOP_WORDS = frozenset(stopwords_for_language("nl")) | FUNCTION_WORDS
_TOKENIZER = RegexTokenizer(WORD_PATTERN)
_WORD = re.compile(WORD_PATTERN)
_FOLD = CharsetFilter(accent_map)
_SNOWBALL = stemmer_for_language("nl")
_DOUBLE_END = re.compile(r"([bcdfgklmnprstvz])\1$")
# The -s plural after a final -e (premies, boetes, reisjes); not -les, -res, -ces (zwemles, adres, proces).
_E_PLURAL = re.compile(r"(?:[ij]|[bdgkmnptvz])es$")


@lru_cache(maxsize=100000)
def stem(word: str) -> str:
    """The Dutch Snowball stem of one folded word, evened out for plurals Snowball misses.

    Snowball takes one suffix per call (`tandartsen` → `tandarts`, but `tandarts` → `tandart`),
    undoubles only k/d/t (`brillen` → `brill`) and keeps the -s plural after a vowel (`premies`).
    A second pass, undoubling and dropping that -s make singular and plural meet.
    """
    if len(word) >= 6 and _E_PLURAL.search(word):
        word = word[:-1]
    return _DOUBLE_END.sub(r"\1", _SNOWBALL(_SNOWBALL(word)))


class DutchStemFilter(Filter):
    """Replaces each word by its stem (see `stem`)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


def dutch_analyzer() -> Analyzer:
    """Words, lowercased, accents folded, Dutch stop words removed, Dutch Snowball stems."""
    return _TOKENIZER | LowercaseFilter() | _FOLD | StopFilter(stoplist=STOP_WORDS, minsize=1) | DutchStemFilter()


def words(text: str) -> list[str]:
    """The words of `text`, lowercased and with accents folded, stop words kept (`één` → `een`).

    The same as the analyzer's first three steps (tokenizer, lowercase, fold), on strings instead of Whoosh's
    tokens: each question is read twice (search and crisis check), and this is three times faster.
    """
    return [word.lower().translate(accent_map) for word in _WORD.findall(text)]


def is_stop_word(word: str) -> bool:
    """True for function words that carry no topic (`de`, `ik`, `voor`, `gaat`), lone letters (`zo'n`) and
    bare numbers: `700 euro` says how much, not what for, and would match the amounts in the schemes."""
    return word in STOP_WORDS or (len(word) == 1 and word.isalpha()) or word.isdigit()
