"""Quick commands import only what they need: start-up is most of their run time.

Asserting on seconds would be flaky on a shared machine, so this checks the causes
instead: none of ``search``, ``show``, ``stats`` loads the parser, the other command
modules, the admin, the API or the migration machinery (once migrated).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "cablebase.parse",  # the parser: about 0.1 s of imports and regexes
    "cablebase.cli.parse_cmd",  # another command's module
    "cablebase.archive.admin",  # the admin's autodiscovery
    "django.contrib.admin",  # the admin app itself: the site is not served here
    "ninja",  # the JSON API
    "django.core.management.commands.migrate",  # a migration check that found nothing to do
    "distributed",  # Dask
    "pyarrow",
    "gunicorn",
)

PROBE = """
import json, sys
from cablebase.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _env() -> dict[str, str]:
    env = {**os.environ}
    env.pop("CABLEBASE_DATABASE_URL", None)
    return env


@pytest.fixture(scope="module")
def archive(tmp_path_factory, samples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("startup") / "a.db"
    command = [sys.executable, "-m", "cablebase", "ingest", "--workers", "0", "--quiet"]
    subprocess.run(
        [*command, "--db", str(db), str(samples_dir / "seeds")],
        env=_env(),
        check=True,
        capture_output=True,
        timeout=120,
    )
    return db


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "command", [["search", "hamas"], ["show", "06MOSCOW1323"], ["stats"]], ids=lambda c: c[0]
)
def test_quick_commands_import_only_what_they_need(archive: Path, command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *command, "--db", str(archive)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=100,
    )
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0, result.stderr
    loaded = set(report["modules"])
    assert not [m for m in HEAVY if m in loaded]
