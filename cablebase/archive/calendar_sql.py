"""Year, month and day of a stored time, computed by the store itself.

Django's ``__year``/``__month`` and ``TruncDate`` call a Python function for every
row on SQLite (to apply a time zone): the home page's two timelines took 4.6 s at
250,000 cables. The archive keeps times in UTC, and SQLite keeps them as ISO text
(``2006-02-10 15:26:00``), so there the text's own digits are the answer, read by
SQLite's built-in ``substr``; PostgreSQL's own ``extract`` is native already.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.functions import Cast, ExtractMonth, ExtractYear, Substr, TruncDate


def year_month(field: str) -> tuple[Any, Any]:
    """Expressions for the year and the month (numbers) of ``field``."""
    if connection.vendor == "sqlite":
        return (
            Cast(Substr(F(field), 1, 4), IntegerField()),
            Cast(Substr(F(field), 6, 2), IntegerField()),
        )
    return ExtractYear(field), ExtractMonth(field)


def day(field: str) -> Any:
    """An expression for the UTC day of ``field`` (text on SQLite: see ``as_date``)."""
    if connection.vendor == "sqlite":
        return Substr(F(field), 1, 10)
    return TruncDate(field)


def as_date(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def month_range(year: int, month: int) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, for an indexed range filter."""
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end
