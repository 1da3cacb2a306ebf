"""The interface catalogs: every text in the code and templates has a complete English translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from views.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
SKIPPED = {"node_modules", "var", "data", "tests"}


def texts_in_code() -> set[str | tuple[str, ...]]:
    """Every message id the code and templates use, extracted the way `make extract-messages` does."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, directory_filter=_wanted_directory
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _wanted_directory(path: str) -> bool:
    """Skip hidden folders and those that hold no interface text (faster than walking node_modules)."""
    name = Path(path).name
    return not name.startswith((".", "_")) and name not in SKIPPED


def catalog(language: str):
    """The .po catalog of `language`."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as file:
        return read_po(file, locale=language)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "nl"])
def test_catalog_is_complete(language):
    """Every text has a translation that is neither empty nor fuzzy, so no page mixes languages."""
    messages = {message.id: message for message in catalog(language) if message.id}
    texts = texts_in_code()
    assert {"Waar zoekt u hulp bij?", "Geld"} <= texts, "the extraction found the templates and the lazy labels"
    missing = sorted(str(text) for text in texts if text not in messages)
    assert not missing, f"not in translations/{language} (run make update-messages): {missing}"
    for message in messages.values():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: no translation for {message.id!r}"
        assert not message.fuzzy, f"{language}: fuzzy translation for {message.id!r}"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "nl"])
def test_placeholders_are_kept(language):
    """A translation keeps every %(name)s placeholder of the Dutch text."""
    for message in catalog(language):
        if not message.id or not message.python_format:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {part.split(")")[0] for part in ids[0].split("%(")[1:]}
        for text in filter(None, strings):
            assert {part.split(")")[0] for part in text.split("%(")[1:]} >= wanted - {"num"}, message.id
