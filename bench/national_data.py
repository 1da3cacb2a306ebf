"""The generated national corpus (bench/corpus.py) written as a data folder that the app itself can load.

Publishing reads and validates these ≈ 14,000 real files, so national scale is measured on files, not
on objects in memory. Each generated municipality gets its own `_gemeente.yaml`, which is all the app
needs to know a municipality.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import generate_corpus
from regelingen.catalog import DATA_DIR, load_catalog
from regelingen.files.validate import MUNICIPALITY_FILE
from regelingen.model import NATIONAL, Scheme

# A real municipality's file is the template for each generated one (name, code and postcodes change).
TEMPLATE = DATA_DIR / "oss" / MUNICIPALITY_FILE
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def scheme_data(scheme: Scheme) -> dict[str, Any]:
    """The file data of a generated scheme: its original's data with the varied texts of the copy."""
    data = copy.deepcopy(dict(scheme.data))
    data.update(
        titel=scheme.title, samenvatting=scheme.summary, voor_wie=scheme.for_whom, zoektermen=list(scheme.search_terms)
    )
    data["wat_krijgt_u"]["tekst"] = scheme.benefit
    if "tekst" in data["voorwaarden"]:
        data["voorwaarden"]["tekst"] = list(scheme.conditions.text)
    return data


def municipality_data(name: str, number: int) -> dict[str, Any]:
    """A `_gemeente.yaml` for a generated municipality: its own name, CBS code and one postcode range."""
    data = yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    first = 1000 + number * 20
    data.update(naam=name, cbs_code=f"GM{number + 1:04d}", postcodes=[f"{first}-{first + 19}"])
    data["contact"]["naam"] = f"Gemeente {name}"
    return {key: str(value) if key == "gecontroleerd_op" else value for key, value in data.items()}


def write_corpus(folder: Path, municipalities: int = 350, per_municipality: int = 40) -> list[str]:
    """Generate the corpus into `folder` (one subfolder per municipality, plus `landelijk`); return the folder names."""
    real = load_catalog(DATA_DIR)
    corpus = generate_corpus(real.schemes.values(), municipalities, per_municipality)
    names = {scheme.municipality for scheme in corpus}
    national = DATA_DIR / NATIONAL / MUNICIPALITY_FILE
    for number, slug in enumerate(sorted(names - {NATIONAL})):
        _dump(folder / slug / MUNICIPALITY_FILE, municipality_data(slug.capitalize(), number))
    _dump(
        folder / NATIONAL / MUNICIPALITY_FILE, yaml.load(national.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    )
    for scheme in corpus:
        _dump(folder / scheme.municipality / f"{scheme.slug}.yaml", scheme_data(scheme))
    return sorted(names)


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
