"""What a publisher holds back, decided here and nowhere else.

A redaction rule replaces matching text (a literal in any case, or a pattern)
in one cable or in all with a mark of constant length that names the rule, so
a reader can look up its reason and learn nothing of what it hid. A held cable
is absent from every public output. ``cablebase.archive.public`` applies both
to every row an output reads; this module holds the rules, the changes to them
(each one an audit event) and the *generation*, the newest event's id, that
cache keys and the search index follow.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import regex
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

MARK = "█ REDACTED"
# A pattern may spend this long on one text; past it the whole text is withheld.
TIMEOUT_S = 0.25
# Text on which a catastrophic pattern (nested repetition) shows itself at once.
_PROBES = ("a" * 40 + "!", "1" * 40 + "x", " " * 40 + "x", "ab" * 20 + "!")


class RuleError(ValueError):
    """A rule that cannot be used: an invalid or catastrophic pattern, an unknown cable."""


def mark(rule_id: int) -> str:
    """The text that stands for a redaction: fixed width, naming only the rule."""
    return f"[{MARK} #{rule_id}]"


def compile_rule(text: str, is_regex: bool) -> regex.Pattern:
    """The rule's pattern; a pattern that backtracks without end on short probes is refused."""
    if not text:
        raise RuleError("empty rule")
    source = text if is_regex else regex.escape(text)
    try:
        pattern = regex.compile(source, regex.IGNORECASE | regex.V1)
    except regex.error as exc:
        raise RuleError(f"bad pattern: {exc}") from exc
    if is_regex:
        if pattern.search(""):
            raise RuleError("the pattern matches empty text")
        for probe in _PROBES:
            try:
                pattern.sub("", probe, timeout=0.05)
            except TimeoutError as exc:
                raise RuleError("the pattern takes too long (nested repetition?)") from exc
    return pattern


@dataclass(slots=True)
class Rules:
    """The rules in force at one generation, ready to apply."""

    generation: str = ""
    everywhere: list[tuple[int, regex.Pattern]] = field(default_factory=list)
    by_cable: dict[int, list[tuple[int, regex.Pattern]]] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.everywhere or self.by_cable)

    def for_cable(self, cable_id: int | None) -> list[tuple[int, regex.Pattern]]:
        """Rules for this cable; with no cable known, every rule (redacting more, never less)."""
        if cable_id is None:
            return self.everywhere + [r for rules in self.by_cable.values() for r in rules]
        return self.everywhere + self.by_cable.get(cable_id, [])

    def apply(self, value: Any, cable_id: int | None) -> Any:
        """``value`` (text, or JSON lists and dicts) with every applicable rule's matches marked."""
        if not self.any or value is None:
            return value
        rules = self.for_cable(cable_id)
        if not rules:
            return value
        return _apply(value, rules)


def _apply(value: Any, rules: list[tuple[int, regex.Pattern]]) -> Any:
    if isinstance(value, str):
        for rule_id, pattern in rules:
            try:
                value = pattern.sub(mark(rule_id), value, timeout=TIMEOUT_S)
            except TimeoutError:
                return mark(rule_id)  # fail closed: withhold all of it
        return value
    if isinstance(value, list):
        return [_apply(v, rules) for v in value]
    if isinstance(value, dict):
        return {k: _apply(v, rules) for k, v in value.items()}
    return value


def redact_text(text: str, cable_id: int | None = None) -> str:
    """``text`` as readers may see it (for outputs that hold text, not rows)."""
    return current_rules().apply(text, cable_id)


# -- the generation -------------------------------------------------------------------------
_cache_lock = threading.Lock()
_cached: dict[str, Rules] = {}


_request = threading.local()  # the generation read once per web request


def request_started(**_: Any) -> None:
    _request.active, _request.generation = True, None


def request_finished(**_: Any) -> None:
    _request.active, _request.generation = False, None


def _forget() -> None:
    """This process changed the rules or a cable's state: read the generation afresh."""
    _request.generation = None


def generation() -> str:
    """The newest publication event (id and time): it moves with every rule, hold and release.

    Scheduled releases that have come due are carried out first, so a page key
    taken after that time already counts them. Inside a web request it is read
    once; elsewhere (commands, the index) every time.
    """
    if getattr(_request, "active", False):
        if _request.generation is None:
            _request.generation = _read_generation()
        return _request.generation
    return _read_generation()


