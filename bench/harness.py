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
