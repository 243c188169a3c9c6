"""Counts in the English of a bilingual page (an annual report's English column, a paper's English
abstract): `over 5,700 trainees`, `386 higher vocational colleges`, `more than 70 trades`.

A count is a number (thousands with commas), an optional mark before it (over, more than,
about …) and a plural noun after it, up to three words of adjectives between: the noun phrase
is the unit as written and the last word decides the base unit (ENGLISH_NOUNS). A number may be
written in words (Thirty-five enterprises) or scaled by one (6 million graduates), a share in
words (95 percent); a count may follow its noun in brackets (participants (76,385)). Bare shares
(92.5%) are read by the main grammar, which needs no words; this reader takes those with an
English mark (above 96%) in their place. Years (2019 graduates) are not counts.
One regular-expression pass, tried only where the text has Latin letters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from schemas.catalog import RENMINBI_EN

from .cells import Candidate, matched_candidate, opens_with, span_candidate
from .numbers import YEAR

ENGLISH_MARKS = {
    "over": "at_least",
    "more than": "at_least",
    "at least": "at_least",
    "nearly": "approx",
    "near": "approx",  # near 100 Higher Diploma programmes
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "some": "approx",
    "above": "at_least",
    "roughly": "approx",
    "close to": "approx",
    "up to": "at_most",
    "fewer than": "at_most",
    "less than": "at_most",
    "below": "at_most",
    "exceeding": "at_least",
    "exceed": "at_least",
    "exceeds": "at_least",
    "exceeded": "at_least",
    "surpassed": "at_least",
    "crossed": "at_least",
    "topped": "at_least",
    "topping": "at_least",
    "tops": "at_least",
    "surpasses": "at_least",
    "surpassing": "at_least",
    "surpass": "at_least",
    "greater than": "at_least",
    "higher than": "at_least",
    "in excess of": "at_least",
    "a maximum of": "at_most",  # an allowance with a maximum amount of HK$30,000
    "maximum amount of": "at_most",
    "a minimum of": "at_least",
    # a floor or a cap said by negation (a monthly salary not less than $8,000): not the bare mark's sense
    "not less than": "at_least",
    "no less than": "at_least",
    "not fewer than": "at_least",
    "no fewer than": "at_least",
    "not more than": "at_most",
    "no more than": "at_most",
    "not exceeding": "at_most",
}
# A mark after the number (1,300-plus majors) or after its noun (a salary of $11,000 or above, 300
# students or more).
ENGLISH_SUFFIXES = {
    "-plus": "at_least",
    "+": "at_least",
    "or above": "at_least",
    "or more": "at_least",
    "and above": "at_least",
    "or so": "approx",  # 140 or so teachers: between the number and its noun
    "dozen": "approx",  # a dozen teachers: about twelve (set by the reader, not matched after a noun)
}
# the marks of words after the noun, as written (or  above)
_AFTER_WORDS = "|".join(k.replace(" ", r"[ \t]+") for k in ENGLISH_SUFFIXES if " " in k)
OR_MORE = re.compile(rf"[ \t]+(?P<mark>{_AFTER_WORDS})\b", re.IGNORECASE)
# Currencies other than the yuan named after an amount (around 25 million patacas).
CURRENCY_NOUNS = ("patacas", "dollars", "euros")
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
            "competitors",
            "contestants",
            "laborers",
            "labourers",
            "officials",
            "employees",
            "members",
            "staff",
            "faculty",
            "personnel",
            "enrolments",
            "enrollments",
            "individuals",
            "farmers",
            "doctors",
            "nurses",
            "editors",
            "experts",
            "professionals",
            "leaders",
            "owners",
            "prisoners",
            "inmates",
            "offenders",
            "detainees",
            "appraisers",
            "examiners",
            "veterans",
            "soldiers",
            "cadets",
            "professors",
            "lecturers",
            "instructors",
            "supervisors",
            "practitioners",
            "engineers",
            "technicians",
            "researchers",
            "women",
            "caregivers",
            "carers",
            "housekeepers",
            "volunteers",
            "professor",  # 1 professor, 3 associate professor: a faculty page's singular
            "actors",
            "musicians",
            "dancers",
            "performers",
            "artists",
            "winners",
            "champions",
            "counselors",
            "counsellors",
            "assistants",
            "inheritors",
            "craftsmen",
            "designers",
            "coaches",
            "athletes",
            "mentors",
            "tutors",
            "talents",
            "representatives",
            "applicants",
            "players",
            "ranchers",
            "classmates",
            "undergraduates",
            "guests",
            "visitors",
            "delegates",
            "attendees",
            "nannies",
            "managers",
            "miners",
            "freshmen",
            # a trade's or an age group's people (over 6,000 local youth, 30 welders)
            "youth",
            "colleagues",  # Chen and four colleagues from Quanzhou
            "mechanics",
            "welders",
            "drivers",
            "electricians",
            "chefs",
            "cooks",
            "pupils",
            "alumni",
            "migrants",
            # the disciplined services' trainees (42 probationary inspectors, 250 recruit constables)
            "inspectors",
            "constables",
            "recruits",
            "firefighters",
            "policemen",
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
            "associations",
            "institutions",
            "universities",
            "centres",
            "centers",
            "institutes",
            "bases",
            "workshops",
            "organisations",
            "organizations",
            "campuses",
            "laboratories",
            "labs",
            "rooms",
            "studios",  # the spec's studios (47 broadcasting studios, master studios)
            "stations",  # teaching stations, workstations: sites, as 教学点 and 工作站
            "classrooms",
            "hospitals",
            "corporations",  # employers by another name (42 corporates, 300 businesses)
            "corporates",
            "businesses",
            "academies",
            "departments",
            "faculties",
            "units",
            "classes",
            "hotels",
            "platforms",
            "groups",
            "partners",
            "alliances",
            "facilities",
            "agencies",
        ],
        "unit",
    ),
    **dict.fromkeys(
        [
            "projects",
            "courses",
            "programmes",
            "programs",
            "specialties",
            "pilots",
            "patents",
            "certificates",
            "certifications",  # 15 certifications, 28 computer-related licenses: certificates held
            "licenses",
            "licences",
            "awards",
            "medals",
            "medallions",  # WorldSkills' Medallions for Excellence
            "majors",
            "standards",
            "orders",
            "contracts",
            "agreements",
            "initiatives",
            "innovations",
            "events",
            "sessions",
            "medal",
            "silver",
            "bronze",
            "prizes",
            "modules",
            "tasks",
            "cases",
            "streams",
            "major groups",  # 专业群 in English (two high-level major groups): programmes, not groups of people
            "specialty groups",
            "professional groups",
            "gold",
            "golds",  # 93 golds, 41 silvers and 28 bronzes: medals counted by their metal
            "silvers",
            "bronzes",
        ],
        "item",
    ),
    **dict.fromkeys(
        [
            "trades",
            "types",
            "times",
            "places",
            "vacancies",
            "jobs",
            "countries",
            "disciplines",
            "regions",
            "areas",
            "batches",
            "cities",
            "provinces",
            "counties",
            "districts",
            "municipalities",
            "fold",
            "hectares",
            "mu",  # 亩 as English pages write it (a campus of 550 mu)
            "acres",
            "books",
            "volumes",
            "databases",
            "square meters",
            "square metres",
            "square meter",
            "square metre",
            "square kilometers",
            "square kilometres",
            "square kilometer",
            "square kilometre",
            "sq km",
            "cars",
            "vehicles",
            "points",
            "categories",
            "industries",
            "positions",
            "products",
            # teams and delegations, as the gold counts 支 and 个 团队 (teaching teams, 36 delegations):
            # groups of people, neither persons nor organisations
            "teams",
            "delegations",
            # an area joined to its number by a hyphen (a 4000-square-meter training center, a
            # 2-hectare herb field): the unit in the singular
            "square-meter",
            "square-metre",
            "hectare",
            "acre",
        ],
        "other",
    ),
    **dict.fromkeys(["hours"], "hour"),
    **dict.fromkeys(["papers", "theses", "monographs"], "paper"),
    **dict.fromkeys(["person-times", "person times"], "person_time"),
    **dict.fromkeys(["percent", "per cent", "percentage points"], "percent"),
    **dict.fromkeys(RENMINBI_EN, "CNY"),  # the names the facts contract knows (schemas.catalog)
    # other currencies named after an amount (around 25 million patacas): base unit other
    **dict.fromkeys(CURRENCY_NOUNS, "other"),
}
# Scales written as words after a number (6 million graduates, 4.7 million).
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,  # 138 Mn students, 17.6 Mn (the British Council's and the press's abbreviation)
    "billion": 1_000_000_000,
    "bln": 1_000_000_000,
    "trillion": 1_000_000_000_000,  # 3.15 trillion yuan: not a unit "trillion yuan" of 3.15 yuan
}
# "m" and "bn" stand for million and billion glued to a number (USD188m, 1.33m teachers) or after a
# currency (RMB 800 m); on their own after a space they may be metres, so they count only so.
SCALES |= {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}  # and thousands after a currency (£286k)
_WORD_SCALE = "|".join(k for k in SCALES if len(k) > 2 or k == "mn")
_GLUED_SCALE = r"(?:million|billion|thousand|mln|bln|mn|m|bn)(?![A-Za-z0-9])"
# Counts written as words (Thirty-five enterprises, the three teachers); one is rarely a count of a plural.
_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {
    **{w: i + 2 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    "a": 1,  # only before its scale (a hundred, one thousand): see _WORDS
    "one": 1,
}
_WORDS = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:one|{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}"
    r"|(?:a|one)(?=[ \t]+(?:hundred|thousand|million|billion)\b)"
    r"|a[ \t]+dozen(?=[ \t])"  # a dozen teachers: twelve, about (more than a dozen: at least)
)
_marks = "|".join(sorted(ENGLISH_MARKS, key=len, reverse=True))
_nouns = "|".join(sorted(ENGLISH_NOUNS, key=len, reverse=True))


def _opens(*words: str) -> str:
    """opens_with on English words, in either case."""
    return opens_with([w.lower() for w in words] + [w.upper() for w in words])


_DIGITS = tuple("0123456789")
# Thousands set off by a space, as Hong Kong's and the ministry's English tables write them (1 789
# graduates, 46 500 students): one number where its noun follows.
_SPACED = r"[0-9]{1,3}(?:[ \u00a0][0-9]{3})+(?![0-9])"
# A word between a number and its noun (11,570 secondary vocational schools), not one that turns
# to another quantity (rose to 11,813 and that of students) or a passive (891 were organised for
# enterprises: the courses named before); 50,000 are full-time students counts students.
_WORD_BETWEEN = r"(?!(?:that|those|which|than|has|have|had)\b|(?:was|were|is|are)[ \t]+[a-z]+ed\b)(?:U\.S\.|[a-z][a-z&\u2013-]*)"  # R&D, national–level, U.S. dollars
# A name in quotes between the number and its noun (150 "Skill Night School" training projects).
_QUOTED_NAME = r"[\"“][^\"“”\n]{1,40}[\"”]"
ENGLISH_COUNT = re.compile(
    # a page that lost its spaces glues the mark, the digits and the word (over16,000students)
    rf"{_opens(*ENGLISH_MARKS, *NUMBER_WORDS, *_DIGITS)}(?<![\w.,])(?:(?P<pre>{_marks})(?:[ \t]+|(?=[0-9])))?(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|{_SPACED}|[0-9]+(?:\.[0-9]+)?|{_WORDS})"
    rf"(?:(?:[ \t]+|-)(?P<scale>{_WORD_SCALE})|(?P<glued>{_GLUED_SCALE}))?(?P<suffix>-plus|\+|[ \t]+or[ \t]+so(?=[ \t]))?"
    # a unit joined by a hyphen (an 8.24-percent increase, 1.8-fold, a 3.26-million-yuan donation)
    rf"(?:[ \t]+|-(?=percent|fold|yuan|square-met|hectare|acre)|(?<=[0-9])(?=[a-z]{{3}}))(?P<unit>(?:(?:{_WORD_BETWEEN}|{_QUOTED_NAME})[ \t]+){{0,3}}?(?:{_nouns}))\b",  # one line: a table's labels are not its nouns
    re.IGNORECASE,
)
# A share or a scaled count with an English mark before it and no noun after (above 96%, 4.7 million):
# the main grammar reads a bare 96% but not its English mark.
ENGLISH_MARKED = re.compile(
    rf"{_opens(*ENGLISH_MARKS, *_DIGITS)}(?<![\w.,])(?:(?P<pre>{_marks})[ \t]+)?(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?)"
    rf"(?:[ \t]*(?P<unit>%)|[ \t]+(?P<scale>{_WORD_SCALE})|(?P<glued>{_GLUED_SCALE}))",
    re.IGNORECASE,
)
# A count in brackets after its noun, as a statistics release writes it: participants (76,385).
BRACKETED = re.compile(
    rf"{_opens(*ENGLISH_NOUNS)}\b(?P<unit>{_nouns})(?:[ \t]+[a-z]+){{0,4}}?[ \t]*[(（](?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)[)）]",
    re.IGNORECASE,
)
# What every BRACKETED match holds (a letter, then its bracketed number): a text without one skips
# the scan, whose noun alternation otherwise runs at every letter of the text.
BRACKETED_GATE = re.compile(r"[A-Za-z][ \t]*[(（][0-9]")
# A range (85% to 90%, 32 to 196 trainees, between 10 and 16 per cent): one fact at its lower end.
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+(?:\.[0-9]+)?"
ENGLISH_RANGE = re.compile(
    rf"{_opens('between', *_DIGITS)}(?<![\w.,])(?:(?P<between>between)[ \t]+)?(?P<num>{_NUM})(?P<pct1>[ \t]?%)?"
    rf"[ \t]*(?:(?(between)and|to)[ \t]+|[-–][ \t]*)(?P<num2>{_NUM})(?:[ \t]+(?P<scale>{_WORD_SCALE}))?"
    rf"(?:[ \t]?(?P<pct>%)|[ \t]+(?P<unit>(?:[a-z][a-z-]*[ \t]+){{0,3}}?(?:{_nouns}))\b)",
    re.IGNORECASE,
)
# "number of" and the noun it counts (the number of registered students), read before a count.
_NUMBER_OF_NOUN = rf"\bnumber of[ \t]+(?P<unit>(?:[a-z][a-z-]*[ \t]+){{0,3}}?(?:{_nouns}))\b"
# A count whose noun comes first (the number of participants rose by 3.4% to 63,361; the highest
# number of participants, at 18,819): "number of" and a noun, then within the clause to / at and a
# number that no unit or share follows.
NUMBER_OF = re.compile(
    rf"{_opens('number', 'Number', 'NUMBER')}{_NUMBER_OF_NOUN}"
    rf"(?:[^.;:\n]|\.(?=[0-9])){{0,60}}?[ \t](?P<pre>to|at|reached|totall?ed|was|were|is|are)[ \t]+(?:(?P<mark>{_marks})[ \t]+)?(?P<num>{_SPACED}|[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?!(?:[.,]?[0-9])*[ \t]*(?:%|per[ \t](?!year|annum)|(?!(?:and|in|by|while|from|as|on|at|during|since|of[ \t]+which|per[ \t]+(?:year|annum))\b)[a-z]))",
    re.IGNORECASE,
)
# Money after its currency (approximately HK$174,000,000, over HK$5 billion, HKD 75 million to HKD
# 110 million): the currency is the unit, yuan or another (a foreign currency's base unit is other).
ENGLISH_CURRENCIES = {"hk$": "other", "hkd": "other", "mop": "other", "mop$": "other", "nt$": "other"}
ENGLISH_CURRENCIES |= {"us$": "other", "usd": "other"} | {c: "CNY" for c in RENMINBI_EN if c != "yuan"}
# a dollar, euro or pound sign alone ($17 million, €2.5 million, £40,000): a foreign currency
ENGLISH_CURRENCIES |= {"$": "other", "€": "other", "£": "other"}
# Every English unit that is money: a currency before the amount, the yuan or another currency after it.
ENGLISH_MONEY_UNITS = frozenset(ENGLISH_CURRENCIES) | frozenset(RENMINBI_EN) | frozenset(CURRENCY_NOUNS)
_CUR = r"HK\$|HKD|MOP\$?|NT\$|US\$|USD|RMB|CNY|\$|€|£"
_SCALE = "|".join(SCALES)
ENGLISH_MONEY = re.compile(
    rf"{_opens(*ENGLISH_MARKS, 'HK', 'MOP', 'NT', 'US', 'RMB', 'CNY', '$', '€', '£')}(?<![\w$])(?:(?P<pre>{_marks})[ \t]+)?(?P<unit>{_CUR})[ \t]?(?P<num>{_NUM})(?:[ \t]*(?P<scale>{_SCALE})\b)?"
    rf"(?:[ \t]+to[ \t]+(?:(?:{_CUR})[ \t]?)?(?P<num2>{_NUM})(?:[ \t]*(?P<scale2>{_SCALE})\b)?)?",
    re.IGNORECASE,
)
_LATIN = re.compile(r"[A-Za-z]{3}")


def english_base_unit(unit_text: str) -> str | None:
    """The base unit of an English noun phrase counted (its last word, or its last two: per cent),
    or None if it is none. A singular noun is read only where ENGLISH_ONE found it after one."""
    words = unit_text.lower().split()
    if unit_text.lower() in ENGLISH_CURRENCIES:
        return ENGLISH_CURRENCIES[unit_text.lower()]
    last = words[-1] if words else ""
    return ENGLISH_NOUNS.get(" ".join(words[-2:])) or ENGLISH_NOUNS.get(last) or ENGLISH_SINGULARS.get(last)


# A count of one of a singular noun, as a profile lists its designations (1 national-level productive
# training base, one county-level technical school, 1 backbone major): no "of" between (one of the
# school's teachers counts no school).
ENGLISH_SINGULARS = {
    **dict.fromkeys(
        ["base", "school", "college", "hospital", "centre", "center", "department", "university", "institute"],
        "unit",
    ),
    **dict.fromkeys(["major", "course", "medal", "prize", "award", "patent", "textbook"], "item"),
    **dict.fromkeys(["gold", "silver", "bronze"], "item"),  # one gold, one silver and two bronze medals
    **dict.fromkeys(["leader", "master", "teacher", "chairman", "expert"], "person"),
    **dict.fromkeys(["team"], "other"),  # one provincial teaching team, as "teams"
}
_singulars = "|".join(sorted(ENGLISH_SINGULARS, key=len, reverse=True))
ENGLISH_ONE = re.compile(
    rf"{_opens('1', 'one', 'One')}(?<![\w.,$])(?P<num>1|one|One)(?![0-9.,])"
    rf"[ \t]+(?P<unit>(?:(?![Oo]f\b|the\b)[A-Za-z][A-Za-z-]*[ \t]+){{0,5}}?(?:{_singulars}))\b(?!['’-])"
)


_DOZEN = re.compile(r"a[ \t]+dozen", re.IGNORECASE)


def _number(m: re.Match, group: str = "num", scale_group: str = "scale") -> str:
    """The number a match writes, in digits, its scale word applied (6 million → 6000000)."""
    raw = m.group(group)
    if _DOZEN.fullmatch(raw):
        return "12"
    value = NUMBER_WORDS.get(raw.lower().split("-")[0])
    if value is not None:
        tail = raw.lower().partition("-")[2]
        value += NUMBER_WORDS.get(tail, 1 if tail == "one" else 0)
    else:
        value = float(raw.replace(",", "").replace(" ", "").replace("\u00a0", ""))
    scale = m.groupdict().get(scale_group) or (m.groupdict().get("glued") if scale_group == "scale" else None)
    value *= SCALES[scale.lower()] if scale else 1
    return f"{value:.6f}".rstrip("0").rstrip(".")


# the words that put a year before the number after "to" (in 2017 to 3,173 yuan)
YEAR_BEFORE = re.compile(r"\b(?:in|In|of|since|Since)[ \t]+$")
TABLE_NUMBER = re.compile(r"[0-9]{1,2}-[0-9]{1,3}[ \t]+[A-Z]")


def _unit_label(text: str, m: re.Match) -> bool:
    """A table header's unit in brackets (Teachers (10 000 persons), (100 million yuan)): the number,
    a power of ten from a thousand up or before a scale word, is its scale (a count in brackets,
    Safety courses (6,534 participants) or Flight Training (10 hours), is a count)."""
    digits = re.sub(r"[ ,\u00a0]", "", m.group("num"))
    return (
        text[m.start() - 1 : m.start()] in ("(", "（")
        and text[m.end() : m.end() + 1] in (")", "）")
        and re.fullmatch(r"10+", digits) is not None
        and (len(digits) >= 4 or m.group("scale") is not None)
    )


# A page number before a heading, as a contents page lists them (CONTENTS 目錄 … 8 Equipping Skilled
# Professionals for Diverse Opportunities … 42 Celebrating Students' Achievements): a capitalised word
# after the number, a contents page's title not far before it.
HEADING_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
CONTENTS = re.compile(r"\bCONTENTS\b|\bContents\b|目錄|目录")
CONTENTS_REACH = 400
GRADE_BEFORE = re.compile(r"\b(?:[Yy]ear|[Gg]rade|[Ll]evel)[ \t]+$")
# A share in words before what it is a share of (make up a quarter of the mainland students, one sixth
# of the total, half of them): a percentage; not a year's half or quarter (the first half of 2023).
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "tenth": 10}
_FRACTION_WORDS = "|".join(_DENOMINATORS)
ENGLISH_FRACTION = re.compile(
    r"(?<![\w-])(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!the )"
    rf"(?:(?P<num>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)[ \t-]+)?(?P<unit>(?i:{_FRACTION_WORDS}))s?"
    r"(?=[ \t]+of[ \t]+(?!an?[ \t]+(?:hour|century|mile|point)))"
)
FRACTION_GATE = re.compile(r"[ \t]of[ \t]")  # what every fraction's lookahead needs: a text without it skips the scan
# After a count's number (two thirds of graduates): the share's words, read by _fraction_candidates.
_PLURAL_FRACTIONS = "|".join(w for w in _DENOMINATORS if w != "half")
FRACTION_AFTER = re.compile(rf"[ \t-]+(?i:half|halves|(?:{_PLURAL_FRACTIONS})s?)[ \t]+of\b")


def _fraction_candidates(text: str) -> list[Candidate]:
    out = []
    for m in ENGLISH_FRACTION.finditer(text) if FRACTION_GATE.search(text) else ():
        den = _DENOMINATORS[m.group("unit").lower()]
        num = NUMBER_WORDS[m.group("num").lower()] if m.group("num") else 0
        if not num or num >= den:
            continue  # thirds of, half of (with half of them working in …): no share the labellers count
        share = f"{round(num / den * 100, 2):g}"
        out.append(span_candidate(m.start(), m.end(), m.span(), m.span("unit"), share, "%"))
    return out


# The upper end of an amount's range written in words before its yuan (six thousand or seven
# thousand yuan): the unit is the currency alone.
_UPPER_BETWEEN = re.compile(
    rf"(?:or|to)[ \t]+(?P<num>[0-9][0-9,.]*|{_WORDS})(?:[ \t]+(?P<scale>{_WORD_SCALE}))?[ \t]+", re.I
)


def _money_between(m: re.Match):
    """None for a count whose noun is no currency or follows its number; for an amount in yuan
    with words between (six thousand or seven thousand yuan), a function that makes the reading a
    range with the currency as its unit, or False where the words are no range's upper end."""
    words = m.group("unit").split()
    if len(words) < 2 or words[-1].lower() not in RENMINBI_EN:
        return None
    currency_at = m.end("unit") - len(words[-1])
    upper = _UPPER_BETWEEN.fullmatch(m.string, m.start("unit"), currency_at)
    if upper is None:
        return False
    return lambda c: replace(c, number2=_number(upper), unit_text=words[-1], unit_start=currency_at)


