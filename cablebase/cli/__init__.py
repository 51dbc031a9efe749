"""The ``cablebase`` command.

Each area owns a module here that adds its own subcommands, so the parser,
archive and site commands grow without touching one another:
``parse_cmd`` (parse), ``archive_cmds`` (ingest, show, export, stats, quarantine),
``search_cmds`` (search, similar, reindex), ``site_cmds`` (serve, demo),
``mirror_cmd`` (mirror), ``redact_cmds`` (redact, release, hold, audit).
Exit codes: 0 success, 1 some inputs failed, 2 usage errors.

Start-up time is most of a quick command's run, so ``main`` imports only the
module that owns the command it was given (all of them for ``--help``), and
each module imports its heavy dependencies inside its handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "parse_cmd",
    "archive_cmds",
    "search_cmds",
    "site_cmds",
    "mirror_cmd",
    "redact_cmds",
)
# Which module registers each command: ``main`` imports just that one.
COMMAND_OWNERS = {
    "parse": "parse_cmd",
    **dict.fromkeys(("ingest", "show", "export", "stats", "quarantine"), "archive_cmds"),
    **dict.fromkeys(("search", "similar", "reindex"), "search_cmds"),
    **dict.fromkeys(("serve", "demo"), "site_cmds"),
    "mirror": "mirror_cmd",
    **dict.fromkeys(("redact", "release", "hold", "audit"), "redact_cmds"),
}


def _modules_for(argv: list[str]) -> tuple[str, ...]:
    """The command modules to import for ``argv``: its command's owner, or all of them."""
    command = next((a for a in argv if not a.startswith("-")), None)
    owner = COMMAND_OWNERS.get(command or "")
    return (owner,) if owner else COMMAND_MODULES


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    from cablebase import __version__

    parser = argparse.ArgumentParser(
        prog="cablebase",
        description="Turn diplomatic cables into an archive to search, read, cite and discuss.",
    )
    parser.add_argument("--version", action="version", version=f"cablebase {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(f"cablebase.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_modules_for(argv))
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
