"""Who and when of a report's facts (attribution.py), with each fact's page and table cell: the
per-report work behind the facts table's entity, level, period, page and cell columns. Pure and
picklable, so that a cold refresh spreads it over the cores (parallel.map_reports)."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.ingest.formats.common import Locator, locations_from_json

from .attribution import Period, attribute_facts, number_position


@dataclass(frozen=True)
class ReportFacts:
    """What a report's who-and-when rows are derived from: its text and facts, and what its
    metadata says of it."""

    text: str
    facts: list[dict]
    institution: str | None
    publisher: str | None
    title: str | None
    year: int | None
    locations: str = ""
    url: str | None = None


# The facts table's columns a derived row holds, in the order derive writes them.
WHO_WHEN_FIELDS = ("entity", "entity_level", "period_start", "period_end", "period_source", "page", "cell")


def derive(r: ReportFacts) -> list[list]:
    """Per fact: entity, level, period start, end and source, page, cell (WHO_WHEN_FIELDS)."""
    attributions = attribute_facts(
        r.text,
        [number_position(f["char_start"], f["quote"], f["number_text"]) for f in r.facts],
        r.institution,
        r.publisher,
        r.title,
        r.year,
        url=r.url,
    )
    where_is = Locator(locations_from_json(r.locations))
    out = []
    for f, a in zip(r.facts, attributions, strict=True):
        where = where_is(f["char_start"], f["char_end"], f["number_text"], r.text)
        period = a.period
        if where.period and str(where.period).isdigit():  # a table's year column says it
            period = Period(int(where.period), int(where.period), "text")
        out.append([a.entity.name, a.entity.level, period.start, period.end, period.source, where.page, where.cell])
    return out


def derive_chunk(reports: list[ReportFacts]) -> list[list[list]]:
    return [derive(r) for r in reports]
