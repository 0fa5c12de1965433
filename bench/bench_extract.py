"""Extraction + resolution + mapping throughput on the written corpus (run by hand).

    python bench/bench_extract.py [ROUNDS]

Reports the median over rounds of articles per second on one core, and the mean article size.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from okoce_graph.article import read_article
from okoce_graph.mapping import to_quads
from okoce_graph.pipeline import process

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    paths = sorted((ROOT / "tests" / "corpus" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "data" / "articles").glob("*.txt"))
    articles = [read_article(p) for p in paths]
    process(articles[0])  # load lexicons once, as a build does
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for article in articles:
            to_quads(process(article), "0" * 64)
        rates.append(len(articles) / (time.perf_counter() - start))
    size = statistics.mean(len(a.text.encode()) for a in articles)
    print(f"{len(articles)} articles, mean {size / 1024:.1f} KB; extract+resolve+map: "
          f"median {statistics.median(rates):.0f} articles/s (min {min(rates):.0f}, "
          f"max {max(rates):.0f}) over {rounds} rounds")


if __name__ == "__main__":
    main()
