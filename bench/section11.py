"""Section 11 self-assessment benchmarks: the heat map page and its spreadsheet at scale.

Run with `make bench` (or `uv run python bench/section11.py`). Each database runs in its own child
process on a throw-away database (SQLite in a temp file, PostgreSQL as masa_bench_s11 when the
local server answers). Generates a set of 40 standards and two cycles (this year's and last
year's, for the change column) of 300 agencies each, every return submitted and rated, a tenth of
the ratings moderated; then times the cycle page (heat map, return rate, change), counts its
queries before and after adding 10% more agencies, and times the results spreadsheet. Prints
figures and ratios to the targets (heat map p95 under 200 ms on PostgreSQL, spreadsheet under
3 s); it does not assert (tests do that).

BENCH_SCALE (default 1) scales the number of agencies; BENCH_REQUESTS (default 50) is the number
of timed requests of the page.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import measure_pages, run_per_database, setup_django  # noqa: E402

PAGE_TARGET_MS = 200.0
EXPORT_TARGET_S = 3.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
AGENCIES = max(10, int(300 * SCALE))
STANDARDS = 40
PG_DB = "masa_bench_s11"


def _add_agencies(partnership, cycles, count: int, start: int, rng: random.Random) -> None:
    """`count` more agencies, each asked in every cycle, every return submitted and rated."""
    from datetime import timedelta

    from auditlog.context import disable_auditlog

    from masa.assurance.models import ReturnStatus, Section11Rating, Section11Return
    from masa.partnership.models import Agency, PartnershipAgency

    with disable_auditlog():
        agencies = Agency.objects.bulk_create([Agency(name=f"Agency {start + i:04d}") for i in range(count)])
        PartnershipAgency.objects.bulk_create(
            [PartnershipAgency(partnership=partnership, agency=a) for a in agencies]
        )
        for cycle in cycles:
            standards = list(cycle.standards_set.standards.values_list("pk", flat=True))
            returns = Section11Return.objects.bulk_create(
                [
                    Section11Return(
                        partnership=partnership,
                        cycle=cycle,
                        agency=a,
                        status=ReturnStatus.SUBMITTED,
                        submitted_on=cycle.deadline - timedelta(days=rng.randint(-5, 20)),
                        is_late=rng.random() < 0.2,
                    )
                    for a in agencies
                ]
            )
            ratings = []
            for ret in returns:
                for standard_id in standards:
                    rating = rng.choice((1, 2, 3, 3, 4))
                    moderated = rng.choice((1, 2, 3, 4)) if rng.random() < 0.1 else None
                    ratings.append(
                        Section11Rating(
                            partnership=partnership,
                            section11_return=ret,
                            standard_id=standard_id,
                            rating=rating,
                            evidence="Policy reviewed by the board; training records attached.",
                            moderated_rating=moderated if moderated != rating else None,
                            moderation_note="Agreed at the challenge session" if moderated else "",
                        )
                    )
            Section11Rating.objects.bulk_create(ratings, batch_size=5000)


def run_one(database_url: str) -> None:
    setup_django(database_url)
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from bench.governance_data import make_structure
    from masa.assurance.models import Section11Cycle, Standard, StandardsKind, StandardsSet

    rng = random.Random(11)
    vendor = connection.vendor
    start = time.perf_counter()
    partnership, user = make_structure("s11-bench", 3, 5, rng)
    standards_set = StandardsSet.objects.create(
        partnership=partnership, name="Section 11 standards", kind=StandardsKind.SECTION_11
    )
    Standard.objects.bulk_create(
        [
            Standard(
                partnership=partnership,
                standards_set=standards_set,
                number=n,
                title=f"Standard {n}",
                **{f"descriptor_{r}": f"What {r} looks like for standard {n}" for r in range(1, 5)},
            )
            for n in range(1, STANDARDS + 1)
        ]
    )
    today = timezone.localdate()
    cycles = [
        Section11Cycle.objects.create(
            partnership=partnership,
            standards_set=standards_set,
            title=title,
            opens_on=today - timedelta(days=days),
            deadline=today - timedelta(days=days - 60),
        )
        for title, days in (("Last year's cycle", 430), ("This year's cycle", 70))
    ]
    _add_agencies(partnership, cycles, AGENCIES, 0, rng)
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n== {vendor}: generated in {time.perf_counter() - start:.1f} s ==")
    print(
        f"  {AGENCIES:,} agencies x {STANDARDS} standards x 2 cycles = {AGENCIES * STANDARDS * 2:,} ratings"
    )

    client = Client()
    client.force_login(user)
    current = cycles[1]
    page = reverse("assurance:cycle_detail", args=[partnership.slug, current.uuid])
    added = max(1, AGENCIES // 10)
    measure_pages(
        client,
        [("heat map", page)],
        requests=REQUESTS,
        target_ms=PAGE_TARGET_MS,
        grow=lambda: _add_agencies(partnership, cycles, added, AGENCIES, rng),
        grow_note=f"; {added} agencies",
    )
    export = reverse("assurance:cycle_export", args=[partnership.slug, current.uuid])
    samples = []
    for _ in range(5):
        begin = time.perf_counter()
        response = client.get(export)
        samples.append(time.perf_counter() - begin)
        assert response.status_code == 200, response.status_code
    took = statistics.median(samples)
    print(
        f"results spreadsheet ({len(response.content) / 1024:.0f} KB): median {took:.2f} s of 5, "
        f"{took / EXPORT_TARGET_S:.2f} of the {EXPORT_TARGET_S:.0f} s target"
    )


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    run_per_database(__file__, PG_DB)


if __name__ == "__main__":
    main()
