"""The networkx view: projection, selection, statistics, paths; and the viz/stats/path commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from okoce_graph.analysis import network, select_subgraph, shortest_path, stats
from okoce_graph.cli import main

EVENT = "Malam Apresiasi Jakpreneur Fest 2021"
PERSON = "https://w3id.org/okoce-graph/id/person/"


def test_network_links_people_to_events_and_posts_to_their_bodies(seed_graph: Path) -> None:
    graph = network(seed_graph)
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    edges = {(labels[a], d["relation"], labels[b]) for a, b, d in graph.edges(data=True)}
    assert ("Anies Baswedan", "attended", EVENT) in edges
    assert ("Anies Baswedan", "position", "DKI Jakarta") in edges
    assert ("OK OCE", "renamed", "Jakpreneur") in edges
    iim = graph.nodes[PERSON + "iim-rusyamsi"]
    assert sum(f["relation"] == "mengatakan" for f in iim["facts"]) == 4


def test_stats(seed_graph: Path) -> None:
    figures = stats(network(seed_graph), top=3)
    assert figures["by_type"] == {"Event": 1, "Organization": 3, "Person": 5, "Place": 6,
                                  "Program": 2}
    assert figures["degree"][0][:2] == (EVENT, "Event")
    assert figures["betweenness"][0][:2] == (EVENT, "Event")
    assert sum(figures["component_sizes"]) <= figures["nodes"]


def test_selection_says_what_it_left_out(seed_graph: Path) -> None:
    graph = network(seed_graph)
    around = select_subgraph(graph, focus=PERSON + "iim-rusyamsi", depth=1)
    assert {d["label"] for _, d in around.graph.nodes(data=True)} == {
        "Iim Rusyamsi", EVENT, "OK OCE"}
    people = select_subgraph(graph, types={"Person"}, max_nodes=2)
    assert people.graph.number_of_nodes() == 2
    assert people.left_out_nodes == graph.number_of_nodes() - 2
    assert people.reason == "kept the 2 most connected of 5 nodes"


def test_shortest_path_has_evidence_for_each_step(seed_graph: Path) -> None:
    steps = shortest_path(network(seed_graph), PERSON + "teten-masduki",
                          "https://w3id.org/okoce-graph/id/place/kabupaten-jember")
    assert [s["relation"] for s in steps] == ["attended", "attended", "position", "collaborates"]
    assert steps[-1]["subject"] == "OK OCE" and steps[-1]["object"] == "Kabupaten Jember"
    assert all(s["evidence"] and s["article"] for s in steps)


def test_viz_command_options(seed_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(seed_graph), "-o", str(out),
                                       "--focus", "Iim", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "left out 14 nodes" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert '"attended"' in page and '"menghadiri"' not in page

    query = tmp_path / "people.rq"
    query.write_text("SELECT ?p WHERE { ?p a okg:Person }", encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", "--graph", str(seed_graph), "-o", str(out),
                                       "--query", str(query)])
    assert result.exit_code == 0 and re.search(r"wrote .*: 5 nodes, 0 edges", result.stderr)

    bad = CliRunner().invoke(main, ["viz", "--graph", str(seed_graph), "--types", "Persons"])
    assert bad.exit_code == 1 and "unknown type Persons" in bad.output


def test_stats_and_path_commands(seed_graph: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--graph", str(seed_graph), "--top", "2"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "17 entities, 15 links, 3 connected components (largest: 14, 2)")
    result = CliRunner().invoke(main, ["path", "Teten Masduki", "Kota Ponorogo", "--graph",
                                       str(seed_graph)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == f"1. Teten Masduki —menghadiri→ {EVENT}"
    apart = CliRunner().invoke(main, ["path", "Teten Masduki", "Jakarta", "--graph",
                                      str(seed_graph)])
    assert apart.exit_code == 1 and "no chain of facts links" in apart.output


def test_html_data_lists_every_node(seed_graph: Path) -> None:
    page = (seed_graph / "graph.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="okg-data">(.*?)</script>', page, re.S)
    assert match is not None
    assert len(json.loads(match.group(1))["nodes"]) == network(seed_graph).number_of_nodes()
