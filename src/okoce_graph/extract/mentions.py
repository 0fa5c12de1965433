"""Find names in a sentence and type them from the words around and inside them.

A name is a run of capitalised tokens (with connectors such as "dan" inside an office's name).
Runs that open with a title ("Gubernur Jawa Barat Rina Lestari") are split into the title,
the organisation or region it belongs to, and the person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .lexicon import Lexicon, load_lexicon
from .model import EVENT_AFTER_TITLE, TITLE_REGION, Mention

# "se-Nusa Tenggara" ("all of Nusa Tenggara"): the prefix is a token of its own, before the name.
TOKEN = re.compile(r"se-(?=[A-Z])|\w+(?:[-'’.]\w+)*|[^\w\s]")
_OPENERS = {"“", '"', "'", "‘", "(", "”", "«", "-", "–", "—", ":"}
MAX_PERSON_TOKENS = 3
MAX_LONG_NAME_TOKENS = 6  # a name bounded by a region before it ("Bupati X Anak Agung ...")
# A year, or a period of years ("2024-2027") that closes an event's or a board's name.
_YEAR = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)\d\d)?")
_SINGLE_YEAR = re.compile(r"(?:19|20)\d\d")
_ORDINAL = re.compile(r"ke-\d+")
_ROMAN = re.compile(r"[IVX]{1,4}")
_APPOSITION_WORDS = re.compile(r"\w+")
_BRACKETED = re.compile(r"\s*\([^()]*\)")


class Token(NamedTuple):  # a tuple: tokenizing makes hundreds per article, and tuples are cheap
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or (
            self.text[:1].isdigit() and any(c.isupper() for c in self.text)
        )

    @property
    def allcaps(self) -> bool:
        if self.text[1:2].isalpha() and not self.text[1].isupper():
            return False  # "Budi": the usual answer, without looking at every letter
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


# tuple.__new__ skips the Python-level __new__ of a named tuple: an article has ~500 tokens.
_new_tuple = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [_new_tuple(Token, (*m.span(), m.group())) for m in TOKEN.finditer(text, start, end)]


@dataclass(frozen=True)
class _Phrases:
    """Lexicon phrases as token tuples for longest-match lookup."""

    by_first: dict[str, list[tuple[str, ...]]]

    def match(self, tokens: list[Token], i: int, fold: bool = False) -> int:
        """Length in tokens of the longest phrase starting at tokens[i], or 0."""
        first = tokens[i].text.lower() if fold else tokens[i].text
        for phrase in self.by_first.get(first, ()):
            n = len(phrase)
            words = [t.text.lower() if fold else t.text for t in tokens[i : i + n]]
            if tuple(words) == phrase:
                return n
        return 0


def _phrases(items: Iterable[str], fold: bool = False) -> _Phrases:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(t.text.lower() if fold else t.text for t in tokenize(item))
        if words:
            by_first.setdefault(words[0], []).append(words)
    for phrases in by_first.values():
        phrases.sort(key=len, reverse=True)
    return _Phrases(by_first)


@dataclass(frozen=True)
class Vocabulary:
    lexicon: Lexicon
    titles: _Phrases
    honorifics: _Phrases
    org_heads: _Phrases
    region_types: _Phrases
    venue_heads: _Phrases
    regions: _Phrases  # bare region names and aliases, case-folded
    particles: _Phrases
    title_info: dict[tuple[str, ...], tuple[str, str]]
    any_title_prefix: tuple[str, ...]  # the title prefixes, for one str.startswith
    program_heads: frozenset[str]  # lower-cased words that open a programme's name
    acting: frozenset[str]  # lower-cased words before a title that make it acting


@cache
def vocabulary() -> Vocabulary:
    lex = load_lexicon()
    region_names = {r.name for r in lex.regions} | set(lex.region_aliases)
    title_info = {tuple(t.text for t in tokenize(k)): v for k, v in lex.titles.items()}
    return Vocabulary(
        lexicon=lex,
        titles=_phrases(lex.titles),
        honorifics=_phrases(lex.honorifics),
        org_heads=_phrases(lex.org_heads),
        region_types=_phrases(lex.region_types),
        venue_heads=_phrases(lex.venue_heads),
        regions=_phrases(region_names, fold=True),
        particles=_phrases(lex.name_particles),
        title_info=title_info,
        any_title_prefix=tuple(lex.title_prefixes),
        program_heads=lex.words("program_head"),
        acting=lex.words("acting"),
    )


@dataclass
class Chunk:
    tokens: list[Token]
    sentence: int
    in_quote: bool
    before: str  # the lower-cased word before the chunk ("" at the start)
    after: str  # the lower-cased word after the chunk
    comma_after: bool
    comma_before: bool
    apposition: bool = False  # a person's name stands beside it after a comma, not inside


@dataclass
class TitledName:
    """A title run: "Gubernur Jawa Barat Rina Lestari" or "Ketua Umum X" awaiting a name."""

    title_start: int
    title_end: int  # end of the title with its organisation or region
    role: str
    scope: str
    person: Mention | None
    org: Mention | None
    chunk: Chunk


def match_title(tokens: list[Token], i: int, vocab: Vocabulary) -> tuple[int, str, str]:
    """(length in tokens, role, scope) of the title at tokens[i], or (0, "", "")."""
    n = vocab.titles.match(tokens, i)
    if n:
        role, scope = vocab.title_info[tuple(t.text for t in tokens[i : i + n])]
        return n, role, scope
    word = tokens[i].text
    if word[:1].isupper() and word.lower() in vocab.acting:
        # "Plh. Kepala Badan X", "Pj Camat Y": an acting holder of any post.
        k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ".")
        if k < len(tokens) and (inner := match_title(tokens, k, vocab))[0]:
            return k - i + inner[0], inner[1], inner[2]
    if not word.startswith(vocab.any_title_prefix):
        return 0, "", ""
    for prefix, (role, scope) in vocab.lexicon.title_prefixes.items():
        if word.startswith(prefix) and len(word) > len(prefix) and word[len(prefix)].islower():
            return 1, role, scope
    return 0, "", ""


def chunk_sentence(
    text: str, start: int, end: int, sentence: int, quotes: list[tuple[int, int]]
) -> list[Chunk]:
    """Runs of capitalised tokens in text[start:end]."""
    vocab = vocabulary()
    lex = vocab.lexicon
    tokens = tokenize(text, start, end)
    chunks: list[Chunk] = []
    i = 0
    n = len(tokens)
    opening = True  # at the start of the sentence or of a quotation
    lower_titles = lex.words("lowercase_title")
    while i < n:
        # "dan anggota Komisi II Budi Santoso": a post written in lower case before its body
        # (a body's word or an acronym).
        lower_title = (
            tokens[i].text in lower_titles
            and i + 1 < n
            and (tokens[i + 1].allcaps or bool(vocab.org_heads.match(tokens, i + 1)))
        )
        if not tokens[i].capitalised and not lower_title:
            # "..., M.Si. Adapun Ketua X": a degree's period may close the sentence before.
            opening = tokens[i].text in _OPENERS or (
                tokens[i].text == "." and i > 0 and _is_degree(tokens[i - 1], vocab)
            )
            i += 1
            continue
        # A capitalised function word opening a sentence or a quotation is not a name, but a
        # programme's head word before a capitalised word opens the programme's name
        # ("Program Kartu Tani X ...").
        if (
            opening
            and tokens[i].text in lex.function_words
            and not (
                tokens[i].text.lower() in vocab.program_heads
                and i + 1 < n
                and tokens[i + 1].capitalised
                and tokens[i + 1].text not in lex.function_words
            )
        ):
            i += 1
            continue
        opening = False
        run = [tokens[i]]
        j = i
        has_event_word = tokens[i].text in lex.event_words
        while j + 1 < n:
            nxt = tokens[j + 1]
            if nxt.capitalised:
                run.append(nxt)
                has_event_word = has_event_word or nxt.text in lex.event_words
                j += 1
                continue
            low = nxt.text.lower()
            following = tokens[j + 2] if j + 2 < n else None
            # "Pj. Gubernur", "H. Ahmad": the period of an abbreviation stays inside the name.
            # A degree ends a name: "..., M.Si. Badan itu" starts another.
            if (
                nxt.text == "."
                and following is not None
                and following.capitalised
                and run[-1].text in lex.abbreviations
                and run[-1].end == nxt.start
                and not _is_degree(run[-1], vocab)
            ):
                run.extend([nxt, following])
                j += 2
                continue
            if (
                following is not None
                and following.capitalised
                and _connector_ok(low, run, following, tokens, j + 2, vocab)
            ):
                run.extend([nxt, following])
                j += 2
                continue
            # "Kepala Dinas Komunikasi, Informatika dan Persandian": commas between portfolios.
            if (
                nxt.text == ","
                and following is not None
                and _portfolio_word(following, vocab)
                and _lists_portfolios(run, vocab)
            ):
                run.extend([nxt, following])
                j += 2
                continue
            # "Kepala Dinas Pangan (Kadispang) Kota X ...", "Penjabat (Pj.) Bupati X": a
            # bracketed abbreviation of one to three words inside.
            close = _inner_bracket_end(tokens, j + 1, i) if nxt.text == "(" else 0
            if close:
                run.extend(tokens[j + 1 : close + 2])
                j = close + 1
                continue
            # "Masa Bakti 2024–2029": a period of years written with a dash between two tokens.
            if (
                nxt.text in _DASHES
                and _YEAR.fullmatch(run[-1].text)
                and following is not None
                and _YEAR.fullmatch(following.text)
                and nxt.start == run[-1].end
            ):
                run.extend([nxt, following])
                j += 2
                continue
            # "Dandim 0712/Kota X": a military or police unit's number and seat after a title.
            if (
                nxt.text.isdigit()
                and j + 3 < n
                and tokens[j + 2].text == "/"
                and tokens[j + 3].capitalised
                and match_title(run, 0, vocab)[0] == len(run)
            ):
                run.extend(tokens[j + 1 : j + 4])
                j += 3
                continue
            if (has_event_word and (nxt.text.isdigit() or _ORDINAL.fullmatch(nxt.text))) or (
                len(run) >= 2 and _YEAR.fullmatch(nxt.text)
            ):
                run.append(nxt)
                j += 1
                continue
            break
        before = tokens[i - 1].text.lower() if i > 0 else ""
        after = tokens[j + 1].text.lower() if j + 1 < n else ""
        chunks.append(
            Chunk(
                tokens=run,
                sentence=sentence,
                in_quote=any(qs <= run[0].start < qe for qs, qe in quotes),
                before=before,
                after=after,
                comma_after=after == ",",
                comma_before=before == ",",
            )
        )
        i = j + 1
    # "Ketua X, Budi Santoso" and "Budi Santoso, Ketua X": the name stands beside the title.
    for first, second in pairwise(chunks):
        if text[first.tokens[-1].end : second.tokens[0].start].strip() == ",":
            first.apposition = first.apposition or _names_a_person(second.tokens, vocab)
            second.apposition = second.apposition or _names_a_person(first.tokens, vocab)
    # "Kepala Kampung X Y, Kecamatan Z, Budi Santoso": a region set aside between the title
    # and the name.
    for first, _aside, third in zip(chunks, chunks[1:], chunks[2:], strict=False):
        if (
            region_aside(text[first.tokens[-1].end : third.tokens[0].start])
            and _names_a_person(third.tokens, vocab)
        ):
            first.apposition = True
    return chunks


def region_aside(gap: str) -> bool:
    """Whether a gap is a region between commas: ", Kecamatan Sukamaju, "."""
    stripped = gap.strip()
    if len(stripped) < 5 or stripped[0] != "," or stripped[-1] != ",":
        return False  # the cheap test first: most gaps are a word or two
    vocab = vocabulary()
    words = tokenize(gap)
    if len(words) < 4:
        return False
    inner = words[1:-1]
    n = vocab.region_types.match(inner, 0)
    return bool(n) and n < len(inner) and all(t.capitalised for t in inner[n:])


_DASHES = ("–", "—", "-")


def _inner_bracket_end(tokens: list[Token], k: int, first: int = 0) -> int:
    """Where the ")" closes a bracketed abbreviation of one or two capitalised words (periods
    allowed) that opens at tokens[k] and is followed by a capitalised word, or 0. `first`: where
    the name holding it starts. An acronym's expansion ("IPX (Ikatan Petani X)") or
    a bracket longer than what it abbreviates is not an abbreviation."""
    if tokens[k].text != "(" or k == first:
        return 0
    for close in range(k + 2, min(k + 5, len(tokens) - 1)):
        word = tokens[close].text
        if word == ")":
            words = [t for t in tokens[k + 1 : close] if t.text != "."]
            # "... Koperasi dan UKM (Disperindagkop UKM) Kota X": a bracket that ends with an
            # acronym abbreviates; one that ends with a word may expand an acronym before it.
            shorter = len(words) < k - first
            ok = (
                all(t.capitalised for t in words)
                and (
                    len(words) == 1
                    or (shorter and not tokens[k - 1].allcaps)
                    or (shorter and words[-1].allcaps)
                )
                and len(words) + 1 >= close - k - 1 - len(words)
            )
            return close if ok and tokens[close + 1].capitalised else 0
        if word == "(":
            return 0
    return 0


# Academic degrees written as dotted letters: "S.E", "M.Si", "M.Ds", "Ph.D" (the lexicon lists
# the undotted ones such as "MBA").
_DOTTED_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.)+[A-Z][a-z]{0,4}\.?")


def _is_degree(token: Token, vocab: Vocabulary) -> bool:
    degrees = vocab.lexicon.degrees
    return (
        token.text in degrees
        or token.text + "." in degrees
        or bool(_DOTTED_DEGREE.fullmatch(token.text))
    )


@cache
def _honorific_words() -> frozenset[str]:
    vocab = vocabulary()
    return frozenset(t.text for h in vocab.lexicon.honorifics for t in tokenize(h))


def honorific_or_degree(token: Token) -> bool:
    """A word of an honorific ("Dra", "Letkol") or a degree ("M.Si"), read on its own."""
    return token.text in _honorific_words() or _is_degree(token, vocabulary())


def _names_a_person(tokens: list[Token], vocab: Vocabulary) -> bool:
    """A run that is only a person's name (maybe after honorifics), not a title or a body."""
    name, honorific = _strip_honorifics(tokens, vocab)
    if not name or match_title(name, 0, vocab)[0] or vocab.org_heads.match(name, 0):
        return False
    lex = vocab.lexicon
    name = _without_abbreviation_periods(name, vocab)
    if name[0].text in lex.weekdays or name[0].text in lex.months:
        return False  # "Bupati X Budi Santoso, Senin (3/2)": a date follows, not a name
    if any(_is_degree(t, vocab) for t in name):
        return False
    return honorific or (len(name) <= 5 and all(_personish(t, vocab) for t in name))