def english_candidates(text: str) -> list[Candidate]:
    if not _LATIN.search(text):
        return []
    out = []
    for m in ENGLISH_COUNT.finditer(text):
        number, pre = m.group("num"), m.group("pre")
        if (YEAR.fullmatch(number) and not pre) or _unit_label(text, m):  # more than 2000 hours: no year
            continue
        if GRADE_BEFORE.search(text, max(0, m.start() - 8), m.start()):  # year 9 graduates: a school grade
            continue
        if HEADING_AFTER.match(text, m.end("num")) and CONTENTS.search(
            text, max(0, m.start() - CONTENTS_REACH), m.start()
        ):
            continue  # 8 Equipping Skilled Professionals, after CONTENTS: a contents page's entry
        if FRACTION_AFTER.match(text, m.end("num")):  # two thirds of graduates: a share (_fraction_candidates)
            continue
        c = matched_candidate(m, m.start(), m.end(), number=_number(m), prefix=pre.lower() if pre else None)
        c = replace(c, suffix=" ".join(m.group("suffix").split()) if m.group("suffix") else None)
        if not pre and _DOZEN.fullmatch(m.group("num")):
            c = replace(c, suffix="dozen")  # a dozen teachers: about twelve
        if (money := _money_between(m)) is not None:
            if money is False:
                continue  # words between an amount and its yuan that are no range: not one amount
            c = money(c)
        scaled = "scale" if m.group("scale") else "glued" if m.group("glued") else None
        out.append(replace(c, num_end=m.end(scaled)) if scaled else c)
    counted = {c.num_start for c in out}
    for m in ENGLISH_MARKED.finditer(text):
        pre, scale = m.group("pre"), m.group("scale") or m.group("glued")
        if not (pre or scale) or m.start("num") in counted:
            continue  # a bare share is the main grammar's, a scaled count with its noun is read above
        c = matched_candidate(m, m.start(), m.end(), number=_number(m), prefix=pre.lower() if pre else None)
        # a scaled count names no unit: its number runs to the scale word, its unit is empty
        out.append(replace(c, num_end=m.end(), unit_text="", unit_start=m.end(), unit_end=m.end()) if scale else c)
    for m in ENGLISH_ONE.finditer(text):
        if m.start("num") not in counted:  # 1 professor: read above already
            out.append(matched_candidate(m, m.start(), m.end(), number="1"))
    for m in BRACKETED.finditer(text) if BRACKETED_GATE.search(text) else ():
        if YEAR.fullmatch(m.group("num")):
            continue
        out.append(matched_candidate(m, m.start(), m.end(), number=m.group("num").replace(",", "")))
    for m in NUMBER_OF.finditer(text):
        if YEAR.fullmatch(m.group("num")):
            continue  # rose to 2019's level
        # the quote is the number and its word (to 63,361); the unit is the noun named before it
        number = re.sub(r"[, \u00a0]", "", m.group("num"))  # 1 200: thousands set off by a space
        mark = m.group("mark")
        out.append(matched_candidate(m, m.start("pre"), m.end("num"), number=number, prefix=mark and mark.lower()))
    out = [_or_more(text, c) for c in out]
    out += _from_to(text, out)
    out += _of_which(text, out)
    out += _in_year(text, out)
    return out + _changes(text, out) + _fraction_candidates(text)


