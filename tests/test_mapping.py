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


def test_one_title_of_two_bodies_is_two_posts(tmp_path: Path) -> None:
    from okoce_graph.pipeline import build
    from okoce_graph.sparql import run_query

    from .conftest import write_article

    spelled = (
        "Rapat Anggota Himpunan Petani Kopi Nusantara\n\n"
        "KENDARI - Himpunan Petani Kopi Nusantara (HPKN) menggelar Rapat Anggota Tahunan 2024 "
        "di Kendari, Senin (4/3/2024). Rapat itu dibuka oleh Ketua Umum HPKN Darmawan Situmeang.\n"
    )
    bare = (
        "Petani Kopi Bertemu di Ambon\n\n"
        "AMBON - Temu Petani Kopi Maluku 2024 digelar di Ambon, Selasa (5/3/2024). Acara itu "
        "dihadiri oleh Ketua Umum HPKN Darmawan Situmeang.\n"
    )
    corpus = tmp_path / "articles"
    write_article(corpus, "a.txt", spelled)
    write_article(corpus, "b.txt", bare)
    build([corpus], tmp_path / "out", html=False)
    posts = run_query(tmp_path / "out", """
        SELECT ?post (COUNT(DISTINCT ?body) AS ?bodies)
        WHERE { ?person org:holds ?post . ?post org:postIn ?body } GROUP BY ?post""").values()
    # The body is "Himpunan Petani Kopi Nusantara" in one article and only "HPKN" in the other.
    assert len(posts) == 2 and all(bodies == 1 for _, bodies in posts), posts
