"""Publishing commands: redact (add, list, remove), release, hold, audit.

Exit codes: 0 success, 2 usage errors (a bad or catastrophic pattern, an
unknown cable or rule).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from cablebase.cli.common import add_db_option, open_archive


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("redact", help="hold back text in every output (see docs/publishing.md)")
    rsub = p.add_subparsers(dest="redact_command", metavar="ACTION", required=True)
    a = rsub.add_parser("add", help="redact a literal (any case) or, with --regex, a pattern")
    a.add_argument("text", metavar="TEXT", nargs="?")
    a.add_argument("--regex", metavar="PATTERN", help="redact what this pattern matches")
    a.add_argument("--cable", metavar="ID", help="only in this cable (default: all cables)")
    a.add_argument("--reason", required=True, help="shown to readers beside the mark")
    add_db_option(a)
    a.set_defaults(handler=cmd_redact_add)
    lst = rsub.add_parser("list", help="the rules in force")
    lst.add_argument("--json", action="store_true")
    add_db_option(lst)
    lst.set_defaults(handler=cmd_redact_list)
    r = rsub.add_parser("remove", help="lift a rule")
    r.add_argument("rule", type=int, metavar="RULE")
    r.add_argument("--reason", default="")
    add_db_option(r)
    r.set_defaults(handler=cmd_redact_remove)

    for name, helptext in (("release", "publish cables"), ("hold", "withhold cables")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("ids", nargs="*", metavar="ID")
        p.add_argument("--file", type=Path, help="a file of ids, one a line")
        p.add_argument("--reason", default="")
        if name == "release":
            p.add_argument(
                "--at", metavar="DATETIME", help="release time (ISO 8601; later = scheduled)"
            )
        add_db_option(p)
        p.set_defaults(handler=cmd_release if name == "release" else cmd_hold)

    p = sub.add_parser("audit", help="who redacted, held or released what, when and why")
    p.add_argument("--jsonl", action="store_true", help="one JSON object a line")
    add_db_option(p)
    p.set_defaults(handler=cmd_audit)


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _fail(message: str) -> int:
    print(f"cablebase: {message}", file=sys.stderr)
    return 2


def cmd_redact_add(args: argparse.Namespace) -> int:
    if bool(args.text) == bool(args.regex):
        return _fail("give TEXT or --regex PATTERN")
    open_archive(args)
    from cablebase.archive.redaction import RuleError, add_rule, mark

    try:
        rule = add_rule(
            args.regex or args.text,
            reason=args.reason,
            is_regex=bool(args.regex),
            cable=args.cable,
            actor=_actor(),
        )
    except RuleError as exc:
        return _fail(str(exc))
    print(f"rule {rule.pk}: shown as {mark(rule.pk)}")
    return 0


def cmd_redact_list(args: argparse.Namespace) -> int:
    open_archive(args)
    from cablebase.archive.models import RedactionRule

    rows = [
        {
            "rule": r.pk,
            "kind": "regex" if r.is_regex else "literal",
            "text": r.text,
            "cable": r.cable.reference_id if r.cable else None,
            "reason": r.reason,
            "by": r.created_by,
            "created": r.created.isoformat(),
        }
        for r in RedactionRule.stored.select_related("cable").order_by("pk")
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        print(
            f"{row['rule']:>4}  {row['kind']:<7} {row['text']!r:<30} "
            f"{row['cable'] or 'all cables':<20} {row['reason']}"
        )
    return 0


def cmd_redact_remove(args: argparse.Namespace) -> int:
    open_archive(args)
    from cablebase.archive.redaction import RuleError, remove_rule

    try:
        remove_rule(args.rule, actor=_actor(), reason=args.reason)
    except RuleError as exc:
        return _fail(str(exc))
    print(f"rule {args.rule} removed")
    return 0


def _ids(args: argparse.Namespace) -> list[str]:
    ids = list(args.ids)
    if args.file:
        ids += [line.strip() for line in args.file.read_text().splitlines() if line.strip()]
    return ids


def _set(args: argparse.Namespace, held: bool) -> int:
    ids = _ids(args)
    if not ids:
        return _fail("give cable ids or --file")
    at = None
    if not held and args.at:
        from django.utils.dateparse import parse_datetime
        from django.utils.timezone import is_naive, make_aware

        try:
            at = parse_datetime(args.at) or datetime.fromisoformat(args.at)
        except ValueError:
            return _fail(f"bad --at {args.at!r}: use ISO 8601, e.g. 2010-11-28T12:00Z")
        at = make_aware(at, UTC) if is_naive(at) else at
    open_archive(args)
    from cablebase.archive.redaction import RuleError, hold, release

    try:
        if held:
            done = hold(ids, actor=_actor(), reason=args.reason)
        else:
            done = release(ids, at=at, actor=_actor(), reason=args.reason)
    except RuleError as exc:
        return _fail(str(exc))
    print(f"{'held' if held else 'released'} {len(done)} cable{'s' * (len(done) != 1)}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    return _set(args, held=False)


def cmd_hold(args: argparse.Namespace) -> int:
    return _set(args, held=True)


def cmd_audit(args: argparse.Namespace) -> int:
    open_archive(args)
    from cablebase.archive.redaction import audit_rows

    for row in audit_rows():
        if args.jsonl:
            print(json.dumps(row, ensure_ascii=False))
        else:
            cables = " ".join(row["cables"][:5]) + (" ..." if len(row["cables"]) > 5 else "")
            print(
                f"{row['at'][:19]}  {row['actor']:<14} {row['action']:<9} "
                f"{row['detail'] or cables}  {row['reason']}"
            )
    return 0
