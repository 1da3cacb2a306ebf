"""English word forms: `debts`, `studies` and `moving` are looked up as `debt`, `study` and `move`.

The lexicon's English entries are matched as typed (Dutch stems would mix `rent` with `rente`), so each
plural and verb form used to need an entry of its own. The Reader (search.query) reads a word as its English
base form only when it is in real use in English and not in Dutch (search.everyday), or in Dutch too but the
question is English: `training` stays Dutch, and so does `studies` in a Dutch question.
"""

from __future__ import annotations

# Contractions typed without their apostrophe, as the words the apostrophe would give (`can't` → `can t`):
# the lexicon's English phrases are written with the apostrophe. None of these is a Dutch word.
CONTRACTIONS = {
    word: (word[:-1], "t")
    for word in ("cant", "couldnt", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt")
} | {"im": ("i", "m"), "ive": ("i", "ve"), "youre": ("you", "re"), "theyre": ("they", "re")}

# Regular English endings and what the word ends with without them, longest first.
ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""))
SHORTEST_BASE = 3
VOWELS = frozenset("aeiou")


def base_forms(word: str) -> tuple[str, ...]:
    """The forms `word` may have without a regular English ending, most likely first (`shopping` → `shop`)."""
    found: list[str] = []
    for ending, base in ENDINGS:
        stripped = word[: -len(ending)]
        if not word.endswith(ending) or len(stripped) < SHORTEST_BASE or (ending == "s" and word.endswith("ss")):
            continue
        found.append(stripped + base)
        if not base and _doubled(stripped):  # `shopping`, `travelled`
            found.append(stripped[:-1])
    return tuple(dict.fromkeys(found))


def _doubled(stem: str) -> bool:
    """True when the stem ends in a doubled consonant, as `shopp` or `travell`."""
    return stem[-1] == stem[-2] and stem[-1] not in VOWELS


def with_apostrophes(words: list[str]) -> list[str]:
    """`words` with each contraction typed without its apostrophe split as if it had one (`dont` → `don t`)."""
    return [part for word in words for part in CONTRACTIONS.get(word, (word,))]
