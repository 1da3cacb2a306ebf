"""A URL with a plan or check answer in it is `no-store`, `noindex` and never kept in the page cache, on every route."""

from __future__ import annotations

import re

import pytest
from sitepage import make_app

from views.personal import PERSONAL_KEYS

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
# Every personal key, with a value the site would really use, plus the step notes of a plan.
PERSONAL = sorted(PERSONAL_KEYS) + ["wie.oss/meedoen.1", "door.oss/meedoen.1", "wanneer.oss/meedoen.1"]
VALUES = {"r": "oss/meedoen", "heb": "digid", "klaar": "oss/meedoen.1", "wie.oss/meedoen.1": "coach"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("personal"), CHROMIUM="/nonexistent/chromium")


def _routes(app) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(\w+:)?{name}>", PATH_VALUES[name], path)
        urls.append(path)
    return sorted(urls)


@pytest.mark.parametrize("key", PERSONAL)
def test_every_route_keeps_a_personal_url_private(app, key):
    client = app.test_client()
    cache = app.extensions["page_cache"]
    value = VALUES.get(key, "Schulden aflossen")
    for url in _routes(app):
        before = len(cache)
        for _ in range(2):  # the second time would come from the cache if the first had been kept
            with client.get(f"{url}?{key}={value}&q=huur&gemeente=oss&weergave=coach") as response:
                assert response.headers.get("Cache-Control") == "no-store", f"{url} {key}"
                assert "noindex" in response.headers.get("X-Robots-Tag", ""), f"{url} {key}"
                if response.mimetype == "text/html" and response.status_code == 200:
                    assert '<meta name="robots" content="noindex' in response.get_data(as_text=True), f"{url} {key}"
        assert len(cache) == before, f"{url} {key} entered the page cache"


def test_the_same_page_without_personal_text_is_still_cached(app):
    client = app.test_client()
    cache = app.extensions["page_cache"]
    before = len(cache)
    with client.get("/zoeken?q=huur&gemeente=oss&weergave=coach") as response:
        assert response.headers.get("Cache-Control") != "no-store"
    assert len(cache) == before + 1
