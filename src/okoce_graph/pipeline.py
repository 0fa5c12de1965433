"""build(): articles in; dataset, Turtle, Oxigraph store, merge report and HTML network out."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class BuildResult:
    out: Path
    articles: list[str]
    quads: int
    facts: int
    entities: int
    merges: list[Merge] = field(default_factory=list)
    unresolved: list[Merge] = field(default_factory=list)


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


def load_articles(paths: list[Path]) -> list[tuple[Article, str]]:
    """Read and parse every article; (article, SHA-256 of its bytes). Fails before any write."""
    loaded: list[tuple[Article, str]] = []
    seen: dict[str, Path] = {}
    for path in paths:
        data = read_bytes(path)
        article_id = article_id_for(path)
        if article_id in seen and seen[article_id] != path:
            raise OkoceError(f"{path}: same article id '{article_id}' as {seen[article_id]}")
        seen[article_id] = path
        text = decode_article(data, str(path))
        loaded.append(
            (parse_article(text, article_id, path.name), hashlib.sha256(data).hexdigest())
        )
    return sorted(loaded, key=lambda item: item[0].id)


def process(article: Article) -> Resolution:
    """Extract and resolve one article."""
    return resolve(article, extract(article))


def build(
    inputs: list[Path] | None = None,
    out: Path = DEFAULT_OUT,
    *,
    html: bool = True,
    validate: bool = True,
) -> BuildResult:
    articles = load_articles(find_articles(inputs or [DEFAULT_ARTICLES]))
    resolutions = [(process(article), digest) for article, digest in articles]
    quads = [q for res, digest in resolutions for q in to_quads(res, digest)]
    lines = nquads_lines(quads)
    if validate:
        from .shacl import validate_quads

        report = validate_quads(lines)
        if not report.conforms:
            raise OkoceError(
                f"the built graph does not conform to the shapes ({len(report.errors)} "
                "violations); nothing was written (--no-validate to write it anyway)",
                details=report.format(),
            )
    merges = [m for res, _ in resolutions for m in res.merges]
    unresolved = [m for res, _ in resolutions for m in res.unresolved]
    result = BuildResult(
        out=out,
        articles=[res.article.id for res, _ in resolutions],
        quads=len(lines),
        facts=sum(len(res.facts) for res, _ in resolutions),
        entities=len({(e.type, e.key) for res, _ in resolutions for e in res.entities}),
        merges=merges,
        unresolved=unresolved,
    )
    # Everything is written into a staging folder and published in one step at the end.
    staging = staging_folder(out)
    try:
        data = write_dataset(staging, lines)
        write_text(
            staging / MERGES,
            "".join(
                json.dumps(m.__dict__, ensure_ascii=False, sort_keys=True) + "\n"
                for m in merges + unresolved
            ),
        )
        store = open_store(staging, data)
        if html:
            from .analysis import network
            from .viz import render_html

            render_html(network(staging, store=store), staging / HTML, title="okoce-graph")
        del store
        manifest = {
            "version": __version__,
            "dataset_sha256": hashlib.sha256(data).hexdigest(),
            "articles": [{"id": res.article.id, "sha256": d} for res, d in resolutions],
            "counts": {"quads": result.quads, "facts": result.facts, "entities": result.entities},
        }
        write_text(staging / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        publish_folder(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result