def _without_abbreviation_periods(tokens: list[Token], vocab: Vocabulary) -> list[Token]:
    """ "Muh. Rahman": the period of an abbreviated given name is part of the name."""
    abbreviations = vocab.lexicon.abbreviations
    return [
        t
        for k, t in enumerate(tokens)
        if not (t.text == "." and k and tokens[k - 1].text in abbreviations)
    ]


def _connector_ok(
    word: str, run: list[Token], following: Token, tokens: list[Token], k: int, vocab: Vocabulary
) -> bool:
    lex = vocab.lexicon
    if word in lex.words("name_connector") or word in lex.words("english_connector"):
        return word not in ("and",) or run[0].text not in vocab.lexicon.titles
    if word not in ("dan", "&"):
        return False
    # "dan" joins words inside an office's, a body's or an event's name ("Menteri Koperasi dan
    # UMKM", "Pameran Kopi dan Kuliner"), never two list items ("Kabupaten Lumajang dan Kota X").
    opens_office = bool(match_title(run, 0, vocab)[0] or vocab.org_heads.match(run, 0))
    opens_event = run[0].text in vocab.lexicon.event_words
    if not (opens_office or opens_event) or any(t.text.lower() in ("dan", "&") for t in run):
        return False
    region_type = vocab.region_types.match(tokens, k)
    # "Dinas Pemberdayaan Masyarakat dan Desa (DPMD)": a region's type word with no name after
    # it is the portfolio's last word, not a region.
    named_region = region_type and k + region_type < len(tokens) and (
        tokens[k + region_type].capitalised
        and not vocab.region_types.match(tokens, k + region_type)
    )
    starts_new_item = (
        match_title(tokens, k, vocab)[0]
        or named_region
        or vocab.org_heads.match(tokens, k)
        or vocab.venue_heads.match(tokens, k)
        or vocab.honorifics.match(tokens, k)
        or tokens[k].text in vocab.lexicon.event_words
    )
    if starts_new_item:
        return False
    if opens_event:
        return True
    # The portfolio ends before a person's name: after "dan" comes one portfolio word or acronym.
    return following.allcaps or _portfolio_word(following, vocab)


