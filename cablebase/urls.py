from django.contrib import admin
from django.urls import include, path

from cablebase.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("cablebase.discussion.urls")),
    path("", include("cablebase.reader.urls")),
]
