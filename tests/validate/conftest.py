"""What the validation tests share: one real-looking report and its texts and facts frames."""

from __future__ import annotations

import pytest

from pipelines.extract.cache import FactCache
from pipelines.extract.facts_table import facts_frame
from pipelines.ingest.intake import intake, intake_frame, scan_folder
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.texts import texts_frame

REPORT = """江陵职院深化产教融合
发布时间：2024年5月20日
江陵职业技术学院授权专利147项，技术服务收入1400万元，服务企业30多家，开展社会培训3万余人次，
毕业生就业率达98.5%，共建6个现代产业学院，发表论文36篇。
"""


def _texts_and_facts(tmp_path, report: str):
    """(texts, facts) of one report, through intake, decoding and extraction as a refresh runs them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "r.txt").write_text(report, encoding="utf-8")
    store = SnapshotStore(tmp_path / "snap")
    texts = texts_frame(intake_frame(intake(scan_folder(inbox), store)), store)
    return texts, facts_frame(texts, FactCache(None))


@pytest.fixture
def tables(tmp_path):
    """(texts, facts) of REPORT: seven facts."""
    texts, facts = _texts_and_facts(tmp_path, REPORT)
    assert len(facts) == 7
    return texts, facts


@pytest.fixture
def report_tables(tmp_path):
    """report → (texts, facts) of that report (as `tables` gives them for REPORT)."""
    return lambda report: _texts_and_facts(tmp_path, report)
