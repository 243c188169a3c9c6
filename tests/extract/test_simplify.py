"""The fast Traditional → Simplified conversion gives zhconv's output exactly: on real report text,
on its slices, and on strings built from the conversion table's own words where longest matches
overlap and block each other."""

from __future__ import annotations

import random

import pytest
import zhconv

from pipelines.extract.simplify import _table, for_matching, to_simplified

from conftest import REAL


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REAL / "inbox").iterdir())]


def test_real_text_and_its_slices_convert_as_zhconv_converts_them(texts):
    rng = random.Random(7)
    slices = []
    for t in texts:
        for _ in range(10):
            a = rng.randrange(len(t))
            slices.append(t[a : a + rng.randrange(1, 100)])
    for s in texts + slices:
        assert to_simplified(s) == zhconv.convert(s, "zh-cn")
    assert sum(to_simplified(s) != s for s in texts) > 50  # Traditional pages were among them


def test_words_of_the_table_overlapping_convert_as_zhconv_converts_them():
    words = sorted(_table().words)
    rng = random.Random(3)
    built = ["".join(rng.choice(words) for _ in range(rng.randrange(2, 6))) for _ in range(3000)]
    built += [w[1:] + w for w in words[::7]] + [w + w[:-1] for w in words[::7]]
    for s in built:
        assert to_simplified(s) == zhconv.convert(s, "zh-cn")


@pytest.mark.parametrize(
    "text",
    ["職業學校與企業合作", "代表處", "我幹什麼不干你事。", "乙個專業", "𫔭業 學院", "", "plain ascii 123"],
)
def test_examples(text):
    assert to_simplified(text) == zhconv.convert(text, "zh-cn")


def test_for_matching_drops_pinyin_glosses_then_converts():
    assert for_matching("個(gè)專業(yè)") == "个专业"
