"""The ontology is the source of truth: code and ontology agree, and every term is documented."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from okoce_graph.vocab import OKG

from .conftest import ROOT


def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "okoce.ttl")


def test_every_code_term_is_defined_in_the_ontology_and_back() -> None:
    graph = ontology()
    namespace = str(OKG._NS)
    defined = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(namespace)}
    in_code = {URIRef(namespace + name) for name in OKG.__annotations__}
    assert in_code == defined


def test_terms_have_indonesian_and_english_labels_and_comments() -> None:
    graph = ontology()
    for term in {s for s in graph.subjects(RDF.type, None) if str(s).startswith(str(OKG._NS))}:
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in graph.objects(term, predicate)}
            assert {"id", "en"} <= languages, (term, predicate)


def test_every_term_used_in_the_seed_graph_is_in_the_ontology(seed_graph) -> None:  # type: ignore[no-untyped-def]
    graph = ontology()
    text = (seed_graph / "dataset.nq").read_text(encoding="utf-8")
    used = {
        URIRef(t)
        for t in __import__("re").findall(r"<(https://w3id\.org/okoce-graph/ontology#\w+)>", text)
    }
    assert used and all((t, None, None) in graph for t in used)
