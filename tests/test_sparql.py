"""`okoce-graph query` and `explain`, the named queries, and the Python API, on the seed graph."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

import okoce_graph
from okoce_graph.cli import main
from okoce_graph.sparql import named_queries

from .conftest import SEED

ARTICLE = "000_afb27e7d89d54495"
EVENT = "Malam Apresiasi Jakpreneur Fest 2021"


def run(*args: str, graph: Path | None = None) -> tuple[int, str]:
    extra = ["--graph", str(graph)] if graph is not None else []
    result = CliRunner().invoke(main, [*args, *extra])
    return result.exit_code, result.output


def rows(graph: Path, *args: str) -> list[dict]:
    code, out = run("query", *args, "--format", "jsonl", graph=graph)
    assert code == 0, out
    return [json.loads(line) for line in out.splitlines()]


# Named queries -------------------------------------------------------------------------------


def test_every_named_query_is_listed_with_a_title() -> None:
    code, out = run("query", "--list")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert names == sorted(named_queries()) and len(names) == 9
    assert all(q.title and q.params for q in named_queries().values())


def test_attendance(seed_graph: Path) -> None:
    assert rows(seed_graph, "--name", "attendance") == [
        {"event": EVENT, "person": person, "capacity": post, "article": ARTICLE}
        for person, post in [
            ("Ahmad Riza", "Wakil Gubernur DKI Jakarta"),
            ("Anies Baswedan", "Gubernur DKI Jakarta"),
            ("Handhika Jahja", "Executive Direktur Shopee Indonesia"),
            ("Iim Rusyamsi", "Ketua Umum OK OCE"),
            ("Teten Masduki", "Menteri Koperasi dan UMKM"),
        ]
    ]


def test_positions_with_a_parameter(seed_graph: Path) -> None:
    assert rows(seed_graph, "--name", "positions", "--param", "person=Anies Baswedan") == [
        {"person": "Anies Baswedan", "post": "Gubernur DKI Jakarta", "role": "Gubernur",
         "of": "DKI Jakarta", "article": ARTICLE}
    ]
    menteri = rows(seed_graph, "--name", "positions", "--param", "person=Teten Masduki")
    assert [(r["post"], r["role"], r["of"]) for r in menteri] == [
        ("Menteri Koperasi dan UMKM", "Menteri", None)
    ]


def test_renames(seed_graph: Path) -> None:
    assert rows(seed_graph, "--name", "renames") == [
        {"old_name": "OK OCE", "new_name": "Jakpreneur", "article": ARTICLE,
         "sentence": "Jakpreneur adalah program untuk mencetak wirausaha baru yang dulu dikenal "
                     "dengan nama OK OCE (One Kecamatan One Center for Entrepreneurship)"}
    ]


def test_collaborations(seed_graph: Path) -> None:
    assert [(r["party"], r["partner"], r["partner_type"])
            for r in rows(seed_graph, "--name", "collaborations")] == [
        ("OK OCE", "Kabupaten Jember", "Place"),
        ("OK OCE", "Kota Ponorogo", "Place"),
        ("OK OCE", "Pemerintah Propinsi DKI Jakarta", "Organization"),
        ("OK OCE", "Provinsi Bangka Belitung", "Place"),
    ]


def test_events(seed_graph: Path) -> None:
    assert rows(seed_graph, "--name", "events") == [
        {"event": EVENT, "start": "2021-10-24", "end": None, "venue": "Museum Bank Mandiri",
         "article": ARTICLE}
    ]


def test_quotes_point_at_their_text(seed_graph: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = rows(seed_graph, "--name", "quotes", "--param", "speaker=Iim Rusyamsi")
    assert [(r["start"], r["end"]) for r in found] == [
        (962, 1228), (1244, 1387), (1477, 1715), (1984, 2177)
    ]
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in found)


def test_figures(seed_graph: Path) -> None:
    assert rows(seed_graph, "--name", "figures") == [
        {"claimant": "Anies Baswedan", "value": "281000", "unit": "pengusaha baru",
         "period": "selama empat tahun", "article": ARTICLE}
    ]


def test_entity(seed_graph: Path) -> None:
    found = rows(seed_graph, "--name", "entity", "--param", "name=Jakpreneur")
    assert [(r["direction"], r["relation"].rsplit("#", 1)[1], r["other"], r["start"], r["end"])
            for r in found] == [
        ("subject", "altLabel", "program pengembangan kewirausahaan terpadu", 552, 645),
        ("object", "renamedTo", "OK OCE", 646, 786),
    ]


def test_provenance(seed_graph: Path) -> None:
    found = rows(seed_graph, "--name", "provenance", "--param", "subject=OK OCE",
                 "--param", "object=Jakpreneur")
    assert [(r["start"], r["end"], r["sentence"][:26]) for r in found] == [
        (646, 786, "Jakpreneur adalah program ")
    ]
    dated = rows(seed_graph, "--name", "provenance", "--param", "object=2021-10-24")
    assert [(r["subject"], r["start"]) for r in dated] == [(EVENT, 85)]


# The OPTIONAL parts of the named queries, on a small hand-made dataset: a person without a post,
# a post in a region, a post in nothing, a post given in another article. Oxigraph and rdflib
# must give the same rows.
SMALL = """
@prefix art: <https://w3id.org/okoce-graph/id/article/> .
@prefix e: <https://w3id.org/okoce-graph/id/> .
@prefix okg: <https://w3id.org/okoce-graph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
art:a1 {
  art:a1 schema:identifier "a1" .
  e:x a okg:Event ; rdfs:label "Rapat X" .
  e:budi rdfs:label "Budi" ; okg:attended e:x ; org:holds e:ketua-y ; okg:said e:q5 .
  e:q5 schema:text "Kami siap" ; oa:start 5 ; oa:end 14 .
  e:sari rdfs:label "Sari" ; okg:attended e:x .
  e:ketua-y rdfs:label "Ketua Y" ; org:role e:ketua ; org:postIn e:y .
  e:ketua skos:prefLabel "Ketua" .
  e:y rdfs:label "Y" .
  e:tono rdfs:label "Tono" ; org:holds e:bupati-z , e:menteri-post .
  e:bupati-z rdfs:label "Bupati Z" ; org:role e:bupati ; okg:postInRegion e:z .
  e:bupati skos:prefLabel "Bupati" .
  e:z rdfs:label "Z" .
  e:menteri-post rdfs:label "Menteri" ; org:role e:menteri .
  e:menteri skos:prefLabel "Menteri" .
}
art:a2 {
  art:a2 schema:identifier "a2" .
  e:w a okg:Event ; rdfs:label "Rapat W" .
  e:budi rdfs:label "Budi" ; okg:attended e:w .
}
"""


def _small_rows(name: str, params: dict[str, str]) -> tuple[list, list]:
    import pyoxigraph as ox
    from rdflib import Dataset, Literal, Variable

    from okoce_graph.sparql import run_query
    from okoce_graph.vocab import PREFIXES

    store = ox.Store()
    store.load(SMALL.encode(), format=ox.RdfFormat.TRIG)
    text = named_queries()[name].text
    found = run_query(Path("unused"), text, params, store=store).values()
    dataset = Dataset(default_union=True)
    dataset.parse(data=SMALL, format="trig")
    answer = dataset.query(text, initNs=PREFIXES,
                           initBindings={Variable(k): Literal(v) for k, v in params.items()})
    expected = [tuple(None if t is None else (int(t) if isinstance(t.toPython(), int)
                                               else str(t)) for t in row) for row in answer]
    return found, expected


@pytest.mark.parametrize(("name", "params", "want"), [
    ("attendance", {}, [("Rapat W", "Budi", None, "a2"), ("Rapat X", "Budi", "Ketua Y", "a1"),
                        ("Rapat X", "Sari", None, "a1")]),
    ("attendance", {"event": "Rapat X"}, [("Rapat X", "Budi", "Ketua Y", "a1"),
                                          ("Rapat X", "Sari", None, "a1")]),
    ("positions", {}, [("Budi", "Ketua Y", "Ketua", "Y", "a1"),
                       ("Tono", "Bupati Z", "Bupati", "Z", "a1"),
                       ("Tono", "Menteri", "Menteri", None, "a1")]),
    ("positions", {"person": "Tono"}, [("Tono", "Bupati Z", "Bupati", "Z", "a1"),
                                       ("Tono", "Menteri", "Menteri", None, "a1")]),
    ("quotes", {"speaker": "Budi"}, [("Budi", "Kami siap", "a1", 5, 14)]),
])
def test_named_queries_on_optional_parts(name: str, params: dict[str, str], want: list) -> None:
    found, by_rdflib = _small_rows(name, params)
    assert found == want
    # rdflib writes a GROUP_CONCAT of nothing as "" where Oxigraph leaves it unbound.
    assert by_rdflib == [tuple("" if t is None and name == "attendance" else t for t in row)
                         for row in want]


# Formats -------------------------------------------------------------------------------------

PEOPLE = "SELECT ?p ?name WHERE { ?p a okg:Person ; rdfs:label ?name } ORDER BY ?name"


def test_formats_parse_back(seed_graph: Path) -> None:
    _, out = run("query", PEOPLE, "--format", "csv", graph=seed_graph)
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in table][:2] == ["Ahmad Riza", "Anies Baswedan"]

    _, out = run("query", PEOPLE, "--format", "json", graph=seed_graph)
    results = json.loads(out)
    assert results["head"]["vars"] == ["p", "name"]
    first = results["results"]["bindings"][0]
    assert first["p"] == {"type": "uri",
                          "value": "https://w3id.org/okoce-graph/id/person/ahmad-riza"}
    assert first["name"] == {"type": "literal", "value": "Ahmad Riza"}

    _, out = run("query", PEOPLE, "--format", "tsv", graph=seed_graph)
    lines = out.splitlines()
    assert lines[0] == "?p\t?name"
    assert lines[1] == '<https://w3id.org/okoce-graph/id/person/ahmad-riza>\t"Ahmad Riza"'

    _, out = run("query", PEOPLE, "--format", "md", graph=seed_graph)
    assert out.splitlines()[:3] == ["| p | name |", "|---|---|",
                                    "| id:person/ahmad-riza | Ahmad Riza |"]

    _, out = run("query", PEOPLE, graph=seed_graph)  # the table shortens IRIs
    assert "id:person/ahmad-riza" in out and "https://" not in out


def test_ask_construct_and_describe(seed_graph: Path) -> None:
    _, out = run("query", "ASK { ?x okg:renamedTo ?y }", graph=seed_graph)
    assert out == "true\n"
    _, out = run("query", "ASK { ?x okg:renamedTo ?y }", "--format", "json", graph=seed_graph)
    assert json.loads(out) == {"head": {}, "boolean": True}

    construct = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a okg:Person ; rdfs:label ?n }"
    code, out = run("query", construct, graph=seed_graph)
    assert code == 0
    assert len(Graph().parse(data=out, format="turtle")) == 5

    code, out = run("query", "DESCRIBE id:person/iim-rusyamsi".replace(
        "id:person/iim-rusyamsi", "<https://w3id.org/okoce-graph/id/person/iim-rusyamsi>"),
        graph=seed_graph)
    assert code == 0 and len(Graph().parse(data=out, format="turtle")) > 5


def test_limit_and_parameters_are_terms_not_text(seed_graph: Path) -> None:
    limited = CliRunner().invoke(main, ["query", PEOPLE, "--format", "csv", "--limit", "2",
                                        "--graph", str(seed_graph)])
    assert limited.exit_code == 0 and len(limited.stdout.splitlines()) == 3
    assert limited.stderr == "(stopped at --limit 2)\n"
    # A value that would break out of the query if pasted in is just a literal that matches none.
    hostile = 'name=x" } ?s ?p ?o { "'
    code, out = run("query", PEOPLE, "--format", "csv", "--param", hostile, graph=seed_graph)
    assert code == 0 and out.splitlines() == ["p,name"]
    code, out = run("query", "SELECT ?p ?name WHERE { ?p rdfs:label ?name }", "--format", "csv",
                    "--param", "name=Teten Masduki", graph=seed_graph)
    assert out.splitlines()[1:] == [
        "https://w3id.org/okoce-graph/id/person/teten-masduki,Teten Masduki"
    ]
    code, out = run("query", "SELECT ?p WHERE { ?p rdfs:label ?name }", "--param", "name=x",
                    graph=seed_graph)
    assert code == 1 and "?name must be in the SELECT clause" in out


def test_standard_input_and_files(seed_graph: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", "-", "--graph", str(seed_graph), "--format",
                                       "csv"], input="ASK { ?s ?p ?o }")
    assert result.output == "true\n"
    path = tmp_path / "q.rq"
    path.write_text(PEOPLE, encoding="utf-8")
    code, out = run("query", "-f", str(path), "--format", "csv", graph=seed_graph)
    assert code == 0 and len(out.splitlines()) == 6


# Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        ("SELECT ?x WHERE {\n  ?x a okg:Person\n  FILTR }", 2,
         "SPARQL syntax error at line 3, column 10"),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", 1, "INSERT is an update"),
        ("PREFIX ex: <http://e/>\nDELETE WHERE { ?s ?p ?o }", 1, "DELETE is an update"),
        ("CLEAR ALL", 1, "CLEAR is an update"),
        ("LOAD <http://127.0.0.1:9/x.ttl>", 1, "LOAD is an update"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 1,
         "SERVICE is refused"),
        ("SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }", 1,
         "is not a graph of this dataset"),
    ],
)
def test_refusals_and_syntax_errors(seed_graph: Path, query: str, code: int, message: str) -> None:
    exit_code, out = run("query", query, graph=seed_graph)
    assert exit_code == code
    assert message in out and "Traceback" not in out and out.count("\n") == 1


def test_from_a_graph_of_the_dataset_is_allowed(seed_graph: Path) -> None:
    query = (f"SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/okoce-graph/id/article/{ARTICLE}> "
             "WHERE { ?s a okg:Person }")
    code, out = run("query", query, "--format", "csv", graph=seed_graph)
    assert code == 0 and out.splitlines()[1] == "5"


def test_unknown_named_query_suggests(seed_graph: Path) -> None:
    code, out = run("query", "--name", "atendance", graph=seed_graph)
    assert code == 1 and "did you mean attendance" in out
    code, out = run("query", "--name", "positions", "--param", "who=x", graph=seed_graph)
    assert code == 1 and "not a parameter of positions (person)" in out


def test_timeout(seed_graph: Path) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    code, out = run("query", slow, "--timeout", "0.3", graph=seed_graph)
    assert code == 1 and "query stopped after 0.3 s" in out


def test_missing_and_corrupt_graphs(tmp_path: Path) -> None:
    code, out = run("query", "ASK {}", graph=tmp_path / "none")
    assert code == 1 and "run `okoce-graph build` first" in out
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "dataset.nq").write_text("<a> <b> this is not N-Quads .\n", encoding="utf-8")
    code, out = run("query", "ASK {}", graph=broken)
    assert code == 1 and "corrupt dataset" in out and "rebuild it" in out


# explain and the Python API -------------------------------------------------------------------


def test_explain_by_short_form(seed_graph: Path) -> None:
    code, out = run("explain", "Iim", graph=seed_graph)
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == ["Iim Rusyamsi (Person)", "  id:person/iim-rusyamsi",
                         "  written as: Iim, Iim Rusyamsi"]
    assert sum(line.startswith("- quote:") for line in lines) == 4
    assert "- position: Ketua Umum OK OCE" in lines


def test_explain_ambiguous_and_unknown(seed_graph: Path) -> None:
    code, out = run("explain", "OK OCE", graph=seed_graph)
    assert code == 1
    assert "id:organization/ok-oce (Organization), id:program/ok-oce (Program)" in out
    code, out = run("explain", "id:program/ok-oce", graph=seed_graph)
    assert code == 0 and out.startswith("OK OCE (Program)") and "- renamed: Jakpreneur" in out
    code, out = run("explain", "Teten Masdki", graph=seed_graph)
    assert code == 1 and "close matches: Teten Masduki" in out


def test_python_api(seed_graph: Path) -> None:
    people = okoce_graph.query(PEOPLE, seed_graph, limit=2)
    assert [p["name"] for p in people] == ["Ahmad Riza", "Anies Baswedan"]
    assert okoce_graph.query("ASK { ?s okg:said ?q }", seed_graph) is True
    bound = okoce_graph.query("SELECT ?p ?name WHERE { ?p rdfs:label ?name }", seed_graph,
                              {"name": "Iim Rusyamsi"})
    assert bound == [{"p": "https://w3id.org/okoce-graph/id/person/iim-rusyamsi",
                      "name": "Iim Rusyamsi"}]
    frame = okoce_graph.query_df(PEOPLE, seed_graph)
    assert list(frame.columns) == ["p", "name"] and len(frame) == 5
