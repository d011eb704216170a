"""The impact summary per course (docs/domain.md, "21.5 Certificates, evaluation and impact"):
evaluation averages and the rise in confidence, follow-ups sent and answered, per session, a chart
with its table, quotes only when they may be quoted and never with a name."""

from django.utils import timezone

from masa.training.models import Evaluation, FollowUpRespondent, ImpactFollowUp
from masa.training.selectors.after import course_impact
from tests.training.after_helpers import attended_booking, session_weeks_ago, text_of, url


def evaluate(w, booking, before, after, useful):
    return Evaluation.objects.create(
        partnership=w.partnership,
        booking=booking,
        confidence_before=before,
        confidence_after=after,
        usefulness=useful,
    )


def follow_up(w, booking, *, answer="", may_quote=False, respondent=FollowUpRespondent.ATTENDEE):
    now = timezone.now()
    return ImpactFollowUp.objects.create(
        partnership=w.partnership,
        booking=booking,
        respondent=respondent,
        email=booking.person.email,
        token_hash=f"{booking.pk:0>10}{respondent:0>20}".ljust(64, "0"),
        due_on=now.date(),
        sent_at=now,
        answered_at=now if answer else None,
        practice_changed=answer,
        may_quote=may_quote,
    )


def test_the_summary_per_course_and_per_session(client, w):
    first, second = session_weeks_ago(w, 10), session_weeks_ago(w, 7)
    a = attended_booking(w, w.practitioner, first)
    b = attended_booking(w, w.colleague, first)
    c = attended_booking(w, w.other_practitioner, second, agency=w.other_agency)
    evaluate(w, a, 2, 4, 5)
    evaluate(w, b, 3, 4, 4)
    evaluate(w, c, 1, 4, 3)
    follow_up(w, a, answer="I now use the neglect toolkit on every visit", may_quote=True)
    follow_up(w, b, answer="Private thoughts, not to be quoted", may_quote=False)
    follow_up(w, c)

    impact = course_impact(w.course)
    assert impact.evaluations.count == 3
    assert (str(impact.evaluations.before), str(impact.evaluations.after)) == ("2.0", "4.0")
    assert str(impact.evaluations.rise) == "2.0"
    assert (impact.follow_ups_sent, impact.follow_ups_answered) == (3, 2)
    rows = {row.session.pk: row for row in impact.sessions}
    assert rows[first.pk].attended == 2 and rows[first.pk].evaluations.count == 2
    assert str(rows[first.pk].evaluations.before) == "2.5"
    assert (rows[second.pk].follow_ups_sent, rows[second.pk].follow_ups_answered) == (1, 0)
    assert [q.practice_changed for q in impact.quotes] == ["I now use the neglect toolkit on every visit"]

    client.force_login(w.business_team)
    response = client.get(url("course_impact", w, w.course.slug))
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "<svg" in html and 'role="img"' in html
    assert "Average confidence before and after" in html
    assert "I now use the neglect toolkit on every visit" in text
    assert "Private thoughts" not in text
    for person in (w.practitioner, w.colleague, w.other_practitioner):
        assert person.full_name not in text and person.email not in text


def test_the_summary_takes_the_same_queries_however_many_sessions(client, w, django_assert_max_num_queries):
    client.force_login(w.business_team)
    page = url("course_impact", w, w.course.slug)
    for weeks in range(8, 20):
        booking = attended_booking(w, w.practitioner, session_weeks_ago(w, weeks))
        evaluate(w, booking, 2, 4, 4)
        follow_up(w, booking, answer="Better chronologies", may_quote=True)
    with django_assert_max_num_queries(25):
        assert client.get(page).status_code == 200


def test_a_course_with_no_sessions_yet(client, w):
    client.force_login(w.lsp)
    response = client.get(url("course_impact", w, w.draft_course.slug))
    assert response.status_code == 200
    assert "No session of this course has taken place yet" in text_of(response)


def test_who_may_read_the_impact_summary(client, w, other):
    page = url("course_impact", w, w.course.slug)
    for user in (w.business_team, w.lsp, w.scrutineer):
        client.force_login(user)
        assert client.get(page).status_code == 200
    for user in (w.practitioner, w.agency_lead, w.chair):
        client.force_login(user)
        assert client.get(page).status_code == 403
    client.force_login(other.business_team)
    assert client.get(page).status_code == 404
    client.force_login(w.business_team)
    assert client.get(url("course_impact", w, "no-such-course")).status_code == 404
    assert client.get(url("course_impact", w, other.course.slug + "-x")).status_code == 404
