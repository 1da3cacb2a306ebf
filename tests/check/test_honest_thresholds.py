"""Issue 15, honest thresholds: every amount derived from a bijstandsnorm says which norm it rests on, on the
page, in the printed guide, in the API and in `validate`; a newer norm changes them without touching a scheme."""

from __future__ import annotations

import hashlib
import shutil
import time

from checkhelp import NORMS, OLD_NORMS, SCHEMES
from sitepage import make_app as make_page_app


def _text(response) -> str:
    return " ".join(response.get_data(as_text=True).replace("\xa0", " ").replace("&nbsp;", " ").split())


def _folder_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(SCHEMES.rglob("*.yaml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_derived_limits_carry_their_norm_date_and_follow_a_newer_norm(tmp_path):
    norms_file = tmp_path / "normen.yaml"
    shutil.copy(OLD_NORMS, norms_file)  # only 1 January 2026: today (21 November 2026) has no norm yet
    app = make_page_app(tmp_path, SCHEMES, NORMEN_FILE=str(norms_file), RECHECK_SECONDS=0, WATCH_SHARE=1.0)
    client = app.test_client()
    before = _folder_hash()

    page = _text(client.get("/oss/meedoen"))
    assert "€ 1.560 per maand als u alleen woont" in page  # 120% of € 1.300
    assert "€ 2.280 per maand als u samenwoont of getrouwd bent" in page  # 120% of € 1.900
    assert "Berekend met de bijstandsnorm van 1 januari 2026." in page
    assert "De norm van nu kan iets hoger zijn." in page
    guide = _text(client.get("/oss/meedoen/stappenplan"))
    assert (
        "Inkomen tot € 1.560 per maand (alleen) of € 2.280 (samen): 120% van de bijstandsnorm van 1 januari 2026."
        in guide
    )
    api = client.get("/api/v1/schemes/oss/meedoen").get_json()["inkomensgrens_berekend"]
    assert api == {
        "procent": 120,
        "bijstandsnorm_van": "2026-01-01",
        "actueel": False,
        "aow_leeftijd": False,
        "per_maand_netto": {"alleenstaand": 1560.0, "samenwonend": 2280.0},
    }
    english = _text(client.get("/oss/meedoen?taal=en"))
    assert "Calculated with the social assistance standard of January 1, 2026." in english
    # people with the AOW age: their own norm
    assert client.get("/api/v1/schemes/oss/ouderenbijdrage").get_json()["inkomensgrens_berekend"][
        "per_maand_netto"
    ] == {
        "alleenstaand": 1450.0,
        "samenwonend": 2000.0,
    }
    # staff see which schemes rest on the old norm
    validated = app.test_cli_runner().invoke(args=["regelingen", "validate"])
    assert "tonen een inkomensgrens berekend met de bijstandsnorm van 2026-01-01" in validated.output
    assert "oss/meedoen" in validated.output and "oss/sportfonds" in validated.output

    shutil.copy(NORMS, norms_file)  # the one edit a new half year needs: 1 July 2026 added
    deadline = time.monotonic() + 15
    while "1 juli 2026" not in (page := _text(client.get("/oss/meedoen"))):
        assert time.monotonic() < deadline, "the new norm was not served within 15 s"
        time.sleep(0.05)
    assert "€ 1.680 per maand als u alleen woont" in page  # 120% of € 1.400
    assert "€ 2.400 per maand als u samenwoont of getrouwd bent" in page
    assert "De norm van nu kan iets hoger zijn." not in page
    assert "van de bijstandsnorm van 1 juli 2026" in _text(client.get("/oss/meedoen/stappenplan"))
    api = client.get("/api/v1/schemes/oss/meedoen").get_json()["inkomensgrens_berekend"]
    assert api["bijstandsnorm_van"] == "2026-07-01" and api["actueel"] is True
    assert "inkomensgrens berekend" not in app.test_cli_runner().invoke(args=["regelingen", "validate"]).output
    assert _folder_hash() == before  # no scheme file was touched


def test_a_scheme_without_a_percentage_shows_no_derived_limit(tmp_path):
    app = make_page_app(tmp_path, SCHEMES, NORMEN_FILE=str(NORMS))
    client = app.test_client()
    slug = next(
        path.stem
        for path in sorted((SCHEMES / "oss").glob("*.yaml"))
        if not path.name.startswith("_") and "inkomensgrens_procent" not in path.read_text(encoding="utf-8")
    )
    assert "bijstandsnorm van" not in _text(client.get(f"/oss/{slug}"))
    assert "inkomensgrens_berekend" not in client.get(f"/api/v1/schemes/oss/{slug}").get_json()
