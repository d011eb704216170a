"""Action tracker benchmarks: p95 latency and SQL query counts at scale.

Run with `make bench` (or `uv run python bench/governance.py`). Each database runs in its own
child process on a throw-away database: SQLite in a temp file, and PostgreSQL (database
masa_bench_gov, created and dropped with createdb/dropdb) when the local server answers. Each
generates a partnership of 1,500 meetings, 50,000 actions and 200,000 updates, then times
"My actions", a group's action list and the Board's overdue list, and counts their SQL queries
at full size and again after adding 10% more data. Prints figures and ratios to the target;
it does not assert (tests do that).

BENCH_SCALE (default 1) scales meetings, actions and updates; BENCH_REQUESTS (default 100) is
the number of timed requests per page.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import measure_pages, run_per_database, setup_django  # noqa: E402

TARGET_P95_MS = 150.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
PG_DB = "masa_bench_gov"
PAGES = [
    ("My actions", "actions:my_actions"),
    ("group actions", "actions:group_actions"),
    ("Board overdue", "actions:overdue"),
]


def run_one(database_url: str) -> None:
    """Runs inside a child process so each database gets fresh Django settings."""
    setup_django(database_url)
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from bench.governance_data import generate, grow

    vendor = connection.vendor

    sizes = {
        "meetings": max(30, int(1500 * SCALE)),
        "actions": max(100, int(50_000 * SCALE)),
        "updates": max(100, int(200_000 * SCALE)),
    }
    start = time.perf_counter()
    result = generate(**sizes)
    generation = time.perf_counter() - start
    if vendor == "postgresql":
        # A live database is analysed by autovacuum; after a bulk load, do it now.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n== {vendor}: generated in {generation:.1f} s (scale {SCALE:g}) ==")
    print("  " + ", ".join(f"{k} {v:,}" for k, v in result["counts"].items()))

    slug = result["partnership"].slug
    client = Client()
    client.force_login(result["user"])

    def url(name: str) -> str:
        if name == "actions:group_actions":
            return reverse(name, args=[slug, result["group"].uuid])
        if name == "actions:overdue":
            return reverse(name, args=[slug])
        return reverse(name)

    pages: list[tuple[str, str]] = []
    for label, name in PAGES:
        try:
            pages.append((label, url(name)))
        except NoReverseMatch:
            print(f"page not built yet: {name}")

    def grow_data() -> None:
        grow(result, 0.1)

    measure_pages(client, pages, requests=REQUESTS, target_ms=TARGET_P95_MS, grow=grow_data)
    counts = result["counts"]
    print(f"  after growing: {counts['actions']:,} actions, {counts['updates']:,} updates")


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    run_per_database(__file__, PG_DB)


if __name__ == "__main__":
    main()
