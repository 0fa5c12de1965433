"""Benchmark the HTML network view on a 5,000-node, 10,000-edge graph.

Times ``okoce_graph.viz.render_html`` (median of 5 warm runs, plus the first, cold run with its
imports) and the page load in headless Chromium (median of 3), using the page's
``#okg-test=<term>`` self-test, which records in ``#okg-status`` when the network was created
and first drawn, and runs a search.

    python bench/bench_viz.py [--nodes 5000] [--edges 10000] [--runs 5] [--loads 3]
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import networkx as nx

TYPES = ["Person", "Organization", "Place", "Event", "Program", "Other"]


def make_graph(n: int, m: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(
            f"https://okoce.example/entity/e{i}",
            label=f"Entitas {i}",
            type=TYPES[i % len(TYPES)],
            facts=[
                {
                    "relation": "menghadiri",
                    "other": f"Entitas {i + 1}",
                    "evidence": f"Kalimat bukti {i} tentang acara di Jakarta.",
                    "article": f"art-{i % 300}",
                    "start": 10,
                    "end": 50,
                }
            ],
        )
    for j in range(m):
        u, v = rng.randrange(n), rng.randrange(n)
        g.add_edge(
            f"https://okoce.example/entity/e{u}",
            f"https://okoce.example/entity/e{v}",
            relation="attended",
            label_id="menghadiri",
            label_en="attended",
            evidence=f"Kalimat {j} yang menyebut kedua entitas.",
            article=f"art-{j % 300}",
            start=0,
            end=40,
        )
    return g


def chromium_load(exe: str, page: Path, term: str) -> tuple[float, dict[str, str]]:
    url = page.resolve().as_uri() + "#okg-test=" + urllib.parse.quote(term, safe="")
    with tempfile.TemporaryDirectory(prefix="okg-bench-") as profile:
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            url,
        ]
        start = time.perf_counter()
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL, check=False
        )
        wall = time.perf_counter() - start
    m = re.search(r'<div id="okg-status"([^>]*)>', proc.stdout)
    if proc.returncode != 0 or not m:
        raise SystemExit(f"chromium failed (rc={proc.returncode}): {proc.stderr[-1500:]}")
    status = {k: html.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1))}
    return wall, status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    graph = make_graph(args.nodes, args.edges)
    print(
        f"graph: {args.nodes} nodes, {args.edges} edges (generated in "
        f"{time.perf_counter() - t0:.2f} s)"
    )

    with tempfile.TemporaryDirectory(prefix="okg-bench-") as tmp:
        page = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        from okoce_graph.viz import render_html

        render_html(graph, page)
        cold = time.perf_counter() - t0
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            render_html(graph, page)
            times.append(time.perf_counter() - t0)
        size = page.stat().st_size
        print(
            f"render_html: cold (with imports) {cold:.2f} s; warm median of {args.runs} "
            f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
            f"file {size / 1e6:.1f} MB"
        )

        exe = os.environ.get("OKG_CHROMIUM") or shutil.which("chromium")
        if not exe:
            print("chromium not found: browser timing skipped (apt-get install -y chromium)")
            return 1
        term = f"Entitas {args.nodes // 2}"
        walls, ready, created = [], [], []
        for _ in range(args.loads):
            wall, status = chromium_load(exe, page, term)
            if status.get("selected-label") != term or status.get("ready") != "1":
                raise SystemExit(f"self-test failed: {status}")
            walls.append(wall)
            ready.append(float(status["ready-ms"]))
            created.append(float(status["created-ms"]))
        print(
            f"chromium load (median of {args.loads}): network created at "
            f"{statistics.median(created) / 1000:.2f} s, first drawn (interactive) at "
            f"{statistics.median(ready) / 1000:.2f} s after navigation start; "
            f"whole headless process {statistics.median(walls):.2f} s "
            f"(with browser start-up and --virtual-time-budget)"
        )
        print(
            f"page reported: {status['nodes']} nodes, {status['edges']} edges, "
            f"{status['http-resources']} http(s) resource loads, "
            f"{status['csp-violations']} CSP violations"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
