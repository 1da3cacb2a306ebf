"""The JSON API v1: search with its filters and fallback, one scheme, municipalities, OpenAPI, bad input."""

from __future__ import annotations

import pytest

from regelingen.files.schema import categories

RESULT_KEYS = {"id", "municipality", "title", "summary", "url", "categories", "score", "match"}


def search(client, **params):
    response = client.get("/api/v1/search", query_string=params)
    return response.status_code, response.get_json()


def test_search_answers_in_the_documented_shape(client):
    status, body = search(client, q="huur", municipality="oss")
    assert status == 200
    assert set(body) == {"query", "municipality", "total", "suggestion", "results", "fallback"}
    assert body["query"] == "huur" and body["municipality"] == "oss" and body["fallback"] is None
    first = body["results"][0]
    assert set(first) == RESULT_KEYS
    assert first["id"] == "landelijk/huurtoeslag"
    assert first["url"] == "/landelijk/huurtoeslag"
    assert first["categories"] == ["wonen", "geld"]
    assert body["total"] >= len(body["results"])


def test_results_link_to_the_scheme_pages(client):
    _, body = search(client, q="tandarts", municipality="nijmegen")
    for result in body["results"]:
        municipality, slug = result["id"].split("/")
        assert result["url"] == f"/{municipality}/{slug}" and result["municipality"] == municipality


@pytest.mark.parametrize("municipality", ["oss", "nijmegen"])
def test_municipality_filter_never_leaks_another_municipality(client, municipality):
    for question in ("bijzondere bijstand", "tandarts", "geld", "huur", "schulden"):
        _, body = search(client, q=question, municipality=municipality, limit=50)
        assert {result["municipality"] for result in body["results"]} <= {municipality, "landelijk"}


def test_own_schemes_come_first_when_relevance_is_equal(client):
    # Both municipalities have the same `bijzondere bijstand` text; only the own one is shown.
    _, body = search(client, q="bijzondere bijstand", municipality="oss")
    assert body["results"][0]["id"] == "oss/bijzondere-bijstand"


def test_without_municipality_only_national_schemes_are_shown(client):
    """No municipality chosen: nobody is shown another municipality's scheme as if it were theirs."""
    _, body = search(client, q="bijzondere bijstand toeslag")
    assert body["results"] and all(r["municipality"] == "landelijk" for r in body["results"])
    assert body["municipality"] is None


def test_category_filter(client):
    _, body = search(client, q="geld", municipality="oss", category="zorg")
    assert body["results"] and all("zorg" in result["categories"] for result in body["results"])


def test_category_without_question_lists_the_category(client):
    _, body = search(client, category="eten", municipality="oss")
    assert [result["id"] for result in body["results"]] == ["oss/voedselbank"]


def test_limit(client):
    _, body = search(client, q="geld", municipality="oss", limit=2)
    assert len(body["results"]) == 2 and body["total"] > 2


def test_typo_gives_a_suggestion_and_results(client):
    _, body = search(client, q="bijzondere bijstant", municipality="oss")
    assert body["suggestion"] == "bijzondere bijstand"
    assert body["results"][0]["id"] == "oss/bijzondere-bijstand"


def test_no_match_is_never_a_dead_end(client):
    status, body = search(client, q="qwxz plorp", municipality="oss")
    assert status == 200
    assert body["total"] == 0 and body["results"] == []
    fallback = body["fallback"]
    assert fallback["closest"] and {r["municipality"] for r in fallback["closest"]} <= {"oss", "landelijk"}
    assert set(fallback["categories"]) <= set(categories()) and "eten" in fallback["categories"]
    assert fallback["contact"]["phone"] == "14 0412" and fallback["contact"]["name"] == "Gemeente Oss"


def test_no_match_without_municipality_offers_the_national_contact(client):
    _, body = search(client, q="qwxz plorp")
    assert body["fallback"]["contact"]["name"] == "Dienst Toeslagen"


def test_empty_question_offers_the_fallback(client):
    _, body = search(client, q="", municipality="nijmegen")
    assert body["total"] == 0 and body["fallback"]["contact"]["name"] == "Gemeente Nijmegen"
    assert "energie" in body["fallback"]["categories"] and "eten" not in body["fallback"]["categories"]


