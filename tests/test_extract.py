"""Extraction on short articles written for these tests (no names from the seed)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from okoce_graph.article import parse_article
from okoce_graph.extract.dates import find_dates
from okoce_graph.extract.lexicon import NON_ASCII_CASES, alternation
from okoce_graph.extract.numbers import find_quantities
from okoce_graph.extract.relations import extract
from okoce_graph.facts_table import facts
from okoce_graph.pipeline import build


def facts_of(text: str) -> set[tuple[str, str, str]]:
    extraction = extract(parse_article(text, "t"))
    return {
        (f.kind, f.subject.text, f.obj if isinstance(f.obj, str) else f.obj.text)
        for f in extraction.facts
    }


def test_titles_split_into_post_and_person() -> None:
    text = (
        "Judul\n\nRapat Koordinasi Pangan 2023 digelar di Gedung Graha Praja, Samarinda, "
        "pada Kamis, 9 Maret 2023.\n\nAcara tersebut dihadiri oleh Menteri Pertanian dan "
        "Perkebunan Sugeng Waluyo, Bupati Kutai Kartanegara Dewi Anggraini dan Direktur Utama "
        "Bank Sentosa Indonesia Rahmat Hidayat, serta Ketua Umum Asosiasi Petani Muda, "
        "Yohanes Sitompul.\n"
    )
    facts = facts_of(text)
    event = "Rapat Koordinasi Pangan 2023"
    assert ("position", "Sugeng Waluyo", "Menteri Pertanian dan Perkebunan") in facts
    assert ("position", "Dewi Anggraini", "Bupati Kutai Kartanegara") in facts
    assert ("position", "Rahmat Hidayat", "Direktur Utama Bank Sentosa Indonesia") in facts
    assert ("position", "Yohanes Sitompul", "Ketua Umum Asosiasi Petani Muda") in facts
    for person in ("Sugeng Waluyo", "Dewi Anggraini", "Rahmat Hidayat", "Yohanes Sitompul"):
        assert ("attended", person, event) in facts
    assert ("event_date", event, "2023-03-09") in facts
    assert ("event_place", event, "Gedung Graha Praja") in facts


def test_absence_and_representation_are_not_attendance() -> None:
    text = (
        "Judul\n\nFestival Tenun Lombok 2022 berlangsung di Taman Sangkareang, Mataram.\n\n"
        "Gubernur Nusa Tenggara Barat Lalu Mahendra berhalangan hadir dan diwakili oleh "
        "Sekda Nusa Tenggara Barat Baiq Ratna.\n"
    )
    facts = facts_of(text)
    assert ("attended", "Lalu Mahendra", "Festival Tenun Lombok 2022") not in facts
    assert ("represented_by", "Lalu Mahendra", "Baiq Ratna") in facts


def test_rename_collaboration_alias_quote_and_figure() -> None:
    text = (
        "Judul\n\n"
        "Program Kartu Usaha Mandiri (KUM) yang sebelumnya bernama Kartu Modal Rakyat kini "
        "menjangkau warga.\n\n"
        "Dinas Koperasi Kota Palu bekerja sama dengan Bank Celebes dan Universitas Tadulako "
        "untuk program itu.\n\n"
        "“Tahun ini kami menyalurkan Rp 12,5 miliar kepada pelaku usaha,” ujar Kepala Dinas "
        "Koperasi Kota Palu Ahmad Fauzan.\n\n"
        "“Targetnya naik 30 persen,” tambahnya.\n"
    )
    facts = facts_of(text)
    # The fullest form written is the name, "Program" included (tests/corpus/README.md).
    assert ("renamed", "Kartu Modal Rakyat", "Program Kartu Usaha Mandiri") in facts
    assert ("alias", "Program Kartu Usaha Mandiri", "KUM") in facts
    assert ("collaborates", "Dinas Koperasi Kota Palu", "Bank Celebes") in facts
    assert ("collaborates", "Dinas Koperasi Kota Palu", "Universitas Tadulako") in facts
    assert (
        "quote",
        "Ahmad Fauzan",
        "Tahun ini kami menyalurkan Rp 12,5 miliar kepada pelaku usaha",
    ) in facts
    assert ("quote", "Ahmad Fauzan", "Targetnya naik 30 persen") in facts
    assert ("quantity", "Ahmad Fauzan", "12500000000") in facts


def test_generic_bodies_make_no_facts() -> None:
    text = (
        "Judul\n\nPemerintah Daerah lainnya yang ingin berkolaborasi dengan Yayasan Cahaya "
        "Negeri dipersilakan mendaftar.\n"
    )
    assert not any(kind == "collaborates" for kind, _, _ in facts_of(text))


def test_dates_in_words_numbers_ranges_and_without_year() -> None:
    text = "Senin (6/2), lalu 12-14 Mei 2023 dan Jumat, 3 Nopember 2023."
    found = [(d.date, d.end_date) for d in find_dates(text, 0, len(text), lambda: 2023)]
    assert found == [("2023-02-06", ""), ("2023-05-12", "2023-05-14"), ("2023-11-03", "")]


def test_a_range_over_the_new_year_starts_in_the_year_before() -> None:
    text = "digelar pada 30 Desember hingga 2 Januari 2024 di alun-alun"
    found = [(d.date, d.end_date) for d in find_dates(text, 0, len(text), lambda: None)]
    assert found == [("2023-12-30", "2024-01-02")]


def test_figures_become_plain_numbers_with_units() -> None:
    text = "menghasilkan 12.450 pelaku usaha, 1,2 juta warga, Rp 5 miliar dan 30 persen"
    found = [(q.value, q.unit) for q in find_quantities(text, 0, len(text))]
    assert found == [
        ("12450", "pelaku usaha"),
        ("1200000", "warga"),
        ("5000000000", "rupiah"),
        ("30", "persen"),
    ]


def test_a_date_range_gives_start_and_end_facts() -> None:
    text = (
        "Judul\n\nPameran Batik Pekalongan 2023 digelar pada 12-14 Mei 2023 di "
        "Gedung Kesenian.\n"
    )
    facts = facts_of(text)
    assert ("event_date", "Pameran Batik Pekalongan 2023", "2023-05-12") in facts
    assert ("event_end_date", "Pameran Batik Pekalongan 2023", "2023-05-14") in facts


def test_a_date_after_hingga_is_an_end_date() -> None:
    text = (
        "Judul\n\nPameran Tenun Sumba 2023 dibuka pada Kamis (9/3/2023) di Gedung Kesenian.\n\n"
        "Pameran Tenun Sumba 2023 berlangsung hingga Minggu (12/3/2023).\n"
    )
    facts = facts_of(text)
    assert ("event_date", "Pameran Tenun Sumba 2023", "2023-03-09") in facts
    assert ("event_end_date", "Pameran Tenun Sumba 2023", "2023-03-12") in facts
    assert ("event_date", "Pameran Tenun Sumba 2023", "2023-03-12") not in facts


def test_a_rename_keeps_the_type_of_the_new_name() -> None:
    text = (
        "Judul\n\nProgram Kartu Tani Makmur yang sebelumnya bernama Gerakan Petani Maju kini "
        "menjangkau 12 kabupaten.\n"
    )
    extraction = extract(parse_article(text, "t"))
    renamed = [f for f in extraction.facts if f.kind == "renamed"]
    assert [(f.subject.text, f.subject.type, f.obj.type) for f in renamed  # type: ignore[union-attr]
            ] == [("Gerakan Petani Maju", "Program", "Program")]


# Robustness: inputs outside the genre give no crash and no invented facts ---------------------


def test_english_text_gives_no_indonesian_facts() -> None:
    text = (
        "Governor Opens Trade Fair\n\nSEMARANG - The Central Java Trade Fair 2023 was opened on "
        'Monday by Governor Ganjar Wibowo at the Semarang Convention Hall. "We expect 40,000 '
        'visitors," said Mr. Wibowo.\n'
    )
    assert {kind for kind, _, _ in facts_of(text)} <= {"event_date", "event_place"}


def test_an_article_without_names_gives_nothing() -> None:
    text = "Cuaca hari ini\n\nhujan turun sejak pagi dan warga memilih tinggal di rumah.\n"
    extraction = extract(parse_article(text, "t"))
    assert extraction.facts == [] and extraction.mentions == []


def test_an_all_caps_headline_is_matched_not_parsed() -> None:
    from okoce_graph.pipeline import process

    text = (
        "BUPATI SLEMAN RESMIKAN PASAR DESA DI KALASAN\n\nSLEMAN - Bupati Sleman Kustini "
        "Wahyuningsih meresmikan Pasar Desa Kalasan pada Senin (6/3/2023).\n"
    )
    resolution = process(parse_article(text, "t"))
    assert {e.label for e in resolution.entities} == {
        "Kustini Wahyuningsih", "Sleman", "Pasar Desa Kalasan"}
    assert all(m.reason.startswith("headline") for m in resolution.merges)


def test_repeated_paragraphs_give_each_fact_once() -> None:
    from okoce_graph.pipeline import process

    paragraph = (
        "Festival Batik Lasem 2023 digelar di Pendopo Kabupaten Rembang. Acara tersebut "
        "dihadiri oleh Bupati Rembang Hafidz Maulana.\n\n"
    )
    once = process(parse_article("Judul\n\n" + paragraph, "t")).facts
    thrice = process(parse_article("Judul\n\n" + paragraph * 3, "t")).facts
    assert [(f.kind, f.start) for f in thrice] == [(f.kind, f.start) for f in once]
    assert len(once) >= 3


def test_title_shapes_of_the_press() -> None:
    text = (
        "Judul\n\n"
        "Hadir Kepala Dinas Komunikasi, Informatika dan Persandian Kabupaten Malang Dewi "
        "Anggraeni.\n\n"
        "Hadir pula Wakil Bupati Badung I Gusti Ngurah Rai Suryawan.\n\n"
        "Yusran Lapananda, Rektor Universitas Negeri Tadulako Raya, yang hadir, menyambut baik.\n\n"
        "Rektor Institut Seni Nusantara Dr. Ir. Marlina Sitepu, M.Ds. turut hadir.\n\n"
        "Kadisbudpar Maluku Johan Latuheru dan Wamenkeu Arief Budiman hadir.\n\n"
        "Kapolda Sultra Irjen Pol. Teguh Wibisono membuka acara.\n"
    )
    facts = facts_of(text)
    positions = {(s, o) for kind, s, o in facts if kind == "position"}
    assert positions == {
        ("Dewi Anggraeni",
         "Kepala Dinas Komunikasi, Informatika dan Persandian Kabupaten Malang"),
        ("I Gusti Ngurah Rai Suryawan", "Wakil Bupati Badung"),
        ("Yusran Lapananda", "Rektor Universitas Negeri Tadulako Raya"),
        ("Marlina Sitepu", "Rektor Institut Seni Nusantara"),
        ("Johan Latuheru", "Kadisbudpar Maluku"),
        ("Arief Budiman", "Wamenkeu"),
        ("Teguh Wibisono", "Kapolda Sultra"),
    }


def test_syllabic_abbreviations_in_brackets_are_alternate_names() -> None:
    text = (
        "Judul\n\nDinas Kebudayaan dan Pariwisata Maluku (Disbudpar Maluku) bermitra dengan "
        "Asosiasi Pengrajin Tenun Ambon (Aspenta).\n"
    )
    facts = facts_of(text)
    assert ("alias", "Dinas Kebudayaan dan Pariwisata Maluku", "Disbudpar Maluku") in facts
    assert ("alias", "Asosiasi Pengrajin Tenun Ambon", "Aspenta") in facts
    assert ("collaborates", "Dinas Kebudayaan dan Pariwisata Maluku",
            "Asosiasi Pengrajin Tenun Ambon") in facts


def test_attendance_shapes() -> None:
    from okoce_graph.pipeline import process

    text = (
        "Judul\n\nPekan Batik Nusantara ke-3 2023 digelar di Gedung Juang, Pekalongan, pada "
        "Sabtu (4/3/2023).\n\n"
        "Pembukaan dilakukan oleh Wali Kota Pekalongan Arif Santoso, didampingi Ketua DPRD "
        "Kota Pekalongan Rina Marlina.\n\n"
        "Hadir dalam acara tersebut:\n1. Kapolres Pekalongan AKBP Dimas Pratama;\n"
        "2. Ketua Dekranasda Kota Pekalongan Hj. Sulastri.\n\n"
        "Kepala Dinas Perdagangan Kota Pekalongan Budi Hermawan di sela acara mengatakan, Pekan "
        "Batik Nusantara tahun ini diikuti 120 perajin.\n\n"
        "Penandatanganan MoU dihadiri oleh Sekda Kota Pekalongan Nur Hidayat.\n"
    )
    resolution = process(parse_article(text, "t"))
    attended = {(f.subject.text, resolution.entity_of[f.obj.key].label)  # type: ignore[union-attr]
                for f in resolution.facts if f.kind == "attended"}
    event = "Pekan Batik Nusantara ke-3 2023"
    assert attended == {(name, event) for name in (
        "Arif Santoso", "Rina Marlina", "Dimas Pratama", "Sulastri", "Budi Hermawan",
        "Nur Hidayat")}
    # "Pekan Batik Nusantara" without its number is the same event; "Penandatanganan MoU" is
    # an activity, not an event of its own.
    assert [e.label for e in resolution.entities if e.type == "Event"] == [event]


def test_non_ascii_case_variants_are_those_of_python_re() -> None:
    """`lexicon.alternation` relies on NON_ASCII_CASES naming every character beyond ASCII that
    re.IGNORECASE matches to an ASCII one."""
    beyond_ascii = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found: dict[str, set[str]] = {}
    for match in re.finditer("[\x00-\x7f]", beyond_ascii, re.IGNORECASE):
        for char in map(chr, range(128)):
            if re.fullmatch(re.escape(char), match.group(), re.IGNORECASE):
                found.setdefault(char.lower(), set()).add(match.group())
    assert found == {char: set(variants) for char, variants in NON_ASCII_CASES.items()}


def test_alternation_matches_as_a_case_insensitive_one() -> None:
    phrases = ["dihadiri oleh", "dihadiri", "di", "Hadir", "s.d.", "kasih", "isi"]
    plain = re.compile(
        "(?<![\\w-])(?:" + "|".join(re.escape(p).replace("\\ ", "\\s+") for p in phrases)
        + ")(?![\\w-])",
        re.IGNORECASE,
    )
    fast = re.compile(f"(?:{alternation(phrases, spaces=True, word_start=True)})(?![\\w-])")
    # The plain form, for phrases that do not open with an ASCII character, means the same.
    with_accent = alternation([*phrases, "ébène"], spaces=True, word_start=True)
    slow = re.compile(f"(?:{with_accent})(?![\\w-])")
    rng = random.Random(3)
    variants = ["DIHADIRI\n OLEH", "ḲASIH", "\u212aasih", "ıSİ", "ſ.d.", "-di", "x", " ", "\n"]
    pieces = phrases + variants
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "-", ".", "_"]) for _ in range(6))
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == spans
        assert [m.span() for m in slow.finditer(text)] == spans


def test_a_period_of_years_closes_an_event_name() -> None:
    text = (
        "Judul\n\nMusyawarah Besar Ikatan Petani Kopi Lereng Wilis Periode 2025-2029 digelar di "
        "Gedung Serbaguna Wilis, Kamis (6/2/2025).\n"
    )
    event = "Musyawarah Besar Ikatan Petani Kopi Lereng Wilis Periode 2025-2029"
    assert ("event_place", event, "Gedung Serbaguna Wilis") in facts_of(text)


def test_a_name_read_as_a_person_elsewhere_speaks_with_nya() -> None:
    text = (
        "Judul\n\nKetua Koperasi Tani Subur Hj. Warsini Lestyorini membuka rapat itu.\n\n"
        "Warsini Lestyorini, yang datang bersama pengurus, mengatakan Koperasi Tani Subur "
        "menambah anggota. \"Kami ingin petani muda bergabung tahun ini,\" ujarnya.\n"
    )
    assert (
        "quote", "Warsini Lestyorini", "Kami ingin petani muda bergabung tahun ini"
    ) in facts_of(text)


def test_the_representative_of_an_unnamed_official_attended() -> None:
    text = (
        "Judul\n\nLokakarya Rempah Halmahera 2025 digelar di Aula Kie Raha, Sofifi.\n\n"
        "Gubernur berhalangan dan diwakili oleh Asisten II, Ir. Nurlela Sangaji.\n\n"
        "Kegiatan tersebut dipimpin Kepala Dinas Pertanian Maluku Utara Yusran Lamusu. "
        "Acara itu juga diikuti Camat Oba Utara Rahmat Dano.\n"
    )
    facts = facts_of(text)
    event = "Lokakarya Rempah Halmahera 2025"
    for person in ("Nurlela Sangaji", "Yusran Lamusu", "Rahmat Dano"):
        assert ("attended", person, event) in facts


def test_posts_of_local_units_and_military_units() -> None:
    text = (
        "Judul\n\nApel Siaga Banjir 2025 digelar di Lapangan Merdeka Sampit.\n\n"
        "Turut hadir Dandim 1015/Sampit Letkol Inf. Bonar Situmeang, Camat Baamang Utara "
        "Siti Rohana, Camat Ketapang Barat II Hasan Basri, serta Lurah Sawahan Dedi Kurnia.\n"
    )
    facts = facts_of(text)
    assert ("position", "Bonar Situmeang", "Dandim 1015/Sampit") in facts
    assert ("position", "Siti Rohana", "Camat Baamang Utara") in facts
    assert ("position", "Hasan Basri", "Camat Ketapang Barat II") in facts
    assert ("position", "Dedi Kurnia", "Lurah Sawahan") in facts
    assert ("attended", "Bonar Situmeang", "Apel Siaga Banjir 2025") in facts


def test_titles_beside_names_across_honorifics_degrees_and_brackets() -> None:
    text = (
        "Judul\n\nDalam rapat itu, Ir. Wagiman Sudarsono, M.Si., Kepala Dinas Perikanan Kota "
        "Tegal, memaparkan data. Kepala Dinas Sosial Kota Tegal, Dra. Endang Wuryani, tidak "
        "hadir. Direktur Utama PT Bahari Tegal Mandiri (Perseroda), Yusuf Hakim, menjelaskan "
        "rencana. Sekretaris Kota Tegal drg. Ratih Palupi membuka acara.\n"
    )
    facts = facts_of(text)
    assert ("position", "Wagiman Sudarsono", "Kepala Dinas Perikanan Kota Tegal") in facts
    assert ("position", "Endang Wuryani", "Kepala Dinas Sosial Kota Tegal") in facts
    assert ("position", "Yusuf Hakim", "Direktur Utama PT Bahari Tegal Mandiri") in facts
    assert ("position", "Ratih Palupi", "Sekretaris Kota Tegal") in facts


def test_a_body_named_elsewhere_ends_before_the_name_after_it() -> None:
    text = (
        "Judul\n\nKerja sama itu diteken PT Sinar Karya Abadi. Direktur PT Sinar Karya Abadi "
        "Tomi Hermawan hadir dalam acara itu.\n"
    )
    assert ("position", "Tomi Hermawan", "Direktur PT Sinar Karya Abadi") in facts_of(text)


def test_contact_lines_are_page_chrome() -> None:
    text = (
        "Judul\n\nBupati Lamongan Sugeng Riyadi membuka pasar murah.\n\n"
        "Narahubung: Dimas Arya, Kepala Bagian Protokol\n"
    )
    assert not any(subject == "Dimas Arya" for _, subject, _ in facts_of(text))


def test_datelines_after_a_release_number_or_an_outlet_name_are_no_places() -> None:
    for opening in (
        "SIARAN PERS\nNomor: 17/HUMAS/2025\nKENDARI – ",
        "WARTASULTRA.COM, KENDARI - ",
        "KENDARI, HUMAS PEMPROV - ",
    ):
        article = parse_article(f"Judul\n\n{opening}Pasar murah digelar hari ini.\n", "t")
        assert article.dateline is not None
        assert article.text[article.dateline.start : article.dateline.end] == "KENDARI"
        assert all("KENDARI" not in s.text for s in article.body)


def test_a_block_of_related_links_under_its_label_is_chrome() -> None:
    text = (
        "Judul\n\nBupati Lamongan Sugeng Riyadi membuka pasar murah.\n\nBaca juga:\n"
        "Wali Kota Blitar Resmikan Taman Kota\nHarga Cabai Naik Lagi\n\nLaporan Wartawan "
        "Kabar.com, Dimas Arya\n\nPasar itu buka hingga sore.\n"
    )
    body = " ".join(s.text for s in parse_article(text, "t").body)
    assert "Blitar" not in body and "Cabai" not in body and "Dimas" not in body
    assert "Pasar itu buka hingga sore." in body


def test_a_region_named_only_inside_a_title_has_no_entity_row(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Judul\n\nBupati Jombang Sugeng Riyadi membuka Bazar Murah Ramadan 2025 di Kabupaten "
        "Kediri.\n",
        encoding="utf-8",
    )
    build([articles], tmp_path / "out", html=False)
    places = {r["subject"] for r in facts(tmp_path / "out") if r["object"] == "Place"}
    assert places == {"Kabupaten Kediri"}


def entities_of(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in extract(parse_article(text, "t")).mentions}


def test_the_body_in_a_title_is_an_organisation_with_its_acronym() -> None:
    text = (
        "Judul\n\nTurut hadir Kepala Dinas Perikanan Kabupaten Buton Laode Rasyid, Ketua DPRD "
        "Kabupaten Buton Wa Ode Sitti, dan Ketua Ikatan Nelayan Tradisional Buton (INTB) "
        "Amir Sahaba.\n"
    )
    facts = facts_of(text)
    entities = entities_of(text)
    assert ("Dinas Perikanan Kabupaten Buton", "Organization") in entities
    assert ("DPRD Kabupaten Buton", "Organization") in entities
    assert ("Ikatan Nelayan Tradisional Buton", "Organization") in entities
    assert ("alias", "Ikatan Nelayan Tradisional Buton", "INTB") in facts
    assert ("position", "Amir Sahaba", "Ketua Ikatan Nelayan Tradisional Buton") in facts


def test_a_bare_title_repeating_a_fuller_post_is_not_another_post() -> None:
    text = (
        "Judul\n\nBupati Lebak Rina Handayani membuka acara. Bupati Rina mengatakan pasar "
        "dibuka setiap hari.\n"
    )
    positions = {f for f in facts_of(text) if f[0] == "position"}
    assert positions == {("position", "Rina Handayani", "Bupati Lebak")}


def test_a_comma_ends_a_named_body_in_a_list_of_partners() -> None:
    text = (
        "Judul\n\nPemerintah Kota Kendari bekerja sama dengan Universitas Anoa Raya, Politeknik "
        "Bahari Kendari dan PT Teluk Biru.\n"
    )
    facts = facts_of(text)
    for partner in ("Universitas Anoa Raya", "Politeknik Bahari Kendari", "PT Teluk Biru"):
        assert ("collaborates", "Pemerintah Kota Kendari", partner) in facts


def test_acronyms_with_a_repeated_letter_and_acronyms_before_their_expansion() -> None:
    text = (
        "Judul\n\nForum Pemuda Pelopor Pesisir Bitung (FP3B) menggelar rapat. HPPB (Himpunan "
        "Pengusaha Perikanan Bitung) bekerja sama dengan PT Laut Biru.\n"
    )
    facts = facts_of(text)
    assert ("alias", "Forum Pemuda Pelopor Pesisir Bitung", "FP3B") in facts
    assert ("alias", "HPPB", "Himpunan Pengusaha Perikanan Bitung") in facts
    assert ("HPPB", "Organization") in entities_of(text)


def test_a_former_name_has_no_entity_row(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Judul\n\nKoperasi Nelayan Teluk Jaya kini berganti nama menjadi Koperasi Bahari "
        "Sejahtera.\n",
        encoding="utf-8",
    )
    build([articles], tmp_path / "out", html=False)
    rows = facts(tmp_path / "out")
    assert {r["subject"] for r in rows if r["kind"] == "entity"} == {"Koperasi Bahari Sejahtera"}
    assert ("Koperasi Nelayan Teluk Jaya", "Koperasi Bahari Sejahtera") in {
        (r["subject"], r["object"]) for r in rows if r["kind"] == "renamed"
    }


def test_common_nouns_opening_a_sentence_and_words_after_a_degree_are_no_names() -> None:
    text = (
        "Judul\n\nPemerintah provinsi menyiapkan dana. Koperasi itu kini punya 90 anggota. "
        "Rapat dipimpin Kepala Bidang Irigasi, Sri Wahyuni, M.Si. Badan itu berdiri sejak "
        "2010.\n"
    )
    names = {name for name, _ in entities_of(text)}
    assert not names & {"Pemerintah", "Koperasi", "M.Si. Badan"}


def test_two_posts_of_one_person_and_a_one_word_name_between_commas() -> None:
    text = (
        "Judul\n\nSekretaris Daerah Kabupaten Muna, Laode Sabaruddin, yang juga menjabat "
        "sebagai Ketua Koperasi Guru Muna, hadir. Kepala Dinas Pertanian Kabupaten Muna, "
        "Suparman, yang juga Ketua Himpunan Petani Muna, memberi sambutan.\n"
    )
    facts = facts_of(text)
    assert ("position", "Laode Sabaruddin", "Sekretaris Daerah Kabupaten Muna") in facts
    assert ("position", "Laode Sabaruddin", "Ketua Koperasi Guru Muna") in facts
    assert ("position", "Suparman", "Kepala Dinas Pertanian Kabupaten Muna") in facts
    assert ("position", "Suparman", "Ketua Himpunan Petani Muna") in facts


def test_witnesses_launchers_speakers_and_participants_attended() -> None:
    text = (
        "Judul\n\nPekan Inovasi Desa Sigi 2025 diluncurkan oleh Bupati Sigi Rahman Lapasere. "
        "Turut menyaksikan peluncuran tersebut, Camat Dolo Andi Pasau dan Ketua Forum Desa "
        "Sigi Yulianus Tode.\n\nDalam paparannya, Kepala Dinas Pertanian Sigi Nurhayati "
        "Lamusu menyebut data panen. Salah seorang peserta, Imran Lagata, mengaku senang.\n"
    )
    facts = facts_of(text)
    event = "Pekan Inovasi Desa Sigi 2025"
    for person in (
        "Rahman Lapasere", "Andi Pasau", "Yulianus Tode", "Nurhayati Lamusu", "Imran Lagata"
    ):
        assert ("attended", person, event) in facts


def test_a_name_and_its_acronym_joined_by_atau() -> None:
    text = (
        "Judul\n\nWarga mengikuti program Kampung Sehat Bebas Sampah atau Kasebas sejak "
        "2023.\n"
    )
    assert ("alias", "Kampung Sehat Bebas Sampah", "Kasebas") in facts_of(text)


def test_quotes_continue_the_speaker_of_their_paragraph() -> None:
    text = (
        "Judul\n\nKetua Koperasi Sagu Lestari, Yustina Rumere, yang bertindak sebagai Ketua "
        "Panitia Festival Sagu 2025, membuka acara.\n\n"
        "Wakil Bupati Sorong Anton Mayor mengatakan sagu penting.\n\n"
        "\"Kami ingin sagu masuk pasar di Kota Sorong,\" ujar Yustina. \"Harga sagu juga harus "
        "adil bagi petani,\" lanjutnya.\n\n"
        "Ia menegaskan, \"Petani muda harus ikut mengolah sagu.\"\n\n"
        "Rikardo Sawen, pengrajin, mengaku senang. \"Pembeli datang dari banyak kampung.\n"
    )
    facts = facts_of(text)
    assert ("position", "Yustina Rumere", "Ketua Panitia Festival Sagu 2025") in facts
    assert ("quote", "Yustina", "Harga sagu juga harus adil bagi petani") in facts
    assert ("quote", "Yustina", "Petani muda harus ikut mengolah sagu.") in facts
    assert ("quote", "Rikardo Sawen", "Pembeli datang dari banyak kampung.") in facts


def test_an_untyped_name_after_di_or_ke_is_a_place_and_news_links_are_chrome() -> None:
    text = (
        "Judul\n\nPanen raya digelar di Malino dan hasilnya dikirim ke Pulau Selayar.\n\n"
        "Simak berita lainnya di Kanal Kabar\n"
    )
    entities = entities_of(text)
    assert ("Malino", "Place") in entities and ("Pulau Selayar", "Place") in entities
    assert not any(name == "Kanal Kabar" for name, _ in entities)


def test_a_period_of_years_with_a_dash_closes_an_event_name() -> None:
    text = (
        "Judul\n\nPelantikan Pengurus Koperasi Nelayan Tuna Masa Bakti 2025–2030 digelar di "
        "Aula Bahari, Bitung, Senin (3/2/2025).\n"
    )
    facts = facts_of(text)
    event = "Pelantikan Pengurus Koperasi Nelayan Tuna Masa Bakti 2025–2030"
    assert ("event_date", event, "2025-02-03") in facts
    assert ("event_place", event, "Aula Bahari") in facts


def test_a_bracketed_abbreviation_inside_a_title_is_read_through() -> None:
    text = (
        "Judul\n\nPenjabat (Pj.) Bupati Kepulauan Sangihe, Drs. Welem Makagansa, membuka "
        "pasar murah. Hadir pula Kepala Dinas Koperasi dan Usaha Mikro (Kadiskop UM) Kota "
        "Bitung, Ronald Tampi, serta Ketua PPNB (Paguyuban Petani Nira Bitung) Sefnat Lumi.\n"
    )
    facts = facts_of(text)
    assert ("position", "Welem Makagansa", "Penjabat Bupati Kepulauan Sangihe") in facts
    assert (
        "position", "Ronald Tampi", "Kepala Dinas Koperasi dan Usaha Mikro Kota Bitung"
    ) in facts
    # An acronym's expansion in brackets is not an abbreviation inside the title.
    assert ("position", "Sefnat Lumi", "Ketua PPNB") in facts
    assert ("alias", "PPNB", "Paguyuban Petani Nira Bitung") in facts  # resolution flips it


def test_a_post_field_before_the_body_and_english_titles() -> None:
    text = (
        "Judul\n\nDirektur Pemasaran PT Sagu Timur Jaya, Benny Wenda Karubaba, dan Regional "
        "Manager PT Kargo Cepat Nusa, Agnes Lontoh, hadir. Head of Growth PT Pasar Tani "
        "Digital, Yosua Mandagi, juga hadir.\n"
    )
    facts = facts_of(text)
    entities = entities_of(text)
    assert ("position", "Agnes Lontoh", "Regional Manager PT Kargo Cepat Nusa") in facts
    assert ("position", "Yosua Mandagi", "Head of Growth PT Pasar Tani Digital") in facts
    for body in ("PT Sagu Timur Jaya", "PT Kargo Cepat Nusa", "PT Pasar Tani Digital"):
        assert (body, "Organization") in entities
    assert not any(name.startswith(("Pemasaran", "Growth")) for name, _ in entities)


def test_an_elected_post_and_a_body_named_by_its_bracketed_short_name() -> None:
    text = (
        "Judul\n\nGabungan Petani Cengkeh Minahasa (Gapcemi) menggelar rapat anggota.\n\n"
        "Ketua Umum Gapcemi terpilih, H. Roni Pangalila, mengatakan koperasi harus terbuka.\n"
    )
    facts = facts_of(text)
    assert ("position", "Roni Pangalila", "Ketua Umum Gapcemi") in facts
    assert ("Gapcemi", "Person") not in entities_of(text)


def test_signing_and_delegates_attend_but_plans_do_not() -> None:
    text = (
        "Judul\n\nLokakarya Rumput Laut Wakatobi 2025 digelar di Aula Kaledupa, Wangi-Wangi, "
        "Rabu (5/3/2025).\n\n"
        "Nota kesepahaman diteken oleh Bupati Wakatobi Haliana Sudirman dan Direktur PT Laut "
        "Biru Sentosa, Markus Tanod.\n\n"
        "Ketua Koperasi Rumput Laut Kaledupa, La Ode Hamka, yang turut meneken nota "
        "kesepahaman, mengatakan panen naik.\n\n"
        "Ketua DPRD Wakatobi, Yusuf Bakari, berhalangan hadir dan diwakili Wakil Ketua DPRD "
        "Wakatobi, Hasna Muin.\n\n"
        "Lokakarya berikutnya dijadwalkan dihadiri Gubernur Sulawesi Tenggara, Rusdi Mahmud. "
        "Ketua panitia, Yanti Mowa, akan membuka pameran rumput laut.\n"
    )
    facts = facts_of(text)
    event = "Lokakarya Rumput Laut Wakatobi 2025"
    for person in ("Haliana Sudirman", "Markus Tanod", "La Ode Hamka", "Hasna Muin"):
        assert ("attended", person, event) in facts
    for person in ("Yusuf Bakari", "Rusdi Mahmud", "Yanti Mowa"):
        assert ("attended", person, event) not in facts
    assert ("planned_attendance", "Rusdi Mahmud", event) in facts


def test_names_beside_nouns_for_people_are_people() -> None:
    text = (
        "Judul\n\nPelatihan Anyaman Pandan Sumba 2024 digelar di Waingapu.\n\n"
        "Salah satu peserta, Maria Hambandima, pemilik usaha tenun dari Kabupaten Sumba "
        "Timur, mengaku senang. \"Saya belajar memotret kain dengan cahaya jendela,\" "
        "katanya.\n\n"
        "Perwakilan kelompok tani yang hadir, Umbu, mengaku lega. \"Kami siap ikut pelatihan "
        "berikutnya,\" ujarnya.\n"
    )
    facts = facts_of(text)
    event = "Pelatihan Anyaman Pandan Sumba 2024"
    assert ("attended", "Maria Hambandima", event) in facts
    assert ("attended", "Umbu", event) in facts
    quote = "Saya belajar memotret kain dengan cahaya jendela"
    assert ("quote", "Maria Hambandima", quote) in facts
    assert ("quote", "Umbu", "Kami siap ikut pelatihan berikutnya") in facts


def test_programme_words_type_programmes_and_their_short_names() -> None:
    text = (
        "Judul\n\nProgram Petani Milenial Sigi (Pamisi) sebelumnya bernama Gerakan Tani Muda "
        "Sigi. Pemkab Sigi juga menyalurkan Kredit Usaha Kebun Lestari kepada 300 petani.\n\n"
        "Bupati Sigi meluncurkan Gerakan Pangan Lokal Sigi atau Gapensi.\n\n"
        "Gapensi merupakan nama baru dari Program Lumbung Desa Sigi.\n\n"
        "Kampung Nira Lestari atau Kanira menjadi bagian dari Peluncuran Program Kampung Nira "
        "Lestari 2025.\n"
    )
    facts = facts_of(text)
    entities = entities_of(text)
    for name in (
        "Program Petani Milenial Sigi",
        "Gerakan Tani Muda Sigi",
        "Kredit Usaha Kebun Lestari",
        "Gerakan Pangan Lokal Sigi",
        "Kampung Nira Lestari",
    ):
        assert (name, "Program") in entities
    assert ("alias", "Program Petani Milenial Sigi", "Pamisi") in facts
    assert ("renamed", "Gerakan Tani Muda Sigi", "Program Petani Milenial Sigi") in facts
    assert ("renamed", "Program Lumbung Desa Sigi", "Gapensi") in facts


def test_a_bare_region_name_is_the_region_named_with_its_type() -> None:
    from okoce_graph.resolution import resolve

    text = (
        "Judul\n\nPameran Tenun Ikat 2024 digelar di Kabupaten Sumba Barat Daya dan Kota "
        "Malang. Perajin dari Sumba Barat Daya dan dari Malang ikut serta.\n"
    )
    article = parse_article(text, "t")
    places = {e.label for e in resolve(article, extract(article)).entities if e.type == "Place"}
    # One regency bears the name; "Malang" is a regency and a city.
    assert places == {"Kabupaten Sumba Barat Daya", "Kota Malang", "Malang"}


def test_quotes_attributed_by_a_bare_title_or_a_description() -> None:
    text = (
        "Judul\n\nWakil Bupati Halmahera Tengah Imran Latuconsina membuka pasar tani. "
        "Kepala Dinas Pertanian Kabupaten Halmahera Tengah, Yohana Siahaya, hadir.\n\n"
        "“Petani jangan lagi menjual ke tengkulak,” tegas Wabup.\n\n"
        "\"Benih unggul kami bagikan gratis tahun ini,\" ujar Kepala Dinas Pertanian tersebut.\n\n"
        "Pedagang sayur, Ahmad Salim Fabanyo, menyambut baik. \"Pembeli jadi lebih ramai di "
        "pasar,\" kata pedagang muda itu.\n"
    )
    facts = facts_of(text)
    assert ("quote", "Imran Latuconsina", "Petani jangan lagi menjual ke tengkulak") in facts
    assert ("quote", "Yohana Siahaya", "Benih unggul kami bagikan gratis tahun ini") in facts
    assert ("quote", "Ahmad Salim Fabanyo", "Pembeli jadi lebih ramai di pasar") in facts


def test_event_dates_from_the_sentence_before_an_opening_event_word_and_the_name() -> None:
    text = (
        "Judul\n\nKepala Balai Benih Ikan Nasional, Rudi Hartawan, melakukan kunjungan kerja "
        "ke Kabupaten Tulang Bawang, Rabu (9/10/2024). Dalam kunjungan itu, Rudi menghadiri "
        "Temu Pembudidaya Udang Lampung 2024 di Aula Menggala.\n\n"
        "Pameran Ikan Hias Tulang Bawang 2024 resmi dibuka. Pameran yang berlangsung 3-5 "
        "Oktober 2024 itu diikuti 40 peserta di Kota Menggala.\n"
    )
    facts = facts_of(text)
    assert ("event_date", "Temu Pembudidaya Udang Lampung 2024", "2024-10-09") in facts
    assert ("event_date", "Pameran Ikan Hias Tulang Bawang 2024", "2024-10-03") in facts
    assert ("event_place", "Pameran Ikan Hias Tulang Bawang 2024", "Kota Menggala") not in facts
    # No date in the article gives a year: the event's name does.
    text = "Judul\n\nPemkab Tulang Bawang menggelar Lomba Perahu Naga 2026 pada 20 Agustus.\n"
    assert ("event_date", "Lomba Perahu Naga 2026", "2026-08-20") in facts_of(text)


def test_a_date_before_an_event_in_another_paragraph_is_not_its_date() -> None:
    text = (
        "Judul\n\nPendaftaran dibuka hingga Jumat (4/10/2024). Calon peserta mendaftar daring.\n\n"
        "Festival Kopi Liberika Tungkal 2024 digelar di Taman Kuala Tungkal.\n"
    )
    facts = facts_of(text)
    assert not any(kind == "event_date" for kind, _, _ in facts)


def test_an_inauguration_of_a_renamed_venue() -> None:
    text = (
        "Judul\n\nBupati Boyolali Hj. Rustam Akili meresmikan Gedung Serbaguna Tilamuta "
        "di Desa Huntu pada 2 Mei 2024.\n\n"
        "Peresmian Gedung Serbaguna Tilamuta ditandai pengguntingan pita. Hadir pula Ketua Tim "
        "Penggerak PKK Kabupaten Boyolali Ny. Sarce Akili.\n\n"
        "Rustam menyebutkan, gedung yang dahulu bernama Balai Rakyat Huntu itu dibangun ulang.\n"
    )
    facts = facts_of(text)
    event = "Peresmian Gedung Serbaguna Tilamuta"
    assert ("event_place", event, "Gedung Serbaguna Tilamuta") in facts
    assert ("event_date", event, "2024-05-02") in facts
    assert ("attended", "Sarce Akili", event) in facts
    assert ("position", "Sarce Akili", "Ketua Tim Penggerak PKK Kabupaten Boyolali") in facts
    assert ("renamed", "Balai Rakyat Huntu", "Gedung Serbaguna Tilamuta") in facts


def test_places_after_a_venue_in_lists_islands_and_se_prefix() -> None:
    text = (
        "Judul\n\nTemu Nelayan Natuna 2024 digelar di Gedung Sri Serindit (GSS), Ranai, Rabu "
        "(4/9/2024). Peserta datang dari Pulau Bunguran, Pulau Serasan hingga Midai, serta dari "
        "seluruh kecamatan se-Kepulauan Riau. Ketua panitia, Joko Widagdo, hadir.\n"
    )
    entities = entities_of(text)
    for place in ("Ranai", "Pulau Bunguran", "Pulau Serasan", "Midai", "Kepulauan Riau"):
        assert (place, "Place") in entities
    assert ("Joko Widagdo", "Place") not in entities


def test_openers_companions_welcomers_and_delegates_attend() -> None:
    text = (
        "Judul\n\nRapat Koordinasi Ketahanan Pangan Sikka 2025 berlangsung di Aula Sikka, "
        "Maumere, Senin (3/2/2025). Rapat dibuka Wakil Bupati Sikka Simon Subsidi.\n\n"
        "Kepala Dinas Pertanian Kabupaten Sikka, Yohanes Bata, hadir bersama Camat Alok Agus "
        "Mbete. Ketua DPRD Sikka Donatus David memberikan sambutan.\n\n"
        "Sekretaris Daerah Sikka, Adrianus Parera, hadir mewakili Bupati Sikka.\n\n"
        "Pendaftaran lumbung dibuka hingga Maret, kata Kepala Bidang Tanaman Pangan Maria Bui.\n"
    )
    facts = facts_of(text)
    event = "Rapat Koordinasi Ketahanan Pangan Sikka 2025"
    for person in (
        "Simon Subsidi", "Yohanes Bata", "Agus Mbete", "Donatus David", "Adrianus Parera"
    ):
        assert ("attended", person, event) in facts
    # "dibuka" attends only the person right after it.
    assert ("attended", "Maria Bui", event) not in facts


def test_the_party_named_first_comes_first_in_a_collaboration() -> None:
    text = (
        "Judul\n\nDinas Perikanan Kabupaten Sikka menggandeng PT Laut Sawu Jaya untuk "
        "distribusi benih. Koperasi Nelayan Maumere menjalin kerja sama Bank Sikka Sejahtera.\n"
    )
    facts = facts_of(text)
    assert ("collaborates", "Dinas Perikanan Kabupaten Sikka", "PT Laut Sawu Jaya") in facts
    assert ("collaborates", "Koperasi Nelayan Maumere", "Bank Sikka Sejahtera") in facts


def test_a_one_word_body_before_a_person_known_by_one_name() -> None:
    text = (
        "Judul\n\nDinas Pariwisata Kota Bima bekerja sama dengan Lasakora dalam promosi tenun.\n\n"
        "Nota kesepahaman diteken Ketua Umum Lasakora Nurlaila Daeng Bau.\n\n"
        "Nurlaila mengatakan promosi dimulai bulan depan.\n"
    )
    facts = facts_of(text)
    assert ("position", "Nurlaila Daeng Bau", "Ketua Umum Lasakora") in facts
    # Without the one name said alone elsewhere, three words stay one person's name.
    text = "Judul\n\nHadir pula Ketua Umum Lasakora Nurlaila Daeng Bau.\n"
    assert ("position", "Lasakora Nurlaila Daeng", "Ketua Umum") not in facts_of(text)


def test_a_weekday_after_a_title_and_name_is_not_an_apposed_name() -> None:
    text = (
        "Judul\n\nPekan Kopi Gayo 2024 resmi dibuka Bupati Aceh Tengah Subhandhy Arsyad, Rabu "
        "(15/5/2024), di Gedung Olah Seni Bener Meriah.\n"
    )
    facts = facts_of(text)
    assert ("position", "Subhandhy Arsyad", "Bupati Aceh Tengah") in facts
    assert ("attended", "Subhandhy Arsyad", "Pekan Kopi Gayo 2024") in facts


def test_a_launch_told_in_the_sentence_before_and_an_absence_not_seen() -> None:
    text = (
        "Judul\n\nPemerintah Kota Pekalongan meluncurkan Kartu Batik Berdaya di Pendopo Jetayu, "
        "Kamis (12/9/2024). Peluncuran Kartu Batik Berdaya dilakukan langsung oleh Wali Kota "
        "Pekalongan Afzan Arslan.\n\n"
        "Kepala Dinas Koperasi, UKM dan Perdagangan Kota Pekalongan Sri Ruminingsih hadir. "
        "Wakil Wali Kota Pekalongan Salahudin tidak tampak hadir dalam acara tersebut.\n"
    )
    facts = facts_of(text)
    event = "Peluncuran Kartu Batik Berdaya"
    assert ("event_date", event, "2024-09-12") in facts
    assert ("event_place", event, "Pendopo Jetayu") in facts
    assert (
        "position",
        "Sri Ruminingsih",
        "Kepala Dinas Koperasi, UKM dan Perdagangan Kota Pekalongan",
    ) in facts
    assert ("attended", "Sri Ruminingsih", event) in facts
    assert ("attended", "Salahudin", event) not in facts


def test_more_attributions_renames_and_short_names() -> None:
    text = (
        "Judul\n\nBupati Kebumen Arif Sugiyanto meninjau pasar. \"Harga cabai mulai turun,\" "
        "kata dia.\n\n"
        "\"Kami bawa 30 paket wisata,\" demikian disampaikan Sekretaris Askowis, Rina Wulandari."
        "\n\nForum Desa Kreatif yang kini bernama Asosiasi Kampung Wisata Kebumen ikut hadir. "
        "Badan Pengelola Usaha Desa atau disingkat BPUD juga hadir.\n"
    )
    facts = facts_of(text)
    assert ("quote", "Arif Sugiyanto", "Harga cabai mulai turun") in facts
    assert ("quote", "Rina Wulandari", "Kami bawa 30 paket wisata") in facts
    assert ("renamed", "Forum Desa Kreatif", "Asosiasi Kampung Wisata Kebumen") in facts
    assert ("alias", "Badan Pengelola Usaha Desa", "BPUD") in facts


def test_speakers_listed_and_people_named_beside_their_trade() -> None:
    text = (
        "Judul\n\nPelatihan Ekspor Rempah Sofifi 2024 digelar di Hotel Bela, Sofifi, Selasa "
        "(8/10/2024). Tampak hadir pengusaha muda Kevin Hamisi.\n\n"
        "Narasumber pelatihan antara lain:\n"
        "1. Dr. Hendra Wali, dosen Universitas Khairun\n"
        "2. Siti Sarah Kaisupy, eksportir pala\n\n"
        "Salah satu peserta, Nuraini Umasugi dari Tidore, mengaku senang. Pelatihan diikuti "
        "warga Soasio dan petani Dufa Dufa.\n"
    )
    facts = facts_of(text)
    event = "Pelatihan Ekspor Rempah Sofifi 2024"
    for person in ("Kevin Hamisi", "Hendra Wali", "Siti Sarah Kaisupy", "Nuraini Umasugi"):
        assert ("attended", person, event) in facts
    # "warga X", "petani X": where people come from, not who they are.
    assert not any(kind == "attended" and who in ("Soasio", "Dufa Dufa") for kind, who, _ in facts)


def test_a_committee_post_of_an_event_names_the_event() -> None:
    text = (
        "Judul\n\nKetua Panitia Festival Sagu Papua 2025, Yosua Rumbiak, mengatakan festival "
        "diikuti 40 kampung.\n"
    )
    extraction = extract(parse_article(text, "t"))
    assert ("Festival Sagu Papua 2025", "Event") in {(m.text, m.type) for m in extraction.mentions}
    post = next(f for f in extraction.facts if f.kind == "position")
    assert post.obj == "Ketua Panitia Festival Sagu Papua 2025" and post.org is None


def test_a_long_name_after_the_region_of_a_title() -> None:
    text = (
        "Judul\n\nWakil Bupati Tabanan I Komang Gede Sanjaya Putra membuka pasar seni. Kepala "
        "Dinas Pariwisata Kabupaten Tabanan Anak Agung Ngurah Dalem Suputra hadir.\n"
    )
    facts = facts_of(text)
    assert ("position", "I Komang Gede Sanjaya Putra", "Wakil Bupati Tabanan") in facts
    assert (
        "position",
        "Anak Agung Ngurah Dalem Suputra",
        "Kepala Dinas Pariwisata Kabupaten Tabanan",
    ) in facts


def test_two_parties_named_before_the_cue_collaborate() -> None:
    text = (
        "Judul\n\nPemerintah Kabupaten Lumajang dan Universitas Argopuro sepakat bekerja sama "
        "dalam pengembangan kopi. Bank Tapal Kuda dan PT Kopi Ijen Raya menandatangani nota "
        "kesepahaman. Dinas A Lumajang, Dinas B Lumajang dan Dinas C Lumajang hadir dalam acara "
        "penandatanganan nota kesepahaman.\n"
    )
    facts = facts_of(text)
    assert ("collaborates", "Pemerintah Kabupaten Lumajang", "Universitas Argopuro") in facts
    assert ("collaborates", "Bank Tapal Kuda", "PT Kopi Ijen Raya") in facts
    assert not any(kind == "collaborates" and who == "Dinas A Lumajang" for kind, who, _ in facts)


def test_acting_holders_of_any_post_and_more_titles() -> None:
    text = (
        "Judul\n\nPlh. Kepala Badan Pendapatan Daerah Kota Bogor Deni Hasan dan Pj Camat "
        "Tidore Utara Agus Sabtu hadir. Plt. Sekretaris Dinas Koperasi Kota Tidore, Rina "
        "Ibrahim, juga hadir bersama Danramil 1505-03/Oba Kapten Inf. Yusuf Lamo.\n"
    )
    facts = facts_of(text)
    assert (
        "position", "Deni Hasan", "Plh. Kepala Badan Pendapatan Daerah Kota Bogor"
    ) in facts
    assert ("position", "Agus Sabtu", "Pj Camat Tidore Utara") in facts
    assert ("position", "Rina Ibrahim", "Plt. Sekretaris Dinas Koperasi Kota Tidore") in facts


def test_a_scare_quote_gives_no_speaker_and_a_bare_event_word_no_body() -> None:
    text = (
        "Judul\n\nWali Kota Blitar Syauqul Muhibbin menyebut bazar ini sebagai \"etalase\" produk "
        "lokal. \"Kita ingin UMKM punya panggung sendiri. Jangan hanya jadi penonton,\" ujarnya."
        "\n\nKetua Panitia Bazar, Yuni Astuti, mengatakan stan penuh.\n"
    )
    extraction = extract(parse_article(text, "t"))
    facts = {(f.kind, f.subject.text, str(f.obj)) for f in extraction.facts}
    quote = "Kita ingin UMKM punya panggung sendiri. Jangan hanya jadi penonton"
    assert ("quote", "Syauqul Muhibbin", quote) in facts
    assert ("position", "Yuni Astuti", "Ketua Panitia Bazar") in facts
    assert "Bazar" not in {m.text for m in extraction.mentions}


def test_a_range_of_days_written_with_slashes() -> None:
    text = "Festival digelar Sabtu-Minggu (12-13/10/2024) di Ambon."
    found = find_dates(text, 0, len(text), lambda: None)
    assert [(d.date, d.end_date) for d in found] == [("2024-10-12", "2024-10-13")]


def test_a_post_in_brackets_after_the_name() -> None:
    text = (
        "Judul\n\nHartono Wibisono (Ketua Paguyuban Pedagang Pasar Gede Klaten) menyambut baik "
        "keputusan itu.\n"
    )
    facts = facts_of(text)
    assert (
        "position", "Hartono Wibisono", "Ketua Paguyuban Pedagang Pasar Gede Klaten"
    ) in facts
    assert not any(kind == "alias" for kind, _, _ in facts)


def test_more_nouns_refer_back_to_the_event() -> None:
    text = (
        "Judul\n\nSarasehan Petani Garam Madura 2024 digelar di Pendopo Sumenep.\n\n"
        "Dalam sarasehan tersebut hadir Kepala Dinas Perikanan Kabupaten Sumenep Ahmad Jakfar. "
        "Gelaran itu ditutup Bupati Sumenep Achmad Fauzi.\n"
    )
    facts = facts_of(text)
    event = "Sarasehan Petani Garam Madura 2024"
    assert ("attended", "Ahmad Jakfar", event) in facts
    assert ("attended", "Achmad Fauzi", event) in facts  # who closes it was there


def test_a_rename_told_from_the_old_name() -> None:
    text = "Judul\n\nPasar Rakyat Sukaraja berganti nama dari Pasar Inpres Sukaraja tahun lalu.\n"
    assert ("renamed", "Pasar Inpres Sukaraja", "Pasar Rakyat Sukaraja") in facts_of(text)


def test_forum_and_sanggar_open_bodies_and_a_year_makes_an_event() -> None:
    text = (
        "Judul\n\nForum Anak Desa Lestari berganti nama menjadi Forum Pemuda Desa Lestari. "
        "Sanggar Tari Rumah Adat tampil. Forum Investasi Daerah Kutai 2024 digelar hari ini.\n"
    )
    entities = entities_of(text)
    assert ("Forum Anak Desa Lestari", "Organization") in entities
    assert ("Forum Pemuda Desa Lestari", "Organization") in entities
    assert ("Sanggar Tari Rumah Adat", "Organization") in entities
    assert ("Forum Investasi Daerah Kutai 2024", "Event") in entities


def test_the_first_person_of_a_sentence_opening_at_the_event_was_there() -> None:
    text = (
        "Judul\n\nRapat Dengar Pendapat Komisi III DPRD Kota Bitung digelar Senin (4/3/2024).\n\n"
        "Dalam RDP tersebut, Kepala Dinas Perikanan Kota Bitung, Ir. Frans Lumi, memaparkan "
        "data tangkapan. Pada kesempatan yang sama, Direktur PT Tuna Bitung Jaya, Rudy Kawet, "
        "yang menjadi salah satu pemateri, menjelaskan harga ikan. MoU ditandatangani Frans "
        "Lumi dan Rektor Politeknik Kelautan Bitung Hendra Sumual.\n\n"
        "Menurut Budi Tamaka, warga, rapat serupa pernah digelar tahun lalu.\n"
    )
    facts = facts_of(text)
    event = "Rapat Dengar Pendapat Komisi III DPRD Kota Bitung"
    for person in ("Frans Lumi", "Rudy Kawet", "Hendra Sumual"):
        assert ("attended", person, event) in facts
    assert ("attended", "Budi Tamaka", event) not in facts


def test_tampak_pula_lists_attendees() -> None:
    text = (
        "Judul\n\nPasar Murah Wonosobo 2024 digelar di Alun-alun Wonosobo. Tampak pula Kepala "
        "Dinas Perdagangan Kabupaten Wonosobo Agus Pranoto dan Ketua DPRD Wonosobo Sri Mulyani "
        "Hartati.\n"
    )
    facts = facts_of(text)
    for person in ("Agus Pranoto", "Sri Mulyani Hartati"):
        assert ("attended", person, "Pasar Murah Wonosobo 2024") in facts


def test_coined_short_name_in_brackets_keeping_a_word() -> None:
    text = (
        "Judul\n\n"
        "Pemerintah Kabupaten Lembah Hijau meluncurkan Gerakan Desa Hijau Lestari (Gerdu "
        "Lestari) di Balai Desa Sukamaju.\n\n"
        "Warga menyambut program Sapa Tani (Satu Petani Satu Lahan) dengan antusias.\n\n"
        "Kepala Dinas Pertanian (Ruang Rapat Utama) hadir.\n"
    )
    facts = facts_of(text)
    assert ("alias", "Gerakan Desa Hijau Lestari", "Gerdu Lestari") in facts
    assert not any(f[0] == "alias" and "Ruang Rapat Utama" in f for f in facts)


def test_collaboration_partners_after_a_counted_introduction() -> None:
    text = (
        "Judul\n\n"
        "Pemerintah Kota Baturaja menandatangani perjanjian kerja sama dengan dua mitra, yakni "
        "PT Sinar Padi Makmur dan Politeknik Agro Ogan.\n\n"
        "Program itu berjalan atas kerja sama Dinas Pertanian Kota Baturaja dengan sejumlah "
        "mitra, yaitu:\n"
        "1. Universitas Ogan Raya\n"
        "2. Koperasi Tani Sejahtera Ogan\n\n"
        "Kepala Dinas Pertanian Kota Baturaja, Sutrisno Halim, membuka acara itu.\n"
    )
    facts = facts_of(text)
    collaborations = {(f[1], f[2]) for f in facts if f[0] == "collaborates"}
    assert ("Pemerintah Kota Baturaja", "PT Sinar Padi Makmur") in collaborations
    assert ("Pemerintah Kota Baturaja", "Politeknik Agro Ogan") in collaborations
    assert ("Dinas Pertanian Kota Baturaja", "Universitas Ogan Raya") in collaborations
    assert ("Dinas Pertanian Kota Baturaja", "Koperasi Tani Sejahtera Ogan") in collaborations
    assert not any("Sutrisno" in pair[1] for pair in collaborations)


def test_no_alias_for_a_bracket_inside_a_name_that_goes_on_with_its_region() -> None:
    text = (
        "Judul\n\n"
        "Kepala Dinas Perikanan (Diskan) Kabupaten Tanah Merah, Joko Prasetyo, membuka acara.\n\n"
        "Dinas Sosial (Dinsos) Maluku Tengah menyalurkan bantuan.\n\n"
        "Badan Usaha Milik Desa Makmur Jaya (BUMDes Makmur Jaya) ikut berjualan.\n"
    )
    aliases = {(f[1], f[2]) for f in facts_of(text) if f[0] == "alias"}
    assert not any(short in ("Diskan", "Dinsos") for _, short in aliases)
    assert ("Badan Usaha Milik Desa Makmur Jaya", "BUMDes Makmur Jaya") in aliases


def test_syllabic_short_name_with_region_is_the_longer_body() -> None:
    from okoce_graph.resolution import resolve

    text = (
        "Judul\n\n"
        "Pameran itu digelar Dinas Kesehatan (Dinkes) Kabupaten Tanah Merah di Pelabuhan "
        "Lama, Senin (3/6/2024).\n\n"
        "Dinkes Tanah Merah menjalin kerja sama dengan PT Samudra Biru Lestari.\n\n"
        "DPRD Kabupaten Tanah Merah ikut memantau.\n"
    )
    article = parse_article(text, "t")
    resolution = resolve(article, extract(article))
    collaborations = {
        (resolution.entity_of[f.subject.key].label, resolution.entity_of[f.obj.key].label)
        for f in resolution.facts
        if f.kind == "collaborates"
    }
    assert ("Dinas Kesehatan Kabupaten Tanah Merah", "PT Samudra Biru Lestari") in collaborations
    labels = {e.label for e in resolution.entities if e.type == "Organization"}
    assert "DPRD Kabupaten Tanah Merah" in labels
    assert "Dinkes Tanah Merah" not in labels


def test_village_head_titles_and_video_teasers() -> None:
    text = (
        "Judul\n\n"
        "Peresmian Balai Tani Sukamekar digelar di Sukamekar, Senin (3/6/2024). Acara itu "
        "dihadiri Perbekel Sukamekar, I Wayan Sudarsa, dan Kepala Kampung Tanjung Batu, "
        "Markus Wonda.\n\n"
        'Simak Video "Ribuan Warga Padati Balai Tani Baru"\n'
    )
    facts = facts_of(text)
    assert ("position", "I Wayan Sudarsa", "Perbekel Sukamekar") in facts
    assert ("position", "Markus Wonda", "Kepala Kampung Tanjung Batu") in facts
    assert not any(f[0] == "quote" for f in facts)
    assert not any("Simak" in f[1] for f in facts)


def test_a_bare_event_word_and_an_event_it_lasts_until() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang-Layang Pantai Indah 2025 resmi dibuka pada 10 Agustus di Lapangan "
        "Merdeka, Kota Sumberjaya. Festival tahunan itu berlangsung lima hari hingga puncak "
        "peringatan HUT ke-80 Kemerdekaan RI.\n\n"
        "Pembukaan ditandai dengan pemukulan gong oleh Wali Kota Sumberjaya, Rudi Hartawan, "
        "didampingi Sekretaris Daerah Kota Sumberjaya, Lina Marpaung.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Lina Marpaung", "Festival Layang-Layang Pantai Indah 2025") in attended
    assert not any(event != "Festival Layang-Layang Pantai Indah 2025" for _, event in attended)


def test_mama_before_a_name_is_an_honorific() -> None:
    text = (
        "Judul\n\n"
        "Ketua Kelompok Tani Wanita Sentani, Mama Yosefina Waromi, mengatakan panen tahun ini "
        "naik.\n"
    )
    facts = facts_of(text)
    assert ("entity", "Yosefina Waromi", "Person") in facts or any(
        f[0] == "position" and f[1] == "Yosefina Waromi" for f in facts
    )
    assert not any("Mama Yosefina" in f[1] for f in facts)


def test_an_abbreviated_given_name_keeps_its_period() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Hadir Sekda Sumberjaya Dr. Muh. Farhan Lestaluhu, M.Si.\n"
    )
    facts = facts_of(text)
    assert ("position", "Muh. Farhan Lestaluhu", "Sekda Sumberjaya") in facts
    assert not any(f[1] == "Muh" for f in facts)


def test_dan_joins_management_and_works_portfolios_in_a_title() -> None:
    text = (
        "Judul\n\n"
        "Temu Mitra Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Penandatanganan disaksikan oleh Direktur Bidang Pemasaran dan Manajemen Risiko "
        "Bank Tani Makmur, Yosua Hutagalung. Kepala Bidang Prasarana dan Sarana Dinas "
        "Pertanian Sumberjaya, Ratih Widuri, memaparkan rencana kerja.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Yosua Hutagalung",
        "Direktur Bidang Pemasaran dan Manajemen Risiko Bank Tani Makmur",
    ) in facts
    assert (
        "position",
        "Ratih Widuri",
        "Kepala Bidang Prasarana dan Sarana Dinas Pertanian Sumberjaya",
    ) in facts


def test_a_noun_of_a_kind_refers_back_to_the_name_renamed() -> None:
    text = (
        "Judul\n\n"
        "Pemkab Tanah Merah meluncurkan program Warung Tani Berdikari di Balai Desa Sukamekar, "
        "Senin (3/6/2024). Program bantuan modal tersebut sebelumnya bernama Lumbung Modal "
        "Petani.\n\n"
        "Bupati juga meresmikan Pasar Ikan Terpadu Sukamekar di Kelurahan Sukamekar. "
        "Fasilitas yang sebelumnya bernama Tempat Jual Ikan Sukamekar itu dibangun ulang.\n"
    )
    facts = facts_of(text)
    assert ("renamed", "Lumbung Modal Petani", "Warung Tani Berdikari") in facts
    assert ("renamed", "Tempat Jual Ikan Sukamekar", "Pasar Ikan Terpadu Sukamekar") in facts
    assert not any(f[0] == "renamed" and f[2] == "Fasilitas" for f in facts)


def test_an_acronym_after_a_bracketed_company_form_or_a_comma_and_sebutan() -> None:
    text = (
        "Judul\n\n"
        "PT Pelayaran Rakyat Sentosa (Persero) atau PRS menggelar Temu Mitra Bahari 2024 di "
        "Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Dalam acara itu, Kelompok Usaha Nelayan Muda, atau yang dikenal dengan sebutan "
        "Kusnema, menerima bantuan.\n"
    )
    facts = facts_of(text)
    assert ("alias", "PT Pelayaran Rakyat Sentosa", "PRS") in facts
    assert ("alias", "Kelompok Usaha Nelayan Muda", "Kusnema") in facts


def test_a_coined_acronym_may_add_a_letter_for_its_sound() -> None:
    text = (
        "Judul\n\n"
        "Pemkab Tanah Merah meluncurkan Gerakan Pangan Sehat Desa (Gepasid) di Kota "
        "Sumberjaya, Senin (3/6/2024). Pemkab juga memulai Gerakan Tanam Pohon Desa atau "
        "Getapodi.\n"
    )
    facts = facts_of(text)
    assert ("alias", "Gerakan Pangan Sehat Desa", "Gepasid") in facts
    assert ("alias", "Gerakan Tanam Pohon Desa", "Getapodi") in facts


def test_police_unit_heads_are_titles() -> None:
    text = (
        "Judul\n\n"
        "Rapat Koordinasi Keamanan Pasar 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Rapat juga dihadiri Kasat Lantas Polres Sumberjaya AKP Bonifasius Tanamal dan "
        "Kapolsek Sukamekar Iptu Rendra Wiradana.\n"
    )
    facts = facts_of(text)
    assert ("position", "Bonifasius Tanamal", "Kasat Lantas Polres Sumberjaya") in facts
    assert ("attended", "Bonifasius Tanamal", "Rapat Koordinasi Keamanan Pasar 2024") in facts


def test_an_abbreviated_given_name_stands_beside_its_title() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Kepala Dinas Pertanian Sumberjaya, Moh. Arifin Talaohu, S.P., yang turut hadir, "
        "meminta petani menanam jagung.\n"
    )
    facts = facts_of(text)
    assert ("position", "Moh. Arifin Talaohu", "Kepala Dinas Pertanian Sumberjaya") in facts
    assert ("attended", "Moh. Arifin Talaohu", "Temu Usaha Tani Lembah Hijau 2024") in facts


def test_a_speech_or_report_at_the_event_after_the_speakers_name() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Ketua Panitia, Yohanes Rumbewas, dalam laporannya menyebut ada 40 stan. Kepala "
        "Dinas Pertanian Sumberjaya, Ratih Widuri, dalam sambutannya meminta petani menanam "
        "jagung.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Yohanes Rumbewas", "Temu Usaha Tani Lembah Hijau 2024") in attended
    assert ("Ratih Widuri", "Temu Usaha Tani Lembah Hijau 2024") in attended


def test_a_line_in_headline_case_names_nothing() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Baca Juga\n\n"
        "Harga Cabai di Sumberjaya Melonjak Jelang Lomba Perahu\n\n"
        "Ketua Kelompok Nelayan Camar, Darius Wambrauw, yang hadir dalam acara itu menyebut "
        "ada 40 perahu hias.\n"
    )
    facts = facts_of(text)
    assert ("attended", "Darius Wambrauw", "Festival Layang Pantai Indah 2024") in facts
    assert not any("Melonjak" in f[1] or "Melonjak" in f[2] for f in facts)


def test_an_unnamed_holder_is_absent_not_the_name_after_the_cue() -> None:
    text = (
        "Judul\n\n"
        "Peluncuran Program Desa Tangguh Pangan digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Gubernur berhalangan hadir, sehingga peluncuran dilakukan oleh Wakil Wali Kota "
        "Sumberjaya, Hendrikus Talebong.\n"
    )
    facts = facts_of(text)
    event = "Peluncuran Program Desa Tangguh Pangan"
    assert ("attended", "Hendrikus Talebong", event) in facts
    assert ("absent", "Hendrikus Talebong", event) not in facts


def test_receiving_an_award_at_the_event_is_attending_it() -> None:
    text = (
        "Judul\n\n"
        "Malam Anugerah Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Sabtu (8/6/2024). "
        "Trofi utama diterima oleh Ketua Kelompok Tani Subur, Fransiska Rumere. Piala kedua "
        "diterima Kepala Desa Sukamekar Ahmad Tualeka. Ketua Koperasi Camar, Darius Wambrauw, "
        "usai menerima penghargaan mengaku bangga.\n"
    )
    attended = {f[1] for f in facts_of(text) if f[0] == "attended"}
    assert {"Fransiska Rumere", "Ahmad Tualeka", "Darius Wambrauw"} <= attended


def test_the_one_who_accompanies_a_guest_attends() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024). "
        "Lurah Sukamekar, Paulus Rumbiak, yang turut mendampingi Wali Kota, menyebut ada 90 "
        "perajin layang-layang.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Paulus Rumbiak", "Festival Layang Pantai Indah 2024") in attended


def test_a_one_word_name_after_a_title_at_the_end_of_a_sentence() -> None:
    text = (
        "Judul\n\n"
        "Malam Anugerah Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Sabtu (8/6/2024). "
        "Bupati didampingi Ketua Koperasi Tani Subur, Marwiyah.\n"
    )
    facts = facts_of(text)
    assert ("position", "Marwiyah", "Ketua Koperasi Tani Subur") in facts
    assert ("attended", "Marwiyah", "Malam Anugerah Tani Lembah Hijau 2024") in facts


def test_a_region_type_word_with_no_name_after_it_ends_a_portfolio() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Kepala Dinas Pembinaan Usaha dan Kampung (DPUK) Kota Sumberjaya, Theresia Wanma, "
        "memaparkan rencana kerja.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Theresia Wanma",
        "Kepala Dinas Pembinaan Usaha dan Kampung Kota Sumberjaya",
    ) in facts
    assert not any(f[1] == "Dinas Pembinaan Usaha" for f in facts)


def test_a_second_post_after_the_name_and_its_degrees() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Rapat dipimpin Wali Kota Sumberjaya, Drs. Yakobus Wenda, M.Si., yang juga menjabat "
        "sebagai Ketua Dewan Ketahanan Pangan Kota Sumberjaya.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Yakobus Wenda",
        "Ketua Dewan Ketahanan Pangan Kota Sumberjaya",
    ) in facts


def test_bodies_acting_together_collaborate() -> None:
    text = (
        "Judul\n\n"
        "Penyaluran beras itu bagian dari program yang dijalankan Pemerintah Kota Sumberjaya "
        "bersama Perum Gudang Pangan Nusantara dan PT Kirim Cepat Sentosa.\n"
    )
    collaborations = {(f[1], f[2]) for f in facts_of(text) if f[0] == "collaborates"}
    assert ("Pemerintah Kota Sumberjaya", "Perum Gudang Pangan Nusantara") in collaborations
    assert ("Pemerintah Kota Sumberjaya", "PT Kirim Cepat Sentosa") in collaborations


def test_a_kind_noun_may_open_a_list_of_partners() -> None:
    text = (
        "Judul\n\n"
        "Dinas Koperasi Kota Sumberjaya berkolaborasi dengan komunitas Anak Muda Berkarya, "
        "Institut Teknologi Sumberjaya serta PT Rintis Digital Nusantara.\n"
    )
    partners = {f[2] for f in facts_of(text) if f[0] == "collaborates"}
    assert {
        "Anak Muda Berkarya",
        "Institut Teknologi Sumberjaya",
        "PT Rintis Digital Nusantara",
    } <= partners


def test_a_member_written_in_lower_case_before_the_body_and_name() -> None:
    text = (
        "Judul\n\n"
        "Rapat Dengar Pendapat Irigasi 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Rapat dipimpin Ketua Komisi III DPRD Sumberjaya, Yosef Tabuni, didampingi anggota "
        "Komisi III Markus Karubaba.\n"
    )
    facts = facts_of(text)
    assert ("position", "Markus Karubaba", "anggota Komisi III") in facts
    assert ("attended", "Markus Karubaba", "Rapat Dengar Pendapat Irigasi 2024") in facts


def test_dan_joins_fields_of_agencies_in_a_title() -> None:
    text = (
        "Judul\n\n"
        "Temu Mitra Wisata Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Deputi Bidang Promosi dan Infrastruktur Badan Wisata Nasional, Gerardus Kambu, "
        "membuka acara. Kepala Badan Pengelolaan Pajak dan Aset Daerah Kota Sumberjaya, "
        "Dorkas Yikwa, ikut hadir.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Gerardus Kambu",
        "Deputi Bidang Promosi dan Infrastruktur Badan Wisata Nasional",
    ) in facts
    assert (
        "position",
        "Dorkas Yikwa",
        "Kepala Badan Pengelolaan Pajak dan Aset Daerah Kota Sumberjaya",
    ) in facts


def test_an_acronym_after_a_title_keeps_an_honorific_word_inside_the_body() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Mama Papua 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). Ketua "
        "Persatuan Mama Penjual Sagu (PMPS), Mama Agustina Rumaropen, menyebut ada 80 "
        "pedagang.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Agustina Rumaropen",
        "Ketua Persatuan Mama Penjual Sagu",
    ) in facts
    assert ("alias", "Persatuan Mama Penjual Sagu", "PMPS") in facts


def test_presenting_or_reporting_at_the_event_is_attending_it() -> None:
    text = (
        "Judul\n\n"
        "Rapat Koordinasi Gizi Anak 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Kepala Dinas Kesehatan Kota Sumberjaya, Yosefina Mandacan, memaparkan data "
        "posyandu. Ketua Panitia, Ruben Mambrasar, melaporkan ada 300 peserta.\n"
    )
    attended = {f[1] for f in facts_of(text) if f[0] == "attended"}
    assert {"Yosefina Mandacan", "Ruben Mambrasar"} <= attended


def test_the_subject_set_off_by_commas_speaks_at_the_event_referred_to() -> None:
    text = (
        "Judul\n\n"
        "Rapat Koordinasi Gizi Anak 2024 digelar di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Direktur Akademi Kebidanan Sumberjaya, Maria Yoku, S.ST., dalam rapat tersebut "
        "menyatakan kampusnya menyiapkan 50 bidan.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Maria Yoku", "Rapat Koordinasi Gizi Anak 2024") in attended


def test_at_the_same_place_refers_to_the_event() -> None:
    text = (
        "Judul\n\n"
        "Malam Anugerah Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Sabtu (8/6/2024).\n\n"
        "Di tempat yang sama, Kepala Dinas Pertanian Kota Sumberjaya, Yakob Ansaka, "
        "mengatakan penilaian melibatkan juri independen.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Yakob Ansaka", "Malam Anugerah Tani Lembah Hijau 2024") in attended


def test_a_five_word_name_with_a_regional_particle_beside_a_title() -> None:
    text = (
        "Judul\n\n"
        "Peresmian Pasar Seni Sukamekar digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Anggota Komisi IV DPRD Sumberjaya, Ni Kadek Ayu Sri Lestari, ikut hadir.\n"
    )
    facts = facts_of(text)
    assert (
        "position",
        "Ni Kadek Ayu Sri Lestari",
        "Anggota Komisi IV DPRD Sumberjaya",
    ) in facts


def test_an_inspector_is_a_title() -> None:
    text = (
        "Judul\n\n"
        "Rapat Dengar Pendapat Irigasi 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Rapat menghadirkan Inspektur Kota Sumberjaya, Barnabas Sawen, dan camat.\n"
    )
    facts = facts_of(text)
    assert ("position", "Barnabas Sawen", "Inspektur Kota Sumberjaya") in facts


def test_a_function_word_after_a_degree_opens_a_sentence() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka Kepala Dinas Pariwisata Kota Sumberjaya, "
        "Ir. Lukas Ayomi, M.Si. Adapun Ketua DPRD Kota Sumberjaya, Matius Kogoya, hadir pada "
        "malam penutupan.\n"
    )
    facts = facts_of(text)
    assert ("position", "Matius Kogoya", "Ketua DPRD Kota Sumberjaya") in facts
    assert not any(f[1].startswith("Adapun") or f[2].startswith("Adapun") for f in facts)


def test_a_region_set_aside_between_a_title_and_the_name() -> None:
    text = (
        "Judul\n\n"
        "Rapat Dengar Pendapat Irigasi 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Kepala Kampung Batu Merah, Kecamatan Sukamekar, Alfons Dimara, mengusulkan tambahan "
        "anggaran.\n"
    )
    facts = facts_of(text)
    assert ("position", "Alfons Dimara", "Kepala Kampung Batu Merah") in facts


def test_an_office_named_by_its_region_or_post_is_a_building() -> None:
    text = (
        "Judul\n\n"
        "Pasar Murah Ramadan itu digelar di halaman Kantor Kecamatan Sukamekar, Senin "
        "(3/6/2024). Pekan depan pasar murah pindah ke Kantor Bupati Tanah Merah.\n"
    )
    entities = entities_of(text)
    assert ("Kantor Kecamatan Sukamekar", "Place") in entities
    assert ("Kantor Bupati Tanah Merah", "Place") in entities


def test_a_degree_period_without_a_comma_closes_the_sentence_before_a_title() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka oleh Wali Kota Sumberjaya Drs. Yunus "
        "Wonda, M.T. Gubernur Papua Tengah diwakili Kepala Dinas Pariwisata, Sefnat Mote.\n"
    )
    facts = facts_of(text)
    assert ("position", "Yunus Wonda", "Gubernur Papua Tengah") not in facts


def test_proposing_or_handing_over_at_the_event_is_attending_it() -> None:
    text = (
        "Judul\n\n"
        "Rapat Dengar Pendapat Irigasi 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Kepala Desa Sukamekar, Yulius Kareth, mengusulkan tambahan anggaran. Piagam "
        "diserahkan oleh Ketua Komisi III DPRD Sumberjaya, Obed Tabuni.\n"
    )
    attended = {f[1] for f in facts_of(text) if f[0] == "attended"}
    assert {"Yulius Kareth", "Obed Tabuni"} <= attended


def test_the_date_of_a_dateline_is_not_the_events() -> None:
    text = (
        "Judul\n\n"
        "Sumberjaya, 9 Juli 2024 – PT Tani Makmur Sentosa menggelar Temu Mitra Tani 2024 di "
        "Aula Cendrawasih, Sumberjaya, pada Senin (8/7) malam.\n"
    )
    facts = facts_of(text)
    assert ("event_date", "Temu Mitra Tani 2024", "2024-07-08") in facts
    assert ("event_date", "Temu Mitra Tani 2024", "2024-07-09") not in facts


def test_a_place_opening_the_sentence_is_not_the_speaker_nya_continues() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka Wali Kota Sumberjaya, Rudi Hartawan.\n\n"
        "Salah satu pengunjung asal Kelurahan Batu Putih, Yosepha Kambuaya, mengaku datang "
        "bersama keluarga. \"Harganya masih terjangkau,\" ujarnya.\n"
    )
    quotes = {(f[1], f[2]) for f in facts_of(text) if f[0] == "quote"}
    assert ("Yosepha Kambuaya", "Harganya masih terjangkau") in quotes


def test_an_event_inside_the_event_does_not_take_its_place() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Festival juga diramaikan Lomba Mewarnai Layang-Layang Tingkat SD.\n\n"
        "Ketua Kelompok Perajin Camar, Darius Wambrauw, turut hadir.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Darius Wambrauw", "Festival Layang Pantai Indah 2024") in attended


def test_a_visitor_attends_the_event() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Salah satu pengunjung asal Kota Lembah, Yosepha Kambuaya, mengaku datang bersama "
        "keluarga.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Yosepha Kambuaya", "Festival Layang Pantai Indah 2024") in attended


def test_one_met_at_a_booth_of_the_event_attends_it() -> None:
    text = (
        "Judul\n\n"
        "Festival Tenun Lembah Hijau 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Salah satu penenun asal Desa Sukamekar, Agnes Wenda, yang ditemui di stan pameran "
        "mengaku senang. \"Kain saya laku,\" ujarnya.\n"
    )
    attended = {(f[1], f[2]) for f in facts_of(text) if f[0] == "attended"}
    assert ("Agnes Wenda", "Festival Tenun Lembah Hijau 2024") in attended


def test_mbah_before_a_name_is_an_honorific() -> None:
    text = (
        "Judul\n\n"
        "Salah satu penerima bantuan, Mbah Sukinem, mengaku senang menerima beras. \"Cukup "
        "untuk sebulan,\" ujarnya.\n"
    )
    entities = entities_of(text)
    assert ("Sukinem", "Person") in entities
    assert not any(name.startswith("Mbah") for name, _ in entities)


def test_an_honorific_before_a_bare_title_names_no_one() -> None:
    text = (
        "Judul\n\n"
        "\"Data koperasi terhubung. Jadi kalau Bapak Gubernur bertanya, jawabannya tinggal "
        "klik,\" ujar Yanto Rumere.\n"
    )
    entities = entities_of(text)
    assert ("Gubernur", "Person") not in entities


def test_a_headline_may_leave_per_and_other_short_words_in_lower_case() -> None:
    text = (
        "Judul\n\n"
        "Festival Layang Pantai Indah 2024 dibuka di Kota Sumberjaya, Senin (3/6/2024).\n\n"
        "Harga Ikan Tuna di Sumberjaya Tembus Rp 90 Ribu per Kilogram\n\n"
        "Wali Kota Sumberjaya, Rudi Hartawan, membuka festival itu.\n"
    )
    assert not any("Tembus" in name for name, _ in entities_of(text))


def test_a_bracketed_abbreviation_ending_with_an_acronym_stays_inside_the_title() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Kota Sumberjaya, Senin (3/6/2024). "
        "Ketua Tim Penggerak PKK (TP PKK) Kota Sumberjaya, Ny. Lidia Rumbewas, turut hadir.\n"
    )
    facts = facts_of(text)
    assert ("position", "Lidia Rumbewas", "Ketua Tim Penggerak PKK Kota Sumberjaya") in facts


def test_balinese_customary_village_heads_are_titles() -> None:
    text = (
        "Judul\n\n"
        "Peresmian Balai Tani Sukamekar digelar di Sukamekar, Senin (3/6/2024). Acara itu "
        "dihadiri Bendesa Adat Sukamekar I Nyoman Sudirga.\n"
    )
    facts = facts_of(text)
    assert ("position", "I Nyoman Sudirga", "Bendesa Adat Sukamekar") in facts


def test_a_listed_partner_may_carry_its_acronym_in_brackets() -> None:
    text = (
        "Judul\n\n"
        "Dinas Koperasi Kota Sumberjaya bekerja sama dengan sejumlah mitra, yaitu:\n"
        "1. Universitas Lembah Hijau\n"
        "2. Himpunan Petani Jagung Sumberjaya (HPJS)\n"
        "3. Yayasan Tani Makmur Nusantara\n"
    )
    partners = {f[2] for f in facts_of(text) if f[0] == "collaborates"}
    assert {
        "Universitas Lembah Hijau",
        "Himpunan Petani Jagung Sumberjaya",
        "Yayasan Tani Makmur Nusantara",
    } <= partners


def test_a_photo_caption_with_its_credit_names_nothing() -> None:
    text = (
        "Judul\n\n"
        "Temu Usaha Tani Lembah Hijau 2024 digelar di Aula Cendrawasih, Kota Sumberjaya, "
        "Senin (3/6/2024).\n\n"
        "Suasana Temu Usaha Tani Lembah Hijau 2024 di Sukamekar. [Kabar.com/Istimewa]\n\n"
        "Bupati Tanah Merah, Yakob Ansaka, membuka acara itu.\n"
    )
    facts = facts_of(text)
    assert not any(f[1].startswith("Suasana") for f in facts)


def test_a_contracted_title_after_a_quote_names_the_holder_of_the_post_spelled_out() -> None:
    text = (
        "Judul\n\n"
        "Kepala Kejaksaan Negeri Sumberjaya, Yohanes Wanimbo, mengingatkan para kepala desa.\n\n"
        "\"Uang hadiah itu uang negara,\" tegas Kajari.\n"
    )
    quotes = {(f[1], f[2]) for f in facts_of(text) if f[0] == "quote"}
    assert ("Yohanes Wanimbo", "Uang hadiah itu uang negara") in quotes


def test_a_former_name_in_brackets_is_not_the_party_to_a_collaboration() -> None:
    text = (
        "Judul\n\n"
        "Dana itu disalurkan melalui Badan Modal Tani Nusantara (dahulu Lembaga Kredit Tani "
        "Rakyat) bekerja sama dengan PT Bank Tani Makmur.\n"
    )
    collaborations = {(f[1], f[2]) for f in facts_of(text) if f[0] == "collaborates"}
    assert ("Badan Modal Tani Nusantara", "PT Bank Tani Makmur") in collaborations
    assert not any(subject == "Lembaga Kredit Tani Rakyat" for subject, _ in collaborations)


def test_a_programme_named_after_a_region_type_word() -> None:
    text = (
        "Judul\n\n"
        "MoU itu memperluas program Desa Tangguh Pangan yang digagas Dinas Pertanian Kota "
        "Sumberjaya.\n"
    )
    assert ("Desa Tangguh Pangan", "Program") in entities_of(text)


def test_yang_juga_gives_the_holder_of_the_post_before_a_second_post() -> None:
    text = (
        "Judul\n\n"
        "Hadir pula Marta Rumbiak, Ketua Koperasi Nelayan Camar yang juga anggota DPRD Kota "
        "Sumberjaya.\n"
    )
    facts = facts_of(text)
    assert ("position", "Marta Rumbiak", "Ketua Koperasi Nelayan Camar") in facts
    assert ("position", "Marta Rumbiak", "anggota DPRD Kota Sumberjaya") in facts


def test_a_bodys_word_alone_after_a_copula_is_a_kind_of_body() -> None:
    text = (
        "Judul\n\n"
        "PT Tani Makmur Sentosa adalah BUMN yang bergerak di bidang pembiayaan petani.\n"
    )
    entities = entities_of(text)
    assert ("PT Tani Makmur Sentosa", "Organization") in entities
    assert not any(name == "BUMN" for name, _ in entities)


def test_a_post_field_then_a_bodys_acronym() -> None:
    text = (
        "Judul\n\n"
        "Ketua BPTN didampingi Direktur Pembiayaan Usaha Mikro BPTN, Lidia Rumere, meninjau "
        "gudang pupuk.\n"
    )
    entities = entities_of(text)
    assert not any(name == "Pembiayaan Usaha Mikro BPTN" for name, _ in entities)
    assert ("position", "Lidia Rumere", "Direktur Pembiayaan Usaha Mikro BPTN") in facts_of(text)
