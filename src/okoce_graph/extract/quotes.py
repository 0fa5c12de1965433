"""Quotations: pair quote marks within a paragraph whatever their direction (news text often
opens with ” or closes with “), and find who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_MARKS = '“”"„‟«»＂'
_MIN_UNATTRIBUTED_WORDS = 4
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # position of the opening mark
    close: int  # position of the closing mark (or the end of the paragraph when unmatched)
    start: int  # the quoted text, trimmed
    end: int

    @property
    def outer_end(self) -> int:
        return self.close + 1


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans = []
    for p_start, p_end in paragraphs:
        marks = [p_start + m.start() for m in _QUOTE_MARK.finditer(text[p_start:p_end])]
        for i in range(0, len(marks), 2):
            opening = marks[i]
            closing = marks[i + 1] if i + 1 < len(marks) else p_end
            start, end = opening + 1, closing
            while start < end and text[start].isspace():
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
                end -= 1
            if end > start:
                spans.append(QuoteSpan(opening, closing, start, end))
    return spans


def is_quotation(text: str, span: QuoteSpan) -> bool:
    """Scare quotes around a word or two are not quotations."""
    return len(text[span.start : span.end].split()) >= _MIN_UNATTRIBUTED_WORDS
