"""Render a generated cable in each input format and settle the format-specific truth.

Each writer returns the bytes to write and completes ``truth`` with what that format
carries (e.g. a repost has no FM/TO lines, a CSV row has no release date).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import random
import re
from datetime import datetime, timedelta

from bench.synth.cable import Cable

FIRST_RELEASE = datetime(2010, 11, 28, 10, 0)
RELEASE_SPAN_MIN = int((datetime(2011, 9, 1, 23, 0) - FIRST_RELEASE).total_seconds() // 60)
PAR_START = re.compile(r"^(?:¶)?(\d+)\. \(", re.M)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def released(rng: random.Random) -> datetime:
    return FIRST_RELEASE + timedelta(minutes=rng.randrange(RELEASE_SPAN_MIN))


def csv_row(cable: Cable, number: int, path: str, rng: random.Random) -> bytes:
    """One row of the bulk CSV (RFC 4180 quoting); the truth's sha256 is of these bytes.
    Now and then the text carries the dump's escaped newlines (lines ending in a backslash)."""
    t = cable.truth
    text = cable.text
    if rng.random() < 0.02:
        text = text.replace("\n", "\\\n")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(
        [
            number,
            cable.created.strftime("%m/%d/%Y %H:%M"),
            t["reference_id"],
            t["origin"],
            t["classification"],
            "|".join(cable.cited_ids),
            t["header"] or "",
            text,
        ]
    )
    data = buf.getvalue().encode("utf-8")
    t["source"] = {"format": "cables-csv", "path": path, "sha256": _sha(data)}
    return data


def _no_header_truth(t: dict) -> None:
    for key in ("precedence", "dtg", "transmission_id", "sender", "header", "created"):
        t[key] = None


def telegram(cable: Cable, path: str) -> bytes:
    """A bare telegram as saved from a terminal: header lines, blank line, text."""
    t = cable.truth
    lines = cable.header.lines
    text = ("\n".join(lines) + "\n\n" if lines else "") + cable.text
    if not lines:
        _no_header_truth(t)
    data = text.encode("utf-8")
    t["source"] = {"format": "telegram-text", "path": path, "sha256": _sha(data)}
    return data


REPOST_HEAD = "\n".join(
    [
        "WikiLeaks Link",
        "",
        "To understand the justification used for the classification of each cable, please use"
        " this WikiSource article as reference.",
        "Discussing cables",
        "If you find meaningful or important information in a cable, please link directly to its"
        " unique reference number. Linking to a specific paragraph in the body of a cable is also"
        " possible by copying the appropriate link (to be found at theparagraph symbol).Please"
        " mark messages for social networking services like Twitter with the hash tags #cablegate"
        " and a hash containing the reference ID e.g. #{rid}.",
        "Reference ID Created Released Classification Origin",
        "{rid} {created} {released} {classification} {origin}",
        "",
        "",
    ]
)
REPOST_TAIL = """

Post a comment or leave a trackback: Trackback URL.

Leave a Reply

Fill in your details below or click an icon to log in:

WordPress.com Logo

You are commenting using your WordPress.com account. Log Out / Change )

Connecting to %s

%d bloggers like this:"""


def repost(cable: Cable, path: str, rng: random.Random) -> bytes:
    """A blog repost of a viewer page: publisher table, DE and DTG lines, text, site chrome."""
    t = cable.truth
    rel = released(rng)
    t["released"] = rel.strftime("%Y-%m-%dT%H:%M:00Z")
    t["created"] = cable.created.strftime("%Y-%m-%dT%H:%M:00Z")
    h = cable.header
    kept = [ln for ln in h.lines if ln.startswith("DE ") or ln[:2] in {"R ", "O ", "P ", "Z "}]
    t.update(sender=None, recipients=[], info_recipients=[], header="\n".join(kept) or None)
    if not kept:
        t.update(precedence=None, dtg=None, transmission_id=None)
    head = REPOST_HEAD.format(
        rid=t["reference_id"],
        created=cable.created.strftime("%Y-%m-%d %H:%M"),
        released=rel.strftime("%Y-%m-%d %H:%M"),
        classification=t["classification"],
        origin=t["origin"],
    )
    text = head + ("\n".join(kept) + "\n\n" if kept else "") + cable.text + REPOST_TAIL
    data = text.encode("utf-8")
    t["source"] = {"format": "repost-text", "path": path, "sha256": _sha(data)}
    return data


