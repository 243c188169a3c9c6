"""Score attribution against gold with `institution`, `entity_level` and `period` columns:
for every gold fact the extractor found, is it credited to the right entity, at the right
level, for the right period? Reported for all facts and for multi-institution reports.

    python -m pipelines.devtools.attribution_eval --gold samples/real/gold --reports samples/real/inbox
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from pipelines.devtools.evaluate import matches, read_gold
from pipelines.extract.attribution import attribute_facts, number_position
from pipelines.extract.simplify import simplified
from pipelines.ingest.decode import DecodeError
from pipelines.ingest.manifest import read_manifest
from pipelines.ingest.metadata import published_date
from pipelines.ingest.reports import facts_of_file
from pipelines.settings import manifest_for

# The nation as a whole, by the names labellers and reports give it (the extractor writes 中国).
NATION = frozenset(("中国", "全国", "我国", "全中国", "中华人民共和国"))


def same_name(gold: str, pred: str | None) -> bool:
    g, p = simplified(gold or "").strip(), simplified(pred or "").strip()
    if not g:
        return True  # the labeller could not tell: any answer stands
    if g in NATION and p in NATION:
        return True  # 全国 (a labeller's "the whole nation") and 中国 name one entity
    return bool(p) and (g == p or g in p or p in g)


def gold_period(text: str) -> tuple[int | None, int | None]:
    """A gold period (2023, 2019-2023, 2024? where the labeller inferred it) as years; a period no
    year can be read from (blank, 202X where the page itself writes the year so) is unknown, and
    any prediction passes it."""
    t = (text or "").strip().rstrip("?")
    a, _, b = t.partition("-")
    if not (a.isdigit() and (not b or b.isdigit())):
        return None, None
    return int(a), int(b or a)


@dataclass
class AttributionScore:
    facts: int = 0
    name_ok: int = 0
    level_ok: int = 0
    period_ok: int = 0
    multi_facts: int = 0
    multi_name_ok: int = 0

    def summary(self) -> str:
        def r(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "n/a"

        return (
            f"attribution: entity={r(self.name_ok, self.facts)} level={r(self.level_ok, self.facts)} "
            f"period={r(self.period_ok, self.facts)} multi-institution entity="
            f"{r(self.multi_name_ok, self.multi_facts)} (facts={self.facts}, in multi-institution "
            f"reports={self.multi_facts})"
        )


def score_attribution(
    gold: list[dict], reports: list[Path], verbose: bool = False, manifest: dict[str, dict[str, str]] | None = None
) -> AttributionScore:
    """As the pipeline attributes: what the inbox's manifest declares of a report (its title,
    publisher, date, institution) wins over what the text's own metadata guesses."""
    out = AttributionScore()
    for path in reports:
        rows = [g for g in gold if g["file"] == path.name and "institution" in g]
        if not rows:
            continue
        try:
            report, facts = facts_of_file(path)
        except DecodeError:
            continue  # quarantined by the pipeline: no facts to attribute (evaluate names it)
        meta = report.meta
        declared = (manifest or {}).get(path.name, {})
        published = published_date(declared.get("date"), meta.published, declared.get("url"))
        date = str(published) if published else ""
        attrs = attribute_facts(
            report.text,
            [number_position(f.char_start, f.quote, f.number_text) for f in facts],
            declared.get("institution") or meta.institution,
            declared.get("publisher") or meta.publisher,
            declared.get("title") or meta.title,
            int(date[:4]) if date else None,
            url=declared.get("url"),
        )
        multi = len({g["institution"] for g in rows if g["institution"]}) > 1
        preds = [{"quote": f.quote, "normalized_value": f.normalized_value, "base_unit": f.base_unit} for f in facts]
        used: set[int] = set()
        for g in rows:
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(g, p)), None)
            if hit is None:
                continue
            used.add(hit)
            a = attrs[hit]
            ok = same_name(g["institution"], a.entity.name)
            out.facts += 1
            out.name_ok += ok
            out.level_ok += a.entity.level == g.get("entity_level")
            gp = gold_period(g.get("period", ""))
            period_ok = gp == (None, None) or gp == (a.period.start, a.period.end)
            out.period_ok += period_ok
            if verbose and not period_ok:
                print(f"{path.name}\t{g['quote']}\tperiod gold={g.get('period')}\tpred={a.period.start}-{a.period.end}")
            if multi:
                out.multi_facts += 1
                out.multi_name_ok += ok
            if verbose and (not ok or a.entity.level != g.get("entity_level")):
                print(
                    f"{path.name}\t{g['quote']}\tgold={g['institution']}/{g.get('entity_level')}\t"
                    f"pred={a.entity.name}/{a.entity.level}"
                )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--reports", type=Path, required=True)
    ap.add_argument("--files", nargs="*", help="only these report files")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    gold = read_gold([args.gold])
    reports = sorted(p for p in args.reports.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    if args.files:
        reports = [p for p in reports if p.name in set(args.files)]
    manifest = read_manifest(manifest_for(args.reports) or args.reports.parent / "sources.csv")
    print(score_attribution(gold, reports, args.verbose, manifest).summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
