"""Table-driven test of the check over the REAL scheme files (data/schemes), with the fixture norms.

Each row is a household; its expected outcome per scheme was written by reading that scheme's conditions
(`voorwaarden`), not by running the code. Schemes not named in a row are expected to be "kijk samen".
Norms (fixture, on TODAY): alone 1400, single parent 1450, couple 2000, alone with AOW 1500, couple with AOW 2100;
so e.g. 110% alone = 1540, 120% single parent = 1740, 125% couple = 2500, 130% couple with AOW = 2730.
Zorgtoeslag's limit is 40,857 a year alone (3,404.75 a month) and 51,142 together (4,261.83 a month).
"""

from __future__ import annotations

from datetime import date

import pytest
from checkhelp import answers, norms

from regelingen.catalog import load_catalog
from regelingen.check.eligibility import KIJK, NIET_NU, PAST
from regelingen.check.run import run_check

# A day on which every real file is valid (none was checked later); same half year as the fixture norms.
TODAY = date(2026, 12, 5)
CATALOG = load_catalog(today=TODAY)
NORMS = norms()


def ids(place: str, *slugs: str) -> set[str]:
    """Scheme ids `place/slug`."""
    return {f"{place}/{slug}" for slug in slugs}


KIDS_NL = ids(
    "landelijk",
    "kinderopvangtoeslag",
    "kindgebonden-budget",
    "nationaal-fonds-kinderhulp",
    "samen-voor-alle-kinderen",
    "stichting-jarige-job",
)
MEPPEL_KIDS = ids(
    "meppel",
    "jeugdfonds-sport-cultuur",
    "kinderopvang-vergoeding",
    "kindsupport-meppel",
    "laptopregeling",
    "regeling-participatie-schoolgaande-kinderen",
)
AIO, HUUR, ZORG = "landelijk/aio-aanvulling", "landelijk/huurtoeslag", "landelijk/zorgtoeslag"
ALONE = "partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=geen"

