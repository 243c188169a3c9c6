"""pipelines.progress: a per-report loop reports how far it is, throttled, and once at the end."""

from __future__ import annotations

from pipelines.progress import tracked


class Clock:
    def __init__(self, step: float):
        self.t, self.step = 0.0, step

    def __call__(self) -> float:
        self.t += self.step
        return self.t


def test_reports_are_throttled_and_the_last_one_is_always_sent():
    calls: list[tuple[int, int | None]] = []
    items = list(tracked(range(10), 10, lambda d, t: calls.append((d, t)), every=3.0, clock=Clock(1.0)))
    assert items == list(range(10))
    assert calls == [(3, 10), (6, 10), (9, 10), (10, 10)]


def test_a_fast_loop_reports_once_and_an_unknown_total_stays_unknown():
    calls: list[tuple[int, int | None]] = []
    assert list(tracked(iter("abc"), None, lambda d, t: calls.append((d, t)), every=60.0, clock=Clock(0.0))) == [
        "a",
        "b",
        "c",
    ]
    assert calls == [(3, None)]


def test_without_a_callback_items_pass_through_and_nothing_is_called():
    gen = (i for i in range(3))
    assert list(tracked(gen, 3, None)) == [0, 1, 2]
