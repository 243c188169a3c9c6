"""Traditional → Simplified for matching only: the catalogue's keywords and the noun lexicon
are written in Simplified characters, while reports use both (萬元, 專業, 學院). The text and
its offsets are never changed; only the strings compared against word lists are converted."""

from __future__ import annotations

import re
from functools import lru_cache

import zhconv


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    return zhconv.convert(text, "zh-cn") if text else text


# Pinyin glosses that mirror and spam sites put after characters: 個(gè)專業(yè), 开【kāi】展.
PINYIN_GLOSS = re.compile(r"[(（【\[][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑɡ]{1,8}[)）】\]]")


def for_matching(text: str) -> str:
    """Simplified, without pinyin glosses: what word lists are compared against."""
    return simplified(PINYIN_GLOSS.sub("", text)) if text else text
