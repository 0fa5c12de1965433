"""Link mentions to canonical entities, within an article and across the corpus.

Identity across articles comes from the entity's type and normalised name (so the same person in
two articles is one node, and a place and an organisation with the same name stay apart). Within
an article, short forms ("Rina" for "Rina Lestari"), untyped mentions of a typed name, and
spelling variants ("Kopraksi" for "Koperasi" in a headline) are linked to the fullest name.
Every link that is not an exact match is logged with its reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from .article import Article
from .extract.lexicon import load_lexicon
from .extract.mentions import tokenize
from .extract.model import HEADLINE_MENTION, Extraction, Fact, Mention
from .extract.relations import _abbreviates

FUZZY_CUTOFF = 90
_NUMBERING = re.compile(r"(?:19|20)\d\d|ke|ke\d+|\d+|[ivxlc]+")
FUZZY_TYPES = ("Organization", "Program", "Event")
# The region types whose bare name stands for the region ("Wonosobo" for "Kabupaten Wonosobo").
_MERGED_REGION_TYPES = ("provinsi", "kabupaten", "kota")
# When an untyped mention names two entities of different types, the agent reading wins.
TYPE_PREFERENCE = ("Organization", "Person", "Place", "Program", "Event")


@dataclass
class Entity:
    type: str
    key: str
    label: str  # the fullest form written in the article
    mentions: list[Mention] = field(default_factory=list)

    @cached_property  # the key never changes, and mapping asks for the slug of every fact
    def slug(self) -> str:
        return slugify(self.key)


@dataclass(frozen=True)
class Merge:
    article: str
    mention: str
    start: int
    end: int
    entity: str
    entity_type: str
    reason: str


@dataclass
class Resolution:
    article: Article
    entities: list[Entity]
    entity_of: dict[tuple[int, int], Entity]  # mention span -> entity
    facts: list[Fact]
    merges: list[Merge]
    unresolved: list[Merge]


@cache
def _region_name_count() -> dict[str, int]:
    """How many provinces, regencies and cities of the gazetteer bear each normalised name."""
    counts: dict[str, int] = {}
    for region in load_lexicon().regions:
        key = normalise(region.name)
        counts[key] = counts.get(key, 0) + 1
    return counts


@cache
def _abbreviation_words() -> dict[str, str]:
    table = load_lexicon().office_abbreviations
    return {k.lower().rstrip("."): v.lower() for k, v in table.items() if " " not in k}


_PUNCTUATION = re.compile(r"[^\w\s]|_")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)  # names recur within an article and across articles
def normalise(name: str) -> str:
    """Case-folded, punctuation-free name with office and region abbreviations spelled out."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _PUNCTUATION.sub(" ", text)
    words = [_abbreviation_words().get(w, w) for w in text.split()]
    return " ".join(" ".join(words).split())


