"""Create a commented starting file for a new scheme that passes `check` once its example text is replaced."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from regelingen.catalog import load_catalog, municipality_folders
from regelingen.codes import is_slug
from regelingen.files.schema import SCHEME_SCHEMA, categories, load_schema, prerequisites
from regelingen.files.validate import MUNICIPALITY_FILE
from regelingen.model import NATIONAL, Municipality

# Explanations start with a capital letter; commented-out optional fields start with `# veld:` or `# - `,
# so removing '# ' (Ctrl+/ in VS Code) turns an example into a working field.
TEMPLATE = """\
# yaml-language-server: $schema=../../../schema/regeling.schema.json
# Nieuwe regeling voor {municipality_name}, gemaakt op {today}.
# Vervang alle voorbeeldtekst door de echte gegevens. Regels met '#' ervoor zijn uitleg.
# Een voorbeeldveld met '#' ervoor gebruiken? Haal dan '# ' weg en vul het in.
# Controleren:  flask --app app regelingen check {path}
# Bekijken:     flask --app app regelingen preview {path}

# De naam van de regeling, zoals inwoners die kennen. Kort, zonder afkortingen (3 tot 90 tekens).
titel: {title}
# Eén of twee korte zinnen op taalniveau B1: wat is het en voor wie (20 tot 320 tekens).
samenvatting: >-
  Schrijf hier in één of twee korte zinnen wat de regeling is en voor wie zij is.
# Optioneel: de samenvatting in andere talen. Taalcodes: en, ar, tr, pl, uk.
# samenvatting_vertaald:
#   en: Write one or two short sentences in English here.
# Eén of meer onderwerpen. Kies uit: {categories}.
categorieen: [geld]
# Voor wie de regeling is, in één of twee zinnen.
voor_wie: {for_whom}
# Wat iemand krijgt: een korte tekst en, als het kan, de bedragen per jaar.
wat_krijgt_u:
  # Wat iemand krijgt, in gewone woorden.
  tekst: Schrijf hier wat iemand krijgt, bijvoorbeeld een bedrag per jaar of een pas.
  # Optioneel: bedragen. Elk bedrag hoort bij een jaar.
  # Komt er een nieuw jaar bij? Zet het erbij en laat het oude jaar staan.
  # Bij 'per' kiest u: eenmalig, maand, jaar of keer. Zet 'maximaal' op true als het een maximum is ('tot € ...').
  # bedragen:
  #   - omschrijving: per persoon
  #     per: jaar
  #     maximaal: false
  #     waarden: {{{year}: 150}}
# De voorwaarden: als zinnen, en waar het kan ook als velden die de site kan gebruiken.
voorwaarden:
  # De voorwaarden in gewone zinnen, één per regel.
  tekst:
    - {lives_in}
    - Schrijf hier de andere voorwaarden, één per regel.
  # Optioneel: dezelfde voorwaarden als velden, zodat de site kan helpen kiezen. Laat weg wat niet geldt.
  # woont_in_gemeente: true
  # leeftijd_min: 18
  # leeftijd_max: 66
  # Zet 'tot_aow_leeftijd' op true als de regeling stopt bij de AOW-leeftijd.
  # Zet 'vanaf_aow_leeftijd' op true als de regeling pas bij de AOW-leeftijd begint.
  # tot_aow_leeftijd: true
  # vanaf_aow_leeftijd: false
  # Inkomensgrens als percentage van de bijstandsnorm, of als bedrag met het jaar waarin het geldt.
  # inkomensgrens_procent: 120
  # Geldt het bedrag bij 'samen' ook voor een alleenstaande ouder? Zet dan ouder_als_samen: true.
  # inkomensgrens_bedrag: {{per: maand, alleenstaand: 1500, samen: 2100, ouder_als_samen: false, jaar: {year}}}
  # minimaal_jaren_laag_inkomen: 3
  # vermogensgrens: {{alleenstaand: 7500, samen: 15000, ouder_als_samen: true, jaar: {year}}}
  # kinderen_nodig: true
  # kind_leeftijd_min: 4
  # kind_leeftijd_max: 17
  # Bij 'woonsituatie' kiest u huur (alleen voor huurders) of koop (alleen voor eigenaren).
  # woonsituatie: huur
  # student_uitgesloten: true
  # Zet 'alleen_studenten' op true als alleen wie studiefinanciering of WTOS krijgt de regeling kan krijgen.
  # alleen_studenten: true
  # Zet 'alleen_zonder_partner' op true als alleen wie geen partner heeft (zoals een alleenstaande ouder) het kan krijgen.
  # alleen_zonder_partner: true
  # Zet 'alleen_met_bijstand' op true als alleen wie een bijstandsuitkering krijgt de regeling kan krijgen.
  # alleen_met_bijstand: true