# (name, answers, schemes expected "past waarschijnlijk", schemes expected "niet nu")
TABLE = [
    (
        "meppel alone, income below 100%",
        f"gemeente=meppel&{ALONE}&inkomen=0-1400&jaren=3-&wonen=huur",
        ids(
            "meppel",
            "arme-kant-van-meppel",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "fonds-deelname-maatschappelijke-activiteiten",
            "individuele-inkomenstoeslag",
            "kwijtschelding-gemeentelijke-belastingen",
        )
        | {HUUR, ZORG}
        | {"meppel/bijstandsuitkering"},
        MEPPEL_KIDS | KIDS_NL | {AIO, "meppel/individuele-studietoeslag"},
    ),
    (
        "meppel alone, band from exactly 100% to exactly 105%",
        f"gemeente=meppel&{ALONE}&inkomen=1400-1470&jaren=3-&wonen=huur",
        ids(
            "meppel",
            "arme-kant-van-meppel",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "fonds-deelname-maatschappelijke-activiteiten",
            "individuele-inkomenstoeslag",
        )
        | {HUUR, ZORG},
        MEPPEL_KIDS | KIDS_NL | {AIO, "meppel/individuele-studietoeslag"},
    ),
    (
        "meppel alone, band from exactly 105% to exactly 110%",
        f"gemeente=meppel&{ALONE}&inkomen=1470-1540&jaren=3-&wonen=huur",
        ids(
            "meppel",
            "arme-kant-van-meppel",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "fonds-deelname-maatschappelijke-activiteiten",
        )
        | {HUUR, ZORG},
        MEPPEL_KIDS
        | KIDS_NL
        | {AIO, "meppel/kwijtschelding-gemeentelijke-belastingen", "meppel/individuele-studietoeslag"}
        | {"meppel/bijstandsuitkering"},
    ),
    (
        "meppel single parent, child 4-17, band from exactly 110% to exactly 120%, low income under 3 years",
        "gemeente=meppel&partner=nee&kinderen=4-17&leeftijd=21-aow&ontvangt=geen&inkomen=1595-1740&jaren=0-3&wonen=huur",
        ids(
            "meppel",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "jeugdfonds-sport-cultuur",
            "kindsupport-meppel",
            "regeling-participatie-schoolgaande-kinderen",
        )
        | KIDS_NL
        | {HUUR, ZORG},
        ids("meppel", "individuele-inkomenstoeslag", "kwijtschelding-gemeentelijke-belastingen")
        | {AIO}
        | {"meppel/individuele-studietoeslag"}
        | {"meppel/bijstandsuitkering"},
    ),
    (
        "meppel couple with AOW, owner, band from exactly 100% to exactly 110%",
        "gemeente=meppel&partner=ja&kinderen=geen&leeftijd=aow&ontvangt=geen&inkomen=2100-2310&jaren=onbekend&wonen=koop",
        ids(
            "meppel",
            "arme-kant-van-meppel",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "fonds-deelname-maatschappelijke-activiteiten",
        )
        | {ZORG},
        MEPPEL_KIDS
        | KIDS_NL
        | {"meppel/individuele-inkomenstoeslag", HUUR}
        | {"meppel/individuele-studietoeslag"}
        | {"meppel/bijstandsuitkering"},
    ),
    (
        "meppel, weet ik niet everywhere",
        "gemeente=meppel&partner=onbekend&kinderen=onbekend&leeftijd=onbekend&ontvangt=onbekend&inkomen=onbekend&jaren=onbekend&wonen=onbekend",
        set(),
        set(),
    ),
    (
        "midden-groningen couple, two children, band up to exactly 125%",
        "gemeente=midden-groningen&partner=ja&kinderen=0-3&kinderen=4-17&leeftijd=21-aow&ontvangt=geen&inkomen=2400-2500&wonen=huur",
        ids(
            "midden-groningen",
            "bijstandsuitkering",
            "bijzondere-bijstand",
            "individuele-inkomenstoeslag",
            "jeugdfonds-sport-cultuur",
            "kindpakket",
            "meedoen-fonds",
        )
        | KIDS_NL
        | {HUUR, ZORG},
        {AIO, "midden-groningen/studietoeslag", "midden-groningen/kinderopvang-vergoeding"},
    ),
    (
        "midden-groningen couple, toddler, band from exactly 125%",
        "gemeente=midden-groningen&partner=ja&kinderen=0-3&leeftijd=21-aow&ontvangt=geen&inkomen=2500-3000&wonen=huur",
        ids(
            "midden-groningen",
            "bijstandsuitkering",
            "bijzondere-bijstand",
            "individuele-inkomenstoeslag",
            "jeugdfonds-sport-cultuur",
        )
        | KIDS_NL
        | {HUUR, ZORG},
        {AIO, "midden-groningen/studietoeslag", "midden-groningen/kinderopvang-vergoeding"},
    ),
    (
        "midden-groningen single parent on bijstand, toddler, income below 100%",
        "gemeente=midden-groningen&partner=nee&kinderen=0-3&leeftijd=21-aow&ontvangt=bijstand&inkomen=0-1450&jaren=3-&wonen=huur",
        ids(
            "midden-groningen",
            "bijstandsuitkering",
            "bijzondere-bijstand",
            "individuele-inkomenstoeslag",
            "jeugdfonds-sport-cultuur",
            "kinderopvang-vergoeding",
            "kindpakket",
            "meedoen-fonds",
        )
        | KIDS_NL
        | {HUUR, ZORG},
        {AIO, "midden-groningen/studietoeslag"},
    ),
    (
        "midden-groningen alone aged 18-20 (youth norms unknown), living with family",
        "gemeente=midden-groningen&partner=nee&kinderen=geen&leeftijd=18-20&ontvangt=geen&inkomen=0-1400&wonen=anders",
        ids("midden-groningen", "bijstandsuitkering", "bijzondere-bijstand") | {ZORG},
        ids(
            "midden-groningen",
            "individuele-inkomenstoeslag",
            "jeugdfonds-sport-cultuur",
            "kinderopvang-vergoeding",
            "kindpakket",
        )
        | KIDS_NL
        | {AIO, "midden-groningen/studietoeslag"},
    ),
    (
        "nieuwegein alone, band from the 2024 amount limit to exactly 110%",
        f"gemeente=nieuwegein&{ALONE}&inkomen=1341-1540&jaren=3-&wonen=huur",
        ids("nieuwegein", "bijzondere-bijstand", "collectieve-zorgverzekering", "schuldhulpverlening", "stadspas")
        | {HUUR, ZORG},
        ids("nieuwegein", "pc-en-fietsregeling", "stichting-leergeld")
        | KIDS_NL
        | {AIO}
        | {"nieuwegein/studietoeslag"}
        | {"nieuwegein/kinderopvang-vergoeding"},
    ),
    (
        "nieuwegein alone, band from exactly 110% to exactly 125% (old amount limit: kijk, not niet nu)",
        f"gemeente=nieuwegein&{ALONE}&inkomen=1540-1750&jaren=3-&wonen=huur",
        ids("nieuwegein", "bijzondere-bijstand", "collectieve-zorgverzekering", "schuldhulpverlening", "stadspas")
        | {HUUR, ZORG},
        ids("nieuwegein", "pc-en-fietsregeling", "stichting-leergeld")
        | KIDS_NL
        | {AIO}
        | {"nieuwegein/bijstandsuitkering"}
        | {"nieuwegein/studietoeslag"}
        | {"nieuwegein/kinderopvang-vergoeding"},
    ),
    (
        "nieuwegein single parent, child 4-5, band from 125% to exactly 150%",
        "gemeente=nieuwegein&partner=nee&kinderen=4-5&leeftijd=21-aow&ontvangt=geen&inkomen=1812-2175&jaren=onbekend&wonen=huur",
        ids(
            "nieuwegein",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "kinderopvang-vergoeding",
            "schuldhulpverlening",
        )
        | KIDS_NL
        | {HUUR, ZORG},
        ids("nieuwegein", "individuele-inkomenstoeslag", "pc-en-fietsregeling")
        | {AIO}
        | {"nieuwegein/bijstandsuitkering"}
        | {"nieuwegein/studietoeslag"},
    ),
    (
        "nieuwegein couple on bijstand, child 6-17, low income under 3 years",
        "gemeente=nieuwegein&partner=ja&kinderen=6-17&leeftijd=21-aow&ontvangt=bijstand&jaren=0-3&wonen=huur",
        ids(
            "nieuwegein",
            "bijzondere-bijstand",
            "collectieve-zorgverzekering",
            "pc-en-fietsregeling",
            "schuldhulpverlening",
            "stadspas",
            "stichting-leergeld",
        )
        | KIDS_NL
        | {HUUR, ZORG}
        | {"nieuwegein/bijstandsuitkering"},
        ids("nieuwegein", "individuele-inkomenstoeslag") | {AIO} | {"nieuwegein/studietoeslag"},
    ),
    (
        "nijmegen student alone",
        "gemeente=nijmegen&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=studiefinanciering&inkomen=0-1540&jaren=3-&wonen=huur",
        ids("nijmegen", "bijzondere-bijstand", "busvoordeelabonnement", "caz", "studietoeslag") | {HUUR, ZORG},
        ids("nijmegen", "individuele-inkomenstoeslag", "meedoenregeling", "stichting-leergeld")
        | KIDS_NL
        | {AIO}
        | {"nijmegen/kinderopvang-vergoeding"},
    ),
    (
        "nijmegen aged 15-17 living with family",
        "gemeente=nijmegen&partner=nee&kinderen=geen&leeftijd=15-17&ontvangt=geen&inkomen=0-1400&jaren=onbekend&wonen=anders",
        set(),
        ids(
            "nijmegen",
            "bijzondere-bijstand",
            "busvoordeelabonnement",
            "individuele-inkomenstoeslag",
            "meedoenregeling",
            "stichting-leergeld",
        )
        | KIDS_NL
        | {AIO, ZORG}
        | {"nijmegen/studietoeslag"}
        | {"nijmegen/bijstandsuitkering"}
        | {"nijmegen/kinderopvang-vergoeding"},
    ),
    (
        "nijmegen couple, children 4-17 and 18-21, band from exactly 130%",
        "gemeente=nijmegen&partner=ja&kinderen=4-17&kinderen=18-21&leeftijd=21-aow&ontvangt=geen&inkomen=2600-3000&jaren=3-&wonen=huur",
        ids("nijmegen", "bijzondere-bijstand", "meedoenregeling") | KIDS_NL | {HUUR, ZORG},
        ids("nijmegen", "individuele-inkomenstoeslag")
        | {AIO}
        | {"nijmegen/studietoeslag"}
        | {"nijmegen/bijstandsuitkering"},
    ),
    (
        "nijmegen couple with AOW, owners, income from exactly 130%",
        "gemeente=nijmegen&partner=ja&kinderen=geen&leeftijd=aow&ontvangt=geen&inkomen=2730-&jaren=3-&wonen=koop",
        ids("nijmegen", "bijzondere-bijstand", "meedoenregeling"),
        ids("nijmegen", "individuele-inkomenstoeslag", "stichting-leergeld")
        | KIDS_NL
        | {AIO, HUUR}
        | {"nijmegen/studietoeslag"}
        | {"nijmegen/bijstandsuitkering"}
        | {"nijmegen/kinderopvang-vergoeding"},
    ),
    (
        "oss single parent, toddler, income from exactly 120%",
        "gemeente=oss&partner=nee&kinderen=0-3&leeftijd=21-aow&ontvangt=geen&inkomen=1740-&wonen=huur",
        ids("oss", "bijstandsuitkering", "jeugdfonds-sport-cultuur") | KIDS_NL | {HUUR},
        ids("oss", "stichting-leergeld") | {AIO} | {"oss/studietoeslag"},
    ),
    (
        "oss alone with AOW, band up to exactly 100% of the AOW norm",
        "gemeente=oss&partner=nee&kinderen=geen&leeftijd=aow&ontvangt=geen&inkomen=0-1500&wonen=huur",
        ids("oss", "azoss", "bijzondere-bijstand", "meedoen-is-belangrijk") | {AIO, HUUR, ZORG},
        ids(
            "oss", "bijstandsuitkering", "individuele-inkomenstoeslag", "jeugdfonds-sport-cultuur", "stichting-leergeld"
        )
        | KIDS_NL
        | {"oss/studietoeslag"},
    ),
    (
        "oss, household not known",
        "gemeente=oss&partner=onbekend&kinderen=onbekend&leeftijd=21-aow&ontvangt=geen&inkomen=0-1400&wonen=huur",
        ids("oss", "bijstandsuitkering") | {HUUR},
        {AIO} | {"oss/studietoeslag"},
    ),
    (
        "oss alone on bijstand with huurtoeslag, income and housing not asked",
        "gemeente=oss&partner=nee&kinderen=geen&leeftijd=21-aow&ontvangt=bijstand&ontvangt=huurtoeslag",
        ids(
            "oss",
            "azoss",
            "bijstandsuitkering",
            "bijzondere-bijstand",
            "individuele-inkomenstoeslag",
            "meedoen-is-belangrijk",
        )
        | {HUUR, ZORG},
        ids("oss", "jeugdfonds-sport-cultuur", "stichting-leergeld") | KIDS_NL | {AIO} | {"oss/studietoeslag"},
    ),
    (
        "another municipality, alone",
        f"gemeente=&{ALONE}&inkomen=0-1400&wonen=huur",
        {HUUR, ZORG},
        KIDS_NL | {AIO},
    ),
    (
        "another municipality, couple with AOW and adult children, owners, income from the zorgtoeslag limit",
        "gemeente=&partner=ja&kinderen=22-&leeftijd=aow&ontvangt=geen&inkomen=4261-&wonen=koop",
        ids("landelijk", "kinderopvangtoeslag", "stichting-jarige-job"),
        ids("landelijk", "kindgebonden-budget", "nationaal-fonds-kinderhulp", "samen-voor-alle-kinderen") | {AIO, HUUR},
    ),
]

