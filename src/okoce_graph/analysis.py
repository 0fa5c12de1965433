"""The graph as a networkx network of entities: nodes are people, organisations, places, events
and programmes; edges are the facts that link two of them, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from .facts_table import facts
from .sparql import select

POST_UNITS = "SELECT DISTINCT ?post ?unit WHERE { ?post org:postIn|okg:postInRegion ?unit }"

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


def network(graph_dir: Path | str, lang: str = "id", store: Any = None) -> Any:
    """A networkx MultiDiGraph of the built graph's entities and the facts between them."""
    graph_dir = Path(graph_dir)
    import networkx as nx

    rows = facts(graph_dir, store, every_entity=True)
    post_units = dict(select(graph_dir, POST_UNITS, store).values())
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
        if row["kind"] == "position" and post_units.get(row["object_iri"]) in graph:
            # A post links its holder to the body or region it belongs to.
            label_id = label_en = row["object"]
            row = {**row, "object_iri": post_units[row["object_iri"]]}
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


@dataclass
class Selection:
    graph: Any
    left_out_nodes: int = 0
    left_out_edges: int = 0
    reason: str = ""


def select_subgraph(
    graph: Any,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: set[str] | None = None,
    nodes: set[str] | None = None,
    max_nodes: int | None = None,
) -> Selection:
    """The part of the network to draw: around `focus`, of some `types`, among `nodes`, and at
    most `max_nodes` of the most connected, saying what was left out."""
    import networkx as nx

    keep = set(graph)
    if nodes is not None:
        keep &= nodes
    if types:
        keep = {n for n in keep if graph.nodes[n].get("type") in types}
    if focus is not None:
        around = nx.ego_graph(graph.to_undirected(as_view=True), focus, radius=depth)
        keep &= set(around)
    sub = graph.subgraph(keep)
    reason = ""
    if max_nodes is not None and len(keep) > max_nodes:
        ranked = sorted(sub.degree, key=lambda item: (-item[1], item[0]))
        keep = {n for n, _ in ranked[:max_nodes]}
        reason = f"kept the {max_nodes} most connected of {sub.number_of_nodes()} nodes"
        sub = graph.subgraph(keep)
    return Selection(
        graph=sub.copy(),
        left_out_nodes=graph.number_of_nodes() - sub.number_of_nodes(),
        left_out_edges=graph.number_of_edges() - sub.number_of_edges(),
        reason=reason,
    )


def stats(graph: Any, top: int = 10, sample: int = 500, seed: int = 42) -> dict[str, Any]:
    """Counts by type, the most connected and most between entities, connected components.
    Betweenness is estimated from `sample` sources on graphs larger than that (fixed seed)."""
    import networkx as nx

    undirected = nx.Graph(graph)
    by_type: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        by_type[data.get("type", "Other")] = by_type.get(data.get("type", "Other"), 0) + 1
    k = sample if undirected.number_of_nodes() > sample else None
    betweenness = nx.betweenness_centrality(undirected, k=k, seed=seed)
    degree = dict(undirected.degree)

    def ranked(scores: dict[str, float]) -> list[tuple[str, str, float]]:
        order = sorted(scores, key=lambda n: (-scores[n], graph.nodes[n]["label"], n))[:top]
        return [(graph.nodes[n]["label"], graph.nodes[n]["type"], scores[n]) for n in order]

    components = sorted((len(c) for c in nx.connected_components(undirected)), reverse=True)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "by_type": dict(sorted(by_type.items())),
        "degree": ranked({n: float(d) for n, d in degree.items()}),
        "betweenness": ranked(betweenness),
        "betweenness_sampled": k is not None,
        "components": len(components),
        "component_sizes": components[:top],
    }


def shortest_path(graph: Any, source: str, target: str) -> list[dict[str, Any]]:
    """The shortest chain of facts linking two entities, each step with its evidence."""
    import networkx as nx

    undirected = nx.MultiGraph(graph)
    try:
        nodes = nx.shortest_path(undirected, source, target)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for a, b in pairwise(nodes):
        forward = graph.get_edge_data(a, b) or {}
        backward = graph.get_edge_data(b, a) or {}
        _, data, reverse = min(
            [(k, d, False) for k, d in forward.items()]
            + [(k, d, True) for k, d in backward.items()],
            key=lambda item: str(item[0]),
        )
        subject, obj = (b, a) if reverse else (a, b)
        steps.append(
            {
                "subject": graph.nodes[subject]["label"],
                "relation": data["relation"],
                "label_id": data["label_id"],
                "label_en": data["label_en"],
                "object": graph.nodes[obj]["label"],
                "evidence": data["evidence"],
                "article": data["article"],
                "start": data["start"],
                "end": data["end"],
            }
        )
    return steps
