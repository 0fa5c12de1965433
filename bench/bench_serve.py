"""Load test of the read-only SPARQL endpoint (`okoce_graph.remote.start_server`, issue #8).

    python bench/bench_serve.py [--graph DIR] [--clients 50] [--seconds 30] [--timeout-s S]

Serves a built graph (default: the seed article, built once into /tmp/okoce-bench-serve/seed)
with the Oxigraph server, read-only, on a free port of 127.0.0.1, and runs --clients threads for
--seconds seconds, each on its own keep-alive connection, asking in turn every named query
(without parameters, then with its parameters bound to the first row's values, as the remote
client sends them) and an ASK. Every answer must be HTTP 200 with SPARQL JSON results. Prints
the requests, failures, throughput and latency percentiles (overall and per query), then checks
that the server refuses an update (HTTP 403). Exits 1 on any failure.

Traffic goes to 127.0.0.1 only; each client stops after --seconds or 1,000,000 requests.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/okoce-bench-serve")
MAX_REQUESTS = 1_000_000


def seed_graph() -> Path:
    from okoce_graph.pipeline import build

    out = CACHE / "seed"
    if not (out / "dataset.nq").is_file():
        build([ROOT / "data" / "articles"], out, html=False)
    return out


def workload(graph: Path) -> list[tuple[str, bytes]]:
    """(label, form body) of each request a client sends in turn."""
    from okoce_graph.remote import prepare_remote_query
    from okoce_graph.sparql import named_queries, run_query

    requests = []
    for name, query in named_queries().items():
        requests.append((name, prepare_remote_query(query.text).text))
        local = run_query(graph, query.text)
        if local.rows:
            params = {p: local.rows[0][local.variables.index(p)] for p in query.params
                      if local.rows[0][local.variables.index(p)] is not None}
            requests.append((f"{name}+param", prepare_remote_query(query.text, params).text))
    requests.append(("ask", "ASK { ?s ?p ?o }"))
    return [(label, urllib.parse.urlencode({"query": text}).encode())
            for label, text in requests]


def client(url: urllib.parse.SplitResult, requests: list[tuple[str, bytes]], until: float,
           offset: int, latencies: dict[str, list[float]], failures: Counter[str],
           lock: threading.Lock) -> None:
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Accept": "application/sparql-results+json"}
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=60)
    mine: dict[str, list[float]] = defaultdict(list)
    failed: Counter[str] = Counter()
    sent = 0
    while time.monotonic() < until and sent < MAX_REQUESTS:
        label, body = requests[(offset + sent) % len(requests)]
        sent += 1
        started = time.perf_counter()
        try:
            conn.request("POST", url.path, body, headers)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                failed[f"{label}: HTTP {response.status} {data[:80]!r}"] += 1
                continue
            answer = json.loads(data)
            if "results" not in answer and "boolean" not in answer:
                failed[f"{label}: not SPARQL results"] += 1
                continue
            mine[label].append(time.perf_counter() - started)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            failed[f"{label}: {type(exc).__name__}: {exc}"] += 1
            conn.close()
            conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=60)
    conn.close()
    with lock:
        for label, values in mine.items():
            latencies[label].extend(values)
        failures.update(failed)


def update_status(url: urllib.parse.SplitResult) -> str:
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=10)
    try:
        conn.request("POST", "/update", b"INSERT DATA { <http://a> <http://b> <http://c> }",
                     {"Content-Type": "application/sparql-update"})
        response = conn.getresponse()
        return f"HTTP {response.status} {response.reason}: {response.read()[:80].decode()}"
    except (OSError, http.client.HTTPException) as exc:
        return f"{type(exc).__name__}: {exc}"
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from okoce_graph.remote import start_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, help="a built graph (default: the seed article)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--timeout-s", type=int, help="the server's query timeout (none)")
    args = parser.parse_args()

    graph = args.graph or seed_graph()
    requests = workload(graph)
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: Counter[str] = Counter()
    lock = threading.Lock()
    with start_server(graph, port=0, timeout_s=args.timeout_s) as server:
        url = urllib.parse.urlsplit(server.query_url)
        started = time.monotonic()
        until = started + args.seconds
        threads = [threading.Thread(target=client, args=(url, requests, until, i, latencies,
                                                         failures, lock))
                   for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        alive = server.running()
        refused = update_status(url) if alive else f"server gone: {server.log_tail()}"

    every = [v for values in latencies.values() for v in values]
    total = len(every) + sum(failures.values())
    print(f"graph {graph}: {args.clients} clients for {args.seconds:g} s "
          f"({elapsed:.1f} s with the last answers), {len(requests)} kinds of request, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"requests {total:,}, failed {sum(failures.values())}, "
          f"{len(every) / elapsed:,.0f} answers/s")
    if every:
        print("latency ms: " + ", ".join(
            f"p{q} {1000 * percentile(every, q):.1f}" for q in (50, 90, 99))
              + f", max {1000 * max(every):.1f}, mean {1000 * statistics.fmean(every):.1f}")
    print("\n| request | answers | p50 ms | p99 ms |\n|---|---|---|---|")
    for label in sorted(latencies):
        values = latencies[label]
        print(f"| {label} | {len(values):,} | {1000 * percentile(values, 50):.1f} | "
              f"{1000 * percentile(values, 99):.1f} |")
    for message, count in failures.most_common(10):
        print(f"FAILED x{count}: {message}")
    print(f"\nupdate on the read-only server: {refused}")
    return 1 if failures or not refused.startswith("HTTP 4") else 0


if __name__ == "__main__":
    sys.exit(main())
