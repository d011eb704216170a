"""Load Hounslow's multi-agency training (masa/demo/training_data.py).

Written straight to the records, as the history happened: the needs analysis of November 2023,
the programme launched in March 2024 with its sessions, who came, charges, evaluations and
impact follow-ups, and the coming term's sessions with their first bookings. The attendees are
practitioner accounts without a password (they book in the story; nobody signs in as them).
Idempotent: a partnership that already has a course is left alone.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from masa.accounts.models import Membership, Role, User, hash_secret
from masa.demo import training_data as data
from masa.partnership.models import Agency, Partnership, PartnershipAgency, Person, Priority
from masa.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Course,
    Evaluation,
    FollowUpRespondent,
    ImpactFollowUp,
    NeedsAnalysis,
    NeedsAnswer,
    NeedsResponse,
    NeedsTopic,
    RegistrationDomain,
    TrainingPolicy,
    TrainingSession,
)

LONDON = ZoneInfo("Europe/London")
LEVELS = ("foundation", "intermediate", "advanced")


def _at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=LONDON)


def load_training_demo() -> None:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    if partnership is None or Course.objects.filter(partnership=partnership).exists():
        return
    agencies = _agencies(partnership)
    coordinator = Person.objects.get(
        partnership=partnership, job_title="Training and Development Manager"
    ).user
    TrainingPolicy.objects.update_or_create(
        partnership=partnership,
        defaults={
            **data.POLICY,
            "no_show_charge": Decimal(data.POLICY["no_show_charge"]),
            "late_cancellation_charge": Decimal(data.POLICY["late_cancellation_charge"]),
        },
    )
    for domain, agency_key in data.REGISTRATION_DOMAINS:
        RegistrationDomain.objects.create(partnership=partnership, agency=agencies[agency_key], domain=domain)
    topics = _needs_analysis(partnership, agencies)
    courses = _courses(partnership, topics)
    people = _practitioners(partnership, agencies)
    _launch(partnership, courses, people, coordinator)
    _coming_term(partnership, courses, people)


def _agencies(partnership: Partnership) -> dict[str, Agency]:
    """The demo's agency keys, matched through the structure data's names."""
    from masa.demo.structure_data import PARTNERSHIPS

    names = {
        a["key"]: a["name"] for p in PARTNERSHIPS if p["slug"] == partnership.slug for a in p["agencies"]
    }
    by_name = {
        pa.agency.name: pa.agency
        for pa in PartnershipAgency.objects.filter(partnership=partnership).select_related("agency")
    }
    return {key: by_name[name] for key, name in names.items() if name in by_name}


def _needs_analysis(partnership: Partnership, agencies: dict[str, Agency]) -> dict[str, NeedsTopic]:
    spec = data.NEEDS_ANALYSIS
    analysis = NeedsAnalysis.objects.create(
        partnership=partnership,
        title=spec["title"],
        opens_on=spec["opens_on"],
        closes_on=spec["closes_on"],
        introduction=spec["introduction"],
        closed_at=_at(spec["closes_on"], "17:00"),
    )
    priorities = {p.title: p for p in Priority.objects.filter(partnership=partnership, plan__start_year=2021)}
    topics = {
        name: NeedsTopic.objects.create(
            partnership=partnership,
            analysis=analysis,
            name=name,
            priority=priorities.get(priority or ""),
            order=order,
        )
        for order, (name, priority) in enumerate(spec["topics"], start=1)
    }
    leads = {
        m.agency_id: m.user
        for m in Membership.objects.filter(partnership=partnership, role=Role.AGENCY_LEAD).select_related(
            "user"
        )
    }
    for n, (agency_key, counts, comments) in enumerate(spec["responses"]):
        agency = agencies[agency_key]
        response = NeedsResponse.objects.create(
            partnership=partnership,
            analysis=analysis,
            agency=agency,
            submitted_by=leads.get(agency.pk),
            submitted_at=_at(spec["opens_on"] + timedelta(days=8 + 5 * n), "15:00"),
            comments=comments,
        )
        NeedsAnswer.objects.bulk_create(
            NeedsAnswer(partnership=partnership, response=response, topic=topic, level=level, staff=staff)
            for topic, per_level in zip(topics.values(), counts, strict=True)
            for level, staff in zip(LEVELS, per_level, strict=True)
        )
    return topics


def _courses(partnership: Partnership, topics: dict[str, NeedsTopic]) -> dict[str, Course]:
    priorities = {p.title: p for p in Priority.objects.filter(partnership=partnership, plan__start_year=2021)}
    courses = {}
    for spec, published in [*((c, True) for c in data.COURSES), (data.DRAFT_COURSE, False)]:
        course = Course.objects.create(
            partnership=partnership,
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            level=spec["level"],
            audience=spec["audience"],
            learning_outcomes="\n".join(spec["outcomes"]),
            cpd_hours=Decimal(spec["cpd_hours"]),
            trainer=spec["trainer"],
            is_published=published,
        )
        course.priorities.set(priorities[title] for title in spec["priorities"])
        course.needs_topics.set(topics[name] for name in spec["topics"])
        courses[spec["slug"]] = course
    return courses


def _practitioners(partnership: Partnership, agencies: dict[str, Agency]) -> list[tuple[User, Agency]]:
    people = []
    for name, agency_key in data.PRACTITIONERS:
        local = name.lower().replace("'", "").replace("ś", "s").replace(" ", ".")
        email = f"{local}@{data.EMAIL_DOMAINS[agency_key]}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, full_name=name)
            user.set_unusable_password()
            user.save()
        Membership.objects.get_or_create(
            user=user,
            partnership=partnership,
            defaults={"role": Role.PRACTITIONER, "agency": agencies[agency_key]},
        )
        people.append((user, agencies[agency_key]))
    return people


def _session(partnership, course, day, start, end, capacity, online_link="") -> TrainingSession:
    return TrainingSession.objects.create(
        partnership=partnership,
        course=course,
        starts_at=_at(day, start),
        ends_at=_at(day, end),
        venue="" if online_link else data.VENUE,
        online_link=online_link,
        capacity=capacity,
    )


def _launch(partnership, courses, people, coordinator) -> None:
    policy = TrainingPolicy.objects.get(partnership=partnership)
    for offset, (slug, day, start, end, capacity) in enumerate(data.LAUNCH_SESSIONS):
        course = courses[slug]
        session = _session(partnership, course, day, start, end, capacity)
        outcomes = data.LAUNCH_BOOKINGS[slug]
        booked = 0
        attendees = 0
        for n, outcome in enumerate(outcomes):
            person, agency = people[(offset * 5 + n) % len(people)]
            requested = _at(date(2024, 2, 12) + timedelta(days=n + offset), "10:00")
            cancelled = outcome in "cx"
            # "c" two days before (inside the cut-off), "x" a fortnight before.
            cancelled_on = day - timedelta(days=2 if outcome == "c" else 14)
            cancelled_at = _at(cancelled_on, "09:00") if cancelled else None
            booking = Booking.objects.create(
                partnership=partnership,
                session=session,
                person=person,
                agency=agency,
                booked_by=person,
                status=BookingStatus.CANCELLED if cancelled else BookingStatus.BOOKED,
                requested_at=requested,
                cancelled_at=cancelled_at,
                attendance={"a": Attendance.ATTENDED, "l": Attendance.LATE, "n": Attendance.NO_SHOW}.get(
                    outcome, ""
                ),
                attendance_by=coordinator if not cancelled else None,
                attendance_at=session.ends_at if not cancelled else None,
                evaluation_invited_at=session.ends_at + timedelta(hours=1) if outcome in "al" else None,
            )
            booked += not cancelled
            if outcome in "nc":
                reason = ChargeReason.NO_SHOW if outcome == "n" else ChargeReason.LATE_CANCELLATION
                amount = policy.no_show_charge if outcome == "n" else policy.late_cancellation_charge
                waived = outcome == "n" and slug == data.WAIVED[0]
                Charge.objects.create(
                    partnership=partnership,
                    booking=booking,
                    agency=agency,
                    reason=reason,
                    amount=amount,
                    charged_on=day if outcome == "n" else cancelled_on,
                    waived_at=_at(day + timedelta(days=3), "11:00") if waived else None,
                    waived_by=coordinator if waived else None,
                    waiver_reason=data.WAIVED[1] if waived else "",
                )
            if outcome in "al":
                _after(partnership, booking, attendees, slug, day, policy.follow_up_weeks)
                attendees += 1
        session.booked_count = booked
        session.save(update_fields=["booked_count"])


def _after(partnership, booking, position, slug, day, weeks) -> None:
    """The attendee's evaluation (most send one) and, for the first two of each session, the
    impact follow-up: the first answered and quotable, the second still unanswered."""
    if position % 7 != 6:
        before, after, useful = data.EVALUATION_PATTERN[position % len(data.EVALUATION_PATTERN)]
        Evaluation.objects.create(
            partnership=partnership,
            booking=booking,
            confidence_before=before,
            confidence_after=after,
            usefulness=useful,
            best_thing=data.BEST_THINGS[[c["slug"] for c in data.COURSES].index(slug)]
            if position < 3
            else "",
        )
    if position < 2:
        sent = _at(day + timedelta(weeks=weeks), "08:00")
        answer = data.IMPACT_ANSWERS[slug] if position == 0 else ("", "")
        ImpactFollowUp.objects.create(
            partnership=partnership,
            booking=booking,
            respondent=FollowUpRespondent.ATTENDEE,
            email=booking.person.email,
            # Demo links were never sent anywhere: a hash of nothing anyone holds.
            token_hash=hash_secret(f"demo-{booking.uuid}"),
            due_on=sent.date(),
            sent_at=sent,
            answered_at=sent + timedelta(days=4) if position == 0 else None,
            practice_changed=answer[0],
            outcome_for_children=answer[1],
            may_quote=position == 0,
        )


def _coming_term(partnership, courses, people) -> None:
    """The next sessions, with the first bookings; the small online education session is full
    with two people waiting."""
    for offset, (slug, day, start, end, capacity, link) in enumerate(data.COMING_SESSIONS):
        session = _session(partnership, courses[slug], day, start, end, capacity, link)
        wanted = capacity + 2 if capacity < 10 else 4 + offset
        booked = 0
        for n in range(wanted):
            person, agency = people[(offset * 7 + n) % len(people)]
            full = booked >= capacity
            Booking.objects.create(
                partnership=partnership,
                session=session,
                person=person,
                agency=agency,
                booked_by=person,
                status=BookingStatus.WAITLISTED if full else BookingStatus.BOOKED,
                requested_at=_at(date(2026, 11, 2) + timedelta(days=n % 20), "11:00"),
            )
            booked += not full
        session.booked_count = booked
        session.save(update_fields=["booked_count"])
