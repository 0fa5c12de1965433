"""The N-Quads lines the mapping writes as text are the canonical writer's bytes for its terms."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import SDO, XSD

from okoce_graph.article import article_id_for, parse_article, read_article
from okoce_graph.dataset import nquads_lines
from okoce_graph.extract.relations import extract
from okoce_graph.mapping import article_iri, to_nquads_lines, to_quads
from okoce_graph.resolution import resolve

from .conftest import CORPUS, SEED

ARTICLES = [SEED, *sorted((CORPUS / "articles").glob("*.txt"))]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_lines_are_the_canonical_writers_bytes(path: Path) -> None:
    article = read_article(path)
    resolution = resolve(article, extract(article))
    content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    lines = to_nquads_lines(resolution, content_hash)
    assert lines == nquads_lines(to_quads(resolution, content_hash))
    assert len(lines) > 100


def test_escapes_and_typed_literals() -> None:
    text = (
        'Judul "Tanda" \\ Kutip\r\n\nKepala Dinas Koperasi Kota Medan Budi Santoso menghadiri '
        "Pekan Koperasi Medan 2023 pada Senin, 3 April 2023. Omzet naik 12,5 persen.\n"
    )
    article = parse_article(text, article_id_for(Path("escapes.txt")))
    resolution = resolve(article, extract(article))
    lines = to_nquads_lines(resolution, "0" * 64)
    assert lines == nquads_lines(to_quads(resolution, "0" * 64))
    quads = to_quads(resolution, "0" * 64)
    doc = article_iri(article.id)
    assert [o for s, p, o, _ in quads if s == doc and p == SDO.text] == [Literal(text)]
    assert Literal("2023-04-03", datatype=XSD.date) in {o for _, _, o, _ in quads}
