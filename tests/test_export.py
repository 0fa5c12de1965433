"""Exports: every format read back by a standard parser (rdflib, Oxigraph, networkx, csv),
the same bytes twice, and the errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from okoce_graph.analysis import network
from okoce_graph.dataset import DATASET, nquads_lines
from okoce_graph.errors import OkoceError
from okoce_graph.export import EXPORT_FORMATS, context, export, export_bytes, ntriples
from okoce_graph.facts_table import FIELDS, facts
from okoce_graph.vocab import PREFIXES

# rdflib's own parsers call its deprecated ConjunctiveGraph and default_context.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

RDF_FORMATS = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
GEXF_NS = "{http://www.gexf.net/1.2draft}"
XSD = PREFIXES["xsd"]  # a plain string: pytest's collection would probe rdflib's XSD


@pytest.fixture(scope="module")
def exported(seed_graph: Path) -> dict[str, bytes]:
    return {fmt: export_bytes(seed_graph, fmt) for fmt in EXPORT_FORMATS}


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    """The non-empty named graphs; the default graph must be empty."""
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert str(DATASET_DEFAULT_GRAPH_ID) not in graphs
    return graphs


def reference(graph_dir: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=(graph_dir / DATASET).read_bytes(), format="nquads")
    return dataset


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def assert_same_dataset(data: bytes, rdflib_format: str, expected: Dataset) -> None:
    parsed = Dataset()
    parsed.parse(data=data, format=rdflib_format)
    got, want = named_graphs(parsed), named_graphs(expected)
    assert sorted(got) == sorted(want)
    for name, graph in want.items():
        assert isomorphic(got[name], graph), name


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_datasets_read_back_with_rdflib(
    fmt: str, seed_graph: Path, exported: dict[str, bytes]
) -> None:
    assert_same_dataset(exported[fmt], RDF_FORMATS[fmt], reference(seed_graph))


@pytest.mark.parametrize("fmt", ["trig", "jsonld"])
def test_datasets_read_back_with_oxigraph(
    fmt: str, seed_graph: Path, exported: dict[str, bytes]
) -> None:
    format_ = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.JSON_LD
    want = set(ox.parse((seed_graph / DATASET).read_bytes(), format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(exported[fmt], format=format_)) == want


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nt", "nt"), ("ttl", "turtle")])
def test_union_graph_reads_back(
    fmt: str, rdflib_format: str, seed_graph: Path, exported: dict[str, bytes]
) -> None:
    parsed = Graph().parse(data=exported[fmt], format=rdflib_format)
    assert isomorphic(parsed, union(reference(seed_graph)))


def test_nq_is_the_dataset(seed_graph: Path, exported: dict[str, bytes]) -> None:
    assert exported["nq"] == (seed_graph / DATASET).read_bytes()


def test_nt_is_the_dataset_without_graph_names(
    seed_graph: Path, exported: dict[str, bytes]
) -> None:
    lines = exported["nt"].decode().splitlines(keepends=True)
    assert lines == sorted(set(lines))
    quads = (seed_graph / DATASET).read_text().splitlines()
    assert set(lines) == {q.rsplit(" ", 2)[0] + " .\n" for q in quads}


def test_nt_sorts_lines_that_come_unsorted() -> None:
    lines = ['<b> <p> "x" <g2> .', '<b> <p> "x" <g1> .', "<a> <p> <o> <g1> ."]
    assert ntriples(lines) == '<a> <p> <o> .\n<b> <p> "x" .\n'
    assert ntriples(sorted(lines)) == ntriples(lines)


def test_importing_the_module_loads_no_rdf_library() -> None:
    code = (
        "import sys, okoce_graph.export; print(sorted({'rdflib', 'networkx'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_trig_has_one_sorted_block_per_article(exported: dict[str, bytes]) -> None:
    text = exported["trig"].decode()
    blocks = [line for line in text.splitlines() if line.startswith("GRAPH ")]
    assert blocks == sorted(blocks) and len(blocks) == 1
    assert "@prefix okg: <https://w3id.org/okoce-graph/ontology#> ." in text


def test_jsonld_layout_and_context(exported: dict[str, bytes]) -> None:
    document = json.loads(exported["jsonld"])
    shipped = context()
    assert document["@context"] == shipped
    assert {k: v for k, v in shipped.items() if k in PREFIXES} == PREFIXES
    assert shipped["type"] == "@type"
    ids = [entry["@id"] for entry in document["@graph"]]
    assert ids == sorted(ids) and ids[0].startswith("id:article/")
    nodes = document["@graph"][0]["@graph"]
    assert [n["@id"] for n in nodes] == sorted(n["@id"] for n in nodes)
    anies = next(n for n in nodes if n["@id"] == "id:person/anies-baswedan")
    assert anies["label"] == "Anies Baswedan"
    assert anies["attended"] == "id:event/malam-apresiasi-jakpreneur-fest-2021"
    mention = next(n for n in nodes if "/mention/" in n["@id"])
    assert isinstance(mention["start"], int) and mention["type"] == "okg:Mention"


def test_every_predicate_of_the_graph_has_a_short_name(
    seed_graph: Path, exported: dict[str, bytes]
) -> None:
    keys = {k for g in json.loads(exported["jsonld"])["@graph"] for n in g["@graph"] for k in n}
    assert all(":" not in k for k in keys), sorted(k for k in keys if ":" in k)


def test_tricky_literals_survive_every_rdf_format(tmp_path: Path) -> None:
    g = URIRef("https://w3id.org/okoce-graph/id/article/x")
    s = URIRef("https://w3id.org/okoce-graph/id/person/x")
    okg = PREFIXES["okg"]
    objects = [
        Literal('quote " backslash \\ newline \n return \r tab \t end'),
        Literal("line\u2028separator\u0085next, ünïcödé, emoji \U0001f600"),
        Literal("text with a bare <https://x.example/> . inside"),
        Literal("Gubernur", lang="id"),
        Literal("12345678901234567890", datatype=URIRef(XSD + "integer")),
        Literal("-3", datatype=URIRef(XSD + "integer")),
        Literal("true", datatype=URIRef(XSD + "boolean")),
        Literal("2021-10-24", datatype=URIRef(XSD + "date")),
        Literal("281000.5", datatype=URIRef(XSD + "decimal")),
        Literal("x", datatype=URIRef("https://example.org/dt")),
        URIRef("https://example.org/no/prefix#here"),
        URIRef(okg + "Person"),
    ]
    predicates = [
        URIRef(okg + "period"),
        URIRef(PREFIXES["oa"] + "start"),
        URIRef(PREFIXES["rdf"] + "object"),
        URIRef("https://example.org/p"),
    ]
    quads = [(s, p, o, g) for p in predicates for o in objects]
    quads += [(s, URIRef(PREFIXES["rdf"] + "type"), URIRef(okg + "Person"), g)]
    quads += [(g, URIRef(PREFIXES["schema"] + "headline"), Literal("Judul"), g)]
    lines = nquads_lines(quads)
    # An integer not in canonical form (rdflib would normalise it): no JSON number for it.
    lines.append(f'<{s}> <{PREFIXES["oa"]}end> "007"^^<{XSD}integer> <{g}> .\n')
    (tmp_path / DATASET).write_text("".join(sorted(lines)), encoding="utf-8")
    expected = reference(tmp_path)
    assert len(expected) == len(quads) + 1
    want = set(ox.parse((tmp_path / DATASET).read_bytes(), format=ox.RdfFormat.N_QUADS))
    for fmt, rdflib_format in RDF_FORMATS.items():
        data = export_bytes(tmp_path, fmt)
        assert_same_dataset(data, rdflib_format, expected)
        assert set(ox.parse(data, format=ox.RdfFormat.from_extension(fmt))) == want, fmt
    for fmt, rdflib_format in (("nt", "nt"), ("ttl", "turtle")):
        parsed = Graph().parse(data=export_bytes(tmp_path, fmt), format=rdflib_format)
        assert isomorphic(parsed, union(expected))


def edge_rows(graph: Any, start: str = "start", end: str = "end") -> list[tuple[Any, ...]]:
    fields = ("relation", "label_id", "label_en", "article", "evidence")
    return sorted(
        (u, v, *(d[f] for f in fields), d[start], d[end]) for u, v, d in graph.edges(data=True)
    )


def assert_same_network(read: Any, seed_graph: Path, start: str, end: str) -> None:
    source = network(seed_graph)
    assert read.number_of_nodes() == source.number_of_nodes()
    assert read.number_of_edges() == source.number_of_edges()
    for node, data in source.nodes(data=True):
        got = read.nodes[node]
        assert (got["label"], got["type"]) == (data["label"], data["type"])
        assert got["fact_count"] == len(data["facts"])
    assert edge_rows(read, start, end) == edge_rows(source)
    assert all(d["label"] == d["label_id"] for _, _, d in read.edges(data=True))


def test_graphml_reads_back(seed_graph: Path, exported: dict[str, bytes]) -> None:
    read = nx.read_graphml(io.BytesIO(exported["graphml"]), force_multigraph=True)
    assert_same_network(read, seed_graph, "start", "end")
    assert sorted(k for _, _, k in read.edges(keys=True)) == sorted(
        f"e{i}" for i in range(read.number_of_edges())
    )


def test_gexf_is_version_1_2_and_reads_back(seed_graph: Path, exported: dict[str, bytes]) -> None:
    root = ET.fromstring(exported["gexf"])
    assert root.tag == GEXF_NS + "gexf" and root.get("version") == "1.2"
    meta = root.find(GEXF_NS + "meta")
    assert meta is not None and "lastmodifieddate" not in meta.attrib
    graph = root.find(GEXF_NS + "graph")
    assert graph is not None and graph.get("mode") == "static"
    titles = {a.get("title") for a in root.iter(GEXF_NS + "attribute")}
    assert {"type", "relation", "evidence", "evidence_start"} <= titles
    assert "networkx_key" not in titles
    read = nx.read_gexf(io.BytesIO(exported["gexf"]))
    assert_same_network(read, seed_graph, "evidence_start", "evidence_end")


def test_csv_is_the_facts_table(seed_graph: Path, exported: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(exported["csv"].decode("utf-8"))))
    want = facts(seed_graph)
    assert len(rows) == len(want) and list(rows[0]) == list(FIELDS)
    assert rows == [{k: str(v) for k, v in row.items()} for row in want]


def test_same_bytes_twice(seed_graph: Path, exported: dict[str, bytes]) -> None:
    for fmt in EXPORT_FORMATS:
        assert export_bytes(seed_graph, fmt) == exported[fmt], fmt


def test_export_writes_a_file_or_standard_output(
    seed_graph: Path,
    exported: dict[str, bytes],
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    out = tmp_path / "sub" / "graph.jsonld"
    export(seed_graph, "jsonld", out)
    assert out.read_bytes() == exported["jsonld"]
    assert [p.name for p in out.parent.iterdir()] == ["graph.jsonld"]
    export(str(seed_graph), "nt", None)
    assert capsysbinary.readouterr().out == exported["nt"]


def test_errors(seed_graph: Path, tmp_path: Path) -> None:
    with pytest.raises(OkoceError, match=r"unknown export format 'rdf'.*ttl, nt"):
        export(seed_graph, "rdf", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    with pytest.raises(OkoceError, match="run `okoce-graph build` first"):
        export_bytes(tmp_path, "ttl")
    (tmp_path / DATASET).write_text("<a> <b> <c> .\n")  # a triple where a quad belongs
    with pytest.raises(OkoceError, match="line 1 of the dataset"):
        export_bytes(tmp_path, "nt")


def test_export_command(seed_graph: Path) -> None:
    from click.testing import CliRunner

    from okoce_graph.cli import main
    from okoce_graph.export import export_bytes

    result = CliRunner().invoke(main, ["export", "--format", "trig", "--graph", str(seed_graph)])
    assert result.exit_code == 0 and result.stdout_bytes == export_bytes(seed_graph, "trig")