# Every scheme the table was written for; a new or renamed file needs its expectations added above.
REVIEWED = (
    {scheme_id for _, _, past, niet_nu in TABLE for scheme_id in past | niet_nu}
    | ids("landelijk", "geldfit-schuldhulproute", "humanitas-thuisadministratie", "schuldhulpmaatje", "voedselbank")
    | ids(
        "meppel", "leenfonds-meppel", "schuldhulpverlening", "tegemoetkoming-meerkosten-ziekte-handicap", "voedselbank"
    )
    | ids(
        "midden-groningen",
        "kwijtschelding-gemeentelijke-belastingen",
        "schuldhulpverlening",
        "studietoeslag",
        "voedselbank",
        "voorzieningenwijzer",
        "vrijstelling-afvalstoffenheffing-medisch-afval",
    )
    | ids("nieuwegein", "kwijtschelding-gemeentelijke-belastingen", "voedselbank")
    | ids(
        "nijmegen",
        "bijzondere-bijstand-bewindvoering",
        "kwijtschelding-gemeentelijke-belastingen",
        "schuldhulpverlening",
        "voedselbank",
    )
    | ids("oss", "kwijtschelding-gemeentelijke-belastingen", "schuldhulpverlening", "voedselbank")
)


def test_the_table_covers_every_household_type_and_every_scheme():
    """At least 20 households, every household type, and every scheme file has been read for the table."""
    assert len(TABLE) >= 20
    households = set()
    for _, query, _, _ in TABLE:
        given = answers(query)
        if given.partner is not None and given.age is not None and given.age.pension is not None:
            households.add(
                (given.partner, bool(given.children) and not given.partner and not given.age.pension, given.age.pension)
            )
    # alone, single parent, couple, alone with AOW, couple with AOW: the five norms
    assert households >= {
        (False, False, False),
        (False, True, False),
        (True, False, False),
        (False, False, True),
        (True, False, True),
    }
    unread = set(CATALOG.schemes) - REVIEWED
    assert not unread, (
        f"new scheme files: read their conditions and add their expected outcomes to TABLE: {sorted(unread)}"
    )


@pytest.mark.parametrize(("name", "query", "past", "niet_nu"), TABLE, ids=[row[0] for row in TABLE])
def test_outcome_per_scheme(name, query, past, niet_nu):
    """Each scheme in scope gets the outcome its own conditions give for this household."""
    result = run_check(CATALOG, answers(query), NORMS, TODAY)
    got = {item.scheme.id: item.outcome for item in result.assessments}
    expected = {
        scheme_id: PAST if scheme_id in past else NIET_NU if scheme_id in niet_nu else KIJK for scheme_id in got
    }
    assert set(past | niet_nu) <= set(got), (
        f"schemes expected but not in scope: {sorted(set(past | niet_nu) - set(got))}"
    )
    wrong = {
        scheme_id: (got[scheme_id], expected[scheme_id]) for scheme_id in got if got[scheme_id] != expected[scheme_id]
    }
    assert not wrong, f"{name}: (got, expected) {wrong}"
