"""The archive in Django's admin: browse cables, versions, sources, runs and the quarantine."""

from __future__ import annotations

from django.contrib import admin

from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    IngestRun,
    Paragraph,
    Quarantine,
    SourceFile,
    Tag,
)


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    extra = 0
    fields = ("position", "number", "marking", "text")


class ReferenceInline(admin.TabularInline):
    model = CableReference
    fk_name = "citing"
    extra = 0
    fields = ("position", "label", "kind", "cited_id", "text", "cited_cable")
    raw_id_fields = ("cited_cable",)


class CableTagInline(admin.TabularInline):
    model = CableTag
    extra = 0
    raw_id_fields = ("tag",)


class VersionInline(admin.TabularInline):
    model = CableVersion
    extra = 0
    fields = ("number", "content_hash", "released", "ingested_at", "source")
    readonly_fields = fields
    raw_id_fields = ("source",)
    show_change_link = True


@admin.register(Cable)
class CableAdmin(admin.ModelAdmin):
    list_display = (
        "reference_id",
        "created",
        "origin",
        "classification",
        "subject",
        "version_count",
    )
    list_filter = ("classification", "precedence", "partial", "year")
    search_fields = ("reference_id", "subject", "origin")
    date_hierarchy = "created"
    readonly_fields = ("content_hash", "version_count", "first_ingested", "updated")
    inlines = (CableTagInline, ParagraphInline, ReferenceInline, VersionInline)
    list_per_page = 50
    show_full_result_count = False  # counting 250k rows on every page is wasted work


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("code", "kind", "description")
    list_filter = ("kind",)
    search_fields = ("code", "description")


@admin.register(CableVersion)
class CableVersionAdmin(admin.ModelAdmin):
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
