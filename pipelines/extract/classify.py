"""Give a fact its indicator code from the words of its own clause.

Each catalogue row carries keyword patterns (`match_keywords_zh`). A pattern found in the
counted noun phrase after the number, or in the clause before it, scores by its length and
by how close it stands to the number; matches further back in the sentence count little.
Codes whose base unit differs from the fact's are skipped, or penalised where the code's own
catalogue examples use the fact's unit (考证通过率X%) or the two are near kin (person /
person_time, item / unit). `other` where nothing matches, or where its
own keywords (enrolment, starting pay, discontinued programmes, government grants) win.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from schemas.catalog import load_catalog

KIN = {frozenset({"person", "person_time"}), frozenset({"item", "unit"}), frozenset({"person_day", "person_time"})}
KIN_PENALTY = 2.5


EXAMPLE_PENALTY = 1.5
# Units that a catalogue example writes after its number (考证通过率X%, 新型学徒制学徒X人).
_EXAMPLE_UNIT = re.compile(r"(?:X|[0-9][0-9.,]*)(?:余|多)?万?(人日|人天|人次|学时|课时|%|％|篇|人|名|位)")
_EXAMPLE_BASE = {
    "人日": "person_day",
    "人天": "person_day",
    "人次": "person_time",
    "学时": "hour",
    "课时": "hour",
    "%": "percent",
    "％": "percent",
    "篇": "paper",
    "人": "person",
    "名": "person",
    "位": "person",
}


@dataclass(frozen=True)
class _Rule:
    code: str
    base_unit: str
    patterns: tuple[tuple[re.Pattern, float], ...]  # (pattern, specificity weight)
    example_units: frozenset[str] = frozenset()  # other base units its own examples use


@cache
def _rules() -> tuple[_Rule, ...]:
    """Keywords listed under many codes of the same base unit (培训 for person-days) say less
    about which code: they weigh less. Codes of other base units never compete, so a keyword
    they share does not count against it."""
    indicators = [ind for ind in load_catalog() if ind.match_keywords_zh]
    uses = Counter((k, ind.base_unit) for ind in indicators for k in set(ind.match_keywords_zh))
    return tuple(
        _Rule(
            ind.code,
            ind.base_unit,
            tuple((re.compile(k), 1.0 / (1.0 + 0.4 * (uses[k, ind.base_unit] - 1))) for k in ind.match_keywords_zh),
            frozenset(_EXAMPLE_BASE[u] for u in _EXAMPLE_UNIT.findall(ind.example_phrasings_zh)) - {ind.base_unit},
        )
        for ind in indicators
    )


def _unit_penalty(rule: _Rule, fact_unit: str) -> float | None:
    if rule.base_unit == fact_unit or rule.code == "other":  # `other` takes any base unit
        return 0.0
    if fact_unit in rule.example_units:
        return EXAMPLE_PENALTY
    if frozenset({rule.base_unit, fact_unit}) in KIN:
        return KIN_PENALTY
    return None


COUNTED_BONUS = 3.0


def _best_in(rule: _Rule, text: str, junction: int, near: float, counted: int = 0) -> float:
    """Best score of a rule's patterns in text; junction is where the number stood, and the
    `counted` characters after it are the noun phrase counted (a match there weighs most)."""
    best = 0.0
    for pat, weight in rule.patterns:
        for m in pat.finditer(text):
            if m.end() <= junction:
                dist = junction - m.end()
            elif m.start() >= junction:
                dist = m.start() - junction
            else:
                dist = 0
            score = weight * (near * math.exp(-dist / 16) + 0.8 * len(m.group()))
            if m.end() > junction and m.start() < junction + counted:  # speaks of the counted noun
                score += COUNTED_BONUS
            best = max(best, score)
    return best


@lru_cache(maxsize=4096)
def classify(
    base_unit: str,
    clause_before: str,
    after: str,
    sentence_before: str = "",
    counted: int = 0,
    prior: tuple[str, float] | None = None,
) -> str:
    """clause_before: the clause up to the number; after: the rest of the clause after the
    unit, whose first `counted` characters are the counted noun phrase; sentence_before: the
    sentence before the clause; prior: (code, bonus) from context, e.g. the total a part belongs to."""
    window = clause_before + after
    junction = len(clause_before)
    best_code, best_score = "other", 0.0
    if prior and prior[0] == "other":
        best_score = prior[1]
    for rule in _rules():
        penalty = _unit_penalty(rule, base_unit)
        if penalty is None:
            continue
        score = _best_in(rule, window, junction, near=6.0, counted=counted)
        if score == 0.0 and sentence_before:
            score = 0.4 * _best_in(rule, sentence_before, len(sentence_before), near=2.0)
        score -= penalty
        if prior and rule.code == prior[0]:
            score += prior[1]
        if score > best_score:
            best_code, best_score = rule.code, score
    return best_code
