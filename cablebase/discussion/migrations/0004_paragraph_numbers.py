"""A comment's ``paragraph`` becomes the cable's own number (issue 12).

It held the paragraph's position, which counted sub-heads. The archive's migration
0007 regrouped the paragraphs and kept in ``legacy_span`` how many old positions
each one covers: a comment on old position N now names the number of the paragraph
that holds that text (0 for an unnumbered opening). A position past the cable's
paragraphs (its text is gone) makes the comment one on the whole cable.
"""

from __future__ import annotations

from django.db import migrations, models
from django.utils import timezone


def _number_at(paragraphs: list[tuple[str, int]], position: int) -> int | None:
    end = 0
    for number, span in paragraphs:
        end += span
        if position <= end:
            if not number:
                return 0
            return int(number) if number.isascii() and number.isdigit() else None
    return None


def renumber_comments(apps, schema_editor) -> None:
    Comment = apps.get_model("discussion", "Comment")
    Paragraph = apps.get_model("archive", "Paragraph")
    db = schema_editor.connection.alias
    comments = Comment._default_manager.using(db).filter(paragraph__isnull=False)
    cable_ids = set(comments.values_list("cable_id", flat=True))
    paragraphs: dict[int, list[tuple[str, int]]] = {}
    stored = Paragraph._default_manager.using(db).filter(cable_id__in=cable_ids)
    for cable_id, number, span in stored.order_by("cable_id", "position").values_list(
        "cable_id", "number", "legacy_span"
    ):
        paragraphs.setdefault(cable_id, []).append((number, span))
    changed = []
    for comment in comments.only("id", "cable_id", "paragraph"):
        number = _number_at(paragraphs.get(comment.cable_id, []), comment.paragraph)
        if number != comment.paragraph:
            comment.paragraph = number
            changed.append(comment)
    Comment._default_manager.using(db).bulk_update(changed, ["paragraph"], batch_size=1000)
    # Their pages name the paragraphs anew: the ETag and Last-Modified move.
    Cable = apps.get_model("archive", "Cable")
    touched = {comment.cable_id for comment in changed}
    Cable._default_manager.using(db).filter(pk__in=touched).update(updated=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0003_ratelimit_cache_table"),
        ("archive", "0007_paragraph_numbers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="paragraph",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="the cable's own paragraph number (0: the unnumbered opening); "
                "empty for the whole cable",
                null=True,
            ),
        ),
        migrations.RunPython(renumber_comments, migrations.RunPython.noop, elidable=True),
    ]
