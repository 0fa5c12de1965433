"""Benchmark the HTML network view on a 5,000-node, 10,000-edge graph.

Times ``okoce_graph.viz.render_html`` (median of 5 warm runs, plus the first, cold run with its
imports) and the page load in headless Chromium (median of 3), using the page's
``#okg-test=<term>`` self-test, which records in ``#okg-status`` when the network was created
and first drawn, and runs a search.

    python bench/bench_viz.py [--nodes 5000] [--edges 10000] [--runs 5] [--loads 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

# The generated graph and the Chromium loader are the ones the tests use.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.viz_support import chromium_executable, load_in_chromium, random_graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    graph = random_graph(args.nodes, args.edges)
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

        exe = chromium_executable()
        if not exe:
            print("chromium not found: browser timing skipped (apt-get install -y chromium)")
            return 1
        term = f"Entitas {args.nodes // 2}"
        walls, ready, created = [], [], []
        for _ in range(args.loads):
            start = time.perf_counter()
            status, _ = load_in_chromium(exe, page, term, budget_ms=10000, timeout=180)
            wall = time.perf_counter() - start
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
