"""Build static/img/icons.svg from Tabler icons (MIT)."""

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "node_modules/@tabler/icons/icons/outline"
ICONS = {
    "geld": "coin-euro",
    "zorg": "first-aid-kit",
    "kinderen": "mood-kid",
    "wonen": "home",
    "energie": "bolt",
    "schulden": "receipt-euro",
    "meedoen": "users-group",
    "werk": "briefcase",
    "vervoer": "bus",
    "ouderen": "old",
    "eten": "tools-kitchen-2",
    "school": "backpack",
    "telefoon": "phone",
    "extern": "external-link",
    "zoeken": "search",
    "voorlezen": "volume",
    "info": "info-circle",
    "plek": "map-pin",
    "logo": "heart-handshake",
}
out = ['<svg xmlns="http://www.w3.org/2000/svg"><!-- Tabler Icons, MIT License, Copyright (c) 2020-2026 Paweł Kuna -->']
for name, source in ICONS.items():
    text = (SRC / f"{source}.svg").read_text()
    body = "".join(re.findall(r"<path[^>]*/>|<circle[^>]*/>|<rect[^>]*/>|<line[^>]*/>|<polyline[^>]*/>", text))
    body = body.replace('<path stroke="none" d="M0 0h24v24H0z" fill="none" />', "").replace(" />", "/>")
    out.append(
        f'<symbol id="{name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{body}</symbol>'
    )
out.append("</svg>\n")
(HERE.parents[1] / "static/img/icons.svg").write_text("".join(out))
