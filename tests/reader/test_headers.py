"""What every response tells the browser and the caches: a strict CSP, no cookie on pages
that only read, the same bytes for every reader, nothing loaded from another host."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.test import Client
from selectolax.lexbor import LexborHTMLParser as HTMLParser

pytestmark = pytest.mark.django_db

CABLE = "/cable/2006/02/06MOSCOW1323.html"
# Pages that only read: a shared cache must be able to keep one copy for everybody.
READ_ONLY = [
    "/",
    CABLE,
    "/search?q=hamas",
    '/search?q=hamas+origin:"Embassy+Moscow"',
    "/released/",
    "/date/",
    "/date/2006/02/",
    "/origin/",
    "/origin/MOSCOW/",
    "/classified/",
    "/classified/confidential/",
    "/tag/",
    "/tag/PREL/",
    "/classification/",
]
# Every other kind of HTML page, with the status it answers.
OTHER_HTML = [
    ("/no/such/page", 404),
    ("/cable/2006/02/06NOSUCH1.html", 404),
    ('/search?q="open', 400),
    ("/cable/06MOSCOW1323/comment", 200),
    ("/admin/login/", 200),
    ("/api/docs", 200),
]


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


@pytest.fixture
def staff_client(real_archive) -> Client:
    """A logged-in moderator who also holds a CSRF cookie: as personal as a visitor gets."""
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("moderator", "mod@example.org", "correct-horse")
    client = Client()
    client.force_login(user)
    client.cookies["csrftoken"] = "k" * 32
    return client


@pytest.mark.parametrize("path", READ_ONLY)
def test_reading_pages_set_no_cookie_and_are_the_same_for_everyone(
    staff_client: Client, path: str
) -> None:
    anonymous = Client().get(path)
    assert anonymous.status_code == 200
    assert "Set-Cookie" not in anonymous.headers, anonymous.headers.get("Set-Cookie")
    assert not anonymous.cookies
    assert "cookie" not in anonymous.headers.get("Vary", "").lower()
    assert "private" not in anonymous.headers.get("Cache-Control", "")
    assert 'name="csrfmiddlewaretoken"' not in anonymous.content.decode()
    personal = staff_client.get(path)
    assert personal.status_code == 200
    assert "Set-Cookie" not in personal.headers
    assert personal.content == anonymous.content
    if "ETag" in anonymous.headers:
        assert personal["ETag"] == anonymous["ETag"]


def test_a_cable_page_comes_without_cookie_and_with_the_csp(real_archive) -> None:
    response = Client().get(CABLE)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    # the page still offers the discussion: a link to the form, which lives at its own URL
    assert 'href="/cable/06MOSCOW1323/comment' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "status"), [(p, 200) for p in READ_ONLY] + OTHER_HTML, ids=lambda v: str(v)
)
def test_every_html_page_has_a_strict_csp_and_nothing_inline(
    real_archive, path: str, status: int
) -> None:
    response = Client().get(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for name, values in policy.items():
        for value in values:
            assert value in ("'self'", "'none'", "data:"), f"{name} allows {value}"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    tree = HTMLParser(response.content.decode())
    assert not tree.css("style"), "inline <style> element"
    assert not tree.css("[style]"), "inline style attribute"
    for script in tree.css("script"):
        kind = script.attributes.get("type") or ""
        assert script.attributes.get("src") or kind == "application/json", script.html[:80]
    for node in tree.css("*"):
        handlers = [a for a in node.attributes if a.startswith("on")]
        assert not handlers, f"inline event handler {handlers} on <{node.tag}>"


@pytest.mark.parametrize("path", [*READ_ONLY, "/api/docs", "/admin/login/"])
def test_no_page_loads_anything_from_another_host(real_archive, path: str) -> None:
    tree = HTMLParser(Client().get(path).content.decode())
    loaded = [n.attributes.get("src") for n in tree.css("script[src], img[src], iframe[src]")]
    loaded += [n.attributes.get("href") for n in tree.css("link[href]")]
    for url in loaded:
        parts = urlsplit(url or "")
        assert parts.netloc in ("", "testserver"), f"{path} loads {url} from another host"
        assert parts.scheme in ("", "http", "data"), f"{path} loads {url}"


def test_api_docs_serve_swagger_ui_from_the_project(real_archive) -> None:
    page = Client().get("/api/docs").content.decode()
    tree = HTMLParser(page)
    scripts = [n.attributes["src"] for n in tree.css("script[src]")]
    assert scripts == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    assert tree.css_first("html").attributes.get("lang") == "en"
    settings = json.loads(tree.css_first("#swagger-settings").text())
    assert settings["url"] == "/api/openapi.json"
    bundle = Client().get(scripts[0])
    assert bundle.status_code == 200
    assert b"SwaggerUIBundle" in b"".join(bundle.streaming_content)


def test_favicon_is_served_at_the_site_root() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_behind_tls_the_site_sends_hsts_and_keeps_cookies_off_plain_http() -> None:
    """CABLEBASE_TLS=1, as docs/deploy.md says: HSTS, https redirect, secure cookies."""
    script = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "from django.test import Client;"
        "r = Client().get('/favicon.ico', secure=True);"
        "plain = Client().get('/favicon.ico');"
        "print(json.dumps([r.headers.get('Strict-Transport-Security'), plain.status_code,"
        " plain.headers.get('Location'), s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    env = os.environ | {"CABLEBASE_TLS": "1", "DJANGO_SETTINGS_MODULE": "cablebase.settings"}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    hsts, status, location, session_secure, csrf_secure = json.loads(out.stdout.splitlines()[-1])
    assert hsts == "max-age=31536000"
    assert status == 301 and location == "https://testserver/favicon.ico"
    assert session_secure and csrf_secure
