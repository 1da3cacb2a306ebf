"""Helpers for the site's tests: the app on the site fixtures, and pages parsed with html.parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from flask import Flask

from app import create_app

SITE_DATA = Path(__file__).parent / "data" / "site" / "schemes"
# The fixtures have a 2026 figure and a 2024-only figure: "today" is fixed so both stay what the tests expect.
TODAY = date(2026, 11, 21)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def make_app(tmp_path: Path) -> Flask:
    """The app on the site's fixture schemes, with its index in a temp dir and a fixed date."""
    return create_app(
        {"TESTING": True, "DATA_DIR": str(SITE_DATA), "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY}
    )


@dataclass
class Element:
    """One element: its tag, attributes, text inside it, and the `lang` it inherits."""

    tag: str
    attrs: dict[str, str]
    lang: str
    text: str = ""
    children: list[Element] = field(default_factory=list)


class Page(HTMLParser):
    """A parsed page: every element in document order, with its inherited language and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        lang = values.get("lang") or (self._open[-1].lang if self._open else "")
        element = Element(tag, values, lang)
        self.elements.append(element)
        if self._open:
            self._open[-1].children.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with `tag` whose attributes contain the given values (`class_` matches one class)."""
        found = []
        for element in self.elements:
            if element.tag != tag:
                continue
            wanted_class = attrs.get("class_")
            if wanted_class and wanted_class not in element.attrs.get("class", "").split():
                continue
            if all(element.attrs.get(name) == value for name, value in attrs.items() if name != "class_"):
                found.append(element)
        return found

    def one(self, tag: str, **attrs: str) -> Element:
        """The single element that matches; fails when there are none or several."""
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def text_of(self, tag: str, **attrs: str) -> str:
        """The whitespace-normalised text of the single matching element."""
        return " ".join(self.one(tag, **attrs).text.split())

    @property
    def main_text(self) -> str:
        """All text in <main>, whitespace-normalised."""
        return " ".join(self.one("main").text.split())

    def links(self) -> list[str]:
        """Every href of an <a>."""
        return [element.attrs["href"] for element in self.all("a") if "href" in element.attrs]

    def internal_links(self) -> list[str]:
        """Every link to this site itself (a path, no host)."""
        return [href for href in self.links() if href.startswith("/")]


def query(href: str) -> dict[str, list[str]]:
    """The query parameters of a link."""
    return parse_qs(urlsplit(href).query)


def path(href: str) -> str:
    """The path of a link."""
    return urlsplit(href).path


def words(text: str) -> str:
    """Text with every kind of space (also the no-break space Babel puts after €) as one plain space."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())
