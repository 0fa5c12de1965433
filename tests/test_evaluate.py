"""Scoring against gold: the matching rules, and the extractor's floor on the written corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okoce_graph.errors import OkoceError
from okoce_graph.pipeline import build
from okoce_graph.scoring import evaluate, load_gold

from .conftest import CORPUS, ROOT


def micro(result, name: str = "micro (bar kinds)"):  # type: ignore[no-untyped-def]
    return next(s for s in result.scores if s.kind == name)


def test_seed_gold_is_recovered(seed_graph: Path) -> None:
    result = evaluate(load_gold([ROOT / "data" / "gold"]), seed_graph)
    score = micro(result)
    assert score.recall == 1.0 and score.precision >= 0.95
    # "Pemprov DKI Jakarta" in the gold matches the entity labelled with its fullest form.
    assert not [m for m in result.missed if m["kind"] == "collaborates"]


def test_written_corpus_stays_above_its_measured_floor(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    build([CORPUS / "articles"], out, html=False)
    score = micro(evaluate(load_gold([CORPUS / "gold"]), out))
    # Measured 2026-11-30 on the 56 articles after the rules that 301-310 prompted (they moved
    # in from the third held-out set at precision 0.958, recall 0.928): precision 0.987, recall
    # 0.981; a regression fails here.
    assert score.precision >= 0.984 and score.recall >= 0.978


def test_wrong_and_missing_rows_are_counted(seed_graph: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"kind": "attended", "subject": "Anies", "object": "Malam Apresiasi Jakpreneur Fest 2021",
         "article": "000_afb27e7d89d54495"},
        {"kind": "attended", "subject": "Nobody Here", "object": "Malam Apresiasi Jakpreneur "
         "Fest 2021", "article": "000_afb27e7d89d54495"},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    attended = next(s for s in evaluate(load_gold([gold]), seed_graph).scores
                    if s.kind == "attended")
    # "Anies" is not a written form of Anies Baswedan in this article: no match either.
    assert (attended.true_positives, attended.predicted, attended.gold) == (0, 5, 2)


def test_bad_gold_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "entity"}\n', encoding="utf-8")
    with pytest.raises(OkoceError, match="missing"):
        load_gold([bad])