def _lists_portfolios(run: list[Token], vocab: Vocabulary) -> bool:
    """Whether a run is a title or a body followed by portfolio words only, which a comma may
    continue ("Dinas Koperasi, UKM dan ..."). A run that already holds a proper name
    ("Universitas Sai Bumi, Politeknik X") is a whole name, and the comma ends it."""
    head = match_title(run, 0, vocab)[0] or vocab.org_heads.match(run, 0)
    return bool(head) and all(
        _portfolio_word(t, vocab) or t.allcaps or t.text in (",", "&", "dan") for t in run[head:]
    )


def _span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _region_cover(tokens: list[Token], vocab: Vocabulary) -> list[tuple[int, int]]:
    """(start, length) of region names (optionally with their type word) in tokens."""
    found = []
    i = 0
    while i < len(tokens):
        type_len = vocab.region_types.match(tokens, i)
        name_len = (
            vocab.regions.match(tokens, i + type_len, fold=True)
            if i + type_len < len(tokens)
            else 0
        )
        if name_len and (type_len or tokens[i].capitalised):
            found.append((i, type_len + name_len))
            i += type_len + name_len
        else:
            i += 1
    return found


# Abstract nouns of portfolios and sectors ("Perkebunan", "Kebudayaan", "Perdagangan") are made
# with pe-/ke- ... -an; people's names are not.
_PORTFOLIO_NOUN = re.compile(r"(?:Pe|Ke)[a-z]{3,}an")


