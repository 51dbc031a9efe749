"""What the archive stores.

Table names are plain (``cable``, ``paragraph``, ``cable_reference``...) so that
``sqlite3``, Datasette or DuckDB can read an archive without knowing Django.
The ``Cable`` row always holds the *current* version's fields; every version
ever ingested is kept whole in ``CableVersion.record`` (the record's JSON).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from cablebase.archive.paragraph_numbers import paragraph_anchor, paragraph_key, paragraph_label


class IngestRun(models.Model):
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    command = models.TextField(blank=True, default="")
    # running | completed | failed | interrupted
    status = models.CharField(max_length=16, default="running")
    new = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    new_versions = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    files = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0.0)
    errors = models.JSONField(default=list, blank=True)  # the first failures, for review

    class Meta:
        db_table = "ingest_run"
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"run {self.pk} ({self.status})"


class SourceFile(models.Model):
    """A file as it arrived, identified by content so re-ingesting is a no-op."""

    sha256 = models.CharField(max_length=64, unique=True)
    path = models.TextField()
    format = models.CharField(max_length=32)
    size = models.BigIntegerField()
    ingested_at = models.DateTimeField(auto_now_add=True)
    run = models.ForeignKey(IngestRun, null=True, blank=True, on_delete=models.SET_NULL)
    # Raw bytes are kept for files up to a size limit so the archive can
    # re-parse and prove what it was given; larger files keep hash and path only.
    content = models.BinaryField(null=True, blank=True)
    complete = models.BooleanField(default=False)  # every record of the file was stored
    records = models.PositiveIntegerField(default=0)  # cables it yielded, for skip reports

    class Meta:
        db_table = "source_file"

    def __str__(self) -> str:
        return self.path


class Tag(models.Model):
    KINDS = [
        ("subject", "Subject"),
        ("program", "Program"),
        ("organization", "Organization"),
        ("country", "Country"),
        ("person", "Person"),
        ("other", "Other"),
    ]
    code = models.CharField(max_length=128, unique=True)
    kind = models.CharField(max_length=16, choices=KINDS, default="other")
    description = models.TextField(blank=True, default="")

    class Meta:
        db_table = "tag"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class CableQuerySet(models.QuerySet):
    # The columns a row of a list of cables shows: the body can be 100 KB a cable.
    LIST_FIELDS = (
        "id",
        "reference_id",
        "origin",
        "origin_code",
        "created",
        "released",
        "classification",
        "subject",
        "partial",
        "updated",
    )

    def for_list(self) -> CableQuerySet:
        """Only the columns a list row shows."""
        return self.only(*self.LIST_FIELDS)

    def by_reference(self, reference_id: str) -> Cable | None:
        """The cable with this id as given, else upper-cased (``06moscow1323`` finds it)."""
        wanted = reference_id.strip()
        found = self.filter(reference_id=wanted).first()
        if found is None and wanted != wanted.upper():
            found = self.filter(reference_id=wanted.upper()).first()
        return found


from cablebase.archive.public import (  # noqa: E402  (needs CableQuerySet above)
    PublicCableManager,
    public_manager,
)


class Cable(models.Model):
    reference_id = models.CharField(max_length=64, unique=True)
    origin = models.CharField(max_length=128, blank=True, default="", db_index=True)
    origin_code = models.CharField(max_length=64, blank=True, default="", db_index=True)
    created = models.DateTimeField(null=True, blank=True, db_index=True)
    released = models.DateTimeField(null=True, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    classification = models.CharField(max_length=64, blank=True, default="", db_index=True)
    caveats = models.JSONField(default=list, blank=True)
    precedence = models.CharField(max_length=16, blank=True, default="", db_index=True)
    dtg = models.CharField(max_length=32, blank=True, default="")
    transmission_id = models.CharField(max_length=64, blank=True, default="")
    sender = models.CharField(max_length=255, blank=True, default="")
    recipients = models.JSONField(default=list, blank=True)
    info_recipients = models.JSONField(default=list, blank=True)
    sections = models.PositiveSmallIntegerField(default=1)
    eo = models.CharField(max_length=16, blank=True, default="")
    declassify_on = models.DateField(null=True, blank=True)
    declassify_rule = models.CharField(max_length=64, blank=True, default="")
    subject = models.TextField(blank=True, default="")
    classified_by_name = models.CharField(max_length=255, blank=True, default="")
    classified_by_title = models.CharField(max_length=255, blank=True, default="")
    classified_by_text = models.TextField(blank=True, default="")
    reasons = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True, default="")
    signers = models.JSONField(default=list, blank=True)
    header = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    partial = models.BooleanField(default=False)
    warnings = models.JSONField(default=list, blank=True)
    source_format = models.CharField(max_length=32, blank=True, default="")
    source_path = models.TextField(blank=True, default="")
    source_sha256 = models.CharField(max_length=64, blank=True, default="")
    content_hash = models.CharField(max_length=64)  # sha256 of the current version's text
    version_count = models.PositiveIntegerField(default=1)
    first_ingested = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    tags = models.ManyToManyField(Tag, through="CableTag", related_name="cables")
    # Withheld from every public output until released (``cablebase release``);
    # ``release_at`` is when a scheduled release takes effect.
    held = models.BooleanField(default=False, db_index=True)
    release_at = models.DateTimeField(null=True, blank=True)

    # ``objects`` is what every output reads: released cables, redacted text.
    # ``stored`` is the store itself, for ingest, the admin and redaction.
    objects = PublicCableManager()
    stored = CableQuerySet.as_manager()

    class Meta:
        db_table = "cable"
        ordering = ["-created", "reference_id"]

    def __str__(self) -> str:
        return self.reference_id

    def refresh_from_db(self, *args, **kwargs) -> None:  # type: ignore[override]
        """A deferred column of a public cable loads redacted, like the rest of it."""
        super().refresh_from_db(*args, **kwargs)
        if getattr(self, "_public", False):
            from cablebase.archive.public import redact_instance
            from cablebase.archive.redaction import current_rules

            redact_instance(self, current_rules())

    @property
    def tag_list(self) -> list[str]:
        """The TAGS codes in the cable's order: the ``cable_tag`` rows are their one home.

        One query, or none where ``cabletag_set`` was prefetched with its tags
        (``tags_prefetch()``).
        """
        return [ct.tag.code for ct in self.cabletag_set.all()]

    def get_absolute_url(self) -> str:
        """The cable's page: ``/cable/2006/02/06MOSCOW1323.html``, the address cited since 2010.

        A cable without a creation date cannot be placed there and lives at ``/cable/<ID>``.
        """
        if self.created is None:
            return reverse("reader:cable_short", kwargs={"reference_id": self.reference_id})
        return reverse(
            "reader:cable",
            kwargs={
                "year": f"{self.created.year:04d}",
                "month": f"{self.created.month:02d}",
                "reference_id": self.reference_id,
            },
        )


class CableTag(models.Model):
    cable = models.ForeignKey(Cable, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    objects = public_manager("cable")
    stored = models.Manager()

    class Meta:
        db_table = "cable_tag"
        unique_together = [("cable", "tag")]
        ordering = ["position"]


class Paragraph(models.Model):
    """One paragraph of a cable's current text, named by the cable's own number (see
    ``paragraph_numbers``): its ¶ anchor is ``par{number}``, ``par0`` for the opening."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField()  # 1-based order in the body
    number = models.CharField(max_length=16, blank=True, default="")  # "" for the opening
    marking = models.CharField(max_length=32, blank=True, default="")
    text = models.TextField()
    # How many paragraphs the page counted here before the numbers were the cable's own
    # (sub-heads counted): an old ?paragraph=N address still finds its text.
    legacy_span = models.PositiveSmallIntegerField(default=1, db_default=1)

    objects = public_manager("cable")
    stored = models.Manager()

    class Meta:
        db_table = "paragraph"
        ordering = ["cable", "position"]
        unique_together = [("cable", "position")]

    @property
    def anchor(self) -> str:
        return paragraph_anchor(self.number)

    @property
    def key(self) -> int | None:
        """The number comments store (0: the opening)."""
        return paragraph_key(self.number)

    @property
    def label(self) -> str:
        return paragraph_label(self.number)


