"""The public training calendar at scale (docs/domain.md, "21.2 Courses, sessions and the public
calendar").

Run with `make bench` (or `uv run python bench/training_calendar.py`). Each database runs in its
own child process on a throw-away database (SQLite in a temp file, PostgreSQL as
masa_bench_training_calendar when the local server answers). Generates a partnership with 20
published courses on four priorities and 2,000 sessions over the next three years (some full,
some online), then times the public calendar's first page, a late page and a filtered page, and
counts their queries before and after adding 10% more sessions: the first and the late page must
cost the same queries, and no count may grow. Prints p50/p95 and the ratio to the target (p95
under 150 ms); it does not assert (tests do that).

BENCH_SCALE (default 1) scales the number of sessions; BENCH_REQUESTS (default 50) is the number
of timed requests of each page.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import measure_pages, run_per_database, setup_django  # noqa: E402

TARGET_MS = 150.0
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SESSIONS = max(100, int(2000 * SCALE))
COURSES = 20
YEARS = 3
PG_DB = "masa_bench_training_calendar"


def _add_sessions(partnership, courses, count: int, rng: random.Random) -> None:
    """`count` sessions spread over the next three years, a fifth online, a tenth full."""
    from datetime import timedelta

    from auditlog.context import disable_auditlog
    from django.utils import timezone

    from masa.training.models import TrainingSession

    first = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0) + timedelta(days=1)
    sessions = []
    for _ in range(count):
        starts = first + timedelta(days=rng.randrange(365 * YEARS), hours=rng.choice((0, 4)))
        online = rng.random() < 0.2
        capacity = rng.choice((12, 20, 30))
        sessions.append(
            TrainingSession(
                partnership=partnership,
                course=rng.choice(courses),
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                venue="" if online else "Civic Centre, Lampton Road",
                online_link="https://meet.example.org/training" if online else "",
                capacity=capacity,
                booked_count=capacity if rng.random() < 0.1 else rng.randrange(capacity),
            )
        )
    with disable_auditlog():
        TrainingSession.objects.bulk_create(sessions, batch_size=1000)


def run_one(database_url: str) -> None:
    setup_django(database_url)
    from decimal import Decimal

    from auditlog.context import disable_auditlog
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from bench.governance_data import make_structure
    from masa.partnership.models import Priority, StrategicPlan
    from masa.training.models import Course, Level

    rng = random.Random(21)
    vendor = connection.vendor
    start = time.perf_counter()
    partnership, _user = make_structure("training-bench", 3, 5, rng)
    with disable_auditlog():
        plan = StrategicPlan.objects.create(
            partnership=partnership, start_year=2024, end_year=2027, title="Plan"
        )
        priorities = [
            Priority.objects.create(partnership=partnership, plan=plan, title=title, order=n)
            for n, title in enumerate(("Child sexual abuse", "Neglect", "Adolescents", "Education"))
        ]
        courses = []
        for n in range(COURSES):
            course = Course.objects.create(
                partnership=partnership,
                title=f"Course {n:02d}: safeguarding in practice",
                slug=f"course-{n:02d}",
                summary="What to look for and what to do.",
                level=Level.values[n % len(Level.values)],
                audience="Practitioners in every agency",
                learning_outcomes="Recognise the signs\nKnow the pathway",
                cpd_hours=Decimal("3.0"),
                trainer="Partnership training pool",
                is_published=True,
            )
            course.priorities.add(priorities[n % len(priorities)])
            courses.append(course)
    _add_sessions(partnership, courses, SESSIONS, rng)
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n== {vendor}: generated in {time.perf_counter() - start:.1f} s ==")
    print(f"  {SESSIONS:,} sessions of {COURSES} courses over {YEARS} years")

    client = Client()  # signed out: the public calendar
    calendar = reverse("training:calendar", args=[partnership.slug])
    late = SESSIONS // 25 - 1
    pages = [
        ("calendar page 1", calendar),
        (f"calendar page {late}", f"{calendar}?page={late}"),
        (
            "filtered",
            f"{calendar}?level=intermediate&mode=in_person&places_left=on&priority={priorities[1].pk}",
        ),
    ]
    added = max(1, SESSIONS // 10)
    measure_pages(
        client,
        pages,
        requests=REQUESTS,
        target_ms=TARGET_MS,
        grow=lambda: _add_sessions(partnership, courses, added, rng),
        grow_note=f"; {added} sessions",
    )


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    run_per_database(__file__, PG_DB)


if __name__ == "__main__":
    main()
