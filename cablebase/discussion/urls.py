from django.urls import path

from . import views
from .feeds import CableCommentsFeed

app_name = "discussion"

urlpatterns = [
    path("cable/<str:reference_id>/comment", views.post_comment, name="post_comment"),
    path("cable/<str:reference_id>/trackback", views.trackback, name="trackback"),
    path(
        "feeds/comments/<str:reference_id>.atom",
        CableCommentsFeed(),
        name="comments_feed",
    ),
]
