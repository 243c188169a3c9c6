"""Give a fact its indicator code from the words of its own clause, with a confidence.

Each catalogue row carries keyword patterns (`match_keywords_zh`). A pattern found in the
counted noun phrase after the number, or in the clause before it, scores by its length and
by how close it stands to the number; matches further back in the sentence count little.
Codes whose base unit differs from the fact's are never chosen (the spec: a headcount is never
a person_time indicator). `other` where nothing matches, where its own keywords (enrolment,
starting pay, discontinued programmes, government grants) win, or where the winner's lead is
too small to trust (the spec: a wrong code is worse than `other`).

The literal keywords of the codes a fact's base unit allows are found in one pass by one
Aho–Corasick automaton per base unit; the few keywords that are regular expressions (培养.{0,6}人才)
run one by one, each only where the text holds the literal characters it opens with.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from schemas.catalog import load_catalog

COUNTED_BONUS = 3.0
NEAR_CLAUSE, NEAR_SENTENCE, SENTENCE_WEIGHT = 6.0, 2.0, 0.4
# The confidence of a code: how often a code won with that much evidence was right on the real
# development batches (samples/real A–C): a logistic curve of the winner's score, fitted there
# (score 5 → 0.45, score 14 → 0.80), times how far it leads the runner-up.
CONFIDENCE_SLOPE, CONFIDENCE_OFFSET = 0.176, -1.08
# Below this confidence a code is not trusted and the fact is `other`: chosen with
# `python -m pipelines.devtools.calibrate` on batches A–C, never on the held-out batch.
MIN_CONFIDENCE = 0.2


@dataclass(frozen=True)
class Classification:
    code: str
    confidence: float  # 0..1: how often a code with this evidence was right (see CONFIDENCE_SLOPE)
    score: float = 0.0  # the winner's evidence: keyword length, nearness, counted-noun bonus


@dataclass(frozen=True)
class _Matcher:
    codes: tuple[str, ...]
    automaton: ahocorasick.Automaton | None  # keyword → (length, evidence length, ((rule index, weight), …))
    regexes: tuple[tuple[str, re.Pattern, tuple[tuple[int, float]]], ...]  # (literal head, pattern, ((rule, weight),))


def _is_literal(keyword: str) -> bool:
    return re.escape(keyword) == keyword


def _head(pattern: str) -> str:
    """The literal characters a keyword pattern opens with (培养.{0,6}人才 → 培养, 1\\+X → 1+X): a text
    without them cannot match, and the scan is skipped."""
    if "|" in pattern:
        return ""  # an alternative need not open with the head of the first
    head = re.match(r"(?:\\.|[^\\.\[\](){}?*+|^$])*", pattern).group()
    if head and pattern[len(head) : len(head) + 1] in ("?", "*", "{"):
        head = head[:-1]  # the last character is optional or repeated: not part of the head
    return re.sub(r"\\(.)", r"\1", head)


@cache
def _indicators() -> tuple:
    return tuple(ind for ind in load_catalog() if ind.match_keywords_zh)


@cache
def _matcher(base_unit: str) -> _Matcher:
    """The keywords of the codes a fact in base_unit may take (its own unit's and `other`'s): codes
    of other base units never compete, so their keywords are not looked for. Keywords listed under
    many codes of the same base unit (培训 for person-days) say less about which code: they weigh less."""
    indicators = _indicators()
    uses = Counter((k, ind.base_unit) for ind in indicators for k in set(ind.match_keywords_zh))
    literal: dict[str, list[tuple[int, float]]] = defaultdict(list)
    regexes = []
    for i, ind in enumerate(indicators):
        if ind.base_unit != base_unit and ind.code != "other":
            continue
        for k in dict.fromkeys(ind.match_keywords_zh):
            weight = 1.0 / (1.0 + 0.4 * (uses[k, ind.base_unit] - 1))
            if _is_literal(k):
                for variant in _cased(k):
                    literal[variant].append((i, weight))
            else:
                regexes += [(_head(v), re.compile(v), ((i, weight),)) for v in _cased(k)]
    automaton = None
    if literal:
        automaton = ahocorasick.Automaton()
        for k, rules in literal.items():
            automaton.add_word(k, (len(k), _evidence_length(k), tuple(rules)))
        automaton.make_automaton()
    return _Matcher(tuple(ind.code for ind in indicators), automaton, tuple(regexes))


def _cased(keyword: str) -> tuple[str, ...]:
    """A lower-case English keyword as headlines and sentences also write it (industry colleges,
    Industry colleges, Industry Colleges); any other keyword as it is."""
    if not (keyword.isascii() and keyword.islower() and _ENGLISH_WORD.search(keyword)):
        return (keyword,)
    return tuple(dict.fromkeys((keyword, keyword.capitalize(), keyword.title())))


# An English keyword's evidence counts in words, not letters: a Chinese keyword of two or three
# characters (专业, 专业群) says as much as one of one or two words (majors, major groups), and by
# letters "professional groups" in the clause before would outweigh "majors", the noun counted.
ENGLISH_WORD_LENGTH = 1.5


_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def _evidence_length(keyword: str) -> float:
    """An English keyword's words at ENGLISH_WORD_LENGTH each; any other (1+X, 专业群) its characters."""
    if keyword.isascii() and _ENGLISH_WORD.search(keyword):
        return ENGLISH_WORD_LENGTH * len(keyword.split())
    return float(len(keyword))


