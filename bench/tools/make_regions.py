"""Regenerate ``regions.tsv`` from the npm package ``idn-area-data``.

Usage::

    cd "$(mktemp -d)" && npm pack idn-area-data && tar xzf idn-area-data-*.tgz
    python bench/tools/make_regions.py "$PWD/package" [-o OUT]

The argument is the unpacked npm package (the folder holding ``package.json``
and ``data/``). Only ``data/provinces.csv`` and ``data/regencies.csv`` are read.
The output defaults to ``src/okoce_graph/extract/data/regions.tsv`` in this repo.

Changes made to the upstream data (ODbL 1.0, see regions.LICENSE.md):

* columns kept: code, name, province_code; a ``type`` column is added;
* the leading type word of regency names ("KABUPATEN", "KOTA", with the DKI
  Jakarta qualifier "ADMINISTRASI") is split off into ``type``;
* names are converted from upper case to Indonesian title case ("dan" lower
  case, acronyms such as DKI/DI and Roman numerals kept upper case);
* the spellings in ``NAME_OVERRIDES`` replace the upstream ones.

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

HEADER = ("code", "name", "type", "province_code")

# Words kept fully upper case.
ACRONYMS = frozenset({"DKI", "DI", "DIY", "NTB", "NTT"})
# Function words kept lower case unless first in the name.
LOWER_WORDS = frozenset({"dan"})
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$")

# Upstream name (after type split) -> name as used officially / in the press.
# Upstream strips hyphens and sometimes splits one-word names.
NAME_OVERRIDES = {
    "DAERAH ISTIMEWA YOGYAKARTA": "DI Yogyakarta",
    "TANJUNG BALAI": "Tanjungbalai",
    "PADANG SIDEMPUAN": "Padangsidimpuan",
    "LUBUK LINGGAU": "Lubuklinggau",
    "MUKO MUKO": "Mukomuko",
    "PANGKAL PINANG": "Pangkalpinang",
    "TANJUNG PINANG": "Tanjungpinang",
    "PALANGKARAYA": "Palangka Raya",
    "TOLI TOLI": "Tolitoli",
    "TOJO UNA UNA": "Tojo Una-Una",
    "BAU BAU": "Baubau",
    "FAK FAK": "Fakfak",
}

TYPE_WORDS = {"KABUPATEN": "kabupaten", "KOTA": "kota"}
CODE_PROVINCE = re.compile(r"^\d{2}$")
CODE_REGENCY = re.compile(r"^(\d{2})\.\d{2}$")


def title_case(upper: str) -> str:
    """Convert an upper-case region name to Indonesian title case."""
    if upper in NAME_OVERRIDES:
        return NAME_OVERRIDES[upper]
    out = []
    for i, word in enumerate(upper.split()):
        if word in ACRONYMS or ROMAN.match(word):
            out.append(word)
        elif i > 0 and word.lower() in LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def split_type(upper: str) -> tuple[str, str]:
    """Split "KABUPATEN X" / "KOTA ADMINISTRASI X" into (type, "X")."""
    first, _, rest = upper.partition(" ")
    if first not in TYPE_WORDS or not rest:
        raise ValueError(f"regency name without type word: {upper!r}")
    if rest.startswith("ADMINISTRASI "):
        rest = rest.removeprefix("ADMINISTRASI ")
    return TYPE_WORDS[first], rest


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_rows(pkg: Path) -> list[tuple[str, str, str, str]]:
    data = pkg / "data"
    rows: list[tuple[str, str, str, str]] = []
    provinces = set()
    for rec in read_csv(data / "provinces.csv"):
        code = rec["code"].strip()
        if not CODE_PROVINCE.match(code):
            raise ValueError(f"bad province code: {code!r}")
        provinces.add(code)
        rows.append((code, title_case(rec["name"].strip()), "provinsi", code))
    for rec in read_csv(data / "regencies.csv"):
        code = rec["code"].strip()
        prov = rec["province_code"].strip()
        m = CODE_REGENCY.match(code)
        if not m or m.group(1) != prov or prov not in provinces:
            raise ValueError(f"bad regency code/province: {code!r} {prov!r}")
        kind, bare = split_type(rec["name"].strip())
        rows.append((code, title_case(bare), kind, prov))
    codes = [r[0] for r in rows]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate codes in input")
    rows.sort(key=lambda r: r[0])
    return rows


def main(argv: list[str] | None = None) -> int:
    default_out = Path(__file__).resolve().parents[2] / "src/okoce_graph/extract/data/regions.tsv"
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", type=Path, help="unpacked idn-area-data npm package")
    ap.add_argument("-o", "--output", type=Path, default=default_out)
    args = ap.parse_args(argv)

    meta = json.loads((args.package / "package.json").read_text(encoding="utf-8"))
    rows = build_rows(args.package)
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for row in rows:
            if any("\t" in f or "\n" in f for f in row):
                raise ValueError(f"tab/newline in field: {row!r}")
            fh.write("\t".join(row) + "\n")

    counts: dict[str, int] = {}
    for row in rows:
        counts[row[2]] = counts.get(row[2], 0) + 1
    print(
        f"{meta.get('name')} {meta.get('version')}: wrote {len(rows)} rows to "
        f"{args.output} {counts}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
