"""The same register sent twice at once (two tabs, a double click) on PostgreSQL: the booked
rows are locked while they are marked, so exactly one is saved, the other is refused by name
and the no-show is charged once (docs/domain.md, "21.4 The register and charges")."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from masa.training.models import Attendance, Charge
from masa.training.services.register import record_attendance
from tests.training.test_register import book
from tests.training.world import make_world

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Row locks are PostgreSQL's"),
]


def test_a_register_sent_twice_at_once_is_saved_once():
    w = make_world("tr-race")
    bookings = [book(w, w.past, w.practitioner), book(w, w.past, w.colleague)]
    marks = {bookings[0].pk: Attendance.ATTENDED, bookings[1].pk: Attendance.NO_SHOW}
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def send() -> None:
        try:
            start.wait()
            record_attendance(actor=w.business_team, session=w.past, marks=marks)
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(" ".join(m for ms in error.message_dict.values() for m in ms))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 2 and outcomes.count("saved") == 1
    refused = next(o for o in outcomes if o != "saved")
    assert "is already recorded" in refused
    assert Charge.objects.filter(booking=bookings[1]).count() == 1
