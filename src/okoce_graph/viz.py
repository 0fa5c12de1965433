"""Self-contained, offline HTML network view of an okoce-graph knowledge graph.

The page is one UTF-8 HTML file: vis-network (read from the installed pyvis package) and the
page's own script, style and data are all inlined, and a Content-Security-Policy forbids any
network request. pyvis is used as the adapter that shapes nodes, edges and options for
vis-network; the page template is our own (``viz_assets/``), because pyvis's template loads
Bootstrap and friends from CDNs.

Data from the graph is embedded as JSON in a ``<script type="application/json">`` block with
``<``, ``>``, ``&``, U+2028 and U+2029 (and lone surrogates) escaped as ``\\uXXXX``, and the page
only ever puts it into the DOM with ``textContent``.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import html
import json
import math
import operator
import os
import random
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ENTITY_TYPES", "display_notebook", "notebook_html", "render_html", "render_string"]

#: Entity types in legend order, with their vis-network shape and colour (Okabe-Ito palette,
#: distinguishable with the common colour-vision deficiencies; shapes differ too).
ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "Person": ("dot", "#0072B2"),
    "Organization": ("square", "#E69F00"),
    "Place": ("triangle", "#009E73"),
    "Event": ("diamond", "#CC79A7"),
    "Program": ("star", "#D55E00"),
    "Other": ("hexagon", "#8C8C8C"),
}

_UI: dict[str, dict[str, Any]] = {
    "id": {
        "types": {
            "Person": "Orang",
            "Organization": "Organisasi",
            "Place": "Tempat",
            "Event": "Peristiwa",
            "Program": "Program",
            "Other": "Lainnya",
        },
        "search_label": "Cari entitas",
        "search_placeholder": "Cari nama entitas…",
        "search_button": "Cari",
        "not_found": "Tidak ditemukan",
        "legend_title": "Jenis entitas",
        "legend_hint": "Klik untuk menampilkan atau menyembunyikan jenis ini",
        "panel_hint": "Klik simpul atau garis untuk melihat rinciannya.",
        "network_label": "Jaringan entitas",
        "type": "Jenis",
        "degree": "Jumlah relasi",
        "facts": "Fakta",
        "no_facts": "Tidak ada fakta.",
        "evidence": "Bukti",
        "article": "Artikel",
        "relation": "Relasi",
        "chars": "karakter",
        "nodes": "simpul",
        "edges": "relasi",
        "noscript": "Halaman ini memerlukan JavaScript.",
    },
    "en": {
        "types": {
            "Person": "Person",
            "Organization": "Organization",
            "Place": "Place",
            "Event": "Event",
            "Program": "Program",
            "Other": "Other",
        },
        "search_label": "Search entities",
        "search_placeholder": "Search entity name…",
        "search_button": "Search",
        "not_found": "Not found",
        "legend_title": "Entity types",
        "legend_hint": "Click to show or hide this type",
        "panel_hint": "Click a node or an edge to see its details.",
        "network_label": "Entity network",
        "type": "Type",
        "degree": "Connections",
        "facts": "Facts",
        "no_facts": "No facts.",
        "evidence": "Evidence",
        "article": "Article",
        "relation": "Relation",
        "chars": "characters",
        "nodes": "nodes",
        "edges": "edges",
        "noscript": "This page needs JavaScript.",
    },
}

#: Ideal edge length of the layout, in vis-network canvas units (about pixels at zoom 1).
_EDGE_LEN = 90.0

_JSON_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_SCRIPT_CLOSE = re.compile(r"</(script)", re.IGNORECASE)
_SURROGATES = re.compile("[\ud800-\udfff]")


# --------------------------------------------------------------------------------------------
# public API


def render_html(
    graph: nx.MultiDiGraph,
    path: Path,
    *,
    title: str = "okoce-graph",
    lang: str = "id",
    physics_threshold: int = 300,
    seed: int = 42,
) -> None:
    """Write ``graph`` as one self-contained, offline HTML page to ``path`` (atomically).

    The file is written to a temporary file in the same directory and moved into place with
    :func:`os.replace`, so readers never see a half-written page. Output bytes depend only on
    the graph content and the arguments.
    """
    page = render_string(
        graph, title=title, lang=lang, physics_threshold=physics_threshold, seed=seed
    )
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes 0600; give a normal file's mode
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def render_string(
    graph: nx.MultiDiGraph,
    *,
    title: str = "okoce-graph",
    lang: str = "id",
    physics_threshold: int = 300,
    seed: int = 42,
) -> str:
    """Return the HTML page that :func:`render_html` writes, as a string."""
    if lang not in _UI:
        raise ValueError(f"unsupported lang {lang!r}; expected one of {sorted(_UI)}")
    ui = _UI[lang]
    title = _SURROGATES.sub("\ufffd", str(title))
    data = _build_data(graph, lang=lang, physics_threshold=physics_threshold, seed=seed)
    assets = _assets()
    vis_js = _vis_js()
    # Only these three inline scripts may run (CSP hashes): markup injected by a bug could not
    # run event-handler attributes or scripts of its own.
    hashes = " ".join(_csp_hash(code) for code in (assets["head_js"], vis_js, assets["js"]))
    return _template().render(
        lang=lang,
        title=title,
        ui=ui,
        css=assets["css"],
        head_js=assets["head_js"],
        vis_js=vis_js,
        app_js=assets["js"],
        script_hashes=hashes,
        data_json=safe_json(data),
    )


def notebook_html(graph: nx.MultiDiGraph, **kw: Any) -> str:
    """Return an ``<iframe srcdoc=…>`` embedding the page, for Jupyter and similar hosts."""
    page = render_string(graph, **kw)
    return (
        '<iframe srcdoc="'
        + html.escape(page, quote=True)
        + '" sandbox="allow-scripts" width="100%" height="600"'
        ' style="width:100%;height:600px;border:1px solid #d9dee3"'
        ' title="okoce-graph"></iframe>'
    )


def display_notebook(graph: nx.MultiDiGraph, **kw: Any) -> Any:
    """Display the network in a Jupyter notebook; returns the IPython ``HTML`` object."""
    from IPython.display import HTML, display

    with warnings.catch_warnings():  # "Consider using IPython.display.IFrame": srcdoc needs HTML
        warnings.simplefilter("ignore", UserWarning)
        obj = HTML(notebook_html(graph, **kw))
    display(obj)
    return obj


def safe_json(value: Any) -> str:
    """``json.dumps`` that is safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028, U+2029 and lone surrogates become ``\\uXXXX`` escapes, so no
    string in the data can close the script element or start an HTML comment.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --------------------------------------------------------------------------------------------
