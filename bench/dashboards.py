"""Performance dashboard benchmarks: p95 latency and SQL query counts at a large partnership's size.

Run with `make bench` (or `uv run python bench/dashboards.py`). Each database runs in its own
child process on a throw-away database: SQLite in a temp file, and PostgreSQL (database
masa_bench_dashboards, created and dropped here) when the local server answers. Generates 3
partnerships, each with 60 indicators x 20 quarterly periods of agency-submitted figures, targets,
comparators and commentaries; times the dashboards index, a priority dashboard and a group
dashboard showing all 60 indicators and one indicator's chart page, and counts their queries at
full size and again after adding 10% more indicators. Prints figures and ratios to the 150 ms
target, and the time of the XLSX export (a download, outside the page target). Asserts nothing.

BENCH_REQUESTS (default 50) is the number of timed requests per page.
"""

import os
import random
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import measure_pages, run_per_database, setup_django, time_page  # noqa: E402

TARGET_P95_MS = 150.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
PG_DB = "masa_bench_dashboards"
PARTNERSHIPS = 3
INDICATORS = 60
PERIODS = 20


def _quarter(n: int) -> tuple[str, date, date]:
    year, q = 2019 + n // 4, n % 4
    start = [date(year, 4, 1), date(year, 7, 1), date(year, 10, 1), date(year + 1, 1, 1)][q]
    end = [date(year, 6, 30), date(year, 9, 30), date(year, 12, 31), date(year + 1, 3, 31)][q]
    return f"{year}-{(year + 1) % 100:02d} Q{q + 1}", start, end


def _indicators(world: dict, first: int, count: int, rng: random.Random) -> None:
    from masa.indicators.models import (
        Commentary,
        Comparator,
        Indicator,
        IndicatorValue,
        Target,
        ValueSource,
    )

    p = world["partnership"]
    units = ["count", "percent", "rate_10k", "days"]
    polarities = ["higher", "lower", "neither"]
    made = Indicator.objects.bulk_create(
        Indicator(
            partnership=p,
            code=f"indicator-{n}",
            title=f"Indicator {n}",
            definition="A made-up indicator for the benchmark.",
            unit=units[n % 4],
            polarity=polarities[n % 3],
            source_agency=world["agency"],
        )
        for n in range(first, first + count)
    )
    Through = Indicator.priorities.through
    Through.objects.bulk_create(Through(indicator_id=i.pk, priority_id=world["priority"].pk) for i in made)
    GThrough = Indicator.groups.through
    GThrough.objects.bulk_create(GThrough(indicator_id=i.pk, group_id=world["group"].pk) for i in made)
    values = []
    for indicator in made:
        for period, submission in zip(world["periods"], world["submissions"], strict=True):
            den = Decimal(rng.randint(800, 1200))
            num = Decimal(rng.randint(100, 700))
            values.append(
                IndicatorValue(
                    partnership=p,
                    indicator=indicator,
                    period=period,
                    numerator=num,
                    denominator=den,
                    value=(num * 100 / den).quantize(Decimal("0.1")),
                    source=ValueSource.SUBMISSION,
                    submission=submission,
                )
            )
    IndicatorValue.objects.bulk_create(values, batch_size=5000)
    last_year = world["periods"][-1].label[:7]
    Target.objects.bulk_create(
        Target(partnership=p, indicator=i, year=last_year, value=Decimal(50), tolerance=Decimal(5))
        for i in made
    )
    Comparator.objects.bulk_create(
        Comparator(partnership=p, indicator=i, year=last_year, kind=kind, value=Decimal(rng.randint(30, 70)))
        for i in made
        for kind in ("statistical_neighbours", "london", "england")
    )
    Commentary.objects.bulk_create(
        Commentary(
            partnership=p,
            indicator=i,
            period=world["periods"][-1],
            what_it_tells_us="What the figure tells us, at some length. " * 4,
            what_we_are_doing="What the partners are doing about it. " * 3,
        )
        for i in made
    )
    world["count"] = first + count