@pytest.mark.parametrize(
    "question",
    ['"huur', "(huur))", "huur*", "?", "huur AND NOT OR", "titel:huur", "x" * 10_000, "\x00", "😀", "%00", "a" * 201],
)
def test_hostile_questions_get_a_normal_answer(client, question):
    status, body = search(client, q=question, municipality="oss")
    assert status == 200
    assert body["results"] or body["fallback"]
    assert len(body["query"]) <= 200


@pytest.mark.parametrize(
    ("params", "allowed"),
    [
        ({"municipality": "amsterdam"}, ["landelijk", "nijmegen", "oss"]),
        ({"municipality": "Oss"}, ["landelijk", "nijmegen", "oss"]),
        ({"category": "reizen"}, list(categories())),
        ({"limit": "0"}, [1, 50]),
        ({"limit": "51"}, [1, 50]),
        ({"limit": "-1"}, [1, 50]),
        ({"limit": "ten"}, [1, 50]),
        ({"limit": "2.5"}, [1, 50]),
        ({"limit": "²"}, [1, 50]),
        ({"limit": "9" * 5000}, [1, 50]),
    ],
)
def test_bad_parameters_get_400_with_what_is_allowed(client, params, allowed):
    status, body = search(client, q="huur", **params)
    assert status == 400
    assert body["error"] and sorted(map(str, body["allowed"])) == sorted(map(str, allowed))


def test_empty_parameters_mean_not_given_as_the_description_says(client):
    """A form sends `municipality=&category=&limit=` for "none chosen": that is the same as leaving them out."""
    assert search(client, q="huur", municipality="", category="", limit="") == search(client, q="huur")
    parameters = client.get("/api/v1/openapi.json").get_json()["paths"]["/search"]["get"]["parameters"]
    assert all(parameter["allowEmptyValue"] for parameter in parameters)
    assert "Empty or left out" in {p["name"]: p for p in parameters}["municipality"]["description"]


@pytest.mark.parametrize(
    "params", [{"municipality": " "}, {"municipality": "oss "}, {"category": " zorg"}, {"limit": " 10 "}]
)
def test_a_value_with_spaces_is_not_an_allowed_value(client, params):
    """Only an empty value means "not given"; anything else must be one of the listed values, exactly."""
    status, body = search(client, q="huur", **params)
    assert status == 400 and body["allowed"]


def test_one_scheme_in_full(client):
    response = client.get("/api/v1/schemes/oss/voedselbank")
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == "oss/voedselbank" and body["municipality"] == "oss" and body["url"] == "/oss/voedselbank"
    assert body["titel"] == "Voedselbank Oss" and body["categorieen"] == ["eten"] and "aanvragen" in body


@pytest.mark.parametrize("path", ["/api/v1/schemes/oss/bestaat-niet", "/api/v1/schemes/nergens/voedselbank"])
def test_unknown_scheme_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.is_json and "error" in response.get_json()


def test_municipalities_with_their_contacts(client):
    body = client.get("/api/v1/municipalities").get_json()
    by_slug = {item["slug"]: item for item in body["municipalities"]}
    assert set(by_slug) == {"landelijk", "nijmegen", "oss"}
    assert by_slug["oss"]["name"] == "Oss" and by_slug["oss"]["cbs_code"] == "GM0828"
    assert by_slug["oss"]["postcodes"] == ["5341-5349"] and by_slug["oss"]["contact"]["phone"] == "14 0412"
    assert by_slug["landelijk"]["national"] is True and by_slug["oss"]["national"] is False


def test_openapi_names_every_endpoint(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.1")
    routes = {
        rule.rule.removeprefix("/api/v1").replace("<", "{").replace(">", "}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
    }
    assert set(document["paths"]) == routes
    search_parameters = {p["name"]: p for p in document["paths"]["/search"]["get"]["parameters"]}
    assert search_parameters["municipality"]["schema"]["enum"] == ["landelijk", "nijmegen", "oss"]
    assert search_parameters["limit"]["schema"]["maximum"] == 50


def test_api_is_open_to_other_sites_and_sets_no_cookie(client):
    response = client.get("/api/v1/search", query_string={"q": "huur"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_the_answer_comes_first_then_the_weaker_results(client):
    _, body = search(client, q="huurtoeslag", municipality="oss", limit=20)
    matches = [result["match"] for result in body["results"]]
    assert matches[0] == "strong" and "weak" in matches
    assert matches == sorted(matches, key=lambda match: match != "strong")
