"""Statutory clock benchmarks: due dates and working-day counts per second (no Django).

Run with `make bench` (or `uv run python bench/clocks.py`). Times 1,000,000 random
(start, working-day rule) pairs through `due_date`, and 1,000,000 random (start, end) pairs
through `working_days_between`, in one process, and prints the rate and its ratio to the
target of 200,000 per second. Prints figures; it does not assert (tests do that).

BENCH_CLOCK_N (default 1000000) sets the number of calls per figure.
"""

import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from masa.clocks import RULE_SETS, default_calendar, due_date, working_days_between  # noqa: E402

TARGET_PER_SECOND = 200_000
N = int(os.environ.get("BENCH_CLOCK_N", "1000000"))


def report(label: str, calls: int, seconds: float) -> None:
    rate = calls / seconds
    print(
        f"{label}: {rate:,.0f}/s ({calls:,} in {seconds:.2f}s); target {TARGET_PER_SECOND:,}/s, "
        f"ratio {rate / TARGET_PER_SECOND:.2f}x"
    )


def main() -> None:
    rng = random.Random(20231215)
    t0 = time.perf_counter()
    default_calendar()
    print(f"calendar built (1990-2100) in {time.perf_counter() - t0:.2f}s")

    working_rules = [r.id for r in RULE_SETS["WT2023"].rules.values() if r.unit == "working_days"]
    first = date(2000, 1, 1).toordinal()
    span = date(2090, 12, 31).toordinal() - first
    starts = [date.fromordinal(first + rng.randrange(span)) for _ in range(N)]
    rules = [rng.choice(working_rules) for _ in range(N)]

    t0 = time.perf_counter()
    for start, rule in zip(starts, rules, strict=True):
        due_date(rule, start)
    report(f"due_date, working-day rules {working_rules}", N, time.perf_counter() - t0)

    ends = [s + timedelta(days=rng.randrange(-400, 401)) for s in starts]
    t0 = time.perf_counter()
    for start, end in zip(starts, ends, strict=True):
        working_days_between(start, end)
    report("working_days_between", N, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
