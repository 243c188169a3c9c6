"""The extractor on ../shared's development set, scored with ../shared/eval/score.py itself
(skipped cleanly when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

from pipelines.ingest.reports import facts_of_file

FACT_KEYS = (
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "value",
    "unit_text",
    "normalized_value",
    "base_unit",
    "qualifier",
    "indicator_code",
)


def test_dev_set_scores(shared_dir, tmp_path):
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for path in sorted((shared_dir / "corpus" / "dev").glob("*.txt")):
            report, facts = facts_of_file(path)
            for f in facts:
                assert report.text[f.char_start : f.char_end] == f.quote
                fh.write(
                    json.dumps({"source": str(path), **{k: getattr(f, k) for k in FACT_KEYS}}, ensure_ascii=False)
                    + "\n"
                )
    out = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            "--gold",
            str(shared_dir / "corpus" / "dev" / "gold.csv"),
            "--pred",
            str(pred),
            "--min-f1",
            "0.95",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    last = out.stdout.strip().splitlines()[-1]
    scores = dict(kv.split("=") for kv in last.split())
    assert float(scores["qualifier_acc"]) >= 0.95 and float(scores["code_acc"]) >= 0.85, last
