"""Calibrate the classifier's confidence threshold (pipelines/extract/classify.py
MIN_CONFIDENCE) on gold: code accuracy and F1 for each threshold, side by side.

    python -m pipelines.devtools.calibrate --gold samples/real/gold --reports samples/real/inbox \\
        --sources samples/real/sources.csv --batches A B C

Only development batches belong here; a held-out batch is never used to choose the threshold.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from pipelines.devtools.evaluate import predictions, read_gold, score
from pipelines.extract import classify


def batch_files(sources: Path, batches: list[str]) -> set[str]:
    with sources.open(encoding="utf-8", newline="") as fh:
        return {r["file"] for r in csv.DictReader(fh) if r["batch"] in batches}


def sweep(gold: list[dict], reports: list[Path], thresholds: list[float]) -> list[tuple[float, float, float]]:
    saved = classify.MIN_CONFIDENCE
    out = []
    try:
        for t in thresholds:
            classify.MIN_CONFIDENCE = t
            classify.classify_scored.cache_clear()  # its answers depend on the threshold
            result = score(gold, predictions(reports))
            out.append((t, result.code_acc, result.f1))
    finally:
        classify.MIN_CONFIDENCE = saved
        classify.classify_scored.cache_clear()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--reports", type=Path, required=True)
    ap.add_argument("--sources", type=Path, required=True)
    ap.add_argument("--batches", nargs="+", required=True)
    args = ap.parse_args(argv)
    files = batch_files(args.sources, args.batches)
    gold = [g for g in read_gold([args.gold]) if g["file"] in files]
    reports = sorted(p for p in args.reports.iterdir() if p.name in files)
    print("threshold  code_acc  F1")
    for t, acc, f1 in sweep(gold, reports, [round(0.05 * i, 2) for i in range(17)]):
        print(f"{t:9.2f}  {acc:8.3f}  {f1:.3f}")
    print(f"(current MIN_CONFIDENCE = {classify.MIN_CONFIDENCE})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
