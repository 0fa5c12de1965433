"""The bundled seed article: every fact the first issue asks for, read from the built graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from okoce_graph.sparql import select

EVENT = "Malam Apresiasi Jakpreneur Fest 2021"


def rows(seed_facts: list[dict], kind: str) -> set[tuple[str, str]]:
    return {(r["subject"], r["object"]) for r in seed_facts if r["kind"] == kind}


def test_event_date_and_venue(seed_facts: list[dict]) -> None:
    assert rows(seed_facts, "event_date") == {(EVENT, "2021-10-24")}
    assert rows(seed_facts, "event_place") == {(EVENT, "Museum Bank Mandiri")}


@pytest.mark.parametrize(
    ("person", "post"),
    [
        ("Teten Masduki", "Menteri Koperasi dan UMKM"),
        ("Anies Baswedan", "Gubernur DKI Jakarta"),
        ("Ahmad Riza", "Wakil Gubernur DKI Jakarta"),
        ("Handhika Jahja", "Executive Direktur Shopee Indonesia"),
        ("Iim Rusyamsi", "Ketua Umum OK OCE"),
    ],
)
def test_five_attendees_with_their_posts(seed_facts: list[dict], person: str, post: str) -> None:
    assert (person, EVENT) in rows(seed_facts, "attended")
    assert (person, post) in rows(seed_facts, "position")


def test_no_other_attendees(seed_facts: list[dict]) -> None:
    assert len(rows(seed_facts, "attended")) == 5


def test_rename_acronym_and_two_things_called_ok_oce(seed_facts: list[dict]) -> None:
    renamed = [r for r in seed_facts if r["kind"] == "renamed"]
    assert [(r["subject"], r["object"]) for r in renamed] == [("OK OCE", "Jakpreneur")]
    assert ("OK OCE", "One Kecamatan One Center for Entrepreneurship") in rows(seed_facts, "alias")
    # The programme renamed to Jakpreneur and the movement whose chair is quoted are two nodes.
    programme_iri = renamed[0]["subject_iri"]
    chair = [r for r in seed_facts if r["kind"] == "position" and r["subject"] == "Iim Rusyamsi"]
    assert ("OK OCE", "Program") in rows(seed_facts, "entity")
    assert ("OK OCE", "Organization") in rows(seed_facts, "entity")
    organisation_iris = {r["subject_iri"] for r in seed_facts if r["kind"] == "collaborates"}
    assert organisation_iris and programme_iri not in organisation_iris
    assert chair


def test_collaborations(seed_facts: list[dict]) -> None:
    assert rows(seed_facts, "collaborates") == {
        ("OK OCE", "Pemerintah Propinsi DKI Jakarta"),  # written "Pemprov DKI Jakarta" there
        ("OK OCE", "Provinsi Bangka Belitung"),
        ("OK OCE", "Kabupaten Jember"),
        ("OK OCE", "Kota Ponorogo"),
    }


def test_quotes_of_the_chair(seed_facts: list[dict]) -> None:
    quotes = [r for r in seed_facts if r["kind"] == "quote"]
    assert {r["subject"] for r in quotes} == {"Iim Rusyamsi"}
    assert len(quotes) == 4
    assert any(r["object"].startswith("OK OCE terus mendukung Jakpreneur") for r in quotes)
    assert any(r["object"].startswith("Saat ini kerjasama OK OCE") for r in quotes)


def test_claimed_figure(seed_facts: list[dict]) -> None:
    figures = [r for r in seed_facts if r["kind"] == "quantity"]
    assert [(r["subject"], r["object"], r["unit"]) for r in figures] == [
        ("Anies Baswedan", "281000", "pengusaha baru")
    ]


def test_short_forms_and_headline_typo_resolve(seed_graph: Path) -> None:
    found = select(
        seed_graph,
        """SELECT ?written ?label ?reason WHERE {
             ?m a okg:Mention ; oa:exact ?written ; okg:refersTo ?e ; okg:resolution ?reason .
             ?e rdfs:label ?label }""",
    ).values()
    links = {(w, label) for w, label, _ in found}
    assert ("Iim", "Iim Rusyamsi") in links
    assert ("Jakpreneuer", "Jakpreneur") in links


def test_every_fact_has_evidence_in_the_article(seed_facts: list[dict]) -> None:
    from .conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    for row in seed_facts:
        assert text[row["start"] : row["end"]] == row["evidence"]
        assert row["article"] == "000_afb27e7d89d54495"


def test_where_a_fact_came_from_through_sparql(seed_graph: Path) -> None:
    result = select(
        seed_graph,
        """SELECT ?sentence ?start ?end WHERE {
             ?st rdf:subject ?old ; rdf:predicate okg:renamedTo ; rdf:object ?new ;
                 prov:wasDerivedFrom ?s .
             ?s oa:exact ?sentence ; oa:start ?start ; oa:end ?end .
             ?old rdfs:label "OK OCE" . ?new rdfs:label "Jakpreneur" }""",
    )
    assert len(result.rows) == 1
    sentence, start, end = result.values()[0]
    assert sentence.startswith("Jakpreneur adalah program") and end - start == len(sentence)
