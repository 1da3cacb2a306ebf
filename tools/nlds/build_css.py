"""Vendor only the NL Design System CSS the templates use: Utrecht component rules + voorbeeld theme tokens."""

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COMPONENTS = (HERE / "node_modules/@utrecht/component-library-css/dist/index.css").read_text()
THEME = (HERE / "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css").read_text()

used = set()
for path in (REPO / "templates").rglob("*.html"):
    used |= set(re.findall(r"utrecht-[a-z0-9_-]+", path.read_text()))
for path in (REPO / "static/js").rglob("*.js"):
    used |= set(re.findall(r"utrecht-[a-z0-9_-]+", path.read_text()))
used = {u for u in used if not u.endswith("-")}


def strip_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def blocks(css):
    """Yield (prelude, body) for top-level blocks, with brace matching."""
    i, n = 0, len(css)
    while i < n:
        j = css.find("{", i)
        if j < 0:
            break
        prelude = css[i:j].strip()
        depth, k = 1, j + 1
        while depth and k < n:
            if css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
            k += 1
        yield prelude, css[j + 1 : k - 1]
        i = k


def split_selectors(prelude):
    parts, depth, cur = [], 0, ""
    for ch in prelude:
        if ch in "([":
            depth += 1
        if ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    return [p for p in parts if p]


def keep_selector(sel):
    classes = set(re.findall(r"\.(utrecht-[a-z0-9_-]+)", sel))
    return classes and classes <= used


def filter_css(css):
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith("@charset"):
            prelude = prelude.split(";", 1)[1].strip() if ";" in prelude else ""
        if prelude.startswith("@media") or prelude.startswith("@supports") or prelude.startswith("@layer"):
            inner = filter_css(body)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            continue
        else:
            sels = [s for s in split_selectors(prelude) if keep_selector(s)]
            if sels:
                out.append(",".join(sels) + "{" + body.strip() + "}")
    return "".join(out)


def minify(css):
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    return css.replace(";}", "}")


components = minify(filter_css(strip_comments(COMPONENTS)))
# Fix minify damage inside selectors like ":is(a, b)" is harmless; "calc(a - b)" keeps spaces around -.

tokens = dict(re.findall(r"^\s*(--[a-z0-9-]+):\s*(.*?);\s*$", THEME, flags=re.M))
own = ""
for name in ("site.css", "print.css"):
    p = REPO / "static/css" / name
    if p.exists():
        own += p.read_text()
needed, queue = set(), set(re.findall(r"var\((--[a-z0-9-]+)", components + own))
while queue:
    name = queue.pop()
    if name in needed or name not in tokens:
        continue
    needed.add(name)
    queue |= set(re.findall(r"var\((--[a-z0-9-]+)", tokens[name])) - needed
root = ";".join(f"{name}:{tokens[name]}" for name in sorted(needed))
header = (
    "/* NL Design System, vendored subset (only the rules and tokens this site uses).\n"
    "   Components: @utrecht/component-library-css 9.0.4, EUPL-1.2, (c) Gemeente Utrecht, Frameless B.V.\n"
    "   Tokens: @nl-design-system-unstable/voorbeeld-design-tokens 7.4.1, EUPL-1.2, NL Design System.\n"
    "   Classes used: " + " ".join(sorted(used)) + " */\n"
)
out = header + ":root{" + root + "}\n" + components + "\n"
(REPO / "static/css/nlds.css").write_text(out)
print(len(out), "bytes;", len(needed), "tokens;", len(used), "classes")