# A change told from one figure to another with no noun after either (the number of courses was up
# from about 300 to more than 700; the figure had jumped from about 5,000 in 2004 to more than 16,000
# last year): two counts of what the sentence's "number of" names, or, where the sentence speaks of
# "the figure", of the count named last before it. Years (from 2010 to 2014) and spans with no noun
# named (ages from 16 to 54) are none.
ENGLISH_FROM_TO = re.compile(
    rf"{_opens('from', 'From')}\bfrom[ \t]+(?:(?P<pre>{_marks})[ \t]+)?(?P<num>{_NUM})(?:[ \t]+in[ \t]+[12][0-9]{{3}})?"
    rf"[ \t]+to[ \t]+(?:(?P<pre2>{_marks})[ \t]+)?(?P<num2>{_NUM})"
    r"(?![0-9]|[.,][0-9]|[ \t]*(?:%|per[ \t]?cent|percent|percentage)"
    r"|[ \t]+(?!(?:in|last|this|the|during|over|between|within|a|per|and)\b)[a-z])",
    re.IGNORECASE,
)
NUMBER_OF_BEFORE = re.compile(_NUMBER_OF_NOUN, re.I)
THE_FIGURE = re.compile(r"\b(?:the|this|that)[ \t]+(?:figure|total)\b", re.I)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
FIGURE_REACH = 400  # characters from "the figure" back to the count it is (the paragraph before, as news writes it)


