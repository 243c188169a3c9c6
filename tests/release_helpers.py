"""Small report corpora and ways to turn them into releases, shared by the release tests."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

DATASET = "ie-facts"
REPORTS = {
    "jiangling.txt": "江陵职业技术学院2023年产教融合工作报告\n发布时间：2024-03-15  来源：江陵职业技术学院\n"
    "2023年，江陵职业技术学院与85家企业开展校企合作，授权专利12项，技术服务收入350万元，"
    "开展社会培训2.1万人日。\n",
    "hanshui.txt": "汉水职业学院校企合作成效显著\n发布时间：2024-05-20  来源：汉水职业学院\n"
    "汉水职业学院新增合作企业40家，共建产业学院3个，获授权专利9项，订单班学生达到600人。\n",
}
EXTRA_REPORT = {
    "xiangyang.txt": "襄阳工业职业技术学院发布2023年度质量年报\n发布时间：2024-06-18  来源：襄阳工业职业技术学院\n"
    "2023年，襄阳工业职业技术学院技术服务到款额达到520万元，与72家企业开展合作，"
    "开展社会培训1.5万人日，授权专利21项。\n",
}


def write_inbox(folder: Path, reports: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def three_report_tables(tmp: Path) -> dict[str, pd.DataFrame]:
    """The published tables of the sample reports and the extra one."""
    return build_tables(write_inbox(tmp / "inbox", {**REPORTS, **EXTRA_REPORT}), tmp / "data")


def copy_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {t: df.copy() for t, df in tables.items()}


def build_tables(inbox: Path, data: Path) -> dict[str, pd.DataFrame]:
    """The published tables of an inbox through the pipeline's plain steps (no Dagster run)."""
    from pipelines import steps
    from pipelines.settings import Paths
    from pipelines.validate import validate_facts

    paths = Paths(inbox=inbox, data=data, published=data / "unused", sources=data / "no-sources.yaml")
    raw = steps.ingest_raw_reports(paths)
    texts = steps.decode_reports(raw, paths)
    facts = steps.extract_facts_table(texts, paths).facts
    checked = validate_facts(facts, texts, raw)
    return steps.release_tables(texts, checked.valid, checked.quarantine)


def refresh(inbox: Path, published: Path, data: Path) -> bool:
    """The real main job, in-process, on an ephemeral Dagster instance."""
    import dagster as dg

    from assets.run import refresh as run_refresh

    return run_refresh(inbox=inbox, published=published, data=data, dagster_instance=dg.DagsterInstance.ephemeral())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(root: Path) -> Iterator[str]:
    """serve(root) in a background thread on a free port of 127.0.0.1; yields its base URL."""
    from pipelines.publish.serve import serve

    ready = threading.Event()
    holder = {}

    def on_ready(server) -> None:
        holder["server"] = server
        ready.set()

    thread = threading.Thread(target=serve, args=(root, free_port()), kwargs={"on_ready": on_ready}, daemon=True)
    thread.start()
    assert ready.wait(10), "serve() did not start"
    host, port = holder["server"].server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        holder["server"].shutdown()
        thread.join(10)
        assert not thread.is_alive(), "serve() did not stop"


def publish_two_versions(tmp: Path) -> Path:
    """published/ with two versions of the dataset: 1.0.0 (REPORTS) and 1.1.0 (one report more)."""
    from datetime import date

    from pipelines.publish import release

    root = tmp / "published"
    first = build_tables(write_inbox(tmp / "inbox1", REPORTS), tmp / "data1")
    second = build_tables(write_inbox(tmp / "inbox2", {**REPORTS, **EXTRA_REPORT}), tmp / "data2")
    assert release.run(first, root, DATASET, today=date(2024, 7, 1)).version == "1.0.0"
    assert release.run(second, root, DATASET, today=date(2024, 8, 1)).version == "1.1.0"
    return root
