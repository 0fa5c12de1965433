"""build(): articles in; dataset, Turtle, Oxigraph store, merge report and HTML network out."""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .article import (
    ARTICLE_SUFFIXES,
    Article,
    article_id_for,
    decode_article,
    parse_article,
    read_bytes,
)
from .dataset import (
    nquads_lines,
    open_store,
    publish_folder,
    staging_folder,
    write_dataset,
    write_text,
)
from .errors import OkoceError
from .extract.relations import extract
from .mapping import to_quads
from .resolution import Merge, Resolution, resolve

DEFAULT_ARTICLES = Path("data/articles")
DEFAULT_OUT = Path("build")
HTML = "graph.html"
MERGES = "merges.jsonl"
MANIFEST = "manifest.json"
CACHE = "cache"
# The code whose changes change an article's quads (the cache key covers it).
_EXTRACTION_MODULES = {
    "__init__.py", "article.py", "resolution.py", "mapping.py", "vocab.py", "dataset.py",
    "pipeline.py",
}


@dataclass
class BuildResult:
    out: Path
    articles: list[str]
    quads: int
    facts: int
    entities: int
    merges: list[Merge] = field(default_factory=list)
    unresolved: list[Merge] = field(default_factory=list)
    reused: int = 0  # articles taken from the cache
    html_left_out: int = 0  # entities the HTML network leaves out (--max-nodes)


def find_articles(inputs: list[Path]) -> list[Path]:
    """Article files named by `inputs` (files, or folders searched for *.txt), in a stable order."""
    found: list[Path] = []
    for path in inputs:
        if not path.exists():
            raise OkoceError(f"{path}: no such file or folder")
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
            )
            if not files:
                raise OkoceError(f"{path}: no articles (*.txt) in this folder")
            found.extend(files)
        else:
            found.append(path)
    return found


@dataclass(frozen=True)
class Source:
    """An article's text as read and checked, before any extraction."""

    id: str
    name: str
    text: str
    sha256: str


def load_sources(paths: list[Path]) -> list[Source]:
    """Read and decode every article, in id order. Fails on the first bad one, before any
    write."""
    sources: list[Source] = []
    seen: dict[str, Path] = {}
    for path in paths:
        data = read_bytes(path)
        article_id = article_id_for(path)
        if article_id in seen and seen[article_id] != path:
            raise OkoceError(f"{path}: same article id '{article_id}' as {seen[article_id]}")
        seen[article_id] = path
        text = decode_article(data, str(path))
        sources.append(Source(article_id, path.name, text, hashlib.sha256(data).hexdigest()))
    return sorted(sources, key=lambda s: s.id)


def process(article: Article) -> Resolution:
    """Extract and resolve one article."""
    return resolve(article, extract(article))


@dataclass
class ArticleResult:
    """What one article contributes to the graph; what the cache keeps."""

    id: str
    sha256: str
    lines: list[str]  # sorted N-Quads lines of the article's named graph
    merges: list[dict[str, Any]]
    unresolved: list[dict[str, Any]]
    facts: int
    entities: list[str]  # "type\tkey" of every entity, for corpus-wide counts
    validated: bool = False


def compute(source: Source) -> ArticleResult:
    """Extract, resolve and map one article (run in worker processes with --jobs)."""
    resolution = process(parse_article(source.text, source.id, source.name))
    return ArticleResult(
        id=source.id,
        sha256=source.sha256,
        lines=nquads_lines(to_quads(resolution, source.sha256)),
        merges=[asdict(m) for m in resolution.merges],
        unresolved=[asdict(m) for m in resolution.unresolved],
        facts=len(resolution.facts),
        entities=sorted({f"{e.type}\t{e.key}" for e in resolution.entities}),
    )


