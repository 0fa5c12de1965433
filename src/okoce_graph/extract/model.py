"""What extraction produces: mentions of things in the text and facts linking them, each with
the character span of its evidence in the article."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Place", "Event", "Program", "Other")


# `typed_by` of the mentions that are parts of other facts rather than entities of the article
# on their own (the facts table leaves out their entity rows).
TITLE_REGION = "region after a title"  # a region read inside a post's title
HEADLINE_MENTION = "headline"  # a mention read in the headline
EVENT_AFTER_TITLE = "event after a title"  # "Ketua Panitia Festival X": an event, in a post

@dataclass
class Mention:
    """A name as written in one sentence; resolution later links it to an entity."""

    start: int
    end: int
    text: str  # the name without honorifics or degrees
    type: str  # one of ENTITY_TYPES
    sentence: int
    subtype: str = ""  # region type, "venue", "acronym", ...
    in_quote: bool = False
    headline: bool = False
    typed_by: str = ""  # the rule that decided the type, for the merge report

    @property
    def key(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class Fact:
    """One extracted statement. `obj` is a Mention or a literal value (date, quote, number)."""

    kind: str
    subject: Mention
    obj: Mention | str
    start: int  # evidence span in the article text
    end: int
    sentences: tuple[int, ...]
    extra: dict[str, str] = field(default_factory=dict)  # literal qualifiers: role, unit, period
    value_span: tuple[int, int] | None = None  # where a quotation's text or a figure stands
    org: Mention | None = None  # the organisation or region of a post


@dataclass
class Extraction:
    article_id: str
    mentions: list[Mention]
    facts: list[Fact]
