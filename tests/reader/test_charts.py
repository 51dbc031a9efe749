"""The reader's pictures: SVG that scales, that a screen reader reads and a strict CSP allows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from cablebase.reader import charts

SVG = "{http://www.w3.org/2000/svg}"


def _svg(figure: str) -> ET.Element:
    return ET.fromstring(re.search(r"<svg class=\"chart\".*?</svg>", figure, re.S).group(0))


def test_a_month_timeline_draws_one_bar_per_counted_month_and_spans_the_gaps():
    figure = charts.month_timeline(
        {(2006, 2): 3, (2006, 5): 1, (2007, 1): 6}, chart_id="c", what="cables created per month"
    )
    svg = _svg(figure)
    assert svg.get("viewBox") == f"0 0 {charts.WIDTH} {charts.HEIGHT}"
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "c-t c-d"
    assert svg.find(f"{SVG}title").text == "Cables created per month"
    desc = svg.find(f"{SVG}desc").text
    assert "10 cables created" in desc and "Jan 2007 with 6" in desc
    bars = [r for r in svg.iter(f"{SVG}rect")]
    assert [b.find(f"{SVG}title").text for b in bars] == [
        "Feb 2006: 3",
        "May 2006: 1",
        "Jan 2007: 6",
    ]
    slot = (charts.RIGHT - charts.LEFT) / 12  # Feb 2006 .. Jan 2007: twelve months
    assert abs(float(bars[2].get("x")) - (charts.LEFT + 11 * slot)) < 0.01
    assert (
        float(bars[2].get("height")) > float(bars[0].get("height")) > float(bars[1].get("height"))
    )


def test_the_numbers_are_a_table_by_year_and_month():
    figure = charts.month_timeline({(2006, 2): 3, (2006, 5): 1}, chart_id="c", what="cables x")
    table = re.search(r"<details>.*?</details>", figure, re.S).group(0)
    row = re.search(r'<th scope="row">2006</th>(.*?)</tr>', table).group(1)
    cells = re.findall(r"<td>([^<]*)</td>", row)
    assert cells == ["0", "3", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "4"]


def test_no_style_attribute_and_no_script_for_a_strict_csp():
    figures = [
        charts.month_timeline({(2010, 11): 5}, chart_id="a", what="w"),
        charts.year_timeline({2001: 2, 2005: 9}, chart_id="b", what="w"),
        charts.mix_bar([("SECRET", 2), ("CONFIDENTIAL", 5)], chart_id="m", title="t"),
    ]
    for figure in figures:
        assert "style=" not in figure and "<script" not in figure and "<style" not in figure


def test_text_from_the_archive_is_escaped():
    figure = charts.mix_bar([("<script>alert(1)</script>", 3)], chart_id="m", title="Mix & <b>")
    assert "<script>" not in figure and "&lt;script&gt;" in figure
    assert "Mix &amp; &lt;b&gt;" in figure


def test_the_mix_bar_splits_the_whole_width_by_share_in_level_order():
    figure = charts.mix_bar(
        [("SECRET", 1), ("UNCLASSIFIED", 2), ("CONFIDENTIAL", 1)], chart_id="m", title="Mix"
    )
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", figure, re.S).group(0))
    rects = list(svg.iter(f"{SVG}rect"))
    assert [r.find(f"{SVG}title").text.split(":")[0] for r in rects] == [
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
    ]
    assert abs(sum(float(r.get("width")) for r in rects) - charts.WIDTH) < 0.05
    assert 'UNCLASSIFIED <span class="n">2 (50%)</span>' in figure


def test_nothing_to_draw_draws_nothing():
    assert charts.month_timeline({}, chart_id="c", what="w") == ""
    assert charts.mix_bar([("SECRET", 0)], chart_id="m", title="t") == ""


months = st.tuples(st.integers(1966, 2010), st.integers(1, 12))


@given(st.dictionaries(months, st.integers(0, 10_000), min_size=1, max_size=60))
def test_any_counts_give_a_bar_per_nonzero_month_inside_the_plot(counts):
    figure = charts.month_timeline(counts, chart_id="p", what="cables per month")
    svg = _svg(figure)
    bars = list(svg.iter(f"{SVG}rect"))
    assert len(bars) == sum(1 for n in counts.values() if n > 0)
    for bar in bars:
        top, height = float(bar.get("y")), float(bar.get("height"))
        assert top >= charts.TOP - 0.01 and abs(top + height - charts.BOTTOM) < 0.01
        assert charts.LEFT - 0.01 <= float(bar.get("x")) <= charts.RIGHT + 0.01  # SVG rounding
    totals = re.findall(r"<td>([\d,]+)</td></tr>", figure)
    assert sum(int(t.replace(",", "")) for t in totals) == sum(counts.values())
