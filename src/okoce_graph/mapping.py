"""Map a resolved article to RDF quads in the article's own named graph.

Facts are stated twice, as Wikidata does: a plain ("truthy") triple that is easy to query, and a
statement node reifying it (rdf:subject / rdf:predicate / rdf:object) that carries the evidence
span, the sentences and any qualifiers. IRIs come from normalised names and offsets, never from
blank nodes, so the same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from .dataset import parse_quads
from .extract.model import Fact, Mention
from .resolution import Entity, Resolution, normalise, slugify
from .vocab import BASE, ENTITY_CLASSES, ENTITY_PATHS, ID, OA, OKG, ORG

Quad = tuple[Node, Node, Node, URIRef]

PREDICATES: dict[str, URIRef] = {
    "position": ORG.holds,
    "attended": OKG.attended,
    "planned_attendance": OKG.plannedToAttend,
    "absent": OKG.absentFrom,
    "represented_by": OKG.representedBy,
    "renamed": OKG.renamedTo,
    "collaborates": OKG.collaboratesWith,
    "event_date": SDO.startDate,
    "event_end_date": SDO.endDate,
    "event_place": SDO.location,
    "quote": OKG.said,
    "alias": SKOS.altLabel,
    "quantity": OKG.claimed,
}


def _iri(term: str) -> str:
    return f"<{term}>"


# The N-Triples text of the terms every article uses, written once.
TYPE = _iri(RDF.type)
START = _iri(OA.start)
END = _iri(OA.end)
EXACT = _iri(OA.exact)
IN_ARTICLE = _iri(OKG.article)
LABEL = _iri(RDFS.label)
DERIVED_FROM = _iri(PROV.wasDerivedFrom)
REFERS_TO = _iri(OKG.refersTo)
MENTION = _iri(OKG.Mention)
TYPED_BY = _iri(OKG.typedBy)
RESOLUTION = _iri(OKG.resolution)
ARTICLE = _iri(OKG.Article)
NEWS_ARTICLE = _iri(SDO.NewsArticle)
IDENTIFIER = _iri(SDO.identifier)
TEXT = _iri(SDO.text)
CONTENT_HASH = _iri(OKG.contentHash)
HEADLINE = _iri(SDO.headline)
SENTENCE = _iri(OKG.Sentence)
SENTENCE_INDEX = _iri(OKG.sentenceIndex)
IS_HEADLINE = _iri(OKG.isHeadline)
ADMINISTRATIVE_AREA = _iri(OKG.AdministrativeArea)
REGION_TYPE = _iri(OKG.regionType)
VENUE = _iri(OKG.Venue)
POST = _iri(OKG.Post)
ORG_POST = _iri(ORG.Post)
HAS_ROLE = _iri(ORG.role)
ROLE = _iri(OKG.Role)
ORG_ROLE = _iri(ORG.Role)
PREF_LABEL = _iri(SKOS.prefLabel)
QUOTATION = _iri(OKG.Quotation)
CLAIMED_FIGURE = _iri(OKG.ClaimedFigure)
VALUE = _iri(SDO.value)
UNIT_TEXT = _iri(SDO.unitText)
PERIOD = _iri(OKG.period)
STATEMENT = _iri(OKG.Statement)
RDF_SUBJECT = _iri(RDF.subject)
RDF_PREDICATE = _iri(RDF.predicate)
RDF_OBJECT = _iri(RDF.object)
EVIDENCE = _iri(OKG.evidence)
TEXT_SPAN = _iri(OKG.TextSpan)
POST_IN = _iri(ORG.postIn)
POST_IN_REGION = _iri(OKG.postInRegion)
_PREDICATE_TERMS = {kind: _iri(iri) for kind, iri in PREDICATES.items()}
_CLASS_TERMS = {type_: [_iri(c) for c in classes] for type_, classes in ENTITY_CLASSES.items()}
_INTEGER = f"^^{_iri(XSD.integer)}"
_TRUE = f'"true"^^{_iri(XSD.boolean)}'
_REGION_SUBTYPES = {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "region"}
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\r": "\r"}
_ESCAPED = re.compile(r'\\[\\"nr]')


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def _entity(entity: Entity) -> str:
    return f"<{BASE}{ENTITY_PATHS[entity.type]}/{entity.slug}>"


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def _text(value: str) -> str:
    """A plain string literal, escaped as the canonical writer (`dataset.nt_term`) does."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r") + '"'


