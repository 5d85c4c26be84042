"""Working-day arithmetic for publication deadlines, on the official holiday and 调休 calendar (chinesecalendar)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar


class CalendarUnknown(Exception):
    """chinesecalendar does not know the holidays of that year yet."""


@lru_cache(maxsize=8192)
def _is_workday(day: dt.date) -> bool:
    """Cached: chinesecalendar checks each date against its whole table of known years."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarUnknown(str(day.year)) from exc


def add_workdays(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after start (start itself not counted)."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if _is_workday(day):
            days -= 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after start up to and including end (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += _is_workday(day)
    return count


def days_late(decided: str, published: str, limit: int) -> int:
    """How many working days after the limit-th working day following `decided` the record was published."""
    deadline = add_workdays(dt.date.fromisoformat(decided), limit)
    return workdays_between(deadline, dt.date.fromisoformat(published))
