"""The pictures on the pages that list cables: home, origin, tag, classification, search."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "pictures"),
    [
        ("/origin/MOSCOW/", ["Cables created per month", "Classification mix"]),
        ("/tag/PREL/", ["Cables created per month", "Cables released per month"]),
        ("/classified/confidential/", ["Cables created per month"]),
    ],
)
def test_listing_pages_draw_their_cables_over_time(archive, path, pictures):
    page = Client().get(path).content.decode()
    for title in pictures:
        assert f">{title}</title>" in page or f">{title}<" in page, title
    assert "<details><summary>The numbers</summary><table" in page


def test_a_later_page_of_a_list_leaves_the_pictures_out(archive):
    assert '<svg class="chart"' not in Client().get("/tag/PREL/?page=2").content.decode()


def test_a_search_draws_its_matches_per_year(archive):
    page = Client().get("/search", {"q": "hamas"}).content.decode()
    assert "Matching cables per year created" in page
    years = re.findall(r'<th scope="row">(\d{4})</th><td>(\d+)</td>', page)
    found = int(re.search(r"(\d+) cables? found", page).group(1))
    assert years and sum(int(n) for _, n in years) == found
