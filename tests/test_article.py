from __future__ import annotations

from pathlib import Path

import pytest

from okoce_graph.article import parse_article, read_article, split_sentences
from okoce_graph.errors import OkoceError

from .conftest import SEED


def test_seed_headline_dateline_and_chrome() -> None:
    article = read_article(SEED)
    assert article.headline is not None
    assert article.headline.text.startswith("Ketua Umum OK OCE Apresiasi")
    assert article.dateline is not None
    assert article.text[article.dateline.start : article.dateline.end] == "Jakarta"
    body = " ".join(s.text for s in article.body)
    assert "Leave a Reply" not in body and "email address" not in body
    assert "Foto :" not in body  # the photo caption is set aside
    assert {c.kind for c in article.chrome} == {"caption", "tail"}


def test_sentence_offsets_point_into_the_text() -> None:
    article = read_article(SEED)
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert article.body[0].text.startswith("Malam Apresiasi")


def test_abbreviations_initials_and_numbers_do_not_split() -> None:
    text = (
        "Hadir H. Ahmad Syukur, S.E., M.Si. dan Dr. Rina. Dana Rp 1.500 juta cair. "
        "Lalu A. Rahman pulang."
    )
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Hadir H. Ahmad Syukur, S.E., M.Si. dan Dr. Rina.",
        "Dana Rp 1.500 juta cair.",
        "Lalu A. Rahman pulang.",
    ]


def test_related_links_bylines_and_adverts_are_chrome() -> None:
    text = (
        "Judul Berita Pendek\n\nSURABAYA - Bupati Lumajang Sari Dewi membuka acara.\n"
        "Baca juga: Wali Kota Batu Joko Santoso Resmikan Pasar\n"
        "ADVERTISEMENT\nPenulis: Bambang Irawan\nEditor: Lestari Ayu\n"
    )
    article = parse_article(text, "x")
    assert [s.text for s in article.body] == ["Bupati Lumajang Sari Dewi membuka acara."]
    assert {c.kind for c in article.chrome} == {"related", "advert", "byline"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty article"),
        (b"  \n\t\n", "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        ("Berita".encode("utf-16"), "UTF-16"),
        ("Kabupaten Cianjur".encode("latin-1") + b"\xe9", "not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(OkoceError, match=message):
        read_article(path)


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffJudul\r\n\r\nBupati Garut Rudi Hartono hadir.\r\n".encode())
    article = read_article(path)
    assert article.headline is not None and article.headline.text == "Judul"
    assert [s.text for s in article.body] == ["Bupati Garut Rudi Hartono hadir."]
