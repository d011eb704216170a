"""Training booking benchmark: bookings per second through the booking page on PostgreSQL.

Run with `make bench` (or `uv run python bench/training_booking.py`). Creates a throw-away
PostgreSQL database (masa_bench_booking, with createdb/dropdb), a partnership with one session
of a large capacity and BENCH_PEOPLE practitioners (default 1,600), each signed in already;
starts gunicorn on it (production settings, local only) and drives the booking page with locust
(headless, as a child process running this same file) at BENCH_USERS users each booking once a
second (default 60, so about 60 bookings a second) for BENCH_SECONDS (default 20). Prints the
bookings a second, the errors (there must be none) and the 95th percentile time, then checks the
session's count of booked places against the booked rows and that no one holds two places.
It prints figures and does not assert (tests do that). PostgreSQL only: booking under load is
a PostgreSQL requirement (docs/domain.md, "21.3 Booking, the waiting list and registering").
"""

import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PG_DB = "masa_bench_booking"
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "1600"))
USERS = int(os.environ.get("BENCH_USERS", "60"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
TARGET_PER_SECOND = 50
CAPACITY = 30_000
# locust runs this file as its locustfile; these tell it whom to sign in as and where to book.
PEOPLE_FILE = "MASA_BENCH_BOOKING_PEOPLE"
BOOK_PATH = "MASA_BENCH_BOOKING_PATH"


if os.environ.get(PEOPLE_FILE):  # imported by locust, in its own process
    from locust import constant_throughput, task
    from locust.contrib.fasthttp import FastHttpUser

    _signed_in = iter(json.loads(Path(os.environ[PEOPLE_FILE]).read_text()))
    _CSRF = secrets.token_hex(16)  # any 32-character secret, sent as the cookie and in the form

    class Practitioner(FastHttpUser):
        """Books one person a place each second, as a different signed-in person each time."""

        wait_time = constant_throughput(1)

        @task
        def book(self) -> None:
            session_key = next(_signed_in, None)
            if session_key is None:
                return
            with self.client.post(
                os.environ[BOOK_PATH],
                data={"csrfmiddlewaretoken": _CSRF, "manager_email": ""},
                headers={"Cookie": f"sessionid={session_key}; csrftoken={_CSRF}"},
                allow_redirects=False,
                name="book a place",
                catch_response=True,
            ) as response:
                # Booked (or waitlisted): back to the session's page; anything else is an error,
                # a redirect to the sign-in page included.
                location = response.headers.get("Location", "")
                if response.status_code != 302 or not location.endswith(
                    os.environ[BOOK_PATH].removesuffix("book/")
                ):
                    response.failure(f"HTTP {response.status_code} {location}")


def _prepare(database_url: str) -> tuple[str, list[str], object]:
    """The partnership, the session, the practitioners and their signed-in sessions."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.harness import setup_django

    setup_django(database_url)
    from datetime import timedelta
    from decimal import Decimal

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import reverse
    from django.utils import timezone

    from masa.accounts.models import Membership, Role, User
    from masa.partnership.models import Agency, AgencyStatus, AgencyType, Partnership, PartnershipAgency
    from masa.training.models import Course, Level, TrainingSession

    partnership = Partnership.objects.create(
        slug="bench-booking", name="Bench Safeguarding Children Partnership", local_authority="Bench"
    )
    agency = Agency.objects.create(name="Bench Health Trust", agency_type=AgencyType.HEALTH)
    PartnershipAgency.objects.create(
        partnership=partnership, agency=agency, status=AgencyStatus.STATUTORY_PARTNER
    )
    course = Course.objects.create(
        partnership=partnership,
        title="Recognising and responding to neglect",
        slug="neglect",
        summary="Spotting neglect early.",
        level=Level.INTERMEDIATE,
        audience="Everyone",
        learning_outcomes="Recognise neglect",
        cpd_hours=Decimal("3.0"),
        trainer="Bench trainers",
        is_published=True,
    )
    starts = timezone.now() + timedelta(days=30)
    session = TrainingSession.objects.create(
        partnership=partnership,
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        venue="Civic Centre",
        capacity=CAPACITY,
    )
    users = User.objects.bulk_create(
        User(email=f"practitioner{n}@bench-health.nhs.uk", full_name=f"Practitioner {n}", password="!")  # noqa: S106 (unusable)
        for n in range(PEOPLE)
    )
    Membership.objects.bulk_create(
        Membership(user=user, partnership=partnership, role=Role.PRACTITIONER, agency=agency)
        for user in users
    )
    keys = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store["masa_last_seen"] = int(time.time())
        store.create()
        keys.append(store.session_key)
    return reverse("training:session_book", args=[partnership.slug, session.uuid]), keys, session


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:  # noqa: S310 (a local address)
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _summary(stats_csv: Path) -> dict[str, str]:
    with stats_csv.open() as rows:
        return next(row for row in csv.DictReader(rows) if row["Name"] == "Aggregated")


def _check(session) -> None:
    from django.db.models import Count

    from masa.training.models import Booking, BookingStatus

    session.refresh_from_db()
    booked = Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    twice = (
        Booking.objects.filter(session=session)
        .exclude(status=BookingStatus.CANCELLED)
        .values("person")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    print(
        f"afterwards: booked_count {session.booked_count}, booked rows {booked} "
        f"({'equal' if session.booked_count == booked else 'DIFFERENT'}); "
        f"people with two places: {twice}"
    )


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode:
        print("PostgreSQL is not answering on 127.0.0.1:5432: the booking bench needs it, skipped")
        return
    host = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", PG_DB], check=False)
    subprocess.run(["createdb", *host, PG_DB], check=True)
    database_url = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    server = None
    try:
        start = time.perf_counter()
        # The sessions are signed here and read by gunicorn: one secret key for both.
        os.environ["MASA_SECRET_KEY"] = secrets.token_urlsafe(48)
        path, keys, session = _prepare(database_url)
        prepared = time.perf_counter() - start
        print(f"\n== postgresql: {PEOPLE:,} practitioners signed in, prepared in {prepared:.1f} s ==")
        port = _free_port()
        web_env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MASA_DEBUG": "0",
            "MASA_SSL_REDIRECT": "0",
            "MASA_ALLOWED_HOSTS": "127.0.0.1",
            "MASA_SITE_URL": f"http://127.0.0.1:{port}",
        }
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "masa.wsgi",
                f"--bind=127.0.0.1:{port}",
                f"--workers={WORKERS}",
                "--log-level=warning",
            ],
            cwd=root,
            env=web_env,
        )
        _wait_until_up(f"http://127.0.0.1:{port}/healthz")
        with tempfile.TemporaryDirectory() as tmp:
            people = Path(tmp) / "people.json"
            people.write_text(json.dumps(keys))
            subprocess.run(
                [
                    str(Path(sys.executable).parent / "locust"),
                    "-f",
                    __file__,
                    "--headless",
                    f"--users={USERS}",
                    f"--spawn-rate={USERS}",
                    f"--run-time={SECONDS}s",
                    f"--host=http://127.0.0.1:{port}",
                    f"--csv={tmp}/booking",
                    "--only-summary",
                    "--loglevel=WARNING",
                ],
                cwd=root,
                env={**os.environ, PEOPLE_FILE: str(people), BOOK_PATH: path},
                check=False,
                stdout=subprocess.DEVNULL,
            )
            summary = _summary(Path(tmp) / "booking_stats.csv")
        rate = float(summary["Requests/s"])
        errors = int(summary["Failure Count"])
        print(
            f"{USERS} locust users for {SECONDS} s against {WORKERS} gunicorn workers: "
            f"{int(summary['Request Count']):,} bookings, {rate:.1f} bookings/s "
            f"({'at or above' if rate >= TARGET_PER_SECOND else 'BELOW'} {TARGET_PER_SECOND}/s), "
            f"errors {errors}, p50 {summary['50%']} ms, p95 {summary['95%']} ms"
        )
        _check(session)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        subprocess.run(["dropdb", *host, "--if-exists", PG_DB], check=False)


if __name__ == "__main__":
    main()
