"""The public training calendar, course pages and brochure, and the training home inside the
partnership (docs/domain.md, "21.2 Courses, sessions and the public calendar")."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from masa.training.models import Course, TrainingSession
from masa.training.selectors.calendar import CalendarFilters, coming_sessions, months_ahead
from tests.training.world import add_course


def _calendar(w, **query):
    return reverse("training:calendar", args=[w.partnership.slug]), query


def _get(client, w, **query):
    url, params = _calendar(w, **query)
    return client.get(url, params)


def _add_sessions(w, count: int, *, start_days: int = 50, **fields) -> list[TrainingSession]:
    starts = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
    return TrainingSession.objects.bulk_create(
        TrainingSession(
            partnership=w.partnership,
            course=fields.get("course", w.course),
            starts_at=starts + timedelta(days=start_days + n),
            ends_at=starts + timedelta(days=start_days + n, hours=2),
            venue=fields.get("venue", "Civic Centre"),
            online_link=fields.get("online_link", ""),
            capacity=fields.get("capacity", 12),
        )
        for n in range(count)
    )


def test_the_calendar_lists_coming_sessions_of_published_courses_in_date_order(client, w):
    response = _get(client, w)
    assert response.status_code == 200
    page = response.content.decode()
    assert w.partnership.name in page
    assert "2 sessions" in page
    small_day = w.small.starts_at.strftime("%-d %B %Y")
    coming_day = w.coming.starts_at.strftime("%-d %B %Y")
    assert page.index(small_day) < page.index(coming_day)
    # Not the past session, nor the cancelled one, nor the draft course.
    assert w.past.starts_at.strftime("%-d %B %Y") not in page
    assert w.cancelled.starts_at.strftime("%-d %B %Y") not in page
    assert w.draft_course.title not in page
    assert "10 places left" in page and "2 places left" in page
    assert reverse("training:course", args=[w.partnership.slug, w.course.slug]) in page
    assert reverse("training:brochure", args=[w.partnership.slug]) in page


def test_a_full_session_says_to_join_the_waiting_list(client, w):
    TrainingSession.objects.filter(pk=w.small.pk).update(booked_count=2)
    page = _get(client, w).content.decode()
    assert "Full</strong> – join the waiting list" in page
    assert "1 place left" not in page
    assert "Full" not in _get(client, w, places_left="on").content.decode()


def test_filters_narrow_the_sessions(client, w):
    online = add_course(w.partnership, "online-safety", title="Online safety for schools", audience="Schools")
    _add_sessions(w, 1, start_days=60, course=online, venue="", online_link="https://meet.example.org/x")
    assert "3 sessions" in _get(client, w).content.decode()
    assert "1 session " in _get(client, w, level="foundation").content.decode()
    assert "2 sessions" in _get(client, w, level="intermediate").content.decode()
    assert "2 sessions" in _get(client, w, priority=w.priority.pk).content.decode()
    assert "1 session " in _get(client, w, course="online-safety").content.decode()
    assert "1 session " in _get(client, w, mode="online").content.decode()
    assert "2 sessions" in _get(client, w, mode="in_person").content.decode()
    month = timezone.localtime(w.coming.starts_at)
    page = _get(client, w, month=f"{month:%Y-%m}").content.decode()
    assert w.coming.starts_at.strftime("%-d %B %Y") in page
    assert "matching your filters" in page


def test_an_unknown_filter_value_is_an_error_that_shows_everything(client, w):
    response = _get(client, w, level="expert", priority="999999")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select a level from the list" in page
    assert "Select a priority from the list" in page


def test_the_calendar_of_a_partnership_without_sessions_says_so(client, other):
    TrainingSession.objects.filter(partnership=other.partnership).update(status="cancelled")
    page = client.get(reverse("training:calendar", args=[other.partnership.slug])).content.decode()
    assert "There are no training sessions planned at the moment" in page


def test_one_partnership_never_shows_anothers_sessions(w, other):
    assert set(coming_sessions(w.partnership)) == {w.small, w.coming}
    assert set(coming_sessions(other.partnership)) == {other.small, other.coming}


def test_unknown_partnership_is_404(client, db):
    assert client.get(reverse("training:calendar", args=["no-such-place"])).status_code == 404
    assert client.get(reverse("training:brochure", args=["no-such-place"])).status_code == 404


def test_the_calendar_is_paginated_25_to_a_page(client, w):
    _add_sessions(w, 30)
    first = _get(client, w).content.decode()
    assert "32 sessions" in first and "Page 1 of 2" in first
    second = _get(client, w, page=2).content.decode()
    assert "Page 2 of 2" in second


def test_the_filters_keep_their_choices_on_the_next_page(client, w):
    _add_sessions(w, 30)
    page = _get(client, w, mode="in_person").content.decode()
    assert "?mode=in_person&amp;page=2" in page


@pytest.mark.parametrize("url_name", ["training:calendar", "training:home"])
def test_the_calendar_costs_the_same_queries_whatever_the_number_of_sessions(
    client, w, django_assert_num_queries, url_name
):
    if url_name == "training:home":
        client.force_login(w.practitioner)
    url = reverse(url_name, args=[w.partnership.slug])
    client.get(url)  # the first request of a signed-in client loads what later ones reuse
    _add_sessions(w, 3)
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"places_left": "on"})
    _add_sessions(w, 60, start_days=120)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url, {"places_left": "on", "page": 3})


def test_months_ahead_runs_across_the_new_year():
    from datetime import date

    months = months_ahead(date(2026, 11, 20), count=4)
    assert months == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]


def test_a_month_filter_takes_only_that_months_sessions(w):
    day = timezone.localtime(w.small.starts_at).date().replace(day=1)
    sessions = set(coming_sessions(w.partnership, CalendarFilters(month=day)))
    assert w.small in sessions
    assert all(timezone.localtime(s.starts_at).month == day.month for s in sessions)


# The course page -------------------------------------------------------------------------


def test_the_course_page_shows_the_course_and_its_coming_sessions(client, w):
    url = reverse("training:course", args=[w.partnership.slug, w.course.slug])
    page = client.get(url).content.decode()
    assert w.course.title in page
    assert "Practitioners in every agency" in page
    assert "<li>Recognise the signs of neglect</li>" in page
    assert "Neglect" in page  # the linked priority
    assert "CPD hours" in page and ">3<" in page
    assert "Your agency may be charged if you do not attend" in page
    assert f"/p/{w.partnership.slug}/training/sessions/{w.coming.uuid}/" in page
    assert str(w.past.uuid) not in page and str(w.cancelled.uuid) not in page


def test_a_draft_course_or_another_partnerships_course_is_404(client, w, other):
    draft = reverse("training:course", args=[w.partnership.slug, w.draft_course.slug])
    assert client.get(draft).status_code == 404
    other_course = add_course(other.partnership, "elsewhere-only", title="Elsewhere only")
    assert (
        client.get(reverse("training:course", args=[w.partnership.slug, other_course.slug])).status_code
        == 404
    )


def test_a_free_course_says_no_one_is_charged(client, w):
    Course.objects.filter(pk=w.course.pk).update(charge_policy="free")
    page = client.get(reverse("training:course", args=[w.partnership.slug, w.course.slug])).content.decode()
    assert "no one is charged" in page


# The brochure ----------------------------------------------------------------------------


def test_the_brochure_is_a_pdf_naming_the_published_courses(client, w):
    response = client.get(reverse("training:brochure", args=[w.partnership.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Recognising and responding to neglect" in text
    assert "Online harm" not in text
    assert "2 places left" in text


# Inside the partnership ------------------------------------------------------------------


def test_the_training_home_links_sessions_to_their_pages(client, w):
    client.force_login(w.practitioner)
    page = client.get(reverse("training:home", args=[w.partnership.slug])).content.decode()
    assert f"/p/{w.partnership.slug}/training/sessions/{w.coming.uuid}/" in page
    assert reverse("training:calendar", args=[w.partnership.slug]) in page


def test_the_public_home_pages_link_to_the_calendar(client, w):
    calendar = reverse("training:calendar", args=[w.partnership.slug])
    for name in ("structure:arrangements", "briefings:public_learning"):
        page = client.get(reverse(name, args=[w.partnership.slug])).content.decode()
        assert calendar in page, name


def test_the_coordinators_training_home_links_to_the_course_pages(client, w):
    client.force_login(w.business_team)
    page = client.get(reverse("training:home", args=[w.partnership.slug])).content.decode()
    assert reverse("training:course_detail", args=[w.partnership.slug, w.draft_course.uuid]) in page
    assert reverse("training:course_list", args=[w.partnership.slug]) in page
