"""Bounded cost per report: a time budget and a size cap, both set by environment variables.

    CHANJIAO_REPORT_SECONDS   seconds one report may take to decode and extract (default 60)
    CHANJIAO_MAX_BYTES        largest file read (default 20 MiB)
    CHANJIAO_ZIP_MAX_BYTES    largest uncompressed size of a zip-based file (default 200 MiB)
    CHANJIAO_ZIP_MAX_RATIO    largest uncompressed/compressed ratio of a zip-based file (default 100)

The budget is cooperative: `with report_budget(seconds):` sets a deadline for the code inside,
and the loops whose work grows with the input (decoding, every fact's quote search) call
`check_budget()`, which raises BudgetExceeded once the deadline has passed. Outside a budget
the check costs one context-variable lookup."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

DEFAULT_REPORT_SECONDS = 60.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("chanjiao_report_deadline", default=None)


class BudgetExceeded(RuntimeError):
    """A report took longer than its time budget."""

    def __init__(self, seconds: float):
        super().__init__(f"over the time budget: more than {seconds:g} s to decode and extract")
        self.seconds = seconds


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not a number") from exc
    if value <= 0:
        raise ValueError(f"{name}={raw!r} must be positive")
    return value


def report_seconds() -> float:
    return _env_number("CHANJIAO_REPORT_SECONDS", DEFAULT_REPORT_SECONDS)


def max_bytes() -> int:
    return int(_env_number("CHANJIAO_MAX_BYTES", DEFAULT_MAX_BYTES))


@contextmanager
def report_budget(seconds: float | None = None) -> Iterator[None]:
    """A deadline `seconds` from now (default: CHANJIAO_REPORT_SECONDS) for the code inside."""
    seconds = report_seconds() if seconds is None else seconds
    token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    """Raise BudgetExceeded when the current report's deadline has passed."""
    d = _deadline.get()
    if d is not None and time.monotonic() > d[0]:
        raise BudgetExceeded(d[1])
