"""Hand-counted training rows for the figures of 2023-24 (docs/domain.md, "21.6 Figures for the
yearly report"), written with the ORM on top of the training test world.

In 2023-24 (1 April 2023 to 31 March 2024), not counting a cancelled session and sessions either
side of the year:
- the neglect course (priority Neglect), 10 May 2023, 10 places: attended, late (other agency),
  no-show, waitlisted, cancelled booking;
- a course on two priorities (Neglect and Adolescents), 1 February 2024, 5 places: attended,
  no-show (other agency);
- a course on no priority, 20 March 2024, 8 places: attended.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import count

from django.utils import timezone

from masa.partnership.models import Priority
from masa.training.models import (
    Booking,
    Course,
    Evaluation,
    ImpactFollowUp,
    TrainingSession,
)
from tests.training.world import add_course, add_session

_tokens = count(1)


@dataclass
class Rows:
    two_priorities: Course
    no_priority: Course
    adolescents: Priority
    neglect_session: TrainingSession


def at(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(date(y, m, d), time(hour, minute)))


def book(session, person, agency, status="booked", attendance="") -> Booking:
    return Booking.objects.create(
        partnership=session.partnership,
        session=session,
        person=person,
        agency=agency,
        status=status,
        requested_at=session.starts_at.replace(year=session.starts_at.year - 1),
        attendance=attendance,
    )


def evaluate(booking, before, after, useful) -> Evaluation:
    return Evaluation.objects.create(
        partnership=booking.partnership,
        booking=booking,
        confidence_before=before,
        confidence_after=after,
        usefulness=useful,
    )


def follow_up(booking, respondent="attendee", *, answered=True, may_quote=True, text="x") -> ImpactFollowUp:
    return ImpactFollowUp.objects.create(
        partnership=booking.partnership,
        booking=booking,
        respondent=respondent,
        email="someone@example.org",
        token_hash=f"{next(_tokens):064d}",
        due_on=date(2024, 6, 1),
        answered_at=at(2024, 6, 2) if answered else None,
        practice_changed=text,
        outcome_for_children="Children seen sooner" if answered else "",
        may_quote=may_quote,
    )


def build_rows(w) -> Rows:
    adolescents = Priority.objects.create(
        partnership=w.partnership, plan=w.priority.plan, title="Adolescents", order=2
    )
    two = add_course(w.partnership, "two-priorities", w.priority, adolescents)
    none = add_course(w.partnership, "no-priority")

    s1 = add_session(w.course, at(2023, 5, 10), 10)
    a = book(s1, w.practitioner, w.agency, attendance="attended")
    book(s1, w.other_practitioner, w.other_agency, attendance="late")
    book(s1, w.colleague, w.agency, attendance="no_show")
    book(s1, w.agency_lead, w.agency, status="waitlisted")
    book(s1, w.other_agency_lead, w.other_agency, status="cancelled")

    s2 = add_session(two, at(2024, 2, 1), 5)
    f = book(s2, w.practitioner, w.agency, attendance="attended")
    book(s2, w.other_practitioner, w.other_agency, attendance="no_show")

    s3 = add_session(none, at(2024, 3, 20), 8)
    h = book(s3, w.colleague, w.agency, attendance="attended")

    # Not in 2023-24: a cancelled session, and sessions just either side of the year.
    cancelled = add_session(w.course, at(2023, 6, 1), 12, status="cancelled")
    book(cancelled, w.practitioner, w.agency)
    before = add_session(w.course, at(2023, 3, 31, 23, 30), 6)
    evaluate(book(before, w.practitioner, w.agency, attendance="attended"), 1, 1, 1)
    after = add_session(w.course, at(2024, 4, 1, 0, 30), 7)
    book(after, w.practitioner, w.agency, attendance="attended")

    evaluate(a, 2, 4, 5)
    evaluate(f, 3, 5, 4)
    evaluate(h, 1, 3, 3)
    follow_up(a, text="We now use the neglect toolkit at every visit")
    follow_up(f, "manager", may_quote=False, text="Not for quoting")
    follow_up(h, may_quote=True, answered=False)
    return Rows(two_priorities=two, no_priority=none, adolescents=adolescents, neglect_session=s1)
