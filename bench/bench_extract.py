"""Per-article throughput of a build's extraction and mapping, on one core (run by hand).

    python bench/bench_extract.py [--rounds N] [--articles N] [--seed S] [--profile]

What is timed is what a build does for each article once it has its text (`pipeline.compute`):
parse_article -> extract -> resolve -> the article's sorted N-Quads lines
(`mapping.to_nquads_lines`). Two sets:

- generated: `--articles` articles from `generate_corpus.py` (default 300, seed 0; 2.3-3.8 KB,
  mean 2.9 KB), the "typical 3 KB articles" of issue #3's bar of 200 articles/s;
- corpus: the written articles (tests/corpus/articles and data/articles).

Each round runs every article of a set once, in one process; the script reports the median,
min and max articles/s over the rounds (wall clock, and the median by the process's CPU time,
steadier on a machine shared with other jobs), the mean article size, and the median time per
article of each stage. `--profile` instead runs one pass over the generated set under cProfile and
prints the functions with the most time of their own and the most time in all.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from okoce_graph.article import article_id_for, parse_article
from okoce_graph.extract.relations import extract
from okoce_graph.mapping import to_nquads_lines
from okoce_graph.resolution import resolve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

Article = tuple[str, str, str, str]  # text, id, file name, sha256 of the bytes
STAGES = ("parse", "extract", "resolve", "map")


def _read(paths: list[Path]) -> list[Article]:
    articles = []
    for path in paths:
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        articles.append((data.decode("utf-8-sig"), article_id_for(path), path.name, sha256))
    return articles


def _run(articles: list[Article]) -> list[float]:
    """One pass over the articles; seconds spent in each stage, in the order of STAGES."""
    spent = [0.0] * len(STAGES)
    clock = time.perf_counter
    for text, article_id, name, sha256 in articles:
        t0 = clock()
        article = parse_article(text, article_id, name)
        t1 = clock()
        extraction = extract(article)
        t2 = clock()
        resolution = resolve(article, extraction)
        t3 = clock()
        to_nquads_lines(resolution, sha256)
        t4 = clock()
        spent[0] += t1 - t0
        spent[1] += t2 - t1
        spent[2] += t3 - t2
        spent[3] += t4 - t3
    return spent


def _measure(label: str, articles: list[Article], rounds: int) -> None:
    _run(articles[:1])  # load the lexicons and compile the patterns once, as a build does
    passes, cpu_rates = [], []
    for _ in range(rounds):
        cpu = time.process_time()
        passes.append(_run(articles))
        cpu_rates.append(len(articles) / (time.process_time() - cpu))
    rates = [len(articles) / sum(spent) for spent in passes]
    size = statistics.mean(len(text.encode()) for text, *_ in articles)
    per_stage = ", ".join(
        f"{stage} {statistics.median(p[i] for p in passes) / len(articles) * 1000:.2f}"
        for i, stage in enumerate(STAGES)
    )
    print(
        f"{label}: {len(articles)} articles, mean {size / 1024:.2f} KB ({size:,.0f} bytes): "
        f"median {statistics.median(rates):.0f} articles/s (min {min(rates):.0f}, "
        f"max {max(rates):.0f}; by CPU time {statistics.median(cpu_rates):.0f}) over {rounds} "
        f"rounds; ms per article: {per_stage}"
    )


def _profile(articles: list[Article], top: int) -> None:
    _run(articles[:1])
    profiler = cProfile.Profile()
    profiler.runcall(_run, articles)
    for order in ("tottime", "cumulative"):
        print(f"--- by {order} ---")
        pstats.Stats(profiler).strip_dirs().sort_stats(order).print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--articles", type=int, default=300, help="generated articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="cProfile one generated pass")
    parser.add_argument("--top", type=int, default=25, help="functions the profile lists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generated = _read(generate(args.articles, args.seed, Path(tmp)))
    if args.profile:
        _profile(generated, args.top)
        return
    corpus = sorted((ROOT / "tests" / "corpus" / "articles").glob("*.txt"))
    corpus += sorted((ROOT / "data" / "articles").glob("*.txt"))
    _measure(f"generated (seed {args.seed})", generated, args.rounds)
    _measure("corpus", _read(corpus), args.rounds)


if __name__ == "__main__":
    main()
