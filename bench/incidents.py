"""Learning benchmarks: the clocks dashboard and the theme pages at scale.

Run with `make bench` (or `uv run python bench/learning.py`). On a throw-away SQLite database
and on PostgreSQL (masa_bench_learning) when the local server answers, it generates 2,000
serious incidents with their rapid reviews, 100 LCSPRs and 20,000 review actions, times the
clocks dashboard, the themes list and a theme page as the business team, and checks the query
counts do not change with 10% more data. Target: p95 < 150 ms on PostgreSQL.

BENCH_SCALE (default 1) scales the data; BENCH_REQUESTS (default 100) the timed requests.
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
PG_DB = "masa_bench_learning"


def run_one(database_url: str) -> None:
    setup_django(database_url)
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from bench.incidents_data import generate, grow
    from masa.reviews.models import Theme

    start = time.perf_counter()
    result = generate(
        incidents=max(20, int(2000 * SCALE)),
        actions=max(100, int(20_000 * SCALE)),
        lcsprs=max(2, int(100 * SCALE)),
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n== {connection.vendor}: generated in {time.perf_counter() - start:.1f} s (scale {SCALE:g}) ==")
    print("  " + ", ".join(f"{k} {v:,}" for k, v in result["counts"].items()))

    slug = result["partnership"].slug
    theme = Theme.objects.get(partnership=result["partnership"], slug="domestic-abuse")
    wanted = [
        ("clocks dashboard", "incidents:clocks", [slug]),
        ("themes", "reviews:theme_list", [slug]),
        ("theme page", "reviews:theme_detail", [slug, theme.slug]),
    ]
    pages = []
    for label, name, args in wanted:
        try:
            pages.append((label, reverse(name, args=args)))
        except NoReverseMatch:
            print(f"page not built yet: {name}")
    client = Client()
    client.force_login(result["user"])

    def grow_data() -> None:
        grow(result, 0.1)

    measure_pages(client, pages, requests=REQUESTS, target_ms=TARGET_P95_MS, grow=grow_data)
    print("  after growing: " + ", ".join(f"{k} {v:,}" for k, v in result["counts"].items()))


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    run_per_database(__file__, PG_DB)


if __name__ == "__main__":
    main()