def _scores(m: _Matcher, text: str, junction: int, near: float, counted: int) -> dict[int, float]:
    """Best score per rule in text; junction is where the number stood, and the `counted`
    characters after it are the noun phrase counted (a match there weighs most)."""
    hits: list[tuple[int, int, float, tuple]] = []
    if text and m.automaton is not None:
        hits = [
            (last + 1 - length, last + 1, weight, rules) for last, (length, weight, rules) in m.automaton.iter(text)
        ]
    for head, pat, rules in m.regexes:
        if head in text:
            hits += [
                (found.start(), found.end(), _evidence_length(found.group()), rules) for found in pat.finditer(text)
            ]
    best: dict[int, float] = {}
    for start, end, length, rules in hits:
        dist = junction - end if end <= junction else (start - junction if start >= junction else 0)
        base = near * math.exp(-dist / 16) + 0.8 * length
        bonus = COUNTED_BONUS if end > junction and start < junction + counted else 0.0
        for i, weight in rules:
            score = weight * base + bonus
            if score > best.get(i, 0.0):
                best[i] = score
    return best


def warm_up() -> None:
    for unit in {ind.base_unit for ind in _indicators()}:
        _matcher(unit)


@cache
def _order() -> dict[str, int]:
    return {ind.code: i for i, ind in enumerate(_indicators())}


@lru_cache(maxsize=8192)  # reports repeat their clauses (tables, lists): the same inputs score alike
def classify_scored(
    base_unit: str,
    clause_before: str,
    after: str,
    sentence_before: str = "",
    counted: int = 0,
    prior: tuple[str, float] | None = None,
    excluded: frozenset[str] = frozenset(),
) -> Classification:
    """clause_before: the clause up to the number; after: the rest of the clause after the
    unit, whose first `counted` characters are the counted noun phrase; sentence_before: the
    sentence before the clause; prior: (code, bonus) from context, e.g. the total a part belongs to;
    excluded: codes a rule of the spec has ruled out for this fact (the next best may win)."""
    m = _matcher(base_unit)
    scores = _scores(m, clause_before + after, len(clause_before), NEAR_CLAUSE, counted)
    if sentence_before:  # rules silent in the clause may speak from the sentence before, weakly
        for i, s in _scores(m, sentence_before, len(sentence_before), NEAR_SENTENCE, 0).items():
            if i not in scores:
                scores[i] = SENTENCE_WEIGHT * s
    order = _order()
    by_code: dict[str, float] = {"other": 0.0}
    for i, s in scores.items():
        by_code[m.codes[i]] = max(by_code.get(m.codes[i], 0.0), s)
    if prior:
        by_code[prior[0]] = by_code.get(prior[0], 0.0) + prior[1]
    for code in excluded:
        by_code.pop(code, None)
    # ties: `other` first (a wrong code is worse), then catalogue order
    ranked = sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0] != "other", order.get(kv[0], -1)))
    (code, best), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if best <= 0.0:
        return Classification("other", 1.0)
    lead = (best - runner_up) / best
    confidence = (0.5 + 0.5 * lead) / (1.0 + math.exp(-(CONFIDENCE_SLOPE * best + CONFIDENCE_OFFSET)))
    if code != "other" and confidence < MIN_CONFIDENCE:
        return Classification("other", round(1.0 - confidence, 3), best)
    return Classification(code, round(confidence, 3), best)
