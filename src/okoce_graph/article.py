"""Read an article: decode it, set aside web-page chrome, find the headline and dateline, and
split the text into sentences with character offsets into the decoded text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import OkoceError
from .extract.lexicon import load_lexicon

ARTICLE_SUFFIXES = (".txt",)
# News articles are kilobytes; megabytes of text are a concatenation or a wrong file.
MAX_ARTICLE_BYTES = 5_000_000
MAX_SENTENCE_CHARS = 1500
_HTML = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
# A sentence ends at . ! ? (and any closing quote or bracket) before whitespace or the line end.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_INITIAL = re.compile(r"[A-Z]")
# "SEMARANG (ANTARA) - ", "MEDAN, sumutnews.co.id — ", "Makassar, 12/3 (Tribun) -", "KOMPAS.com - ",
# "OUTLET.COM, KOTA - ", "KOTA, HUMAS PEMKAB - "
_DATELINE = re.compile(
    r"(?:[\w-]+(?:\.[\w-]+)+\s*,\s*)?"
    r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
    r"(?:\s*,\s*(?:[\w-]+(?:\.[\w-]+)+|\d{1,2}/\d{1,2}(?:/\d{2,4})?|[A-Z]+(?:\s+[A-Z]+){0,3}))?"
    r"(?:\s*,?\s*\((?P<agency>[^()\n]{1,40})\))?\s*[-–—]+\s+"
)
# A press release may put a few short lines (its number, "SIARAN PERS") before the dateline.
_DATELINE_LINES = 3


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line: int  # index of the line (paragraph) the sentence stands in
    headline: bool = False


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    sentences: tuple[Sentence, ...]
    source: str = ""
    headline: Sentence | None = None
    dateline: Span | None = None
    chrome: tuple[Span, ...] = field(default_factory=tuple)

    @property
    def body(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if not s.headline)


def article_id_for(path: Path) -> str:
    """The article's id: its file name without the suffix, reduced to IRI-safe characters."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or "article"


def decode_article(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is dropped); anything else is refused with the reason."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise OkoceError(
            f"{name}: too large for one article ({len(data) / 1e6:.1f} MB; the limit is "
            f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB): split it into articles"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise OkoceError(f"{name}: UTF-16 text; save the article as UTF-8")
    if b"\x00" in data:
        raise OkoceError(f"{name}: binary data, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OkoceError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise OkoceError(f"{name}: empty article")
    if _HTML.match(text):
        raise OkoceError(f"{name}: an HTML page, not an article's text; save the text only")
    return text


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise OkoceError(f"{path}: is a folder, expected an article file") from None
    except OSError as exc:
        raise OkoceError(f"{path}: cannot read ({exc.strerror})") from None


def read_article(path: Path | str) -> Article:
    path = Path(path)
    data = read_bytes(path)
    return parse_article(decode_article(data, str(path)), article_id_for(path), path.name)


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) with surrounding whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + raw.index(stripped)
            spans.append((start, start + len(stripped)))
    return spans


@cache
def _chrome_prefixes() -> tuple[tuple[str, str, bool], ...]:
    return tuple((kind, prefix.casefold(), opens) for kind, prefix, opens in load_lexicon().chrome)


@cache
def _any_chrome_prefix() -> tuple[str, ...]:
    return tuple(prefix for _, prefix, _ in _chrome_prefixes())


def _chrome_kind(line: str) -> str | None:
    folded = line.casefold()
    if not folded.startswith(_any_chrome_prefix()):
        return None  # most lines: one test instead of one per prefix
    for kind, p, opens in _chrome_prefixes():
        if folded == p or (
            folded.startswith(p)
            and not folded[len(p)].isalnum()
            and (opens or _is_label(folded[len(p) :]))
        ):
            return kind
    return None


def _is_label(rest: str) -> bool:
    # "Foto: ..." or "Foto : ..." or "Baca juga - ..." is chrome; "Foto bersama itu ..." is text.
    return rest.lstrip()[:1] in (":", "-", "–", "|", ">", "") or rest.startswith(" :")


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends text[start:end], or ends it but for a
    final line break ("Dr", "S.E", "")."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:end]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences, keeping abbreviations, initials and numbers whole."""
    abbreviations = load_lexicon().abbreviations
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group()[0] == "." and match.group().rstrip("\"'”’)]") == ".":
            token = _word_before(text, cursor, match.start())
            if token in abbreviations or _INITIAL.fullmatch(token):
                continue
            if text[cursor : match.start()].strip().isdigit():
                continue  # the number of a list item: "1. Sekda ..."
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        if after < end and text[after].islower():
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return [piece for s, e in spans if text[s:e].strip() for piece in _bounded(text, s, e)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on "sentence" (a list without full stops, a pasted table) is cut at clause
    boundaries so that evidence stays readable and its size stays linear in the text."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(mark, start + 1, limit) for mark in (", ", "; ", " "))
        cut = cut + 1 if cut > start else limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def parse_article(text: str, article_id: str, source: str = "") -> Article:
    lexicon_lines = _lines(text)
    chrome: list[Span] = []
    kept: list[tuple[int, int]] = []
    block_end = -1  # a label line alone ("Baca juga:") heads a block of links up to a blank line
    for i, (s, e) in enumerate(lexicon_lines):
        kind = _chrome_kind(text[s:e])
        if kind == "tail":
            chrome.extend(Span(cs, ce, "tail") for cs, ce in lexicon_lines[i:])
            break
        if kind is None and s <= block_end:
            kind = "related"
        if kind:
            chrome.append(Span(s, e, kind))
            if kind == "related" and text[s:e].rstrip().endswith(":"):
                blank = text.find("\n\n", e)
                block_end = len(text) if blank < 0 else blank
        else:
            kept.append((s, e))

    headline_span = None
    if (
        len(kept) > 1
        and len(text[kept[0][0] : kept[0][1]]) <= 200
        and not text[kept[0][0] : kept[0][1]].endswith(".")
    ):
        headline_span = kept[0]

    sentences: list[Sentence] = []
    dateline = None
    for line_index, (s, e) in enumerate(kept):
        if (s, e) == headline_span:
            sentences.append(Sentence(len(sentences), s, e, text[s:e], line_index, True))
            continue
        if dateline is None and line_index - (headline_span is not None) < _DATELINE_LINES:
            match = _DATELINE.match(text, s, e)
            if match:
                place = match.group("place")
                # An outlet's name ("KOMPAS.com") opens the text but names no place.
                start = match.start("place")
                dateline = Span(start, start + (0 if "." in place else len(place)), "dateline")
                s = match.end()
        for ss, se in split_sentences(text, s, e):
            sentences.append(Sentence(len(sentences), ss, se, text[ss:se], line_index))
    return Article(
        id=article_id,
        text=text,
        sentences=tuple(sentences),
        source=source,
        headline=next((x for x in sentences if x.headline), None),
        dateline=dateline,
        chrome=tuple(chrome),
    )
