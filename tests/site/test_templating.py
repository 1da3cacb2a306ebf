"""Template plumbing: plain-dict globals (views/templating.py) and the shared `ui` components (views/macros.py)."""

from __future__ import annotations

import pytest
from flask import render_template_string
from flask_babel import force_locale
from testapp import make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path, PAGE_CACHE=False)


def test_every_template_sees_every_helper_registered_while_the_app_was_made(app):
    template = app.jinja_env.get_template("base.html")
    assert type(template.globals) is dict
    assert app.jinja_env.globals.keys() <= template.globals.keys()
    assert {"ui", "link", "gettext", "fragment", "url_for"} <= template.globals.keys()


def test_ui_gives_the_components_of_the_macros_template(app):
    module = app.jinja_env.get_template("_macros.html").module
    assert app.jinja_env.globals["ui"].search_form is module.search_form
    with pytest.raises(AttributeError):
        _ = app.jinja_env.globals["ui"].no_such_component


def test_a_page_rendered_with_the_shared_components_shows_them(client):
    page = client.get("/zoeken?q=tandarts&gemeente=oss").get_data(as_text=True)
    assert 'class="search-form"' in page and 'role="search"' in page


def test_template_texts_follow_the_language_of_each_request_and_a_forced_locale(app):
    # The catalog is kept per request: force_locale switches it inside a request and back after, and the
    # next request (a new app context, as the server makes one per request) has its own language.
    text = "{{ _('Zoeken') }}"
    with app.test_request_context("/?taal=en"):
        assert render_template_string(text) == "Search"
        with force_locale("nl"):
            assert render_template_string(text) == "Zoeken"
        assert render_template_string(text) == "Search"
    with app.test_request_context("/"):
        assert render_template_string(text) == "Zoeken"
    with app.test_request_context("/?taal=en"):
        assert render_template_string(text) == "Search"
