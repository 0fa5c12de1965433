"""build(): articles in; dataset, Turtle, Oxigraph store, merge report and HTML network out."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache, partial
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
    DATASET,
    Piece,
    StoreWriter,
    publish_folder,
    staging_folder,
    unchanged_since_built,
    write_dataset,
    write_text,
)
from .errors import OkoceError
from .extract.relations import extract
from .mapping import article_iri, to_nquads_lines
from .resolution import Merge, Resolution, resolve

DEFAULT_ARTICLES = Path("data/articles")
DEFAULT_OUT = Path("build")
HTML = "graph.html"
MERGES = "merges.jsonl"
MANIFEST = "manifest.json"
CACHE = "cache"
CACHE_INDEX = "index.json"
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
class Summary:
    """What one article contributes to the graph besides its quads, which stay in its cache
    file: what the build keeps in memory and the cache index records."""

    id: str
    sha256: str
    quads: int
    bytes: int  # of its N-Quads lines, as written in its cache file and in the dataset
    merges: list[dict[str, Any]]
    unresolved: list[dict[str, Any]]
    facts: int
    entities: list[str]  # "type\tkey" of every entity, for corpus-wide counts
    validated: bool = False
    violations: list[str] = field(default_factory=list)  # when validated and not conforming


def compute(source: Source) -> tuple[list[str], Summary]:
    """Extract, resolve and map one article: its graph's sorted N-Quads lines, and the rest."""
    resolution = process(parse_article(source.text, source.id, source.name))
    lines = to_nquads_lines(resolution, source.sha256)
    return lines, Summary(
        id=source.id,
        sha256=source.sha256,
        quads=len(lines),
        bytes=sum(map(len, map(str.encode, lines))),
        merges=[asdict(m) for m in resolution.merges],
        unresolved=[asdict(m) for m in resolution.unresolved],
        facts=len(resolution.facts),
        entities=sorted({f"{e.type}\t{e.key}" for e in resolution.entities}),
    )


def compute_into(folder: Path, validate: bool, source: Source) -> Summary:
    """`compute` one article, write its quads to its cache file in `folder`, validate its
    graph if asked, and return the rest (run in worker processes with --jobs, so that quads
    never cross between processes and validation runs in parallel too)."""
    lines, summary = compute(source)
    with open(folder / _cache_name(source), "w", encoding="utf-8", newline="\n") as file:
        file.writelines(lines)
    if validate:
        _check(summary, lines)
    return summary


def _check(summary: Summary, lines: list[str]) -> None:
    """Validate one article's graph against the shapes. Each named graph is one article's
    claims and carries its own labels and types, so it is validated on its own: the cost
    grows with the corpus linearly, and a rebuild checks only what it computes."""
    from .shacl import validate_quads

    report = validate_quads(lines)
    summary.validated = True
    summary.violations = [v.format() for v in report.errors]


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
    return f"{source.id}.{source.sha256[:16]}.nq"


def _cache_folder(out: Path) -> Path:
    return out / CACHE / fingerprint()


def _take_cache(out: Path, staging: Path) -> Path:
    """Move the previous build's cache folder into `staging` (one rename: its files are
    immutable, named by content hash) and return it; the build hands it back if it fails."""
    folder = _cache_folder(staging)
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(_cache_folder(out), folder)
    except OSError:
        folder.mkdir(exist_ok=True)  # no previous cache, or another extractor's: start anew
    return folder


def _return_cache(staging: Path, out: Path) -> None:
    """Give the cache of a build that did not finish back to the build it came from."""
    with contextlib.suppress(OSError):
        if out.is_dir() and not _cache_folder(out).exists():
            _cache_folder(out).parent.mkdir(exist_ok=True)
            os.replace(_cache_folder(staging), _cache_folder(out))


def _read_index(folder: Path) -> dict[str, Summary]:
    """The cached articles of the previous build whose quads file is still there."""
    try:
        index = json.loads((folder / CACHE_INDEX).read_text(encoding="utf-8"))
        summaries = {name: Summary(**fields) for name, fields in index.items()}
    except (OSError, ValueError, TypeError):
        return {}  # missing or damaged: compute everything again
    return {name: s for name, s in summaries.items() if (folder / name).is_file()}


