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


@pytest.fixture
def tables(tmp_path):
    """(texts, facts) of REPORT: seven facts."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "r.txt").write_text(REPORT, encoding="utf-8")
    store = SnapshotStore(tmp_path / "snap")
    texts = texts_frame(intake_frame(intake(scan_folder(inbox), store)), store)
    facts = facts_frame(texts, FactCache(None))
    assert len(facts) == 7
    return texts, facts
