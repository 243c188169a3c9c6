"""The terminal shows a progress bar over the reports of a long stage: the per-report loops of
pipelines/ report through the run's log, and the in-process runner draws it."""

from __future__ import annotations

import io

import dagster as dg

from assets.run import Progress, bar, refresh

from release_helpers import REPORTS, write_inbox


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def seen(line: str) -> str:
    """What a terminal shows of one line: each carriage return writes over from the left."""
    cells: list[str] = []
    for part in line.split("\r"):
        cells[: len(part)] = part
    return "".join(cells)


def test_bar_shows_share_done_and_counts():
    assert bar("extracted_facts", 3800, 10000, "reports").endswith(
        "[#########---------------]  38%  3800/10000 reports"
    )
    assert bar("raw_reports", 12, None, "files").endswith("raw_reports      12 files")


def _run(tmp_path, out) -> str:
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    progress = Progress(out=out, after=0.0, every=0.0)  # every stage counts as long here
    assert refresh(
        inbox=inbox,
        published=tmp_path / "pub",
        data=tmp_path / "data",
        dagster_instance=dg.DagsterInstance.ephemeral(),
        progress=progress,
    )
    return out.getvalue()


def test_a_log_file_gets_progress_lines_for_each_per_report_stage(tmp_path):
    text = _run(tmp_path, io.StringIO())
    assert "\r" not in text
    lines = text.splitlines()
    for stage, tail in (
        ("raw_reports", "2 files"),
        ("decoded_reports", "100%  2/2 reports"),
        ("extracted_facts", "100%  2/2 reports"),
    ):
        shown = [ln for ln in lines if ln.startswith(f"  … {stage}")]
        assert shown and shown[-1].endswith(tail), (stage, lines)
        done = next(i for i, ln in enumerate(lines) if ln.startswith(f"  ✓ {stage}"))
        assert lines.index(shown[-1]) < done  # the bar comes before the stage's closing line


def test_a_terminal_gets_the_bar_redrawn_in_place_and_cleared(tmp_path):
    text = _run(tmp_path, Tty())
    assert "\r  … extracted_facts" in text
    screen = [seen(ln).rstrip() for ln in text.split("\n")]
    assert not any("…" in ln for ln in screen)  # every bar was wiped before the next line
    assert any(ln.startswith("  ✓ extracted_facts") for ln in screen)


def test_a_short_stage_shows_no_bar(tmp_path):
    out = io.StringIO()
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    assert refresh(
        inbox=inbox,
        published=tmp_path / "pub",
        data=tmp_path / "data",
        dagster_instance=dg.DagsterInstance.ephemeral(),
        progress=Progress(out=out, after=3600.0),
    )
    assert "  … " not in out.getvalue() and "  ✓ extracted_facts" in out.getvalue()
