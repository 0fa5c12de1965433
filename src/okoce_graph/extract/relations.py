"""Facts from the mentions of an article: positions, attendance, event dates and places,
renames, collaborations, alternate names, quotations and claimed figures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from itertools import pairwise

from ..article import Article, Sentence
from .dates import article_year, find_dates
from .lexicon import NON_ASCII_CASES, load_lexicon
from .mentions import (
    Chunk,
    TitledName,
    chunk_sentence,
    classify_chunk,
    honorific_or_degree,
    is_personlike,
    is_single_name,
    match_title,
    region_aside,
    tokenize,
    vocabulary,
)
from .model import EVENT_AFTER_TITLE, TITLE_REGION, Extraction, Fact, Mention
from .numbers import find_quantities
from .quotes import QUOTE_MARKS, QuoteSpan, find_quote_spans, is_quotation

NAMED = ("Person", "Organization", "Place", "Event", "Program")
_VERB_PREFIXES = ("me", "ber", "ter", "mem", "men", "meng", "meny")
_ASCII_LETTERS = re.compile(r"[a-z]+")
_CASE_VARIANT = re.compile(f"[{''.join(NON_ASCII_CASES.values())}]")
_BULLET = re.compile(r"\s*(?:[-•*·▪–]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"[\w-]+")
_CLAUSE_END = re.compile(r"\s*[,.”\"]|\s*$")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_PARENTHESIS = re.compile(r"\(([^()]{2,120})\)")
_LETTER_WORD = re.compile(r"[^\W\d_][\w-]*")
_REPEATED_LETTER = re.compile(r"([A-Z])([2-9])")
_DESCRIBED_PROGRAM = re.compile(r"\b(program\s+[a-z][a-z\s-]{3,80}?)\s+atau\s*$")
# How the organisation or region read inside a title is typed: not a sentence's subject.
_TITLE_PARTS = (
    "organisation after a title",
    "body named in a title",
    TITLE_REGION,
    EVENT_AFTER_TITLE,
)
_TRAILING_YEAR = re.compile(r"\s+(?:19|20)\d\d$")
_PERIOD = re.compile(r"\s*[\w\s]{0,40}?\b(selama\s+\w+\s+\w+|per\s+\w+|sejak\s+\w+)")


@dataclass(frozen=True)
class _SayPatterns:
    """Verbs of saying in the places that attribute a quotation, compiled once."""

    ends_text: re.Pattern[str]  # "..., ujar" + the name
    opens_text: re.Pattern[str]  # the name + " menambahkan"
    after_quote: re.Pattern[str]  # “...”, ujar Budi / “...”, ujarnya
    name_then_verb: re.Pattern[str]  # “...”, Budi menambahkan
    before_quote: re.Pattern[str]  # Budi menambahkan, “...”


@cache
def _say_patterns() -> _SayPatterns:
    say = load_lexicon().cue_regex("say").pattern
    return _SayPatterns(
        ends_text=re.compile(rf"(?:{say})\s*$"),
        opens_text=re.compile(rf"\s+(?:{say})"),
        after_quote=re.compile(rf"\s*[,.]?\s*(?P<verb>{say})"),
        name_then_verb=re.compile(
            # The name stands between the quotation and the verb: no other quotation between.
            rf"\s*,?\s*(?P<rest>[^{QUOTE_MARKS}\n]{{1,120}}?)\s+(?i:juga\s+|pun\s+)?(?P<verb>{say})"
        ),
        before_quote=re.compile(rf"(?P<verb>{say})\s*(?i:bahwa\s*)?[,:]?\s*$"),
    )


@dataclass(frozen=True)
class _Grammar:
    """Patterns built from the grammar words of the lexicon, compiled once."""

    is_a: re.Pattern[str]  # " adalah (sebuah) <kind noun>"
    locative: re.Pattern[str]  # "... di" right before a place
    list_gap: re.Pattern[str]  # what may stand between the names of one list
    list_intro: re.Pattern[str]  # " tiga mitra, yakni" between a partner marker and its list


@cache
def _grammar() -> _Grammar:
    lex = load_lexicon()
    copula, determiner = lex.cue_regex("copula").pattern, lex.cue_regex("determiner").pattern
    return _Grammar(
        is_a=re.compile(rf"\s+(?:{copula})\s+(?:(?:{determiner})\s+)?(\w+)"),
        locative=re.compile(rf"(?:{lex.cue_regex('locative').pattern})\s*$"),
        list_gap=re.compile(rf"(?:\s|,|;|{lex.cue_regex('list_gap').pattern})*"),
        list_intro=re.compile(
            rf"\s+(?:[a-z0-9-]+\s+){{0,3}}[a-z-]+\s*,?\s*(?:{lex.cue_regex('list_intro').pattern})"
            r"\s*(:?)"
        ),
    )


@dataclass
class _SentenceMentions:
    sentence: Sentence
    mentions: list[Mention] = field(default_factory=list)
    titled: list[TitledName] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)

    def named(self, types: tuple[str, ...] = NAMED) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]

    @cached_property
    def words(self) -> frozenset[str] | None:
        """The sentence's lower-cased runs of ASCII letters, or None if it holds a letter that
        matches an ASCII one only case-insensitively (dotless i, long s, ...)."""
        if _CASE_VARIANT.search(self.sentence.text):
            return None
        return frozenset(_ASCII_LETTERS.findall(self.sentence.text.lower()))

    def may_hold(self, category: str) -> bool:
        """False when no phrase of the cue category can stand in the sentence: none of the
        words that open them is there. Much cheaper than looking for the phrases."""
        opening = load_lexicon().leading_words(category)
        return opening is None or self.words is None or not opening.isdisjoint(self.words)


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    lines: dict[int, tuple[int, int]] = {}
    for s in article.body:
        start, end = lines.get(s.line, (s.start, s.end))
        lines[s.line] = (min(start, s.start), max(end, s.end))
    return [lines[k] for k in sorted(lines)]


def extract(article: Article) -> Extraction:
    """All mentions and facts of one article (the headline gives mentions only, in resolve)."""
    text = article.text
    quotes = find_quote_spans(text, _paragraphs(article))
    quote_ranges = [(q.open, q.close) for q in quotes]
    per_sentence: list[_SentenceMentions] = []
    previous = ""
    body = article.body
    for k, sentence in enumerate(body):
        # A photo's caption: its credit in square brackets closes the line.
        caption = _CAPTION.search(sentence.text) or (
            k + 1 < len(body)
            and body[k + 1].line == sentence.line
            and _CAPTION.fullmatch(body[k + 1].text.strip())
        )
        if caption or _headline_line(sentence.text, previous):
            chunks = []  # a subheading or the headline of another article names nothing
        else:
            chunks = chunk_sentence(
                text, sentence.start, sentence.end, sentence.index, quote_ranges
            )
        per_sentence.append(_SentenceMentions(sentence, chunks=chunks))
        previous = sentence.text

    classified = [[classify_chunk(text, c, set()) for c in sm.chunks] for sm in per_sentence]
    for sm, results in zip(per_sentence, classified, strict=True):
        sm.mentions = [m for mentions, _ in results for m in mentions]
        _type_from_context(text, sm)
    # A second reading splits titles with the names the first one found ("Ketua X Budi Santoso"
    # when "Budi Santoso" stands alone elsewhere). Only title runs depend on the names known,
    # and what they give is never untyped, so the other runs keep their first reading.
    # Names read after a title are guesses of where the name begins: only names read on their
    # own vouch for a split.
    known_people = {
        tuple(t.text for t in tokenize(m.text))
        for sm in per_sentence
        for m in sm.mentions
        if m.type == "Person" and m.typed_by != "name after a title"
    }
    known_bodies = frozenset(
        tuple(t.text for t in tokenize(m.text))
        for sm in per_sentence
        for m in sm.mentions
        if m.type in ("Organization", "Program", "Place") and " " in m.text
    ) | _bracketed_acronyms(text, per_sentence)
    loose_names = frozenset(
        m.text
        for sm in per_sentence
        for m in sm.mentions
        if " " not in m.text and m.type in ("Other", "Organization") and not m.in_quote
    )
    for sm, results in zip(per_sentence, classified, strict=True):
        for i, (chunk, (_, titled)) in enumerate(zip(sm.chunks, results, strict=True)):
            if titled is not None:
                results[i] = classify_chunk(text, chunk, known_people, known_bodies, loose_names)
        sm.mentions = [m for mentions, _ in results for m in mentions]
        sm.titled = [titled for _, titled in results if titled is not None]
    _type_people_named_elsewhere(per_sentence)
    _type_programmes_named_elsewhere(per_sentence)
    for sm in per_sentence:
        for m in sm.mentions:
            if _generic(text, m):
                m.subtype = "generic"

    facts: list[Fact] = []
    facts += _positions(text, per_sentence)
    facts += _quotes(text, quotes, per_sentence, [f for f in facts if f.kind == "position"])
    renames = _renames(text, per_sentence)
    former = {f.subject.key for f in renames}
    year = cache(partial(article_year, text))  # read the whole text only if a date lacks a year
    facts += _events(text, per_sentence, year, former)
    facts += renames
    facts += _collaborations(text, per_sentence)
    facts += _aliases(text, per_sentence)
    facts += _quantities(text, per_sentence, quotes, facts)
    mentions = [m for sm in per_sentence for m in sm.mentions if m.subtype != "generic"]
    facts = [f for f in facts if not _involves_generic(f)]
    by_index = {s.index: s for s in article.body}
    for fact in facts:
        _cover_mentions(fact, by_index)
    return Extraction(article.id, mentions, facts)


# A photo's caption ends with its credit in square brackets ("... [Kabar.com/Istimewa]").
_CAPTION = re.compile(r"\[[^\[\]]{2,60}\]\s*$")  # search at the end, or fullmatch
_HEADLINE_WORD = re.compile(r"[^\W_][\w'-]*")


def _headline_line(sentence: str, previous: str) -> bool:
    """Whether a sentence is a line in headline case: three words or more, each capitalised
    but for a few short ones, and no closing punctuation ("Harga Garam Turun di Pasar X"). In
    a news text such a line is a subheading or a link to another article, not a statement. A
    line after a colon or behind a bullet is an item of a list."""
    line = sentence.strip()
    if not line or line[-1] in ".!?:;,\"”’)" or previous.rstrip().endswith(":"):
        return False
    if _BULLET.match(line):
        return False
    words = _HEADLINE_WORD.findall(line)
    if len(words) < 3:
        return False
    small = load_lexicon().words("headline_small")
    return all(w[0].isupper() or w[0].isdigit() or w in small for w in words)


def _type_programmes_named_elsewhere(per_sentence: list[_SentenceMentions]) -> None:
    """An untyped name that another name holds after the word "Program" ("Peluncuran Program
    Kampung Sehat") is a programme."""
    head = "Program "
    named = {
        m.text[m.text.index(head) + len(head) :]
        for sm in per_sentence
        for m in sm.mentions
        if head in m.text and not m.text.startswith(head)
    }
    if not named:
        return
    named |= {_TRAILING_YEAR.sub("", name) for name in named}
    for sm in per_sentence:
        for m in sm.mentions:
            if m.type == "Other" and m.text in named:
                m.type, m.typed_by = "Program", "named as a programme in another name"


def _bracketed_acronyms(
    text: str, per_sentence: list[_SentenceMentions]
) -> frozenset[tuple[str, ...]]:
    """The one-word short names given in brackets right after a body's name ("Induk Koperasi X
    (Inkox)"): later, "Ketua Inkox Budi" names the body, not a person."""
    found = set()
    for sm in per_sentence:
        for first, second in pairwise(sm.mentions):
            if (
                first.type in ("Organization", "Program")
                and " " not in second.text
                and text[first.end : second.start].strip() == "("
                and _starts_with(text, second.end, ")")
            ):
                found.add((second.text,))
    return frozenset(found)


def _type_people_named_elsewhere(per_sentence: list[_SentenceMentions]) -> None:
    """An untyped name that is a person's name read elsewhere in the article, whole or as the
    words of exactly one person ("Ratna Siregar, yang ...", "Hendra meminta"), is that
    person: quotations and lists then find their speaker and attendees."""
    people = {
        tuple(t.text for t in tokenize(m.text))
        for sm in per_sentence
        for m in sm.mentions
        if m.type == "Person"
    }
    for sm in per_sentence:
        for m in sm.mentions:
            if m.type != "Other" or m.subtype == "acronym":
                continue
            words = tuple(t.text for t in tokenize(m.text))
            holders = [p for p in people if _contains_run(p, words)]
            if words in people or len(holders) == 1:
                m.type, m.typed_by = "Person", "a person's name read elsewhere in the article"


def _contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _cover_mentions(fact: Fact, sentences: dict[int, Sentence]) -> None:
    """Make the evidence include the sentences naming the fact's subject and object, when the
    fact was read through a reference ("Acara tersebut ...", "... ujarnya")."""
    named = [fact.subject] + ([fact.obj] if isinstance(fact.obj, Mention) else [])
    indexes = set(fact.sentences) | {m.sentence for m in named if m.sentence in sentences}
    if indexes != set(fact.sentences):
        fact.sentences = tuple(sorted(indexes))
        fact.start = min(sentences[i].start for i in indexes)
        fact.end = max(sentences[i].end for i in indexes)


def _involves_generic(fact: Fact) -> bool:
    return fact.subject.subtype == "generic" or (
        isinstance(fact.obj, Mention) and fact.obj.subtype == "generic"
    )


def _ends_with(text: str, end: int, endings: str | tuple[str, ...]) -> bool:
    """Whether text[:end] ends with one of `endings` once its trailing white space is dropped
    (without copying the text before `end`)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.endswith(endings, 0, end)


def _starts_with(text: str, start: int, beginning: str) -> bool:
    """Whether text[start:] starts with `beginning` once its leading white space is dropped."""
    while start < len(text) and text[start].isspace():
        start += 1
    return text.startswith(beginning, start)


def _type_from_context(text: str, sm: _SentenceMentions) -> None:
    for m in sm.mentions:
        if m.type == "Other":
            typed = _context_type(text, sm.sentence, m)
            if typed is not None:
                m.type, m.typed_by = typed
        elif m.type == "Place" and m.typed_by == "region type":
            # "program Desa Digital X": a programme named after a region's type word.
            before = text[max(sm.sentence.start, m.start - 20) : m.start]
            word = (_WORD.findall(before) or [""])[-1]
            if load_lexicon().cue_table("kind_noun").get(word) == "Program":
                m.type, m.subtype, m.typed_by = "Program", "", f'after "{word}"'
    _type_places_after_places(text, sm)


_PLACE_LIST_GAPS = (",", "dan", ", dan", "hingga", "serta", ", serta", "sampai")
_COMMA_AFTER_NAME = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*,\s*$")


def _type_places_after_places(text: str, sm: _SentenceMentions) -> None:
    """ "di Aula Melati, Wonosobo, ...": untyped names that follow a place after "di",
    one comma apart, name where that place lies."""
    types = {m.type for m in sm.mentions}
    if "Other" not in types or "Place" not in types:
        return  # nothing to type, or nothing to type it after
    locative = _grammar().locative
    s = sm.sentence
    chain = False
    listed = 0  # how many places in a row a list has named
    previous: Mention | None = None
    for m in sm.mentions:
        if previous is not None and _bracketed(text, m):
            continue  # "Taman X (TX), Sofifi": the acronym belongs to the place before
        gap = text[previous.end : m.start] if previous is not None else ""
        follows = bool(_COMMA_AFTER_NAME.fullmatch(gap))
        in_list = follows or gap.strip().lower() in _PLACE_LIST_GAPS
        untyped = m.type == "Other" and m.subtype != "acronym"
        if untyped and ((chain and follows) or (listed >= 2 and in_list)):
            # "Pulau A, Pulau B hingga C": the list goes on.
            m.type, m.subtype, m.typed_by = "Place", "region", "a place after a place and a comma"
        chain = m.type == "Place" and (
            (chain and follows) or bool(locative.search(text, max(s.start, m.start - 15), m.start))
        )
        listed = (listed + 1 if in_list else 1) if m.type == "Place" else 0
        previous = m


def _context_type(text: str, sentence: Sentence, m: Mention) -> tuple[str, str] | None:
    """The type the words around an untyped name give it, and the rule that says so."""
    lex = load_lexicon()
    kinds = lex.cue_table("kind_noun")
    before = text[max(sentence.start, m.start - 40) : m.start]
    previous_word = (_WORD.findall(before) or [""])[-1].lower()
    if previous_word in kinds:
        return kinds[previous_word], f'after "{previous_word}"'
    after = text[m.end : sentence.end]
    is_a = _grammar().is_a.match(after)
    if is_a and is_a.group(1).lower() in kinds:
        return kinds[is_a.group(1).lower()], "X adalah <kind>"
    if previous_word in lex.words("place_before") and m.subtype != "acronym":
        return "Place", f'after "{previous_word}"'
    say = _say_patterns()
    if say.ends_text.search(before) and _CLAUSE_END.match(after):
        return "Person", "speaker after a verb of saying"
    if say.opens_text.match(after) and m.subtype != "acronym":
        return "Person", "speaker before a verb of saying"
    described = _described_person(text, sentence, m, before, after)
    if described:
        return "Person", described
    next_word = _WORD.search(text, m.end, m.end + 80)
    if (
        next_word
        and (
            next_word.group().lower() in lex.words("after_person")
            or next_word.group().startswith(_VERB_PREFIXES)
        )
        and next_word.group().islower()
        and is_personlike(m)
    ):
        return "Person", "name before a verb"
    return None


_COMMA_WORD = re.compile(r"\s*,\s*([\w-]+)")
_WORD_COMMA = re.compile(r"([\w-]+)\s*,\s*$")


def _described_person(
    text: str, sentence: Sentence, m: Mention, before: str, after: str
) -> str:
    """Why a name set off by commas is a person's, or "": a noun that describes people stands
    beside it ("Rina Lestari, pemilik usaha kue", "salah satu peserta, Rina Lestari,"), or a
    one-word name between commas is the subject of a verb ("yang hadir, Sarmo, mengaku")."""
    following = _COMMA_WORD.match(after)
    tail = before.rstrip()
    preceding = _WORD_COMMA.search(before) if tail.endswith(",") else None
    if following is None and preceding is None and tail == before:
        return ""  # no comma on either side, and no word right before: most names
    lex = load_lexicon()
    # Without a comma, only nouns that rarely come before a place ("pengusaha muda X", but
    # "warga X", "petani X" name where people live).
    profession = (
        preceding is None
        and before[-1:].isspace()
        and not lex.words("profession").isdisjoint(before.rsplit(None, 2)[-2:])
    )
    if following is None and preceding is None and not profession:
        return ""  # every shape has a comma or a noun right beside the name: most have none
    nouns = lex.words("person_noun")
    if following and following.group(1) in nouns:
        reason = "a noun describing people after the name"
    elif profession or (preceding and preceding.group(1).lower() in nouns):
        reason = "a noun describing people before the name"
    elif (
        preceding
        and following
        and following.group(1).islower()
        and following.group(1).startswith(_VERB_PREFIXES)
    ):
        reason = "a name between commas before a verb"
    else:
        return ""
    return reason if is_personlike(m) or is_single_name(m) else ""


def _generic(text: str, m: Mention) -> bool:
    """ "Pemerintah Daerah lainnya" names a kind of body, not one body."""
    following = _WORD.search(text, m.end, m.end + 80)
    generic = load_lexicon().words("generic_after")
    return following is not None and following.group().lower() in generic and m.type != "Person"


def _fact(
    kind: str, subject: Mention, obj: Mention | str, sentences: list[Sentence], **extra: str
) -> Fact:
    return Fact(
        kind=kind,
        subject=subject,
        obj=obj,
        start=min(s.start for s in sentences),
        end=max(s.end for s in sentences),
        sentences=tuple(sorted({s.index for s in sentences})),
        extra={k: v for k, v in extra.items() if v},
    )


# Positions -------------------------------------------------------------------------------


def _positions(text: str, per_sentence: list[_SentenceMentions]) -> list[Fact]:
    facts = []
    for sm in per_sentence:
        persons = [m for m in sm.mentions if m.type in ("Person", "Other")]
        held: tuple[int, Mention] | None = None  # where the last post given ends, and to whom
        for titled in sm.titled:
            person = titled.person or _apposed_person(text, titled, persons)
            if person is None and held is not None:
                # "Budi, Ketua Koperasi X yang juga anggota DPRD Y": a second post of the
                # holder of the post just before.
                gap = " ".join(text[held[0] : titled.title_start].split()).lower()
                if gap in load_lexicon().words("apposition"):
                    person = held[1]
            if person is None:
                continue
            held = (titled.title_end, person)
            if person.type == "Other":
                person.type, person.typed_by = "Person", "name beside a title"
            # The post as written, without a bracketed acronym ("Kepala Dinas X (Kadis) Kota Y").
            written = text[titled.title_start : titled.title_end]
            title = " ".join(_BRACKETED.sub("", written).split())
            facts.append(
                _fact(
                    "position",
                    person,
                    title,
                    [sm.sentence],
                    role=titled.role,
                )
            )
            facts[-1].org = titled.org
    return [f for f in facts if not _repeats_a_fuller_post(f, facts)]


def _repeats_a_fuller_post(fact: Fact, positions: list[Fact]) -> bool:
    """ "Bupati Budi" after "Bupati Sleman Budi Santoso" names the same post, not a post of its
    own: a bare title is dropped when the same person holds a fuller post of that role."""
    title_words = tokenize(fact.obj if isinstance(fact.obj, str) else "")
    if match_title(title_words, 0, vocabulary())[0] != len(title_words):
        return False
    person = set(fact.subject.text.split())
    return any(
        other.extra.get("role") == fact.extra.get("role")
        and other.obj != fact.obj
        and person <= set(other.subject.text.split())
        for other in positions
    )


def _apposed_person(text: str, titled: TitledName, persons: list[Mention]) -> Mention | None:
    """ "Ketua Umum X, Budi Santoso" or "Budi Santoso, Ketua Umum X" or "Budi selaku Ketua X"."""
    chunk = titled.chunk
    start, end = chunk.tokens[0].start, chunk.tokens[-1].end
    after = [m for m in persons if m.start > end and not _bracketed(text, m)]
    if (
        after
        and (
            _comma_gap(_without_post_qualifier(text[end : after[0].start]))
            or region_aside(text[end : after[0].start])
        )
        and (
            after[0].type == "Person"
            or is_personlike(after[0])
            # "Sekretaris Daerah X, Suryadi, ...": a one-word name between commas, or between
            # a comma and the end of the sentence.
            or (
                is_single_name(after[0])
                and (
                    _starts_with(text, after[0].end, ",")
                    or (_starts_with(text, after[0].end, ".") and "," in text[end : after[0].start])
                )
            )
        )
    ):
        return after[0]
    apposition = load_lexicon().words("apposition")
    before = [m for m in persons if m.end <= start]
    if before:
        gap = text[before[-1].end : start]
        # "Budi Santoso (Ketua Paguyuban X)": the post in brackets after the name.
        in_brackets = gap.strip() == "(" and _starts_with(text, end, ")")
        if gap.rstrip().endswith(".") and "," in gap:
            # "Budi Santoso, M.T. Gubernur X diwakili ...": the degree's period closes the
            # sentence, and the title opens the next one.
            return None
        if (
            in_brackets or _comma_gap(gap) or _without_degrees(gap).strip(", ") in apposition
        ) and (
            before[-1].type == "Person" or is_personlike(before[-1])
        ):
            return before[-1]
    return None


_DEGREES_FIRST = re.compile(r"(?:[\s,]*[A-Z][\w.]*\.)*")


def _without_degrees(gap: str) -> str:
    """The gap after a name without the degrees that open it (", S.E., M.Si., yang juga")."""
    found = _DEGREES_FIRST.match(gap)
    if found and found.end() and all(
        honorific_or_degree(t) for t in tokenize(found.group()) if t.text not in (",", ".")
    ):
        return gap[found.end() :]
    return gap


def _without_post_qualifier(gap: str) -> str:
    """The gap after a title without a word that qualifies the post before its comma ("Ketua
    Umum X terpilih, Budi")."""
    head, comma, rest = gap.partition(",")
    if comma and head.strip().lower() in load_lexicon().words("post_qualifier"):
        return comma + rest
    return gap


def _comma_gap(gap: str) -> bool:
    """Whether what stands between a title and a name sets them side by side: a comma, a
    bracket or an honorific, with nothing else than honorifics and degrees (", Dra. ",
    ", M.Si., ", " (Perseroda), ", " drg. ", " (Nama Panjang) ")."""
    words = [w for w in tokenize(_BRACKETED.sub(" ", gap)) if w.text not in (",", ".")]
    marked = "," in gap or "(" in gap or bool(words)
    return marked and all(honorific_or_degree(w) for w in words)


# Quotations ------------------------------------------------------------------------------


def _quotes(
    text: str,
    quotes: list[QuoteSpan],
    per_sentence: list[_SentenceMentions],
    positions: list[Fact] = [],  # noqa: B006 (read only)
) -> list[Fact]:
    say = _say_patterns()
    sentences = [sm.sentence for sm in per_sentence]
    mentions = [m for sm in per_sentence for m in sm.mentions]
    facts: list[Fact] = []
    last_speaker: Mention | None = None
    last_line = -1  # where the paragraph of the last attributed quotation starts
    pronouns = load_lexicon().words("pronoun")
    for q in quotes:
        line_end = text.find("\n", q.outer_end)
        line_end = len(text) if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, q.open) + 1
        after = text[q.outer_end : line_end]
        before = text[line_start : q.open]
        speaker = None
        pronoun = False
        # After the quote: ", ujar Budi." / ", kata Ketua X Budi" / ", ujarnya."
        m_after = say.after_quote.match(after)
        if m_after:
            verb_end = q.outer_end + m_after.end()
            following = _WORD.search(text, verb_end, min(line_end, verb_end + 20))
            if (
                m_after.group("verb").lower().endswith("nya")
                or _DESCRIBED_SPEAKER.match(text, verb_end, line_end)
                or (following is not None and following.group() in pronouns)
            ):
                # "ujarnya", "kata politikus muda itu": the speaker named before goes on.
                pronoun = True
            else:
                speaker = _first_person_after(mentions, verb_end, line_end)
                if speaker is None:  # "tegas Wagub", "ujar Kepala Dinas X tersebut"
                    speaker = _holder_of_title(per_sentence, positions, verb_end)
        else:
            m_name_verb = say.name_then_verb.match(after)
            if m_name_verb:
                speaker = _last_person_before(
                    mentions, q.outer_end + m_name_verb.start("verb"), q.outer_end
                )
        m_before = None
        if speaker is None and not pronoun:
            # Before the quote: "Budi menambahkan, “...”", or "Ia menambahkan, “...”".
            m_before = say.before_quote.search(before)
            if m_before:
                opener = before[: m_before.start()].strip(" ,").lower()
                pronoun = opener in pronouns or opener.rsplit(" ", 1)[-1] in pronouns
                if not pronoun:
                    speaker = _last_person_before(
                        mentions, line_start + m_before.start(), line_start
                    )
        if pronoun and speaker is None:
            # "..., ujar Budi. “...,” lanjutnya.": the speaker of the paragraph goes on.
            if last_line == line_start and last_speaker is not None:
                speaker = last_speaker
            else:
                speaker = _last_subject(per_sentence, q.open) or last_speaker
        if speaker is None and not m_after and not m_before and is_quotation(text, q):
            # "Budi mengaku ... . “...”": a bare quotation goes on from the paragraph's subject.
            speaker = _last_subject(per_sentence, q.open, since=line_start)
        if speaker is None:
            continue
        if speaker.type == "Other":
            speaker.type, speaker.typed_by = "Person", "speaker of a quotation"
        last_speaker, last_line = speaker, line_start
        if not is_quotation(text, q) and not m_after:
            continue
        covered = [s for s in sentences if s.end > line_start and s.start < line_end]
        facts.append(_fact("quote", speaker, text[q.start : q.end], covered or sentences[:1]))
        facts[-1].value_span = (q.start, q.end)
    return facts


# "..., kata politikus perempuan itu.": a description of the speaker named before.
_DESCRIBED_SPEAKER = re.compile(r"\s+(?:[a-z]+\s+){1,4}?(?:itu|tersebut)\s*[.,]")


def _holder_of_title(
    per_sentence: list[_SentenceMentions], positions: list[Fact], start: int
) -> Mention | None:
    """The person a bare title right after a verb of saying names ("tegas Wagub.", "ujar Kepala
    Bappeda X tersebut"): the latest holder, named before, of a post of that role (or a role
    it opens: "Kepala Badan" for "Kepala") whose title shares the words the bare title adds."""
    titled = next(
        (
            t
            for sm in per_sentence
            if sm.sentence.start <= start < sm.sentence.end
            for t in sm.titled
            if t.person is None and 0 <= t.title_start - start <= 2
        ),
        None,
    )
    if titled is None:
        return None
    tokens = titled.chunk.tokens
    extra_words = {t.text.lower() for t in tokens[match_title(tokens, 0, vocabulary())[0] :]}
    holders = [
        f
        for f in positions
        # "tegas Kajari": a contracted title's role may be spelled out in the post
        # ("Kepala Kejaksaan Negeri X").
        if (f.extra.get("role", "").startswith(titled.role) or str(f.obj).startswith(titled.role))
        and f.start < titled.title_start
        and (not extra_words or extra_words & {w.lower() for w in str(f.obj).split()})
    ]
    return holders[-1].subject if holders else None


def _last_subject(
    per_sentence: list[_SentenceMentions], before: int, since: int = 0
) -> Mention | None:
    """The person a "-nya" continues: the subject of the latest sentence (from `since`) that
    opens with one, a title's body aside ("Ketua Koperasi X, Budi, ...")."""
    for sm in reversed(per_sentence):
        if sm.sentence.start >= before:
            continue
        if sm.sentence.start < since:
            break
        named = [
            m
            for m in sm.mentions
            if m.start < before and not m.in_quote and m.typed_by not in _TITLE_PARTS
        ]
        # A capitalised common noun opening the sentence ("Perwakilan kelompok tani, Sarmo,")
        # is not its subject.
        nouns = load_lexicon().words("person_noun")
        # "Salah satu pengunjung asal Kelurahan X, Budi, ...": a place is no speaker.
        while named and named[0].type == "Place":
            named.pop(0)
        while (
            named
            and named[0].type == "Other"
            and (
                not (is_personlike(named[0]) or is_single_name(named[0]))
                or named[0].text.lower() in nouns  # "Pedagang sayur, Budi, ..."
            )
        ):
            named.pop(0)
        if named and (
            named[0].type == "Person" or (named[0].type == "Other" and is_personlike(named[0]))
        ):
            return named[0]
    return None


def _first_person_after(mentions: list[Mention], start: int, end: int) -> Mention | None:
    for m in mentions:
        if start <= m.start < end and m.type in ("Person", "Other") and m.subtype != "acronym":
            return m
    return None


def _last_person_before(mentions: list[Mention], end: int, start: int) -> Mention | None:
    candidates = [
        m
        for m in mentions
        if start <= m.start
        and m.end <= end
        and m.type in ("Person", "Other")
        and m.subtype != "acronym"
    ]
    return candidates[-1] if candidates else None


# Events: attendance, date, place -------------------------------------------------------------


def _cue_spans(text: str, sm: _SentenceMentions, category: str) -> list[tuple[int, int, str]]:
    if not sm.may_hold(category):
        return []
    lex = load_lexicon()
    s = sm.sentence
    return [
        (m.start(), m.end(), lex.cue_argument(category, m.group()))
        for m in lex.cue_regex(category).finditer(text, s.start, s.end)
    ]


def _events(
    text: str,
    per_sentence: list[_SentenceMentions],
    year: Callable[[], int | None],
    former: set[tuple[int, int]],
) -> list[Fact]:
    """Attendance, dates and places. `former` are the spans of former names, which a later
    "acara tersebut" does not refer to."""
    lex = load_lexicon()
    facts: list[Fact] = []
    current: Mention | None = None
    event_ref = lex.cue_regex("event_ref")
    held = lex.cue_regex("held")
    listing: Mention | None = None  # the event whose attendees a list after ":" names
    dated: set[str] = set()  # the events given a start date
    # The previous sentence, when it refers to no event (its dates are read if needed).
    previous: _SentenceMentions | None = None
    lead = per_sentence[0].sentence.index if per_sentence else -1
    seen_events: list[Mention] = []
    for sm in per_sentence:
        s = sm.sentence
        events = [
            _full_event(m, seen_events)
            for m in sm.named(("Event",))
            if m.key not in former
        ]
        seen_events += [m for m in events if " " in m.text]
        opener = False
        if events:
            target: Mention | None = events[0]
            # "... berlangsung hingga puncak peringatan HUT X": an event named as the time it
            # lasts until is not the one the next sentences are about.
            ongoing = [
                m
                for m in events
                if not lex.cue_regex("until").search(text, max(s.start, m.start - 30), m.start)
            ]
            # "Festival juga diramaikan Lomba X": the event a bare word opening the sentence
            # refers back to stays the one the next sentences are about; the other is a part.
            if not (
                current is not None
                and _opens_with_event_word(s.text)
                and s.text.split(None, 1)[0] == current.text.split()[0]
                and all(m.start > s.start for m in events)
            ):
                current = ongoing[-1] if ongoing else (current or events[-1])
        else:  # "acara tersebut" refers to the event last named
            named_before = (
                current is not None
                and sm.may_hold("event_ref")
                and event_ref.search(text, s.start, s.end)
            )
            if named_before and current is not None:
                facts += _present_at_the_event(text, sm, named_before, current)
            # "Festival yang berlangsung ... itu": a bare event word opens the sentence.
            opener = not named_before and current is not None and _opens_with_event_word(s.text)
            target = current if named_before or opener else None
        named = target or current
        before, previous = previous, (sm if target is None else None)
        if listing is not None and _BULLET.match(s.text):
            for person in sm.named(("Person",))[:1]:
                facts.append(_fact("attended", person, listing, [s]))
            continue
        listing = None
        facts += _attendance(text, sm, named)
        if s.text.rstrip().endswith(":") and _cue_spans(text, sm, "attend"):
            listing = named
        if target is None:
            continue
        is_held = sm.may_hold("held") and held.search(text, s.start, s.end) is not None
        event_year = partial(_year_or_name_year, year, named)
        dates = find_dates(text, s.start, s.end, event_year)
        evidence = [s]
        carried = False
        if (
            events
            and not dates
            and target.text not in dated
            and before is not None
            and (before.sentence.line == s.line or before.sentence.index == lead)
        ):
            # "... melakukan kunjungan kerja ke X, Kamis (8/8/2024). Dalam kunjungan tersebut,
            # Budi menghadiri Temu Y": the date of the sentence before, which dates nothing else.
            b = before.sentence
            previous_dates = find_dates(text, b.start, b.end, event_year)
            if len(previous_dates) == 1:
                dates, evidence, carried = previous_dates, [b, s], True
        if dates and (is_held or events) and not (opener and target.text in dated):
            # "Jakarta, 6 Desember 2024 – PT X menggelar Y ... pada Kamis (5/12)": the date of
            # a dateline is when the text was written, not when the event took place.
            undated = [d for d in dates if not _in_dateline(text, s.start, d.start, d.end)]
            d = (undated or dates)[0]
            # "berlangsung hingga Minggu (12/3)" gives when the event ends, not when it starts.
            ends = lex.cue_regex("until").search(text[max(s.start, d.start - 25) : d.start])
            if ends:
                facts.append(_fact("event_end_date", target, d.date, evidence))
            else:
                facts.append(_fact("event_date", target, d.date, evidence))
                dated.add(target.text)
            if d.end_date:
                facts.append(_fact("event_end_date", target, d.end_date, evidence))
        # The venue of an event named in the sentence, or of one the sentence says is held.
        if events or is_held:
            place = _event_place(text, sm)
            where = [s]
            if place is None and carried and before is not None:
                # The sentence that gave the date may give the venue: "... di Aula X, Kamis"
                # (a venue only: "meresmikan Pasar X di Desa Y" places the market in a village).
                place, where = _event_place(text, before), evidence
                place = place if place is not None and place.subtype == "venue" else None
            # A sentence opening with a bare event word may name a region around the event.
            if place is not None and (place.subtype == "venue" or not opener):
                facts.append(_fact("event_place", target, place, where))
    return facts + _venues_in_event_names(per_sentence, facts, former)


_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*,\s*")
_DATELINE_DASH = re.compile(r"\s*[-–—]\s")


def _in_dateline(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether a date stands in a dateline that opens the sentence ("Jakarta, 6 Desember
    2024 – ...")."""
    return bool(
        _DATELINE_PLACE.fullmatch(text, sentence_start, start)
        and _DATELINE_DASH.match(text, end)
    )


def _full_event(m: Mention, seen: list[Mention]) -> Mention:
    """A bare event word read as a name ("Festival tahunan itu ...") is the latest event named
    before that opens with that word."""
    if " " in m.text or m.text not in load_lexicon().event_words:
        return m
    return next((e for e in reversed(seen) if e.text.split()[0] == m.text), m)


def _venues_in_event_names(
    per_sentence: list[_SentenceMentions], facts: list[Fact], former: set[tuple[int, int]]
) -> list[Fact]:
    """ "Peresmian Pasar X" takes place at "Pasar X" when the article names that venue and
    gives the event no other place."""
    placed = {f.subject.text for f in facts if f.kind == "event_place"}
    venues = {m.text: m for sm in per_sentence for m in sm.mentions if m.subtype == "venue"}
    if not venues:
        return []
    found = []
    for sm in per_sentence:
        for m in sm.named(("Event",)):
            venue = venues.get(m.text.partition(" ")[2])
            if venue is not None and m.text not in placed and m.key not in former:
                found.append(_fact("event_place", m, venue, [sm.sentence]))
                placed.add(m.text)
    return found


def _present_at_the_event(
    text: str, sm: _SentenceMentions, ref: re.Match[str], event: Mention
) -> list[Fact]:
    """ "Dalam rapat tersebut, Budi Santoso memaparkan ...": a sentence that opens at the event
    has its first person there."""
    s = sm.sentence
    at_event = load_lexicon().words("at_event")
    opener = " ".join(text[s.start : ref.start()].split()).lower()
    if opener not in at_event or not _starts_with(text, ref.end(), ","):
        # "Direktur X, Budi Santoso, M.Kes., dalam rapat tersebut menyatakan ...": the
        # sentence's subject, set off by commas, at the event.
        said = (_WORD.findall(text, max(s.start, ref.start() - 12), ref.start()) or [""])[-1]
        persons = [m for m in sm.named(("Person",)) if m.end <= ref.start()]
        if said.lower() not in at_event or len(persons) != 1:
            return []
        gap = text[persons[0].end : ref.start()].rstrip()
        if not gap[: len(gap) - len(said)].rstrip().endswith(","):
            return []
        return [_fact("attended", persons[0], event, [s])]
    persons = [m for m in sm.named(("Person",)) if m.start >= ref.end()]
    return [_fact("attended", persons[0], event, [s])] if persons else []


def _opens_with_event_word(sentence: str) -> bool:
    """Whether a sentence opens with a bare event word before a lower-case word ("Festival
    yang ...", "Pameran hasil pertanian itu ...")."""
    words = sentence.split(None, 2)
    return (
        len(words) >= 2
        and words[0] in load_lexicon().event_words
        and words[1][:1].islower()
    )


def _year_or_name_year(year: Callable[[], int | None], event: Mention | None) -> int | None:
    """The article's year, or else the year that closes the event's name ("Festival X 2024")."""
    found = year()
    if found is None and event is not None:
        name_year = _TRAILING_YEAR.search(event.text)
        found = int(name_year.group().strip()) if name_year else None
    return found


def _event_place(text: str, sm: _SentenceMentions) -> Mention | None:
    places = [
        m
        for m in sm.named(("Place",))
        if _grammar().locative.search(text[sm.sentence.start : m.start])
    ]
    venues = [m for m in places if m.subtype == "venue"]
    return (venues or places or [None])[0]


def _attendance(text: str, sm: _SentenceMentions, event: Mention | None) -> list[Fact]:
    s = sm.sentence
    persons = sm.named(("Person",))
    if not persons:
        return []
    facts: list[Fact] = []
    excluded: set[tuple[int, int]] = set()
    blocked: list[tuple[int, int]] = []
    for kind, category in (
        ("planned_attendance", "planned"),
        ("absent", "absent"),
        ("represented_by", "represented"),
    ):
        for start, end, argument in _cue_spans(text, sm, category):
            blocked.append((start, end))
            before = [p for p in persons if p.end <= start]
            after = [p for p in persons if p.start >= end]
            if category == "represented":
                # "Gubernur diwakili oleh X": the one represented may be unnamed.
                if after:
                    if before:
                        excluded.add(before[-1].key)
                        facts.append(_fact(kind, before[-1], after[0], [s]))
                    if event is not None:  # the representative was there
                        facts.append(_fact("attended", after[0], event, [s]))
                        excluded.add(after[0].key)
                continue
            # "dijadwalkan dihadiri X dan Y" names all of them after the cue.
            # "Menteri berhalangan hadir, sehingga ... oleh X": an unnamed holder before the
            # cue is the one absent, not the next name after it.
            opens = not text[s.start : start].strip()
            subjects = (
                after
                if argument == "after"
                else (before[-1:] if before else after[:1] if opens else [])
            )
            for p in subjects:
                excluded.add(p.key)
                if event is not None:
                    facts.append(_fact(kind, p, event, [s]))
    if event is None:
        return facts
    attendees: list[Mention] = []
    future = load_lexicon().words("future")
    for start, end, argument in _cue_spans(text, sm, "attend"):
        if any(bs <= start < be or start <= bs < end for bs, be in blocked):
            continue
        # "akan membuka", "dijadwalkan meresmikan": a plan, not a presence.
        if (_WORD.findall(text, max(s.start, start - 20), start) or [""])[-1].lower() in future:
            continue
        after = [p for p in persons if p.start >= end]
        before = [p for p in persons if p.end <= start]
        if argument == "both":
            attendees += before[-1:] + after
        elif argument == "next":
            attendees += [p for p in after[:1] if _only_title_between(text, end, p.start)]
        elif argument == "after" or (argument == "any" and after):
            attendees += after
        else:
            attendees += before
    seen: set[tuple[int, int]] = set()
    for p in attendees:
        if p.key in excluded or p.key in seen:
            continue
        seen.add(p.key)
        facts.append(_fact("attended", p, event, [s]))
    return facts


_CAPITALISED_RUN = re.compile(r"(?:\s*+(?:[A-Z][\w.()-]*+|,))*+\s*")


def _only_title_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but capitalised words (a title, honorifics)."""
    return _CAPITALISED_RUN.fullmatch(text, start, end) is not None


# Renames, collaborations, alternate names -----------------------------------------------------


def _renames(text: str, per_sentence: list[_SentenceMentions]) -> list[Fact]:
    facts = []
    seen: list[Mention] = []  # the names of the sentences before
    for sm in per_sentence:
        named = [m for m in sm.mentions if m.type in (*NAMED, "Other") and m.type != "Person"]
        for start, end, argument in _cue_spans(text, sm, "rename"):
            after = [m for m in named if m.start >= end and len(text[end : m.start].split()) <= 2]
            # An acronym in brackets after a name is that name again, not another one.
            before = [m for m in named if m.end <= start and not _bracketed(text, m)]
            # "pasar yang dahulu bernama X itu": the market named before.
            referred = _referred_by_noun(text, sm.sentence.start, start, seen + before)
            if referred is None and argument == "new_first":
                referred = _referred_by_kind(text, sm.sentence.start, start, seen + before)
            if referred is not None and argument == "new_first":
                before = [referred]
            if not after or not before:
                continue
            first, second = before[-1], after[0]
            if argument == "new_first":
                old, new = second, first
                # "(dahulu X)": short cues count only inside brackets or right after a comma.
                if len(text[start:end].split()) == 1 and not _ends_with(text, start, ("(", ",")):
                    continue
            else:
                old, new = first, second
            # A rename keeps the thing: the old name is of the new name's type.
            kind = next((m.type for m in (new, old) if m.type != "Other"), "Program")
            for m in (old, new):
                if m.type != kind:
                    m.type, m.typed_by = kind, f"renamed, so a {kind.lower()}"
            facts.append(_fact("renamed", old, new, [sm.sentence]))
        seen += named
    return facts


_NOUN_YANG = re.compile(r"(?:^|[\s,.])([A-Za-z]+)\s+yang\s*$")


def _referred_by_noun(
    text: str, sentence_start: int, cue_start: int, named: list[Mention]
) -> Mention | None:
    """The name a common noun before "yang" refers to ("pasar yang dahulu bernama ...", "Badan
    yang sebelumnya bernama ..."): the latest name before it that opens with that noun."""
    window = text[max(sentence_start, cue_start - 40) : cue_start]
    if not window.rstrip().endswith("yang") and not text.startswith("yang", cue_start):
        return None
    found = _NOUN_YANG.search(window if window.rstrip().endswith("yang") else window + " yang")
    if found is None:
        return None
    noun_start = cue_start - len(window) + found.start(1)
    if any(m.start <= noun_start < m.end for m in named):
        return None  # the noun opens a name of its own
    noun = found.group(1).lower()
    heads = [m for m in named if m.end <= noun_start and m.text.split()[0].lower() == noun]
    return heads[-1] if heads else None


_KIND_REFERENCE = re.compile(
    r"\s*([A-Za-z]+)(?:\s+[a-z]+){0,4}?(?:\s+(?:ini|itu|tersebut))?(?:\s+yang)?\s*"
)


def _referred_by_kind(
    text: str, sentence_start: int, cue_start: int, named: list[Mention]
) -> Mention | None:
    """ "Program ini sebelumnya bernama ...", "Fasilitas yang sebelumnya bernama ...": a
    sentence that opens with a common noun of a kind (a programme, a facility, a body) refers
    to the latest name of that kind before it."""
    found = _KIND_REFERENCE.fullmatch(text, sentence_start, cue_start)
    if found is None:
        return None
    # A noun that refers back comes with a demonstrative or "yang" (which may open the cue).
    words = found.group().split()
    cue_word = (_WORD.findall(text, cue_start, cue_start + 5) or [""])[0].lower()
    pointed = len(words) > 1 and words[-1] in ("ini", "itu", "tersebut", "yang")
    if not (pointed or cue_word == "yang"):
        return None
    kind = load_lexicon().cue_table("referring_noun").get(found.group(1).lower())
    if kind is None:
        return None
    noun_start = found.start(1)
    for m in reversed(named):
        if m.end > noun_start or m.type != kind or _bracketed(text, m):
            continue
        if kind == "Place" and m.subtype not in ("venue", ""):
            continue  # a region is not a facility
        return m
    return None


def _listed(text: str, candidates: list[Mention], start: int) -> list[Mention]:
    """The run of names that forms one list from `start`: "A, B, dan C" but not "... di C"."""
    listed: list[Mention] = []
    cursor = start
    for m in candidates:
        if m.start < cursor:
            continue
        if not _grammar().list_gap.fullmatch(text[cursor : m.start]):
            break
        if m.type != "Place" or m.subtype not in ("venue",):
            listed.append(m)
        cursor = m.end
        # An acronym in brackets after a name belongs to that name.
        bracket = _BRACKETED.match(text, cursor)
        if bracket:
            cursor = bracket.end()
    return listed


def _list_ending_at(text: str, candidates: list[Mention]) -> list[Mention]:
    """The run of names joined as one list ("A, B dan C") that ends with the last candidate."""
    if not candidates:
        return []
    listed = [candidates[-1]]
    for m in reversed(candidates[:-1]):
        gap = text[m.end : listed[0].start]
        bracket = _BRACKETED.match(gap)
        if bracket:
            gap = gap[bracket.end() :]
        if not gap.strip() or not _grammar().list_gap.fullmatch(gap):
            break
        listed.insert(0, m)
    return listed


def _inside_brackets(text: str, m: Mention) -> bool:
    """Whether a name stands inside brackets, alone or with other words ("(dahulu X)")."""
    opened = text.rfind("(", max(0, m.start - 60), m.start)
    if opened < 0 or ")" in text[opened : m.start]:
        return False
    closed = text.find(")", m.end, m.end + 60)
    return closed >= 0 and "(" not in text[m.end : closed]


def _bracketed(text: str, m: Mention) -> bool:
    return _ends_with(text, m.start, "(") and _starts_with(text, m.end, ")")


def _collaborations(text: str, per_sentence: list[_SentenceMentions]) -> list[Fact]:
    facts = []
    parties_types = ("Organization", "Place", "Program", "Other")
    for index, sm in enumerate(per_sentence):
        cues = _cue_spans(text, sm, "collaborate")
        if not cues:
            facts += _acting_together(text, sm)
            continue
        start, end, _ = cues[0]
        parties = [m for m in sm.mentions if m.type in parties_types]
        s_text = text[sm.sentence.start : sm.sentence.end]
        between = load_lexicon().cue_regex("between").search(s_text)
        subject = None
        partners: list[Mention] = []
        if between:
            pos = sm.sentence.start + between.end()
            listed = _listed(text, [m for m in parties if m.start >= pos], pos)
            if len(listed) >= 2:
                subject, partners = listed[0], listed[1:]
        else:
            right_after = [m for m in parties if m.start >= end and not text[end : m.start].strip()]
            # "Badan X (dahulu Lembaga Y) bekerja sama ...": a name inside brackets is an aside.
            before = [m for m in parties if m.end <= start and not _inside_brackets(text, m)]
            subject = right_after[0] if right_after else (before[-1] if before else None)
            dengan = load_lexicon().cue_regex("partner_marker").search(text, end, sm.sentence.end)
            if dengan:
                # "dengan tiga mitra, yakni A, B dan C": the list opens after the introduction.
                intro = _grammar().list_intro.match(text, dengan.end(), sm.sentence.end)
                opening = intro.end() if intro else dengan.end()
                partners = _listed(text, [m for m in parties if m.start >= opening], opening)
                if intro and intro.group(1) and not partners:
                    partners = _items_after(text, per_sentence, index, parties_types)
            elif right_after and before:
                # "Dinas X menggandeng PT Y", "Dinas X menjalin kerja sama PT Y": the party
                # named first comes first.
                subject = before[-1]
                partners = _listed(text, [m for m in parties if m.start >= end], end)
            if before and subject is not None and subject is not before[-1] and not partners:
                partners = [before[-1]]
            if not partners and not right_after:
                # "Pemkab X dan Universitas Y sepakat bekerja sama": both named before the cue.
                joined = _list_ending_at(text, before)
                verb = text[joined[-1].end : start] if joined else ","
                if len(joined) >= 2 and "," not in verb and len(verb.split()) <= 3:
                    subject, partners = joined[0], joined[1:]
        if subject is None:
            continue
        for partner in partners:
            if partner is subject or partner.text == subject.text:
                continue
            for m in (subject, partner):
                if m.type == "Other":
                    m.type, m.typed_by = "Organization", "party to a collaboration"
            facts.append(_fact("collaborates", subject, partner, [sm.sentence]))
    return facts


_TOGETHER = re.compile(r"\s+bersama(?:\s+dengan)?\s+")


def _acting_together(text: str, sm: _SentenceMentions) -> list[Fact]:
    """ "... dijalankan Pemkab X bersama Perum Y dan PT Z": bodies that act together work
    together, as a collaboration named by no word of its own."""
    if "bersama" not in sm.sentence.text:
        return []
    bodies = [m for m in sm.mentions if m.type == "Organization" and not _bracketed(text, m)]
    facts = []
    for first, second in pairwise(bodies):
        if _TOGETHER.fullmatch(text, first.end, second.start):
            rest = [m for m in bodies if m.start >= second.start]
            for partner in _listed(text, rest, second.start):
                if partner.type == "Organization" and partner.text != first.text:
                    facts.append(_fact("collaborates", first, partner, [sm.sentence]))
    return facts


_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-\u2022*])\s+")


def _items_after(
    text: str, per_sentence: list[_SentenceMentions], index: int, types: tuple[str, ...]
) -> list[Mention]:
    """The names of the numbered or bulleted lines after a sentence that ends with a colon
    ("... dengan sejumlah mitra, yakni:" then "1. A", "2. B"): one name a line, each line
    nothing but that name."""
    items = []
    for sm in per_sentence[index + 1 :]:
        s = sm.sentence
        bullet = _LIST_ITEM.match(text, s.start, s.end)
        # "3. Himpunan Petani X (HPX)": the item's acronym in brackets goes with it.
        named = [m for m in sm.mentions if m.type in types and not _bracketed(text, m)]
        if bullet is None or len(named) != 1:
            break
        m = named[0]
        rest = text[m.end : s.end]
        acronym = _BRACKETED.match(rest)
        if acronym:
            rest = rest[acronym.end() :]
        if text[bullet.end() : m.start].strip() or rest.strip(" \t.;,"):
            break
        items.append(m)
    return items


def _abbreviates(short: str, long: str, slack: int = 0) -> bool:
    """Whether `short` abbreviates `long` the way Indonesian writes names: initials ("JCC",
    "BPU Kapuas") or syllables ("Disbudpar Sigi", "Pemkab Boyolali", "Askadi"). Its letters
    appear in order in the long form, from the same first letter, and each of its words starts
    with a letter that starts a word of the long form."""
    # "DP3A" is "DPPPA": a digit repeats the letter before it.
    short = _REPEATED_LETTER.sub(lambda m: m.group(1) * int(m.group(2)), short)
    short_words = _LETTER_WORD.findall(short)
    long_words = _LETTER_WORD.findall(long)
    letters = "".join(short_words).lower()
    if len(letters) < 2 or len(long_words) < 2 or len(short) >= len(long):
        return False
    if letters[0] != long_words[0][0].lower():
        return False
    initials = {w[0].lower() for w in long_words}
    if any(w[0].lower() not in initials for w in short_words):
        return False
    if slack == 0 or len(letters) < 5:
        remaining = iter("".join(long_words).lower())
        return all(c in remaining for c in letters)
    # A coined acronym of five letters or more may add a letter for its sound ("Gerakan Tani
    # Aman" -> "Getamu"): `slack` letters may be missing from the long form.
    joined, position, missing = "".join(long_words).lower(), 0, 0
    for c in letters:
        found = joined.find(c, position)
        if found < 0:
            missing += 1
        else:
            position = found + 1
    return missing <= slack


def _shortens(short: str, long: str) -> bool:
    """Whether `short` is a coined short name of `long` that keeps one of its words ("Gerakan
    Desa Hijau Lestari (Gerdu Lestari)"): two or more capitalised words, fewer than the long
    name's, from the same first letter, each either a word of the long name or opening with
    the first letter of one, and at least one of them a word of the long name."""
    short_words, long_words = short.split(), long.split()
    if not 2 <= len(short_words) < len(long_words):
        return False
    if not all(w[:1].isupper() and w.isalpha() for w in short_words):
        return False
    if short_words[0][0] != long_words[0][0] or short_words[0] == long_words[0]:
        return False
    initials = {w[0] for w in long_words}
    kept = [w for w in short_words if w in long_words]
    return bool(kept) and all(w in long_words or w[0] in initials for w in short_words)


def _without_programme_word(name: str) -> str:
    """ "Program Kampung Sehat" -> "Kampung Sehat": the short name may leave out "Program"."""
    first, _, rest = name.partition(" ")
    return rest if first.lower() in load_lexicon().words("program_head") and rest else name


def _aliases(text: str, per_sentence: list[_SentenceMentions]) -> list[Fact]:
    facts = []
    alternates = load_lexicon().words("alias")
    for sm in per_sentence:
        s = sm.sentence
        for paren in _PARENTHESIS.finditer(text[s.start : s.end]):
            inner = paren.group(1).strip()
            before = [
                m
                for m in sm.mentions
                if m.end <= s.start + paren.start()
                and not text[m.end : s.start + paren.start()].strip()
            ]
            if not before:
                continue
            owner = before[-1]
            # "Dinas Koperasi (Diskop) Kabupaten X": the bracket stands inside a name that goes
            # on with its region, for the office's kind only: no alternate name of the whole.
            following = text[s.start + paren.end() : s.end].split(None, 1)
            if following and following[0] in load_lexicon().region_types:
                continue
            region_after = [
                m
                for m in sm.mentions
                if m.type == "Place"
                and m.subtype != "venue"
                and m.start >= s.start + paren.end()
                and not text[s.start + paren.end() : m.start].strip()
            ]
            if region_after:
                continue
            if (
                _abbreviates(inner, owner.text, slack=1)
                or _abbreviates(owner.text, inner)
                or _abbreviates(inner, _without_programme_word(owner.text))
                or _shortens(inner, owner.text)
                or _shortens(owner.text, inner)
            ):
                facts.append(_fact("alias", owner, inner, [s]))
                # "IPMF (Ikatan Pengusaha ...)": the acronym is of the kind of its expansion.
                if owner.type == "Other":
                    expansion = [
                        m
                        for m in sm.mentions
                        if s.start + paren.start(1) <= m.start
                        and m.end <= s.start + paren.end(1)
                        and m.type != "Other"
                    ]
                    if expansion:
                        owner.type, owner.typed_by = expansion[0].type, "acronym of a typed name"
        # "Satu Kampung Satu Produk atau Sakasapro": a name and its acronym joined by "atau".
        # "PT X (Persero) atau PX": a bracketed company form between them does not part them.
        suffixes = load_lexicon().org_suffixes
        unbracketed = [
            m for m in sm.mentions if not (_bracketed(text, m) and f"({m.text})" in suffixes)
        ]
        for first, second in pairwise(unbracketed):
            gap = text[first.end : second.start]
            bracket = _BRACKETED.match(gap)
            if bracket and bracket.group().strip() in suffixes:
                gap = gap[bracket.end() :]
            # ", atau yang dikenal dengan sebutan X": a comma may open the alternate.
            joined = " ".join(gap.split()).lower().removeprefix(",").strip()
            if joined in alternates and _abbreviates(second.text, first.text, slack=1):
                facts.append(_fact("alias", first, second.text, [s]))
                if second.type == "Other":
                    second.type, second.typed_by = first.type, "acronym of a typed name"
                elif first.type == "Other":
                    first.type, first.typed_by = second.type, "name of a typed acronym"
        # "program pengembangan ... atau Jakarta-style name": a descriptive name and a proper one.
        for m in sm.mentions:
            preceding = text[max(s.start, m.start - 120) : m.start]
            # The pattern is slow to search for, and needs the text to end with "atau".
            described = preceding.rstrip().endswith("atau") and _DESCRIBED_PROGRAM.search(preceding)
            if described and m.type in ("Program", "Other"):
                m.type, m.typed_by = "Program", "program ... atau X"
                facts.append(_fact("alias", m, described.group(1), [s]))
    return facts


# Figures -------------------------------------------------------------------------------------


def _quantities(
    text: str, per_sentence: list[_SentenceMentions], quotes: list[QuoteSpan], facts: list[Fact]
) -> list[Fact]:
    speakers = {f.value_span: f.subject for f in facts if f.kind == "quote" and f.value_span}
    found = []
    for sm in per_sentence:
        s = sm.sentence
        for q in find_quantities(text, s.start, s.end):
            if any(m.start <= q.digits_start < m.end for m in sm.mentions):
                continue  # a number inside a name ("Fest 2021")
            claimant = next((who for (qs, qe), who in speakers.items() if qs <= q.start < qe), None)
            if claimant is None:
                owners = [
                    m
                    for m in sm.mentions
                    if m.end <= q.start and m.type in ("Person", "Organization")
                ]
                claimant = owners[0] if owners else None
            if claimant is None:
                continue
            period = _PERIOD.match(text[q.end : s.end])
            found.append(
                _fact(
                    "quantity",
                    claimant,
                    q.value,
                    [s],
                    unit=q.unit,
                    period=period.group(1) if period else "",
                )
            )
            found[-1].value_span = (q.start, q.end)
    return found
