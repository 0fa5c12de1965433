"""SPARQL over a graph of about a million quads: the project's path, Oxigraph directly, rdflib.

    python bench/bench_query.py [--quads 1000000] [--seed 0] [--runs 5] [--rdflib-timeout 120]
                                [--only NAME,...] [--bound-only] [--no-rdflib] [--before REV]

Generates a synthetic corpus (bench/generate_corpus.py) large enough for about --quads quads in
dataset.nq, builds it once with okoce_graph.pipeline.build(..., html=False) (and validate=False
unless --validate) into a cache folder
under /tmp (reused when present) and reports the build's time, quads and peak memory. Then, for
every named query, once with no parameter (the whole list, no LIMIT) and once with its first
parameter bound to a label that exists in the corpus, it takes the median of --runs runs after
one warm-up of each of these (the first four in turns, so that load from other processes falls
on all of them; 25 runs instead when their warm-ups take under 0.2 s together):

  project   okoce_graph.sparql.run_query(graph_dir, text, params), results collected (with
            timeout=600 rather than the default 30 s: the same path, never stopped)
  +store    the same with the store already open (run_query(..., store=store)), for diagnosis
  direct    store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True,
            substitutions=...) on the same pyoxigraph store, every solution read
  before    (with --before REV) direct, on the named query's text at git revision REV
  rdflib    rdflib's in-memory SPARQL engine on the dataset parsed into a Dataset
            (default_union=True), in a forked child stopped after --rdflib-timeout seconds

and the whole-process time of `okoce-graph query --name positions --param person=...` and of
`okoce-graph explain ...`. Prints markdown tables; writes the figures as JSON beside the cache.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

CACHE = Path("/tmp/okoce-bench-query")
SAMPLE_ARTICLES = 50

# Labels that exist in the corpus, for the one-entity runs: the most frequent of each kind.
PICKS = {
    "person": """
        SELECT ?label (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {
          ?p a okg:Person ; rdfs:label ?label ; org:holds ?post ; okg:said ?q } }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""",
    "event": """
        SELECT ?label (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g {
          ?x okg:attended ?e . ?e rdfs:label ?label } }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""",
    "party": """
        SELECT ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g {
          ?a okg:collaboratesWith ?b ; rdfs:label ?label } }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""",
    "claimant": """
        SELECT ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c okg:claimed ?f ; rdfs:label ?label } }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""",
    "new_name": """
        SELECT ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g {
          ?o okg:renamedTo ?new . ?new rdfs:label ?label } }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""",
}
# Which pick binds each parameter of the named queries.
PARAM_PICK = {"person": "person", "name": "person", "subject": "person", "speaker": "person",
              "event": "event", "party": "party", "claimant": "claimant", "new_name": "new_name"}

_RDFLIB_DATASET: Any = None  # parsed once in the parent, shared with forked children


def revision() -> str:
    """The git tree of src/ (what the figures depend on), "+dirty" with uncommitted changes."""
    root = HERE.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD:src"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Corpus and build ------------------------------------------------------------------------------


def build_in_child(articles: Path, out: Path, validate: bool) -> dict[str, Any]:
    """Build in a fresh process, so that its peak memory is the build's own."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--_build", str(articles), str(out),
         *(["--validate"] if validate else [])],
        check=True, capture_output=True, text=True,
    )
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    stats["validate"] = validate
    return stats


def _build_main(articles: Path, out: Path, validate: bool) -> None:
    import inspect

    from okoce_graph.pipeline import build

    options: dict[str, Any] = {"html": False}
    if "validate" in inspect.signature(build).parameters:
        options["validate"] = validate  # SHACL over a million quads takes many minutes
    start = time.perf_counter()
    result = build([articles], out, **options)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "quads": result.quads, "facts": result.facts,
                      "entities": result.entities, "articles": len(result.articles),
                      "peak_rss_mb": peak_rss_mb()}))


def cached_build(folder: Path, n: int, seed: int, validate: bool) -> dict[str, Any]:
    articles, graph, stats_file = folder / "articles", folder / "graph", folder / "build.json"
    if stats_file.is_file() and (graph / "manifest.json").is_file():
        stats = json.loads(stats_file.read_text())
        stats["cached"] = True
        return stats
    shutil.rmtree(folder, ignore_errors=True)
    paths = generate(n, seed, articles)
    stats = build_in_child(articles, graph, validate)
    stats["bytes"] = sum(p.stat().st_size for p in paths)
    stats_file.write_text(json.dumps(stats))
    stats["cached"] = False
    return stats


