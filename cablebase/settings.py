"""Django settings for cablebase: one module, driven by environment variables.

CABLEBASE_DATABASE_URL  sqlite:///path.db (default sqlite:///cablebase.db) or postgresql://...
CABLEBASE_SECRET_KEY    required when CABLEBASE_DEBUG is off in production
CABLEBASE_DEBUG         "1" to enable Django's debug mode
CABLEBASE_ALLOWED_HOSTS comma-separated host names (default: localhost names)
CABLEBASE_STATIC_ROOT   where ``collectstatic`` puts files (default ./staticfiles)
CABLEBASE_PAGE_CACHE    directory of the shared rendered-page cache, or "locmem"
CABLEBASE_HOLD_NEW      "1": ingest holds new cables until `cablebase release` (a newsroom)
CABLEBASE_WEB_STATEMENT_TIMEOUT  PostgreSQL statement timeout of web requests (default 30s)
CABLEBASE_TLS           "1" behind a TLS proxy: HSTS, redirect to https, secure cookies
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from csp.constants import NONE, SELF

from cablebase.dburl import database_url, django_database

BASE_DIR = Path(__file__).resolve().parent

DEBUG = os.environ.get("CABLEBASE_DEBUG", "") == "1"
CABLEBASE_HOLD_NEW = os.environ.get("CABLEBASE_HOLD_NEW", "") == "1"
SECRET_KEY = (
    os.environ.get("CABLEBASE_SECRET_KEY") or "cablebase-insecure-development-key-change-me"
)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "CABLEBASE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver"
    ).split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "corsheaders",
    "cablebase.archive",
    "cablebase.discussion",
    "cablebase.reader",
    "cablebase.api",
    # Installed, ninja serves Swagger UI from its own static files instead of a CDN.
    "ninja",
]

MIDDLEWARE = [
    # First: a stored reading page is answered before sessions, auth or views run (and
    # carries the headers the rest of the stack gave it when it was stored).
    "cablebase.reader.middleware.PageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cablebase.api.middleware.ApiHeadAndNotFound",
    # Last, so it cleans a response before any middleware above hashes or caches it.
    "cablebase.xmltext.XmlTextMiddleware",
]

# The JSON API is read-only and public: any origin may GET it (django-cors-headers).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_PREFLIGHT_MAX_AGE = 86400

# A strict Content-Security-Policy (django-csp): every script, style, image and font comes
# from this site's own files; no inline script or style, no other host, no framing.
# ``data:`` images are the SVG icons inside Swagger UI's stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
# Django's defaults already send nosniff, Referrer-Policy, COOP and X-Frame-Options: DENY.
# Behind a TLS-terminating proxy (docs/deploy.md), CABLEBASE_TLS=1 adds HSTS and keeps the
# session and CSRF cookies off plain HTTP.
if os.environ.get("CABLEBASE_TLS", "") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("CABLEBASE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

ROOT_URLCONF = "cablebase.urls"
WSGI_APPLICATION = "cablebase.wsgi.application"
ASGI_APPLICATION = "cablebase.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The reader's templates first: its admin/ and ninja/ pages override those apps' own.
        "DIRS": [BASE_DIR / "reader" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cablebase.reader.context_processors.installed_apps",
            ],
        },
    }
]

DATABASES = {"default": django_database(database_url())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # Per worker: short-lived copies of aggregates (navigation, totals); never written to disk.
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cablebase",
    },
    # Rendered pages (cablebase.reader.page_cache): files every worker process shares.
    # CABLEBASE_PAGE_CACHE=locmem keeps them in the process (tests, one-process demos).
    "pages": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
        if os.environ.get("CABLEBASE_PAGE_CACHE") == "locmem"
        else {
            # Django's file cache, with each worker's hottest pages kept in its memory.
            "BACKEND": "cablebase.reader.page_store.PageFileCache",
            # The user's own cache directory, never a shared /tmp path another account
            # could create first (the cache holds pickles).
            "LOCATION": os.environ.get("CABLEBASE_PAGE_CACHE")
            or str(
                Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                / "cablebase"
                / "pages"
            ),
            "OPTIONS": {"MAX_ENTRIES": 500_000, "CULL_FREQUENCY": 10},
        }
    ),
    # Shared by every worker (a table of the archive, made by a discussion migration), so the
    # comment and trackback limits hold per address, not per address and worker.
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cablebase_ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}

# A web request's SQL may run this long on PostgreSQL before it is cancelled (a 500, logged),
# so one slow query cannot hold a worker. Applied by the WSGI/ASGI entry points only: ingest
# and the other commands run without it. "0" turns it off.
WEB_STATEMENT_TIMEOUT = os.environ.get("CABLEBASE_WEB_STATEMENT_TIMEOUT", "30s")

# Server errors go to standard error with the request's path and traceback (Django's
# default sends them only to ADMINS by mail, so `cablebase serve` showed nothing).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        }
    },
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("CABLEBASE_STATIC_ROOT", "staticfiles")).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site's root: ``/favicon.ico``, which every browser requests
# on its own (no <link rel="icon"> needed, so no page waits on an icon).
WHITENOISE_ROOT = BASE_DIR / "reader" / "static" / "root"
# Until `collectstatic` has run, WhiteNoise serves from the apps (USE_FINDERS) and would
# warn on every start that STATIC_ROOT is missing; that is the expected state for
# `cablebase serve`, `make demo` and the tests.
warnings.filterwarnings("ignore", message=r"No directory at: ", category=UserWarning)

LOGIN_URL = "/admin/login/"
