"""Load test of the read-only SPARQL endpoint (`okoce-graph serve`, issue #8), side by side
with the configurations before it.

    python bench/bench_serve.py [--graph DIR] [--clients 50] [--seconds 30]
                                [--configs oxigraph,serve,serve-slow,oxigraph-timeout]

Serves a built graph (default: the seed article, built once into /tmp/okoce-bench-serve/seed)
on a free port of 127.0.0.1 in each configuration in turn, and runs --clients threads for
--seconds seconds against it, each on its own keep-alive connection, asking in turn every
named query (without parameters, then with its parameters bound to the first row's values, as
the remote client sends them) and an ASK. Every answer must be HTTP 200 with SPARQL JSON
results. Then checks that the server refuses an update (HTTP 403). The configurations:

- `oxigraph`: `oxigraph serve-read-only` alone, no limits (what `serve` ran before).
- `oxigraph-timeout`: the same with Oxigraph's own `--timeout-s 30` (which dies under this
  load: one thread per query sleeping for the whole timeout).
- `serve`: `okoce-graph serve` with its defaults, in a process of its own: the limiting
  proxy in front of Oxigraph, time limit 30 s, answers up to 10,000,000 bytes.
- `serve-slow`: the same with a time limit of 2 s, and one more client sending a query that
  runs past it (each stopped with HTTP 503 by killing and replacing the Oxigraph process,
  while the other clients' queries in flight are sent again).

Prints, for each, the requests, failures, throughput and latency percentiles, then a table of
all of them and the latency of each kind of request. Exits 1 on any failure, except in
`oxigraph-timeout`, where failures are the point.

Traffic goes to 127.0.0.1 only; each client stops after --seconds or 1,000,000 requests, or
once the server refuses connections (it is gone).
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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/okoce-bench-serve")
MAX_REQUESTS = 1_000_000
CONFIGS = ("oxigraph", "serve", "serve-slow", "oxigraph-timeout")
SLOW_LIMIT = 2.0
# About 430 million rows for the seed graph's 755 quads: minutes without a limit.
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HEADERS = {"Content-Type": "application/x-www-form-urlencoded",
           "Accept": "application/sparql-results+json"}


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


@dataclass
class Run:
    config: str
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: Counter[str] = field(default_factory=Counter)
    slow: Counter[str] = field(default_factory=Counter)  # outcomes of the slow client
    update: str = ""
    load: float = 0.0
    threads: int = 0  # the most threads seen in the server's processes
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def answers(self) -> list[float]:
        return [v for values in self.latencies.values() for v in values]

    @property
    def failed(self) -> int:
        return sum(self.failures.values())


def client(url: urllib.parse.SplitResult, requests: list[tuple[str, bytes]], until: float,
           offset: int, run: Run) -> None:
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=60)
    mine: dict[str, list[float]] = defaultdict(list)
    failed: Counter[str] = Counter()
    sent = 0
    while time.monotonic() < until and sent < MAX_REQUESTS:
        label, body = requests[(offset + sent) % len(requests)]
        sent += 1
        started = time.perf_counter()
        try:
            conn.request("POST", url.path, body, HEADERS)
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
        except ConnectionRefusedError:
            failed["connection refused: the server is gone"] += 1
            break
        except (OSError, http.client.HTTPException, ValueError) as exc:
            failed[f"{label}: {type(exc).__name__}: {exc}"] += 1
            conn.close()
            conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=60)
    conn.close()
    with run.lock:
        for label, values in mine.items():
            run.latencies[label].extend(values)
        run.failures.update(failed)


def slow_client(url: urllib.parse.SplitResult, until: float, run: Run) -> None:
    """Sends SLOW_QUERY again and again: each must be stopped with HTTP 503."""
    body = urllib.parse.urlencode({"query": SLOW_QUERY}).encode()
    outcomes: Counter[str] = Counter()
    while time.monotonic() < until:
        conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=60)
        started = time.monotonic()
        try:
            conn.request("POST", url.path, body, HEADERS)
            response = conn.getresponse()
            data = response.read()
            late = time.monotonic() - started - SLOW_LIMIT
            if response.status == 503 and b"time limit" in data and late < 1.0:
                outcomes["stopped with HTTP 503"] += 1
            else:
                outcomes[f"HTTP {response.status} after {late + SLOW_LIMIT:.1f} s"] += 1
        except (OSError, http.client.HTTPException) as exc:
            outcomes[f"{type(exc).__name__}: {exc}"] += 1
        finally:
            conn.close()
    with run.lock:
        run.slow.update(outcomes)


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


class ServeProcess:
    """`okoce-graph serve` in a process of its own, as a user runs it."""

    def __init__(self, graph: Path, *options: str) -> None:
        import subprocess

        command = [sys.executable, "-m", "okoce_graph", "serve", "--graph", str(graph),
                   "--port", "0", *options]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert self.process.stderr is not None
        line = self.process.stderr.readline()
        if "SPARQL endpoint " not in line:
            self.stop()
            raise SystemExit(f"okoce-graph serve did not start: {line.strip()}")
        self.query_url = line.split("SPARQL endpoint ")[1].split()[0]

    def running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self) -> str:
        return f"exit status {self.process.returncode}"

    def stop(self) -> None:
        import signal

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            self.process.wait(30)

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(config: str, graph: Path) -> Any:
    from okoce_graph.dataset import STORE, open_store
    from okoce_graph.remote import launch_oxigraph

    if config.startswith("oxigraph"):
        open_store(graph)
        arguments = ["serve-read-only", "--location", str((graph / STORE).absolute()),
                     "--union-default-graph"]
        if config == "oxigraph-timeout":
            arguments += ["--timeout-s", "30"]
        return launch_oxigraph(arguments, port=0)
    if config == "serve-slow":
        return ServeProcess(graph, "--timeout", str(SLOW_LIMIT))
    return ServeProcess(graph)


def tree_threads(pid: int) -> int:
    """Threads of a process and of its children (Linux /proc; 0 elsewhere)."""
    total = 0
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if int(entry.name) == pid or ppid == pid:
                total += int(stat.rsplit(")", 1)[1].split()[17])
        except (OSError, ValueError, IndexError):
            continue
    return total


def sample_threads(pid: int, until: float, run: Run) -> None:
    while time.monotonic() < until:
        run.threads = max(run.threads, tree_threads(pid))
        time.sleep(0.5)


def measure(config: str, graph: Path, requests: list[tuple[str, bytes]], clients: int,
            seconds: float) -> Run:
    run = Run(config)
    with start(config, graph) as server:
        url = urllib.parse.urlsplit(server.query_url)
        started = time.monotonic()
        until = started + seconds
        workers: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
            (client, (url, requests, until, i, run)) for i in range(clients)]
        if config == "serve-slow":
            workers.append((slow_client, (url, until, run)))
        workers.append((sample_threads, (server.process.pid, until, run)))
        threads = [threading.Thread(target=target, args=args) for target, args in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        run.seconds = time.monotonic() - started
        run.load = os.getloadavg()[0]
        alive = server.running()
        run.update = update_status(url) if alive else f"server gone: {server.log_tail()}"
    return run


def report(run: Run, clients: int, seconds: float) -> None:
    every = run.answers
    total = len(every) + run.failed
    print(f"\n== {run.config}: {clients} clients for {seconds:g} s ({run.seconds:.1f} s with the "
          f"last answers), load average {run.load:.1f} on {os.cpu_count()} cores")
    print(f"requests {total:,}, failed {run.failed}, {len(every) / run.seconds:,.0f} answers/s")
    if every:
        print("latency ms: " + ", ".join(
            f"p{q} {1000 * percentile(every, q):.1f}" for q in (50, 90, 99))
              + f", max {1000 * max(every):.1f}, mean {1000 * statistics.fmean(every):.1f}")
    print(f"most threads in the server's processes: {run.threads:,}")
    for message, count in run.failures.most_common(10):
        print(f"FAILED x{count}: {message}")
    for message, count in run.slow.most_common():
        print(f"slow query x{count}: {message}")
    print(f"update on the read-only server: {run.update}")


def table(runs: list[Run]) -> None:
    print("\n| configuration | requests | failed | answers/s | p50 ms | p90 ms | p99 ms | "
          "max ms | threads |\n|---|---|---|---|---|---|---|---|---|")
    for run in runs:
        every = run.answers
        if not every:
            print(f"| {run.config} | {run.failed:,} | {run.failed:,} | 0 | | | | | "
                  f"{run.threads:,} |")
            continue
        cells = [f"{1000 * percentile(every, q):.0f}" for q in (50, 90, 99)]
        print(f"| {run.config} | {len(every) + run.failed:,} | {run.failed:,} | "
              f"{len(every) / run.seconds:,.0f} | {' | '.join(cells)} | "
              f"{1000 * max(every):.0f} | {run.threads:,} |")
    labels = sorted({label for run in runs for label in run.latencies})
    print("\n| request | " + " | ".join(f"{run.config} p50/p99 ms" for run in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for label in labels:
        cells = []
        for run in runs:
            values = run.latencies.get(label)
            cells.append(f"{1000 * percentile(values, 50):.1f} / "
                         f"{1000 * percentile(values, 99):.1f}" if values else "")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, help="a built graph (default: the seed article)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--configs", default="oxigraph,serve,serve-slow",
                        help=f"comma-separated, in order, among {', '.join(CONFIGS)}")
    args = parser.parse_args()
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        parser.error(f"unknown configuration(s) {', '.join(unknown)}")

    graph = args.graph or seed_graph()
    requests = workload(graph)
    print(f"graph {graph}: {len(requests)} kinds of request")
    runs = []
    for config in configs:
        run = measure(config, graph, requests, args.clients, args.seconds)
        report(run, args.clients, args.seconds)
        runs.append(run)
    table(runs)
    bad = [run.config for run in runs if run.config != "oxigraph-timeout" and (
        run.failed or not run.update.startswith("HTTP 403")
        or any(not m.startswith("stopped") for m in run.slow))]
    if bad:
        print(f"\nfailures in: {', '.join(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