# Parts of a total told with no noun of their own (132 training bases and rooms, of which 45 are
# supported by the central government, 33 are supported by the province, and 17 by the company):
# each counts what the total counts, in the same sentence.
OF_WHICH = re.compile(
    rf"{_opens('of', 'among', 'Of', 'Among')}\b(?:of which|of whom|among which|among whom|among them)[ \t]+"
    rf"(?P<num>{_NUM})[ \t]+(?:are|were|is|was)\b",
    re.IGNORECASE,
)
NEXT_PART = re.compile(
    rf"[ \t]*,[ \t]*(?:and[ \t]+)?(?P<num>{_NUM})[ \t]+(?:are|were|is|was|have|has|had)\b", re.IGNORECASE
)  # …, 4 have senior titles
PART_REACH = 200  # characters from a total to its "of which"


def _of_which(text: str, counts: list[Candidate]) -> list[Candidate]:
    out = []
    taken = {c.num_start for c in counts}
    named = sorted((c for c in counts if c.unit_text and english_base_unit(c.unit_text)), key=lambda c: c.num_end)
    ends = [c.num_end for c in named]
    stops: list[int] | None = None  # where sentences end, found once a text (not once an "of which")
    for m in OF_WHICH.finditer(text):
        i = bisect_right(ends, m.start())
        if not i or m.start() - named[i - 1].num_end > PART_REACH:
            continue
        total = named[i - 1]
        if SENTENCE_END.search(text, total.num_end, m.start()):
            continue  # the total of another sentence
        if stops is None:
            stops = [e.start() for e in SENTENCE_END.finditer(text)]
        k = bisect_left(stops, m.end())
        parts = [m, *NEXT_PART.finditer(text, m.end(), stops[k] if k < len(stops) else len(text))]
        for p in parts:
            if p.start("num") in taken or YEAR.fullmatch(p.group("num")):
                continue
            end = p.end("num")
            out.append(
                span_candidate(p.start("num"), end, p.span("num"), (end, end), _number(p, "num"), total.unit_text)
            )
    return out