def _portfolio_word(token: Token, vocab: Vocabulary) -> bool:
    return token.text in vocab.lexicon.name_words or bool(_PORTFOLIO_NOUN.fullmatch(token.text))


def _personish(token: Token, vocab: Vocabulary) -> bool:
    return (
        token.text[:1].isupper()
        and not token.allcaps
        and not _portfolio_word(token, vocab)
        and token.text not in vocab.lexicon.org_suffixes
        and not token.text[:1].isdigit()
    )


def _strip_honorifics(tokens: list[Token], vocab: Vocabulary) -> tuple[list[Token], bool]:
    stripped = False
    while tokens:
        n = vocab.honorifics.match(tokens, 0)
        if not n or n >= len(tokens):
            break
        tokens = tokens[n:]
        stripped = True
    return tokens, stripped


def _split_org_person(
    rest: list[Token],
    vocab: Vocabulary,
    known_people: set[tuple[str, ...]],
    known_bodies: frozenset[tuple[str, ...]] = frozenset(),
    place_first: bool = False,
    loose_names: frozenset[str] = frozenset(),
) -> tuple[list[Token], list[Token]]:
    """Split the words after a title into (organisation or region, person's name).
    `place_first`: the title is of a local unit ("Lurah", "Camat"), whose name comes first.
    `loose_names`: one-word names the article writes on their own, not as a person's."""
    least = 1 if place_first else 0
    for h in range(least, len(rest)):
        n = vocab.honorifics.match(rest, h)
        if n and h + n < len(rest):
            return rest[:h], _strip_honorifics(rest[h:], vocab)[0]
    words = [t.text for t in rest]
    if tuple(words) in known_bodies:
        return rest, []
    for p in range(least, len(rest)):
        if tuple(words[p:]) in known_people:
            return rest[:p], rest[p:]
    # A body named elsewhere in the article ends where the person's name begins.
    for p in range(len(rest) - 1, 0, -1):
        if tuple(words[:p]) in known_bodies and all(_personish(t, vocab) for t in rest[p:]):
            return rest[:p], rest[p:]
    # "Ketua Umum Wanara Budi Santoso" where "Wanara" stands alone elsewhere and "Budi" speaks
    # alone elsewhere: the one word is the body, the person's name starts after it.
    if (
        len(rest) >= 3
        and words[0] in loose_names
        and (words[1],) in known_people
        and all(_personish(t, vocab) for t in rest[1:])
    ):
        return rest[:1], rest[1:]
    covers = _region_cover(rest, vocab)
    covered = {i for s, n in covers for i in range(s, s + n)}
    p = len(rest)
    while (
        p > least
        and len(rest) - p < MAX_PERSON_TOKENS
        and _personish(rest[p - 1], vocab)
        and (p - 1 not in covered)
    ):
        p -= 1
    # "Wakil Bupati Badung I Wayan Gede Putra Adnyana": after the region, a longer name.
    if covers and p > least and p - 1 not in covered and _personish(rest[p - 1], vocab):
        region_end = covers[-1][0] + covers[-1][1]
        if region_end < p and len(rest) - region_end <= MAX_LONG_NAME_TOKENS and all(
            _personish(t, vocab) for t in rest[region_end:p]
        ):
            p = region_end
    # "Camat Kota Barat II Budi": a numeral after a place word closes the place's name.
    if 0 < p < len(rest) - 1 and _ROMAN.fullmatch(rest[p].text) and not _personish(
        rest[p - 1], vocab
    ):
        return rest[: p + 1], rest[p + 1 :]
    # Regional name particles make longer names: "Anak Agung Gede Raka Pratama".
    while p > 0 and (n := _particle_before(rest, p, vocab)):
        p -= n
    return rest[:p], rest[p:]


