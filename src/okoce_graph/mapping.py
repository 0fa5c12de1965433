"""Map a resolved article to RDF quads in the article's own named graph.

Facts are stated twice, as Wikidata does: a plain ("truthy") triple that is easy to query, and a
statement node reifying it (rdf:subject / rdf:predicate / rdf:object) that carries the evidence
span, the sentences and any qualifiers. IRIs come from normalised names and offsets, never from
blank nodes, so the same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from .extract.model import Fact, Mention
from .resolution import Entity, Resolution, normalise, slugify
from .vocab import ENTITY_CLASSES, ENTITY_PATHS, ID, OA, OKG, ORG

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


# Terms used for every quad, looked up once: rdflib namespace attribute access is slow.
TYPE = RDF.type
START = OA.start
END = OA.end
EXACT = OA.exact
IN_ARTICLE = OKG.article
LABEL = RDFS.label
DERIVED_FROM = PROV.wasDerivedFrom
REFERS_TO = OKG.refersTo
MENTION = OKG.Mention
TYPED_BY = OKG.typedBy
RESOLUTION = OKG.resolution


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def entity_iri(entity: Entity) -> URIRef:
    return ID[f"{ENTITY_PATHS[entity.type]}/{entity.slug}"]


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def to_quads(resolution: Resolution, content_hash: str) -> list[Quad]:
    return list(_quads(resolution, content_hash))


def _quads(res: Resolution, content_hash: str) -> Iterator[Quad]:
    article = res.article
    text = article.text
    doc = article_iri(article.id)
    g = doc

    def span(node: URIRef, start: int, end: int) -> Iterator[Quad]:
        yield node, START, _int(start), g
        yield node, END, _int(end), g
        yield node, EXACT, Literal(text[start:end]), g
        yield node, IN_ARTICLE, doc, g

    # The article and its sentences.
    yield doc, TYPE, OKG.Article, g
    yield doc, TYPE, SDO.NewsArticle, g
    yield doc, SDO.identifier, Literal(article.id), g
    yield doc, SDO.text, Literal(text), g
    yield doc, OKG.contentHash, Literal(content_hash), g
    if article.headline is not None:
        yield doc, SDO.headline, Literal(article.headline.text), g
    sentence_iris = {}
    for s in article.sentences:
        node = ID[f"article/{article.id}/sentence/{s.index}"]
        sentence_iris[s.index] = node
        yield node, TYPE, OKG.Sentence, g
        yield node, OKG.sentenceIndex, _int(s.index), g
        yield from span(node, s.start, s.end)
        if s.headline:
            yield node, OKG.isHeadline, Literal(True), g

    # Entities, with every mention linked to its sentence.
    merge_reason = {(m.start, m.end): m.reason for m in res.merges}
    for entity in res.entities:
        node = entity_iri(entity)
        for cls in ENTITY_CLASSES[entity.type]:
            yield node, TYPE, cls, g
        yield node, LABEL, Literal(entity.label), g
        subtypes = {m.subtype for m in entity.mentions if m.subtype}
        if entity.type == "Place":
            if subtypes & {
                "provinsi",
                "kabupaten",
                "kota",
                "kecamatan",
                "kelurahan",
                "desa",
                "region",
            }:
                yield node, TYPE, OKG.AdministrativeArea, g
                for region_type in sorted(subtypes - {"region", "venue", "acronym"}):
                    yield node, OKG.regionType, Literal(region_type), g
            if "venue" in subtypes:
                yield node, TYPE, OKG.Venue, g
        for m in entity.mentions:
            mnode = ID[f"article/{article.id}/mention/{m.start}-{m.end}"]
            yield mnode, TYPE, MENTION, g
            yield from span(mnode, m.start, m.end)
            yield mnode, REFERS_TO, node, g
            yield mnode, DERIVED_FROM, sentence_iris[m.sentence], g
            if m.typed_by:
                yield mnode, TYPED_BY, Literal(m.typed_by), g
            if (m.start, m.end) in merge_reason:
                yield mnode, RESOLUTION, Literal(merge_reason[(m.start, m.end)]), g

    for fact in res.facts:
        yield from _fact_quads(res, fact, doc, sentence_iris, span)


def _fact_quads(
    res: Resolution,
    fact: Fact,
    doc: URIRef,
    sentence_iris: dict[int, URIRef],
    span: Callable[[URIRef, int, int], Iterator[Quad]],
) -> Iterator[Quad]:
    g = doc
    subject = entity_iri(res.entity_of[fact.subject.key])
    predicate = PREDICATES[fact.kind]
    extra_quads: list[Quad] = []
    obj: Node
    if isinstance(fact.obj, Mention):
        obj = entity_iri(res.entity_of[fact.obj.key])
    elif fact.kind == "position":
        obj = ID[f"post/{slugify(normalise(fact.obj))}"]
        extra_quads += [
            (obj, TYPE, OKG.Post, g),
            (obj, TYPE, ORG.Post, g),
            (obj, LABEL, Literal(fact.obj), g),
        ]
        role = ID[f"role/{slugify(normalise(fact.extra['role']))}"]
        extra_quads += [
            (obj, ORG.role, role, g),
            (role, TYPE, OKG.Role, g),
            (role, TYPE, ORG.Role, g),
            (role, SKOS.prefLabel, Literal(fact.extra["role"], lang="id"), g),
        ]
        org = res.entity_of.get(fact.org.key) if fact.org is not None else None
        if org is not None:
            link = ORG.postIn if org.type == "Organization" else OKG.postInRegion
            extra_quads.append((obj, link, entity_iri(org), g))
    elif fact.kind in ("event_date", "event_end_date"):
        obj = Literal(fact.obj, datatype=XSD.date)
    elif fact.kind == "quote" and fact.value_span:
        start, end = fact.value_span
        obj = ID[f"article/{res.article.id}/quote/{start}"]
        extra_quads += [
            (obj, TYPE, OKG.Quotation, g),
            (obj, SDO.text, Literal(fact.obj), g),
            (obj, START, _int(start), g),
            (obj, END, _int(end), g),
            (obj, IN_ARTICLE, doc, g),
        ]
    elif fact.kind == "quantity" and fact.value_span:
        obj = ID[f"article/{res.article.id}/figure/{fact.value_span[0]}"]
        extra_quads += [
            (obj, TYPE, OKG.ClaimedFigure, g),
            (obj, SDO.value, Literal(fact.obj, datatype=XSD.decimal), g),
            (obj, SDO.unitText, Literal(fact.extra["unit"]), g),
        ]
        if "period" in fact.extra:
            extra_quads.append((obj, OKG.period, Literal(fact.extra["period"]), g))
    else:
        obj = Literal(fact.obj)
    yield subject, predicate, obj, g
    yield from extra_quads
    statement = ID[f"fact/{_hash(res.article.id, fact.kind, subject, obj, fact.start, fact.end)}"]
    evidence = ID[f"article/{res.article.id}/span/{fact.start}-{fact.end}"]
    yield statement, TYPE, OKG.Statement, g
    yield statement, RDF.subject, subject, g
    yield statement, RDF.predicate, predicate, g
    yield statement, RDF.object, obj, g
    yield statement, OKG.evidence, evidence, g
    yield statement, IN_ARTICLE, doc, g
    yield evidence, TYPE, OKG.TextSpan, g
    yield from span(evidence, fact.start, fact.end)
    for index in fact.sentences:
        yield statement, DERIVED_FROM, sentence_iris[index], g
