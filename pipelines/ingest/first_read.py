"""The first reading of a new report, on a worker process: its bytes decoded under the time
budget, and its text extracted under a budget of its own (the time-budget verdict).

Intake (intake.py) hands these out in batches on the refresh's workers (extract/parallel.py),
so that decoding, encoding detection, HTML and PDF rendering and metadata spread over the cores
with extraction, instead of holding up the process that reads, hashes and snapshots the inbox.
Pure and picklable: what comes back is cached and recorded by intake.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import budget
from .decoded_cache import decoded_entry


@dataclass(frozen=True)
class Job:
    """One report to read: its name and bytes to decode (data), or the text of an entry decoded
    before (text); extract: whether its time-budget verdict is wanted."""

    name: str
    data: bytes | None = None
    text: str | None = None
    extract: bool = False

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else len(self.text or "")


@dataclass(frozen=True)
class Read:
    """What a job gave: the decoded-cache entry (None when decoding ran out of time, or was not
    asked), why decoding failed ('' when it did not), and the verdict (reason, facts, seconds)
    when extraction was asked for and the text decoded."""

    entry: dict | None
    decode_reason: str
    verdict: tuple[str, list[dict] | None, float] | None


def entry_text(entry: dict) -> str | None:
    """The text of a decoded entry, or None for bytes that do not decode."""
    return None if "error" in entry else entry["decoded"]["text"]


def read_chunk(jobs: list[Job], decode_seconds: float, extract_seconds: float) -> list[Read]:
    from pipelines.extract.extractor import warm_up
    from pipelines.extract.parallel import extract_within

    if any(j.extract for j in jobs):
        warm_up()  # outside any report's budget
    out = []
    for job in jobs:
        entry, text = None, job.text
        if job.data is not None:
            try:
                with budget.report_budget(decode_seconds):
                    entry = decoded_entry(job.data, job.name)
            except budget.BudgetExceeded as exc:
                out.append(Read(None, str(exc), None))
                continue
            text = entry_text(entry)
        verdict = extract_within(text, extract_seconds) if job.extract and text and text.strip() else None
        out.append(Read(entry, "", verdict))
    return out
