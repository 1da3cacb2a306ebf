"""The results page shows the strong answer first and folds the weaker results, as the API marks them (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitepage import get_page, make_app, path

REAL_DATA = Path(__file__).resolve().parents[2] / "data" / "schemes"


@pytest.fixture
def app(tmp_path):
    """The app on the shipped scheme files."""
    return make_app(tmp_path, data_dir=REAL_DATA)


@pytest.mark.parametrize(
    ("question", "municipality"),
    [("tandarts te duur", "oss"), ("wasmachine kapot geen geld", "nijmegen"), ("sport voor mijn kind", "meppel")],
)
def test_the_page_shows_the_apis_strong_results_as_the_answer_and_folds_the_rest(client, question, municipality):
    """Outside the fold: exactly the results the API calls strong, in order; inside it: the weak ones."""
    api = client.get("/api/v1/search", query_string={"q": question, "municipality": municipality}).get_json()
    strong = [f"/{result['id']}" for result in api["results"] if result["match"] == "strong"]
    weak = [f"/{result['id']}" for result in api["results"] if result["match"] == "weak"]
    assert strong, "the API always calls the top result strong"
    page = get_page(client, f"/zoeken?q={question}&gemeente={municipality}")
    folded = page.all("details", class_="more-results")
    inside = [path(a.attrs["href"]) for fold in folded for a in fold.all("a") if "href" in a.attrs]
    cards = [path(h) for h in page.internal_links() if path(h).count("/") == 2 and not path(h).startswith("/categorie")]
    outside = [link for link in dict.fromkeys(cards) if link not in inside]
    assert outside[: len(strong)] == strong
    assert [link for link in inside if link in weak] == [link for link in weak if link in inside]
    assert set(weak) <= set(inside) | {link for link in weak if link not in cards}
    if weak:
        assert "Misschien ook iets voor u" in folded[0].text
    else:
        assert not folded
