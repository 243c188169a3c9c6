"""The extractor against the team's own gold corpus (tests/fixtures/team/gold): a regression guard with
the issue's targets, and checks that the gold itself is well-formed."""

from __future__ import annotations

import csv

import pytest

from pipelines.devtools.evaluate import predictions, read_gold, score
from pipelines.ingest.reports import read_report
from schemas.catalog import BASE_UNITS, QUALIFIERS, indicator_codes

from conftest import TEAM as SAMPLES


@pytest.fixture(scope="module")
def gold():
    return read_gold([SAMPLES / "gold"])


def test_gold_is_well_formed(gold):
    codes = set(indicator_codes())
    texts = {}
    for g in gold:
        if g["file"] not in texts:
            path = SAMPLES / "inbox" / g["file"]
            texts[g["file"]] = read_report(path.read_bytes(), path.name).text
        text = texts[g["file"]]
        assert text.count(g["quote"]) == 1, (g["file"], g["quote"])
        assert g["base_unit"] in BASE_UNITS and g["qualifier"] in QUALIFIERS and g["indicator_code"] in codes, g
    with (SAMPLES / "gold" / sorted(p.name for p in (SAMPLES / "gold").glob("*.csv"))[0]).open(encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == [
            "file",
            "quote",
            "number_text",
            "value",
            "unit_text",
            "normalized_value",
            "base_unit",
            "qualifier",
            "subject",
            "en_subject",
            "indicator_code",
        ]


def test_extractor_meets_the_targets_on_the_gold_corpus(gold):
    result = score(gold, predictions(SAMPLES / "inbox" / name for name in sorted({g["file"] for g in gold})))
    assert result.f1 >= 0.95 and result.qualifier_acc >= 0.95 and result.code_acc >= 0.85, result.summary()