def _particle_before(tokens: list[Token], p: int, vocab: Vocabulary) -> int:
    """Length of a name particle ending right before tokens[p], or 0."""
    for start in range(max(0, p - 3), p):
        if vocab.particles.match(tokens, start) == p - start:
            return p - start
    return 0


def classify_chunk(
    text: str,
    chunk: Chunk,
    known_people: set[tuple[str, ...]],
    known_bodies: frozenset[tuple[str, ...]] = frozenset(),
    loose_names: frozenset[str] = frozenset(),
) -> tuple[list[Mention], TitledName | None]:
    vocab = vocabulary()
    lex = vocab.lexicon
    tokens = chunk.tokens
    if text.find("(", tokens[0].end, tokens[-1].start) >= 0:
        tokens = _without_inner_brackets(tokens)
    tokens, honorific = _strip_honorifics(tokens, vocab)
    if not tokens or (_is_degree(tokens[0], vocab) and all(_is_degree(t, vocab) for t in tokens)):
        return [], None

    def mention(toks: list[Token], type_: str, subtype: str = "", by: str = "") -> Mention:
        written = _span_text(text, toks)
        return Mention(
            start=toks[0].start,
            end=toks[-1].end,
            # "Badan X (BX) Kota Y" is named without the acronym of its first words.
            text=" ".join(_BRACKETED.sub(" ", written).split()) if "(" in written else written,
            type=type_,
            sentence=chunk.sentence,
            subtype=subtype,
            in_quote=chunk.in_quote,
            typed_by=by,
        )

    title_len, role, scope = match_title(tokens, 0, vocab)
    if title_len and not honorific:
        rest = tokens[title_len:]
        inner_honorific = any(vocab.honorifics.match(rest, h) for h in range(1, len(rest) - 1))
        if (
            (chunk.apposition or _after_apposition(text, chunk)) and not inner_honorific
        ) or (inner_honorific and _acronym_after_spells(text, chunk, rest)):
            # "Ketua X, Budi Santoso" / "Budi selaku Ketua X": the name stands outside.
            org_tokens, person_tokens = rest, []
        else:
            org_tokens, person_tokens = _split_org_person(
                rest, vocab, known_people, known_bodies, scope == "place", loose_names
            )
        person = (
            mention(person_tokens, "Person", by="name after a title") if person_tokens else None
        )
        org = None
        # A bracket that opens or closes the words after the title is an acronym: of the
        # title ("Sekretaris Daerah (Sekda) Kabupaten X") or of the body, defined beside it.
        core = _without_edge_brackets(org_tokens)
        head = _org_head_ending(tokens, title_len, vocab)
        if core and head is not None:
            # "Kepala Dinas Pariwisata Kota X": the body is "Dinas Pariwisata Kota X".
            org = mention(tokens[head:title_len] + core, "Organization", by="body named in a title")
        elif core:
            covers = _region_cover(core, vocab)
            body = _body_after_portfolio(core, vocab)
            if body:
                # "Direktur Kepatuhan PT Bank X": the post's field, then the body.
                org = mention(core[body:], "Organization", by="body named in a title")
            elif covers and covers[0] == (0, len(core)):
                subtype = lex.region_types.get(core[0].text, "region")
                org = mention(core, "Place", subtype, TITLE_REGION)
            elif scope == "organization":
                # "Ketua Panitia Festival X 2024": the post is in an event's committee.
                event = (
                    not vocab.org_heads.match(core, 0)
                    and any(t.text in lex.event_words for t in core)
                    and any(t.text not in lex.event_words for t in core)
                )
                if event:
                    org = mention(core, "Event", by=EVENT_AFTER_TITLE)
                elif not all(t.text in lex.event_words for t in core):  # "Ketua Panitia Bazar"
                    org = mention(core, "Organization", by="organisation after a title")
        title_end = org_tokens[-1].end if org_tokens else tokens[title_len - 1].end
        # A post belongs to a body or a region: an event's committee names no body.
        body = org if org is None or org.type != "Event" else None
        titled = TitledName(tokens[0].start, title_end, role, scope, person, body, chunk)
        return [m for m in (person, org) if m], titled

    if honorific:
        if title_len == len(tokens):
            return [], None  # "Bapak Bupati": a post addressed with respect, no name
        return [mention(tokens, "Person", by="honorific")], None
    # "Pemerintah provinsi ...", "Koperasi itu ...": a capitalised common noun opens a sentence.
    # "PT X adalah BUMN yang ...", "sebuah Yayasan": after a copula or a determiner, a body's
    # word on its own is a kind of body.
    classed = chunk.before in lex.words("copula") or chunk.before in lex.words("determiner")
    if (
        len(tokens) == 1
        and (classed or (not tokens[0].allcaps and chunk.before in ("", ".", *_OPENERS)))
        and (vocab.org_heads.match(tokens, 0) or vocab.venue_heads.match(tokens, 0))
    ):
        return [], None
    if len(tokens) > 1 and tokens[0].text.lower() in vocab.program_heads:
        return [mention(tokens, "Program", by="programme word")], None
    org_len = vocab.org_heads.match(tokens, 0)
    venue_len = vocab.venue_heads.match(tokens, 0) if org_len else 0
    if venue_len > org_len and len(tokens) > venue_len:
        # "Kantor Kecamatan X", "Kantor Bupati Y": an office's building, not the body.
        return [mention(tokens, "Place", "venue", "venue word")], None
    if vocab.org_heads.match(tokens, 0):
        # "Forum Investasi Daerah 2024": a body's word before a single year names an event
        # (so does a venue's word: "Pasar Murah Ramadan 2024").
        if len(tokens) >= 3 and _SINGLE_YEAR.fullmatch(tokens[-1].text):
            return [mention(tokens, "Event", by="name with a year")], None
        return [mention(tokens, "Organization", by="organisation word")], None
    n = vocab.region_types.match(tokens, 0)
    if n and n < len(tokens):
        return [mention(tokens, "Place", lex.region_types[tokens[0].text], "region type")], None
    if vocab.venue_heads.match(tokens, 0) and len(tokens) > 1:
        # "Pasar Murah Ramadan 2024": a venue's word before a single year names an event.
        if len(tokens) >= 3 and _SINGLE_YEAR.fullmatch(tokens[-1].text):
            return [mention(tokens, "Event", by="name with a year")], None
        return [mention(tokens, "Place", "venue", "venue word")], None
    if any(t.text in lex.event_words for t in tokens) and len(tokens) > 1:
        # "Festival Anyaman Bambu" names an event; "Penandatanganan MoU" names an activity.
        generic = lex.event_words | lex.words("collaborate") | {"dan", "&"}
        if any(t.text not in generic and t.text.lower() not in generic for t in tokens):
            return [mention(tokens, "Event", by="event word")], None
        return [], None
    if len(tokens) >= 3 and _YEAR.fullmatch(tokens[-1].text):
        return [mention(tokens, "Event", by="name with a year")], None
    covers = _region_cover(tokens, vocab)
    if covers and covers[0] == (0, len(tokens)):
        return [mention(tokens, "Place", "region", "region gazetteer")], None
    if len(tokens) == 1 and (tokens[0].text in lex.months or tokens[0].text in lex.weekdays):
        return [], None
    acronym = all(t.allcaps or not t.text[:1].isalpha() for t in tokens)
    return [mention(tokens, "Other", "acronym" if acronym else "", "capitalised")], None


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]+)\)")


