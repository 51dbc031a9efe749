"""Server-rendered SVG pictures of counts: timelines per month or year, and a share bar.

Counts go in, markup comes out; nothing here queries the database. The SVGs scale
with their ``viewBox`` (no fixed pixel width), carry a ``<title>``/``<desc>`` for
screen readers and a ``<title>`` per bar that browsers show on hover, and use
presentation attributes only (``fill``, ``font-size``): a strict Content Security
Policy forbids ``style`` attributes and the pictures need no JavaScript. The same
numbers are printed as a table in a ``<details>`` beside each picture.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 480  # viewBox units; at a 360 px phone the 15-unit font is still about 11 px
HEIGHT = 136
LEFT, RIGHT, TOP, BOTTOM = 6, 474, 24, 104
FONT_SIZE = 15
FONT = 'font-family="system-ui, sans-serif"'
MUTED = "#5a5a5a"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Colours for the classification mix, from the least to the most restricted.
LEVEL_COLOURS = (
    ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "#7fb069"),
    ("UNCLASSIFIED", "#3f8f3f"),
    ("CONFIDENTIAL//NOFORN", "#6fa8dc"),
    ("CONFIDENTIAL", "#0b5394"),
    ("SECRET//NOFORN", "#990000"),
    ("SECRET", "#e06666"),
)
SERIES_COLOURS = {"created": "#0b5394", "released": "#b45309", "matching": "#38761d"}

Month = tuple[int, int]


@dataclass(frozen=True)
class Bar:
    """One column of a timeline: its tooltip label and its count."""

    label: str
    count: int


def _n(value: int) -> str:
    return f"{value:,}"


def month_range(counts: Mapping[Month, int]) -> list[Month]:
    """Every month from the first to the last one counted, gaps included (as zero bars)."""
    if not counts:
        return []
    (y0, m0), (y1, m1) = min(counts), max(counts)
    return [(i // 12, i % 12 + 1) for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]


def _year_step(years: int) -> int:
    """Label every 1, 2, 5, 10... years so that at most six labels share the width."""
    for step in (1, 2, 5, 10, 20, 50, 100):
        if years / step <= 6:
            return step
    return 200


def _bars_svg(
    bars: Sequence[Bar],
    ticks: Sequence[tuple[int, str]],
    *,
    chart_id: str,
    title: str,
    desc: str,
    colour: str,
    unit: str = "month",
) -> str:
    """The SVG of a bar chart with its x labels at ``ticks`` (bar index, text)."""
    peak = max((b.count for b in bars), default=0)
    slot = (RIGHT - LEFT) / max(1, len(bars))
    gap = slot * 0.15 if slot >= 3 else 0.0
    height = BOTTOM - TOP
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img"'
        f' preserveAspectRatio="xMidYMid meet" aria-labelledby="{chart_id}-t {chart_id}-d"'
        f' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<text x="{LEFT}" y="17" font-size="{FONT_SIZE}" fill="{MUTED}" {FONT}>'
        f"busiest {unit}: {_n(peak)}</text>",
        f'<g fill="{colour}">',
    ]
    for i, bar in enumerate(bars):
        if bar.count <= 0 or peak <= 0:
            continue
        h = max(1.0, height * bar.count / peak)
        out.append(
            f'<rect x="{LEFT + i * slot:.2f}" y="{BOTTOM - h:.2f}" width="{slot - gap:.2f}"'
            f' height="{h:.2f}"><title>{escape(bar.label)}: {_n(bar.count)}</title></rect>'
        )
    out.append("</g>")
    out.append(
        f'<line x1="{LEFT}" y1="{BOTTOM + 0.5}" x2="{RIGHT}" y2="{BOTTOM + 0.5}"'
        f' stroke="{MUTED}" stroke-width="1"/>'
    )
    for index, text in ticks:
        x = LEFT + index * slot
        anchor = "start" if x < LEFT + 20 else "end" if x > RIGHT - 20 else "middle"
        out.append(
            f'<line x1="{x:.2f}" y1="{BOTTOM}" x2="{x:.2f}" y2="{BOTTOM + 5}" stroke="{MUTED}"/>'
            f'<text x="{x:.2f}" y="{BOTTOM + 22}" font-size="{FONT_SIZE}" text-anchor="{anchor}"'
            f' fill="{MUTED}" {FONT}>{escape(text)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def month_table(counts: Mapping[Month, int], caption: str) -> str:
    """The counts as a year-by-month table (rows are years, columns months, then the total)."""
    years = sorted({y for y, _ in counts})
    head = "".join(f'<th scope="col">{m}</th>' for m in MONTHS)
    rows = []
    for year in years:
        cells = "".join(f"<td>{_n(counts.get((year, m), 0))}</td>" for m in range(1, 13))
        total = sum(counts.get((year, m), 0) for m in range(1, 13))
        rows.append(f'<tr><th scope="row">{year}</th>{cells}<td>{_n(total)}</td></tr>')
    return (
        f'<table class="chart-numbers"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Year</th>{head}<th scope="col">Total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _figure(svg: str, table: str, heading: str) -> SafeString:
    return mark_safe(  # every text in it went through html.escape
        f'<figure class="chart-figure">{svg}<figcaption>{escape(heading)}</figcaption>'
        f"<details><summary>The numbers</summary>{table}</details></figure>"
    )


def month_timeline(
    counts: Mapping[Month, int], *, chart_id: str, what: str, series: str = "created"
) -> SafeString:
    """Cables per month from the first counted month to the last, as a figure.

    ``what`` names the series in words ("cables created per month"); ``series`` picks
    the colour (created, released, matching).
    """
    months = month_range(counts)
    if not months:
        return mark_safe("")
    bars = [Bar(f"{MONTHS[m - 1]} {y}", counts.get((y, m), 0)) for y, m in months]
    first, last = months[0][0], months[-1][0]
    step = _year_step(last - first + 1)
    ticks = [(i, str(y)) for i, (y, m) in enumerate(months) if m == 1 and y % step == 0]
    if not ticks:
        ticks = [(0, f"{MONTHS[months[0][1] - 1]} {first}")]
    total = sum(counts.values())
    busiest = max(months, key=lambda ym: counts.get(ym, 0))
    span = f"{MONTHS[months[0][1] - 1]} {first} to {MONTHS[months[-1][1] - 1]} {last}"
    desc = (
        f"{_n(total)} {what.split(' per ')[0]}, {span}; the busiest month is "
        f"{MONTHS[busiest[1] - 1]} {busiest[0]} with {_n(counts.get(busiest, 0))}."
    )
    title = what[:1].upper() + what[1:]
    svg = _bars_svg(
        bars,
        ticks,
        chart_id=chart_id,
        title=title,
        desc=desc,
        colour=SERIES_COLOURS.get(series, SERIES_COLOURS["created"]),
    )
    return _figure(svg, month_table(counts, title), f"{title}, {span}")


def year_timeline(
    counts: Mapping[int, int], *, chart_id: str, what: str, series: str = "matching"
) -> SafeString:
    """Cables per year (search results, whose facets count by year), as a figure."""
    if not counts:
        return mark_safe("")
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    bars = [Bar(str(y), counts.get(y, 0)) for y in years]
    step = _year_step(len(years))
    ticks = [(i, str(y)) for i, y in enumerate(years) if y % step == 0] or [(0, str(first))]
    total = sum(counts.values())
    title = what[:1].upper() + what[1:]
    desc = f"{_n(total)} cables from {first} to {last}."
    svg = _bars_svg(
        bars,
        ticks,
        chart_id=chart_id,
        title=title,
        desc=desc,
        colour=SERIES_COLOURS.get(series, SERIES_COLOURS["matching"]),
        unit="year",
    )
    rows = "".join(
        f'<tr><th scope="row">{y}</th><td>{_n(counts.get(y, 0))}</td></tr>' for y in years
    )
    table = (
        f'<table class="chart-numbers"><caption>{escape(title)}</caption><thead><tr>'
        f'<th scope="col">Year</th><th scope="col">Cables</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return _figure(svg, table, f"{title}, {first} to {last}")


def level_colour(name: str, index: int = 0) -> str:
    """A stable colour for a classification level; unknown markings get a grey."""
    for level, colour in LEVEL_COLOURS:
        if name.upper() == level:
            return colour
    greys = ("#999999", "#777777", "#bbbbbb", "#555555")
    return greys[index % len(greys)]


def mix_bar(parts: Sequence[tuple[str, int]], *, chart_id: str, title: str) -> SafeString:
    """One horizontal bar split by share (the classification mix), with a legend in words."""
    parts = [(name or "(none)", n) for name, n in parts if n > 0]
    total = sum(n for _, n in parts)
    if not total:
        return mark_safe("")
    order = {level: i for i, (level, _) in enumerate(LEVEL_COLOURS)}
    parts.sort(key=lambda p: (order.get(p[0].upper(), len(order)), p[0]))
    height = 28
    out = [
        f'<svg class="chart mix" viewBox="0 0 {WIDTH} {height}" width="100%" role="img"'
        f' aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">'
        + escape("; ".join(f"{name}: {_n(n)} ({100 * n / total:.0f}%)" for name, n in parts))
        + "</desc>",
    ]
    x = 0.0
    legend = []
    for i, (name, n) in enumerate(parts):
        w = WIDTH * n / total
        colour = level_colour(name, i)
        share = 100 * n / total
        out.append(
            f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" fill="{colour}">'
            f"<title>{escape(name)}: {_n(n)} ({share:.1f}%)</title></rect>"
        )
        x += w
        legend.append(
            f'<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10"'
            f' aria-hidden="true"><rect width="10" height="10" fill="{colour}"/></svg> '
            f'{escape(name)} <span class="n">{_n(n)} ({share:.0f}%)</span></li>'
        )
    out.append("</svg>")
    return mark_safe(  # every text in it went through html.escape
        f'<figure class="chart-figure">{"".join(out)}<figcaption>{escape(title)}'
        f'</figcaption><ul class="chart-legend">{"".join(legend)}</ul></figure>'
    )