def _from_to(text: str, counts: list[Candidate]) -> list[Candidate]:
    out = []
    taken = {c.num_start for c in counts}
    named = sorted((c for c in counts if c.unit_text), key=lambda c: c.num_end)
    ends = [c.num_end for c in named]
    for m in ENGLISH_FROM_TO.finditer(text):
        if YEAR.fullmatch(m.group("num")) and YEAR.fullmatch(m.group("num2")):
            continue
        lo = max(0, m.start() - CHANGE_REACH)
        said = text[lo : m.start()]
        stops = list(SENTENCE_END.finditer(said))
        sentence = said[stops[-1].end() :] if stops else said
        nouns = list(NUMBER_OF_BEFORE.finditer(sentence))
        if nouns:
            unit = nouns[-1].group("unit")
        elif (
            THE_FIGURE.search(sentence)
            and (i := bisect_right(ends, m.start()))
            and named[i - 1].num_end >= m.start() - FIGURE_REACH
        ):
            unit = named[i - 1].unit_text
        else:
            continue
        for num, pre in (("num", "pre"), ("num2", "pre2")):
            if m.start(num) in taken or YEAR.fullmatch(m.group(num)):
                continue
            mark = m.group(pre)
            at = m.start(pre) if mark else m.start(num)
            c = span_candidate(at, m.end(num), m.span(num), (m.end(num), m.end(num)), _number(m, num), unit)
            out.append(replace(c, prefix=mark.lower() if mark else None))
    return out


