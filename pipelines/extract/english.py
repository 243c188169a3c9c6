"""Counts in the English of a bilingual page (an annual report's English column, a paper's English
abstract): `over 5,700 trainees`, `386 higher vocational colleges`, `more than 70 trades`.

A count is a number (thousands with commas), an optional mark before it (over, more than,
about …) and a plural noun after it, up to three words of adjectives between: the noun phrase
is the unit as written and the last word decides the base unit (ENGLISH_NOUNS). Shares (92.5%)
are read by the main grammar, which needs no words; years (2019 graduates) are not counts.
One regular-expression pass, tried only where the text has Latin letters.
"""

from __future__ import annotations

import re

from .cells import Candidate, matched_candidate

ENGLISH_MARKS = {
    "over": "at_least",
    "more than": "at_least",
    "at least": "at_least",
    "nearly": "approx",
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "some": "approx",
    "up to": "at_most",
    "fewer than": "at_most",
    "less than": "at_most",
}
# The base unit of a counted English noun (its plural as written).
ENGLISH_NOUNS = {
    **dict.fromkeys(
        [
            "graduates",
            "students",
            "trainees",
            "participants",
            "people",
            "persons",
            "apprentices",
            "teachers",
            "candidates",
            "learners",
            "workers",
            "youths",
            "interns",
        ],
        "person",
    ),
    **dict.fromkeys(
        [
            "employers",
            "enterprises",
            "companies",
            "firms",
            "schools",
            "colleges",
            "institutions",
            "universities",
            "centres",
            "centers",
            "bases",
            "workshops",
            "organisations",
            "organizations",
        ],
        "unit",
    ),
    **dict.fromkeys(
        ["projects", "courses", "programmes", "programs", "patents", "certificates", "awards", "medals"], "item"
    ),
    **dict.fromkeys(["trades", "times", "places", "vacancies", "jobs"], "other"),
}
_marks = "|".join(sorted(ENGLISH_MARKS, key=len, reverse=True))
_nouns = "|".join(sorted(ENGLISH_NOUNS, key=len, reverse=True))
ENGLISH_COUNT = re.compile(
    rf"(?<![\w.,])(?:(?P<pre>{_marks})[ \t]+)?(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?)"
    rf"[ \t]+(?P<unit>(?:[a-z][a-z-]*[ \t]+){{0,3}}?(?:{_nouns}))\b",  # one line: a table's labels are not its nouns
    re.IGNORECASE,
)
_LATIN = re.compile(r"[A-Za-z]{3}")


def english_base_unit(unit_text: str) -> str | None:
    """The base unit of an English noun phrase counted (its last word), or None if it is none."""
    last = unit_text.rsplit(None, 1)[-1].lower() if unit_text.strip() else ""
    return ENGLISH_NOUNS.get(last)


def english_candidates(text: str) -> list[Candidate]:
    if not _LATIN.search(text):
        return []
    out = []
    for m in ENGLISH_COUNT.finditer(text):
        number = m.group("num")
        if re.fullmatch(r"(?:19|20)[0-9]{2}", number):  # 2019 graduates: a year, not a count
            continue
        pre = m.group("pre")
        out.append(matched_candidate(m, m.start(), m.end(), prefix=pre.lower() if pre else None))
    return out
