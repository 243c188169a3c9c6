"""The project's catalogue extends ../shared/catalog/indicators.csv without forking it."""

from __future__ import annotations

import csv
import re

from schemas.catalog import BASE_UNITS, REFERENCE_COLUMNS, load_catalog, read_catalog


def test_catalogue_is_well_formed():
    rows = load_catalog()
    codes = [r.code for r in rows]
    assert len(codes) == len(set(codes)) and "other" in codes
    for r in rows:
        assert r.base_unit in BASE_UNITS, r.code
        assert r.name_zh and r.name_en and r.definition_en, r.code
        for pattern in r.match_keywords_zh:
            re.compile(pattern)


def test_every_row_has_exactly_the_header_fields():
    # a keyword pattern with a comma (设立.{0,12}基金) must be quoted, or it splits its row
    from schemas.catalog import CATALOG_PATH

    with open(CATALOG_PATH, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert {len(r) for r in rows} == {len(rows[0])}


def test_extends_the_reference_catalogue(shared_dir):
    with (shared_dir / "catalog" / "indicators.csv").open(encoding="utf-8", newline="") as fh:
        reference = list(csv.DictReader(fh))
    ours = {r["code"]: r for r in read_catalog()}
    for ref in reference:
        assert ref["code"] in ours, ref["code"]
        assert {k: ours[ref["code"]][k] for k in REFERENCE_COLUMNS} == {k: ref[k] for k in REFERENCE_COLUMNS}