def _acronym_after_spells(text: str, chunk: Chunk, words: list[Token]) -> bool:
    """Whether the acronym in brackets right after a chunk spells the initials of `words`:
    "Ketua Ikatan Mama Tani Biak (IMTB), ..." names one body, "Mama" inside it included."""
    found = _ACRONYM_AFTER.match(text, chunk.tokens[-1].end)
    if found is None:
        return False
    initials = "".join(t.text[0] for t in words if t.text[:1].isalpha())
    return found.group(1).upper() == initials.upper()


def _after_apposition(text: str, chunk: Chunk) -> bool:
    """Whether the chunk follows "selaku", "sebagai", "yang juga menjabat sebagai" and the like,
    so that the person it belongs to stands before it."""
    start = chunk.tokens[0].start
    said = " ".join(_APPOSITION_WORDS.findall(text, max(0, start - 60), start)).lower()
    phrases = vocabulary().lexicon.words("apposition")
    return any(said == p or said.endswith(" " + p) for p in phrases)


def is_single_name(m: Mention) -> bool:
    """One capitalised word that may be a person's whole name ("Suryadi")."""
    words = tokenize(m.text)
    vocab = vocabulary()
    return len(words) == 1 and _personish(words[0], vocab) and not _region_cover(words, vocab)


def _without_inner_brackets(tokens: list[Token]) -> list[Token]:
    """The tokens without bracketed groups that stand between two words ("Penjabat (Pj.)
    Bupati X" is read as "Penjabat Bupati X"; its text keeps the bracket)."""
    if len(tokens) < 4 or not any(t.text == "(" for t in tokens[1:-1]):
        return tokens
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        close = _inner_bracket_end(tokens, i) if 0 < i < len(tokens) - 3 else 0
        if close:
            i = close + 1
            continue
        kept.append(tokens[i])
        i += 1
    return kept


