"""Per-article SHACL validation, before and after, side by side in one process (run by hand).

    python bench/bench_validate.py [--articles 200] [--size brief|full] [--seed 1]
                                   [--corpus FOLDER]

Builds the articles (generated with bench/generate_corpus.py into /tmp, reused when present, or
those of --corpus) with `--no-validate --no-html`, then validates each article's graph, as
`build` does, two ways: "old" is the path `validate_quads` took before it kept pySHACL's
compiled shapes (kept here only: rdflib's N-Quads parser into a Dataset, a fresh copy of the
shapes graph, `pyshacl.validate`), "new" is `okoce_graph.shacl.validate_quads`. Every article
is run once each way unmeasured first (one-off costs: imports, parsing the shapes and the
SPARQL texts), then once each way measured in CPU time. The old path runs first, before the
new one changes anything in pySHACL. Both must give the same report for every article (the
run fails otherwise); prints the medians, means and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

from okoce_graph import shacl  # noqa: E402
from okoce_graph.pipeline import build  # noqa: E402


def old_validate_quads(lines: list[str]) -> shacl.Report:
    """validate_quads as it was: everything but the prepared SPARQL texts is redone per call."""
    import pyshacl
    from rdflib import Dataset, Graph

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    dataset = Dataset()
    with shacl._quiet_rdflib(), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=text, format="nquads")
    data = old_graph_class()()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    shapes = Graph()
    for triple in old_shapes_triples():
        shapes.add(triple)
    with shacl._quiet_rdflib():
        _, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
            advanced=False,
            inplace=True,
        )
    return shacl._report(results, shapes)


OLD_PREPARED: dict[str, Any] = {}
OLD_SHAPES: list[tuple[Any, ...]] = []


def old_shapes_triples() -> tuple[Any, ...]:
    from rdflib import Graph

    if not OLD_SHAPES:
        OLD_SHAPES.append(tuple(Graph().parse(shacl.shapes_path(), format="turtle")))
    return OLD_SHAPES[0]


def old_graph_class() -> type:
    from rdflib import Graph
    from rdflib.plugins.sparql import prepareQuery

    class QueryCachedGraph(Graph):
        def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(query_object, str):
                lines = query_object.split("\n")
                prefixes = sorted(line for line in lines if line.startswith("PREFIX "))
                body = [line for line in lines if not line.startswith("PREFIX ")]
                key = "\n".join(prefixes + body)
                if key not in OLD_PREPARED:
                    OLD_PREPARED[key] = prepareQuery(key)
                query_object = OLD_PREPARED[key]
            return super().query(query_object, *args, **kwargs)

    return QueryCachedGraph


def cpu(function: Any, lines: list[str]) -> tuple[float, shacl.Report]:
    start = time.process_time()
    report = function(lines)
    return time.process_time() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--size", choices=["brief", "full"], default="full")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="articles to build instead of generated ones")
    args = parser.parse_args()

    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.gettempdir()) / f"okg-bench-{args.size}-{args.articles}-{args.seed}"
        if not corpus.is_dir():
            generate(args.articles, args.seed, corpus, size=args.size)
    with tempfile.TemporaryDirectory() as tmp:
        build([corpus], Path(tmp) / "out", html=False, validate=False)
        files = sorted((Path(tmp) / "out" / "cache").glob("*/*.nq"))
        articles = [f.read_text(encoding="utf-8").splitlines(keepends=True) for f in files]
    quads = statistics.median(len(lines) for lines in articles)
    print(f"{len(articles)} articles from {corpus}, median {quads:.0f} quads each")

    old_times, old_reports = [], []
    for lines in articles:
        old_validate_quads(lines)
    for lines in articles:
        seconds, report = cpu(old_validate_quads, lines)
        old_times.append(seconds)
        old_reports.append(report)
    new_times = []
    for lines in articles:
        shacl.validate_quads(lines)
    for lines, expected in zip(articles, old_reports, strict=True):
        seconds, report = cpu(shacl.validate_quads, lines)
        new_times.append(seconds)
        if report != expected:
            sys.exit(f"different reports:\n{expected.format()}\n---\n{report.format()}")

    print(f"same report for all {len(articles)} articles")
    print(f"{'CPU per article':<16}{'median':>10}{'mean':>10}")
    for name, times in (("old", old_times), ("new", new_times)):
        median, mean = statistics.median(times) * 1e3, statistics.mean(times) * 1e3
        print(f"{name:<16}{median:>8.1f}ms{mean:>8.1f}ms")
    ratio = statistics.median(old_times) / statistics.median(new_times)
    print(f"new is {ratio:.1f}x cheaper (medians)")


if __name__ == "__main__":
    main()
