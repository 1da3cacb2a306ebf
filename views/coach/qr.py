"""QR codes made on the server with segno, as `data:` SVG images (the CSP allows `img-src data:`)."""

from __future__ import annotations

import segno
from segno import DataOverflowError

# One unit per module and a viewBox (no fixed size): CSS sizes the image, sharp at any size on paper.
SCALE = 1
QUIET_ZONE = 4


def qr_image(url: str) -> str | None:
    """A `data:image/svg+xml` QR code for `url`, or None when the URL is too long for one."""
    try:
        code = segno.make(url, error="m", micro=False)
    except DataOverflowError:
        return None
    return code.svg_data_uri(scale=SCALE, border=QUIET_ZONE, omitsize=True)