def _read_generation() -> str:
    from cablebase.archive.models import Cable, PublicationEvent

    events, cables = PublicationEvent._meta.db_table, Cable._meta.db_table
    # ``held = %s``, not a bare ``held``: only the comparison uses the index on ``held``
    # (a bare column scanned every row, 40 ms at 25,000 cables on SQLite, on every request).
    with connection.cursor() as cursor:  # one round trip: every public query asks this
        # ``held = %s``, not a bare ``held``: SQLite uses the column's index only for a
        # comparison; the bare column scanned the whole table (62 ms at 25,000 cables).
        cursor.execute(
            f"SELECT id, at, EXISTS(SELECT 1 FROM {cables} WHERE held = %s AND release_at <= %s)"
            f" FROM (SELECT 1 AS one) AS o LEFT JOIN"
            f" (SELECT id, at FROM {events} ORDER BY id DESC LIMIT 1) AS e ON 1 = 1",
            [True, connection.ops.adapt_datetimefield_value(timezone.now())],
        )
        top, at, due = cursor.fetchone()
    if due:
        release_due()
        return _read_generation()
    if top is None:
        return "0"
    return f"{top}-{''.join(ch for ch in str(at) if ch.isalnum())}"  # safe in any cache key


def current_rules() -> Rules:
    """The rules in force, read again whenever the generation has moved (any process)."""
    from cablebase.archive.models import RedactionRule

    gen = generation()
    key = f"{connection.alias}:{connection.settings_dict.get('NAME')}"
    with _cache_lock:
        cached = _cached.get(key)
        if cached is not None and cached.generation == gen:
            return cached
    rules = Rules(generation=gen)
    for rule in RedactionRule.stored.order_by("pk"):
        try:
            pattern = compile_rule(rule.text, rule.is_regex)
        except RuleError:
            pattern = regex.compile(r"(?s).+")  # a rule that no longer compiles hides everything
        if rule.cable_id is None:
            rules.everywhere.append((rule.pk, pattern))
        else:
            rules.by_cable.setdefault(rule.cable_id, []).append((rule.pk, pattern))
    with _cache_lock:
        _cached[key] = rules
    return rules


# -- changes (each one an audit event) -------------------------------------------------------
SEARCHED = ("subject", "body", "summary", "header", "classified_by_text", "signers")


def affected_cables(pattern: regex.Pattern, literal: str | None, cable_id: int | None) -> list[int]:
    """The cables whose stored text the rule matches, found through the store."""
    from cablebase.archive.models import Cable, CableVersion

    qs = Cable.stored.all() if cable_id is None else Cable.stored.filter(pk=cable_id)
    if literal is not None:
        q = Q()
        for name in SEARCHED:
            q |= Q(**{f"{name}__icontains": literal})
        versions = CableVersion.stored.filter(record__icontains=literal) if cable_id is None else []
        found = set(qs.filter(q).values_list("pk", flat=True))
        found.update(v.cable_id for v in versions)
        return sorted(found)
    found = []
    for row in qs.values_list("pk", *SEARCHED).iterator(chunk_size=2000):
        text = "\n".join(json.dumps(v) if not isinstance(v, str) else v for v in row[1:])
        try:
            if pattern.search(text, timeout=TIMEOUT_S):
                found.append(row[0])
        except TimeoutError:
            found.append(row[0])
    return found


def _cable_pk(reference_id: str) -> Any:
    from cablebase.archive.models import Cable

    cable = Cable.stored.by_reference(reference_id)
    if cable is None:
        raise RuleError(f"no cable {reference_id}")
    return cable


def add_rule(
    text: str, *, reason: str, is_regex: bool = False, cable: str | None = None, actor: str = ""
) -> Any:
    """Store a rule and its audit event; the next request and search see it."""
    from cablebase.archive.models import PublicationEvent, RedactionRule

    if not reason.strip():
        raise RuleError("a redaction needs a reason readers can see")
    pattern = compile_rule(text, is_regex)
    target = _cable_pk(cable) if cable else None
    pks = affected_cables(pattern, None if is_regex else text, target.pk if target else None)
    with transaction.atomic():
        _forget()
        rule = RedactionRule.stored.create(
            text=text, is_regex=is_regex, cable=target, reason=reason, created_by=actor
        )
        PublicationEvent.stored.create(
            action="redact",
            actor=actor,
            rule_id=rule.pk,
            reason=reason,
            detail=("regex: " if is_regex else "") + text,
            cables=[target.reference_id] if target else [],
            cable_pks=pks,
        )
    return rule