# A count that leaves its noun to the count before it and says only its year (50,000 students signed up
# in 2017, 70,000 in 2018, and 160,000 in 2019; 76,000 colleges …, compared with 62,000 in 2017): a
# count of what that count counts, where the sentence has not ended between them.
ENGLISH_IN_YEAR = re.compile(
    r"(?<![\w.,$£€¥])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?:[ \t]+(?P<scale>million|billion))?"
    r"(?=[ \t]+in[ \t]+(?:19|20)[0-9]{2}\b)",
    re.IGNORECASE,
)
IN_YEAR_REACH = 160  # characters back to the count whose noun it leaves out


def _in_year(text: str, counts: list[Candidate]) -> list[Candidate]:
    named = sorted((c for c in counts if c.unit_text and c.unit_text != "%"), key=lambda c: c.num_end)
    if not named:
        return []
    taken = {c.num_start for c in counts}
    ends = [c.num_end for c in named]
    out = []
    for m in ENGLISH_IN_YEAR.finditer(text):
        if m.start() in taken or YEAR.fullmatch(m.group("num")):
            continue
        i = bisect_right(ends, m.start())
        if not i or named[i - 1].num_end < m.start() - IN_YEAR_REACH:
            continue
        before = named[i - 1]
        if SENTENCE_END.search(text, before.num_end, m.start()) or "\n" in text[before.num_end : m.start()]:
            continue
        out.append(span_candidate(m.start(), m.end(), m.span("num"), (m.end(), m.end()), _number(m), before.unit_text))
    return out