@cache
def fingerprint() -> str:
    """A hash of the package's code and lexicons: cached results of another version are
    never reused."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and (relative in _EXTRACTION_MODULES or relative.startswith("extract/")):
            digest.update(relative.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_name(source: Source) -> str:
    return f"{source.id}.{source.sha256[:16]}.json"


def _cached(out: Path, source: Source) -> ArticleResult | None:
    path = out / CACHE / fingerprint() / _cache_name(source)
    try:
        return ArticleResult(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # missing or damaged: compute it again


def _keep_cache(staging: Path, out: Path, results: list[ArticleResult],
                sources: list[Source], reused: set[str]) -> None:
    folder = staging / CACHE / fingerprint()
    folder.mkdir(parents=True)
    for source, result in zip(sources, results, strict=True):
        target = folder / _cache_name(source)
        previous = out / CACHE / fingerprint() / _cache_name(source)
        if source.id in reused:
            try:
                os.link(previous, target)
                continue
            except OSError:
                pass
        target.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")


def _compute_all(
    todo: list[Source], jobs: int, progress: Callable[[int], None] | None
) -> list[ArticleResult]:
    if jobs <= 1 or len(todo) < 2:
        results = []
        for source in todo:
            results.append(compute(source))
            if progress:
                progress(1)
        return results
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(todo) // (jobs * 4)))
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(compute, todo, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
    return results


def build(
    inputs: list[Path] | None = None,
    out: Path = DEFAULT_OUT,
    *,
    html: bool = True,
    validate: bool = True,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    max_html_nodes: int = 2000,
) -> BuildResult:
    """Build the graph of the articles in `inputs` into `out`.

    Each article's result is cached in `out/cache/` under its content hash, so a rebuild
    redoes only new or edited articles; a removed article's graph is gone from the new build.
    `progress` is called with 1 after each article.
    """
    sources = load_sources(find_articles(inputs or [DEFAULT_ARTICLES]))
    cached = {s.id: r for s in sources if (r := _cached(out, s)) is not None}
    todo = [s for s in sources if s.id not in cached]
    if progress and cached:
        progress(len(cached))
    computed = {r.id: r for r in _compute_all(todo, jobs, progress)}
    results = [cached.get(s.id) or computed[s.id] for s in sources]
    if validate:
        unchecked = [r for r in results if not r.validated]
        if unchecked:
            _validate([line for r in unchecked for line in r.lines])
        for r in unchecked:
            r.validated = True
    lines = list(heapq.merge(*(r.lines for r in results)))
    merges = [Merge(**m) for r in results for m in r.merges]
    unresolved = [Merge(**m) for r in results for m in r.unresolved]
    result = BuildResult(
        out=out,
        articles=[r.id for r in results],
        quads=len(lines),
        facts=sum(r.facts for r in results),
        entities=len({e for r in results for e in r.entities}),
        merges=merges,
        unresolved=unresolved,
        reused=len(cached),
    )
    # Everything is written into a staging folder and published in one step at the end.
    staging = staging_folder(out)
    try:
        data = write_dataset(staging, lines)
        write_text(
            staging / MERGES,
            "".join(
                json.dumps(asdict(m), ensure_ascii=False, sort_keys=True) + "\n"
                for m in merges + unresolved
            ),
        )
        store = open_store(staging, data)
        if html:
            _write_html(staging, store, max_html_nodes, result)
        del store
        _keep_cache(staging, out, results, sources, set(cached))
        manifest = {
            "version": __version__,
            "extractor": fingerprint(),
            "dataset_sha256": hashlib.sha256(data).hexdigest(),
            "articles": [{"id": r.id, "sha256": r.sha256} for r in results],
            "counts": {"quads": result.quads, "facts": result.facts, "entities": result.entities},
            "versions": _versions(),
        }
        write_text(staging / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        publish_folder(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _validate(lines: list[str]) -> None:
    from .shacl import validate_quads

    report = validate_quads(lines)
    if not report.conforms:
        raise OkoceError(
            f"the built graph does not conform to the shapes ({len(report.errors)} "
            "violations); nothing was written (--no-validate to write it anyway)",
            details=report.format(),
        )


def _write_html(staging: Path, store: Any, max_nodes: int, result: BuildResult) -> None:
    from .analysis import network, select_subgraph
    from .viz import render_html

    selection = select_subgraph(network(staging, store=store), max_nodes=max_nodes)
    result.html_left_out = selection.left_out_nodes
    render_html(selection.graph, staging / HTML, title="okoce-graph")


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("rdflib", "pyoxigraph", "networkx", "pyvis", "pyshacl"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found
