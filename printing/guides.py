"""Guide PDFs kept on disk per publication: a guide is the same for everyone, so it is printed once per publication.

Only guides without anything personal in their URL are kept (a plan PDF never is). The files lie in
`<PDF_DIR>/guides/<generation>/`, one per language and settings (the key is the page's path with its
query); when a new publication is served, the folders of older generations are removed. Every worker of
the machine shares them. A file is written under a temporary name and renamed, so a reader never sees half.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path


class GuideCache:
    """Finished guide PDFs by publication generation and page path."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def get(self, generation: str, path: str) -> bytes | None:
        """The PDF kept for `path` in `generation`, or None."""
        try:
            return self._file(generation, path).read_bytes()
        except OSError:
            return None

    def put(self, generation: str, path: str, pdf: bytes) -> None:
        """Keep `pdf` for `path` in `generation`, and drop what older generations kept."""
        file = self._file(generation, path)
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f".{file.name}.{os.getpid()}.{threading.get_ident()}")
        partial.write_bytes(pdf)
        partial.rename(file)
        for other in self.folder.iterdir():
            if other.name != generation:
                shutil.rmtree(other, ignore_errors=True)

    def _file(self, generation: str, path: str) -> Path:
        return self.folder / generation / f"{hashlib.sha256(path.encode()).hexdigest()}.pdf"