def _or_more(text: str, c: Candidate) -> Candidate:
    """A count or an amount with "or above" / "or more" after it is at least so much."""
    if c.suffix or not (m := OR_MORE.match(text, c.end)):
        return c
    return replace(c, suffix=" ".join(m.group("mark").lower().split()))


# A change in a count, its noun unsaid (…totalled 1,885 at the end of the year, up by 51; 67
# institutions, an increase of 1 year-on-year): it counts what the count before it in the sentence
# counts. A change in a share (up by 2.1%) is the main grammar's.
ENGLISH_CHANGE = re.compile(
    r"\b(?P<pre>an increase of|a decrease of|up by|down by|grew by|rose by|fell by|increased by|decreased by)"
    rf"[ \t]+(?P<num>{_NUM})(?![0-9]|[.,][0-9]|[ \t][0-9]{{3}}|[ \t]*(?:%|per[ \t]?cent|percent|percentage)"
    r"|[ \t]+(?!year|over|from|compared|on|in|to|as|against)[a-z])"
)


CHANGE_REACH = 200  # characters from a change back to the count it changes


def _changes(text: str, counts: list[Candidate]) -> list[Candidate]:
    out = []
    named = sorted((c for c in counts if c.unit_text), key=lambda c: c.num_end)
    ends = [c.num_end for c in named]
    for m in ENGLISH_CHANGE.finditer(text):
        i = bisect_right(ends, m.start())  # the count that ends last before the change (a binary search)
        if not i or m.start() - named[i - 1].num_end > CHANGE_REACH:
            continue  # no count in reach: a bounded look back, linear on any text
        if re.search(r"[.!?]\s", text[named[i - 1].num_end : m.start()]):
            continue  # the count is in another sentence
        prev = named[i - 1]
        number, at = m.group("num").replace(",", ""), m.end("num")
        out.append(span_candidate(m.start(), at, m.span("num"), (at, at), number, prev.unit_text))
    return out


