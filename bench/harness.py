"""What every masa benchmark shares: a throw-away database per engine, Django set up in a child
process for each (fresh settings), and p50/p95 timing of a page."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_HOST = ["-h", "127.0.0.1", "-U", "postgres"]


def setup_django(database_url: str) -> None:
    """Configure Django on this database (demo settings) and migrate it."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["MASA_DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masa.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)


def time_page(client, url: str, requests: int) -> tuple[float, float]:
    """(p50, p95) in milliseconds over `requests` GETs, after one warm-up request."""
    client.get(url)
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def run_per_database(script: str, pg_database: str) -> None:
    """Run `script DATABASE_URL` once on a temporary SQLite file and once on PostgreSQL
    (created and dropped here) when the local server answers."""
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"sqlite:///{tmp}/bench.sqlite3"]
        ready = (
            subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0
        )
        if ready:
            subprocess.run(["dropdb", *PG_HOST, "--if-exists", pg_database], check=False)
            subprocess.run(["createdb", *PG_HOST, pg_database], check=True)
            urls.append(f"postgres://postgres@127.0.0.1:5432/{pg_database}")
        else:
            print("PostgreSQL is not answering on 127.0.0.1:5432: PostgreSQL figures skipped")
        try:
            for database_url in urls:
                subprocess.run([sys.executable, script, database_url], check=True)
        finally:
            if ready:
                subprocess.run(["dropdb", *PG_HOST, "--if-exists", pg_database], check=False)


def measure_pages(
    client,
    pages: list[tuple[str, str]],
    *,
    requests: int,
    target_ms: float,
    grow,
    grow_note: str = "",
) -> None:
    """Time each (label, url), count its SQL queries, call `grow()` to add data, count again,
    and print p50/p95, the ratio to the target and whether query counts stayed constant.

    A page that does not answer 200 is reported and left out, so a bench keeps working while a
    page is being built."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url: str) -> int | str:
        with CaptureQueriesContext(connection) as ctx:
            try:
                status = client.get(url).status_code
            except Exception as exc:  # noqa: BLE001 - a page under construction must not stop the bench
                return f"{type(exc).__name__}: {exc}"
        return len(ctx.captured_queries) if status == 200 else f"HTTP {status}"

    for _, url in pages:
        queries(url)  # warm up: the first request of a session also writes the session
    before = {label: queries(url) for label, url in pages}
    working = [(label, url) for label, url in pages if isinstance(before[label], int)]
    for label, _ in pages:
        if not isinstance(before[label], int):
            print(f"{label}: {before[label]}, not timed")
    timings = {label: time_page(client, url, requests) for label, url in working}

    start = time.perf_counter()
    grow()
    grown = time.perf_counter() - start
    after = {label: queries(url) for label, url in working}

    print(f"{requests} requests per page; target p95 {target_ms:.0f} ms")
    print(f"{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'p95/target':>12}{'queries':>9}{'+10% data':>11}")
    worst = 0.0
    for label, _ in working:
        p50, p95 = timings[label]
        worst = max(worst, p95)
        ratio = p95 / target_ms
        print(f"{label:<20}{p50:>9.1f}{p95:>9.1f}{ratio:>12.2f}{before[label]:>9}{after[label]:>11}")
    if working:
        constant = all(before[label] == after[label] for label, _ in working)
        print(
            f"worst p95 {worst:.1f} ms against a {target_ms:.0f} ms target "
            f"({'within' if worst < target_ms else 'OVER'} target); query counts "
            f"{'constant' if constant else 'GROW'} with 10% more data (added in {grown:.1f} s{grow_note})"
        )
