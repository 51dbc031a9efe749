"""A served page turned into a mirror file: links, posting forms, the search marker."""

from __future__ import annotations

from cablebase.mirror.rewrite import Site, page_text

ORIGIN = "http://testserver"
PAGE = "/cable/2006/02/06MOSCOW1323.html"
FILE = "cable/2006/02/06MOSCOW1323.html"
HTML = (
    '<link rel="canonical" href="http://testserver/cable/2006/02/06MOSCOW1323.html">'
    '<link rel="stylesheet" href="/static/reader/reader.css">'
    '<article class="cable"><a href="/tag/PREL/">PREL</a> <a href="#par2">¶</a>'
    '<a href="/search?q=hamas&amp;sort=date">hamas</a> <a href="/api/docs">API</a>'
    '<a href="?paragraph=2#comment-form">Comment on ¶2</a></article>'
    '<form class="comment-form" id="comment-form" method="post" action="/cable/X/comment">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="abc"></form>'
    '<input class="copy" value="http://testserver/cable/2006/02/06MOSCOW1323.html">'
)


def test_with_a_live_site_forms_and_foreign_links_point_to_it():
    out = page_text(HTML, FILE, PAGE, Site(ORIGIN, "https://cables.example.org"))
    text = out.text
    assert 'href="../../../tag/PREL/index.html"' in text and 'href="#par2"' in text
    assert 'href="../../../search/index.html?q=hamas"' in text
    assert 'href="https://cables.example.org/api/docs"' in text
    assert 'href="https://cables.example.org/cable/2006/02/06MOSCOW1323.html?paragraph=2' in text
    assert "<form" not in text and "csrfmiddlewaretoken" not in text
    assert (
        "comment on the live site" in text
        and "https://cables.example.org/cable/2006/02/06MOSCOW1323.html#comment-form" in text
    )
    assert '<link rel="canonical" href="https://cables.example.org/cable/' in text
    assert 'value="https://cables.example.org/cable/2006/02/06MOSCOW1323.html"' in text
    assert "testserver" not in text
    assert out.static == {"/static/reader/reader.css"}
    assert "data-pagefind-body" in text


def test_on_its_own_links_to_what_is_not_mirrored_lose_their_target():
    text = page_text(HTML, FILE, PAGE, Site(ORIGIN)).text
    assert "<a>API</a>" in text and "<a>Comment on ¶2</a>" in text
    assert "<form" not in text and "live site" not in text
    assert "testserver" not in text


def test_a_lists_later_pages_are_collected_for_rendering():
    html = '<a href="?page=2">2</a><a href="/tag/PREL/?page=3">3</a><a href="/tag/X/?page=2">x</a>'
    out = page_text(html, "tag/PREL/index.html", "/tag/PREL/", Site(ORIGIN))
    assert out.pages == {"/tag/PREL/?page=2", "/tag/PREL/?page=3"}
    assert 'href="index-2.html"' in out.text and 'href="../X/index-2.html"' in out.text