HTML_HEAD = """<?xml version='1.0' encoding='utf-8' ?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>
<head>
<title>Cable Viewer</title>
<link href='/static/css/cables.css' rel='stylesheet' type='text/css' />
</head>
<body>
<div class='main'>
<div class='pane small'>
<a href='/index.html'>
<p>Currently released so far... {count} / 251,287</p>
</a>
</div>
<div class='pane big'>
<h3>Viewing cable {rid}, {subject}</h3>
<div id='help_1'>
<b>Understanding cables</b>
Every cable message consists of three parts.
</div>
<table class='cable'>
<tr>
<th>Reference ID</th>
<th>Created</th>
<th>Released</th>
<th>Classification</th>
<th>Origin</th>
</tr>
<tr>
<td>
<a href='/cable/{y}/{m}/{rid}.html'>{rid}</a>
</td>
<td>
<a href='/date/{y}-{m}_0.html'>{created}</a>
</td>
<td>
<a href='/reldate/{reldate}_0.html'>{released}</a>
</td>
<td>
<a href='/classification/1_0.html' title='{cls_lower}'>{classification}</a>
</td>
<td>
<a href='/origin/1_0.html'>{origin}</a>
</td>
</tr>
</table>
"""
HTML_TAIL = """</div>
</div>
<script src='/static/js/js.js' type='text/javascript'></script>
</body>
</html>
"""


def _pre(text: str) -> str:
    escaped = html.escape(text, quote=False).replace("\n", "&#x000A;")
    return f"<code><pre>{escaped}</pre></code>\n"


def _anchor(m: re.Match[str]) -> str:
    n = m.group(1)
    return f"<a id='par{n}' href='#par{n}'>¶</a>{n}. ("


def _tag_links(text: str, tags: list[str]) -> str:
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if ln.startswith("TAGS"):
            lines[i] = re.sub(
                r"\b([A-Z]{2,8})\b",
                lambda m: f"<a href='/tag/{m[1]}_0.html'>{m[1]}</a>" if m[1] in tags else m[1],
                ln[4:],
            )
            lines[i] = "TAGS" + lines[i]
            break
    return "\n".join(lines)


def viewer_html(cable: Cable, path: str, rng: random.Random) -> bytes:
    """A cable-viewer page: metadata table, header ``<pre>``, text ``<pre>`` with ¶ anchors."""
    t = cable.truth
    rel = released(rng)
    t["released"] = rel.strftime("%Y-%m-%dT%H:%M:00Z")
    t["created"] = cable.created.strftime("%Y-%m-%dT%H:%M:00Z")
    page = HTML_HEAD.format(
        count=rng.randint(300, 251287),
        rid=t["reference_id"],
        subject=html.escape(t["subject"] or ""),
        y=f"{cable.created:%Y}",
        m=f"{cable.created:%m}",
        created=cable.created.strftime("%Y-%m-%d %H:%M"),
        reldate=rel.strftime("%Y-%m-%d"),
        released=rel.strftime("%Y-%m-%d %H:%M"),
        cls_lower=t["classification"].lower(),
        classification=t["classification"],
        origin=html.escape(t["origin"]),
    )
    if cable.header.lines:
        page += _pre("\n".join(cable.header.lines))
    else:
        _no_header_truth(t)
        t["created"] = cable.created.strftime("%Y-%m-%dT%H:%M:00Z")
    text = PAR_START.sub(_anchor, html.escape(cable.text.rstrip("\n"), quote=False))
    if rng.random() < 0.5:
        text = _tag_links(text, t["tags"])
    page += "<code><pre>" + text.replace("\n", "&#x000A;") + "</pre></code>\n" + HTML_TAIL
    data = page.encode("utf-8")
    t["source"] = {"format": "wikileaks-html", "path": path, "sha256": _sha(data)}
    return data
