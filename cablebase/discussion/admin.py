"""The moderation queue: filter by status, approve/reject/mark spam in bulk."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from .models import Comment, Status, Trackback


def _set_status(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, status: str
) -> None:
    # ``changed`` by hand: a bulk update skips auto_now, and the page cache's keys read it
    updated = queryset.update(status=status, changed=timezone.now())
    noun = (
        modeladmin.model._meta.verbose_name
        if updated == 1
        else (modeladmin.model._meta.verbose_name_plural)
    )
    modeladmin.message_user(request, f"{updated} {noun} marked {status}.", messages.SUCCESS)


@admin.action(description="Approve selected (publish)")
def approve(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Status.APPROVED)


@admin.action(description="Reject selected")
def reject(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Status.REJECTED)


@admin.action(description="Mark selected as spam")
def mark_spam(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Status.SPAM)


class ModerationAdmin(admin.ModelAdmin):
    """Shared by comments and trackbacks: the pending count sits above the list."""

    actions = [approve, reject, mark_spam]
    list_filter = ["status", "created"]
    date_hierarchy = "created"
    list_per_page = 50
    ordering = ["-created"]  # newest first: the queue is worked from the top
    raw_id_fields = ["cable"]

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        pending = self.model.objects.filter(status=Status.PENDING).count()
        extra_context = {**(extra_context or {}), "pending_count": pending}
        if pending:
            self.message_user(
                request, f"{pending} awaiting moderation.", messages.WARNING, fail_silently=True
            )
        return super().changelist_view(request, extra_context=extra_context)

    @admin.display(description="cable", ordering="cable__reference_id")
    def cable_link(self, obj) -> str:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.cable.get_absolute_url(),
            obj.cable.reference_id,
        )


@admin.register(Comment)
class CommentAdmin(ModerationAdmin):
    list_display = ["excerpt", "name", "cable_link", "paragraph", "status", "created", "ip_address"]
    list_filter = ["status", "created", ("user", admin.EmptyFieldListFilter)]
    search_fields = ["body", "name", "email", "cable__reference_id", "ip_address"]
    readonly_fields = ["created", "ip_address", "user_agent"]
    list_select_related = ["cable"]

    @admin.display(description="comment")
    def excerpt(self, obj: Comment) -> str:
        # The admin escapes this: a hostile comment is shown as text here too.
        return Truncator(obj.body).chars(80)


@admin.register(Trackback)
class TrackbackAdmin(ModerationAdmin):
    list_display = ["title", "blog_name", "url", "cable_link", "status", "created", "ip_address"]
    search_fields = ["title", "excerpt", "blog_name", "url", "cable__reference_id"]
    readonly_fields = ["created", "ip_address"]
    list_select_related = ["cable"]
