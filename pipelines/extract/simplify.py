"""Traditional → Simplified for matching only: the catalogue's keywords and the noun lexicon
are written in Simplified characters, while reports use both (萬元, 專業, 學院). The text and
its offsets are never changed; only the strings compared against word lists are converted.

The conversion is zhconv's (its zh-cn table: at each position the longest word of the table that
starts there is replaced and skipped), computed without zhconv's walk of every character in
Python, which was a fifth of extraction: a word of two or more characters can only start where
its first two characters stand, which one regular-expression scan finds (a handful of places in a
report, most of them no word: 代表 opens 代表處); every other character converts on its own, by
`str.translate`. The same output as zhconv (tests/extract/test_simplify.py compares them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True)
class _Table:
    words: dict[str, str]  # zhconv's zh-cn table
    prefixes: frozenset[str]  # every prefix of a word
    single: dict[int, str]  # characters converted on their own, for str.translate
    pairs: frozenset[str]  # the first two characters of the longer words
    pair_start: re.Pattern  # where a pair may start: its first character, its second after it
    converted: re.Pattern  # a character converted on its own (most Simplified text has none)


def _char_class(chars: set[str]) -> str:
    # characters past the Basic Multilingual Plane in a class make the regex engine test the
    # class as a list, character by character (1.8 µs a character against 8 ns): they are
    # handled apart (ASTRAL)
    return "[" + re.escape("".join(sorted(c for c in chars if ord(c) < 0x10000))) + "]"


ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _table() -> _Table:
    from zhconv import zhconv

    words = zhconv.getdict("zh-cn")
    longer = [w for w in words if len(w) > 1]
    return _Table(
        words=words,
        prefixes=zhconv.getpfset(words),
        single={ord(w): v for w, v in words.items() if len(w) == 1 and v != w},
        pairs=frozenset(w[:2] for w in longer),
        pair_start=re.compile(_char_class({w[0] for w in longer}) + "(?=" + _char_class({w[1] for w in longer}) + ")"),
        converted=re.compile(_char_class({w for w, v in words.items() if len(w) == 1 and v != w})),
    )


def warm_up() -> None:
    _table()


def _singles(t: _Table, text: str) -> str:
    return text.translate(t.single) if t.converted.search(text) else text


def _longest_word(t: _Table, text: str, i: int) -> tuple[int, str | None]:
    """The longest word of the table starting at i, as zhconv finds it: (length, replacement)."""
    best, length, j = None, 0, i + 1
    while j <= len(text) and (frag := text[i:j]) in t.prefixes:
        if frag in t.words:
            best, length = t.words[frag], j - i
        j += 1
    return length, best


def to_simplified(text: str) -> str:
    """zhconv.convert(text, "zh-cn"), the same output."""
    t = _table()
    if ASTRAL.search(text):  # a rare character past the BMP: zhconv itself
        from zhconv import convert

        return convert(text, "zh-cn")
    out: list[str] = []
    pos = 0
    for m in t.pair_start.finditer(text):
        i = m.start()
        if i < pos or text[i : i + 2] not in t.pairs:
            continue
        length, replacement = _longest_word(t, text, i)
        if length > 1:
            out += (_singles(t, text[pos:i]), replacement)
            pos = i + length
    if not out:
        return _singles(t, text)
    out.append(_singles(t, text[pos:]))
    return "".join(out)


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    return to_simplified(text) if text else text


# Pinyin glosses that mirror and spam sites put after characters: 個(gè)專業(yè), 开【kāi】展.
PINYIN_GLOSS = re.compile(r"[(（【\[][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑɡ]{1,8}[)）】\]]")


def for_matching(text: str) -> str:
    """Simplified, without pinyin glosses: what word lists are compared against."""
    return simplified(PINYIN_GLOSS.sub("", text)) if text else text
