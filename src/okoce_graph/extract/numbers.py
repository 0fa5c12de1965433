"""Figures as Indonesian news writes them ("281 ribu", "12.450", "1,2 juta", "Rp 5 miliar",
"30 persen") turned into plain numbers with what they count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .lexicon import load_lexicon


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: str  # plain digits, with a "." before any decimals
    unit: str
    digits_start: int  # where the digits begin (after any currency)


@cache
def _pattern() -> re.Pattern[str]:
    multipliers = "|".join(
        re.escape(w) for w in sorted(load_lexicon().multipliers, key=len, reverse=True)
    )
    return re.compile(
        r"(?<![\w.,/])(?P<currency>Rp\.?\s*|IDR\s*|USD\s*|US\$\s*)?"
        r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/]|[.,]\d)"
        rf"(?:\s*(?P<multiplier>{multipliers})\b)?"
        r"(?P<percent>\s*(?:%|persen\b))?"
    )


def _value(number: str, multiplier: str | None) -> str:
    digits = Decimal(number.replace(".", "").replace(",", "."))
    if multiplier:
        digits *= load_lexicon().multipliers[multiplier]
    text = format(digits.normalize(), "f")
    return text


_UNIT_WORD = re.compile(r"[^\W\d_][\w-]*|\S")
_YEAR = re.compile(r"(19|20)\d\d")
_DIGIT = re.compile(r"\d")


def _unit_after(text: str, position: int, end: int) -> str:
    stop = load_lexicon().unit_stopwords
    words = []
    for match in _UNIT_WORD.finditer(text[position:end]):
        word = match.group()
        if not word[0].isalpha() or word.lower() in stop or not word[0].islower():
            break
        words.append(word)
        if len(words) == 3:
            break
    return " ".join(words)


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    if not _DIGIT.search(text, start, end):
        return []  # a figure has digits; the pattern is slow to search for
    found = []
    for match in _pattern().finditer(text, start, end):
        number = match.group("number")
        multiplier = match.group("multiplier")
        currency = match.group("currency")
        percent = match.group("percent")
        if not (multiplier or currency or percent) and _YEAR.fullmatch(number):
            continue  # a year
        if not (multiplier or currency or percent or "." in number) and len(number) < 2:
            continue  # a lone digit is a count in words' clothing, not a claimed figure
        value = _value(number, multiplier)
        if currency:
            unit = "rupiah" if currency.strip().upper().startswith(("RP", "IDR")) else "dolar AS"
        elif percent:
            unit = "persen"
        else:
            unit = _unit_after(text, match.end(), end)
            if not unit:
                continue
        found.append(Quantity(match.start(), match.end(), value, unit, match.start("number")))
    return found
