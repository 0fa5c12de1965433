"""Whole builds: reproducible bytes, stable IRIs, RDF shape, and nothing lost on bad input."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from okoce_graph.dataset import DATASET, _coalesce, write_dataset
from okoce_graph.errors import OkoceError
from okoce_graph.pipeline import build

from .conftest import SEED, SEED_DIR, write_article

OTHER = (
    "Bupati Sidoarjo Resmikan Sentra UMKM\n\n"
    "SIDOARJO - Peluncuran Sentra Kuliner Delta 2023 digelar di Pendopo Delta Wibawa pada "
    "Senin, 6 Februari 2023. Acara tersebut dihadiri oleh Bupati Sidoarjo Bambang Prasetyo.\n"
)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build([SEED_DIR], tmp_path / "a", html=True)
    build([SEED_DIR], tmp_path / "b", html=True)
    for name in ("dataset.nq", "graph.html", "merges.jsonl", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_dataset_has_one_named_graph_per_article_and_no_blank_nodes(seed_graph: Path) -> None:
    dataset = Dataset()
    dataset.parse(seed_graph / "dataset.nq", format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert not any(t.__class__.__name__ == "BNode" for triple in union for t in triple)
    graphs = {g for _, _, _, g in dataset.quads()}
    assert [str(g) for g in graphs] == [
        "https://w3id.org/okoce-graph/id/article/000_afb27e7d89d54495"
    ]


def seed_and_other(tmp_path: Path, other: bool = True) -> Path:
    """A folder of articles: the seed and, unless asked not to, another short article."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    if other:
        write_article(corpus, "zz_sidoarjo.txt", OTHER)
    return corpus


def test_adding_an_article_keeps_iris_and_the_first_article_graph(tmp_path: Path) -> None:
    corpus = seed_and_other(tmp_path, other=False)
    build([corpus], tmp_path / "one", html=False)
    write_article(corpus, "zz_sidoarjo.txt", OTHER)
    build([corpus], tmp_path / "two", html=False)
    one = (tmp_path / "one" / "dataset.nq").read_text(encoding="utf-8").splitlines()
    two = (tmp_path / "two" / "dataset.nq").read_text(encoding="utf-8").splitlines()
    seed_graph = "<https://w3id.org/okoce-graph/id/article/000_afb27e7d89d54495> ."
    assert [line for line in two if line.endswith(seed_graph)] == one


def test_same_person_in_two_articles_is_one_node(tmp_path: Path) -> None:
    from okoce_graph.facts_table import facts

    first = OTHER
    second = (
        "Pasar Murah Sidoarjo\n\nSIDOARJO - Bazar Ramadan 2023 digelar di Alun-alun Sidoarjo "
        "pada Sabtu, 1 April 2023. Acara itu dibuka oleh H. Bambang Prasetyo.\n"
    )
    corpus = tmp_path / "articles"
    write_article(corpus, "a.txt", first)
    write_article(corpus, "b.txt", second)
    build([corpus], tmp_path / "out", html=False)
    iris = {
        r["subject_iri"]
        for r in facts(tmp_path / "out")
        if r["kind"] == "entity" and r["subject"] == "Bambang Prasetyo"
    }
    assert iris == {"https://w3id.org/okoce-graph/id/person/bambang-prasetyo"}


