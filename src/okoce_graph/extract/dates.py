"""Dates as Indonesian news writes them: "Minggu, 24 Oktober 2021", "Jumat (12/11/2021)",
"Selasa (14/3)" with the year taken from the article, and ranges such as "12-14 Mei 2023"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, load_lexicon


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: str  # ISO YYYY-MM-DD, or YYYY-MM when the day is not given
    end_date: str = ""  # the last day of a range
    year_inferred: bool = False


def _alternation(words: Iterable[str]) -> str:
    return alternation(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    worded: re.Pattern[str]  # "Minggu, 24 Oktober 2021", "12-14 Mei"
    numeric: re.Pattern[str]  # "Jumat (12/11/2021)", "(14/3)"
    month_year: re.Pattern[str]  # "Oktober 2021"
    month: re.Pattern[str]  # a month's name anywhere


@cache
def _patterns() -> _Patterns:
    """The date patterns, case-insensitive where they hold words (see `lexicon.alternation`)."""
    lex = load_lexicon()
    month = _alternation(lex.months)
    weekday = _alternation(lex.weekdays)
    until = r"(?i:-|–|—|s\.d\.?|s/d|hingga|sampai(?:\s+dengan)?|sd)"
    worded = re.compile(
        rf"(?:\b(?:{weekday})\b\s*(?:,|\()?\s*)?"
        rf"\b(?P<day>\d{{1,2}})(?:\s*(?P<month1>{month})\.?)?"
        rf"(?:\s*{until}\s*(?:(?:{weekday})\s*,?\s*)?(?P<day2>\d{{1,2}}))?"
        rf"\s+(?P<month>{month})\b\.?(?:\s+(?P<year>\d{{4}}))?\)?"
    )
    numeric = re.compile(
        rf"(?:\b(?:{weekday})\b(?:\s*-\s*(?:{weekday}))?\s*,?\s*)?"
        rf"\(\s*(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<nday2>\d{{1,2}}))?/(?P<month>\d{{1,2}})"
        rf"(?:/(?P<year>\d{{2,4}}))?\s*\)"
        rf"|\b(?:{weekday})\b\s*,?\s*(?P<day_b>\d{{1,2}})/(?P<month_b>\d{{1,2}})/(?P<year_b>\d{{4}})"
    )
    month_year = re.compile(rf"\b(?P<month>{month})\s+(?P<year>\d{{4}})\b")
    return _Patterns(worded, numeric, month_year, re.compile(month))


def _month_number(word: str) -> int:
    months = load_lexicon().months
    for name, number in months.items():
        if name.lower() == word.lower():
            return number
    raise KeyError(word)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def article_year(text: str) -> int | None:
    """The year most often written with a full date in the article, for dates without one."""
    years: dict[int, int] = {}
    patterns = _patterns()
    for match in patterns.worded.finditer(text):
        if match.group("year"):
            years[int(match.group("year"))] = years.get(int(match.group("year")), 0) + 1
    for match in patterns.month_year.finditer(text):
        years[int(match.group("year"))] = years.get(int(match.group("year")), 0) + 1
    for match in patterns.numeric.finditer(text):
        year = match.group("year") or match.group("year_b")
        if year and len(year) == 4:
            years[int(year)] = years.get(int(year), 0) + 1
    if not years:
        return None
    return max(years.items(), key=lambda item: (item[1], item[0]))[0]


_DIGIT = re.compile(r"\d")


def find_dates(
    text: str, start: int, end: int, default_year: Callable[[], int | None]
) -> list[DateMention]:
    """Dates in text[start:end]. `default_year` gives the year of dates written without one; it
    is called only for those, since finding the article's year reads the whole article."""
    if not _DIGIT.search(text, start, end):
        return []  # every date has a day number: most sentences have no digit at all
    patterns = _patterns()
    # A worded date names its month and a numeric one has a slash: both are quick to look for.
    has_month = patterns.month.search(text, start, end) is not None
    has_slash = text.find("/", start, end) >= 0
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in patterns.worded.finditer(text, start, end) if has_month else ():
        year_text = match.group("year")
        year = int(year_text) if year_text else default_year()
        if year is None:
            continue
        month = _month_number(match.group("month"))
        first_month = _month_number(match.group("month1")) if match.group("month1") else month
        day = int(match.group("day"))
        # The year is written once, after the range: a range from a later month runs over the
        # new year ("30 Desember hingga 2 Januari 2024" starts in 2023).
        first = _iso(year - (first_month > month), first_month, day)
        last = _iso(year, month, int(match.group("day2"))) if match.group("day2") else None
        if match.group("month1") and not match.group("day2"):
            continue
        if first:
            found.append(DateMention(match.start(), match.end(), first, last or "", not year_text))
            taken.append((match.start(), match.end()))
    for match in patterns.numeric.finditer(text, start, end) if has_slash else ():
        if any(s <= match.start() < e for s, e in taken):
            continue
        day = int(match.group("day") or match.group("day_b"))
        month = int(match.group("month") or match.group("month_b"))
        year_text = match.group("year") or match.group("year_b")
        if year_text:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        else:
            year = default_year()
            if year is None:
                continue
        iso = _iso(year, month, day)
        # "Sabtu-Minggu (12-13/10/2024)": a range of days in one month.
        last = _iso(year, month, int(match.group("nday2"))) if match.group("nday2") else None
        if iso:
            found.append(DateMention(match.start(), match.end(), iso, last or "", not year_text))
    return sorted(found, key=lambda d: d.start)
