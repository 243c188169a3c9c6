"""Score extracted facts against gold tables in the dev-set format (file, quote, number_text,
normalized_value, base_unit, qualifier, indicator_code), with the matching rule of
../shared/eval/score.py: same file, same base unit, same normalised value (relative 1e-6),
the gold number inside the predicted quote, and the quotes nested or sharing a run of text
longer than the number. Each fact matches at most once."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

APPROX_MARKS = "近约余多逾超过以上左右餘約"


def core_number(number_text: str) -> str:
    """The number as the text writes it, without approximation marks at its ends (近100 → 100,
    500多 → 500), as the shared scorer reads it: an inner mark stays (4400多万 is 4400多万, not
    4400万, which no quote holds)."""
    return number_text.strip().strip(APPROX_MARKS).strip()


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def matches(gold: dict, pred: dict) -> bool:
    if (pred.get("base_unit") or "") != gold["base_unit"]:
        return False
    try:
        if not same_value(float(pred["normalized_value"]), float(gold["normalized_value"])):
            return False
    except (KeyError, TypeError, ValueError):
        return False
    pq, gq = pred.get("quote") or "", gold["quote"]
    core = core_number(gold["number_text"])
    if core and core not in pq:
        return False
    if gq in pq or pq in gq:
        return True
    run = SequenceMatcher(None, gq, pq, autojunk=False).find_longest_match(0, len(gq), 0, len(pq)).size
    return run > len(core)


@dataclass
class FileScore:
    file: str
    gold: int = 0
    pred: int = 0
    matched: int = 0
    qualifier_ok: int = 0
    coded: int = 0
    code_ok: int = 0
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong_qualifier: list[tuple[dict, dict]] = field(default_factory=list)
    wrong_code: list[tuple[dict, dict]] = field(default_factory=list)


@dataclass
class Score:
    files: list[FileScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(f, attr) for f in self.files)

    @property
    def precision(self) -> float:
        return self._sum("matched") / self._sum("pred") if self._sum("pred") else 0.0

    @property
    def recall(self) -> float:
        return self._sum("matched") / self._sum("gold") if self._sum("gold") else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def qualifier_acc(self) -> float:
        return self._sum("qualifier_ok") / self._sum("matched") if self._sum("matched") else 0.0

    @property
    def code_acc(self) -> float:
        return self._sum("code_ok") / self._sum("coded") if self._sum("coded") else 0.0

    def summary(self) -> str:
        return (
            f"F1={self.f1:.3f} precision={self.precision:.3f} recall={self.recall:.3f} "
            f"qualifier_acc={self.qualifier_acc:.3f} code_acc={self.code_acc:.3f} "
            f"(gold={self._sum('gold')} pred={self._sum('pred')} matched={self._sum('matched')})"
        )


# What the scorer reads of a predicted fact (../shared/eval/score.py's PRED.jsonl).
PRED_FIELDS = ("quote", "normalized_value", "base_unit", "qualifier", "indicator_code")


def predictions(reports: Iterable[Path]) -> list[dict]:
    """The extractor's facts of each report file, in the scorer's format. A file the pipeline would
    quarantine (it cannot be read as a report) has no facts, as in a release, and is named on stderr."""
    from pipelines.ingest.decode import DecodeError
    from pipelines.ingest.reports import facts_of_file

    preds = []
    for path in reports:
        try:
            _, facts = facts_of_file(path)
        except DecodeError as exc:
            print(f"evaluate: {path.name}: no facts, the pipeline quarantines it: {exc}", file=sys.stderr)
            continue
        preds += [{"source": path.name, **{k: getattr(f, k) for k in PRED_FIELDS}} for f in facts]
    return preds


def read_gold(paths: Iterable[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
        for f in files:
            with f.open(encoding="utf-8-sig", newline="") as fh:
                rows.extend(csv.DictReader(fh))
    return rows


def score(gold: list[dict], preds: list[dict]) -> Score:
    out = []
    for name in sorted({g["file"] for g in gold}):
        fs = FileScore(name)
        g_rows = [g for g in gold if g["file"] == name]
        p_rows = [p for p in preds if Path(str(p.get("source", ""))).name == name]
        fs.gold, fs.pred = len(g_rows), len(p_rows)
        used: set[int] = set()
        for g in g_rows:
            hit = next((i for i, p in enumerate(p_rows) if i not in used and matches(g, p)), None)
            if hit is None:
                fs.missed.append(g)
                continue
            used.add(hit)
            p = p_rows[hit]
            fs.matched += 1
            if p.get("qualifier") == g["qualifier"]:
                fs.qualifier_ok += 1
            else:
                fs.wrong_qualifier.append((g, p))
            if g.get("indicator_code"):
                fs.coded += 1
                if p.get("indicator_code") == g["indicator_code"]:
                    fs.code_ok += 1
                else:
                    fs.wrong_code.append((g, p))
        fs.spurious = [p for i, p in enumerate(p_rows) if i not in used]
        out.append(fs)
    return Score(out)


def report(result: Score, verbose: bool = False) -> str:
    lines = []
    for f in result.files:
        lines.append(
            f"{f.file}: gold={f.gold} pred={f.pred} matched={f.matched} "
            f"qualifier_ok={f.qualifier_ok} code_ok={f.code_ok}/{f.coded}"
        )
        if verbose:
            lines += [f"  missed: {g['quote']} = {g['normalized_value']} {g['base_unit']}" for g in f.missed]
            lines += [f"  spurious: {p['quote']} = {p['normalized_value']} {p['base_unit']}" for p in f.spurious]
            lines += [
                f"  qualifier: {g['quote']}: {p['qualifier']} (gold {g['qualifier']})" for g, p in f.wrong_qualifier
            ]
            lines += [
                f"  code: {g['quote']}: {p['indicator_code']} (gold {g['indicator_code']})" for g, p in f.wrong_code
            ]
    lines.append(result.summary())
    return "\n".join(lines)