def remove_rule(rule_id: int, *, actor: str = "", reason: str = "") -> Any:
    from cablebase.archive.models import PublicationEvent, RedactionRule

    rule = RedactionRule.stored.filter(pk=rule_id).select_related("cable").first()
    if rule is None:
        raise RuleError(f"no rule {rule_id}")
    pattern = compile_rule(rule.text, rule.is_regex)
    pks = affected_cables(pattern, None if rule.is_regex else rule.text, rule.cable_id)
    with transaction.atomic():
        PublicationEvent.stored.create(
            action="unredact",
            actor=actor,
            rule_id=rule.pk,
            reason=reason or rule.reason,
            detail=("regex: " if rule.is_regex else "") + rule.text,
            cables=[rule.cable.reference_id] if rule.cable else [],
            cable_pks=pks,
        )
        rule.delete()
    _forget()
    return rule


def _set_state(
    reference_ids: Iterable[str], *, held: bool, at: datetime | None, actor: str, reason: str
) -> list[str]:
    from cablebase.archive.models import Cable, PublicationEvent

    cables = [_cable_pk(r) for r in dict.fromkeys(r.strip() for r in reference_ids if r.strip())]
    if not cables:
        return []
    now = timezone.now()
    scheduled = not held and at is not None and at > now
    with transaction.atomic():
        pks = [c.pk for c in cables]
        if held:
            Cable.stored.filter(pk__in=pks).update(held=True, release_at=None)
        elif scheduled:
            Cable.stored.filter(pk__in=pks).update(held=True, release_at=at)
        else:
            values: dict[str, Any] = {"held": False, "release_at": None}
            if at is not None:
                values["released"] = at
            Cable.stored.filter(pk__in=pks).update(**values)
            if at is None:  # keep the source's own date; stamp those that had none
                Cable.stored.filter(pk__in=pks, released__isnull=True).update(released=now)
        PublicationEvent.stored.create(
            action="hold" if held else "release",
            actor=actor,
            reason=reason,
            detail=at.isoformat() if at else "",
            cables=[c.reference_id for c in cables],
            cable_pks=pks,
        )
    _forget()
    return [c.reference_id for c in cables]


def hold(reference_ids: Iterable[str], *, actor: str = "", reason: str = "") -> list[str]:
    """Withhold these cables from every public output."""
    return _set_state(reference_ids, held=True, at=None, actor=actor, reason=reason)


def release(
    reference_ids: Iterable[str], *, at: datetime | None = None, actor: str = "", reason: str = ""
) -> list[str]:
    """Publish these cables now, or hold them until ``at`` when it is still to come."""
    return _set_state(reference_ids, held=False, at=at, actor=actor, reason=reason)


def release_due() -> list[str]:
    """Carry out the scheduled releases whose time has come."""
    from cablebase.archive.models import Cable

    due = Cable.stored.filter(held=True, release_at__lte=timezone.now())
    by_time: dict[datetime, list[str]] = {}
    for ref, at in due.values_list("reference_id", "release_at"):
        by_time.setdefault(at, []).append(ref)
    done = []
    for at, refs in by_time.items():
        done += release(refs, at=at, actor="schedule", reason="scheduled release")
    return done


def hold_new_cables() -> bool:
    """Whether ingest holds new cables for review (a newsroom) or releases them at once."""
    from django.conf import settings

    return bool(getattr(settings, "CABLEBASE_HOLD_NEW", False))


def released_counts() -> tuple[int, int]:
    """(cables released so far, cables in the archive), as the 2010 viewer counted them."""
    from cablebase.archive.models import Cable

    return Cable.objects.count(), Cable.stored.count()


def audit_rows() -> list[dict[str, Any]]:
    """The audit trail, oldest first, as plain data for export."""
    from cablebase.archive.models import PublicationEvent

    return [
        {
            "id": e.pk,
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "rule": e.rule_id,
            "detail": e.detail,
            "reason": e.reason,
            "cables": e.cables,
        }
        for e in PublicationEvent.stored.order_by("pk")
    ]