def slugify(key: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if not slug or len(ascii_text) < len(key) / 2:
        slug = (slug + "-" if slug else "x-") + hashlib.sha1(key.encode()).hexdigest()[:10]
    return slug[:80]


def resolve(article: Article, extraction: Extraction) -> Resolution:
    from rapidfuzz import fuzz, process

    merges: list[Merge] = []
    unresolved: list[Merge] = []
    groups: dict[tuple[str, str], Entity] = {}
    typed = [m for m in extraction.mentions if m.type != "Other"]
    untyped = [m for m in extraction.mentions if m.type == "Other"]

    def log(m: Mention, entity: Entity, reason: str) -> None:
        merges.append(Merge(article.id, m.text, m.start, m.end, entity.label, entity.type, reason))

    def absorb(entity: Entity, into: Entity, reason: str) -> None:
        """`entity`'s mentions are `into`'s from now on, each merge logged with `reason`."""
        for m in entity.mentions:
            log(m, into, reason)
        into.mentions.extend(entity.mentions)
        del groups[(entity.type, entity.key)]

    for m in typed:
        key = normalise(m.text)
        if not key:
            continue
        entity = groups.setdefault((m.type, key), Entity(m.type, key, m.text))
        entity.mentions.append(m)
        if len(m.text) > len(entity.label):
            entity.label = m.text

    entity_of: dict[tuple[int, int], Entity] = {}
    # Short forms of people: one or two words of exactly one longer name in the article.
    people = [(e, len(e.key.split())) for e in groups.values() if e.type == "Person"]
    for short, length in sorted(people, key=lambda item: len(item[0].key)):
        longer = [
            p
            for p, p_length in people
            if p is not short and p_length > length and _contains_words(p.key, short.key)
        ]
        if len(longer) == 1:
            target = longer[0]
            absorb(short, target, f'short form of "{target.label}"')
        elif len(longer) > 1:
            for m in short.mentions:
                unresolved.append(
                    Merge(
                        article.id,
                        m.text,
                        m.start,
                        m.end,
                        "",
                        "Person",
                        "ambiguous short form: " + ", ".join(sorted(p.label for p in longer)),
                    )
                )
            del groups[(short.type, short.key)]
    # An event, body or programme named without its year or number ("Wonosobo Tani Expo" for
    # "Wonosobo Tani Expo 2023") is the one entity that has them, when there is exactly one.
    for type_ in FUZZY_TYPES:
        same_type = [e for e in groups.values() if e.type == type_]
        for short in sorted(same_type, key=lambda e: len(e.key)):
            words = short.key.split()
            longer = [
                e
                for e in same_type
                if e is not short
                and e.key.split()[: len(words)] == words
                and all(_NUMBERING.fullmatch(w) for w in e.key.split()[len(words) :])
                and (e.type, e.key) in groups
            ]
            if len(longer) == 1 and (short.type, short.key) in groups:
                target = longer[0]
                absorb(short, target, f'"{target.label}" without its year or number')
    # Spelling variants of organisations, programmes and events.
    for type_ in FUZZY_TYPES:
        same_type = sorted(
            (e for e in groups.values() if e.type == type_),
            key=lambda e: (-len(e.mentions), -len(e.key), e.key),
        )
        for i, major in enumerate(same_type):
            if (major.type, major.key) not in groups:
                continue
            for minor in same_type[i + 1 :]:
                if (minor.type, minor.key) not in groups or len(minor.key) < 5:
                    continue
                score = fuzz.ratio(major.key, minor.key)
                if score >= FUZZY_CUTOFF:
                    absorb(minor, major, f"spelling variant (similarity {score:.0f})")

    # A region named bare ("ke Wonosobo") is the one region of that name the article names with
    # its type ("Kabupaten Wonosobo"), when there is exactly one.
    typed_regions: dict[str, list[Entity]] = {}
    for e in groups.values():
        first, _, rest = e.key.partition(" ")
        if e.type == "Place" and rest and first in _MERGED_REGION_TYPES:
            typed_regions.setdefault(rest, []).append(e)
    for short in [e for e in groups.values() if e.type == "Place"]:
        regions = typed_regions.get(short.key, [])
        # "Malang" names a regency and a city: the bare name says not which.
        if len(regions) == 1 and _region_name_count().get(short.key, 0) <= 1:
            target = regions[0]
            absorb(short, target, f'"{target.label}" without its region type')

    # "Diskan Tanah Merah" after "Dinas Perikanan (Diskan) Kabupaten Tanah Merah": a syllabic
    # short name with the region of exactly one longer organisation's name is that body.
    orgs = [e for e in groups.values() if e.type == "Organization"]
    for short in orgs:
        first, _, region = short.label.partition(" ")
        if len(first) < 4 or not first.istitle() or not first.isalpha() or not region:
            continue
        longer = [
            e
            for e in orgs
            if e is not short
            and e.label.endswith(" " + region)
            and len(e.label.split()) >= len(short.label.split()) + 2
            and (e.type, e.key) in groups
            and _abbreviates(short.label, e.label)
        ]
        if len(longer) == 1 and (short.type, short.key) in groups:
            target = longer[0]
            absorb(short, target, f'short name of "{target.label}"')

    # Names the article defines as one thing: "Pemerintah Provinsi X (Pemprov X)".
    group_of = {m.key: g for g in groups.values() for m in g.mentions}
    for f in extraction.facts:
        owner = group_of.get(f.subject.key)
        if f.kind != "alias" or not isinstance(f.obj, str) or owner is None:
            continue
        other = groups.get((owner.type, normalise(f.obj)))
        if other is None or other is owner or (owner.type, owner.key) not in groups:
            continue
        for m in other.mentions:
            group_of[m.key] = owner
        absorb(other, owner, f'alternate name of "{owner.label}" defined in the article')
        owner.label = max([owner.label, other.label], key=len)

    entities = sorted(groups.values(), key=lambda e: (e.type, e.key))
    for e in entities:
        for m in e.mentions:
            entity_of[m.key] = e

    by_key: dict[str, list[Entity]] = {}
    for e in entities:
        by_key.setdefault(e.key, []).append(e)

    # Acronyms and expansions defined in the article ("Kartu Usaha Mandiri (KUM)").
    aliases = {
        normalise(f.obj): entity_of[f.subject.key]
        for f in extraction.facts
        if f.kind == "alias" and isinstance(f.obj, str) and f.subject.key in entity_of
    }

    fuzzy = [e for e in entities if e.type in FUZZY_TYPES]
    fuzzy_keys = [e.key for e in fuzzy]

    def match_untyped(m: Mention) -> tuple[Entity | None, str]:
        key = normalise(m.text)
        if key in aliases and key not in by_key:
            return aliases[key], f'alternate name of "{aliases[key].label}" defined in the article'
        if key in by_key:
            candidates = sorted(by_key[key], key=lambda e: TYPE_PREFERENCE.index(e.type))
            reason = (
                "same name"
                if len(candidates) == 1
                else (f"same name; read as the {candidates[0].type.lower()}")
            )
            return candidates[0], reason
        longer = [e for e in entities if e.type == "Person" and _contains_words(e.key, key)]
        if len(longer) == 1 and key:
            return longer[0], f'short form of "{longer[0].label}"'
        if len(key) >= 5:
            # The first entity with the highest similarity, if that reaches the cutoff.
            best = process.extractOne(
                key, fuzzy_keys, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                return fuzzy[best[2]], f"spelling variant (similarity {best[1]:.0f})"
        return None, ""

    for m in untyped:
        entity, reason = match_untyped(m)
        if entity is not None:
            entity.mentions.append(m)
            entity_of[m.key] = entity
            if reason != "same name":
                log(m, entity, reason)
    for m in _headline_mentions(article, entities):
        entity, reason = match_untyped(m)
        if entity is not None:
            m.type = entity.type
            entity.mentions.append(m)
            entity_of[m.key] = entity
            log(m, entity, "headline: " + reason)

    # One fact per statement: a repeated paragraph says nothing new (the first evidence stays).
    facts = []
    stated: set[tuple[str, ...]] = set()
    for f in sorted(extraction.facts, key=lambda f: (f.start, f.end)):
        subject = entity_of.get(f.subject.key)
        if subject is None:
            continue
        if isinstance(f.obj, Mention):
            obj = entity_of.get(f.obj.key)
            if obj is None:
                continue
            statement = (f.kind, subject.type, subject.key, obj.type, obj.key)
        else:
            statement = (f.kind, subject.type, subject.key, f.obj, f.extra.get("unit", ""))
        if statement not in stated:
            stated.add(statement)
            facts.append(f)
    return Resolution(article, entities, entity_of, facts, merges, unresolved)


def _contains_words(longer: str, shorter: str) -> bool:
    """The short form's words appear, in order and adjacent, in the longer name (both keys from
    `normalise`: words joined by single spaces)."""
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _headline_mentions(article: Article, entities: list[Entity]) -> list[Mention]:
    """Headlines are title-cased, so capitals say nothing: look for the article's own names."""
    from rapidfuzz import fuzz, process

    headline = article.headline
    if headline is None or not entities:
        return []
    tokens = [
        t for t in tokenize(article.text, headline.start, headline.end) if t.text[0].isalnum()
    ]
    keys = {e.key for e in entities} | {
        w for e in entities if e.type == "Person" for w in e.key.split() if len(w) > 2
    }
    key_list = list(keys)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        best = None
        for n in range(min(6, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            text = article.text[span[0].start : span[-1].end]
            key = normalise(text)
            if key in keys or (
                len(key) >= 5
                and process.extractOne(
                    key, key_list, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
                )
                is not None
            ):
                best = (n, text, span)
                break
        if best is None:
            i += 1
            continue
        n, text, span = best
        found.append(
            Mention(
                span[0].start,
                span[-1].end,
                text,
                "Other",
                headline.index,
                headline=True,
                typed_by=HEADLINE_MENTION,
            )
        )
        i += n
    return found
