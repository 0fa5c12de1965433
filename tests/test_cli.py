"""The command line, driven through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from okoce_graph.cli import main

from .conftest import SEED_DIR


def test_build_then_facts_in_every_format(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "g"
    result = runner.invoke(main, ["build", str(SEED_DIR), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "graph.html").is_file() and (out / "dataset.nq").is_file()

    jsonl = runner.invoke(main, ["facts", "--graph", str(out), "--format", "jsonl"])
    rows = [json.loads(line) for line in jsonl.output.splitlines()]
    assert {
        "kind",
        "subject",
        "object",
        "article",
        "evidence",
        "start",
        "end",
        "subject_iri",
        "object_iri",
    } <= set(rows[0])
    assert any(r["kind"] == "renamed" and r["object"] == "Jakpreneur" for r in rows)
    quantity = next(r for r in rows if r["kind"] == "quantity")
    assert quantity["unit"] == "pengusaha baru" and quantity["object"] == "281000"

    as_csv = runner.invoke(main, ["facts", "--graph", str(out), "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(as_csv.output)))) == len(rows)

    table = runner.invoke(main, ["facts", "--graph", str(out)])
    assert table.output.splitlines()[0].split() == [
        "kind",
        "subject",
        "object",
        "article",
        "start",
        "end",
    ]


def test_merge_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(SEED_DIR), "--out", str(tmp_path / "g"), "--no-html", "--merges"]
    )
    assert result.exit_code == 0
    assert "Jakpreneuer\t-> Jakpreneur (Program)\theadline: spelling variant" in result.output


def test_query_with_predeclared_prefixes(seed_graph: Path) -> None:
    sparql = "SELECT ?name WHERE { ?p a okg:Person ; rdfs:label ?name } ORDER BY ?name"
    result = CliRunner().invoke(
        main, ["query", sparql, "--graph", str(seed_graph), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "name",
        "Ahmad Riza",
        "Anies Baswedan",
        "Handhika Jahja",
        "Iim Rusyamsi",
        "Teten Masduki",
    ]


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = [
        ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
        ["facts", "--graph", str(tmp_path / "never-built")],
        ["query", "SELECT WHERE {", "--graph", str(tmp_path / "never-built")],
    ]
    for args in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == 1, args
        assert "Traceback" not in result.output
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_query_syntax_error_is_reported(seed_graph: Path) -> None:
    result = CliRunner().invoke(main, ["query", "SELECT WHERE {", "--graph", str(seed_graph)])
    assert result.exit_code == 2 and "SPARQL syntax error" in result.output


def test_service_is_refused_before_any_network_access(seed_graph: Path) -> None:
    sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = CliRunner().invoke(main, ["query", sparql, "--graph", str(seed_graph)])
    assert result.exit_code == 1 and "SERVICE is refused" in result.output
    literal = 'SELECT ?x WHERE { BIND("Customer SERVICE desk" AS ?x) }'
    assert CliRunner().invoke(main, ["query", literal, "--graph", str(seed_graph)]).exit_code == 0


def test_every_command_is_documented_in_the_readme() -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"okoce-graph {name}" in readme, name


def test_validate_command(seed_graph: Path, tmp_path: Path) -> None:
    from .conftest import ROOT

    ok = CliRunner().invoke(main, ["validate", "--graph", str(seed_graph)])
    assert ok.exit_code == 0 and "conforms" in ok.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    source = ROOT / "tests" / "data" / "broken" / "statement_without_evidence.nq"
    (broken / "dataset.nq").write_bytes(source.read_bytes())
    bad = CliRunner().invoke(main, ["validate", "--graph", str(broken)])
    assert bad.exit_code == 1
    assert bad.stdout.startswith("Violation: ") and "does not conform" in bad.stderr


def test_build_refuses_to_write_a_graph_that_breaks_the_shapes(tmp_path: Path,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from okoce_graph import pipeline

    real = pipeline.to_nquads_lines
    monkeypatch.setattr(pipeline, "to_nquads_lines", lambda resolution, content_hash: [
        line for line in real(resolution, content_hash) if "ontology#evidence>" not in line])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEED_DIR), "--out", str(out)])
    assert result.exit_code == 1
    assert "Violation: " in result.stderr and "nothing was written" in result.stderr
    assert not out.exists()
    forced = CliRunner().invoke(main, ["build", str(SEED_DIR), "--out", str(out),
                                       "--no-validate", "--no-html"])
    assert forced.exit_code == 0 and (out / "dataset.nq").is_file()
