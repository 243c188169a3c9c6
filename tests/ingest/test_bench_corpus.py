"""The benchmark's synthetic corpus is seeded and deterministic, and varied like real reports."""

from __future__ import annotations

from pipelines.devtools import corpus
from pipelines.ingest.reports import read_report


def test_report_i_depends_only_on_the_seed_and_i(tmp_path):
    a = corpus.write(tmp_path / "a", 30, seed=1, n_colleges=10)
    b = corpus.write(tmp_path / "b", 31, seed=1, n_colleges=10)  # one report more
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b[:30]]
    assert corpus.report(3, 10, seed=2) != corpus.report(3, 10, seed=1)


def test_the_corpus_varies_format_length_colleges_and_numbers():
    reports = [corpus.report(i, 20) for i in range(60)]
    names = [n for n, _ in reports]
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".txt") for n in names)
    decoded = [read_report(data, name) for name, data in reports]
    lengths = sorted(len(d.text) for d in decoded)
    assert lengths[-1] > 5 * lengths[0]
    assert len({d.meta.institution for d in decoded if d.meta.institution}) >= 10
    assert sum(d.meta.published is not None for d in decoded) == len(decoded)
    assert len(set(reports)) == len(reports)
