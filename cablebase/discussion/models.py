"""Comments and trackbacks on cables, both held for moderation before they are shown."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cablebase.archive.models import Cable


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


class ApprovedManager(models.Manager):
    """Only what a visitor may see: every public view goes through this manager."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(status=Status.APPROVED)


class Comment(models.Model):
    """A reader's remark on a cable, optionally on one paragraph (the ``par{N}`` anchor)."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.PositiveIntegerField(
        null=True, blank=True, help_text="1-based paragraph position; empty for the whole cable"
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
    def paragraph_anchor(self) -> str:
        return f"par{self.paragraph}" if self.paragraph else ""


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
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = models.Manager()
    approved = ApprovedManager()

    class Meta:
        db_table = "discussion_trackback"
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.blog_name or self.url} on {self.cable_id}"