def _raw(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing", "no such file or folder"),
        (lambda d: (d / "empty_dir").mkdir() or d / "empty_dir", "no articles"),
        (lambda d: write_article(d, "empty.txt", ""), "empty article"),
        (lambda d: _raw(d / "bin.txt", b"\x00\x01\x02"), "binary"),
        (lambda d: _raw(d / "l1.txt", b"Caf\xe9 Bupati"), "not UTF-8"),
    ],
)
def test_bad_input_fails_before_touching_the_previous_build(
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "build"
    build([SEED_DIR], out, html=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = make(tmp_path)
    with pytest.raises(OkoceError, match=message):
        build([bad], out, html=False)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before


def test_every_fact_triple_is_reified_with_evidence(tmp_path: Path) -> None:
    from okoce_graph.mapping import PREDICATES
    from okoce_graph.sparql import select

    from .conftest import CORPUS

    build([CORPUS / "articles"], tmp_path / "c", html=False)
    for kind, predicate in PREDICATES.items():
        bare = select(
            tmp_path / "c",
            f"""SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o
                  FILTER NOT EXISTS {{ ?st rdf:subject ?s ; rdf:predicate <{predicate}> ;
                                          rdf:object ?o ; okg:evidence ?span }} }} }}""",
        ).rows
        assert bare == [], kind


def test_rebuild_redoes_only_changed_articles_and_drops_removed_ones(
    tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    from okoce_graph import pipeline

    corpus = seed_and_other(tmp_path)
    out = tmp_path / "out"
    first = build([corpus], out, html=False)
    assert first.reused == 0

    computed: list[str] = []
    real = pipeline.compute
    monkeypatch.setattr(pipeline, "compute", lambda s: computed.append(s.id) or real(s))
    write_article(corpus, "zz_sidoarjo.txt", OTHER.replace("Bambang", "Bambang Heru"))
    write_article(corpus, "zz_new.txt", OTHER.replace("Sidoarjo", "Gresik"))
    second = build([corpus], out, html=False)
    assert sorted(computed) == ["zz_new", "zz_sidoarjo"] and second.reused == 1

    (corpus / "zz_new.txt").unlink()
    build([corpus], out, html=False)
    graphs = {line.rsplit(" ", 2)[-2] for line in
              (out / "dataset.nq").read_text(encoding="utf-8").splitlines()}
    assert graphs == {"<https://w3id.org/okoce-graph/id/article/000_afb27e7d89d54495>",
                      "<https://w3id.org/okoce-graph/id/article/zz_sidoarjo>"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in manifest["articles"]] == ["000_afb27e7d89d54495", "zz_sidoarjo"]
    assert {"rdflib", "pyoxigraph"} <= set(manifest["versions"])


def test_parallel_builds_give_the_same_bytes_and_report_progress(tmp_path: Path) -> None:
    from .conftest import CORPUS

    ticks: list[int] = []
    one = build([CORPUS / "articles"], tmp_path / "one", html=False, validate=False)
    two = build([CORPUS / "articles"], tmp_path / "two", html=False, validate=False, jobs=2,
                progress=ticks.append)
    assert sum(ticks) == len(one.articles) == len(two.articles)
    assert (tmp_path / "one" / "dataset.nq").read_bytes() == (
        tmp_path / "two" / "dataset.nq").read_bytes()


def test_the_store_follows_the_dataset(tmp_path: Path) -> None:
    from okoce_graph.sparql import run_query

    corpus = tmp_path / "articles"
    write_article(corpus, "a.txt", OTHER)
    build([SEED_DIR], tmp_path / "seed", html=False)
    build([corpus], tmp_path / "other", html=False)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a okg:Article }"
    assert run_query(tmp_path / "seed", count).values() == [(1,)]
    # The dataset is the source of truth: replace it, and the store is rebuilt from it.
    lines = (tmp_path / "other" / "dataset.nq").read_text(encoding="utf-8")
    with (tmp_path / "seed" / "dataset.nq").open("a", encoding="utf-8") as dataset:
        dataset.write(lines)
    assert run_query(tmp_path / "seed", count).values() == [(2,)]


def store_quads(graph_dir: Path) -> set[str]:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(graph_dir / "store"))
    return {f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n" for q in store}


def test_a_small_change_updates_the_previous_store_to_exactly_the_new_dataset(
    tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    from okoce_graph import dataset

    corpus = seed_and_other(tmp_path)
    write_article(corpus, "zz_gresik.txt", OTHER.replace("Sidoarjo", "Gresik"))
    out = tmp_path / "out"
    build([corpus], out, html=False)

    updated: list[bool] = []
    real = dataset.StoreWriter.finish
    monkeypatch.setattr(dataset.StoreWriter, "finish",
                        lambda self, digest: updated.append(self.updating) or real(self, digest))
    write_article(corpus, "zz_sidoarjo.txt", OTHER.replace("Bambang", "Bambang Heru"))
    write_article(corpus, "zz_tuban.txt", OTHER.replace("Sidoarjo", "Tuban"))
    (corpus / "zz_gresik.txt").unlink()
    build([corpus], out, html=True)
    assert updated == [True]  # a copy of the previous store, updated
    lines = set((out / "dataset.nq").read_text(encoding="utf-8").splitlines(keepends=True))
    assert store_quads(out) == lines
    assert "Bambang Heru" in "".join(lines) and "Gresik" not in "".join(lines)

    # A store that does not match the previous dataset is never updated: it is reloaded.
    (out / "store" / "dataset.json").write_text("{}", encoding="utf-8")
    write_article(corpus, "zz_tuban.txt", OTHER.replace("Sidoarjo", "Lamongan"))
    build([corpus], out, html=False)
    assert updated == [True, False]
    lines = set((out / "dataset.nq").read_text(encoding="utf-8").splitlines(keepends=True))
    assert store_quads(out) == lines


def test_cached_articles_built_without_validation_are_validated_when_asked(
    tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    from okoce_graph import pipeline

    real = pipeline.to_nquads_lines
    monkeypatch.setattr(pipeline, "to_nquads_lines", lambda resolution, content_hash: [
        line for line in real(resolution, content_hash) if "ontology#contentHash>" not in line])
    out = tmp_path / "out"
    build([SEED_DIR], out, html=False, validate=False)
    monkeypatch.undo()
    with pytest.raises(OkoceError) as error:  # the cached, unvalidated graph is checked now
        build([SEED_DIR], out, html=False)
    assert "(1 violation in 1 article)" in str(error.value)
    assert "okg:contentHash" in error.value.details  # type: ignore[attr-defined]


@pytest.mark.parametrize("copied_before_failing", [None, 0, 5])
def test_the_dataset_is_the_parts_in_order_however_the_kernel_copy_fares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copied_before_failing: int | None
) -> None:
    parts = []
    for i, text in enumerate(["<a> <b> <c> <g1> .\n" * 3, "", "<d> <e> \"f\" <g2> .\n" * 7]):
        parts.append(tmp_path / f"part{i}.nq")
        parts[-1].write_text(text, encoding="utf-8")
    expected = b"".join(p.read_bytes() for p in parts)
    if copied_before_failing is not None:
        real = os.copy_file_range

        def failing(src: int, dst: int, count: int) -> int:
            # Copies a few bytes of the first part, then fails as on a file system without it.
            if os.lseek(dst, 0, os.SEEK_CUR) < (copied_before_failing or 0):
                return real(src, dst, copied_before_failing or 0)
            raise OSError(errno.EXDEV, "cross-device")

        monkeypatch.setattr(os, "copy_file_range", failing)
    digest = write_dataset(tmp_path, [(p, 0, p.stat().st_size) for p in parts])
    assert (tmp_path / DATASET).read_bytes() == expected
    assert digest == hashlib.sha256(expected).hexdigest()


def test_a_rebuild_copies_unchanged_articles_from_the_previous_dataset_when_it_is_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okoce_graph import pipeline

    corpus = seed_and_other(tmp_path)
    for town in ("Gresik", "Tuban", "Lamongan"):
        write_article(corpus, f"zz_{town.lower()}.txt", OTHER.replace("Sidoarjo", town))
    out = tmp_path / "out"
    build([corpus], out, html=False)
    sources: list[list[Path]] = []
    real = pipeline.write_dataset

    def spy(graph_dir: Path, pieces: list[tuple[Path, int, int]]) -> str:
        sources.append([path for path, _, _ in _coalesce(pieces)])
        return real(graph_dir, pieces)

    monkeypatch.setattr(pipeline, "write_dataset", spy)

    def rebuild_matches_a_fresh_build() -> bool:
        build([corpus], out, html=False)
        fresh = tmp_path / f"fresh{len(sources)}"
        build([corpus], fresh, html=False)
        return (out / DATASET).read_bytes() == (fresh / DATASET).read_bytes()

    write_article(corpus, "zz_kediri.txt", OTHER.replace("Sidoarjo", "Kediri"))  # in the middle
    (corpus / "zz_tuban.txt").unlink()
    assert rebuild_matches_a_fresh_build()
    assert sources[0].count(out / DATASET) == 2  # the runs before and after the new one
    # A dataset touched since its build is not trusted: every article from its cache file.
    with (out / DATASET).open("a", encoding="utf-8") as dataset:
        dataset.write("")
    os.utime(out / DATASET, ns=(1, 1))
    write_article(corpus, "zz_blitar.txt", OTHER.replace("Sidoarjo", "Blitar"))
    assert rebuild_matches_a_fresh_build()
    assert out / DATASET not in sources[2]


def test_the_cache_survives_failed_and_killed_builds_and_keeps_only_current_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okoce_graph import pipeline

    corpus = seed_and_other(tmp_path)
    out = tmp_path / "out"
    build([corpus], out, html=False)
    computed: list[str] = []
    real_compute = pipeline.compute
    monkeypatch.setattr(pipeline, "compute", lambda s: computed.append(s.id) or real_compute(s))

    def fails(*args: object) -> str:
        raise OkoceError("disk full")

    with monkeypatch.context() as patch:  # a build that fails after taking the cache
        patch.setattr(pipeline, "write_dataset", fails)
        with pytest.raises(OkoceError):
            build([corpus], out, html=False)
    assert build([corpus], out, html=False).reused == 2 and computed == []

    # A build killed (by a dead process's id) while it held the cache in its staging folder.
    cache = out / "cache" / pipeline.fingerprint()
    stale = tmp_path / ".out.staging-99999999"
    (stale / "cache").mkdir(parents=True)
    os.replace(cache, stale / "cache" / cache.name)
    assert build([corpus], out, html=False).reused == 2 and computed == []
    assert not stale.exists()

    write_article(corpus, "zz_sidoarjo.txt", OTHER.replace("Bambang", "Bambang Heru"))
    build([corpus], out, html=False)
    assert computed == ["zz_sidoarjo"]
    assert len([p for p in cache.iterdir() if p.suffix == ".nq"]) == 2  # the old version gone
