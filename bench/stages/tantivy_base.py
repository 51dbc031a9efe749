"""The bare-tantivy search baseline: the same texts in a plain tantivy index (reference id
stored, text with the default tokenizer), the same query text, top 20 and the exact total.

It is what the archive's search costs at least once it runs on tantivy: the archive adds
filters, ranking weights, snippets and facets on top of it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.stages import Skip, cpu_seconds, require

HEAP = 200_000_000
_WORD = re.compile(r"[A-Za-z0-9]+")


def bare_schema() -> Any:  # -> tantivy.Schema
    """Reference id stored as one term, the text with tantivy's default tokenizer."""
    sb = require("tantivy").SchemaBuilder()
    sb.add_text_field("rid", stored=True, tokenizer_name="raw")
    sb.add_text_field("text")
    return sb.build()


def build(texts: Iterable[tuple[str, str]], where: Path) -> dict[str, Any]:
    """Index (reference id, text) pairs with one indexing thread; seconds and bytes."""
    tantivy = require("tantivy")
    where.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(bare_schema(), path=str(where))
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    writer = index.writer(heap_size=HEAP, num_threads=1)
    n = 0
    for rid, text in texts:
        writer.add_document(tantivy.Document(rid=rid, text=text))
        n += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0  # every thread of this process: reading the texts, indexing
    size = sum(p.stat().st_size for p in where.rglob("*") if p.is_file())
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "bytes": size,
        "documents": n,
        "path": str(where),
    }


def query_text(terms: list[str]) -> str | None:
    """The text part of a bench query in tantivy's query language (prefixes as regexes)."""
    out = []
    for tok in terms:
        if tok == "OR":
            out.append("OR")
        elif tok.endswith("*") and not tok.startswith('"'):
            stem = "".join(_WORD.findall(tok[:-1])).lower()
            if stem:
                out.append(f"text:/{stem}.*/")
        else:
            words = _WORD.findall(tok)
            if words:
                out.append('"' + " ".join(words) + '"' if len(words) > 1 else words[0])
    while out and out[-1] == "OR":
        out.pop()
    while out and out[0] == "OR":
        out.pop(0)
    return " ".join(out) or None


def latencies(where: Path, queries: list[Any], repeats: int) -> dict[str, dict[str, Any]]:
    """Per query text: seconds of each repeat and the exact total of hits."""
    tantivy = require("tantivy")
    if not Path(where).is_dir():
        raise Skip("no tantivy baseline index")
    index = tantivy.Index.open(str(where))
    index.reload()
    searcher = index.searcher()
    out: dict[str, dict[str, Any]] = {}
    for q in queries:
        text = query_text(q.text_terms())
        if not text:
            continue
        times, total = [], 0
        for _ in range(repeats + 1):  # the first is the cold run (see bench.stages.search)
            t0 = time.perf_counter()
            parsed = index.parse_query(
                text, ["text"], conjunction_by_default=True, allow_regexes=True
            )
            res = searcher.search(parsed, 20, count=True, offset=20 * (q.page - 1))
            _ids = [searcher.doc(addr)["rid"] for _, addr in res.hits]
            times.append(time.perf_counter() - t0)
            total = res.count
        out[q.key] = {"cold": times[0], "seconds": times[1:], "total": total, "query": text}
    return out
