"""`okoce_graph.remote.push` to a local Oxigraph server: first push, push again, forced re-push.

    python bench/bench_push.py [--graph DIR [--compare] [--unstamped]] [--articles 10000]
                               [--quads-per-article 100] [--changed 100] [--no-verify]
                               [--no-force]

Without --graph, writes a synthetic dataset of --articles article graphs of about
--quads-per-article quads each (about 1M quads by default) into a temporary folder: graph i
takes the next --quads-per-article lines of the test corpus's build (tests/corpus/articles,
built once into /tmp/okoce-bench-push/corpus), so the terms and literals are real ones, under
the article IRI .../article/synthetic-NNNNN. With --graph, pushes (a copy of) that built
graph's dataset, with its store's stamp, so the push knows the file is the one its build wrote
(it then checks less and lets Oxigraph skip its own checks); --unstamped leaves the stamp out,
as for a dataset edited since its build.

Starts `oxigraph serve` (writable, on disk, a free port on 127.0.0.1), then times:

  first     push into the empty server (Oxigraph: new graphs loaded in bulk)
  again     push the same dataset again (the push record says every graph is the same)
  verify    push again with verify=True (every graph fingerprinted and left alone)
  changed   --changed graphs edited (one literal each), pushed (those replaced with PUT)
  force     push with force=True (every graph replaced with PUT)

and checks after each that the server holds exactly the dataset's quads. Reports wall time and
the server's CPU time (from /proc) for each step. With --graph and --compare, after the first
push, runs every named query locally (the built store) and through the endpoint, with no
parameter and with its first parameter bound (the binding bench_query.py picks), and checks
that both print the same CSV.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/okoce-bench-push")
ARTICLE = "https://w3id.org/okoce-graph/id/article/"


def template() -> list[bytes]:
    from okoce_graph.pipeline import build

    out = CACHE / "corpus"
    if not (out / "dataset.nq").is_file():
        build([ROOT / "tests" / "corpus" / "articles"], out, html=False, validate=False)
    return (out / "dataset.nq").read_bytes().splitlines(keepends=True)


def synthetic(folder: Path, articles: int, per: int) -> int:
    lines = template()
    out: list[bytes] = []
    position = 0
    for i in range(articles):
        graph = f"<{ARTICLE}synthetic-{i:05d}> .\n".encode()
        for _ in range(per):
            line = lines[position % len(lines)]
            position += 1
            out.append(line[: line.rfind(b"<")] + graph)
    data = sorted(set(out))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.nq").write_bytes(b"".join(data))
    return len(data)


def edit(folder: Path, count: int) -> None:
    """Change one literal in each of the first `count` graphs."""
    path = folder / "dataset.nq"
    seen: set[bytes] = set()
    out = []
    for line in path.read_bytes().splitlines(keepends=True):
        graph = line[line.rfind(b"<") :]
        if graph not in seen and len(seen) < count and b'"' in line:
            seen.add(graph)
            first = line.index(b'"')
            line = line[: first + 1] + b"edited " + line[first + 1 :]
        out.append(line)
    path.write_bytes(b"".join(sorted(out)))


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def quads_on_server(endpoint: str) -> int:
    from okoce_graph.remote import run_remote_query

    result = run_remote_query(
        endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{ARTICLE}")) }}', timeout=120
    )
    return int(result.rows[0][0].value)


def compare(built: Path, endpoint: str) -> None:
    """Every named query, local and through the endpoint: the same CSV, or exit 1."""
    from bench_query import PARAM_PICK, PICKS

    from okoce_graph.dataset import open_store
    from okoce_graph.remote import run_remote_query
    from okoce_graph.sparql import format_result, named_queries, run_query
    from okoce_graph.vocab import PREFIXES

    store = open_store(built)
    picks = {}
    for key, text in PICKS.items():
        row = next(iter(store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)))
        picks[key] = row["label"].value
    same = True
    for name, query in named_queries().items():
        variants: list[dict[str, str]] = [{}]
        if query.params:
            variants.append({query.params[0]: picks[PARAM_PICK.get(query.params[0], "person")]})
        for params in variants:
            started = time.perf_counter()
            local = run_query(built, query.text, params, timeout=900)
            middle = time.perf_counter()
            remote = run_remote_query(endpoint, query.text, params, timeout=900)
            ok = format_result(remote, "csv") == format_result(local, "csv")
            same &= ok
            label = ", ".join(f"{k}={v!r}" for k, v in params.items()) or "no parameter"
            print(f"  compare {name} ({label}): {len(local.rows):,} rows, same: {ok} "
                  f"(local {middle - started:.1f} s, remote {time.perf_counter() - middle:.1f} s)",
                  flush=True)
    if not same:
        sys.exit(1)


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from okoce_graph.remote import launch_oxigraph, push

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, help="a built graph to push")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--quads-per-article", type=int, default=100)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--no-force", action="store_true", help="skip the forced re-push")
    parser.add_argument("--no-verify", action="store_true", help="skip the verified re-push")
    parser.add_argument("--compare", action="store_true",
                        help="with --graph: compare every named query, local and remote")
    parser.add_argument("--unstamped", action="store_true",
                        help="with --graph: push the dataset as if edited since its build")
    args = parser.parse_args()

    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=CACHE))
    try:
        if args.graph is not None:
            graph = work / "graph"
            graph.mkdir()
            shutil.copy2(args.graph / "dataset.nq", graph / "dataset.nq")  # its time too
            if not args.unstamped:
                (graph / "store").mkdir()
                shutil.copy(args.graph / "store" / "dataset.json", graph / "store")
        else:
            graph = work / "graph"
            started = time.perf_counter()
            synthetic(graph, args.articles, args.quads_per_article)
            print(f"synthetic dataset written in {time.perf_counter() - started:.1f} s")
        quads = sum(1 for _ in (graph / "dataset.nq").open("rb"))
        size = (graph / "dataset.nq").stat().st_size
        print(f"dataset: {quads:,} quads, {size / 1e6:.0f} MB")
        with launch_oxigraph(["serve", "--location", str(work / "server")], port=0) as server:
            steps = ["first", "again"] + ["verify"] * (not args.no_verify)
            steps += ["changed"] * bool(args.changed)
            steps += [] if args.no_force else ["force"]
            print("| step | wall s | server CPU s | added | replaced | unchanged | quads ok |")
            print("|---|---|---|---|---|---|---|")
            for name in steps:
                if name == "changed":
                    edit(graph, args.changed)
                cpu = cpu_seconds(server.process.pid)
                result = push(graph, server.query_url, force=name == "force",
                              verify=name == "verify")
                used = cpu_seconds(server.process.pid) - cpu
                ok = quads_on_server(server.query_url) == quads
                print(f"| {name} | {result.seconds:.1f} | {used:.1f} | {result.added} | "
                      f"{result.replaced} | {result.unchanged} | {ok} |", flush=True)
                if name == "first" and args.compare and args.graph is not None:
                    compare(args.graph, server.query_url)
            print(f"server: {urllib.parse.urlsplit(server.url).netloc}, load average "
                  f"{os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
