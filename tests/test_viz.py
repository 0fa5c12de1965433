"""Tests for the offline HTML network view (okoce_graph.viz).

The browser tests drive headless Chromium (Debian package ``chromium``) with ``--dump-dom`` and
the page's ``#okg-test=<term>`` self-test, which writes its results into ``#okg-status``. They
fail, rather than skip, when Chromium is missing.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from okoce_graph import viz

from .viz_support import TYPES, chromium_executable, load_in_chromium, random_graph

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(1)</script>"


# --------------------------------------------------------------------------------------------
# graphs


def _edge(g: nx.MultiDiGraph, u: str, v: str, rel: str, lid: str, len_: str, ev: str) -> None:
    g.add_edge(
        u,
        v,
        relation=rel,
        label_id=lid,
        label_en=len_,
        evidence=ev,
        article="a1",
        start=0,
        end=len(ev),
    )


def small_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """Five types, two XSS-named nodes, a reciprocal pair of edges."""
    nodes: list[tuple[str, dict[str, Any]]] = [
        (
            "https://okoce.example/e/jokowi",
            {
                "label": "Joko Widodo",
                "type": "Person",
                "facts": [
                    {
                        "relation": "menghadiri",
                        "other": "KTT G20",
                        "evidence": "Joko Widodo menghadiri KTT G20 di Bali.",
                        "article": "art-1",
                        "start": 0,
                        "end": 39,
                    }
                ],
            },
        ),
        ("https://okoce.example/e/g20", {"label": "KTT G20", "type": "Event", "facts": []}),
        ("https://okoce.example/e/bali", {"label": "Bali", "type": "Place", "facts": []}),
        ("https://okoce.example/e/okoce", {"label": "OK OCE", "type": "Program", "facts": []}),
        ("https://okoce.example/e/pemprov", {"label": "Pemprov DKI", "type": "Organization"}),
        (
            "https://okoce.example/e/xss",
            {
                "label": XSS_IMG,
                "type": "Other",
                "facts": [
                    {
                        "relation": "<b>bekerja sama</b>",
                        "other": XSS_SCRIPT,
                        "evidence": "<img src=x onerror=alert(2)> \u2028 & </script>",
                        "article": "art<2>",
                        "start": 1,
                        "end": 2,
                    }
                ],
            },
        ),
        ("https://okoce.example/e/xss2", {"label": XSS_SCRIPT, "type": "Person"}),
    ]
    e = "https://okoce.example/e/"
    edges = [
        (
            e + "jokowi",
            e + "g20",
            "attended",
            "menghadiri",
            "attended",
            "Joko Widodo menghadiri KTT G20 di Bali.",
        ),
        (
            e + "g20",
            e + "bali",
            "event_place",
            "bertempat di",
            "took place in",
            "KTT G20 digelar di Bali.",
        ),
        (
            e + "pemprov",
            e + "okoce",
            "organizer",
            "menyelenggarakan",
            "organizes",
            "Pemprov DKI menyelenggarakan OK OCE.",
        ),
        (e + "okoce", e + "pemprov", "member_of", "bagian dari", "part of", "OK OCE milik DKI."),
        (
            e + "xss",
            e + "xss2",
            "collaborates",
            "<img src=x onerror=alert(3)>",
            "collaborates",
            "</script><img src=x onerror=alert(4)>",
        ),
        (e + "xss", e + "jokowi", "collaborates", "bekerja sama", "collaborates with", "…"),
    ]
    g = nx.MultiDiGraph()
    for iri, attrs in reversed(nodes) if reverse else nodes:
        g.add_node(iri, **attrs)
    for u, v, rel, lid, len_, ev in reversed(edges) if reverse else edges:
        _edge(g, u, v, rel, lid, len_, ev)
    return g


@pytest.fixture(scope="module")
def big_graph() -> nx.MultiDiGraph:
    return random_graph()


# --------------------------------------------------------------------------------------------
# helpers


def _data(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="okg-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


def _outside_library(page: str) -> str:
    lib = viz._vis_js()
    assert page.count(lib) == 1, "vis-network must be inlined exactly once"
    return page.replace(lib, "")


# --------------------------------------------------------------------------------------------
# unit tests


def test_writes_one_utf8_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    viz.render_html(small_graph(), out, title="Uji")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left
    page = out.read_bytes().decode("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert '<meta charset="utf-8">' in page
    viz.render_html(small_graph(), out, title="Lagi")  # replaces an existing file
    assert "<title>Lagi</title>" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_self_contained_no_external_fetch(tmp_path: Path) -> None:
    page = viz.render_string(small_graph())
    lib = viz._vis_js()
    assert "vis-network" in lib[:200] and "@license" in lib[:2000]
    # Nothing in the page loads from elsewhere: no external scripts, stylesheets, imports,
    # CSS urls, frames or images, in the markup or in the inlined code.
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<(?:img|iframe|object|embed|audio|video|source)\b", page, re.I)
    assert not re.search(r"@import", page, re.I)
    assert not re.search(r"""url\(\s*['"]?\s*(?:https?:)?//""", page, re.I)
    outside = _outside_library(page)
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", outside, re.I)
    assert "url(" not in outside
    # Outside the data (whose IRIs are never fetched), the only URL is the SVG namespace name.
    code = re.sub(r'(id="okg-data">).*?(</script>)', r"\1\2", outside, flags=re.S)
    assert set(re.findall(r"https?://[^\s\"'<>)]*", code)) == {"http://www.w3.org/2000/svg"}
    # Defence in depth: a Content-Security-Policy that forbids every load and allows only the
    # page's own inline scripts, by hash.
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert csp
    policy = html.unescape(csp.group(1))
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert policy.count("'sha256-") == 3
    assert outside.count("<script") == 4


def test_deterministic_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    viz.render_html(small_graph(), a)
    viz.render_html(small_graph(), b)
    viz.render_html(small_graph(reverse=True), c)  # insertion order does not matter
    assert a.read_bytes() == b.read_bytes() == c.read_bytes()
    g = random_graph(400, 700, seed=3)
    assert viz.render_string(g, seed=1) == viz.render_string(g, seed=1)
    assert viz.render_string(g, seed=1) != viz.render_string(g, seed=2)


def test_xss_names_stay_in_escaped_json() -> None:
    page = viz.render_string(small_graph(), title="<b>judul</b> & " + XSS_SCRIPT)
    outside = _outside_library(page)
    for raw in (XSS_SCRIPT, "<img src=x", "\u2028"):
        assert raw not in page
    assert "<b>" not in outside
    assert outside.count("</script>") == 4  # only the page's own four script elements end
    assert "<title>&lt;b&gt;judul&lt;/b&gt; &amp; &lt;/script&gt;" in page
    data_block = page.split('id="okg-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&\u2028\u2029") & set(data_block)
    data = _data(page)  # and the JSON round-trips to the exact names
    labels = {n["label"] for n in data["nodes"]}
    assert {XSS_IMG, XSS_SCRIPT, "Joko Widodo"} <= labels
    xss_id = next(n["id"] for n in data["nodes"] if n["label"] == XSS_IMG)
    assert data["nodeInfo"][xss_id]["facts"][0]["other"] == XSS_SCRIPT
    assert "\u2028" in data["nodeInfo"][xss_id]["facts"][0]["evidence"]
    # tooltips are plain strings (vis-network 9 shows them with innerText)
    assert all(isinstance(n["title"], str) for n in data["nodes"])
    assert all(isinstance(e["title"], str) for e in data["edges"])
    # the page's script never uses innerHTML-like sinks
    app = viz._assets()["js"]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in app


def test_safe_json_escapes() -> None:
    value = {"s": "</script><!-- & \u2028\u2029 \ud800 é"}
    text = viz.safe_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert "\\u003c/script\\u003e" in text and "é" in text
    assert json.loads(text) == value


def test_lang_switch_changes_edge_labels_and_ui() -> None:
    page_id = viz.render_string(small_graph(), lang="id")
    page_en = viz.render_string(small_graph(), lang="en")
    labels_id = {e["label"] for e in _data(page_id)["edges"]}
    labels_en = {e["label"] for e in _data(page_en)["edges"]}
    assert {"menghadiri", "bertempat di", "bagian dari"} <= labels_id
    assert {"attended", "took place in", "part of"} <= labels_en
    assert not labels_id & {"attended", "took place in"}
    assert '<html lang="en">' in page_en and 'placeholder="Search entity name…"' in page_en
    assert 'placeholder="Cari nama entitas…"' in page_id
    assert {t["name"] for t in _data(page_en)["types"]} >= {"Person", "Place"}
    assert {t["name"] for t in _data(page_id)["types"]} >= {"Orang", "Tempat"}
    with pytest.raises(ValueError):
        viz.render_string(small_graph(), lang="fr")


def test_nodes_styled_by_type_and_degree() -> None:
    data = _data(viz.render_string(small_graph()))
    by_label = {n["label"]: n for n in data["nodes"]}
    assert by_label["Joko Widodo"]["shape"] == "dot"
    assert by_label["Pemprov DKI"]["shape"] == "square"
    assert by_label["Bali"]["shape"] == "triangle"
    assert by_label["KTT G20"]["color"] != by_label["Bali"]["color"]
    assert by_label["Joko Widodo"]["size"] > by_label["Bali"]["size"]  # degree 2 vs 1
    assert [t["key"] for t in data["types"]] == TYPES  # legend order, present types only
    assert sum(t["count"] for t in data["types"]) == 7
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    # the reciprocal pair is drawn as two distinct curves
    curved = [e for e in data["edges"] if "smooth" in e]
    assert len(curved) == 2
    assert curved[0]["smooth"]["roundness"] != curved[1]["smooth"]["roundness"]


def test_physics_threshold() -> None:
    g = small_graph()
    small = _data(viz.render_string(g))
    assert small["physics"] is True and small["options"]["physics"]["enabled"] is True
    assert small["options"]["physics"]["stabilization"]["enabled"] is True
    big = _data(viz.render_string(g, physics_threshold=3))
    assert big["physics"] is False and big["options"]["physics"]["enabled"] is False
    assert big["options"]["edges"]["smooth"]["enabled"] is False
    for node in big["nodes"]:
        assert math.isfinite(node["x"]) and math.isfinite(node["y"])


def test_layout_spreads_nodes() -> None:
    g = nx.MultiDiGraph()
    for i in range(60):  # a star: all leaves have the same hop distances
        g.add_node(f"leaf{i}", label=f"Daun {i}", type="Person")
        g.add_edge("hub", f"leaf{i}", relation="member_of")
    g.nodes["hub"].update(label="Pusat", type="Organization")
    for i in range(30):  # and some pairs and singletons
        g.add_node(f"s{i}", label=f"Sendiri {i}", type="Place")
        if i % 2:
            g.add_edge(f"s{i}", f"s{i - 1}", relation="located_in")
    data = _data(viz.render_string(g, physics_threshold=0))
    pts = [(n["x"], n["y"]) for n in data["nodes"]]
    closest = min(math.dist(p, q) for i, p in enumerate(pts) for q in pts[i + 1 :])
    assert closest > 10.0
    assert len(pts) == 91


def test_empty_graph_and_missing_attributes() -> None:
    assert _data(viz.render_string(nx.MultiDiGraph()))["nodes"] == []
    g = nx.MultiDiGraph()
    g.add_edge("https://okoce.example/e/a", "https://okoce.example/e/b", key="k")
    g.add_node("https://okoce.example/e/c", type="Alien", facts="not a list")
    data = _data(viz.render_string(g))
    assert [n["label"] for n in data["nodes"]] == ["a", "b", "c"]
    assert data["nodeInfo"][2]["type"] == "Other" and data["nodeInfo"][2]["facts"] == []
    assert data["edges"][0]["label"] == "?"


def test_large_graph_renders_with_fixed_layout(big_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    # Its speed is measured in bench/bench_viz.py, not asserted here.
    viz.render_html(big_graph, tmp_path / "big.html")
    data = _data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 5000 and len(data["edges"]) == 10000
    assert data["physics"] is False


def test_notebook_html(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = viz.notebook_html(small_graph(), lang="en")
    m = re.fullmatch(r'<iframe srcdoc="([^"]*)"(.*)></iframe>', frame, re.S)
    assert m, frame[:200]
    assert html.unescape(m.group(1)) == viz.render_string(small_graph(), lang="en")
    assert 'width="100%"' in m.group(2) and "height:600px" in m.group(2)
    assert "<" not in m.group(1)

    shown: list[Any] = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", shown.append)
    obj = viz.display_notebook(small_graph())
    assert shown == [obj] and obj.data.startswith("<iframe srcdoc=")


# --------------------------------------------------------------------------------------------
# browser tests (headless Chromium)


def load_page(page: Path, term: str, budget_ms: int = 5000) -> tuple[dict[str, str], str]:
    """Load ``page`` with the self-test hash; return (#okg-status data, dumped DOM)."""
    exe = chromium_executable()
    if not exe:
        pytest.fail(
            "headless Chromium is required for the browser tests: "
            "apt-get install -y chromium (or set OKG_CHROMIUM)",
            pytrace=False,
        )
    try:
        return load_in_chromium(exe, page, term, budget_ms)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


def _without_scripts(dom: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "", dom, flags=re.S | re.I)


def _assert_common(status: dict[str, str]) -> None:
    assert status.get("done") == "1", status
    assert status.get("ready") == "1", status  # vis-network drew the canvas
    assert status["http-resources"] == "0" and status["resources"] == "0", status
    assert status["csp-violations"] == "0", status
    assert status["img-elements"] == "0" and status["script-elements"] == "4", status
    assert status["toggle-hidden"] == status["toggle-expected"] != "0", status
    assert status["toggle-pressed"] == "false" and status["toggle-restored"] == "1", status


def test_browser_small_graph_xss_is_text(tmp_path: Path) -> None:
    page = tmp_path / "small.html"
    viz.render_html(small_graph(), page, title=XSS_IMG)

    status, dom = load_page(page, "IMG SRC")  # case-insensitive substring
    _assert_common(status)
    assert status["nodes"] == "7" and status["edges"] == "6" and status["legend"] == "6"
    assert status["physics"] == "1"
    assert status["selected-count"] == "1" and status["selected-label"] == XSS_IMG
    assert status["panel-title"] == XSS_IMG
    assert status["datalist-options"] == "7"
    body = _without_scripts(dom)
    assert "<img" not in body.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # shown as text: panel and title
    assert re.search(r'<h2 class="okg-panel-title">&lt;img src=x onerror=alert\(1\)&gt;</h2>', body)
    assert 'class="okg-legend-item"' in body and "Lainnya" in body

    status, dom = load_page(page, "</script>")
    _assert_common(status)
    assert status["selected-label"] == XSS_SCRIPT == status["panel-title"]
    body = _without_scripts(dom)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_browser_large_graph(big_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    viz.render_html(big_graph, page, lang="en")
    status, dom = load_page(page, "entitas 4321", budget_ms=10000)
    _assert_common(status)
    assert status["nodes"] == "5000" and status["edges"] == "10000", status
    assert status["physics"] == "0" and status["legend"] == "6"
    assert status["selected-label"] == "Entitas 4321" == status["panel-title"]
    assert status["datalist-options"] == "5000"
    assert '<html lang="en">' in dom and "5,000 nodes" in dom
