"""Score the facts table of a built graph against gold rows of the same shape.

A predicted row matches a gold row of the same article and kind when the subject and object name
the same things: names are compared normalised (case, punctuation, "Pemprov" = "Pemerintah
Provinsi"), a name matches any form the article writes for that entity ("Rina" or "Rina Lestari"),
quotations match when nearly identical (whitespace and edge punctuation aside), figures match on
their number, and collaborations and alternate names match in either direction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OkoceError
from .facts_table import facts
from .resolution import normalise
from .sparql import select

BAR_KINDS = (
    "entity",
    "position",
    "attended",
    "renamed",
    "collaborates",
    "event_date",
    "event_place",
    "quote",
    "alias",
)
SYMMETRIC = ("collaborates", "alias")
QUOTE_SIMILARITY = 90

WRITTEN_FORMS = """
SELECT ?article ?iri ?form WHERE {
  GRAPH ?g { ?m okg:refersTo ?iri ; oa:exact ?form . ?g schema:identifier ?article }
}
"""


@dataclass
class Score:
    kind: str
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: list[Score]  # per kind, then "micro (bar kinds)" and "micro (all)"
    missed: list[dict[str, Any]]
    wrong: list[dict[str, Any]]


def load_gold(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            try:
                lines = file.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise OkoceError(f"{file}: cannot read gold file ({exc})") from None
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise OkoceError(f"{file}:{number}: not JSON ({exc.msg})") from None
                missing = {"kind", "subject", "object", "article"} - set(row)
                if missing:
                    raise OkoceError(f"{file}:{number}: missing {', '.join(sorted(missing))}")
                rows.append(row)
    if not rows:
        raise OkoceError("no gold rows")
    return rows


def _forms(graph_dir: Path) -> dict[tuple[str, str], set[str]]:
    forms: dict[tuple[str, str], set[str]] = {}
    for article, iri, form in select(graph_dir, WRITTEN_FORMS).values():
        forms.setdefault((article, iri), set()).add(normalise(form))
    return forms


def _names(row: dict[str, Any], side: str, forms: dict[tuple[str, str], set[str]]) -> set[str]:
    names = {normalise(str(row[side]))}
    iri = row.get(f"{side}_iri")
    if iri:
        names |= forms.get((row["article"], iri), set())
    return names


def _matches(
    gold: dict[str, Any], pred: dict[str, Any], forms: dict[tuple[str, str], set[str]]
) -> bool:
    from rapidfuzz import fuzz

    kind = gold["kind"]

    def same(g_side: str, p_side: str) -> bool:
        g = normalise(str(gold[g_side]))
        if kind == "quote" and g_side == "object":
            return fuzz.ratio(g, normalise(str(pred[p_side]))) >= QUOTE_SIMILARITY
        if kind == "quantity" and g_side == "object":
            return str(gold["object"]).strip() == str(pred["object"]).strip()
        if kind == "entity" and g_side == "object":
            return g == normalise(str(pred["object"]))
        return g in _names(pred, p_side, forms)

    if same("subject", "subject") and same("object", "object"):
        return True
    return kind in SYMMETRIC and same("subject", "object") and same("object", "subject")


def evaluate(gold_rows: list[dict[str, Any]], graph_dir: Path | str) -> Evaluation:
    graph_dir = Path(graph_dir)
    predicted = facts(graph_dir)
    forms = _forms(graph_dir)
    articles = {g["article"] for g in gold_rows}
    unknown = articles - {p["article"] for p in predicted}
    if unknown:
        raise OkoceError(
            f"gold names articles not in the graph: {', '.join(sorted(unknown))}; build them first"
        )
    predicted = [p for p in predicted if p["article"] in articles]
    kinds = sorted({g["kind"] for g in gold_rows} | {p["kind"] for p in predicted})
    scores, missed, wrong = [], [], []
    for kind in kinds:
        gold_k = [g for g in gold_rows if g["kind"] == kind]
        pred_k = [p for p in predicted if p["kind"] == kind]
        used: set[int] = set()
        hits = 0
        for g in gold_k:
            match = next(
                (
                    i
                    for i, p in enumerate(pred_k)
                    if i not in used and p["article"] == g["article"] and _matches(g, p, forms)
                ),
                None,
            )
            if match is None:
                missed.append(g)
            else:
                used.add(match)
                hits += 1
        wrong += [p for i, p in enumerate(pred_k) if i not in used]
        scores.append(Score(kind, hits, len(pred_k), len(gold_k)))
    for name, selected in (("micro (bar kinds)", BAR_KINDS), ("micro (all)", tuple(kinds))):
        chosen = [s for s in scores if s.kind in selected]
        scores.append(
            Score(
                name,
                sum(s.true_positives for s in chosen),
                sum(s.predicted for s in chosen),
                sum(s.gold for s in chosen),
            )
        )
    return Evaluation(scores, missed, wrong)


def format_scores(evaluation: Evaluation) -> str:
    lines = [
        f"{'kind':<20} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"
    ]
    for s in evaluation.scores:
        lines.append(
            f"{s.kind:<20} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} "
            f"{s.true_positives:>5} {s.predicted:>5} {s.gold:>5}"
        )
    return "\n".join(lines) + "\n"