def query_at(rev: str, name: str) -> str | None:
    """The text of a named query at a git revision, or None when it did not exist."""
    proc = subprocess.run(["git", "-C", str(HERE.parent), "show",
                           f"{rev}:src/okoce_graph/queries/{name}.rq"],
                          capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def values_inside_graph(text: str, params: dict[str, str]) -> str:
    """The query with its bindings written as VALUES at the start of the GRAPH ?g block."""
    at = text.index("GRAPH ?g {") + len("GRAPH ?g {")
    rows = "".join(f"\n    VALUES ?{k} {{ {json.dumps(v, ensure_ascii=False)} }}"
                   for k, v in params.items())
    return text[:at] + rows + text[at:]


# Timing ----------------------------------------------------------------------------------------


class Timing(NamedTuple):
    wall: float | None  # median wall-clock seconds; None: stopped at the timeout
    cpu: float | None  # median CPU seconds (user + system) of the same runs
    rows: int | str | None  # rows of the last run, or rdflib's error
    runs: int = 0


def median_time(call: Callable[[], int], runs: int) -> Timing:
    """Medians of `runs` calls after one warm-up, and the row count of the last call."""
    rows = call()
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        rows = call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus), rows, runs)


QUICK, QUICK_RUNS = 0.2, 25  # calls whose warm-ups together take under 0.2 s get 25 runs


def interleaved(calls: dict[str, Callable[[], int]], runs: int) -> dict[str, Timing]:
    """median_time of several calls taken in turns (run i of each, then run i + 1 ...), so
    that a burst of load from other processes falls on all of them rather than on one."""
    start = time.perf_counter()
    rows = {name: call() for name, call in calls.items()}  # the warm-ups
    if time.perf_counter() - start < QUICK:  # milliseconds: more runs for a steadier median
        runs = max(runs, QUICK_RUNS)
    walls: dict[str, list[float]] = {name: [] for name in calls}
    cpus: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for i in range(runs):
        for name in names[i % len(names):] + names[:i % len(names)]:  # each goes first in turn
            call = calls[name]
            start, cpu = time.perf_counter(), time.process_time()
            rows[name] = call()
            walls[name].append(time.perf_counter() - start)
            cpus[name].append(time.process_time() - cpu)
    return {name: Timing(statistics.median(walls[name]), statistics.median(cpus[name]),
                         rows[name], runs) for name in calls}


def _rdflib_child(conn: Any, text: str, params: dict[str, str], runs: int,
                  budget: float) -> None:
    from rdflib import Literal, Variable

    from okoce_graph.vocab import PREFIXES

    bindings = {Variable(k): Literal(v) for k, v in params.items()}
    spent = 0.0
    try:
        for i in range(runs + 1):
            start, cpu = time.perf_counter(), time.process_time()
            rows = len(list(_RDFLIB_DATASET.query(text, initNs=PREFIXES, initBindings=bindings)))
            wall = time.perf_counter() - start
            conn.send(("run", wall, time.process_time() - cpu, rows))
            spent += wall if i else 0
            if spent > budget:  # a slow query: fewer timed runs rather than hours
                break
        conn.send(("done",))
    except Exception as exc:  # rdflib cannot run some queries at all: report it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    conn.close()


