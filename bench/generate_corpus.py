"""A synthetic corpus of Indonesian regional news articles for benchmarks (stdlib only).

    python bench/generate_corpus.py N OUT_DIR [--seed S] [--size full|brief]

Writes N plain-text articles (2-4 KB each, or under 1 KB with --size brief) in the genre of the
project's articles: a headline, a dateline, an event with its date and venue, who attended it,
quotations, collaborations and memoranda, renamed programmes, acronyms in brackets and figures.
Regions come from the project's regions.tsv; people are drawn from several hundred given names
and surnames of many Indonesian traditions. The officials of a region (its governor, regent or
mayor, heads of its offices) and the heads of companies and associations are fixed per seed and
term of office, so they recur from article to article.

The same seed and N give byte-identical files: article i depends only on the seed and i, and
nothing here iterates over a set or a hash-ordered mapping.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS_TSV = ROOT / "src" / "okoce_graph" / "extract" / "data" / "regions.tsv"
# Article sizes in bytes: (drawn target low, high, floor, ceiling). "full" is a typical 3 KB
# report; "brief" a news-wire item of a few paragraphs (about 100 quads in the graph, the
# article size issue #7's "10,000 articles, about one million triples" implies).
SIZES = {"full": (2300, 3800, 2048, 4096), "brief": (500, 900, 0, 1000)}

# Names ----------------------------------------------------------------------------------------
# Given names and family or second names by tradition. A person is one or two given names
# and, for most traditions, a family or second name from the same tradition.


def _names(text: str) -> list[str]:
    """Names separated by white space; an underscore stands for a space inside a name."""
    return [name.replace("_", " ") for name in text.split()]


JAVANESE_GIVEN = _names("""
Agus Bambang Budi Joko Slamet Sri Wahyu Dwi Tri Eko Hendro Sigit Bayu Teguh Sutrisno Sugeng
Heru Yudi Adi Dimas Galih Panji Aryo Damar Rizky Fajar Yoga Anton Wawan Harjo Sukardi Suparman
Mulyadi Suyanto Purwanto Ratna Lestari Endah Wulan Ayu Dewi Sekar Puspita Rini Yuni Tutik Siti
Sumarni Ngatini Wahyuni Setyaningsih Retno Kartika Anjar Bagus Cahyo Gatot Haryo Indra Kuncoro
Lukman Nanang Pramono Rahmat Satrio Tondo Untung Yanto Dian Novi Eka Fitri Handayani Indah Kurnia
Ningsih Prapti Sulastri Umi Winarni Yulia Yustina Aditya Ganjar Hadi Imam Kusnadi Margono Pujo
""")
JAVANESE_FAMILY = _names("""
Santoso Setiawan Prasetyo Wibowo Nugroho Saputra Hidayat Kurniawan Wicaksono Purnomo Susanto
Hartono Suryadi Pratama Wijayanto Handoko Haryanto Sulistyo Utomo Rahardjo Kusumo Sasongko
Widodo Subagyo Setyawan Pamungkas Hermawan Darmawan Firmansyah Ramadhan Maulana Fauzi
Wulandari Rahayu Susilowati Kusumawardani Puspitasari Hapsari Pertiwi Anggraini Wardani
Rahmawati Suharto Sudarsono Prabowo Sukamto Triyono Budiono Wardoyo Mulyono Sutanto Supriyadi
Hadiwijaya Adinegoro Prawiro Notonegoro Suryaningrat Cahyono Permadi Nugraheni Lestyaningrum
""")
SUNDANESE_GIVEN = _names("""
Asep Ujang Cecep Dadang Deden Dedi Endang Euis Iis Neneng Yayan Ade Aep Aang Cucu Dede Enok
Entis Iwan Jajang Kokom Lilis Mamat Nandang Nunung Oman Popon Rika Tatang Uus Wawan Yaya Yeni
Acep Dadan Engkos Hera Ikin Jujun Nining Rosita Sopyan Yudha Nenden Atep Dindin Eman
""")
SUNDANESE_FAMILY = _names("""
Sutisna Permana Suganda Sukmana Kusnadi Sumpena Rustandi Suherman Sopandi Mulyana Gumilar
Kartawijaya Somantri Wiradinata Natawijaya Suryana Sudrajat Ruhiyat Supriatna Nugraha Rosmana
Saepudin Kurniasih Hidayatullah Wiratmaja Sukandar Sumarna Rukmana Juhana Sobari Hendarman
Kartasasmita Sumitra Nataprawira Sasmita Komara Jayadiningrat
""")
BATAK_GIVEN = _names("""
Bonar Togar Parlindungan Hotman Martua Saut Torang Jonggi Ronald Robert Janter Sahat Tigor Poltak
Mangasi Benny Edison Fransiska Ruth Lasma Rosmawati Tiurma Ervina Maruli Baringin Lamhot Hendrik
Daniel Johannes Marihot Nurhayati Samuel Tulus Ucok Bobby Erwin Rizal Yusuf Darwin Rinaldi
""")
BATAK_FAMILY = _names("""
Siregar Nasution Harahap Simanjuntak Sitompul Hutapea Panjaitan Pardede Sinaga Situmorang Lubis
Tambunan Sihombing Manurung Simatupang Sitorus Silalahi Napitupulu Damanik Purba Saragih
Ginting Tarigan Sembiring Sitepu Barus Hutagalung Hutabarat Gultom Marpaung Pasaribu Tampubolon
Aritonang Sianturi Hasibuan Daulay Pohan Rangkuti Batubara Matondang Simbolon Sinurat
Pangaribuan Hutauruk Lumbantobing Nainggolan Sagala Sidabutar Sirait Tobing
""")
MINANG_GIVEN = _names("""
Yulizar Zulkifli Irwan Hendri Afrizal Nofrizal Yusrizal Syafrudin Rahmat Fadly Yuliandri Erman
Jasman Khairul Mahyeldi Nasrul Rusdi Syamsu Taufik Yondri Zainal Asnawi Desmawati Elvira Fitria
Lisda Marlina Nurhasanah Rosnida Yeni Febrizal Hendrizal Alfian Novrial Riswandi Gusnaldi
""")
MINANG_FAMILY = _names("""
Chaniago Piliang Tanjung Koto Sikumbang Jambak Guci Bendang Panyalai Supayang Malayu Datuak
Sutan_Marajo Rangkayo Bagindo Dt._Rajo_Basa Syahputra Effendi Hamdani Azwar Mardanus Yunus
""")
BUGIS_GIVEN = _names("""
Andi Muhammad Syahrul Amran Rusdi Nurdin Basri Hamzah Sulaiman Arifin Baso Ilham Taufan Zainal
Darmawangsa Kaharuddin Mappaseng Nurhayati Sitti Hasnah Sumarni Rosdiana Irmawati Hasanuddin
Ashabul Rahman Fatmawati Ichsan Syamsuddin Aksa Sukri Rahim Sudirman Amirullah Jufri Ikhsan
""")
BUGIS_FAMILY = _names("""
Mattalatta Paturusi Djalil Rachman Pangerang Mallarangeng Sidenreng Makkasau Pawelloi
Mappanyompa Arsyad Lasinrang Pallawagau Massinai Tenriawaru Patunru Baharuddin Abdullah
Mangkona Sanusi Tahir Syarif Latif Daeng Maulana Amin Mappiare Bandu Walenna
""")
BALINESE_PREFIX = ["I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Putu", "I Komang",
                   "Ni Luh", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ida Bagus",
                   "Anak Agung", "Cokorda", "Gusti Ngurah", "Desak Made", "Ida Ayu"]
BALINESE_GIVEN = _names("""
Sudiarta Suarjana Astawa Widiana Suardana Artawan Wirawan Sukarma Budiasa Mahendra Sutama Koster
Dharma Mertha Ariawan Sukadana Parwata Yasa Swastika Suastika Wiratama Adnyana Arsana Giri
Karsana Kusuma Manik Nadi Oka Pasek Rai Sentana Suryawan Tirta Ardana Surya Darmada Suwarta
""")
BALINESE_FAMILY = _names("""
Wirata Putra Putri Suartini Sukerti Sudarma Widnyana Astiti Wardana Sedana Sutrisna Antara
Kertayasa Sanjaya Winaya Pranata Kusumadewi Suwitra Gunawan Merta Arimbawa
""")
PAPUAN_GIVEN = _names("""
Yohanes Markus Yakobus Petrus Agustinus Frans Natalis Benny Yulianus Martha Yosina Ruth Lukas
Barnabas Klemen Matius Paulus Simon Yustus Dorkas Ester Salomina Herman Elisa Obaja Titus
Yance Nikolas Melkias Everd Dortheis Ribka Selfina Theo Abner Isak
""")
PAPUAN_FAMILY = _names("""
Wenda Enembe Tabuni Kogoya Wonda Murib Wanimbo Mote Pigai Dogopia Rumbiak Rumbewas Mandacan
Kaisiepo Yoku Ayomi Sawaki Wospakrik Rumkorem Karubaba Mofu Womsiwor Ondi Sorontou Indey
Hamadi Waromi Kareth Sanggenafa Krey Marani Rumaropen Tebai Gobai Yeimo Kossay Lokbere
Wakerkwa Matuan Aronggear Manufandu
""")
CHINESE_GIVEN = _names("""
Hendra Susanto Stefanus Vincent Kevin Jessica Lilis Meilani Meiliana Lily Fransiska William
Steven Michael Budi Ferry Hartanto Liliana Suryani Handoko Yohan Darwin Ivan Gunadi Sandra
Linda Melinda Johan Andreas Felix Cindy Jennifer Anton Erick Harry Rudy Sofyan Yenny Herlina
""")
CHINESE_FAMILY = _names("""
Tanoto Wijaya Gunawan Halim Kusuma Salim Tanudjaja Hartono Sugianto Setiadi Santoso Tjahjadi
Lim Tanujaya Kurniadi Gondokusumo Widjaja Tjandra Liem Oei Tjoa Lukito Sutanto Djojonegoro
Wonowidjojo Hidajat Tedja Sanjaya Winata Tanuwidjaja Kosasih Angkasa Lienardi Soetanto
Budiman Purnama Chandra Jahja
""")
MINAHASA_GIVEN = _names("""
Olly Steven Jemmy Vicky Frangky Jeffry Royke Meiske Deetje Juliet Novi Christiany Rommy Denny
Jantje Hanny Stevanus Fientje Ronald Marthen Youla Grace Tommy Arthur Wenny Rio
""")
MINAHASA_FAMILY = _names("""
Lumentut Mandagi Sondakh Rumengan Pangemanan Wenas Tumbelaka Lengkong Kalalo Tambuwun
Runtuwene Sumampouw Supit Kaunang Kawengian Pontoh Tumiwa Walangitan Rondonuwu Tuwaidan
Mamahit Wowor Paat Karundeng Lumowa Rawung Massie Sompie Dondokambey Kandouw
""")
MALUKU_GIVEN = _names("""
Jacob Murad Ricardo Everhard Anthony Hendrik Brenda Ronny Meinhard Semuel Bodewin Yopie Nus
Febby Arnold Kasrul Said Abdullah Husein Ina Mirna Beatrix Rudolf Marcus
""")
MALUKU_FAMILY = _names("""
Latuconsina Pattiasina Tuhumury Matulessy Wattimena Sahetapy Tahitu Louhenapessy Pelupessy
Manuputty Tanamal Leatemia Ririmasse Siahaya Hitijahubessy Lekatompessy Ohorella Assagaff
Marasabessy Tuasikal Latumahina Sapulette Pattinama Nanlohy
""")
TIMOR_GIVEN = _names("""
Viktor Josef Fransiskus Gabriel Ansgerius Laurensius Emilia Maria Yosef Silvester Wilhelmus
Kornelis Blasius Dominikus Benediktus Alfons Veronika Agustina Marselinus Yeremias Ferdinand
Kristofel Aloysius Florianus Theresia
""")
TIMOR_FAMILY = _names("""
Laiskodat Pello Manafe Tefa Benu Nope Nenobais Lake Mella Lerik Bria Seran Nahak Leki Ndolu
Ratu Ully Adoe Dethan Lenggu Fanggidae Kana Mooy Tallo Nggebu Lado Dapa Talu Kolo Lewar
""")
SASAK_PREFIX = ["Lalu", "Baiq", "Lalu Muhammad", "Baiq Nurul"]
SASAK_GIVEN = _names("""
Gita Sudirman Iqbal Hamdi Fathurrahman Zulkieflimansyah Rohmi Suhaili Najmul Sumardi Ahyar
Mustakim Jumardi Azhar Ridwan Hariadi Junaidi Saepul Ihsan Hapipi Fauzan Nurhadi Marzuki
""")
SASAK_FAMILY = _names("""
Ariadi Kurniawan Fadli Abidin Hakim Alwi Marzuki Mahsun Atsani Zaini Ahmad Husni Wahid
""")
ACEH_GIVEN = _names("""
Teuku Cut Nova Muzakir Illiza Zaini Irwandi Nazar Mawardi Bustami Fadhil Husaini Marzuki Safrizal
Nurlela Raihan Darwati Khairunnisa Murthalamuddin Azwar Taqwallah Yusran Faisal Ridha
""")
ACEH_FAMILY = _names("""
Sa'aduddin Djamal Abdullah Yusuf Hamid Ibrahim Usman Saleh Daud Manaf Manan Abubakar Rasyid
Syamaun Hasbi Ismail Idris Mahmud Samsuddin Walad
""")
DAYAK_GIVEN = _names("""
Sugianto Agustiar Sabran Edy Halikinnor Karolin Ugak Herkulanus Norsanie Sahat Kamarudin
Lewis Yansen Ardian Nikodemus Esau Lorens Marthin Yohana Stevani Sidik Rusdi Cornelis Marsel
""")
DAYAK_FAMILY = _names("""
Usop Anyang Lawang Ngaseh Tingang Ranying Sahay Nyaming Lambung Usat Bungai Ajai Pahu Arung
Ngabut Sunarto Rangkap Bilung Linggang Tumbang Lahei Jalung
""")
ARAB_GIVEN = _names("""
Muhammad Ahmad Husein Hasan Umar Ali Abdullah Salim Said Fahmi Farid Nabil Hamid Zainab Syarifah
Fatimah Aisyah Khadijah Alwi Habib Mustafa Haikal Idrus Faisal Jafar
""")
ARAB_FAMILY = _names("""
Assegaf Alatas Al_Habsyi Shihab Baswedan Bahasuan Alaydrus Bafadhal Basalamah Bawazier Al_Jufri
Al_Kaff Bin_Syekh Abubakar Albar Bachmid Mubarak Alhamid Baraqbah Bamualim
""")
MALAY_GIVEN = _names("""
Syamsuar Herman Syamsul Zainal Rusli Ansar Ismeth Isdianto Rudi Harris Syahrial Firdaus Edy
Marlin Agustina Syarifah Raja Tengku Megat Zulkarnain Rosmaini Hasnah Juliana Nurdin Amsakar
Deru Mawardi Cik Ujang Helmi Fitrianti Herlan Romi Erzaldi Suryadi Hidayat Rohidin Sultan
""")
MALAY_FAMILY = _names("""
Hamzah Ahmad Yunus Kamil Saputra Hasan Noor Arief Syahbana Kadir Djohan Jamil Rozak Rosihan
Mardani Effendi Affandi Nasir Yahya Ilyas Ridwan Alamsyah Gani Arsyad Bakri Anwar Lukman
""")
BANJAR_GIVEN = _names("""
Sahbirin Muhidin Ibnu Rosehan Aditya Mutiara Anang Husin Rusdiansyah Syaifullah Gusti Abdul
Nadjmi Hasanuddin Aspihani Khairul Rahmadi Fitriah Norliani Mahdiannor Sarbaini
""")
BANJAR_FAMILY = _names("""
Noor Sina Adenansi Murjani Syarifuddin Rasyidi Arsyad Karim Saleh Hanafi Anshari Fadillah
""")

TRADITIONS: dict[str, tuple[list[str], list[str]]] = {
    "jawa": (JAVANESE_GIVEN, JAVANESE_FAMILY),
    "sunda": (SUNDANESE_GIVEN, SUNDANESE_FAMILY),
    "batak": (BATAK_GIVEN, BATAK_FAMILY),
    "minang": (MINANG_GIVEN, MINANG_FAMILY),
    "bugis": (BUGIS_GIVEN, BUGIS_FAMILY),
    "bali": (BALINESE_GIVEN, BALINESE_FAMILY),
    "papua": (PAPUAN_GIVEN, PAPUAN_FAMILY),
    "tionghoa": (CHINESE_GIVEN, CHINESE_FAMILY),
    "minahasa": (MINAHASA_GIVEN, MINAHASA_FAMILY),
    "maluku": (MALUKU_GIVEN, MALUKU_FAMILY),
    "timor": (TIMOR_GIVEN, TIMOR_FAMILY),
    "sasak": (SASAK_GIVEN, SASAK_FAMILY),
    "aceh": (ACEH_GIVEN, ACEH_FAMILY),
    "dayak": (DAYAK_GIVEN, DAYAK_FAMILY),
    "arab": (ARAB_GIVEN, ARAB_FAMILY),
    "melayu": (MALAY_GIVEN, MALAY_FAMILY),
    "banjar": (BANJAR_GIVEN, BANJAR_FAMILY),
}
TRADITION_NAMES = sorted(TRADITIONS)

# The traditions most common in each province (by the province code of regions.tsv).
PROVINCE_TRADITIONS: dict[str, list[str]] = {
    "11": ["aceh", "melayu"], "12": ["batak", "melayu", "jawa"], "13": ["minang"],
    "14": ["melayu", "minang", "batak"], "15": ["melayu", "jawa"], "16": ["melayu", "jawa"],
    "17": ["melayu", "minang"], "18": ["jawa", "melayu", "sunda"], "19": ["melayu", "tionghoa"],
    "21": ["melayu", "tionghoa", "batak"], "31": ["jawa", "sunda", "arab", "tionghoa", "batak"],
    "32": ["sunda", "jawa"], "33": ["jawa"], "34": ["jawa"], "35": ["jawa", "arab"],
    "36": ["sunda", "jawa"], "51": ["bali"], "52": ["sasak", "bali"], "53": ["timor"],
    "61": ["dayak", "melayu", "tionghoa"], "62": ["dayak", "banjar"], "63": ["banjar"],
    "64": ["banjar", "bugis", "jawa", "dayak"], "65": ["dayak", "bugis"],
    "71": ["minahasa"], "72": ["bugis", "minahasa"], "73": ["bugis"], "74": ["bugis", "jawa"],
    "75": ["bugis", "minahasa"], "76": ["bugis"], "81": ["maluku"], "82": ["maluku", "arab"],
    "91": ["papua"], "92": ["papua", "maluku"], "93": ["papua"], "94": ["papua"], "95": ["papua"],
    "96": ["papua", "maluku"],
}

PROVINCE_CAPITALS: dict[str, str] = {
    "11": "Banda Aceh", "12": "Medan", "13": "Padang", "14": "Pekanbaru", "15": "Jambi",
    "16": "Palembang", "17": "Bengkulu", "18": "Bandar Lampung", "19": "Pangkalpinang",
    "21": "Tanjungpinang", "31": "Jakarta", "32": "Bandung", "33": "Semarang",
    "34": "Yogyakarta", "35": "Surabaya", "36": "Serang", "51": "Denpasar", "52": "Mataram",
    "53": "Kupang", "61": "Pontianak", "62": "Palangka Raya", "63": "Banjarbaru",
    "64": "Samarinda", "65": "Tanjung Selor", "71": "Manado", "72": "Palu", "73": "Makassar",
    "74": "Kendari", "75": "Gorontalo", "76": "Mamuju", "81": "Ambon", "82": "Sofifi",
    "91": "Jayapura", "92": "Manokwari", "93": "Merauke", "94": "Nabire", "95": "Wamena",
    "96": "Sorong",
}

HONORIFICS = ["H.", "Hj.", "Dr.", "Ir.", "Prof. Dr.", "Drs.", "Dr. Ir.", "dr."]
DEGREES = ["S.E.", "M.M.", "M.Si.", "S.H.", "M.H.", "S.Sos.", "M.T.", "S.T.", "M.Pd.",
           "S.Kom.", "M.A.P.", "S.IP.", "M.Kes.", "Ph.D.", "S.P.", "M.B.A."]


@dataclass(frozen=True)
class Person:
    name: str  # as the article writes it in full, without honorifics
    short: str  # how later sentences refer to the person
    honorific: str  # "H.", "Dr.", ... or ""
    degree: str  # ", S.E., M.M." or ""

    def formal(self) -> str:
        return " ".join(x for x in (self.honorific, self.name) if x) + self.degree


def make_person(rng: random.Random, tradition: str) -> Person:
    given, family = TRADITIONS[tradition]
    if tradition == "bali":
        prefix = rng.choice(BALINESE_PREFIX)
        core = rng.choice(given)
        parts = [prefix, core] + ([rng.choice(family)] if rng.random() < 0.6 else [])
        short = core if rng.random() < 0.5 else parts[-1]
        name = " ".join(parts)
    elif tradition == "sasak" and rng.random() < 0.5:
        prefix = rng.choice(SASAK_PREFIX)
        core = rng.choice(given)
        name = f"{prefix} {core}"
        short = core
    elif tradition == "bugis" and rng.random() < 0.35:
        core = rng.choice(given[1:])
        name = f"Andi {core} {rng.choice(family)}"
        short = core
    elif tradition == "jawa" and rng.random() < 0.08:
        name = short = rng.choice(given)  # a single name, as many Javanese have
    else:
        first = rng.choice(given)
        parts = [first]
        if rng.random() < 0.25:
            middle = rng.choice(given)
            if middle != first:
                parts.append(middle)
        parts.append(rng.choice(family))
        name = " ".join(parts)
        if tradition in ("batak", "papua", "minahasa", "maluku", "timor") and rng.random() < 0.3:
            short = parts[-1]
        else:
            short = first
    honorific = rng.choice(HONORIFICS) if rng.random() < 0.22 else ""
    if honorific == "Hj." and rng.random() < 0.5:
        honorific = "H."
    degree = ""
    if rng.random() < 0.25:
        degree = ", " + ", ".join(rng.sample(DEGREES, rng.choice((1, 1, 2))))
    return Person(name, short, honorific, degree)


# Regions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    type: str  # provinsi, kabupaten or kota
    province: str  # the province's code

    @property
    def full(self) -> str:
        """The region with its type word: "Provinsi Jawa Tengah", "Kabupaten Sleman"."""
        return f"{self.type.capitalize()} {self.name}"

    @property
    def seat(self) -> str:
        """The town a dateline names."""
        if self.type == "provinsi":
            return PROVINCE_CAPITALS.get(self.code, self.name)
        return self.name


@cache
def load_regions(path: Path = REGIONS_TSV) -> tuple[Region, ...]:
    regions = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) >= 4 and fields[2] in ("provinsi", "kabupaten", "kota"):
            regions.append(Region(fields[0], fields[1], fields[2], fields[3]))
    return tuple(sorted(regions, key=lambda r: r.code))


# Vocabulary of the genre ----------------------------------------------------------------------

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
OUTLETS = [" (ANTARA) - ", ", KOMPAS.com - ", " (Humas) - ", ", TRIBUN - ", " - ", " – ",
           " (Diskominfo) - ", ", DETIK - ", " (Berita Daerah) - ", ", SUARA - "]

EVENT_KINDS = [
    "Festival", "Rapat Koordinasi", "Peluncuran", "Pameran", "Pelatihan", "Gelar Karya",
    "Pekan Raya", "Temu Bisnis", "Seminar Nasional", "Lokakarya", "Bazar", "Expo",
    "Rapat Kerja Daerah", "Sarasehan", "Penganugerahan", "Karnaval", "Bimbingan Teknis",
    "Konferensi", "Malam Apresiasi", "Musyawarah Perencanaan Pembangunan",
    "Rapat Koordinasi Daerah", "Workshop", "Kongres", "Jambore", "Lomba",
    "Pelatihan Kewirausahaan", "Festival Budaya",
    "Apresiasi", "Dialog", "Simposium",
]
EVENT_THEMES = [
    "UMKM", "Ekonomi Kreatif", "Kopi Nusantara", "Tenun dan Songket", "Batik", "Kuliner",
    "Produk Unggulan Daerah", "Desa Wisata", "Pengendalian Inflasi", "Penanggulangan Kemiskinan",
    "Wirausaha Muda", "Koperasi", "Ekonomi Digital", "Pangan Lokal", "Investasi",
    "Ketahanan Pangan", "Perempuan Pengusaha", "Industri Halal", "Ekspor", "Agrobisnis",
    "Perikanan",
    "Kerajinan Tangan", "Startup", "Literasi Keuangan", "Pariwisata Berkelanjutan", "Rempah",
    "Fesyen Muslim", "Kakao", "Rumput Laut", "Madu Hutan", "Wastra", "Ekonomi Syariah",
    "Petani Milenial", "Transformasi Digital", "Hilirisasi", "Energi Terbarukan",
]
EVENT_ADDITIONS = ["", "", "", "Nasional", "Daerah", "Regional", "Terpadu", "Expo", "Fest"]

VENUE_BUILDINGS = ["Graha Praja", "Serbaguna", "Juang 45", "Kesenian", "Pertemuan Umum",
                   "Olahraga", "Wanita", "Dekranasda", "Graha Bhakti Budaya", "Merdeka",
                   "Sapta Pesona", "Teknopark", "Graha Wisata", "Pusat Niaga", "Balai Sidang",
                   "Graha Kadin", "Graha Widya", "Mandala Bhakti", "Pancasila"]
HOTEL_BRANDS = ["Santika", "Aston", "Grand Mercure", "Swiss-Belhotel", "Novotel", "Horison",
                "Grand Inna", "Claro", "Harper", "Best Western", "Whiz Prime", "Golden Tulip",
                "Luminor", "Quest", "Amaris", "Grand Keisha", "Sahid", "Aryaduta", "Ibis",
                "Four Points", "Mercure", "Po", "Fave", "Atria", "Grand Zuri", "Arthama"]
VENUE_OTHER = ["Taman Budaya", "Alun-alun", "Lapangan Merdeka", "Mal Pelayanan Publik",
               "Convention Center", "Balai Diklat", "Pusat Kuliner", "Sport Center"]

NATIONAL_OFFICES = [
    "Menteri Koperasi dan UKM", "Menteri Pariwisata dan Ekonomi Kreatif", "Menteri Perdagangan",
    "Menteri Perindustrian", "Menteri Desa dan Pembangunan Daerah Tertinggal",
    "Wakil Menteri Koperasi dan UKM", "Deputi Bidang Usaha Mikro Kementerian Koperasi dan UKM",
    "Deputi Bidang Kewirausahaan Kementerian Koperasi dan UKM",
    "Direktur Jenderal Industri Kecil, Menengah dan Aneka Kementerian Perindustrian",
    "Staf Khusus Menteri Koperasi dan UKM", "Kepala Badan Ekonomi Kreatif",
]
PROVINCE_OFFICES = [
    "Gubernur", "Wakil Gubernur", "Sekretaris Daerah", "Ketua DPRD",
    "Kepala Dinas Koperasi dan UKM", "Kepala Dinas Pariwisata",
    "Kepala Dinas Perindustrian dan Perdagangan",
    "Kepala Bappeda", "Ketua Dekranasda", "Kepala Dinas Ketahanan Pangan",
    "Kepala Dinas Penanaman Modal dan PTSP", "Kepala Dinas Komunikasi dan Informatika",
]
LOCAL_OFFICES = [
    "Sekretaris Daerah", "Ketua DPRD", "Kepala Dinas Koperasi dan UKM", "Kepala Dinas Pariwisata",
    "Kepala Dinas Perdagangan", "Kepala Bappeda", "Ketua Dekranasda",
    "Kepala Dinas Pertanian", "Kepala Dinas Kelautan dan Perikanan",
    "Asisten Perekonomian dan Pembangunan Setda",
]
AGENCIES = [
    ("Dinas Koperasi dan UKM", "Diskop UKM"), ("Dinas Pariwisata", "Dispar"),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag"), ("Dinas Ketahanan Pangan", "DKP"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
]
ASSOCIATIONS = [
    ("Kamar Dagang dan Industri", "Kadin"), ("Himpunan Pengusaha Muda Indonesia", "HIPMI"),
    ("Ikatan Wanita Pengusaha Indonesia", "IWAPI"), ("Asosiasi Pengusaha Indonesia", "Apindo"),
    ("Asosiasi UMKM Indonesia", "Akumindo"), ("Perhimpunan Hotel dan Restoran Indonesia", "PHRI"),
    ("Asosiasi Perusahaan Perjalanan Wisata Indonesia", "Asita"),
    ("Dewan Kerajinan Nasional Daerah", "Dekranasda"),
    ("Gerakan Wirausaha Nusantara", "Gernus"), ("Forum UMKM Digital Indonesia", "Fordigi"),
    ("Asosiasi Eksportir Kopi Indonesia", "AEKI"), ("Komunitas Tangan Di Atas", "TDA"),
    ("Ikatan Pengusaha Muslimah Indonesia", "Iphemi"), ("Perkumpulan Desa Wisata", "Pokdarwis"),
    ("Asosiasi Industri Kreatif Daerah", "Asikda"), ("Himpunan Kerukunan Tani Indonesia", "HKTI"),
    ("Masyarakat Ekonomi Syariah", "MES"), ("Asosiasi Kepala Desa Digital Indonesia", "Askadi"),
]
ASSOCIATION_HEADS = ["Ketua Umum", "Ketua", "Sekretaris Jenderal", "Ketua Dewan Pembina"]
COMPANY_WORDS_A = ["Sarana", "Mitra", "Cipta", "Karya", "Tunas", "Bina", "Prima", "Jaya",
                   "Sentosa", "Mega", "Surya", "Bumi", "Graha", "Indah", "Putra", "Duta", "Inti",
                   "Nusa", "Global", "Artha", "Sinar", "Samudra", "Cahaya", "Lintas"]
COMPANY_WORDS_B = ["Niaga", "Logistik", "Teknologi", "Pangan", "Agro", "Kreasi", "Solusi",
                   "Digital", "Energi", "Perkasa", "Makmur", "Sejahtera", "Abadi", "Mandiri",
                   "Investama", "Mulia", "Utama", "Lestari", "Persada", "Dirgantara", "Media"]
COMPANY_WORDS_C = ["Nusantara", "Indonesia", "Indotama", "Internasional", "Asia", "Raya", ""]
COMPANY_HEADS = ["Direktur Utama", "Direktur", "Direktur Pemasaran", "Komisaris Utama",
                 "Chief Executive Officer", "Direktur Bisnis"]
UNIVERSITY_KINDS = ["Universitas Negeri", "Politeknik Negeri", "Universitas Muhammadiyah",
                    "Institut Bisnis", "Sekolah Tinggi Ilmu Ekonomi", "Universitas Islam",
                    "Institut Teknologi"]
PROGRAM_HEADS = ["Gerakan", "Program", "Sahabat", "Gerai", "Rumah", "Kampung", "Sekolah",
                 "Inkubator", "Klinik", "Pasar", "Lumbung", "Pusat"]
PROGRAM_CORES = ["Wirausaha Baru", "UMKM Naik Kelas", "Desa Digital", "Kopi Rakyat",
                 "Perempuan Berdaya", "Petani Milenial", "Ekspor Daerah", "Pangan Mandiri",
                 "Kreatif Muda", "Usaha Mikro", "Koperasi Modern", "Kriya Lestari",
                 "Nelayan Sejahtera", "Pasar Digital", "Santri Mandiri", "Produk Lokal",
                 "Pemuda Pelopor", "Ekonomi Desa", "Halal Center", "Kemasan Juara"]
UNITS = ["pelaku usaha", "peserta", "wirausaha baru", "koperasi", "desa", "produk",
         "pengunjung", "pelaku UMKM", "petani", "nelayan", "perajin", "tenaga kerja", "stan"]
ACTIVITIES = ["pendampingan pelaku UMKM", "pelatihan pemasaran digital", "akses pembiayaan",
              "sertifikasi halal", "pengembangan desa wisata", "penguatan rantai pasok",
              "promosi produk unggulan", "pengembangan SDM", "kurasi produk ekspor",
              "digitalisasi koperasi", "pembinaan perajin", "penyaluran kredit usaha rakyat"]
GOALS = ["naik kelas", "menembus pasar ekspor", "lebih melek digital",
         "mendapat akses pembiayaan yang lebih mudah", "bersaing di pasar nasional",
         "memiliki kemasan yang menarik", "terus berinovasi", "bangkit setelah pandemi",
         "mampu menyerap tenaga kerja lokal", "mengurus izin usaha dengan cepat",
         "menjual produknya secara daring", "tumbuh bersama koperasi"]
PRODUCTS = ["kopi robusta", "keripik singkong", "kain tenun", "batik tulis", "sambal kemasan",
            "madu hutan", "abon ikan", "dodol", "anyaman bambu", "gula aren", "kerupuk udang",
            "minyak kayu putih", "ulos", "songket", "bawang goreng", "teh hijau", "cokelat"]
ACTORS = ["pelaku UMKM", "para perajin", "petani muda", "anak-anak muda", "ibu-ibu pelaku usaha",
          "koperasi", "pelaku ekonomi kreatif", "masyarakat desa", "para nelayan"]


def rupiah(rng: random.Random) -> str:
    scale = rng.choices(["juta", "miliar", "triliun"], weights=[35, 60, 5])[0]
    if scale == "juta":
        value = str(rng.choice([150, 250, 300, 450, 500, 750, 800, 900]))
    elif rng.random() < 0.4:
        value = f"{rng.randint(1, 99)},{rng.randint(1, 9)}"
    else:
        value = str(rng.randint(1, 250) if scale == "miliar" else rng.randint(1, 9))
    return f"Rp {value} {scale}" if rng.random() < 0.7 else f"Rp{value} {scale}"


def count(rng: random.Random, low: int = 20, high: int = 25000) -> str:
    n = rng.randint(low, high)
    if n >= 1000 and rng.random() < 0.2:
        return f"{n // 1000} ribu"
    return f"{n:,}".replace(",", ".")


def acronym(words: list[str]) -> str:
    """A syllabic short form, as Indonesian programmes get: Gerakan Wirausaha Baru -> Gerwiba."""
    out = []
    for i, word in enumerate(w for w in words if w[:1].isalpha()):
        match = re.match(r"[^aeiou]*[aeiou]+[^aeiou]?" if i == 0 else r"[^aeiou]*[aeiou]+",
                         word.lower())
        out.append(match.group(0) if match else word[:2].lower())
    text = "".join(out)
    return text[:1].upper() + text[1:]


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("dan", "di"))


# The world: people who recur ------------------------------------------------------------------


class World:
    """Officials and heads of bodies fixed by seed, office and term of office."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.regions = load_regions()
        self.by_code = {r.code: r for r in self.regions}
        self.provinces = [r for r in self.regions if r.type == "provinsi"]
        self.locals = [r for r in self.regions if r.type != "provinsi"]
        self._people: dict[str, Person] = {}

    def rng(self, *key: object) -> random.Random:
        return random.Random("|".join(str(k) for k in (self.seed, *key)))

    def tradition(self, rng: random.Random, province: str) -> str:
        local = PROVINCE_TRADITIONS.get(province, [])
        if local and rng.random() < 0.75:
            return rng.choice(local)
        return rng.choice(TRADITION_NAMES)

    def holder(self, office: str, body: str, year: int, province: str = "") -> Person:
        """Who held an office of a body in a year: the same person over a five-year term."""
        term = (year - 2017) // 5
        key = f"{office}|{body}|{term}"
        if key not in self._people:
            rng = self.rng("holder", key)
            self._people[key] = make_person(rng, self.tradition(rng, province))
        return self._people[key]

    def company(self, index: int) -> tuple[str, str]:
        """A company's name and its short form (without PT)."""
        rng = self.rng("company", index)
        words = [rng.choice(COMPANY_WORDS_A), rng.choice(COMPANY_WORDS_B)]
        tail = rng.choice(COMPANY_WORDS_C)
        if tail:
            words.append(tail)
        name = " ".join(words)
        if rng.random() < 0.15:
            name += " Tbk"
        return f"PT {name}", " ".join(words[:2])

    def university(self, region: Region) -> str:
        rng = self.rng("university", region.code)
        return f"{rng.choice(UNIVERSITY_KINDS)} {region.seat}"

    def program(self, region: Region, index: int) -> tuple[str, str, str]:
        """A programme of a region: its current name, its acronym, and its former name."""
        rng = self.rng("program", region.code, index)
        head, core = rng.choice(PROGRAM_HEADS), rng.choice(PROGRAM_CORES)
        place = region.name if rng.random() < 0.6 else ""
        words = f"{head} {core} {place}".split()
        short = acronym(words) if rng.random() < 0.6 else initials(words)
        old_head = rng.choice([h for h in PROGRAM_HEADS if h != head])
        old_core = rng.choice([c for c in PROGRAM_CORES if c != core])
        old = f"{old_head} {old_core}"
        return " ".join(words), short, old


