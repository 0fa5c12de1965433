"""Every RDF term the code uses, in one place. `OKG` is a closed namespace: a misspelled term
fails at import time, and a test keeps it in step with `ontology/okoce.ttl`."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace


class OKG(DefinedNamespace):
    """The okoce-graph ontology."""

    _NS = Namespace("https://w3id.org/okoce-graph/ontology#")
    _fail = True

    # Classes
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    AdministrativeArea: URIRef
    Venue: URIRef
    Event: URIRef
    Program: URIRef
    Post: URIRef
    Role: URIRef
    Quotation: URIRef
    ClaimedFigure: URIRef
    Statement: URIRef
    Article: URIRef
    Sentence: URIRef
    TextSpan: URIRef
    Mention: URIRef

    # Facts
    attended: URIRef
    plannedToAttend: URIRef
    absentFrom: URIRef
    representedBy: URIRef
    renamedTo: URIRef
    collaboratesWith: URIRef
    said: URIRef
    claimed: URIRef
    postInRegion: URIRef
    regionType: URIRef
    inCapacity: URIRef
    period: URIRef

    # Provenance
    evidence: URIRef
    article: URIRef
    sentenceIndex: URIRef
    isHeadline: URIRef
    refersTo: URIRef
    resolution: URIRef
    typedBy: URIRef
    contentHash: URIRef
    graphDigest: URIRef


ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
BASE = "https://w3id.org/okoce-graph/id/"
ID = Namespace(BASE)

# Prefixes bound in every serialisation and pre-declared in every query.
PREFIXES: dict[str, str] = {
    "okg": str(OKG._NS),
    "id": BASE,
    "schema": str(SDO),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "time": str(TIME),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

# The facts table's entity types and the classes that carry them.
ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (OKG.Person, SDO.Person),
    "Organization": (OKG.Organization, SDO.Organization, ORG.Organization),
    "Place": (OKG.Place, SDO.Place),
    "Event": (OKG.Event, SDO.Event),
    "Program": (OKG.Program,),
}
ENTITY_PATHS = {
    "Person": "person",
    "Organization": "organization",
    "Place": "place",
    "Event": "event",
    "Program": "program",
}


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
