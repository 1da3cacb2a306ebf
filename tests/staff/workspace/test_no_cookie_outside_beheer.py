"""The public site sets no cookie anywhere, also for a logged-in staff member (issue 14)."""

from __future__ import annotations

import pytest

PUBLIC = [
    "/",
    "/zoeken?q=tandarts&gemeente=nijmegen",
    "/kies?postcode=6511",
    "/nijmegen",
    "/nijmegen/schuldhulp",
    "/landelijk/zorgtoeslag?gemeente=oss",
    "/categorie/geld",
    "/over",
    "/check",
    "/api/v1/schemes?q=schulden",
    "/api/v1/municipalities",
    "/healthz",
    "/static/css/site.css",
    "/bestaat-niet",
]


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_set_no_cookie_and_never_receive_the_staff_cookie(as_person, url):
    staff = as_person("nijmegen_redacteur")
    assert staff.client.get_cookie("beheer_sessie", domain="localhost", path="/beheer") is not None
    with staff.client.get(url, base_url="https://localhost") as response:
        assert "Set-Cookie" not in response.headers, url
    # the browser sends the staff cookie only under /beheer
    assert staff.client.get_cookie("beheer_sessie", domain="localhost", path="/") is None
    assert response.status_code < 500


def test_a_component_that_sets_a_cookie_on_a_public_page_is_stopped(staff_app):
    @staff_app.get("/proef-koekje")
    def sets_a_cookie():
        from flask import make_response

        response = make_response("x")
        response.set_cookie("volg", "1")
        return response

    assert "Set-Cookie" not in staff_app.test_client().get("/proef-koekje").headers