# data


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _opt_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _iri_tail(iri: str) -> str:
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    return tail or iri


def _humanise(key: str) -> str:
    return re.sub(r"[_\s]+", " ", key).strip()


def _edge_label(attrs: Mapping[str, Any], lang: str) -> str:
    other = "label_en" if lang == "id" else "label_id"
    for key in (f"label_{lang}", other):
        value = attrs.get(key)
        if value:
            return str(value)
    return _humanise(_text(attrs.get("relation"))) or "?"


def _facts(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, Iterable) or isinstance(raw, str | bytes | Mapping):
        return []
    out = []
    for fact in raw:
        if not isinstance(fact, Mapping):
            continue
        out.append(
            {
                "relation": _text(fact.get("relation")),
                "other": _text(fact.get("other")),
                "evidence": _text(fact.get("evidence")),
                "article": _text(fact.get("article")),
                "start": _opt_int(fact.get("start")),
                "end": _opt_int(fact.get("end")),
            }
        )
    return out


def _build_data(
    graph: nx.MultiDiGraph, *, lang: str, physics_threshold: int, seed: int
) -> dict[str, Any]:
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    ui = _UI[lang]
    iris = sorted(graph.nodes, key=str)
    index = {iri: i for i, iri in enumerate(iris)}
    n_nodes = len(iris)
    physics = n_nodes <= physics_threshold

    # Edges in a canonical order, independent of insertion order.
    raw_edges = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        label = _edge_label(attrs, lang)
        sort_key = (
            index[u],
            index[v],
            _text(attrs.get("relation")),
            label,
            _text(attrs.get("evidence")),
            _text(attrs.get("article")),
            _opt_int(attrs.get("start")) or 0,
            _opt_int(attrs.get("end")) or 0,
            repr(key),
        )
        raw_edges.append((sort_key, index[u], index[v], label, attrs))
    raw_edges.sort(key=lambda item: item[0])

    degree = [0] * n_nodes
    for _, a, b, _, _ in raw_edges:
        degree[a] += 1
        degree[b] += 1
    positions = _layout(n_nodes, [(a, b) for _, a, b, _, _ in raw_edges], seed)

    # pyvis is the adapter that shapes vis-network node/edge dicts and the options. Its
    # add_node/add_edge check membership in plain lists (quadratic time on big graphs), so the
    # Node/Edge classes are used directly and ids are dense integers.
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    labels: list[str] = []
    node_info = []
    type_counts: dict[str, int] = dict.fromkeys(ENTITY_TYPES, 0)
    for i, iri in enumerate(iris):
        attrs = graph.nodes[iri]
        label = _text(attrs.get("label")).strip() or _iri_tail(str(iri))
        etype = _text(attrs.get("type"))
        if etype not in ENTITY_TYPES:
            etype = "Other"
        type_counts[etype] += 1
        shape, colour = ENTITY_TYPES[etype]
        x, y = positions[i]
        node = Node(
            i,
            shape,
            label=label,
            color=colour,
            size=round(10.0 + 3.0 * math.sqrt(degree[i]), 1) if degree[i] < 400 else 70.0,
            x=x,
            y=y,
            title=f"{label}\n{ui['types'][etype]}",
        )
        net.nodes.append(node.options)
        net.node_ids.append(i)
        labels.append(label)
        node_info.append(
            {
                "iri": str(iri),
                "type": etype,
                "degree": degree[i],
                "facts": _facts(attrs.get("facts")),
            }
        )

    # Parallel edges (same node pair, either direction) get distinct static curves.
    pair_seen: dict[tuple[int, int], int] = {}
    pair_total: dict[tuple[int, int], int] = {}
    for _, a, b, _, _ in raw_edges:
        pair = (min(a, b), max(a, b))
        pair_total[pair] = pair_total.get(pair, 0) + 1

    edge_info = []
    for eid, (_, a, b, label, attrs) in enumerate(raw_edges):
        opts: dict[str, Any] = {
            "id": eid,
            "label": label,
            "title": f"{labels[a]} → {label} → {labels[b]}",
        }
        pair = (min(a, b), max(a, b))
        if pair_total[pair] > 1 and a != b:
            nth = pair_seen.get(pair, 0)
            pair_seen[pair] = nth + 1
            opts["smooth"] = {
                "enabled": True,
                "type": "curvedCW",
                "roundness": round(0.12 + 0.14 * nth, 2),
            }
        net.edges.append(Edge(a, b, directed=False, **opts).options)
        edge_info.append(
            {
                "relation": _text(attrs.get("relation")),
                "evidence": _text(attrs.get("evidence")),
                "article": _text(attrs.get("article")),
                "start": _opt_int(attrs.get("start")),
                "end": _opt_int(attrs.get("end")),
            }
        )

    net.options = _options(json.loads(net.options.to_json()), physics=physics, seed=seed)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()

    return {
        "lang": lang,
        "physics": physics,
        "nodes": nodes,
        "edges": edges,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
        "labels": sorted(set(labels), key=lambda s: (s.casefold(), s)),
        "types": [
            {
                "key": key,
                "name": ui["types"][key],
                "shape": ENTITY_TYPES[key][0],
                "color": ENTITY_TYPES[key][1],
                "count": count,
            }
            for key, count in type_counts.items()
            if count
        ],
        "ui": ui,
        "options": json.loads(options_json),
    }


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def _options(base: dict[str, Any], *, physics: bool, seed: int) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"size": 14, "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {
                "color": "#9aa5b1",
                "highlight": "#1f2933",
                "hover": "#52606d",
                "inherit": False,
            },
            "font": {
                "size": 11,
                "color": "#3e4c59",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "width": 1,
            "selectionWidth": 2,
            "smooth": {"enabled": physics, "type": "dynamic"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not physics,
            "hideEdgesOnZoom": not physics,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -50,
                "centralGravity": 0.03,
                "springLength": _EDGE_LEN,
                "springConstant": 0.08,
                "avoidOverlap": 0.5,
            },
            "stabilization": {"enabled": physics, "iterations": 400, "fit": True},
        },
    }
    return _merge(base, extra)


