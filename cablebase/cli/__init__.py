"""The ``cablebase`` command.

Each area owns a module here that adds its own subcommands, so the parser,
archive and site commands grow without touching one another:
``parse_cmd`` (parse), ``archive_cmds`` (ingest, show, export, stats, quarantine),
``search_cmds`` (search, similar, reindex), ``site_cmds`` (serve, demo),
``mirror_cmd`` (mirror), ``redact_cmds`` (redact, release, hold, audit).
Exit codes: 0 success, 1 some inputs failed, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys

from cablebase.cli import (
    archive_cmds,
    mirror_cmd,
    parse_cmd,
    redact_cmds,
    search_cmds,
    site_cmds,
)


def build_parser() -> argparse.ArgumentParser:
    from cablebase import __version__

    parser = argparse.ArgumentParser(
        prog="cablebase",
        description="Turn diplomatic cables into an archive to search, read, cite and discuss.",
    )
    parser.add_argument("--version", action="version", version=f"cablebase {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (parse_cmd, archive_cmds, search_cmds, site_cmds, mirror_cmd, redact_cmds):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `cablebase search ... | head`
        return 0
