"""Thirty people booking the last five places at the same moment
(docs/domain.md, "21.3 Booking, the waiting list and registering").

Each person books from their own thread with their own database connection, all released
together by a barrier. On PostgreSQL the session's row lock serves them one at a time: exactly
five get a place, the other twenty-five join the waiting list in the order they were served,
and the session's count of booked places matches the booked rows. SQLite takes one writer at a
time (`transaction_mode: IMMEDIATE`); there the same run must finish without an error.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection, connections

from masa.accounts.models import Role
from masa.training.models import Booking, BookingStatus
from masa.training.services.booking import book_place
from tests.factories import member
from tests.training.world import _with_agency, make_world

PEOPLE = 30


def _book_together(session, people) -> list[BaseException]:
    barrier = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def book(person) -> None:
        try:
            barrier.wait(timeout=30)
            book_place(actor=person, session=session, person=person)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _session_with_five_places_left():
    w = make_world("rush")
    for _ in range(5):
        earlier = _with_agency(member(w.partnership, Role.PRACTITIONER, mfa=False), w.partnership, w.agency)
        book_place(actor=earlier, session=w.coming, person=earlier)
    people = [
        _with_agency(member(w.partnership, Role.PRACTITIONER, mfa=False), w.partnership, w.agency)
        for _ in range(PEOPLE)
    ]
    w.coming.refresh_from_db()
    assert (w.coming.capacity, w.coming.places_left) == (10, 5)
    return w.coming, people


@pytest.mark.django_db(transaction=True)
def test_thirty_people_booking_the_last_five_places_at_once():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are PostgreSQL's; SQLite's run is the test below")
    session, people = _session_with_five_places_left()

    errors = _book_together(session, people)

    assert errors == []
    _check_the_rush(session, people)


def _check_the_rush(session, people) -> None:
    rush = list(Booking.objects.filter(person__in=people).order_by("requested_at", "pk"))
    assert len(rush) == PEOPLE
    statuses = [b.status for b in rush]
    # The first five served got the places; everyone served after them waits, in that order.
    assert statuses == [BookingStatus.BOOKED] * 5 + [BookingStatus.WAITLISTED] * 25
    times = [b.requested_at for b in rush]
    assert times == sorted(times) and len(set(times)) == PEOPLE
    session.refresh_from_db()
    booked_rows = Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    assert session.booked_count == booked_rows == session.capacity == 10


@contextmanager
def _on_a_file(tmp_path: Path) -> Iterator[None]:
    """Run on a file copy of the test database. The in-memory test database shares one cache
    between connections, where a writer that finds another at work fails at once ("database
    table is locked") instead of waiting its turn; masa runs SQLite on a file, where it waits."""
    settings = connection.settings_dict
    memory_name = settings["NAME"]
    copy = str(tmp_path / "rush.sqlite3")
    connection.ensure_connection()
    memory = connection.connection
    with sqlite3.connect(copy) as target:
        memory.backup(target)
    # Django never closes an in-memory database's connection (it would lose the database), so
    # this thread's is put aside and given back afterwards.
    connection.connection = None
    settings["NAME"] = copy
    try:
        yield
    finally:
        connection.close()
        settings["NAME"] = memory_name
        connection.connection = memory


@pytest.mark.django_db(transaction=True)
def test_the_same_rush_on_sqlite_finishes_without_errors(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("The PostgreSQL run is the test above")
    session, people = _session_with_five_places_left()

    with _on_a_file(tmp_path):
        errors = _book_together(session, people)
        assert errors == []
        _check_the_rush(session, people)