# --------------------------------------------------------------------------------------------
# layout (pure Python: networkx's layouts need numpy, which is not a dependency)

#: Refinement budget shared by all components, in node-iterations (about 10 µs each).
_REFINE_BUDGET = 60_000
_PIVOTS = 24
_SMALL_COMPONENT = 8


def _layout(n: int, edges: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """Deterministic 2-D positions for ``n`` nodes.

    Each connected component is laid out on its own (a star or ring for tiny ones; PivotMDS,
    i.e. classical scaling of hop distances to a few pivots, refined by a few
    Fruchterman-Reingold steps with grid-limited repulsion, for the rest) and the components
    are packed in rows, biggest first. Runs in about a second for 5,000 nodes and 10,000 edges.
    """
    adj_sets: list[set[int]] = [set() for _ in range(n)]
    for a, b in edges:
        if a != b:
            adj_sets[a].add(b)
            adj_sets[b].add(a)
    adj = [sorted(s) for s in adj_sets]
    rng = random.Random(seed)

    seen = [False] * n
    comps: list[list[int]] = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        comp = [start]
        stack = [start]
        while stack:
            for nb in adj[stack.pop()]:
                if not seen[nb]:
                    seen[nb] = True
                    comp.append(nb)
                    stack.append(nb)
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))

    big_nodes = sum(len(c) for c in comps if len(c) > _SMALL_COMPONENT)
    iterations = max(4, min(60, _REFINE_BUDGET // max(big_nodes, 1)))

    boxes = []
    for comp in comps:
        if len(comp) <= _SMALL_COMPONENT:
            local = _small_layout(comp, adj)
        else:
            local = _component_layout(comp, adj, rng, iterations)
        xs = [p[0] for p in local]
        ys = [p[1] for p in local]
        minx, miny = min(xs), min(ys)
        boxes.append(
            (comp, [(x - minx, y - miny) for x, y in local], max(xs) - minx, max(ys) - miny)
        )

    gap = _EDGE_LEN * 1.2
    total = sum((w + gap) * (h + gap) for _, _, w, h in boxes)
    # Rows for a landscape page; when one component dominates, rows as wide as it, so that the
    # small components gather in a block under it rather than in a strip beside it.
    widest = max((w for _, _, w, _ in boxes), default=0.0)
    first_area = (boxes[0][2] + gap) * (boxes[0][3] + gap) if boxes else 0.0
    row_width = widest if first_area > 0.5 * total else max(widest, math.sqrt(total * 1.5))
    cx = cy = row_h = 0.0
    placed: list[tuple[int, float, float]] = []
    for comp, local, w, h in boxes:
        if cx > 0 and cx + w > row_width:
            cx, cy, row_h = 0.0, cy + row_h + gap, 0.0
        for node, (x, y) in zip(comp, local, strict=True):
            placed.append((node, cx + x, cy + y))
        cx += w + gap
        row_h = max(row_h, h)

    pos: list[tuple[float, float]] = [(0.0, 0.0)] * n
    if placed:
        midx = (min(p[1] for p in placed) + max(p[1] for p in placed)) / 2
        midy = (min(p[2] for p in placed) + max(p[2] for p in placed)) / 2
        for node, x, y in placed:
            pos[node] = (round(x - midx, 1), round(y - midy, 1))
    return pos


def _small_layout(comp: list[int], adj: list[list[int]]) -> list[tuple[float, float]]:
    """A star (hub in the middle) or a ring, for components of a few nodes."""
    size = len(comp)
    k = _EDGE_LEN
    if size == 1:
        return [(0.0, 0.0)]
    if size == 2:
        return [(0.0, 0.0), (k, 0.0)]
    hub = max(comp, key=lambda v: (len(adj[v]), -v))
    if len(adj[hub]) == size - 1:
        ring = [v for v in comp if v != hub]
        radius = k
    else:
        ring, hub = list(comp), -1
        radius = k / (2 * math.sin(math.pi / size))
    place = {hub: (0.0, 0.0)}
    for i, v in enumerate(ring):
        angle = 2 * math.pi * i / len(ring) - math.pi / 2
        place[v] = (radius * math.cos(angle), radius * math.sin(angle))
    return [place[v] for v in comp]


def _bfs(source: int, adj: list[list[int]], local: dict[int, int], size: int) -> list[int]:
    dist = [-1] * size
    dist[local[source]] = 0
    frontier = [source]
    d = 0
    while frontier:
        d += 1
        nxt = []
        for v in frontier:
            for w in adj[v]:
                lw = local[w]
                if dist[lw] < 0:
                    dist[lw] = d
                    nxt.append(w)
        frontier = nxt
    return dist


def _top_eigenvectors(matrix: list[list[float]], count: int) -> list[tuple[float, list[float]]]:
    """Largest eigenpairs of a small symmetric positive semi-definite matrix (power iteration
    with deflation; deterministic start vectors)."""
    size = len(matrix)
    found: list[tuple[float, list[float]]] = []
    for c in range(count):
        vec = [1.0 + ((i * 7 + c * 3) % 11) / 10.0 for i in range(size)]
        value = 0.0
        for _ in range(200):
            for _value, u in found:  # deflate
                dot = sum(a * b for a, b in zip(vec, u, strict=True))
                vec = [a - dot * b for a, b in zip(vec, u, strict=True)]
            new = [sum(r * v for r, v in zip(row, vec, strict=True)) for row in matrix]
            for _value, u in found:
                dot = sum(a * b for a, b in zip(new, u, strict=True))
                new = [a - dot * b for a, b in zip(new, u, strict=True)]
            norm = math.sqrt(sum(a * a for a in new))
            if norm < 1e-12:
                break
            new = [a / norm for a in new]
            delta = sum(abs(a - b) for a, b in zip(new, vec, strict=True))
            vec, value = new, norm
            if delta < 1e-9:
                break
        found.append((value, vec))
    return found


def _component_layout(
    comp: list[int], adj: list[list[int]], rng: random.Random, iterations: int
) -> list[tuple[float, float]]:
    """PivotMDS start (Brandes & Pich 2006) refined by Fruchterman-Reingold steps."""
    size = len(comp)
    k = _EDGE_LEN
    local = {node: i for i, node in enumerate(comp)}

    # Pivots: the best-connected node, then repeatedly the node farthest from all pivots.
    first = max(comp, key=lambda v: (len(adj[v]), -v))
    columns: list[list[int]] = []
    mindist = [size] * size
    pivot = first
    for _ in range(min(_PIVOTS, size)):
        dist = _bfs(pivot, adj, local, size)
        columns.append(dist)
        mindist = [min(a, b) for a, b in zip(mindist, dist, strict=True)]
        far = max(range(size), key=lambda i: (mindist[i], -i))
        if mindist[far] == 0:
            break
        pivot = comp[far]

    # Double-centred squared distances (n x p), then the top two axes of C^T C.
    sq = [[float(d * d) for d in col] for col in columns]
    col_means = [sum(col) / size for col in sq]
    row_means = [sum(vals) / len(sq) for vals in zip(*sq, strict=True)]
    grand = sum(col_means) / len(sq)
    centred = [
        [-0.5 * (d - r - cm + grand) for d, r in zip(col, row_means, strict=True)]
        for col, cm in zip(sq, col_means, strict=True)
    ]
    gram = [[sum(map(operator.mul, a, b)) for b in centred] for a in centred]
    axes = []
    for value, vec in _top_eigenvectors(gram, 2):
        coord = [0.0] * size
        for weight, col in zip(vec, centred, strict=True):
            if weight:
                coord = [c + weight * x for c, x in zip(coord, col, strict=True)]
        scale = value**0.25 if value > 1e-12 else 1.0
        axes.append([c / scale for c in coord])
    xs, ys = axes

    # Scale to about one node per k^2 of area, and jitter so that nodes with the same hop
    # distances (e.g. leaves of one hub) do not coincide.
    rms = math.sqrt(sum(x * x + y * y for x, y in zip(xs, ys, strict=True)) / size) or 1.0
    target = k * math.sqrt(size / math.pi) / math.sqrt(2.0)
    factor = target / rms
    xs = [x * factor + (rng.random() - 0.5) * 0.5 * k for x in xs]
    ys = [y * factor + (rng.random() - 0.5) * 0.5 * k for y in ys]

    pairs = [(local[a], local[b]) for a in comp for b in adj[a] if a < b]
    # Hubs need room for their neighbours: an edge's ideal length grows with the degree of its
    # ends, so that a hub's neighbours fit on a circle around it about 0.45 k apart.
    rho = [max(0.0, len(adj[v]) * 0.45 * k / (2 * math.pi) - k) for v in comp]
    temp = 0.6 * k if size > 300 else 2.0 * k
    _refine(xs, ys, pairs, rho, iterations, temp)
    return list(zip(xs, ys, strict=True))


def _refine(
    xs: list[float],
    ys: list[float],
    pairs: list[tuple[int, int]],
    rho: list[float],
    iterations: int,
    temp: float,
) -> None:
    """Fruchterman-Reingold steps, in place. Ordinary nodes repel only nodes in neighbouring grid
    cells; hubs (``rho > 0``) repel over a range that grows with their ideal edge length."""
    size = len(xs)
    k = _EDGE_LEN
    cell = 1.6 * k
    cut2 = cell * cell
    k2 = k * k
    hubs = [i for i in range(size) if rho[i] > 0.0]
    is_hub = [r > 0.0 for r in rho]
    small = [i for i in range(size) if not is_hub[i]]
    cool = temp * 0.8 / iterations
    offsets = ((1, 0), (1, 1), (0, 1), (-1, 1))
    for _ in range(iterations):
        dxs = [0.0] * size
        dys = [0.0] * size
        grid: dict[tuple[int, int], list[int]] = {}
        for i in small:
            key = (int(xs[i] // cell), int(ys[i] // cell))
            bucket = grid.get(key)
            if bucket is None:
                grid[key] = [i]
            else:
                bucket.append(i)
        for (gx, gy), members in grid.items():
            m = len(members)
            for p in range(m):
                i = members[p]
                xi, yi = xs[i], ys[i]
                for q in range(p + 1, m):
                    j = members[q]
                    dx, dy = xi - xs[j], yi - ys[j]
                    d2 = dx * dx + dy * dy
                    if d2 < 0.01:
                        dx, dy, d2 = 0.1, 0.05 * ((i + j) % 3 - 1), 0.0125
                    f = k2 / d2
                    dxs[i] += dx * f
                    dys[i] += dy * f
                    dxs[j] -= dx * f
                    dys[j] -= dy * f
            for ox, oy in offsets:
                other = grid.get((gx + ox, gy + oy))
                if other is None:
                    continue
                for i in members:
                    xi, yi = xs[i], ys[i]
                    fxi = fyi = 0.0
                    for j in other:
                        dx, dy = xi - xs[j], yi - ys[j]
                        d2 = dx * dx + dy * dy
                        if d2 < cut2:
                            f = k2 / d2 if d2 > 0.01 else 100.0 * k2
                            fxi += dx * f
                            fyi += dy * f
                            dxs[j] -= dx * f
                            dys[j] -= dy * f
                    dxs[i] += fxi
                    dys[i] += fyi
        for h, i in enumerate(hubs):
            xi, yi = xs[i], ys[i]
            length = k + rho[i]
            reach = 1.6 * length
            span = int(reach // cell) + 1
            gx, gy = int(xi // cell), int(yi // cell)
            for cx in range(gx - span, gx + span + 1):
                for cy in range(gy - span, gy + span + 1):
                    members = grid.get((cx, cy))
                    if members is None:
                        continue
                    for j in members:
                        dx, dy = xi - xs[j], yi - ys[j]
                        d2 = dx * dx + dy * dy
                        if d2 < reach * reach:
                            f = length * length / max(d2, 0.01)
                            dxs[i] += dx * f
                            dys[i] += dy * f
                            dxs[j] -= dx * f
                            dys[j] -= dy * f
            for j in hubs[h + 1 :]:
                length = k + rho[i] + rho[j]
                dx, dy = xi - xs[j], yi - ys[j]
                d2 = dx * dx + dy * dy
                if d2 < 0.01:
                    dx, dy, d2 = 0.1, 0.05, 0.0125
                f = length * length / d2
                dxs[i] += dx * f
                dys[i] += dy * f
                dxs[j] -= dx * f
                dys[j] -= dy * f
        for i, j in pairs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            f = math.sqrt(dx * dx + dy * dy) / (k + rho[i] + rho[j])
            dxs[i] -= dx * f
            dys[i] -= dy * f
            dxs[j] += dx * f
            dys[j] += dy * f
        for i in range(size):
            dx, dy = dxs[i], dys[i]
            length = math.sqrt(dx * dx + dy * dy)
            if length > temp:
                dx *= temp / length
                dy *= temp / length
            xs[i] += dx
            ys[i] += dy
        temp -= cool


# --------------------------------------------------------------------------------------------
# assets


def _asset_text(name: str) -> str:
    return resources.files("okoce_graph").joinpath("viz_assets").joinpath(name).read_text("utf-8")


def _csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _inline_js(code: str, what: str) -> str:
    # "</script" in inlined code would end the element early; "<\/script" is the same string to
    # JavaScript. "<!--" could switch the HTML parser into its script-escape states, so refuse it.
    # (vis-network 9.1.2 and our own script contain neither; this is a guard.)
    code = _SCRIPT_CLOSE.sub(r"<\\/\1", code.replace("\r\n", "\n").replace("\r", "\n"))
    if "<!--" in code:
        raise RuntimeError(f"{what} contains '<!--' and cannot be inlined safely")
    return code


@functools.cache
def _assets() -> dict[str, str]:
    css = _asset_text("okg.css")
    if "</" in css or "<!--" in css:
        raise RuntimeError("okg.css cannot be inlined safely")
    return {
        "css": css,
        "head_js": _inline_js(_asset_text("okg-head.js"), "okg-head.js"),
        "js": _inline_js(_asset_text("okg.js"), "okg.js"),
    }


@functools.cache
def _vis_js() -> str:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return _inline_js(lib.read_text(encoding="utf-8"), str(lib))


@functools.cache
def _template() -> Any:
    from jinja2 import Environment

    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_asset_text("template.html"))
