"""The staff guide's commands (docs/voor-gemeenten.md) work as written, in a fresh copy of the project (issue 17)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "voor-gemeenten.md"
# `links` visits the real websites of the municipalities: this test only checks that the command exists.
VISITS_OTHER_HOSTS = "./regelingen.sh links"


def blocks(language: str) -> list[str]:
    """The guide's code blocks in `language`, in order, without their indentation."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```", GUIDE.read_text(encoding="utf-8"), re.M | re.S)
    return ["\n".join(line.removeprefix(indent) for line in body.splitlines()) for indent, body in found]


def commands() -> list[str]:
    """Every command in the guide's shell blocks, without its `# comment`."""
    return [line.split("  #")[0].strip() for block in blocks("sh") for line in block.splitlines() if line.strip()]


@pytest.fixture
def fresh_copy(tmp_path: Path) -> Path:
    """The files git tracks, copied as a clone would have them, with the Python environment `make` makes linked in."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    copy = tmp_path / "project"
    for name in filter(None, tracked.split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve())
    # The environment is already made (as after `make run`): keep make from making it again.
    stamp = (ROOT / ".venv" / ".runtime").stat().st_mtime
    for name in ("requirements.txt", "requirements-dev.txt"):
        os.utime(copy / name, (stamp - 1, stamp - 1))
    return copy


def test_every_command_in_the_staff_guide_works_as_written(fresh_copy: Path, tmp_path: Path) -> None:
    """new, check, make check, preview (also of a file in Downloads), index: each exits 0 in a fresh copy."""
    listed = commands()
    assert any(command.startswith("./regelingen.sh new ") for command in listed)
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    env = {**os.environ, "HOME": str(home), "REGELINGEN_INDEX_DIR": str(tmp_path / "index")}
    example = blocks("yaml")[0]
    for command in listed:
        if command == VISITS_OTHER_HOSTS:
            command += " --help"
        if "~/Downloads/energietoeslag.yaml" in command:
            # The guide's case: a colleague mailed the file, it is in Downloads.
            shutil.copy(fresh_copy / "data/schemes/oss/energietoeslag.yaml", home / "Downloads" / "energietoeslag.yaml")
        done = subprocess.run(command, shell=True, cwd=fresh_copy, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"`{command}` failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        if command.startswith("./regelingen.sh new "):
            # Step 2 of the guide: replace the example text; here with the guide's own complete example.
            (fresh_copy / "data/schemes/oss/energietoeslag.yaml").write_text(example + "\n", encoding="utf-8")
    assert (home / "Downloads" / "voorbeeld.html").exists()


def test_make_run_says_where_the_site_is(tmp_path: Path) -> None:
    """gunicorn with the project's settings prints the address once it listens (what `make run` shows)."""
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": "0",
        "WEB_CONCURRENCY": "1",
        "REGELINGEN_INDEX_DIR": str(tmp_path / "index"),
    }
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py", "app:create_app()"]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as server:
        try:
            line = server.stdout.readline() if server.stdout else ""
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert re.search(r"Regelingenwijzer draait op http://127\.0\.0\.1:\d+", line), line
