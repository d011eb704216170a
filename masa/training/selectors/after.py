"""Reads of what follows a session (docs/domain.md, "21.5 Certificates, evaluation and impact").

A person sees their own certificates and evaluations only; the training coordinator may open
anyone's certificate in the partnership. A booking outside that is "not found". The impact
summary per course never names anyone: quotes come only from answers that may be quoted.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from masa.accounts.models import User, hash_secret
from masa.core.dates import financial_year_start
from masa.indicators import charts
from masa.partnership.models import Partnership
from masa.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    ImpactFollowUp,
    TrainingSession,
)
from masa.training.rules import MANAGE_TRAINING

ATTENDED = (Attendance.ATTENDED, Attendance.LATE)


def attended(qs: QuerySet[Booking], *, now: datetime | None = None) -> QuerySet[Booking]:
    """Bookings the register marked attended or late, of sessions that have started (a register
    taken early does not make a certificate for a session still to come)."""
    return qs.filter(
        status=BookingStatus.BOOKED,
        attendance__in=ATTENDED,
        session__starts_at__lte=now or timezone.now(),
    )


def _bookings(partnership: Partnership) -> QuerySet[Booking]:
    return Booking.objects.filter(partnership=partnership).select_related(
        "session__course", "person", "partnership"
    )


def own_booking(user: User, partnership: Partnership, uuid: Any) -> Booking | None:
    """One of the user's own bookings, whatever its state; someone else's is None."""
    return _bookings(partnership).filter(uuid=uuid, person=user).first()


def certificate_booking(user: User, partnership: Partnership, uuid: Any) -> Booking | None:
    """The booking whose certificate the user may download: their own, or anyone's for the
    training coordinator. None also when the booking earns no certificate (not attended, cancelled,
    a session still to come), so the page says there is none."""
    qs = attended(_bookings(partnership)).filter(uuid=uuid)
    if not user.has_perm(MANAGE_TRAINING, partnership):
        qs = qs.filter(person=user)
    return qs.first()


def may_see_booking(user: User, partnership: Partnership, uuid: Any) -> bool:
    """Whether the booking is the user's own, or the user is the coordinator (who sees any)."""
    qs = _bookings(partnership).filter(uuid=uuid)
    if not user.has_perm(MANAGE_TRAINING, partnership):
        qs = qs.filter(person=user)
    return qs.exists()


def partnership_year(day: date) -> str:
    """The partnership year (1 April to 31 March) a day falls in, as "2024-25"."""
    start = financial_year_start(day)
    return f"{start}-{str(start + 1)[-2:]}"


@dataclass
class CertificateYear:
    """A partnership year's attended sessions and their CPD hours, newest first."""

    year: str
    bookings: list[Booking] = field(default_factory=list)

    @property
    def cpd_hours(self) -> Decimal:
        return sum((b.session.course.cpd_hours for b in self.bookings), Decimal(0))


def my_certificates(user: User, partnership: Partnership) -> list[CertificateYear]:
    """The user's attended sessions grouped by partnership year (newest first), each with the
    year's total CPD hours; each booking knows whether its evaluation was sent."""
    bookings = attended(_bookings(partnership).filter(person=user)).order_by("-session__starts_at")
    bookings = bookings.annotate(evaluated=Count("evaluation"))
    years: dict[str, CertificateYear] = {}
    for booking in bookings:
        year = partnership_year(timezone.localdate(booking.session.starts_at))
        years.setdefault(year, CertificateYear(year)).bookings.append(booking)
    return list(years.values())


def has_attended(booking: Booking) -> bool:
    """The register shows the person attended (or came late) and the session has started."""
    return attended(Booking.objects.filter(pk=booking.pk)).exists()


def has_evaluation(booking: Booking) -> bool:
    return Evaluation.objects.filter(booking=booking).exists()


# Impact follow-ups ------------------------------------------------------------------------


def follow_up_get(follow_up_id: int) -> ImpactFollowUp | None:
    return (
        ImpactFollowUp.objects.filter(pk=follow_up_id)
        .select_related("booking__session__course", "partnership")
        .first()
    )


# The impact summary per course -------------------------------------------------------------


def course_get(partnership: Partnership, slug: str) -> Course | None:
    return Course.objects.filter(partnership=partnership, slug=slug).first()


