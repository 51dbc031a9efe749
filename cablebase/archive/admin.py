"""The archive in Django's admin: browse cables, versions, sources, runs and the quarantine.

Staff see the store as ingested (``Model.stored``): the original text of a
redacted passage and held cables. Redaction rules, holds and releases made
here go through ``cablebase.archive.redaction``, so each leaves an audit event.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from cablebase.archive import redaction
from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    IngestRun,
    Paragraph,
    PublicationEvent,
    Quarantine,
    RedactionRule,
    SourceFile,
    Tag,
)


class StoredQuerySet:
    """Staff read the store itself, not the public (held-out, redacted) rows."""

    model: Any

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = self.model.stored.get_queryset()
        ordering = self.get_ordering(request)  # type: ignore[attr-defined]
        return qs.order_by(*ordering) if ordering else qs


class ParagraphInline(StoredQuerySet, admin.TabularInline):
    model = Paragraph
    extra = 0
    fields = ("position", "number", "marking", "text")


class ReferenceInline(StoredQuerySet, admin.TabularInline):
    model = CableReference
    fk_name = "citing"
    extra = 0
    fields = ("position", "label", "kind", "cited_id", "text", "cited_cable")
    raw_id_fields = ("cited_cable",)


class CableTagInline(StoredQuerySet, admin.TabularInline):
    model = CableTag
    extra = 0
    raw_id_fields = ("tag",)


class VersionInline(StoredQuerySet, admin.TabularInline):
    model = CableVersion
    extra = 0
    fields = ("number", "content_hash", "released", "ingested_at", "source")
    readonly_fields = fields
    raw_id_fields = ("source",)
    show_change_link = True


@admin.register(Cable)
class CableAdmin(StoredQuerySet, admin.ModelAdmin):
    list_display = (
        "reference_id",
        "created",
        "origin",
        "classification",
        "subject",
        "version_count",
        "held",
        "released",
    )
    list_filter = ("held", "classification", "precedence", "partial", "year")
    actions = ("hold_cables", "release_cables")
    search_fields = ("reference_id", "subject", "origin")
    date_hierarchy = "created"
    readonly_fields = ("content_hash", "version_count", "first_ingested", "updated")
    inlines = (CableTagInline, ParagraphInline, ReferenceInline, VersionInline)
    list_per_page = 50
    show_full_result_count = False  # counting 250k rows on every page is wasted work

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return (*self.readonly_fields, "held", "release_at")  # changed by the actions, audited

    @admin.action(description="Hold the selected cables (withdraw from every public output)")
    def hold_cables(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = redaction.hold(
            queryset.values_list("reference_id", flat=True), actor=_actor(request), reason="admin"
        )
        self.message_user(request, f"held {len(done)} cables", messages.SUCCESS)

    @admin.action(description="Release the selected cables now")
    def release_cables(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = redaction.release(
            queryset.values_list("reference_id", flat=True), actor=_actor(request), reason="admin"
        )
        self.message_user(request, f"released {len(done)} cables", messages.SUCCESS)


def _actor(request: HttpRequest) -> str:
    return f"admin:{request.user.get_username()}"


class RuleForm(forms.ModelForm):
    class Meta:
        model = RedactionRule
        fields = ("text", "is_regex", "cable", "reason")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        try:
            redaction.compile_rule(data.get("text") or "", bool(data.get("is_regex")))
        except redaction.RuleError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return data


@admin.register(RedactionRule)
class RedactionRuleAdmin(admin.ModelAdmin):
    """Add and remove rules; a rule is never edited in place (remove it and add another)."""

    list_display = ("pk", "text", "is_regex", "cable", "reason", "created_by", "created")
    fields = ("text", "is_regex", "cable", "reason")
    raw_id_fields = ("cable",)
    form = RuleForm

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return RedactionRule.stored.select_related("cable")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        try:
            rule = redaction.add_rule(
                obj.text,
                reason=obj.reason,
                is_regex=obj.is_regex,
                cable=obj.cable.reference_id if obj.cable_id else None,
                actor=_actor(request),
            )
        except redaction.RuleError as exc:  # the form checked the pattern; a race is rare
            self.message_user(request, str(exc), messages.ERROR)
            return
        obj.pk = rule.pk

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        redaction.remove_rule(obj.pk, actor=_actor(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for rule in list(queryset):
            redaction.remove_rule(rule.pk, actor=_actor(request))


@admin.register(PublicationEvent)
class PublicationEventAdmin(admin.ModelAdmin):
    """The audit trail, read-only: nobody edits history."""

    list_display = ("at", "actor", "action", "rule_id", "detail", "reason", "cables")
    list_filter = ("action",)
    search_fields = ("actor", "detail", "reason")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return PublicationEvent.stored.all()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("code", "kind", "description")
    list_filter = ("kind",)
    search_fields = ("code", "description")


@admin.register(CableVersion)
class CableVersionAdmin(StoredQuerySet, admin.ModelAdmin):
    list_display = ("cable", "number", "released", "ingested_at", "content_hash")
    raw_id_fields = ("cable", "source", "run")
    search_fields = ("cable__reference_id",)


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ("path", "format", "size", "records", "complete", "ingested_at")
    list_filter = ("format", "complete")
    search_fields = ("path", "sha256")
    exclude = ("content",)
    raw_id_fields = ("run",)


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "started",
        "status",
        "new",
        "unchanged",
        "new_versions",
        "failed",
        "files",
        "seconds",
    )
    list_filter = ("status",)


@admin.register(Quarantine)
class QuarantineAdmin(admin.ModelAdmin):
    list_display = ("path", "line", "reason", "created", "run")
    search_fields = ("path", "reason", "sha256")
    raw_id_fields = ("run",)
