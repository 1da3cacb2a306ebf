"""Links to fixed-path pages built without the router (views/urls.py): the same string `url_for` gives."""

from __future__ import annotations

import pytest
from flask import url_for
from sitepage import make_app

from views.urls import fast_url_for


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("urls"))


VALUES = [
    {},
    {"q": "tandarts te duur"},
    {"q": "a&b=c?d#e/f+g%h 'é' <x> \"y\" ~!$()*,;:@", "gemeente": "oss", "taal": "en"},
    {"q": "huur", "categorie": None, "weergave": "coach"},
    {"q": ["één", "twee"], "r": ("a", "b"), "x": [], "y": [None, "z"]},
    {"limit": 10, "flag": True, "leeg": ""},
]


@pytest.mark.parametrize("endpoint", ["site.results", "site.home", "site.choose", "api.search_schemes"])
@pytest.mark.parametrize("values", VALUES)
@pytest.mark.parametrize("root", ["", "/regelingen"])
def test_same_as_url_for(app, endpoint, values, root):
    with app.test_request_context("/", environ_base={"SCRIPT_NAME": root}):
        assert fast_url_for(endpoint, values) == url_for(endpoint, **values)


@pytest.mark.parametrize(
    ("endpoint", "values"),
    [
        ("site.municipality", {"municipality": "oss", "q": "x"}),  # a path argument
        ("site.results", {"q": "x", "_anchor": "top"}),  # a url_for keyword
        ("static", {"filename": "css/site.css"}),
    ],
)
def test_other_routes_and_keywords_go_through_url_for(app, endpoint, values):
    with app.test_request_context("/"):
        assert fast_url_for(endpoint, values) == url_for(endpoint, **values)
    fixed = app.extensions["fixed_paths"].endpoints
    assert "site.results" in fixed and "site.municipality" not in fixed