def _average(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


@dataclass
class EvaluationFigures:
    count: int
    before: Decimal | None
    after: Decimal | None
    usefulness: Decimal | None

    @property
    def rise(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _figures(row: dict[str, Any] | None) -> EvaluationFigures:
    """Evaluation figures from an aggregate row (count and the three averages); none without one."""
    if not row:
        return EvaluationFigures(0, None, None, None)
    return EvaluationFigures(
        count=row["count"],
        before=_average(row["before"]),
        after=_average(row["after"]),
        usefulness=_average(row["usefulness"]),
    )


EVALUATION_AVERAGES = {
    "count": Count("pk"),
    "before": Avg("confidence_before"),
    "after": Avg("confidence_after"),
    "usefulness": Avg("usefulness"),
}


@dataclass
class SessionImpact:
    session: TrainingSession
    attended: int
    evaluations: EvaluationFigures
    follow_ups_sent: int
    follow_ups_answered: int


@dataclass
class Quote:
    """An answer to a follow-up that may be quoted: what it says, never who said it."""

    session: TrainingSession
    respondent: str
    practice_changed: str
    outcome_for_children: str


@dataclass
class CourseImpact:
    course: Course
    evaluations: EvaluationFigures
    follow_ups_sent: int
    follow_ups_answered: int
    sessions: list[SessionImpact]
    quotes: list[Quote]


def course_impact(course: Course) -> CourseImpact:
    """Evaluations, follow-ups and quotable answers of a course, overall and per session (sessions
    that have started, oldest first). A few queries whatever the number of sessions."""
    now = timezone.now()
    evaluations = Evaluation.objects.filter(booking__session__course=course)
    follow_ups = ImpactFollowUp.objects.filter(booking__session__course=course)
    sessions = (
        TrainingSession.objects.filter(course=course, starts_at__lte=now)
        .annotate(
            attended_count=Count(
                "bookings",
                filter=Q(bookings__status=BookingStatus.BOOKED, bookings__attendance__in=ATTENDED),
                distinct=True,
            ),
        )
        .order_by("starts_at")
    )
    per_session_evaluations: dict[int, dict[str, Any]] = {
        row["booking__session"]: dict(row)
        for row in evaluations.values("booking__session").annotate(**EVALUATION_AVERAGES)
    }
    per_session_follow_ups = {
        row["booking__session"]: row
        for row in follow_ups.values("booking__session").annotate(
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
        )
    }
    rows = []
    for session in sessions:
        counts = per_session_follow_ups.get(session.pk, {"sent": 0, "answered": 0})
        rows.append(
            SessionImpact(
                session=session,
                attended=session.attended_count,  # type: ignore[attr-defined]
                evaluations=_figures(per_session_evaluations.get(session.pk)),
                follow_ups_sent=counts["sent"],
                follow_ups_answered=counts["answered"],
            )
        )
    quotable = (
        follow_ups.filter(answered_at__isnull=False, may_quote=True)
        .select_related("booking__session")
        .order_by("booking__session__starts_at", "answered_at")
    )
    return CourseImpact(
        course=course,
        evaluations=_figures(evaluations.aggregate(**EVALUATION_AVERAGES)),
        follow_ups_sent=follow_ups.filter(sent_at__isnull=False).count(),
        follow_ups_answered=follow_ups.filter(answered_at__isnull=False).count(),
        sessions=rows,
        quotes=[
            Quote(
                session=f.booking.session,
                respondent=f.get_respondent_display(),
                practice_changed=f.practice_changed,
                outcome_for_children=f.outcome_for_children,
            )
            for f in quotable
        ],
    )


def follow_up_for_link(partnership: Partnership, token: str) -> ImpactFollowUp | None:
    """The sent follow-up a one-use link's secret belongs to, in this partnership; None for a link
    that was never sent, was changed, or belongs elsewhere."""
    return (
        ImpactFollowUp.objects.filter(
            partnership=partnership, token_hash=hash_secret(token), sent_at__isnull=False
        )
        .select_related("booking__session__course")
        .first()
    )


def public_partnership(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def confidence_chart(impact: CourseImpact) -> SafeString | None:
    """Average confidence before and after the course, as bars (the figures per session are in
    the table beside it); None before any evaluation."""
    figures = impact.evaluations
    if not figures.count:
        return None
    svg = charts.bar_chart(
        [charts.Point("Before", figures.before), charts.Point("After", figures.after)],
        title=f"Average confidence before and after {impact.course.title} (1 to 5)",
        y_label="Average confidence (1 to 5)",
        chart_id=f"training-confidence-{impact.course.uuid}",
        highlight=None,
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts
