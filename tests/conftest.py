from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# The team-written reports and their gold: fixtures for the edge cases they cover.
TEAM = ROOT / "tests" / "fixtures" / "team"
REAL = SAMPLES / "real"
SHARED = Path(os.environ.get("CHANJIAO_SHARED", ROOT.parent / "shared"))


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """No test writes into the project's data/ or published/ or the developer's DAGSTER_HOME."""
    monkeypatch.setenv("CHANJIAO_DATA", str(tmp_path / "_data"))
    monkeypatch.setenv("CHANJIAO_PUBLISHED", str(tmp_path / "_published"))
    home = tmp_path / "_dagster_home"  # a temporary instance, never the project's
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("CHANJIAO_CACHE", str(tmp_path / "_cache"))


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("../shared is absent: tests that read it are skipped")
    return SHARED
