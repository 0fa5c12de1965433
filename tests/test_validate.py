"""SHACL validation: real builds conform, every shape selects nodes of a real build (a shape that
selects nothing always "conforms"), each deliberately broken graph in tests/data/broken fails
with the messages its header names (`# expect: ...` lines) and no others, and the fast path
(pySHACL's compiled shapes kept per process, direct N-Quads reading) reports exactly what a
from-scratch pySHACL run reports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from okoce_graph.errors import OkoceError
from okoce_graph.pipeline import build
from okoce_graph.shacl import (
    Report,
    _fast_triples,
    _report,
    shapes_path,
    shapes_without_targets,
    validate,
    validate_dataset,
    validate_quads,
)

from .conftest import CORPUS

BROKEN = Path(__file__).resolve().parent / "data" / "broken"
BROKEN_FILES = sorted(BROKEN.glob("*.nq"))
# Shapes that select nodes of the corpus build but not of the seed: no event of the seed article
# has an end date, and no one in it is represented by someone else.
CORPUS_ONLY = {"okgsh:EndDateShape", "okgsh:RepresentationShape"}
EXPECT = "# expect: "


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "build"
    build([CORPUS / "articles"], out, html=False)
    return out


def expected_messages(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(EXPECT) for line in lines if line.startswith(EXPECT)]


def test_the_seed_build_conforms_without_even_a_warning(seed_graph: Path) -> None:
    report = validate(seed_graph)
    assert report.conforms, report.format()
    assert report.violations == [], report.format()
    assert report.format() == ""
    assert report.summary() == "the graph conforms to the shapes (0 violations, 0 warnings)"


def test_the_corpus_build_conforms(corpus_graph: Path) -> None:
    report = validate(corpus_graph)
    assert report.conforms, report.format()
    assert report.errors == []


def test_every_shape_selects_nodes_of_a_real_build(seed_graph: Path, corpus_graph: Path) -> None:
    assert set(shapes_without_targets(seed_graph)) <= CORPUS_ONLY
    assert shapes_without_targets(corpus_graph) == []


def test_a_shape_that_selects_nothing_conforms_and_is_listed(
    seed_graph: Path, tmp_path: Path
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix okgsh: <https://w3id.org/okoce-graph/shapes#> .\n"
        "@prefix okg: <https://w3id.org/okoce-graph/ontology#> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        "okgsh:Misspelt a sh:NodeShape ; sh:targetClass okg:Persn ;\n"
        "    sh:property [ sh:path okg:neverThere ; sh:minCount 1 ] .\n"
        "okgsh:Holders a sh:NodeShape ; sh:targetSubjectsOf org:holds .\n",
        encoding="utf-8",
    )
    assert validate(seed_graph, shapes=shapes).conforms  # why the target check is needed
    assert shapes_without_targets(seed_graph, shapes=shapes) == ["okgsh:Misspelt"]


def test_the_issue_cases_have_broken_graphs() -> None:
    names = {path.stem for path in BROKEN_FILES}
    assert {
        "statement_without_evidence",
        "sentence_end_before_start",
        "date_not_xsd_date",
        "entity_without_label",
        "mention_two_referents",
        "holds_from_event",
    } <= names


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda path: path.stem)
def test_a_broken_graph_fails_with_its_messages_only(path: Path) -> None:
    expected = expected_messages(path)
    assert expected, f"{path.name} names no expected message"
    report = validate_dataset(path)
    assert not report.conforms
    messages = [v.message for v in report.errors]
    for text in expected:
        assert any(text in message for message in messages), (text, report.format())
    unexpected = [
        v.format() for v in report.violations if not any(t in v.message for t in expected)
    ]
    assert unexpected == []


def test_a_violation_is_one_readable_line_with_prefixed_names() -> None:
    report = validate_dataset(BROKEN / "date_impossible.nq")
    [violation] = report.violations
    assert violation.severity == "Violation"
    assert violation.focus == "id:event/festival-umkm-bogor-2022"
    assert violation.path == "schema:startDate"
    assert violation.value == '"2022-02-30"^^xsd:date'
    assert violation.shape == "okgsh:StartDateShape"
    assert violation.component == "sh:DatatypeConstraintComponent"
    assert report.format() == (
        "Violation: id:event/festival-umkm-bogor-2022 schema:startDate: A start date"
        ' (schema:startDate) is an ISO date typed xsd:date, e.g. "2021-10-24"^^xsd:date.'
        ' [value: "2022-02-30"^^xsd:date] (okgsh:StartDateShape)'
    )
    assert report.summary() == "the graph does not conform to the shapes (1 violation, 0 warnings)"


def test_a_warning_is_listed_but_the_graph_conforms() -> None:
    lines = (BROKEN / "end_before_start.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    # Make the end date a second start date: suspicious, not wrong.
    lines = [
        line.replace("https://schema.org/endDate", "https://schema.org/startDate") for line in lines
    ]
    report = validate_quads(lines)
    assert report.conforms, report.format()
    [warning] = report.warnings
    assert warning.severity == "Warning"
    assert "more than one start date" in warning.message
    assert report.format().startswith("Warning: id:event/festival-umkm-bogor-2022 schema:startDate")


def test_quads_are_checked_before_they_are_written(seed_graph: Path) -> None:
    lines = (seed_graph / "dataset.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    validate_quads(lines).check()  # conforms: no error
    without_hash = [line for line in lines if "ontology#contentHash>" not in line]
    with pytest.raises(OkoceError) as error:
        validate_quads(without_hash).check("the new graph")
    assert str(error.value) == (
        "the new graph does not conform to the shapes: Violation: id:article/000_afb27e7d89d54495"
        " okg:contentHash: An article has exactly one content hash (okg:contentHash)."
        " (okgsh:ArticleShape)"
    )
    without_evidence = [line for line in lines if "ontology#evidence>" not in line]
    with pytest.raises(OkoceError) as error:
        validate_quads(without_evidence).check("the new graph")
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("the new graph does not conform to the shapes: Violation: ")
    assert re.search(r" \(and \d+ more; run `okoce-graph validate`\)$", message)


def test_a_missing_dataset_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(OkoceError, match="run `okoce-graph build` first"):
        validate(tmp_path)
    with pytest.raises(OkoceError, match="run `okoce-graph build` first"):
        shapes_without_targets(tmp_path)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"<https://example.org/s> <https://example.org/p> .\n", "corrupt dataset"),
        (b'<https://example.org/s> <https://example.org/p> "unclosed .\n', "corrupt dataset"),
        (b"\xff\xfe<\x00a\x00>\x00", "corrupt dataset (not UTF-8)"),
        (b"", "empty dataset"),
        (b"# only a comment\n", "empty dataset"),
    ],
    ids=["missing-object", "unclosed-literal", "utf-16", "empty", "comment-only"],
)
def test_a_corrupt_dataset_is_a_one_line_error(tmp_path: Path, data: bytes, error: str) -> None:
    (tmp_path / "dataset.nq").write_bytes(data)
    with pytest.raises(OkoceError) as raised:
        validate(tmp_path)
    message = str(raised.value)
    assert error in message and "\n" not in message
    assert message.startswith(str(tmp_path / "dataset.nq"))


def test_importing_the_module_loads_neither_rdflib_nor_pyshacl() -> None:
    code = (
        "import sys, okoce_graph.shacl\n"
        "print(sorted(m for m in ('rdflib', 'pyshacl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def from_scratch(lines: list[str], shapes: Path | None = None) -> Report:
    """What validation was before the fast path: rdflib's N-Quads parser, a new shapes graph and
    a plain `pyshacl.validate`, with none of the module's caches."""
    import pyshacl
    from rdflib import Dataset, Graph

    dataset = Dataset()
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    dataset.parse(data=text, format="nquads")
    data = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    shapes_graph = Graph()
    for triple in Graph().parse(shapes or shapes_path(), format="turtle"):
        shapes_graph.add(triple)
    _, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        inplace=True,
    )
    return _report(results, shapes_graph)