class CableReference(models.Model):
    """One entry of a cable's REF list; ``cited_cable`` is set when the cited cable is stored."""

    citing = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=16, blank=True, default="")
    kind = models.CharField(max_length=8, default="cable")  # cable | other
    cited_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    text = models.TextField(blank=True, default="")
    cited_cable = models.ForeignKey(
        Cable, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )

    objects = public_manager("citing")
    stored = models.Manager()

    class Meta:
        db_table = "cable_reference"
        ordering = ["citing", "position"]


class CableVersion(models.Model):
    """Every distinct text a reference id arrived with; the highest number is current."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    record = models.JSONField()  # the full record, as the parser produced it
    source = models.ForeignKey(SourceFile, null=True, blank=True, on_delete=models.SET_NULL)
    released = models.DateTimeField(null=True, blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True)
    run = models.ForeignKey(IngestRun, null=True, blank=True, on_delete=models.SET_NULL)

    objects = public_manager("cable")
    stored = models.Manager()

    class Meta:
        db_table = "cable_version"
        ordering = ["cable", "number"]
        unique_together = [("cable", "number"), ("cable", "content_hash")]


class Quarantine(models.Model):
    """An input that could not be parsed or stored, with the reason, kept for review."""

    run = models.ForeignKey(IngestRun, null=True, blank=True, on_delete=models.SET_NULL)
    path = models.TextField()
    sha256 = models.CharField(max_length=64, blank=True, default="")
    line = models.PositiveIntegerField(null=True, blank=True)
    format = models.CharField(max_length=32, blank=True, default="")
    reason = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "quarantine"
        ordering = ["-created"]
        unique_together = [("sha256", "line", "reason")]

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class RedactionRule(models.Model):
    """Text a publisher holds back: a literal (any case) or a pattern, in one cable or all."""

    text = models.TextField()
    is_regex = models.BooleanField(default=False)
    cable = models.ForeignKey(
        Cable, null=True, blank=True, on_delete=models.CASCADE, related_name="redaction_rules"
    )
    reason = models.TextField()
    created_by = models.CharField(max_length=150, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)

    stored = models.Manager()

    class Meta:
        db_table = "redaction_rule"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"rule {self.pk}: {self.reason}"


class PublicationEvent(models.Model):
    """The audit trail: who redacted, unredacted, held or released what, when and why.

    Its highest id is the publication generation that page-cache keys and the search
    index follow; ``cables`` names the cables whose public text or visibility changed.
    """

    ACTIONS = [
        ("redact", "Redaction added"),
        ("unredact", "Redaction removed"),
        ("hold", "Held"),
        ("release", "Released"),
    ]
    action = models.CharField(max_length=16, choices=ACTIONS)
    actor = models.CharField(max_length=150, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True)
    rule_id = models.PositiveIntegerField(null=True, blank=True)
    detail = models.TextField(blank=True, default="")  # the rule's text, or the release time
    reason = models.TextField(blank=True, default="")
    cables = models.JSONField(default=list, blank=True)  # reference ids
    cable_pks = models.JSONField(default=list, blank=True)  # what the index must redo

    stored = models.Manager()

    class Meta:
        db_table = "publication_event"
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor or '?'} {self.action}"


def tags_prefetch() -> models.Prefetch:
    """What list views prefetch so that ``Cable.tag_list`` costs no query a cable."""
    return models.Prefetch("cabletag_set", queryset=CableTag.objects.select_related("tag"))
