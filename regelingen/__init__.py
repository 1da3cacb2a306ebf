"""The domain: scheme model, loading and validation of the scheme files."""

from regelingen.catalog import Catalog, load_catalog
from regelingen.files.problems import Problem
from regelingen.model import NATIONAL, Municipality, Scheme

__all__ = ["NATIONAL", "Catalog", "Municipality", "Problem", "Scheme", "load_catalog"]
