"""The training figures for the yearly report, against hand-counted rows (tests/training/
figures_rows.py), and their page (docs/domain.md, "21.6 Figures for the yearly report")."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masa.training.selectors.figures import NO_PRIORITY, Rate, training_figures
from tests.training.figures_rows import add_course, add_session, at, book, build_rows, evaluate, follow_up


@pytest.fixture
def rows(w):
    return build_rows(w)


def test_the_years_figures_are_the_hand_counted_ones(w, rows):
    f = training_figures(w.partnership, 2023)
    assert f.year == "2023-24"
    t = f.total
    assert (t.sessions, t.sessions_held, t.places_offered) == (3, 3, 23)
    # Booked: not the waiting list, not the cancelled booking, nothing at the cancelled session.
    assert (t.places_booked, t.attended, t.no_shows) == (6, 4, 2)
    assert t.attendance_rate == Rate(4, 6)
    assert t.attendance_rate.percent == Decimal("66.7")
    assert t.no_show_rate.percent == Decimal("33.3")
    assert t.agencies_reached == 2
    assert t.evaluations == 3
    assert (t.confidence_before, t.confidence_after, t.usefulness) == (
        Decimal("2.0"),
        Decimal("4.0"),
        Decimal("4.0"),
    )
    # Only the answered follow-up whose writer allowed quoting.
    assert [q.practice_changed for q in t.quotes] == ["We now use the neglect toolkit at every visit"]
    assert t.quotes[0].respondent == "Attendee"
    assert t.quotes[0].course == w.course.title


def test_a_course_on_two_priorities_counts_under_each(w, rows):
    by = {row.label: row.figures for row in training_figures(w.partnership, 2023).by_priority}
    assert list(by) == ["Neglect", "Adolescents", NO_PRIORITY]
    neglect, adolescents, none = by["Neglect"], by["Adolescents"], by[NO_PRIORITY]
    assert (neglect.sessions, neglect.places_offered, neglect.places_booked, neglect.attended) == (
        2,
        15,
        5,
        3,
    )
    assert neglect.attendance_rate.percent == Decimal("60.0")
    assert neglect.agencies_reached == 2
    assert (neglect.evaluations, neglect.confidence_before, neglect.usefulness) == (
        2,
        Decimal("2.5"),
        Decimal("4.5"),
    )
    assert len(neglect.quotes) == 1
    assert (adolescents.sessions, adolescents.places_booked, adolescents.attended, adolescents.no_shows) == (
        1,
        2,
        1,
        1,
    )
    assert adolescents.no_show_rate == Rate(1, 2)
    assert (none.sessions, none.places_offered, none.attended, none.agencies_reached) == (1, 8, 1, 1)
    assert none.attendance_rate.percent == Decimal("100.0")


def test_sessions_not_yet_held_are_left_out_of_the_rates(w, rows):
    f = training_figures(w.partnership, 2023, now=at(2024, 3, 1)).total
    assert (f.sessions, f.sessions_held) == (3, 2)
    # The 20 March session has not happened yet: its booked place is not in the denominator.
    assert f.attendance_rate.denominator == 5


def test_an_empty_year_has_no_rates(w, rows):
    f = training_figures(w.partnership, 2019)
    assert f.total.sessions == 0
    assert f.total.attendance_rate.percent is None
    assert f.total.confidence_after is None
    assert f.by_priority == []


def test_another_partnerships_training_is_not_counted(w, other, rows):
    session = add_session(other.course, at(2023, 9, 1), 30)
    book(session, other.practitioner, other.agency, attendance="attended")
    assert training_figures(w.partnership, 2023).total.places_offered == 23
    assert training_figures(other.partnership, 2023).total.places_offered == 30


def _queries(partnership) -> int:
    with CaptureQueriesContext(connection) as ctx:
        training_figures(partnership, 2023)
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_year(w, rows):
    few = _queries(w.partnership)
    for n in range(6):
        course = add_course(w.partnership, f"more-{n}", w.priority, rows.adolescents)
        session = add_session(course, at(2023, 7, 1 + n), 20)
        for person in (w.practitioner, w.colleague, w.other_practitioner):
            booking = book(session, person, w.agency, attendance="attended")
            evaluate(booking, 1, 5, 5)
            follow_up(booking)
    assert _queries(w.partnership) == few
    assert few <= 6


def test_the_figures_page_shows_the_year_and_its_priorities(client, w, rows):
    client.force_login(w.lsp)
    url = reverse("training:figures", args=[w.partnership.slug])
    page = client.get(url, {"year": "2023-24"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Training figures for 2023-24" in html
    assert "66.7% (4 of 6)" in html
    assert "Adolescents" in html and NO_PRIORITY in html
    assert "We now use the neglect toolkit at every visit" in html
    assert "Not for quoting" not in html
    assert '<option value="2023-24" selected>' in html


@pytest.mark.parametrize("year", ["2023/24", "2023-25", "twenty"])
def test_a_badly_written_year_is_not_found(client, w, year):
    client.force_login(w.lsp)
    assert (
        client.get(reverse("training:figures", args=[w.partnership.slug]), {"year": year}).status_code == 404
    )


def test_the_figures_page_without_a_year_shows_the_current_one(client, w):
    client.force_login(w.business_team)
    page = client.get(reverse("training:figures", args=[w.partnership.slug]))
    assert page.status_code == 200
    assert "No sessions in" not in page.content.decode()  # the world's sessions are this year


def test_practitioners_and_agency_leads_cannot_read_the_figures(client, w):
    url = reverse("training:figures", args=[w.partnership.slug])
    for user in (w.practitioner, w.agency_lead, w.chair):
        client.force_login(user)
        assert client.get(url).status_code == 403
