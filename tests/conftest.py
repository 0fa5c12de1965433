"""Shared fixtures: the bundled seed article, and graphs built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from okoce_graph.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "articles"
SEED = SEED_DIR / "000_afb27e7d89d54495.txt"
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "build"
    build([SEED_DIR], out)
    return out


@pytest.fixture(scope="session")
def seed_facts(seed_graph: Path) -> list[dict]:
    from okoce_graph.facts_table import facts

    return facts(seed_graph)


def write_article(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
