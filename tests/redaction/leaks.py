"""The leak detector: gather every public output of an archive and look for what must not show.

Outputs: every page, feed and API response reachable from the home page and
the API's lists (links followed, Django's test client), searches for each
needle on the site, the API and the search feed, the three export formats, a
static mirror's files (Pagefind's compressed index included) and the search
index's terms and stored text. A *needle* is a canary string (matched in any case) or a held
cable's id; a hit names the output it was found in.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, quote_plus, urljoin, urlsplit

from django.test import Client

LINK = re.compile(r"""(?:href|src|action)=["']([^"'#]+)""")
JSON_LINK = re.compile(r'"((?:https?://testserver)?/(?:api|cable|feeds|tag|origin)[^"\s]*)"')
API_TAILS = ("", "/paragraphs", "/references", "/versions", "/comments", "/similar")
SKIP = ("/admin", "/static/", "/api/docs", "/api/openapi")


@dataclass
class Outputs:
    """Text of each output, by where it came from."""

    texts: dict[str, str] = field(default_factory=dict)

    def add(self, where: str, text: str) -> None:
        self.texts[where] = text

    def leaks(self, needles: Iterable[str]) -> list[tuple[str, str]]:
        found = []
        for needle in needles:  # in any case but the one searches are sent in
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            found += [
                (where, needle)
                for where, text in self.texts.items()
                if any(m.group() != echo_query(needle) for m in pattern.finditer(text))
            ]
        return found


def _local(base: str, link: str) -> str | None:
    url = urljoin(base, link.replace("http://testserver", ""))
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP):
        return None
    return path


def crawl(
    client: Client, starts: Iterable[str], limit: int = 3000
) -> Iterator[tuple[str, int, str]]:
    """Every local page, feed and API answer reachable from ``starts``: (url, status, text)."""
    queue, seen = deque(starts), set(starts)
    while queue and len(seen) <= limit:
        url = queue.popleft()
        response = client.get(url, follow=True)
        text = response.content.decode("utf-8", "replace")
        yield url, response.status_code, text
        kind = response.get("Content-Type", "")
        links = JSON_LINK.findall(text) if "json" in kind else LINK.findall(text)
        if "xml" in kind:
            links += re.findall(r"<link[^>]*href=\"([^\"]+)\"", text)
            links += re.findall(r"<id>(http[^<]+)</id>", text)
        for link in links:
            local = _local(url, link)
            if local and local not in seen:
                seen.add(local)
                queue.append(local)


def echo_query(word: str) -> str:
    """What a search is sent for ``word``: its case swapped, so the page's echo of the
    visitor's own query can be told apart from the archive's text (planted in other cases)."""
    return word.swapcase()


def _without_echo(url: str, text: str) -> str:
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    if not query:
        return text
    for form in {query, html.escape(query), quote(query), quote_plus(query), json.dumps(query)}:
        text = text.replace(form, "")
    return text


def site_outputs(client: Client, searches: Iterable[str]) -> Outputs:
    """The served site: crawled pages, feeds and API, plus searches for each word given."""
    from cablebase.archive.models import Cable

    starts = ["/", "/api/stats", "/feeds/latest/", "/api/search?q=*&per_page=100"]
    for ref in Cable.objects.values_list("reference_id", flat=True):  # each public cable's API
        starts += [f"/api/cables/{ref}{tail}" for tail in API_TAILS]
    for word in searches:
        q = quote(echo_query(word))
        starts += [f"/search?q={q}", f"/api/search?q={q}", f"/feeds/search/?q={q}"]
    out = Outputs()
    for url, _status, text in crawl(client, starts):
        out.add(url, _without_echo(url, text))
    return out


def export_outputs(out: Outputs, folder: Path) -> None:
    """The three export formats, read back as text."""
    import pyarrow.parquet as pq

    from cablebase.archive.export import export

    for fmt in ("jsonl", "csv", "parquet"):
        path = folder / f"export.{fmt}"
        export(None, fmt, path)
        if fmt == "parquet":
            text = json.dumps(pq.read_table(path).to_pylist(), default=str, ensure_ascii=False)
        else:
            text = path.read_text(encoding="utf-8")
        out.add(f"export:{fmt}", text)


def mirror_outputs(out: Outputs, root: Path) -> None:
    """Every file of a static mirror; Pagefind's gzip'd index pieces decompressed."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        with contextlib.suppress(OSError, EOFError):  # not gzip: read as it is
            data = gzip.decompress(data)
        out.add(f"mirror:{path.relative_to(root)}", data.decode("utf-8", "replace"))


def index_terms_found(needles: Iterable[str], held_pks: Iterable[int]) -> list[tuple[str, str]]:
    """The search index's terms: any text field holding a needle's words, any held cable's doc."""
    import tantivy

    from cablebase.archive.search import schema
    from cablebase.archive.search.index import engine

    eng = engine()
    eng.catch_up()
    index = eng.index()
    searcher = index.searcher()
    sch = index.schema
    found = []

    def count(query: tantivy.Query) -> int:
        return searcher.search(query, limit=1).count

    for needle in needles:
        for name in schema.WORD_FIELDS:
            for word in schema.words(needle):
                if count(tantivy.Query.term_query(sch, name, word)):
                    found.append((f"index:{name}", needle))
        for name in ("ref_id", "cites"):
            if count(tantivy.Query.term_query(sch, name, needle.upper())):
                found.append((f"index:{name}", needle))
    for pk in held_pks:
        if count(tantivy.Query.term_query(sch, "pk", pk)):
            found.append(("index:pk", str(pk)))
    # What the index stores for lists of hits (the listing and the body snippets come from).
    everything = searcher.search(tantivy.Query.all_query(), limit=max(1, searcher.num_docs)).hits
    texts = []
    for _, address in everything:
        doc = searcher.doc(address)
        texts += [(doc.get_first(schema.LISTING) or b"").decode(), doc.get_first(schema.BODY) or ""]
    stored = Outputs()
    stored.add("index:stored", "\n".join(texts))
    return found + stored.leaks(needles)
