"""No query string gives a 500: every route, with every view-argument and `url_for` keyword name as a query key."""

from __future__ import annotations

import re

import pytest
from sitepage import make_app

# A real value for every path argument of the routes, from the site's fixture schemes.
PATH_VALUES = {
    "municipality": "oss",
    "slug": "meedoen",
    "category": "geld",
    "filename": "css/site.css",
    "code": "414",
    # the staff workspace (behind its login)
    "change_id": "1",
    "account_id": "1",
    "action": "indienen",
}
URL_FOR_KEYWORDS = ("_anchor", "_method", "_scheme", "_external")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    # No Chromium: a PDF route answers its own 503 at once, after everything that reads the query.
    return make_app(tmp_path_factory.mktemp("keys"), CHROMIUM="/nonexistent/chromium")


def _routes(app) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(\w+:)?{name}>", PATH_VALUES[name], path)
        urls.append(path)
    return sorted(urls)


def _keys(app) -> list[str]:
    names = {name for rule in app.url_map.iter_rules() for name in rule.arguments}
    return sorted(names | set(URL_FOR_KEYWORDS))


def test_every_route_survives_every_argument_name_as_query_key(app):
    client = app.test_client()
    failures = []
    for url in _routes(app):
        for key in _keys(app):
            for query in (f"{key}=x", f"{key}=x&taal=en", f"{key}=&{key}=y&weergave=coach"):
                with client.get(f"{url}?{query}") as response:
                    if response.status_code >= 500 and response.status_code != 503:
                        failures.append(f"{url}?{query}: {response.status_code}")
    assert failures == []


def test_the_language_link_keeps_our_parameters_and_drops_the_foreign_ones(app):
    page = app.test_client().get("/oss?municipality=x&_anchor=y&q=huur").get_data(as_text=True)
    assert 'href="/oss?q=huur&amp;taal=en"' in page
