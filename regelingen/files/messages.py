"""Turn JSON Schema errors into plain Dutch messages for the staff who edit the files."""

from __future__ import annotations

import difflib

from jsonschema import ValidationError

TYPE_NAMES = {
    "string": "een tekst",
    "integer": "een heel getal",
    "number": "een getal",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "een groep velden",
    "boolean": "true of false",
}

PATTERN_HINTS = {
    "datum": "moet een datum zijn, zoals 2026-11-01",
    "url": "moet een webadres zijn dat begint met https://, zoals https://www.oss.nl/minima",
    "telefoon": "is geen geldig telefoonnummer; schrijf het zoals 14 0412, 024 350 20 00 of 0800-8115",
    "email": "is geen geldig e-mailadres, zoals info@gemeente.nl",
    "postcode": "moet een postcode van 4 cijfers zijn, of een reeks zoals 6500-6546",
    "cbs": "moet een CBS-code zijn, zoals GM0119",
}


def field_name(path: tuple) -> str:
    """A readable field name such as `aanvragen.stappen[2].wat`."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def describe(error: ValidationError) -> tuple[tuple, str]:
    """The path the message is about and the message itself, in Dutch."""
    path = tuple(error.absolute_path)
    field = field_name(path) or "het bestand"
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return path + (missing,), f"'{field_name(path + (missing,))}' ontbreekt; dit veld is verplicht"
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(known))
        key = unknown[0] if unknown else "?"
        hint = difflib.get_close_matches(key, known, n=1)
        suggestion = f" Bedoelde u '{hint[0]}'?" if hint else f" Bekende velden: {', '.join(known)}."
        return path + (key,), f"'{field_name(path + (key,))}' is geen bekend veld.{suggestion}"
    if kind == "type":
        expected = TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        return path, f"'{field}' moet {expected} zijn (nu: '{error.instance}')"
    if "propertyNames" in error.schema_path or kind == "propertyNames":
        return path, f"'{field}': elk bedrag hoort bij een jaar, zoals 2026: 150 (nu: '{error.instance}')"
    if kind in ("format", "pattern"):
        return path, f"'{field}' {_pattern_hint(error)} (nu: '{error.instance}')"
    if kind == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        return path, f"'{field}' moet een van deze waarden zijn: {allowed} (nu: '{error.instance}')"
    if kind == "minimum" and error.validator_value == 0:
        return path, f"'{field}' mag niet negatief zijn (nu: {error.instance})"
    if kind in ("minimum", "maximum"):
        word = "minstens" if kind == "minimum" else "hoogstens"
        return path, f"'{field}' moet {word} {error.validator_value} zijn (nu: {error.instance})"
    if kind == "minLength":
        return path, f"'{field}' is te kort: schrijf minstens {error.validator_value} tekens"
    if kind == "maxLength":
        return path, f"'{field}' is te lang: hoogstens {error.validator_value} tekens"
    if kind in ("minItems", "minProperties"):
        return path, f"'{field}' moet minstens {error.validator_value} item(s) hebben"
    if kind == "uniqueItems":
        return path, f"'{field}' noemt iets twee keer; elke waarde mag één keer"
    if kind == "anyOf" and path and path[-1] == "contact":
        return path, "'contact' moet een telefoonnummer of een url hebben"
    return path, f"'{field}': {error.message}"


def _pattern_hint(error: ValidationError) -> str:
    """Pick the plain hint for the format or pattern that failed."""
    where = " ".join(str(part) for part in error.relative_schema_path) + " " + str(error.schema)
    if error.validator_value == "date" or "\\d{4}-\\d{2}-\\d{2}" in where:
        return PATTERN_HINTS["datum"]
    if error.validator_value == "uri":
        return PATTERN_HINTS["url"]
    for key, marker in (
        ("telefoon", "14 ?0"),
        ("url", "https?://"),
        ("email", "@"),
        ("cbs", "^GM"),
        ("postcode", "[1-9]\\d{3}"),
    ):
        if marker in where:
            return PATTERN_HINTS[key]
    return f"heeft niet de goede vorm ({error.validator_value})"