def _without_edge_brackets(tokens: list[Token]) -> list[Token]:
    """The tokens without a bracketed group at their start or their end."""
    if tokens and tokens[0].text == "(":
        close = next((i for i, t in enumerate(tokens) if t.text == ")"), len(tokens) - 1)
        tokens = tokens[close + 1 :]
    if tokens and tokens[-1].text == ")":
        opening = max((i for i, t in enumerate(tokens) if t.text == "("), default=0)
        tokens = tokens[:opening]
    return tokens


def _body_after_portfolio(core: list[Token], vocab: Vocabulary) -> int:
    """Where a body's name starts after one to three words naming a post's field ("Kepatuhan
    PT Bank X", "Partnership PT X"), or 0. The field words are capitalised and name no region."""
    if vocab.org_heads.match(core, 0):
        return 0
    for k in range(1, min(4, len(core) - 1)):
        if not core[k - 1].capitalised or core[k - 1].allcaps or vocab.regions.match(
            core, k - 1, fold=True
        ):
            return 0
        if vocab.org_heads.match(core, k) and vocab.org_heads.match(core, k) < len(core) - k:
            return k
    # "Direktur Pembiayaan Usaha Mikro BPX": portfolio words, then the body's acronym.
    last = len(core) - 1
    if (
        1 <= last <= 4
        and core[last].allcaps
        and not vocab.regions.match(core, last, fold=True)
        and core[last].text not in vocab.lexicon.org_suffixes
    ) and all(
        _portfolio_word(t, vocab) or t.text in ("dan", "&") for t in core[:last]
    ):
        return last
    return 0


def _org_head_ending(tokens: list[Token], title_len: int, vocab: Vocabulary) -> int | None:
    """Where a body's opening word ends the title ("Kepala Dinas", "Ketua DPRD"), or None."""
    for k in range(1, title_len):
        if vocab.org_heads.match(tokens, k) == title_len - k:
            return k
    return None


def is_personlike(m: Mention) -> bool:
    """Two to four capitalised words, none of them a word of organisation or place names."""
    vocab = vocabulary()
    words = _without_abbreviation_periods(tokenize(m.text), vocab)
    # "Ni Kadek Ayu Sri Lestari": a name that opens with a regional particle may be longer.
    longest = 5 if vocab.particles.match(words, 0) else 4
    return (
        2 <= len(words) <= longest
        and all(_personish(t, vocab) for t in words)
        and not _region_cover(words, vocab)
    )
