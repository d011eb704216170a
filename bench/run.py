"""Foundation benchmarks: p95 latency and SQL query counts of the home and structure pages.

Run with `make bench`. Uses a throw-away database: SQLite in a temp file, and PostgreSQL
(database masa_bench) when BENCH_POSTGRES_URL is set or the local server answers.
Prints figures and ratios to the targets; it does not assert (tests do that).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 100.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
PAGES = [
    ("home", "partnership:home", False),
    ("structure", "partnership:structure", False),
    ("groups", "partnership:group_list", False),
    ("group detail", "partnership:group_detail", False),
    ("agencies", "partnership:agency_list", False),
    ("people", "partnership:person_list", False),
    ("plans", "partnership:plan_list", False),
    ("public arrangements", "partnership:arrangements", True),
]


def run_one(database_url: str) -> None:
    """Runs inside a child process so each database gets fresh Django settings."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["MASA_DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masa.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet")

    from masa.accounts.models import User
    from masa.partnership.models import Agency, Group, GroupMember, PartnershipAgency, Person

    user = User.objects.filter(
        memberships__partnership__slug="hounslow", memberships__role="business_team"
    ).first()
    client = Client()
    client.force_login(user)
    board = Group.objects.get(partnership__slug="hounslow", kind="board")

    def url(name: str) -> str:
        args = ["hounslow", board.uuid] if name == "partnership:group_detail" else ["hounslow"]
        return reverse(name, args=args)

    def queries(name: str, public: bool) -> int:
        c = Client() if public else client
        c.get(url(name))  # warm up: the first request of a session also writes the session
        with CaptureQueriesContext(connection) as ctx:
            assert c.get(url(name)).status_code == 200
        return len(ctx.captured_queries)

    vendor = connection.vendor
    print(f"\n== {vendor}: demo data (3 partnerships), {REQUESTS} requests per page ==")
    print(f"{'page':<22}{'p50 ms':>9}{'p95 ms':>9}{'p95/target':>12}{'queries':>9}{'x2 data':>9}")
    before = {label: queries(name, public) for label, name, public in PAGES}

    # Double the Hounslow structure to show query counts do not grow with data.
    from masa.partnership.models import Partnership

    hounslow = Partnership.objects.get(slug="hounslow")
    agency = Agency.objects.create(name="Bench agency", agency_type="other")
    PartnershipAgency.objects.create(partnership=hounslow, agency=agency, status="relevant_agency")
    n_groups = Group.objects.filter(partnership=hounslow).count()
    n_people = Person.objects.filter(partnership=hounslow).count()
    people = [
        Person.objects.create(partnership=hounslow, name=f"Bench person {i}", agency=agency)
        for i in range(n_people)
    ]
    for i in range(n_groups):
        g = Group.objects.create(
            partnership=hounslow,
            name=f"Bench group {i}",
            purpose="p",
            people="p",
            process="p",
            reports_to=board,
            chair=people[i % len(people)],
        )
        for p in people[i : i + 4]:
            GroupMember.objects.create(partnership=hounslow, group=g, person=p)
    after = {label: queries(name, public) for label, name, public in PAGES}

    worst = 0.0
    for label, name, public in PAGES:
        c = Client() if public else client
        target = url(name)
        c.get(target)  # warm up
        timings = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            c.get(target)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        worst = max(worst, p95)
        print(
            f"{label:<22}{p50:>9.1f}{p95:>9.1f}{p95 / TARGET_P95_MS:>12.2f}"
            f"{before[label]:>9}{after[label]:>9}"
        )
    constant = all(before[k] == after[k] for k in before)
    print(
        f"worst p95 {worst:.1f} ms against a {TARGET_P95_MS:.0f} ms target "
        f"({'within' if worst < TARGET_P95_MS else 'OVER'} target); "
        f"query counts {'constant' if constant else 'GROW'} when the structure doubles "
        f"({n_groups}->{2 * n_groups} groups)"
    )


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"sqlite:///{tmp}/bench.sqlite3"]
        pg = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/masa_bench")
        ready = (
            subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0
        )
        if ready:
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "masa_bench"], check=False
            )
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "masa_bench"], check=True)
            urls.append(pg)
        else:
            print("PostgreSQL is not answering on 127.0.0.1:5432: PostgreSQL figures skipped")
        for database_url in urls:
            subprocess.run([sys.executable, __file__, database_url], check=True)


if __name__ == "__main__":
    main()