def _int(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def _typed(value: str, datatype: URIRef) -> tuple[str, str]:
    """(lexical form, N-Triples text) of a dated or decimal value: rdflib normalises their
    lexical forms ("007" -> "7"), so let it, for these few terms."""
    lexical = str(Literal(value, datatype=datatype))
    return lexical, f"{_text(lexical)}^^{_iri(datatype)}"


def to_nquads_lines(resolution: Resolution, content_hash: str) -> list[str]:
    """The article's named graph as sorted, de-duplicated canonical N-Quads lines, the bytes
    `dataset.nquads_lines` writes. Written as text: making rdflib terms for an article's ~700
    quads and writing them out took about five times as long."""
    lines: set[str] = set()
    _write(resolution, content_hash, lines)
    return sorted(lines)


def to_quads(resolution: Resolution, content_hash: str) -> list[Quad]:
    """The article's named graph as rdflib quads, read back from its lines so that the mapping
    is written once."""
    terms: dict[str, Node] = {}  # most terms recur: predicates, classes, nodes, offsets

    def term(text: str) -> Node:
        if text not in terms:
            terms[text] = _term(text)
        return terms[text]

    return [
        (term(s), term(p), term(o), term(g))  # type: ignore[misc]
        for s, p, o, g in parse_quads(to_nquads_lines(resolution, content_hash))
    ]


def _term(text: str) -> Node:
    if text.startswith("<"):
        return URIRef(text[1:-1])
    body, _, suffix = text.rpartition('"')
    value = _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], body[1:])
    if suffix.startswith("@"):
        return Literal(value, lang=suffix[1:])
    if suffix.startswith("^^"):
        return Literal(value, datatype=URIRef(suffix[3:-1]))
    return Literal(value)


def _write(res: Resolution, content_hash: str, lines: set[str]) -> None:
    article = res.article
    text = article.text
    base = f"{BASE}article/{article.id}"
    doc = f"<{base}>"
    end_of_line = f" {doc} .\n"

    def add(s: str, p: str, o: str) -> None:
        lines.add(f"{s} {p} {o}{end_of_line}")

    def span(node: str, start: int, end: int) -> None:
        add(node, START, _int(start))
        add(node, END, _int(end))
        add(node, EXACT, _text(text[start:end]))
        add(node, IN_ARTICLE, doc)

    # The article and its sentences.
    add(doc, TYPE, ARTICLE)
    add(doc, TYPE, NEWS_ARTICLE)
    add(doc, IDENTIFIER, _text(article.id))
    add(doc, TEXT, _text(text))
    add(doc, CONTENT_HASH, _text(content_hash))
    if article.headline is not None:
        add(doc, HEADLINE, _text(article.headline.text))
    sentence_iris = {}
    for s in article.sentences:
        node = f"<{base}/sentence/{s.index}>"
        sentence_iris[s.index] = node
        add(node, TYPE, SENTENCE)
        add(node, SENTENCE_INDEX, _int(s.index))
        span(node, s.start, s.end)
        if s.headline:
            add(node, IS_HEADLINE, _TRUE)

    # Entities, with every mention linked to its sentence.
    merge_reason = {(m.start, m.end): m.reason for m in res.merges}
    for entity in res.entities:
        node = _entity(entity)
        for cls in _CLASS_TERMS[entity.type]:
            add(node, TYPE, cls)
        add(node, LABEL, _text(entity.label))
        subtypes = {m.subtype for m in entity.mentions if m.subtype}
        if entity.type == "Place":
            if subtypes & _REGION_SUBTYPES:
                add(node, TYPE, ADMINISTRATIVE_AREA)
                for region_type in subtypes - {"region", "venue", "acronym"}:
                    add(node, REGION_TYPE, _text(region_type))
            if "venue" in subtypes:
                add(node, TYPE, VENUE)
        for m in entity.mentions:
            mnode = f"<{base}/mention/{m.start}-{m.end}>"
            add(mnode, TYPE, MENTION)
            span(mnode, m.start, m.end)
            add(mnode, REFERS_TO, node)
            add(mnode, DERIVED_FROM, sentence_iris[m.sentence])
            if m.typed_by:
                add(mnode, TYPED_BY, _text(m.typed_by))
            if (m.start, m.end) in merge_reason:
                add(mnode, RESOLUTION, _text(merge_reason[(m.start, m.end)]))

    for fact in res.facts:
        _write_fact(res, fact, base, sentence_iris, add, span)


