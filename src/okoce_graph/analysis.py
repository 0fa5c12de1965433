"""The graph as a networkx network of entities: nodes are people, organisations, places, events
and programmes; edges are the facts that link two of them, each with its evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .facts import facts

RELATION_LABELS: dict[str, tuple[str, str]] = {
    "attended": ("menghadiri", "attended"),
    "planned_attendance": ("dijadwalkan hadir", "planned to attend"),
    "absent": ("tidak hadir di", "absent from"),
    "represented_by": ("diwakili oleh", "represented by"),
    "renamed": ("berganti nama menjadi", "renamed to"),
    "collaborates": ("bekerja sama dengan", "collaborates with"),
    "event_place": ("bertempat di", "held at"),
    "event_date": ("tanggal", "date"),
    "event_end_date": ("sampai tanggal", "until"),
    "position": ("menjabat", "holds post"),
    "quote": ("mengatakan", "said"),
    "alias": ("disebut juga", "also called"),
    "quantity": ("menyebut angka", "claimed figure"),
}


def network(graph_dir: Path, lang: str = "id", store: Any = None) -> Any:
    """A networkx MultiDiGraph of the built graph's entities and the facts between them."""
    import networkx as nx

    rows = facts(graph_dir, store)
    graph = nx.MultiDiGraph()
    language = 0 if lang == "id" else 1
    for row in rows:
        if row["kind"] == "entity":
            graph.add_node(row["subject_iri"], label=row["subject"], type=row["object"], facts=[])
    for row in rows:
        if row["kind"] == "entity" or row["subject_iri"] not in graph:
            continue
        label_id, label_en = RELATION_LABELS.get(row["kind"], (row["kind"], row["kind"]))
        other = row["object"] + (f" {row['unit']}" if row.get("unit") else "")
        fact = {
            "relation": (label_id, label_en)[language],
            "other": other,
            "evidence": row["evidence"],
            "article": row["article"],
            "start": row["start"],
            "end": row["end"],
        }
        graph.nodes[row["subject_iri"]]["facts"].append(fact)
        if row["object_iri"] in graph:
            graph.nodes[row["object_iri"]]["facts"].append({**fact, "other": row["subject"]})
            graph.add_edge(
                row["subject_iri"],
                row["object_iri"],
                key=f"{row['kind']}:{row['article']}:{row['start']}",
                relation=row["kind"],
                label_id=label_id,
                label_en=label_en,
                evidence=row["evidence"],
                article=row["article"],
                start=row["start"],
                end=row["end"],
            )
    return graph
