"""Helpers for the page tests: the app on a set of fixture schemes, and pages fetched and parsed with html.parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient
from testapp import make_app as build_app

SITE_DATA = Path(__file__).parent / "data" / "site" / "schemes"
# "Today" is fixed so the fixtures stay what the tests expect: the site's 2026 figure is current and its
# 2024-only figure old, the check's norms (from 2026-07-01) apply, and a guide prints a stable "Gedrukt op".
TODAY = date(2026, 11, 21)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def make_app(tmp_path: Path, data_dir: Path = SITE_DATA, **config: Any) -> Flask:
    """The app on fixture schemes (the site's unless `data_dir` says), its index in a temp dir, on a fixed date."""
    return build_app(tmp_path, data_dir, **({"TODAY": TODAY} | config))


def get_page(client: FlaskClient, url: str, status: int = 200, cache: str | None = None) -> Page:
    """GET `url`, check its status, that it is HTML without a cookie (and its Cache-Control if given), and parse it."""
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert response.mimetype == "text/html", f"{url}: {response.mimetype}"
    assert "Set-Cookie" not in response.headers, url
    if cache is not None:
        assert response.headers["Cache-Control"] == cache, f"{url}: {response.headers['Cache-Control']}"
    return Page(response.get_data(as_text=True))


@dataclass
class Element:
    """One element: its tag, attributes, text inside it, and the `lang` it inherits."""

    tag: str
    attrs: dict[str, str]
    lang: str
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements inside this one (at any depth) that match, as `Page.all` does for the whole page."""
        found = []
        for child in self.children:
            found += [child] if matches(child, tag, attrs) else []
            found += child.all(tag, **attrs)
        return found


def matches(element: Element, tag: str, attrs: dict[str, str]) -> bool:
    """True when `element` has `tag` and the given attribute values (`class_` matches one class)."""
    if element.tag != tag:
        return False
    wanted_class = attrs.get("class_")
    if wanted_class and wanted_class not in element.attrs.get("class", "").split():
        return False
    return all(element.attrs.get(name) == value for name, value in attrs.items() if name != "class_")


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
        return [element for element in self.elements if matches(element, tag, attrs)]

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