def mutants(lines: list[str]) -> dict[str, list[str]]:
    """Broken variants of one article's lines, for many kinds of result at once."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    person = "<https://w3id.org/okoce-graph/id/person/x>"
    graph = "<https://w3id.org/okoce-graph/id/article/x> .\n"
    extra = [  # an unmentioned person whose name, with escapes, is tagged instead of plain
        f"{person} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        f" <https://w3id.org/okoce-graph/ontology#Person> {graph}",
        f'{person} <http://www.w3.org/2000/01/rdf-schema#label> "a \\"b\\"\\nc \\u00e9"@id {graph}',
    ]
    return {
        "every 7th line dropped": [line for i, line in enumerate(lines) if i % 7],
        "integers as strings": [line.replace(f"^^<{xsd}integer>", "") for line in lines],
        "starts as ends": [line.replace("oa#start>", "oa#end>", 1) for line in lines[::2]]
        + lines[1::2],
        "no types": [line for line in lines if "22-rdf-syntax-ns#type>" not in line],
        "dates and tags": [
            line.replace(f"{xsd}date>", f"{xsd}dateTime>").replace('"@id', '"@en') for line in lines
        ],
        "escapes and a comment": ["# a comment\n", *extra, *lines],
        "loose spacing": [
            line.replace("> <", ">  <", 1) if i % 5 == 0 else line for i, line in enumerate(lines)
        ],
    }


def test_the_fast_path_reports_what_a_from_scratch_run_reports(
    seed_graph: Path, corpus_graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = sorted(corpus_graph.glob("cache/*/*.nq"))[::6] + sorted(
        seed_graph.glob("cache/*/*.nq")
    )
    cases = {path.name: path.read_text(encoding="utf-8").splitlines(True) for path in articles}
    first = cases[articles[0].name]
    cases |= mutants(first)
    assert _fast_triples(cases["escapes and a comment"]) is not None  # read directly
    assert _fast_triples(cases["loose spacing"]) is None  # left to rdflib's parser
    cases |= {path.name: path.read_text(encoding="utf-8").splitlines(True) for path in BROKEN_FILES}
    # Shapes whose results carry pySHACL's own messages (no sh:message) naming data terms.
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix okg: <https://w3id.org/okoce-graph/ontology#> .\n"
        "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
        "<s#Spans> a sh:NodeShape ; sh:targetClass okg:Mention ;\n"
        "    sh:property [ sh:path okg:refersTo ; sh:class okg:Place ] ,\n"
        "        [ sh:path oa:start ; sh:maxInclusive 10 ] .\n",
        encoding="utf-8",
    )
    fast = {name: validate_quads(lines) for name, lines in cases.items()}
    fast_custom = validate_quads(first, shapes=shapes)
    # pySHACL's stock constraint map, not the one the fast path installs.
    import pyshacl.shape

    monkeypatch.delattr(pyshacl.shape, "CONSTRAINT_PARAMS")
    kinds = set()
    for name, lines in cases.items():
        expected = from_scratch(lines)
        # Violations compare on all but `component`: which of two constraints failing with
        # one message is named depends on pySHACL's order of results, in both paths.
        assert fast[name] == expected, name
        kinds |= {v.component for v in expected.violations}
    assert fast_custom == from_scratch(first, shapes)
    assert fast_custom.violations and "Place" in fast_custom.format()
    assert len(kinds) >= 10  # the cases cover many kinds of constraint
