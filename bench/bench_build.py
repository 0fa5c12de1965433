"""Corpus builds end to end, then one article added, each in a fresh process (run by hand).

    python bench/bench_build.py [--articles 10000] [--size brief|full] [--seed 1] [--jobs 2]
                                [--html] [--validate] [--runs 3]

Generates the corpus with bench/generate_corpus.py into /tmp (reused when present), then:

  full     `okoce-graph build CORPUS --out OUT --jobs J` into an empty OUT, as a child process
           measured with wait4: wall time, CPU time, peak RSS of the build and its workers
  add one  a new article (generated with another seed) is copied into the corpus and the same
           command rebuilds OUT; the article is removed again before the next run

Both are repeated --runs times (medians reported) and each run prints its phases: the child is
started with OKG_BENCH_PHASES=1, which makes this script's sitecustomize wrap the pipeline's
stages with timers (the project's code has no timing hooks). Each build starts after a sync, so
that it does not pay for writing back what the step before it left in the page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

# Imported by the child through PYTHONPATH: times the pipeline's stages and writes them as JSON.
PHASES = '''
import atexit, json, os, time
from okoce_graph import dataset, pipeline

phases = {}

def timed(module, name, label):
    real = getattr(module, name)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            phases[label] = phases.get(label, 0.0) + time.perf_counter() - start
    setattr(module, name, wrapper)

timed(pipeline, "load_sources", "read articles")
timed(pipeline, "_compute_all", "extract + map")
timed(pipeline, "_validate", "validate")
timed(pipeline, "write_dataset", "write dataset")
timed(pipeline.StoreWriter, "finish", "store (after extraction)")
timed(pipeline, "_write_html", "html")
timed(pipeline, "publish_folder", "publish")
atexit.register(lambda: open(os.environ["OKG_BENCH_PHASES"], "w").write(json.dumps(phases)))
'''


def run_build(corpus: Path, out: Path, args: argparse.Namespace) -> dict[str, object]:
    """One build in a child process: wall and CPU seconds, peak RSS (MB), phases."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "sitecustomize.py").write_text(PHASES, encoding="utf-8")
        phases_file = Path(tmp) / "phases.json"
        path = os.pathsep.join(filter(None, [tmp, os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path, "OKG_BENCH_PHASES": str(phases_file)}
        command = [sys.executable, "-m", "okoce_graph", "build", str(corpus), "--out", str(out),
                   "--jobs", str(args.jobs)]
        command += [] if args.html else ["--no-html"]
        command += [] if args.validate else ["--no-validate"]
        # The disk writes the previous step left in the page cache are not this step's cost.
        os.sync()
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        summary = child.stderr.read().decode().strip().splitlines()  # type: ignore[union-attr]
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"build failed: {summary[-1] if summary else status}")
        phases = json.loads(phases_file.read_text(encoding="utf-8"))
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,  # the largest of the build and its workers
        "phases": phases,
        "summary": summary[-1] if summary else "",
    }


def show(label: str, run: dict[str, object]) -> None:
    phases = ", ".join(f"{k} {v:.2f}" for k, v in run["phases"].items())  # type: ignore[union-attr]
    print(f"{label}: {run['wall']:.2f} s wall, {run['cpu']:.1f} s CPU, peak RSS "
          f"{run['peak_mb']:.0f} MB | {phases}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--size", choices=("brief", "full"), default="brief")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--html", action="store_true", help="also write graph.html")
    parser.add_argument("--validate", action="store_true", help="also validate (SHACL)")
    args = parser.parse_args()

    corpus = Path(f"/tmp/okoce-bench-build/{args.size}-n{args.articles}-s{args.seed}")
    if not corpus.is_dir():
        generate(args.articles, args.seed, corpus, args.size)
    extra_dir = corpus.parent / f"extra-{args.size}"
    if not extra_dir.is_dir():
        generate(1, args.seed + 1000, extra_dir, args.size)
    extra = next(extra_dir.glob("*.txt"))
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    print(f"corpus: {args.articles} {args.size} articles, {size / 1e6:.1f} MB, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", flush=True)

    fulls, adds = [], []
    out = corpus.parent / f"out-{args.size}-n{args.articles}"
    added = corpus / f"zz_added_{extra.name}"
    for i in range(args.runs):
        shutil.rmtree(out, ignore_errors=True)
        added.unlink(missing_ok=True)
        fulls.append(run_build(corpus, out, args))
        show(f"run {i + 1} full build", fulls[-1])
        shutil.copy(extra, added)
        adds.append(run_build(corpus, out, args))
        show(f"run {i + 1} add one article", adds[-1])
        added.unlink()
    print(fulls[-1]["summary"])
    print(f"dataset.nq: {(out / 'dataset.nq').stat().st_size / 1e6:.0f} MB")
    for label, runs in (("full build", fulls), ("add one article", adds)):
        print(f"median {label}: {statistics.median(r['wall'] for r in runs):.2f} s wall, "
              f"{statistics.median(r['cpu'] for r in runs):.1f} s CPU, peak RSS "
              f"{max(r['peak_mb'] for r in runs):.0f} MB (max)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
