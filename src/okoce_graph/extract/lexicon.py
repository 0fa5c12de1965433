"""Lexicons of general Indonesian news vocabulary, loaded from the data files beside this module.

Every list the extractor relies on (titles, region types, organisation words, verbs) lives in
`extract/data/` so that vocabulary can be reviewed and extended without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("okoce_graph.extract").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


# Letters beyond ASCII that re.IGNORECASE matches to ASCII letters (a test checks this against
# Python's re).
NON_ASCII_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _case_variants(char: str) -> list[str]:
    """Every character that `char` matches under re.IGNORECASE; `char` is ASCII."""
    ascii_variants = [c for c in map(chr, range(128)) if re.fullmatch(re.escape(char), c, re.I)]
    return ascii_variants + list(NON_ASCII_CASES.get(char.lower(), ""))


def alternation(phrases: Iterable[str], *, spaces: bool = False, word_start: bool = False) -> str:
    """A regex that matches as `(?i:p1|p2|...)` does, preferring the phrases in the same order.

    Written for speed: Python's re tries case-insensitive branches one by one at every position,
    but skips in C the branches that open with a case-sensitive character. So the phrases are
    grouped by each case variant of their first character, in their order, and the rest of each
    phrase is matched case-insensitively. Phrases starting with different characters never match
    at the same position, so the grouping keeps which phrase matches. `spaces`: a space in a
    phrase matches any run of white space. `word_start`: no letter, digit, "_" or "-" before."""
    phrases = list(phrases)
    if not all(p and p[0].isascii() for p in phrases):  # the plain form, slower
        boundary = r"(?<![\w-])" if word_start else ""
        return boundary + "(?i:" + "|".join(_phrase_pattern(p, spaces) for p in phrases) + ")"
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        for variant in _case_variants(phrase[0]):
            groups.setdefault(variant, []).append(_phrase_pattern(phrase[1:], spaces))
    boundary = r"(?<![\w-].)" if word_start else ""  # looks behind the first character
    return "|".join(
        f"{re.escape(first)}{boundary}(?i:{'|'.join(rests)})" for first, rests in groups.items()
    )


def _phrase_pattern(phrase: str, spaces: bool) -> str:
    escaped = re.escape(phrase)
    return escaped.replace(r"\ ", r"\s+") if spaces else escaped


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex for a list of phrases, longest first, on word boundaries."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile(rf"(?:{alternation(ordered, spaces=True, word_start=True)})(?![\w-])")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    type: str  # provinsi, kabupaten or kota
    province_code: str


@dataclass(frozen=True, eq=False)  # hashed by identity: it is a loaded singleton
class Lexicon:
    titles: dict[str, tuple[str, str]]  # title as written -> (role concept, scope)
    office_abbreviations: dict[str, str]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    org_heads: frozenset[str]
    org_suffixes: frozenset[str]
    region_types: dict[str, str]
    venue_heads: frozenset[str]
    event_words: frozenset[str]
    function_words: frozenset[str]
    name_particles: frozenset[str]
    title_prefixes: dict[str, tuple[str, str]]
    name_words: frozenset[str]
    abbreviations: frozenset[str]
    chrome: tuple[tuple[str, str, bool], ...]  # (kind, line prefix, whether text may follow)
    cues: dict[str, tuple[tuple[str, str], ...]]  # category -> ((phrase, argument), ...)
    months: dict[str, int]
    weekdays: frozenset[str]
    multipliers: dict[str, int]
    unit_stopwords: frozenset[str]
    regions: tuple[Region, ...]
    region_aliases: dict[str, str]  # alias -> region code

    def cue_regex(self, category: str) -> re.Pattern[str]:
        return _cue_regex(self, category)

    def words(self, category: str) -> frozenset[str]:
        """The phrases of a category, lower-cased."""
        return _cue_words(self, category)

    def cue_table(self, category: str) -> dict[str, str]:
        """Lower-cased phrase -> argument, for one category."""
        return _cue_arguments(self, category)

    def cue_argument(self, category: str, phrase: str) -> str:
        return _cue_arguments(self, category).get(" ".join(phrase.lower().split()), "")

    def leading_words(self, category: str) -> frozenset[str] | None:
        """The lower-cased runs of letters that open the category's phrases ("di" for "di
        sela"), or None when a phrase is not ASCII or does not open with a letter."""
        return _leading_words(self, category)


@cache
def _cue_regex(lexicon: Lexicon, category: str) -> re.Pattern[str]:
    return _phrase_regex([phrase for phrase, _ in lexicon.cues[category]])


@cache
def _cue_words(lexicon: Lexicon, category: str) -> frozenset[str]:
    return frozenset(_cue_arguments(lexicon, category))


_LETTERS = re.compile(r"[a-z]+")


@cache
def _leading_words(lexicon: Lexicon, category: str) -> frozenset[str] | None:
    words = set()
    for phrase, _ in lexicon.cues[category]:
        run = _LETTERS.match(phrase.lower())
        if run is None or not phrase.isascii():
            return None
        words.add(run.group())
    return frozenset(words)


@cache
def _cue_arguments(lexicon: Lexicon, category: str) -> dict[str, str]:
    return {cue.lower(): argument for cue, argument in lexicon.cues[category]}


@cache
def load_lexicon() -> Lexicon:
    cues: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("cues.tsv"):
        cues.setdefault(row[0], []).append((row[1], row[2] if len(row) > 2 else ""))
    regions = tuple(Region(*row) for row in _rows("regions.tsv")[1:])
    return Lexicon(
        titles={row[0]: (row[1], row[2]) for row in _rows("titles.tsv")},
        office_abbreviations={row[0]: row[1] for row in _rows("office_abbreviations.tsv")},
        honorifics=frozenset(_lines("honorifics.txt")),
        degrees=frozenset(_lines("degrees.txt")),
        org_heads=frozenset(_lines("org_heads.txt")),
        org_suffixes=frozenset(_lines("org_suffixes.txt")),
        region_types={row[0]: row[1] for row in _rows("region_types.tsv")},
        venue_heads=frozenset(_lines("venue_heads.txt")),
        event_words=frozenset(_lines("event_words.txt")),
        function_words=frozenset(_lines("function_words.txt")),
        name_particles=frozenset(_lines("name_particles.txt")),
        title_prefixes={row[0]: (row[1], row[2]) for row in _rows("title_prefixes.tsv")},
        name_words=frozenset(_lines("name_words.txt")),
        abbreviations=frozenset(_lines("abbreviations.txt")),
        chrome=tuple((row[0], row[1], row[2:] == ["opens"]) for row in _rows("chrome.tsv")),
        cues={key: tuple(value) for key, value in cues.items()},
        months={row[0]: int(row[1]) for row in _rows("months.tsv")},
        weekdays=frozenset(_lines("weekdays.txt")),
        multipliers={row[0]: int(row[1]) for row in _rows("numbers.tsv")},
        unit_stopwords=frozenset(_lines("unit_stopwords.txt")),
        regions=regions,
        region_aliases={row[0]: row[1] for row in _rows("region_aliases.tsv")[1:]},
    )
