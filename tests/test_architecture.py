"""The direction of imports in docs/architectuur.md, read from the source with `ast` (nothing is imported)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("regelingen", "search", "publishing", "views", "staff")
WEB = ("flask", "flask_babel", "werkzeug", "jinja2", "markupsafe")
OUR_OWN = ("app", *PACKAGES)
FEATURES = ("views.site", "views.api", "views.check", "views.coach")
READS_FILES = ("open", "read_text", "read_bytes")


@dataclass(frozen=True)
class Module:
    """One of our modules: its dotted name, file, the modules it imports and the names it calls."""

    name: str
    path: Path
    imports: frozenset[str]
    calls: frozenset[str]

    def imports_any(self, prefixes: tuple[str, ...]) -> list[str]:
        """The imported modules that are one of `prefixes` or inside one."""
        return sorted(name for name in self.imports if any(_within(name, prefix) for prefix in prefixes))


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _read(path: Path) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    imports, calls = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imports.add(node.module)
            imports.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call):
            func = node.func
            calls.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return Module(dotted, path, frozenset(imports), frozenset(calls))


MODULES = [_read(ROOT / "app.py")] + [
    _read(path) for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
]


def _in(prefix: str) -> list[Module]:
    return [module for module in MODULES if _within(module.name, prefix)]


def test_the_graph_is_read():
    """The checks below see every package and real imports (a broken reader would make them pass vacuously)."""
    names = {module.name for module in MODULES}
    assert {
        "regelingen.catalog",
        "regelingen.check.run",
        "views.site.pages",
        "staff.commands",
        "search.engine",
    } <= names
    assert "whoosh" in {name.split(".")[0] for module in _in("search") for name in module.imports}
    assert "regelingen.catalog" in _read(ROOT / "views" / "catalog.py").imports


@pytest.mark.parametrize("module", _in("regelingen"), ids=lambda module: module.name)
def test_domain_is_free_of_the_web_and_outer_packages(module):
    """regelingen/ imports no Flask (nor Werkzeug, Jinja, Babel), no Whoosh, and nothing outside the domain."""
    assert module.imports_any(WEB + ("whoosh",)) == []
    assert module.imports_any(("app", "search", "publishing", "views", "staff")) == []


@pytest.mark.parametrize(
    ("inner", "outer"),
    [
        ("regelingen.files", "regelingen.check"),
        ("regelingen.files", "regelingen.coach"),
        ("regelingen.model", "regelingen.files"),
        ("regelingen.check", "regelingen.coach"),
        ("regelingen.coach", "regelingen.check"),
    ],
)
def test_domain_subpackages_import_inward(inner, outer):
    """The scheme files know nothing of the check or the coach; the check and the coach stay apart."""
    assert {module.name: module.imports_any((outer,)) for module in _in(inner) if module.imports_any((outer,))} == {}


def test_only_search_imports_whoosh():
    """Whoosh is an implementation detail of search/."""
    users = {module.name for module in MODULES if module.imports_any(("whoosh",))}
    assert users and all(_within(name, "search") for name in users)


@pytest.mark.parametrize("module", _in("views"), ids=lambda module: module.name)
def test_views_never_read_files(module):
    """A view gets its data from the served catalog, search or the domain, never from disk or YAML."""
    allowed = {"read_bytes"} if module.name == "views.assets" else set()  # an asset's bytes for its hash
    assert sorted((module.calls & set(READS_FILES)) - allowed) == []
    assert module.imports_any(("yaml", "regelingen.files.yamlfile")) == []


@pytest.mark.parametrize("module", _in("views"), ids=lambda module: module.name)
def test_views_import_no_other_feature_and_no_staff(module):
    """Plumbing imports no feature package; a feature package imports no other one; nothing in views/ imports staff/."""
    own = next((feature for feature in FEATURES if _within(module.name, feature)), None)
    others = tuple(feature for feature in FEATURES if feature != own)
    assert module.imports_any(others + ("staff", "app", "publishing")) == []


@pytest.mark.parametrize("package", ["search", "publishing"])
def test_search_and_publishing_use_only_the_served_catalog_from_views(package):
    """search/ and publishing/ sit below the views: the served catalog is the one thing they take from there."""
    for module in _in(package):
        outward = [name for name in module.imports_any(("views", "staff", "app")) if not _within(name, "views.catalog")]
        assert outward == [], module.name


def test_nothing_but_the_app_imports_staff():
    """staff/ is the outermost layer: only app.py wires it in."""
    users = {module.name for module in MODULES if module.imports_any(("staff",)) and not _within(module.name, "staff")}
    assert users == {"app"}