def rdflib_time(text: str, params: dict[str, str], runs: int, timeout: float) -> Timing:
    """Medians of up to `runs` runs after a warm-up, in a forked child; the child is stopped
    when one run exceeds `timeout` (wall None), and stops timing once the timed runs add up
    to more than `timeout`. rdflib's error, if it fails, is in `rows`."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, text, params, runs, timeout))
    proc.start()
    child.close()
    walls: list[float] = []
    cpus: list[float] = []
    rows: int | str | None = None
    first = True
    try:
        while True:
            if not parent.poll(timeout):
                return Timing(None, None, None)
            message = parent.recv()
            if message[0] == "error":
                return Timing(None, None, message[1])
            if message[0] == "done":
                break
            _, wall, cpu, rows = message
            if not first:
                walls.append(wall)
                cpus.append(cpu)
            first = False
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    return Timing(statistics.median(walls), statistics.median(cpus), rows, len(walls))


def cli_time(args: list[str], runs: int, timeout: float) -> Timing:
    """Whole-process wall and CPU medians of a command line, after one warm-up."""
    exe = shutil.which("okoce-graph") or str(Path(sys.executable).parent / "okoce-graph")
    walls, cpus = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        try:
            subprocess.run([exe, *args], check=True, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Timing(None, None, None)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(time.perf_counter() - start)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return Timing(statistics.median(walls), statistics.median(cpus), None, runs)


# Report ----------------------------------------------------------------------------------------


def ms(seconds: float | None, timeout: float = 0) -> str:
    if seconds is None:
        return f"> {timeout:g} s"
    return f"{seconds * 1000:,.1f}" if seconds < 10 else f"{seconds * 1000:,.0f}"


def ratio(a: float | None, b: float | None, timeout_side: str = "") -> str:
    if a is None and timeout_side == "a" and b:
        return "≥ timeout"
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}" if a / b < 10 else f"{a / b:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="about this many quads")
    parser.add_argument("--articles", type=int, help="use this many articles instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib column")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--only", help="only these named queries (comma-separated); skips the "
                        "facts() and command-line timings")
    parser.add_argument("--before", metavar="REV",
                        help="also time the named queries as they were at git revision REV "
                        "(direct pyoxigraph), side by side with today's")
    parser.add_argument("--bound-only", action="store_true",
                        help="only the runs with a parameter bound")
    parser.add_argument("--validate", action="store_true",
                        help="build with SHACL validation (off by default: slow at this size)")
    parser.add_argument("--_build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._build:
        _build_main(*args._build, args.validate)
        return

    import pyoxigraph as ox

    from okoce_graph.dataset import open_store
    from okoce_graph.sparql import named_queries, run_query
    from okoce_graph.vocab import PREFIXES

    report: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(),
                              "loadavg_start": os.getloadavg(), "revision": revision(),
                              "before": args.before}
    print(f"okoce-graph src/ tree {report['revision']}")
    n = args.articles
    if n is None:
        sample = cached_build(args.cache / f"sample-s{args.seed}", SAMPLE_ARTICLES, args.seed,
                              args.validate)
        per_article = sample["quads"] / sample["articles"]
        n = math.ceil(args.quads / per_article)
        print(f"sample: {sample['articles']} articles -> {sample['quads']:,} quads, "
              f"{per_article:.0f} quads per article -> {n:,} articles for {args.quads:,} quads")
        report["quads_per_article"] = per_article
    folder = args.cache / f"n{n}-s{args.seed}"
    stats = cached_build(folder, n, args.seed, args.validate)
    graph = folder / "graph"
    nq_bytes = (graph / "dataset.nq").stat().st_size
    report["build"] = stats
    print(f"corpus: {stats['articles']:,} articles ({stats['bytes'] / 1e6:.1f} MB) in {folder}"
          f"{' (cached)' if stats['cached'] else ''}")
    print(f"build:  {stats['seconds']:.1f} s, {stats['quads']:,} quads "
          f"(dataset.nq {nq_bytes / 1e6:.0f} MB), {stats['facts']:,} facts, "
          f"{stats['entities']:,} entities, peak RSS {stats['peak_rss_mb']:,.0f} MB")

    store = ox.Store.read_only(str(graph / "store"))
    picks = {}
    for key, text in PICKS.items():
        row = next(iter(store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)))
        picks[key] = (row["label"].value, int(row["n"].value))
    report["picks"] = picks
    print("bindings: " + "; ".join(f"{k}={v!r} ({c})" for k, (v, c) in picks.items()))

    report["open_store"] = median_time(lambda: (open_store(graph), 0)[1], args.runs)
    print(f"open_store(graph_dir) alone (read + SHA-256 of dataset.nq, open): "
          f"{ms(report['open_store'].wall)} ms")

    # Phase 1: Oxigraph and the command line, before rdflib's millions of Python objects exist
    # (a garbage collection walking them would be charged to whatever runs at that moment).
    rows_out: list[dict[str, Any]] = []
    only = set(args.only.split(",")) if args.only else None
    for name, query in named_queries().items():
        if only is not None and name not in only:
            continue
        variants: list[tuple[str, dict[str, str]]] = [] if args.bound_only else [("all", {})]
        if query.params:
            param = query.params[0]
            variants.append((f"{param}=…", {param: picks[PARAM_PICK.get(param, "person")][0]}))
        for label, params in variants:
            text = query.text
            subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items()} or None

            # The default path (a worker thread that enforces a timeout), with a timeout long
            # enough that a slow run is measured rather than stopped at 30 s.
            def project(text: str = text, params: dict[str, str] = params) -> int:
                return len(run_query(graph, text, params, timeout=600).rows)

            def with_store(text: str = text, params: dict[str, str] = params) -> int:
                return len(run_query(graph, text, params, timeout=600, store=store).rows)

            def direct(text: str = text, subs: Any = subs) -> int:
                result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True,
                                     substitutions=subs)
                return len([tuple(solution) for solution in result])

            row: dict[str, Any] = {"query": name, "variant": label, "params": params,
                                   "text": text}
            calls: dict[str, Callable[[], int]] = {
                "project": project, "project_store": with_store, "direct": direct}
            if params:  # diagnosis: the same binding written as VALUES inside GRAPH ?g { }
                inlined = values_inside_graph(text, params)
                calls["values"] = lambda q=inlined: direct(q, None)
            row.update({"values": None, "before": None})
            row.update(interleaved(calls, args.runs))
            # Apart: the old text reads other parts of the store, which would cool the caches
            # for whichever column came after it.
            if args.before and (old := query_at(args.before, name)) is not None:
                old_subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items()
                            if f"?{k}" in old} or None
                row["before"] = median_time(lambda q=old, s=old_subs: direct(q, s), args.runs)
            for column in ("values", "before"):
                if row[column] is not None and row[column].rows != row["direct"].rows:
                    print(f"  ! {name}: {column} gives {row[column].rows} rows, "
                          f"not {row['direct'].rows}")
            row["rdflib"] = None
            rows_out.append(row)
            values = row["values"]
            print(f"  {name:<15} {label:<12} rows {row['project'].rows:>7,}  project "
                  f"{ms(row['project'].wall):>9} ms  +store {ms(row['project_store'].wall):>9}"
                  f"  direct {ms(row['direct'].wall):>9}  VALUES "
                  f"{ms(values.wall) if values else '-':>9}  before "
                  f"{ms(row['before'].wall) if row['before'] else '-':>9}", flush=True)
    report["queries"] = rows_out

    person = picks["person"][0]
    if only is None:
        extras(report, graph, store, person, args)

    # Phase 2: rdflib, parsed once here and queried in forked children that can be stopped.
    global _RDFLIB_DATASET
    if not args.no_rdflib:
        from rdflib import Dataset

        before = peak_rss_mb()
        start = time.perf_counter()
        _RDFLIB_DATASET = Dataset(default_union=True)
        _RDFLIB_DATASET.parse(str(graph / "dataset.nq"), format="nquads")
        report["rdflib_parse_s"] = time.perf_counter() - start
        report["rdflib_rss_mb"] = peak_rss_mb() - before
        gc.freeze()  # children share the parsed graph and never scan it
        print(f"rdflib: parsed dataset.nq in {report['rdflib_parse_s']:.1f} s "
              f"(+{report['rdflib_rss_mb']:,.0f} MB peak RSS)")
        for row in rows_out:
            row["rdflib"] = rdflib_time(row["text"], row["params"], args.runs,
                                        args.rdflib_timeout)
            print(f"  {row['query']:<15} {row['variant']:<12} rdflib "
                  f"{rdflib_cell(row, args.rdflib_timeout)} ({row['rdflib'].runs} runs)",
                  flush=True)

    report["loadavg_end"] = os.getloadavg()
    if revision() != report["revision"]:
        print(f"WARNING: the source changed during the run ({report['revision']} -> "
              f"{revision()}): the figures mix two versions")
    print(f"load average at the start {report['loadavg_start'][0]:.1f}, "
          f"at the end {report['loadavg_end'][0]:.1f} (other processes share the machine)")
    suffix = f"-only-{args.only.replace(',', '-')}" if args.only else ""
    (args.cache / f"results-n{n}-s{args.seed}{suffix}.json").write_text(
        json.dumps(timing_json(report), indent=1, ensure_ascii=False))
    print()
    print(markdown(report, args.rdflib_timeout, args.no_rdflib, "wall"))
    print()
    print("The same in CPU seconds (user + system) of the measuring process, or of the child:")
    print()
    print(markdown(report, args.rdflib_timeout, args.no_rdflib, "cpu"))


def extras(report: dict[str, Any], graph: Path, store: Any, person: str,
           args: argparse.Namespace) -> None:
    """facts() over the whole graph and whole-process command-line timings."""
    from okoce_graph.facts_table import facts

    report["facts"] = median_time(lambda: len(facts(graph, store)), min(args.runs, 3))
    print(f"facts(graph_dir, store): {report['facts'].wall:.2f} s, "
          f"{report['facts'].rows:,} rows")
    timeout = max(args.rdflib_timeout, 300)
    report["cli_version"] = cli_time(["--version"], args.runs, timeout)
    report["cli_positions"] = cli_time(
        ["query", "--name", "positions", "--param", f"person={person}", "--graph", str(graph)],
        args.runs, timeout)
    report["cli_explain"] = cli_time(["explain", person, "--graph", str(graph)],
                                     args.runs, timeout)
    print(f"okoce-graph --version {sec(report['cli_version'].wall)} s, query --name positions "
          f"{sec(report['cli_positions'].wall)} s, explain {sec(report['cli_explain'].wall)} s")


def timing_json(value: Any) -> Any:
    """The report with every Timing as an object (json writes a NamedTuple as a list)."""
    if isinstance(value, Timing):
        return value._asdict()
    if isinstance(value, dict):
        return {k: timing_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [timing_json(v) for v in value]
    return value


def sec(seconds: float | None) -> str:
    return "timed out" if seconds is None else f"{seconds:.2f}"


def rdflib_cell(row: dict[str, Any], timeout: float, field: str = "wall") -> str:
    t: Timing | None = row["rdflib"]
    if t is None:
        return "not run"
    if isinstance(t.rows, str):
        return "fails: " + t.rows.split(":")[0]
    if t.wall is None:
        return f"> {timeout:g} s"
    text = ms(getattr(t, field))
    if t.rows != row["project"].rows:
        text += f" ({t.rows:,} rows)"
    if t.runs < 5:
        text += f" (n={t.runs})"
    return text


def markdown(report: dict[str, Any], timeout: float, no_rdflib: bool, field: str) -> str:
    unit = "ms" if field == "wall" else "ms CPU"
    lines = [
        f"| query | binding | rows | project `run_query` ({unit}) | same, store passed "
        f"({unit}) | direct pyoxigraph ({unit}) | direct, binding as VALUES in GRAPH ({unit}) "
        f"| rdflib ({unit}) | project / direct | rdflib / project |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    before = report.get("before")
    if before:
        lines[0] = lines[0].replace(" | rdflib (",
                                    f" | direct, queries at {before} ({unit}) | rdflib (", 1)
        lines[1] += "---:|"
    for r in report["queries"]:
        binding = ", ".join(f'{k}="{v}"' for k, v in r["params"].items()) or "none (all rows)"
        project, direct = getattr(r["project"], field), getattr(r["direct"], field)
        rdflib: Timing | None = r["rdflib"]
        rdflib_ratio = "–"
        if rdflib is not None and not isinstance(rdflib.rows, str):
            if rdflib.wall is None:
                rdflib_ratio = f"> {timeout / r['project'].wall:,.0f}"
            else:
                rdflib_ratio = ratio(getattr(rdflib, field), project)
        values = "–" if r["values"] is None else ms(getattr(r["values"], field))
        if before:
            values += " | " + ("–" if r["before"] is None else ms(getattr(r["before"], field)))
        lines.append(
            f"| {r['query']} | {binding} | {r['project'].rows:,} | {ms(project)} | "
            f"{ms(getattr(r['project_store'], field))} | {ms(direct)} | {values} | "
            f"{rdflib_cell(r, timeout, field)} | {ratio(project, direct)} | {rdflib_ratio} |"
        )

    def cell(t: Timing) -> str:
        value = getattr(t, field)
        return "timed out" if value is None else f"{value:.2f}"

    if "cli_version" not in report:  # --only: no command-line timings
        return "\n".join(lines)
    lines += [
        "",
        f"| median of {report['cli_version'].runs} after a warm-up | seconds ({field}) |",
        "|---|---:|",
        f"| `okoce-graph --version` (start-up alone) | {cell(report['cli_version'])} |",
        f"| `okoce-graph query --name positions --param person=…` | "
        f"{cell(report['cli_positions'])} |",
        f"| `okoce-graph explain …` | {cell(report['cli_explain'])} |",
        f"| in-process: `open_store(graph_dir)` | {cell(report['open_store'])} |",
        f"| in-process: `facts(graph_dir, store)` ({report['facts'].rows:,} rows) | "
        f"{cell(report['facts'])} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
