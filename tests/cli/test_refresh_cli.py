"""`chanjiao refresh`: a missing or empty inbox is one clear line and publishes nothing; a good
run prints a line per stage and a summary naming the release; its run is stored in the
project's Dagster instance (here the temporary one the tests point DAGSTER_HOME at)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg

from pipelines.cli import main

from conftest import ROOT
from release_helpers import DATASET, REPORTS, write_inbox

BIN = Path(sys.executable).parent / "chanjiao"


def test_a_missing_inbox_is_one_line_and_publishes_nothing(tmp_path):
    pub = tmp_path / "pub"
    proc = subprocess.run(
        [str(BIN), "refresh", "--inbox", str(tmp_path / "a" / "mistyped" / "folder"), "--published", str(pub)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines() == [
        f"chanjiao refresh: inbox {tmp_path / 'a' / 'mistyped' / 'folder'} does not exist "
        "(mistyped --inbox or CHANJIAO_INBOX?); nothing was published"
    ]
    assert not pub.exists()


def test_an_empty_inbox_fails_the_run_and_publishes_nothing(tmp_path, capsys, monkeypatch):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(sources))
    (tmp_path / "inbox").mkdir()
    pub = tmp_path / "pub"
    assert main(["refresh", "--inbox", str(tmp_path / "inbox"), "--published", str(pub)]) == 1
    err = capsys.readouterr().err
    assert "refresh: FAILED" in err and "is empty" in err and "Nothing was published" in err
    assert "Traceback" not in err
    assert not (pub / DATASET).exists()


def test_refresh_shows_progress_and_a_summary_and_uses_the_instance(tmp_path, capsys, monkeypatch):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(sources))
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    pub = tmp_path / "pub"
    assert main(["refresh", "--inbox", str(inbox), "--published", str(pub)]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert any(ln.lstrip().startswith("✓ extracted_facts") for ln in lines)
    assert f"refresh: published {DATASET} 1.0.0" in err and f"release: {pub / DATASET / '1.0.0'}" in err
    assert "rows:    facts 8" in err
    assert "DEBUG" not in err and max(len(ln) for ln in lines) < 160 and len(lines) < 25
    home = Path(__import__("os").environ["DAGSTER_HOME"])
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
    assert len(runs) == 1 and runs[0].job_name == "refresh"

    assert main(["refresh", "--inbox", str(inbox), "--published", str(pub), "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "DEBUG" in err and "nothing changed" in err


def test_without_dagster_home_the_projects_instance_is_used(tmp_path, monkeypatch):
    import assets.run as run

    monkeypatch.delenv("DAGSTER_HOME")
    monkeypatch.setattr(run, "PROJECT_DAGSTER_HOME", tmp_path / "project-home")
    with run.instance() as instance:
        assert Path(instance.root_directory) == tmp_path / "project-home"
        assert not instance.is_ephemeral


def test_a_refresh_that_would_remove_most_facts_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(sources))
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    pub = tmp_path / "pub"
    assert main(["refresh", "--inbox", str(inbox), "--published", str(pub)]) == 0
    (inbox / "hanshui.txt").unlink()  # 4 of 8 facts gone
    capsys.readouterr()
    assert main(["refresh", "--inbox", str(inbox), "--published", str(pub)]) == 1
    err = capsys.readouterr().err
    assert "refresh: FAILED" in err and "refused: the new release would remove 4 of the 8 facts" in err
    assert "ShrinkError" not in err and "Nothing was published" in err
    assert sorted(p.name for p in (pub / DATASET).iterdir() if not p.name.startswith(".")) == ["1.0.0", "latest"]
    assert main(["refresh", "--inbox", str(inbox), "--published", str(pub), "--allow-shrink"]) == 0
    assert "published ie-facts 1.1.0" in capsys.readouterr().err