# One article ----------------------------------------------------------------------------------


@dataclass
class Attendee:
    title: str  # "Gubernur Jawa Tengah", "Direktur Utama PT Sinar Niaga"
    role: str  # "Gubernur"
    person: Person
    body: str  # the organisation or region, for collaborations


class ArticleWriter:
    def __init__(self, world: World, index: int, size: str = "full") -> None:
        self.world = world
        self.index = index
        self.rng = world.rng("article", index)
        self.size = SIZES[size]

    # Pieces -----------------------------------------------------------------------------------

    def pick_region(self) -> Region:
        if self.rng.random() < 0.3:
            return self.rng.choice(self.world.provinces)
        return self.rng.choice(self.world.locals)

    def date(self) -> dt.date:
        year = self.rng.randint(2019, 2025)
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))

    def date_text(self, day: dt.date, end: dt.date | None) -> str:
        weekday = WEEKDAYS[day.weekday()]
        month = MONTHS[day.month - 1]
        if end is not None:
            if end.month == day.month:
                return f"pada {day.day}-{end.day} {month} {day.year}"
            return f"pada {day.day} {month} hingga {end.day} {MONTHS[end.month - 1]} {day.year}"
        shape = self.rng.randrange(5)
        if shape == 0:
            return f"{weekday}, {day.day} {month} {day.year}"
        if shape == 1:
            return f"{weekday} ({day.day}/{day.month}/{day.year})"
        if shape == 2:
            return f"pada {weekday} ({day.day}/{day.month})"
        if shape == 3:
            return f"pada {day.day} {month} {day.year}"
        return f"pada hari {weekday} tanggal {day.day} {month} {day.year}"

    def venue(self, region: Region) -> str:
        rng = self.rng
        shape = rng.randrange(6)
        seat = region.seat
        if shape == 0:
            return f"Gedung {rng.choice(VENUE_BUILDINGS)}, {seat}"
        if shape == 1:
            return f"Hotel {rng.choice(HOTEL_BRANDS)} {seat}"
        if shape == 2 and region.type == "kabupaten":
            return f"Pendopo Kabupaten {region.name}"
        if shape == 2 and region.type == "kota":
            return f"Balai Kota {region.name}"
        if shape == 2:
            return f"Aula Kantor Gubernur {region.name}"
        if shape == 3:
            return f"Gedung {rng.choice(VENUE_BUILDINGS)} {region.name}"
        other = rng.choice(VENUE_OTHER)
        if other == "Convention Center":
            return f"{seat} Convention Center"
        return f"{other} {seat}"

    def event_name(self, region: Region, year: int) -> str:
        rng = self.rng
        kind, theme = rng.choice(EVENT_KINDS), rng.choice(EVENT_THEMES)
        extra = rng.choice(EVENT_ADDITIONS)
        place = region.name if rng.random() < 0.6 else ""
        return " ".join(x for x in (kind, theme, extra, place, str(year)) if x)

    def region_official(self, region: Region, year: int, office: str) -> Attendee:
        if office in ("Gubernur", "Wakil Gubernur"):
            title = f"{office} {region.name}"
            body = f"Pemerintah Provinsi {region.name}"
        elif office in ("Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota"):
            title = f"{office} {region.name}"
            body = f"Pemerintah {region.full}"
        elif office.startswith("Kepala Dinas") or office == "Kepala Bappeda":
            title = f"{office} {region.full}"
            body = office.replace("Kepala ", "", 1) + " " + region.full
        else:
            title = f"{office} {region.full}"
            body = f"Pemerintah {region.full}"
        if office == "Ketua DPRD":
            body = f"DPRD {region.full}"
        person = self.world.holder(office, region.code, year, region.province)
        role = office.split(" Dinas")[0] if office.startswith("Kepala Dinas") else office
        return Attendee(title, role, person, body)

    def head_of(self, region: Region, year: int) -> Attendee:
        if region.type == "provinsi":
            return self.region_official(region, year, "Gubernur")
        return self.region_official(region, year, "Bupati" if region.type == "kabupaten"
                                    else "Wali Kota")

    def deputy_of(self, region: Region, year: int) -> Attendee:
        office = {"provinsi": "Wakil Gubernur", "kabupaten": "Wakil Bupati",
                  "kota": "Wakil Wali Kota"}[region.type]
        return self.region_official(region, year, office)

    def company_head(self, year: int) -> Attendee:
        name, _ = self.world.company(self.rng.randrange(700))
        office = self.rng.choice(COMPANY_HEADS)
        person = self.world.holder(office, name, year)
        return Attendee(f"{office} {name}", office, person, name)

    def association_head(self, region: Region, year: int) -> Attendee:
        short = self.rng.choice(ASSOCIATIONS)[1]
        if self.rng.random() < 0.5:
            office = self.rng.choice(ASSOCIATION_HEADS)
            person = self.world.holder(office, short, year)
            body = short
        else:
            office = "Ketua"
            body = f"{short} {region.full if self.rng.random() < 0.5 else region.name}"
            person = self.world.holder(office, body, year, region.province)
        return Attendee(f"{office} {body}", office, person, body)

    def national(self, year: int) -> Attendee:
        office = self.rng.choice(NATIONAL_OFFICES)
        person = self.world.holder(office, "nasional", year)
        role = office.split(" Bidang")[0].split(" Kementerian")[0]
        body = "Kementerian " + office.split("Kementerian ")[-1] if "Kementerian" in office else ""
        return Attendee(office, role, person, body or "Pemerintah Pusat")

    def rector(self, region: Region, year: int) -> Attendee:
        name = self.world.university(region)
        return Attendee(f"Rektor {name}", "Rektor", self.world.holder("Rektor", name, year), name)

    def resident(self, region: Region) -> Person:
        """Someone who appears once: a trader, a farmer, a participant."""
        return make_person(self.rng, self.world.tradition(self.rng, region.province))

    def attendees(self, region: Region, year: int, host: Attendee) -> list[Attendee]:
        province = self.world.by_code[region.province]
        pool: list[Attendee] = [self.deputy_of(region, year)]
        offices = PROVINCE_OFFICES[2:] if region.type == "provinsi" else LOCAL_OFFICES
        for office in self.rng.sample(offices, 3):
            pool.append(self.region_official(region, year, office))
        if region.type != "provinsi":
            pool.append(self.head_of(province, year))
            pool.append(self.region_official(province, year, "Kepala Dinas Koperasi dan UKM"))
        pool.append(self.company_head(year))
        pool.append(self.company_head(year))
        pool.append(self.association_head(region, year))
        pool.append(self.association_head(region, year))
        pool.append(self.rector(region, year))
        if self.rng.random() < 0.35:
            pool.append(self.national(year))
        self.rng.shuffle(pool)
        chosen: list[Attendee] = []
        seen = {host.person.name}
        for a in pool:
            if a.person.name not in seen:
                seen.add(a.person.name)
                chosen.append(a)
        return chosen[: self.rng.randint(2, 6)]

    def quote(self, region: Region, program: str, partner: str) -> str:
        rng = self.rng
        actor, goal = rng.choice(ACTORS), rng.choice(GOALS)
        templates = [
            f"Kami ingin {actor} di {region.name} {goal}",
            f"{program} bukan sekadar program, tetapi gerakan bersama agar {actor} {goal}",
            f"Tahun ini kami menargetkan {count(rng, 50, 5000)} {rng.choice(UNITS)} ikut terlibat",
            f"Kolaborasi ini penting agar {actor} tidak berjalan sendiri-sendiri",
            f"Kami berterima kasih kepada {partner} yang sudah mendukung sejak awal",
            f"Pemerintah hadir untuk memastikan {actor} {goal}",
            "Kegiatan seperti ini harus terus digelar, tidak berhenti di seremoni",
            f"Setelah acara ini, tim kami akan turun langsung ke lapangan untuk "
            f"{rng.choice(ACTIVITIES)}",
            f"Kami siap membuka akses pasar seluas-luasnya bagi {actor}",
            "Yang penting bukan jumlahnya, tetapi keberlanjutan usahanya",
            "Anggarannya memang terbatas, jadi kami mengajak swasta untuk ikut serta",
            f"Potensi {rng.choice(EVENT_THEMES).lower()} di daerah ini sangat besar dan belum "
            f"tergarap maksimal",
            f"Saya minta seluruh perangkat daerah mendukung {program}",
            f"Ini bukti bahwa {actor} kita mampu bersaing jika diberi kesempatan",
        ]
        first = rng.choice(templates)
        if rng.random() < 0.5:
            second = rng.choice(templates)
            if second != first:
                first = f"{first}. {second[:1].upper()}{second[1:]}"
        return first

    # The article ------------------------------------------------------------------------------

    def write(self) -> tuple[str, str]:
        """(a slug for the file name, the article's text)."""
        rng = self.rng
        region = self.pick_region()
        day = self.date()
        year = day.year
        end = day + dt.timedelta(days=rng.randint(1, 4)) if rng.random() < 0.2 else None
        event = self.event_name(region, year)
        venue = self.venue(region)
        host = self.head_of(region, year) if rng.random() < 0.7 else self.deputy_of(region, year)
        guests = self.attendees(region, year, host)
        program, short, old_name = self.world.program(region, rng.randrange(4))
        agency, agency_short = rng.choice(AGENCIES)
        organizer = f"{agency} {region.full}"
        company = self.world.company(rng.randrange(700))[0]
        partners = [company, self.world.university(region)]
        association = rng.choice(ASSOCIATIONS)[0]
        if not association.endswith("Indonesia") and rng.random() < 0.5:
            association += " Indonesia"
        elif rng.random() < 0.5:
            association += " " + region.full
        partners.append(association)
        if rng.random() < 0.5:
            partners.append(self.world.company(rng.randrange(700))[0])
        rng.shuffle(partners)
        q = rng.choice(['"', "“"])
        close = '"' if q == '"' else "”"

        def quoted(text: str) -> str:
            return f"{q}{text},{close}"

        headline = self.headline(region, event, host, program, guests, day)
        dateline = region.seat.upper() if rng.random() < 0.7 else region.seat
        dateline += rng.choice(OUTLETS)
        when = self.date_text(day, end)
        lead_shapes = [
            f"{event} dibuka secara resmi oleh {host.title} {host.person.formal()} di {venue}, "
            f"{when}.",
            f"{organizer} menggelar {event} di {venue}, {when}.",
            f"Sebanyak {count(rng, 80, 3000)} {rng.choice(UNITS)} mengikuti {event} yang digelar "
            f"di {venue} {when}.",
            f"{event} resmi digelar di {venue} {when}, dengan mengusung tema "
            f"{q}{rng.choice(GOALS).capitalize()} Bersama{close}.",
            f"{host.title} {host.person.formal()} membuka {event} di {venue}, {when}.",
        ]
        lead = dateline + rng.choice(lead_shapes)
        host_named = host.person.formal() in lead
        if not host_named:
            lead += (f" Kegiatan itu dibuka oleh {host.title} {host.person.formal()}."
                     if rng.random() < 0.6 else "")
            host_named = host.person.formal() in lead

        names = [f"{a.title} {a.person.formal() if rng.random() < 0.5 else a.person.name}"
                 for a in guests]
        if len(names) > 1:
            joiner = rng.choice([" dan ", ", dan ", ", serta ", " serta "])
            listed = ", ".join(names[:-1]) + joiner + names[-1]
        else:
            listed = names[0]
        attendance = rng.choice([
            f"Acara tersebut dihadiri oleh {listed}.",
            f"{event} dihadiri oleh {listed}.",
            f"Kegiatan itu juga dihadiri oleh {listed}.",
            f"Hadir dalam acara tersebut {listed}.",
            f"Turut hadir {listed}.",
            f"Pembukaan {event} dihadiri pula oleh {listed}.",
        ])
        if not host_named:
            attendance = (f"Selain {host.title} {host.person.formal()}, "
                          + attendance[0].lower() + attendance[1:])

        speaker, second = host.person, guests[0]
        partner_text = rng.choice(partners)
        quote_paragraphs = [
            f"{quoted(self.quote(region, program, partner_text))} ujar {speaker.short} dalam "
            f"sambutannya.",
            f"Menurut {speaker.short}, pemerintah daerah menyiapkan pendampingan "
            f"{rng.choice(ACTIVITIES)} bagi peserta. "
            f"{quoted(self.quote(region, program, partner_text))} katanya.",
            f"{second.person.short} menambahkan, {q}{self.quote(region, program, partner_text)}."
            f"{close}",
            f"{second.title} {second.person.name} mengatakan, "
            f"{q}{self.quote(region, program, partner_text)}.{close}",
        ]
        if len(guests) > 1:
            third = guests[1]
            quote_paragraphs.append(
                f"Sementara itu, {third.person.name} menyatakan pihaknya siap mendukung "
                f"{program}. {quoted(self.quote(region, program, partner_text))} "
                f"{rng.choice(['tutur', 'kata', 'ujar'])} {third.person.short}."
            )
        rng.shuffle(quote_paragraphs)
        quote_paragraphs = quote_paragraphs[: rng.randint(2, 4)]

        listed_partners = ", ".join(partners[:-1]) + rng.choice([" dan ", ", serta "]) + \
            partners[-1]
        activity = rng.choice(ACTIVITIES)
        collab = rng.choice([
            f"Dalam pelaksanaannya, {organizer} bekerja sama dengan {listed_partners}.",
            f"Untuk memperluas jangkauan, {organizer} bermitra dengan {listed_partners} dalam "
            f"{activity}.",
            f"Dalam kesempatan itu juga dilakukan penandatanganan nota kesepahaman (MoU) antara "
            f"{host.body} dengan {company} tentang {activity}.",
            f"{host.body} menandatangani nota kesepahaman (MoU) dengan {partners[0]} dan "
            f"{partners[1]} untuk {activity}.",
            f"Program ini merupakan hasil kolaborasi {listed_partners}.",
            f"{organizer} juga menggandeng {listed_partners} untuk {activity}.",
        ])
        if rng.random() < 0.5:
            collab += (f" Kerja sama itu mencakup {activity} dengan nilai komitmen "
                       f"{rupiah(rng)}.")

        figures = rng.choice([
            f"Hingga akhir {MONTHS[rng.randrange(12)]} {year}, sebanyak {count(rng)} "
            f"{rng.choice(UNITS)} telah terdaftar dalam program {program} ({short}).",
            f"Pemerintah mengalokasikan anggaran {rupiah(rng)} untuk {program} ({short}) "
            f"sepanjang {year}.",
            f"Dana bergulir senilai {rupiah(rng)} telah disalurkan kepada {count(rng, 10, 400)} "
            f"koperasi mitra sepanjang {year - 1}.",
            f"Ia menyebutkan, {rng.randint(5, 95)} persen {rng.choice(ACTORS)} peserta "
            f"{short} sudah memasarkan produknya secara daring.",
            f"Nilai transaksi selama kegiatan mencapai {rupiah(rng)}, naik "
            f"{rng.randint(5, 80)} persen dibandingkan tahun sebelumnya.",
        ])
        if short not in figures:
            figures += (f" Program {program} ({short}) menargetkan "
                        f"{count(rng)} {rng.choice(UNITS)} hingga {year + rng.randint(1, 4)}.")

        paragraphs = [attendance, collab, figures, *quote_paragraphs]
        if rng.random() < 0.35:
            paragraphs.append(rng.choice([
                f"{program} yang sebelumnya bernama {old_name} kini menjangkau "
                f"{count(rng, 5, 400)} desa dan kelurahan.",
                f"Sejak {year - rng.randint(1, 3)}, {old_name} berganti nama menjadi {program}.",
                f"{program} merupakan program yang dulu dikenal dengan nama {old_name}.",
            ]))
        if rng.random() < 0.4:
            paragraphs.append(
                f"Ketua panitia, {self.resident(region).name}, melaporkan sebanyak "
                f"{count(rng, 20, 400)} stan diisi oleh {rng.choice(ACTORS)} dari berbagai "
                f"kecamatan di {region.full}."
            )
        fillers = self.fillers(region, event, program, agency_short, organizer, day, end)
        middle = paragraphs[1:]
        rng.shuffle(middle)
        body = [lead, paragraphs[0], *middle] if rng.random() < 0.7 else [lead, *middle[:1],
                                                                        paragraphs[0], *middle[1:]]
        closing = rng.choice(["(ANTARA)", "", "Editor: " + self.resident(region).name,
                              f"Pewarta: {self.resident(region).name}", "(adv)", "(hms)"])
        text = self.fit(headline, body, fillers, closing)
        slug = re.sub(r"[^a-z0-9]+", "_", f"{event.split()[0]} {region.name}".lower()).strip("_")
        return slug, text

    def headline(self, region: Region, event: str, host: Attendee, program: str,
                 guests: list[Attendee], day: dt.date) -> str:
        rng = self.rng
        shapes = [
            f"{host.role} {region.name} Buka {event}",
            f"{count(rng, 100, 20000)} Pelaku Usaha Ramaikan {event}",
            f"{event} Resmi Digelar, {host.person.short} Dorong UMKM {rng.choice(GOALS).title()}",
            f"Pemerintah {region.name} Luncurkan {program}",
            f"{guests[0].person.short}: {program} Harus Berkelanjutan",
            f"{host.body} Teken MoU dengan {len(guests)} Mitra",
            f"Ratusan Peserta Ikuti {event}",
            f"{event} Catat Transaksi {rupiah(rng)}",
        ]
        return rng.choice(shapes)

    def fillers(self, region: Region, event: str, program: str, agency_short: str,
                organizer: str, day: dt.date, end: dt.date | None) -> list[str]:
        rng = self.rng
        out = [
            f"{event} berlangsung hingga {WEEKDAYS[end.weekday()]} ({end.day}/{end.month}) "
            f"dan terbuka untuk umum tanpa dipungut biaya." if end is not None else
            f"Kegiatan yang berlangsung sehari penuh itu terbuka untuk umum tanpa dipungut biaya "
            f"dan diikuti {count(rng, 50, 900)} peserta.",
            f"Pameran yang diselenggarakan oleh {organizer} ({agency_short}) itu diikuti pelaku "
            f"usaha dari berbagai kecamatan di {region.full}.",
            f"Selain pameran produk, panitia juga menggelar kelas {rng.choice(ACTIVITIES)}, "
            f"temu bisnis dengan pembeli, serta konsultasi perizinan secara gratis.",
            f"Berdasarkan data {agency_short}, jumlah usaha mikro di {region.full} terus "
            f"bertambah dalam tiga tahun terakhir, terutama di sektor kuliner dan kerajinan.",
            f"Para peserta yang lolos kurasi akan mendapat pendampingan lanjutan selama "
            f"{rng.randint(3, 12)} bulan, termasuk {rng.choice(ACTIVITIES)}.",
            f"Pengunjung tampak memadati area {rng.choice(EVENT_THEMES).lower()} sejak pagi. "
            f"Sejumlah stan bahkan kehabisan stok sebelum sore.",
            f"Pelaksanaan {program} akan dievaluasi setiap triwulan agar hasilnya terukur dan "
            f"tepat sasaran.",
            f"Menurut panitia, kegiatan serupa akan digelar di {rng.randint(3, 12)} kecamatan "
            f"lain hingga akhir tahun.",
            f"Data Badan Pusat Statistik (BPS) {region.full} mencatat ekonomi daerah itu tumbuh "
            f"{rng.randint(2, 7)},{rng.randint(1, 9)} persen pada {day.year - 1}, ditopang "
            f"sektor perdagangan dan akomodasi.",
            "Panitia juga membuka layanan pendaftaran Nomor Induk Berusaha (NIB) dan konsultasi "
            "sertifikasi halal tanpa biaya bagi pelaku usaha mikro yang datang.",
            f"Sejumlah produk seperti {', '.join(rng.sample(PRODUCTS, 3))} dan "
            f"{rng.choice(PRODUCTS)} menjadi incaran pengunjung.",
            f"Kegiatan tersebut merupakan bagian dari rangkaian peringatan Hari Jadi ke-"
            f"{rng.randint(50, 400)} {region.full}.",
        ]
        rng.shuffle(out)
        return out

    def fit(self, headline: str, body: list[str], fillers: list[str], closing: str) -> str:
        """Join the parts, adding background paragraphs to reach the size's floor and a drawn
        target, and dropping optional ones to stay under its ceiling."""

        def join(parts: list[str]) -> str:
            tail = f"\n\n{closing}\n" if closing else "\n"
            return headline + "\n\n" + "\n\n".join(parts) + tail

        low, high, floor, ceiling = self.size
        target = self.rng.randint(low, high)
        parts = list(body)
        extra = list(fillers)
        while extra and len(join(parts).encode()) < max(target, floor):
            position = self.rng.randint(2, len(parts))
            candidate = [*parts[:position], extra.pop(), *parts[position:]]
            if len(join(candidate).encode()) > ceiling:
                break
            parts = candidate
        keep = 4 if floor else 2  # a brief keeps the lead and the attendance paragraph
        while len(join(parts).encode()) > ceiling and len(parts) > keep:
            parts.pop()  # the last paragraphs are the optional ones
        return re.sub(r"\.\.(?=\s)", ".", join(parts))  # "M.Si.." at a sentence's end


# Entry points ---------------------------------------------------------------------------------


def generate(n_articles: int, seed: int, out_dir: Path, size: str = "full") -> list[Path]:
    """Write `n_articles` articles of `size` ("full" or "brief") into `out_dir` (created if
    needed); return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    width = max(5, len(str(n_articles - 1)))
    paths = []
    for i in range(n_articles):
        slug, text = ArticleWriter(world, i, size).write()
        path = out_dir / f"{i:0{width}d}_{slug}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--size", choices=sorted(SIZES), default="full",
                        help="full: 2-4 KB reports (default); brief: news-wire items under 1 KB")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    paths = generate(args.n, args.seed, args.out_dir, args.size)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1024:.0f} KB) to {args.out_dir}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
