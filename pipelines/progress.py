"""Progress over the per-report loops, for long runs: a plain callback, called at most once per
interval and once at the end, so that a caller (a Dagster asset, a test, a CLI) can show it
without the loop knowing how. `report(done, total)`; total is None where it is not known ahead
(a folder being walked)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
Report = Callable[[int, "int | None"], None]
EVERY_SECONDS = 2.0


def tracked(
    items: Iterable[T],
    total: int | None,
    report: Report | None,
    every: float = EVERY_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """Yield items, calling report(done, total) when `every` seconds have passed since the last
    call, and once after the last item (not at all without a report)."""
    if report is None:
        yield from items
        return
    done = 0
    last = clock()
    for item in items:
        yield item
        done += 1
        now = clock()
        if now - last >= every:
            report(done, total)
            last = now
    report(done, total)