# Optioneel: wat iemand al moet hebben voordat hij kan aanvragen. Kies uit: {prerequisites}.
# nodig_vooraf: [digid]
# Hoe iemand de regeling aanvraagt.
aanvragen:
  # Hoe u kunt aanvragen. Kies uit: {channels}.
  manieren: [telefoon]
  # Optioneel: het online formulier, het formulier op papier (pdf), en true als u moet aanvragen vóór u kosten maakt.
  # online_url: https://www.voorbeeld.nl/aanvragen
  # formulier_url: https://www.voorbeeld.nl/formulier.pdf
  # vooraf_aanvragen: true
  # De stappen, in volgorde. Elke stap is klein en haalbaar.
  stappen:
    # Wat u doet, in één korte zin.
    - wat: {first_step}
      # Wie dit meestal doet: u, hulpverlener, gemeente of organisatie.
      wie: u
      # Optioneel: waar, wat u meeneemt, wat u al moet hebben, en een andere weg als u dat niet heeft.
      # waar: telefoon
      # meenemen: [uw identiteitsbewijs]
      # nodig: [digid]
      # anders: Heeft u geen DigiD? Bel dan en vraag een formulier op papier.
      # Noemt de stap een formulier of een pagina? Zet het adres erbij.
      # link: https://www.voorbeeld.nl/formulier
# Optioneel: papieren en gegevens die u nodig heeft (een checklist).
# meenemen:
#   - Uw identiteitsbewijs
#   - Uw bankafschriften van de laatste maand
# Wat er gebeurt nadat iemand heeft aangevraagd.
na_aanvraag:
  # Hoe u het besluit krijgt.
  besluit: U krijgt een brief met het besluit.
  # Optioneel: binnen hoeveel weken, wat u doet als u niets hoort, en hoe u bezwaar maakt.
  # beslistermijn_weken: 8
  # geen_antwoord: {no_answer}
  # bezwaar: Bent u het niet eens met het besluit? In de brief staat hoe u bezwaar maakt.
# Optioneel: wie gratis helpt met aanvragen.
# hulp_bij_aanvragen:
#   - naam: Sociaal raadslieden
#     omschrijving: Helpen gratis bij het aanvragen.
#     telefoon: 0800-0000000
#     url: https://www.voorbeeld.nl
# Wie mensen bellen of bezoeken. Een telefoonnummer of een webadres is verplicht.
contact:
  # De naam van de organisatie of afdeling.
  naam: {contact_name}
  # Het telefoonnummer, zoals 14 0412, 024 350 20 00 of 0800-8115.
  telefoon: {phone}
  # De webpagina waar mensen meer lezen of contact opnemen.
  url: {website}
  # Optioneel: e-mail, adres en openingstijden.
  # email: info@voorbeeld.nl
  # adres: Voorbeeldstraat 1, 1234 AB Voorbeeld
  # openingstijden: Maandag tot en met vrijdag van 9.00 tot 17.00 uur
# Woorden die mensen zelf gebruiken als ze hulp zoeken, zoals 'tandarts' of 'rood staan'.
zoektermen:
  - {slug_words}
# Optioneel: alleen voor een landelijk fonds dat pas helpt als de regelingen van de gemeente niet genoeg
# zijn. Het zoeken toont dan eerst de regelingen van de gemeente. Noem bij de bronnen waar dat staat.
# vangnet: true
# Waar de feiten vandaan komen: officiële pagina's, met een titel.
bronnen:
  # Het webadres van de pagina.
  - url: {website}
    # De naam van de pagina, zodat iemand hem terugvindt.
    titel: Vervang dit door de pagina waar de feiten staan
