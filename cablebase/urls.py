from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("cablebase.api.urls")),
    path("", include("cablebase.discussion.urls")),
    path("", include("cablebase.reader.urls")),
]
