"""Turn validated file data (Dutch keys) into immutable model objects (English names)."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any

from regelingen.model import Amount, Conditions, Contact, Helper, Limit, Municipality, Scheme, Source, Status, Step


def build_municipality(slug: str, data: dict[str, Any]) -> Municipality:
    """A Municipality from the data of a valid `_gemeente.yaml`."""
    return Municipality(
        slug=slug,
        name=data["naam"],
        contact=_contact(data["contact"], url_key="website"),
        cbs_code=data.get("cbs_code"),
        postcodes=tuple(data.get("postcodes", ())),
        sources=_sources(data["bronnen"]),
        checked_on=date.fromisoformat(data["gecontroleerd_op"]),
        checked_by=data["gecontroleerd_door"],
        data=MappingProxyType(data),
    )


def build_scheme(municipality: str, slug: str, data: dict[str, Any]) -> Scheme:
    """A Scheme from the data of a valid scheme file."""
    benefit = data["wat_krijgt_u"]
    applying = data["aanvragen"]
    after = data["na_aanvraag"]
    return Scheme(
        municipality=municipality,
        slug=slug,
        title=data["titel"].strip(),
        summary=data["samenvatting"].strip(),
        translated_summaries=MappingProxyType(dict(data.get("samenvatting_vertaald", {}))),
        categories=tuple(data["categorieen"]),
        for_whom=data["voor_wie"].strip(),
        benefit=benefit["tekst"].strip(),
        amounts=tuple(_amount(item) for item in benefit.get("bedragen", ())),
        conditions=_conditions(data["voorwaarden"]),
        prerequisites=tuple(data.get("nodig_vooraf", ())),
        apply_channels=tuple(applying["manieren"]),
        apply_online_url=applying.get("online_url"),
        apply_form_url=applying.get("formulier_url"),
        apply_before_costs=bool(applying.get("vooraf_aanvragen", False)),
        steps=tuple(_step(item) for item in applying["stappen"]),
        bring=tuple(data.get("meenemen", ())),
        decision_weeks=after.get("beslistermijn_weken"),
        decision=after["besluit"].strip(),
        no_answer=after.get("geen_antwoord"),
        objection=after.get("bezwaar"),
        helpers=tuple(
            Helper(h["naam"], h.get("omschrijving"), h.get("telefoon"), h.get("url"))
            for h in data.get("hulp_bij_aanvragen", ())
        ),
        contact=_contact(data["contact"]),
        search_terms=tuple(data["zoektermen"]),
        sources=_sources(data["bronnen"]),
        checked_on=date.fromisoformat(data["gecontroleerd_op"]),
        checked_by=data["gecontroleerd_door"],
        status=Status(data["status"]),
        notice=data.get("melding"),
        safety_net=bool(data.get("vangnet", False)),
        valid_from=_optional_date(data.get("geldig_vanaf")),
        valid_until=_optional_date(data.get("geldig_tot")),
        data=MappingProxyType(data),
    )


def _contact(data: dict[str, Any], url_key: str = "url") -> Contact:
    return Contact(
        name=data["naam"],
        phone=data.get("telefoon"),
        email=data.get("email"),
        url=data.get(url_key),
        address=data.get("adres"),
        opening_hours=data.get("openingstijden"),
    )


def _sources(items: list[dict[str, Any]]) -> tuple[Source, ...]:
    return tuple(Source(item["url"], item.get("titel")) for item in items)


def _amount(data: dict[str, Any]) -> Amount:
    values = tuple(sorted((int(year), float(value)) for year, value in data["waarden"].items()))
    return Amount(data["omschrijving"], data["per"], values, bool(data.get("maximaal", False)))


def _limit(data: dict[str, Any] | None) -> Limit | None:
    if not data:
        return None
    return Limit(
        float(data["alleenstaand"]),
        _optional_float(data.get("samen")),
        int(data["jaar"]),
        data.get("per"),
        bool(data.get("ouder_als_samen", False)),
    )


def _conditions(data: dict[str, Any]) -> Conditions:
    return Conditions(
        text=tuple(data["tekst"]),
        lives_in_municipality=bool(data.get("woont_in_gemeente", False)),
        age_min=data.get("leeftijd_min"),
        age_max=data.get("leeftijd_max"),
        until_pension_age=bool(data.get("tot_aow_leeftijd", False)),
        from_pension_age=bool(data.get("vanaf_aow_leeftijd", False)),
        income_limit_percent=data.get("inkomensgrens_procent"),
        income_limit_amount=_limit(data.get("inkomensgrens_bedrag")),
        min_years_low_income=data.get("minimaal_jaren_laag_inkomen"),
        wealth_limit=_limit(data.get("vermogensgrens")),
        children_required=bool(data.get("kinderen_nodig", False)),
        child_age_min=data.get("kind_leeftijd_min"),
        child_age_max=data.get("kind_leeftijd_max"),
        housing=data.get("woonsituatie"),
        students_excluded=bool(data.get("student_uitgesloten", False)),
        students_only=bool(data.get("alleen_studenten", False)),
        without_partner_only=bool(data.get("alleen_zonder_partner", False)),
        social_assistance_only=bool(data.get("alleen_met_bijstand", False)),
    )


def _step(data: dict[str, Any]) -> Step:
    return Step(
        what=data["wat"].strip(),
        who=data.get("wie", "u"),
        where=data.get("waar"),
        bring=tuple(data.get("meenemen", ())),
        needs=tuple(data.get("nodig", ())),
        alternative=data.get("anders"),
        link=data.get("link"),
    )


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)
