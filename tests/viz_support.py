"""A generated network and a headless-Chromium page loader, shared by the HTML tests and by
`bench/bench_viz.py`."""

from __future__ import annotations

import html
import os
import random
import re
import shutil
import subprocess
import tempfile
import urllib.parse
from pathlib import Path

import networkx as nx

from okoce_graph.viz import ENTITY_TYPES

TYPES = list(ENTITY_TYPES)


def random_graph(n: int = 5000, m: int = 10000, seed: int = 7) -> nx.MultiDiGraph:
    """n entities of every type and m random 'attended' edges, the same for the same seed."""
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


def chromium_executable() -> str | None:
    return (
        os.environ.get("OKG_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def load_in_chromium(
    exe: str, page: Path, term: str, budget_ms: int = 5000, timeout: int = 120
) -> tuple[dict[str, str], str]:
    """Load `page` with the self-test hash, every host lookup blocked; return the data of
    #okg-status and the dumped DOM. Raises RuntimeError when Chromium or the page fails."""
    url = page.resolve().as_uri() + "#okg-test=" + urllib.parse.quote(term, safe="")
    with tempfile.TemporaryDirectory(prefix="okg-chromium-") as profile:
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            url,
        ]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"chromium failed (rc={proc.returncode}): {proc.stderr[-2000:]}")
    m = re.search(r'<div id="okg-status"([^>]*)>', proc.stdout)
    if not m:
        raise RuntimeError(f"no #okg-status in the dumped DOM; stderr: {proc.stderr[-2000:]}")
    status = {k: html.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1))}
    return status, proc.stdout
