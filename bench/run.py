"""Foundation benchmarks: p95 latency and SQL query counts of the home and structure pages.

Run with `make bench`. Uses a throw-away database: SQLite in a temp file, and PostgreSQL
(database masa_bench, created and dropped) when the local server answers.
Prints figures and ratios to the targets; it does not assert (tests do that).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import run_per_database, setup_django, time_page  # noqa: E402

TARGET_P95_MS = 100.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
PAGES = [
    ("home", "dashboards:home", False),
    ("structure", "structure:structure", False),
    ("groups", "structure:group_list", False),
    ("group detail", "structure:group_detail", False),
    ("agencies", "structure:agency_list", False),
    ("people", "structure:person_list", False),
    ("plans", "structure:plan_list", False),
    ("public arrangements", "structure:arrangements", True),
]


def run_one(database_url: str) -> None:
    """Runs inside a child process so each database gets fresh Django settings."""
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

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
        args = ["hounslow", board.uuid] if name == "structure:group_detail" else ["hounslow"]
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
        p50, p95 = time_page(c, url(name), REQUESTS)
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
    run_per_database(__file__, "masa_bench")


if __name__ == "__main__":
    main()