def _drop_unused(folder: Path, used: set[str]) -> None:
    """Remove the cache files of articles edited or removed since they were cached."""
    for name in os.listdir(folder):
        if name not in used and name != CACHE_INDEX:
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def _compute_all(
    folder: Path,
    todo: list[Source],
    jobs: int,
    validate: bool,
    done: Callable[[Source, Summary], None],
) -> None:
    """Compute every article of `todo`, calling `done` after each one, in order."""
    work = partial(compute_into, folder, validate)
    if jobs <= 1 or len(todo) < 2:
        for source in todo:
            done(source, work(source))
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(todo) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for source, summary in zip(todo, pool.map(work, todo, chunksize=chunk), strict=True):
            done(source, summary)


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

    Each article's quads are cached in `out/cache/` under its content hash, so a rebuild
    redoes only new or edited articles, and the store is then updated rather than reloaded;
    a removed article's graph is gone from the new build. Quads stream from the cache files
    to the dataset and the store: memory does not grow with the corpus. `progress` is called
    with 1 after each article.
    """
    sources = load_sources(find_articles(inputs or [DEFAULT_ARTICLES]))
    # Everything is written into a staging folder and published in one step at the end.
    # A killed build's staging folder holds the cache it took: it goes back first.
    staging = staging_folder(out, salvage=lambda stale: _return_cache(stale, out))
    try:
        result = _build_into(staging, out, sources, html, validate, jobs, progress,
                             max_html_nodes)
        publish_folder(staging, out)
    except BaseException:
        _return_cache(staging, out)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _build_into(
    staging: Path,
    out: Path,
    sources: list[Source],
    html: bool,
    validate: bool,
    jobs: int,
    progress: Callable[[int], None] | None,
    max_html_nodes: int,
) -> BuildResult:
    folder = _take_cache(out, staging)
    index = _read_index(folder)
    summaries = {_cache_name(s): index[_cache_name(s)] for s in sources
                 if _cache_name(s) in index}
    todo = [s for s in sources if _cache_name(s) not in summaries]
    # The graphs of the previous build that this one replaces or drops; when they are few, its
    # store is updated rather than the whole dataset loaded again.
    before_order, before_digest = _previous_build(out)
    before = {article_id for article_id, _ in before_order}
    stale = {s.id for s in todo} | (before - {s.id for s in sources})
    small = len(stale) + len(todo) <= max(8, len(before) // 10)
    with StoreWriter(staging, out if small else None, before_digest,
                     [article_iri(i) for i in sorted(stale)], trusted=True) as store:
        for name in summaries:
            store.add(folder / name, reused=True)
        if progress and summaries:
            progress(len(summaries))

        def done(source: Source, summary: Summary) -> None:
            summaries[_cache_name(source)] = summary
            store.add(folder / _cache_name(source))
            if progress:
                progress(1)

        _compute_all(folder, todo, jobs, validate, done)
        store.end_input()
        ordered = [summaries[_cache_name(s)] for s in sources]
        if validate:
            _validate(ordered, [folder / _cache_name(s) for s in sources])
        digest = write_dataset(staging, _dataset_pieces(out, before_order, index, sources, folder,
                                                        summaries))
        built = store.finish(digest)
    merges = [Merge(**m) for s in ordered for m in s.merges]
    unresolved = [Merge(**m) for s in ordered for m in s.unresolved]
    result = BuildResult(
        out=out,
        articles=[s.id for s in ordered],
        quads=sum(s.quads for s in ordered),
        facts=sum(s.facts for s in ordered),
        entities=len({e for s in ordered for e in s.entities}),
        merges=merges,
        unresolved=unresolved,
        reused=len(sources) - len(todo),
    )
    write_text(
        staging / MERGES,
        "".join(
            json.dumps(m, ensure_ascii=False, sort_keys=True) + "\n"
            for m in [m for s in ordered for m in s.merges]
            + [m for s in ordered for m in s.unresolved]
        ),
    )
    if html:
        _write_html(staging, built, max_html_nodes, result)
    del built
    _drop_unused(folder, set(summaries))
    write_text(folder / CACHE_INDEX, json.dumps(
        {_cache_name(s): vars(m) for s, m in zip(sources, ordered, strict=True)},
        ensure_ascii=False, sort_keys=True))
    manifest = {
        "version": __version__,
        "extractor": fingerprint(),
        "dataset_sha256": digest,
        "articles": [{"id": s.id, "sha256": s.sha256} for s in ordered],
        "counts": {"quads": result.quads, "facts": result.facts, "entities": result.entities},
        "versions": _versions(),
    }
    write_text(staging / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return result


def _previous_build(out: Path) -> tuple[list[tuple[str, str]], str]:
    """The articles (id and SHA-256, in dataset order) and the dataset's SHA-256 of the build
    in `out`, from its manifest (nothing when there is none)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        articles = [(a["id"], a["sha256"]) for a in manifest["articles"]]
        return articles, manifest["dataset_sha256"]
    except (OSError, ValueError, TypeError, KeyError):
        return [], ""


def _dataset_pieces(
    out: Path,
    before: list[tuple[str, str]],
    index: dict[str, Summary],
    sources: list[Source],
    folder: Path,
    summaries: dict[str, Summary],
) -> list[Piece]:
    """Where each article's lines come from: its range of the previous build's dataset when
    that file is as built and holds it (so runs of unchanged articles copy as one), otherwise
    its cache file."""
    previous: dict[str, tuple[int, int]] = {}
    if unchanged_since_built(out):
        offset = 0
        for article_id, sha256 in before:
            summary = index.get(f"{article_id}.{sha256[:16]}.nq")
            if summary is None:
                previous.clear()  # its layout is unknown: use the cache files
                break
            previous[f"{article_id}.{sha256[:16]}.nq"] = (offset, summary.bytes)
            offset += summary.bytes
        if offset != (out / DATASET).stat().st_size:
            previous.clear()
    pieces: list[Piece] = []
    for source in sources:
        name = _cache_name(source)
        if name in previous:
            pieces.append((out / DATASET, *previous[name]))
        else:
            pieces.append((folder / name, 0, summaries[name].bytes))
    return pieces


def _validate(summaries: list[Summary], files: list[Path]) -> None:
    """Stop the build if an article's graph does not conform; check the cached ones that were
    built without validation first."""
    for summary, path in zip(summaries, files, strict=True):
        if not summary.validated:
            with open(path, encoding="utf-8", newline="\n") as file:
                _check(summary, file.readlines())
    failing = [s for s in summaries if s.violations]
    if failing:
        count = sum(len(s.violations) for s in failing)
        raise OkoceError(
            f"the built graph does not conform to the shapes ({_plural(count, 'violation')} in "
            f"{_plural(len(failing), 'article')}); nothing was written (--no-validate to write "
            "it anyway)",
            details="\n".join(line for s in failing for line in s.violations),
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


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
