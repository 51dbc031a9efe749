"""Paragraph numbers become the cable's own (issue 12): stored paragraphs are regrouped.

Rows stored before counted a sub-head or an unnumbered block as a paragraph of
its own, so a page called the cable's ``3. (C)`` ¶5. They are regrouped as the
parser now reads cables (``own_numbering`` in ``cablebase/parse/rules/paragraphs.py``,
restated here so that this migration never changes): an unnumbered row after a
numbered one joins it as a block of its text; unnumbered rows before the first
number are one opening (paragraph 1 when the numbers start at 2); a cable with no
number at all is numbered 1..n in order. A regrouped paragraph keeps in
``legacy_span`` how many old positions it covers, so old ``?paragraph=N`` addresses
and the discussion's comments (its migration 0004) find the same text. A cable
already stored under the new rule is left as it is. The rows merged cannot be split
again: going back removes the column only.
"""

from __future__ import annotations

from django.db import migrations, models
from django.utils import timezone

CABLES_PER_BATCH = 500
FIELDS = ("cable_id", "position", "number", "marking", "text")


def regroup(rows: list[tuple]) -> list[dict] | None:
    """One cable's rows (``FIELDS``, in order) as new rows, or None when nothing changes."""
    if not any(number for _, _, number, _, _ in rows):
        groups = [[row] for row in rows]
        numbers = [str(i) for i in range(1, len(rows) + 1)]
    else:
        groups = []
        for row in rows:
            if not row[2] and groups:
                groups[-1].append(row)
            else:
                groups.append([row])
        numbers = [group[0][2] for group in groups]
        first = next(number for number in numbers if number)
        if first == "2" and not numbers[0]:
            numbers[0] = "1"
        if len(groups) == len(rows) and numbers == [row[2] for row in rows]:
            return None
    return [
        {
            "cable_id": group[0][0],
            "position": position,
            "number": number,
            "marking": group[0][3],
            "text": "\n\n".join(row[4] for row in group),
            "legacy_span": len(group),
        }
        for position, (group, number) in enumerate(zip(groups, numbers, strict=True), start=1)
    ]


def renumber(apps, schema_editor) -> None:
    Paragraph = apps.get_model("archive", "Paragraph")
    Cable = apps.get_model("archive", "Cable")
    db = schema_editor.connection.alias
    rows = Paragraph._default_manager.using(db)
    candidates = sorted(set(rows.filter(number="").values_list("cable_id", flat=True)))
    for start in range(0, len(candidates), CABLES_PER_BATCH):
        batch = candidates[start : start + CABLES_PER_BATCH]
        per_cable: dict[int, list[tuple]] = {}
        stored = rows.filter(cable_id__in=batch).order_by("cable_id", "position")
        for row in stored.values_list(*FIELDS):
            per_cable.setdefault(row[0], []).append(row)
        new_rows, changed = [], []
        for cable_id, cable_rows in per_cable.items():
            regrouped = regroup(cable_rows)
            if regrouped is not None:
                changed.append(cable_id)
                new_rows += [Paragraph(**values) for values in regrouped]
        if changed:
            # Delete and insert: renumbering in place could meet (cable, position) twice.
            rows.filter(cable_id__in=changed).delete()
            rows.bulk_create(new_rows, batch_size=1000)
            # The pages changed: their ETag and Last-Modified move, caches refresh.
            Cable._default_manager.using(db).filter(pk__in=changed).update(updated=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0006_drop_tag_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="legacy_span",
            field=models.PositiveSmallIntegerField(default=1, db_default=1),
        ),
        migrations.RunPython(renumber, migrations.RunPython.noop, elidable=True),
    ]