def english_spans(text: str) -> list[Candidate]:
    """Readings whose number spans more than a number, so that the numbers read alone inside it
    give way (grammar.find_candidates): ranges in English (85% to 90%, 32 to 196 trainees) and
    money after its currency (HK$174,000,000, HKD 75 million to HKD 110 million)."""
    if not _LATIN.search(text):
        return []
    out = []
    for m in ENGLISH_MONEY.finditer(text):
        pre, last = m.group("pre"), ("num2", "scale2") if m.group("num2") else ("num", "scale")
        c = Candidate(
            start=m.start(),
            end=m.end(),
            num_start=m.start("unit"),
            num_end=max(m.end(last[0]), m.end(last[1])),
            number=_number(m),
            number2=_number(m, "num2", "scale2") if m.group("num2") else None,
            unit_text=m.group("unit"),
            prefix=pre.lower() if pre else None,
            suffix=None,
            after=None,
            unit_start=m.start("unit"),
            unit_end=m.end("unit"),
        )
        out.append(_or_more(text, c))
    for m in ENGLISH_RANGE.finditer(text):
        if YEAR.fullmatch(m.group("num")) and YEAR.fullmatch(m.group("num2")):
            continue  # 2019 to 2021: years
        if YEAR.fullmatch(m.group("num")) and YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # from 3,105 yuan in 2017 to 3,173 yuan: a year, then the amount it rose to
        if float(m.group("num").replace(",", "")) > float(m.group("num2").replace(",", "")):
            continue  # from 31 per cent in 2002 to 10 per cent: a year, then a share; a range runs upwards
        if TABLE_NUMBER.match(text, m.start()) and text[m.start() - 1 : m.start()] in ("", "\n"):
            continue  # 20-25 Statistics on Technical Schools: a yearbook table's number and title
        unit = "pct" if m.group("pct") else "unit"
        c = Candidate(
            start=m.start(),
            end=m.end(),
            num_start=m.start("num"),
            num_end=m.end(unit) if unit == "pct" else m.end("num2"),
            number=_number(m, "num"),  # 5-8 million yuan: the scale is both ends'
            number2=_number(m, "num2"),
            unit_text=m.group(unit),
            prefix=None,
            suffix=None,
            after=None,
            unit_start=m.start(unit),
            unit_end=m.end(unit),
        )
        out.append(c)
    return out
