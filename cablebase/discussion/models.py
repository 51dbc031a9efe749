"""Comments and trackbacks on cables, both held for moderation before they are shown."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Expression, Subquery
from django.db.models.functions import Coalesce

from cablebase.archive.models import Cable
from cablebase.archive.paragraph_numbers import paragraph_anchor, paragraph_label


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


class ApprovedManager(models.Manager):
    """Only what a visitor may see: every public view, and every count shown, goes through it."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(status=Status.APPROVED)

    def _counted(self, key: str) -> models.QuerySet:
        return self.get_queryset().order_by().values(key).annotate(n=models.Count("id"))

    def per_cable(self, cable_ids: Iterable[int]) -> dict[int, int]:
        """``{cable_id: approved comments}``; cables without any map to 0 (one query)."""
        counts = dict.fromkeys(cable_ids, 0)
        if counts:
            for row in self._counted("cable_id").filter(cable_id__in=list(counts)):
                counts[row["cable_id"]] = row["n"]
        return counts

    def per_paragraph(self, cable_id: int) -> dict[int, int]:
        """``{paragraph number: approved comments}`` for one cable (whole-cable ones left out)."""
        rows = self._counted("paragraph").filter(cable_id=cable_id, paragraph__isnull=False)
        return {row["paragraph"]: row["n"] for row in rows}

    def most_discussed(self, limit: int) -> dict[int, int]:
        """``{cable_id: approved comments}`` of the ``limit`` most discussed cables."""
        rows = self._counted("cable_id").order_by("-n", "cable_id")[:limit]
        return {row["cable_id"]: row["n"] for row in rows}

    def count_of(self, cable: Expression) -> Subquery:
        """The approved comments of ``cable`` (an ``OuterRef``), to annotate a cable query."""
        return Coalesce(
            Subquery(self._counted("cable").filter(cable=cable).values("n")[:1]),
            0,
            output_field=models.IntegerField(),
        )


class Comment(models.Model):
    """A reader's remark on a cable, optionally on one paragraph: the cable's own number,
    as its ``par{N}`` anchor and a ``¶N`` citation name it (0: the unnumbered opening)."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="the cable's own paragraph number (0: the unnumbered opening); "
        "empty for the whole cable",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cable_comments",
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(blank=True, default="")
    body = models.TextField()
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    # Moved by every save and moderation: the page cache's keys read the newest approved one.
    changed = models.DateTimeField(auto_now=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True, default="")

    objects = models.Manager()
    approved = ApprovedManager()

    class Meta:
        db_table = "discussion_comment"
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["cable", "status"])]

    def __str__(self) -> str:
        return f"{self.name} on {self.cable_id}: {self.body[:40]}"

    @property
    def anchor(self) -> str:
        """The HTML id of this comment on the cable page."""
        return f"comment-{self.pk}"

    @property
    def on_paragraph(self) -> bool:
        return self.paragraph is not None

    @property
    def paragraph_anchor(self) -> str:
        """The HTML id of the paragraph this comment is on (``par3``)."""
        return paragraph_anchor(self.paragraph)

    @property
    def paragraph_label(self) -> str:
        """``¶3``, or ``the opening``."""
        return paragraph_label(self.paragraph)


class Trackback(models.Model):
    """A ping from a blog that wrote about a cable (the Trackback protocol)."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="trackbacks")
    url = models.URLField(max_length=1000)
    title = models.CharField(max_length=255, blank=True, default="")
    excerpt = models.TextField(blank=True, default="")
    blog_name = models.CharField(max_length=255, blank=True, default="")
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    changed = models.DateTimeField(auto_now=True)  # as Comment.changed
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = models.Manager()
    approved = ApprovedManager()

    class Meta:
        db_table = "discussion_trackback"
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.blog_name or self.url} on {self.cable_id}"
