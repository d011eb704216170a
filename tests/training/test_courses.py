"""The training coordinator's courses and sessions: the services' rules and the pages
(docs/domain.md, "21.2 Courses, sessions and the public calendar")."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from masa.core.models import SentEmail
from masa.reviews.models import Theme
from masa.training.models import Booking, BookingStatus, Course, NeedsAnalysis, NeedsTopic, TrainingSession
from masa.training.services import courses as services

COURSE = {
    "title": "Child sexual abuse: recognising and responding",
    "summary": "What abuse looks like and what to do.",
    "level": "advanced",
    "audience": "Designated safeguarding leads",
    "learning_outcomes": "Spot the signs\nKnow the pathway",
    "cpd_hours": Decimal("3.5"),
    "trainer": "CSA Centre",
}


def _course(w, **changes) -> Course:
    return services.course_save(actor=w.business_team, partnership=w.partnership, **{**COURSE, **changes})


def _book(w, session, person, status=BookingStatus.BOOKED) -> Booking:
    booking = Booking.objects.create(
        partnership=w.partnership,
        session=session,
        person=person,
        agency=w.agency,
        booked_by=person,
        status=status,
        requested_at=timezone.now(),
    )
    if status == BookingStatus.BOOKED:
        TrainingSession.objects.filter(pk=session.pk).update(booked_count=session.booked_count + 1)
        session.refresh_from_db()
    return booking


def _when(days: int, hours: int = 3) -> dict:
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=days)
    return {"starts_at": starts, "ends_at": starts + timedelta(hours=hours)}


# Services: courses -------------------------------------------------------------------------


def test_a_new_course_is_a_draft_with_a_slug_from_its_title(w):
    course = _course(w, priorities=[w.priority])
    assert course.slug == "child-sexual-abuse-recognising-and-responding"
    assert not course.is_published
    assert list(course.priorities.all()) == [w.priority]
    again = _course(w)
    assert again.slug == "child-sexual-abuse-recognising-and-responding-2"


def test_a_slug_already_used_in_the_partnership_is_refused(w, other):
    with pytest.raises(ValidationError) as error:
        _course(w, slug="neglect")
    assert error.value.message_dict == {"slug": [services.SLUG_TAKEN.format(slug="neglect")]}
    # Another partnership's course of the same slug is no obstacle.
    assert _course(other, slug="fresh").slug == "fresh"
    Course.objects.filter(slug="fresh").delete()
    assert (
        services.course_save(
            actor=other.business_team, partnership=other.partnership, slug="neglect-2", **COURSE
        ).slug
        == "neglect-2"
    )


def test_a_course_keeps_its_own_slug_when_changed(w):
    course = services.course_save(
        actor=w.business_team,
        partnership=w.partnership,
        course=Course.objects.get(pk=w.course.pk),  # a copy: the shared world's row stays as it was
        slug="neglect",
        **COURSE,
    )
    assert course.slug == "neglect"


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1")])
def test_cpd_hours_must_be_more_than_nothing(w, hours):
    with pytest.raises(ValidationError) as error:
        _course(w, cpd_hours=hours)
    assert error.value.message_dict == {"cpd_hours": [services.CPD_HOURS_POSITIVE]}
    assert not Course.objects.filter(title=COURSE["title"]).exists()


def test_another_partnerships_priority_theme_or_topic_is_refused(w, other):
    with pytest.raises(ValidationError) as error:
        _course(w, priorities=[w.priority.pk, other.priority.pk])
    assert "priorities" in error.value.message_dict
    theme = Theme.objects.create(partnership=other.partnership, name="Neglect", slug="neglect")
    with pytest.raises(ValidationError):
        _course(w, themes=[theme])
    analysis = NeedsAnalysis.objects.create(
        partnership=other.partnership,
        title="TNA",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
    )
    topic = NeedsTopic.objects.create(partnership=other.partnership, analysis=analysis, name="Neglect")
    with pytest.raises(ValidationError):
        _course(w, needs_topics=[topic])
    assert not Course.objects.filter(title=COURSE["title"]).exists()


def test_publishing_puts_a_course_on_the_calendar(client, w):
    course = _course(w)
    TrainingSession.objects.create(
        partnership=w.partnership, course=course, capacity=5, venue="Hall", **_when(10)
    )
    url = reverse("training:calendar", args=[w.partnership.slug])
    assert course.title not in client.get(url).content.decode()
    services.course_publish(actor=w.business_team, course=course, published=True)
    assert course.title in client.get(url).content.decode()


# Services: sessions ------------------------------------------------------------------------


def test_a_session_must_end_after_it_starts_and_have_a_place(w):
    when = _when(10)
    with pytest.raises(ValidationError) as error:
        services.session_save(
            actor=w.business_team,
            course=w.course,
            starts_at=when["ends_at"],
            ends_at=when["starts_at"],
            capacity=0,
        )
    assert error.value.message_dict == {
        "ends_at": [services.END_BEFORE_START],
        "venue": [services.PLACE_NEEDED],
        "capacity": [services.CAPACITY_TOO_SMALL],
    }


def test_a_new_session_cannot_start_in_the_past(w):
    with pytest.raises(ValidationError) as error:
        services.session_save(actor=w.business_team, course=w.course, capacity=5, venue="Hall", **_when(-1))
    assert error.value.message_dict == {"starts_at": [services.START_IN_PAST]}


def test_an_online_session_needs_no_venue(w):
    session = services.session_save(
        actor=w.business_team,
        course=w.course,
        capacity=30,
        online_link="https://meet.example.org/neglect",
        **_when(12),
    )
    assert session.partnership == w.partnership and session.venue == ""


def test_capacity_cannot_go_below_the_places_booked(w):
    for person in (w.practitioner, w.colleague, w.other_practitioner):
        _book(w, w.coming, person)
    fields = {"venue": w.coming.venue, "starts_at": w.coming.starts_at, "ends_at": w.coming.ends_at}
    with pytest.raises(ValidationError) as error:
        services.session_save(actor=w.business_team, course=w.course, session=w.coming, capacity=2, **fields)
    assert error.value.message_dict == {
        "capacity": ["Capacity cannot be less than the 3 places already booked"]
    }
    w.coming.refresh_from_db()
    assert w.coming.capacity == 10
    saved = services.session_save(
        actor=w.business_team, course=w.course, session=w.coming, capacity=3, **fields
    )
    assert saved.capacity == 3


def test_a_cancelled_session_cannot_be_changed(w):
    with pytest.raises(ValidationError) as error:
        services.session_save(
            actor=w.business_team,
            course=w.course,
            session=w.cancelled,
            capacity=20,
            venue="Hall",
            starts_at=w.cancelled.starts_at,
            ends_at=w.cancelled.ends_at,
        )
    assert error.value.messages == [services.SESSION_CANCELLED]


def test_cancelling_a_session_cancels_every_live_booking_without_charge_and_emails_each_person(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    booked = _book(w, w.small, w.practitioner)
    _book(w, w.small, w.colleague)
    waiting = _book(w, w.small, w.other_practitioner, BookingStatus.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(actor=w.business_team, session=w.small, reason="The trainer is ill")
    w.small.refresh_from_db()
    assert (w.small.status, w.small.booked_count) == ("cancelled", 0)
    assert set(Booking.objects.filter(session=w.small).values_list("status", flat=True)) == {"cancelled"}
    booked.refresh_from_db()
    assert booked.cancelled_at is not None and not hasattr(booked, "charge")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [w.practitioner.email, w.colleague.email, w.other_practitioner.email]
    )
    assert all("The trainer is ill" in m.body for m in mailoutbox)
    assert "waiting list" in next(m.body for m in mailoutbox if m.to == [w.other_practitioner.email])
    assert SentEmail.objects.filter(
        category="training_session_cancelled", reference=str(waiting.uuid)
    ).exists()


def test_cancelling_twice_or_without_a_reason_is_refused(w):
    with pytest.raises(ValidationError) as error:
        services.session_cancel(actor=w.business_team, session=w.cancelled, reason="Again")
    assert error.value.messages == [services.ALREADY_CANCELLED]
    with pytest.raises(ValidationError) as error:
        services.session_cancel(actor=w.business_team, session=w.coming, reason="  ")
    assert error.value.message_dict == {"reason": [services.CANCEL_REASON_NEEDED]}
    w.coming.refresh_from_db()
    assert w.coming.status == "scheduled"


# Pages -------------------------------------------------------------------------------------


def _url(name, w, *args):
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def test_the_course_list_shows_drafts_and_coming_sessions(client, w):
    client.force_login(w.business_team)
    page = client.get(_url("course_list", w)).content.decode()
    assert w.course.title in page and w.draft_course.title in page
    assert "Published" in page and "Draft" in page
    # Two coming sessions of the published course (not the past or cancelled one).
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in page


def test_the_coordinator_adds_a_course_through_the_form(client, w):
    client.force_login(w.business_team)
    response = client.post(
        _url("course_add", w),
        {
            **{k: str(v) for k, v in COURSE.items()},
            "slug": "",
            "priorities": [w.priority.pk],
            "charge_policy": "free",
        },
    )
    course = Course.objects.get(partnership=w.partnership, title=COURSE["title"])
    assert response.status_code == 302
    assert response["Location"] == _url("course_detail", w, course.uuid)
    assert course.charge_policy == "free" and list(course.priorities.all()) == [w.priority]


def test_the_course_form_keeps_answers_and_names_each_problem(client, w, other):
    client.force_login(w.business_team)
    response = client.post(
        _url("course_add", w),
        {
            **{k: str(v) for k, v in COURSE.items()},
            "cpd_hours": "0",
            "slug": "neglect",
            "priorities": [other.priority.pk],
            "charge_policy": "standard",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The CPD hours must be more than 0" in page
    assert "Select priorities from the list" in page
    assert COURSE["audience"] in page
    response = client.post(
        _url("course_add", w),
        {**{k: str(v) for k, v in COURSE.items()}, "slug": "neglect", "charge_policy": "standard"},
    )
    assert response.status_code == 400
    assert "Another course already uses the web address" in response.content.decode()


def test_the_coordinator_publishes_and_unpublishes(client, w):
    client.force_login(w.business_team)
    url = _url("course_publish", w, w.draft_course.uuid)
    assert client.get(url).status_code == 405
    client.post(url, {"publish": "yes"})
    w.draft_course.refresh_from_db()
    assert w.draft_course.is_published
    client.post(url, {"publish": "no"})
    w.draft_course.refresh_from_db()
    assert not w.draft_course.is_published


def test_the_session_form_adds_a_session_in_london_time(client, w):
    client.force_login(w.business_team)
    day = timezone.localdate() + timedelta(days=14)
    response = client.post(
        _url("session_add", w, w.course.uuid),
        {
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "start_time": "09:30",
            "end_time": "12:30",
            "venue": "",
            "online_link": "https://meet.example.org/x",
            "capacity": "20",
        },
    )
    assert response.status_code == 302
    session = TrainingSession.objects.get(course=w.course, online_link="https://meet.example.org/x")
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "09:30"


def test_the_session_form_refuses_end_before_start_and_capacity_below_bookings(client, w):
    client.force_login(w.business_team)
    day = timezone.localdate() + timedelta(days=14)
    answers = {
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "start_time": "12:00",
        "end_time": "09:00",
        "venue": "",
        "online_link": "",
        "capacity": "0",
    }
    page = client.post(_url("session_add", w, w.course.uuid), answers).content.decode()
    assert "The end time must be after the start time" in page
    assert "Enter a venue or an online link" in page
    assert "The capacity must be between 1 and 1000 places" in page
    for person in (w.practitioner, w.colleague):
        _book(w, w.coming, person)
    edit = _url("session_edit", w, w.course.uuid, w.coming.uuid)
    response = client.post(edit, {**answers, "end_time": "15:00", "venue": "Hall", "capacity": "1"})
    assert response.status_code == 400
    assert "Capacity cannot be less than the 2 places already booked" in response.content.decode()


def test_a_cancelled_session_page_cannot_be_changed_or_cancelled_again(client, w):
    client.force_login(w.business_team)
    for name in ("session_edit", "session_cancel"):
        response = client.get(_url(name, w, w.course.uuid, w.cancelled.uuid))
        assert response.status_code == 400
        assert "This session is cancelled" in response.content.decode()


def test_the_coordinator_cancels_a_session_with_a_reason(client, w, django_capture_on_commit_callbacks):
    client.force_login(w.business_team)
    url = _url("session_cancel", w, w.course.uuid, w.coming.uuid)
    assert "Enter why the session is cancelled" in client.post(url, {"reason": ""}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Venue flooded"}).status_code == 302
    w.coming.refresh_from_db()
    assert w.coming.status == "cancelled"


def test_another_partnerships_course_or_session_is_404(client, w, other):
    client.force_login(w.business_team)
    assert client.get(_url("course_detail", w, other.course.uuid)).status_code == 404
    assert client.get(_url("course_edit", w, other.course.uuid)).status_code == 404
    assert client.get(_url("session_edit", w, w.course.uuid, other.coming.uuid)).status_code == 404
    # A session of another course of the same partnership is not found under this one.
    assert client.get(_url("session_cancel", w, w.draft_course.uuid, w.coming.uuid)).status_code == 404


@pytest.mark.parametrize("role", ["practitioner", "agency_lead", "lsp"])
def test_only_the_coordinator_manages_courses(client, w, role):
    client.force_login(getattr(w, role))
    assert client.get(_url("course_list", w)).status_code == 403
    assert client.get(_url("course_add", w)).status_code == 403