# De datum waarop u de feiten voor het laatst controleerde bij de bron (JJJJ-MM-DD).
gecontroleerd_op: {today}
# Welk team de feiten controleerde (geen naam van een persoon).
gecontroleerd_door: {team}
# Actief, tijdelijk gesloten of beëindigd (schrijf: actief, tijdelijk gesloten, beëindigd).
status: actief
# Optioneel: een korte melding bovenaan de pagina, en de datums waarop de regeling begint en stopt.
# melding: Aanvragen kan dit jaar tot 1 december.
# geldig_vanaf: {year}-01-01
# geldig_tot: {year}-12-31
"""


class NewFileError(Exception):
    """The starting file cannot be made; the message says why, in Dutch."""


def scheme_path(root: Path, municipality: str, slug: str) -> Path:
    """Where the file of scheme `<municipality>/<slug>` lives below `root`."""
    return Path(root) / municipality / f"{slug}.yaml"


def create_scheme_file(root: Path, municipality: str, slug: str, today: date) -> Path:
    """Write the starting file for `<municipality>/<slug>` below `root`; never overwrite a file."""
    known = municipality_folders(root)
    if municipality not in known:
        raise NewFileError(f"onbekende gemeente '{municipality}'; kies uit: {', '.join(known)}")
    # Only the municipality's own file is read: its contact fills in the example.
    place = load_catalog(root, today, paths=[Path(root) / municipality / MUNICIPALITY_FILE]).municipalities.get(
        municipality
    )
    if place is None:
        raise NewFileError(
            f"de map '{municipality}' heeft geen geldig {MUNICIPALITY_FILE}; los dat eerst op (zie 'regelingen check')"
        )
    if not is_slug(slug):
        raise NewFileError(
            f"de naam '{slug}' mag alleen kleine letters, cijfers en '-' bevatten, zoals 'energietoeslag'"
        )
    path = scheme_path(root, municipality, slug)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(scheme_text(place, slug, today, shown_path=_shown(path)))
    except FileExistsError:
        raise NewFileError(f"{path} bestaat al; kies een andere naam of pas dat bestand aan") from None
    return path


def scheme_text(municipality: Municipality, slug: str, today: date, shown_path: str = "") -> str:
    """The text of a new, valid scheme file for `municipality`, with a Dutch comment at every field."""
    contact = municipality.contact
    place = "Nederland" if municipality.slug == NATIONAL else municipality.name
    call = f"Bel {contact.phone}" if contact.phone else "Neem contact op"
    title = slug.replace("-", " ").capitalize()
    title = title if len(title) >= 3 else f"Regeling {title}"
    return TEMPLATE.format(
        municipality_name=municipality.name,
        today=today.isoformat(),
        year=today.year,
        path=shown_path or f"{municipality.slug}/{slug}.yaml",
        title=_quoted(title[:90].rstrip()),
        slug_words=_quoted(slug.replace("-", " ")),
        categories=", ".join(categories()),
        prerequisites=", ".join(prerequisites()),
        channels=", ".join(_enum("aanvragen", "manieren")),
        contact_name=_quoted(contact.name),
        phone=_quoted(contact.phone or "14 0000"),
        for_whom=_quoted(f"Inwoners van {place} met een laag inkomen."),
        lives_in=_quoted(f"U woont in {place}."),
        first_step=_quoted(f"{call} en vraag de regeling aan."),
        no_answer=_quoted(f"Hoort u niets? {call} en vraag hoe het met uw aanvraag staat."),
        website=_quoted(contact.url or "https://www.voorbeeld.nl"),
        team=_quoted(f"Team {municipality.name}"),
    )


def _enum(*path: str) -> list[str]:
    node = load_schema(SCHEME_SCHEMA)["properties"]
    for key in path[:-1]:
        node = node[key]["properties"]
    return node[path[-1]]["items"]["enum"]


def _shown(path: Path) -> str:
    """The path as typed in a terminal in the working directory, when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), so '2026' or 'ja: nee' stay text."""
    return json.dumps(text, ensure_ascii=False)