def _write_fact(
    res: Resolution,
    fact: Fact,
    base: str,
    sentence_iris: dict[int, str],
    add: Callable[[str, str, str], None],
    span: Callable[[str, int, int], None],
) -> None:
    doc = f"<{base}>"
    subject = _entity(res.entity_of[fact.subject.key])
    predicate = _PREDICATE_TERMS[fact.kind]
    # The statement's IRI hashes the object's IRI or lexical form, as rdflib's str() gives it.
    obj_value: str
    if isinstance(fact.obj, Mention):
        obj = _entity(res.entity_of[fact.obj.key])
        obj_value = obj[1:-1]
    elif fact.kind == "position":
        org = res.entity_of.get(fact.org.key) if fact.org is not None else None
        obj_value = f"{BASE}post/{slugify(normalise(fact.obj))}"
        if org is not None and fact.org is not None and org.key != normalise(fact.org.text):
            # The title names its body or region other than by its key ("Bupati X" of the
            # regency X, "Ketua Umum ACR" where the article spells ACR out): the key goes into
            # the post's IRI, so that one title of two bodies is two posts, each in one body.
            obj_value += f"/{org.slug}"
        obj = _iri(obj_value)
        add(obj, TYPE, POST)
        add(obj, TYPE, ORG_POST)
        add(obj, LABEL, _text(fact.obj))
        role = f"<{BASE}role/{slugify(normalise(fact.extra['role']))}>"
        add(obj, HAS_ROLE, role)
        add(role, TYPE, ROLE)
        add(role, TYPE, ORG_ROLE)
        add(role, PREF_LABEL, _text(fact.extra["role"]) + "@id")
        if org is not None:
            link = POST_IN if org.type == "Organization" else POST_IN_REGION
            add(obj, link, _entity(org))
    elif fact.kind in ("event_date", "event_end_date"):
        obj_value, obj = _typed(fact.obj, XSD.date)
    elif fact.kind == "quote" and fact.value_span:
        start, end = fact.value_span
        obj_value = f"{base}/quote/{start}"
        obj = _iri(obj_value)
        add(obj, TYPE, QUOTATION)
        add(obj, TEXT, _text(fact.obj))
        add(obj, START, _int(start))
        add(obj, END, _int(end))
        add(obj, IN_ARTICLE, doc)
    elif fact.kind == "quantity" and fact.value_span:
        obj_value = f"{base}/figure/{fact.value_span[0]}"
        obj = _iri(obj_value)
        add(obj, TYPE, CLAIMED_FIGURE)
        add(obj, VALUE, _typed(fact.obj, XSD.decimal)[1])
        add(obj, UNIT_TEXT, _text(fact.extra["unit"]))
        if "period" in fact.extra:
            add(obj, PERIOD, _text(fact.extra["period"]))
    else:
        obj_value, obj = fact.obj, _text(fact.obj)
    add(subject, predicate, obj)
    statement_id = _hash(res.article.id, fact.kind, subject[1:-1], obj_value, fact.start, fact.end)
    statement = f"<{BASE}fact/{statement_id}>"
    evidence = f"<{base}/span/{fact.start}-{fact.end}>"
    add(statement, TYPE, STATEMENT)
    add(statement, RDF_SUBJECT, subject)
    add(statement, RDF_PREDICATE, predicate)
    add(statement, RDF_OBJECT, obj)
    add(statement, EVIDENCE, evidence)
    add(statement, IN_ARTICLE, doc)
    add(evidence, TYPE, TEXT_SPAN)
    span(evidence, fact.start, fact.end)
    for index in fact.sentences:
        add(statement, DERIVED_FROM, sentence_iris[index])
