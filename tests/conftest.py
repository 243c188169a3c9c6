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
    monkeypatch.delenv("DAGSTER_HOME", raising=False)


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("../shared is absent: tests that read it are skipped")
    return SHARED