def generate() -> list[dict]:
    from allauth.mfa.totp.internal.auth import TOTP
    from auditlog.context import disable_auditlog
    from django.db import transaction

    from masa.accounts.models import Membership, Role, User
    from masa.indicators.models import DataCall, Period, Submission, SubmissionStatus
    from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Priority, StrategicPlan

    rng = random.Random(6)  # noqa: S311 - benchmark data
    worlds = []
    with transaction.atomic(), disable_auditlog():
        for n in range(PARTNERSHIPS):
            p = Partnership.objects.create(
                slug=f"bench-{n}", name=f"Bench {n} partnership", local_authority="LA"
            )
            agency = Agency.objects.create(name=f"Bench agency {n}", agency_type="local_authority")
            PartnershipAgency.objects.create(partnership=p, agency=agency, status="safeguarding_partner")
            plan = StrategicPlan.objects.create(
                partnership=p, title="Plan 2021-24", start_year=2021, end_year=2024
            )
            priority = Priority.objects.create(partnership=p, plan=plan, title="Neglect", order=1)
            group = Group.objects.create(
                partnership=p, name="Strategic Insights Group", purpose="-", people="-", process="-"
            )
            user = User.objects.create(email=f"bt@bench-{n}.example.org", full_name="Business team")
            TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
            Membership.objects.create(user=user, partnership=p, role=Role.BUSINESS_TEAM, agency=agency)
            periods = [
                Period.objects.create(partnership=p, label=label, frequency="quarterly", start=start, end=end)
                for label, start, end in map(_quarter, range(PERIODS))
            ]
            submissions = []
            for period in periods:
                call = DataCall.objects.create(
                    partnership=p, period=period, due_date=period.end, status="closed"
                )
                submissions.append(
                    Submission.objects.create(
                        partnership=p, data_call=call, agency=agency, status=SubmissionStatus.APPROVED
                    )
                )
            world = {
                "partnership": p,
                "agency": agency,
                "priority": priority,
                "group": group,
                "user": user,
                "periods": periods,
                "submissions": submissions,
            }
            _indicators(world, 0, INDICATORS, rng)
            worlds.append(world)
    return worlds


def run_one(database_url: str) -> None:
    setup_django(database_url)
    from auditlog.context import disable_auditlog
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    start = time.perf_counter()
    worlds = generate()
    generation = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n== {connection.vendor}: generated in {generation:.1f} s ==")
    print(f"  {PARTNERSHIPS} partnerships x {INDICATORS} indicators x {PERIODS} periods")
    world = worlds[1]
    slug = world["partnership"].slug
    client = Client()
    client.force_login(world["user"])
    from masa.indicators.models import Indicator

    first = Indicator.objects.filter(partnership=world["partnership"]).order_by("pk").first()
    pages = [
        ("index", reverse("dashboards:index", args=[slug])),
        ("priority (60)", reverse("dashboards:priority", args=[slug, world["priority"].uuid])),
        ("group (60)", reverse("dashboards:group", args=[slug, world["group"].uuid])),
        ("indicator chart", reverse("dashboards:indicator_chart", args=[slug, first.uuid])),
    ]
    # The export builds a whole workbook: the 150 ms page target does not apply to it.
    export_url = reverse("dashboards:export", args=[slug])
    export_p50, export_p95 = time_page(client, export_url, max(5, REQUESTS // 5))

    def grow() -> None:
        rng = random.Random(7)  # noqa: S311 - benchmark data
        with transaction.atomic(), disable_auditlog():
            for w in worlds:
                _indicators(w, w["count"], INDICATORS // 10, rng)

    measure_pages(
        client,
        pages,
        requests=REQUESTS,
        target_ms=TARGET_P95_MS,
        grow=grow,
        grow_note=", 10% more indicators",
    )
    print(f"export XLSX (a download, no page target): p50 {export_p50:.0f} ms, p95 {export_p95:.0f} ms")


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    run_per_database(__file__, PG_DB)


if __name__ == "__main__":
    main()
