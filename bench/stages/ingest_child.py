"""Child process for the ingest stage: create the schema before the timed run.

The timed ``cablebase ingest`` run should measure ingest, not migrations.

    python -m bench.stages.ingest_child --db URL --migrate-only
"""

from __future__ import annotations

import argparse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stages.ingest_child")
    ap.add_argument("--db", required=True)
    ap.add_argument("--migrate-only", action="store_true", required=True)
    args = ap.parse_args(argv)
    from cablebase.django_setup import migrate, setup

    setup(args.db)
    migrate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
