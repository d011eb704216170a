"""The training needs analysis (docs/domain.md, "21.1 The training needs analysis"): creating,
changing and closing it, agencies' answers, and the results."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from masa.core.models import SentEmail
from masa.training.models import NeedsAnalysis, NeedsResponse
from masa.training.selectors.needs import needs_results
from masa.training.services import needs as services
from masa.training.services.needs import TopicInput
from tests.factories import SETUP


def _create(w, *, topics=None, **fields):
    today = timezone.localdate()
    values = {
        "title": "Training needs 2024 to 2025",
        "opens_on": today - timedelta(days=1),
        "closes_on": today + timedelta(days=20),
        "introduction": "Tell us what your staff need.",
        "topics": topics or [TopicInput("Recognising neglect", w.priority), TopicInput("Online harm")],
    }
    return services.analysis_save(actor=w.business_team, partnership=w.partnership, **(values | fields))


@pytest.fixture
def analysis(w):
    return _create(w)


def _topic(analysis, name):
    return analysis.topics.get(name=name)


def test_creating_an_analysis_emails_each_agency_lead_a_link(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        analysis = _create(w)
    assert [t.name for t in analysis.topics.all()] == ["Recognising neglect", "Online harm"]
    assert analysis.topics.first().priority == w.priority
    assert sorted(m.to[0] for m in mail.outbox) == sorted([w.agency_lead.email, w.other_agency_lead.email])
    link = reverse("training:needs_detail", args=[w.partnership.slug, analysis.uuid])
    assert all(link in m.body for m in mail.outbox)
    assert (
        SentEmail.objects.filter(category="training_needs_analysis", reference=str(analysis.uuid)).count()
        == 2
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"closes_on": date(2024, 1, 1), "opens_on": date(2024, 1, 2)},
            "closes_on",
            services.CLOSES_BEFORE_OPENS,
        ),
        (
            {"closes_on": date(2024, 1, 2), "opens_on": date(2024, 1, 2)},
            "closes_on",
            services.CLOSES_BEFORE_OPENS,
        ),
        ({"title": "  "}, "title", services.TITLE_NEEDED),
        ({"topics": [TopicInput(" ")]}, "topic_1", services.TOPIC_NEEDED),
        (
            {"topics": [TopicInput("Neglect"), TopicInput("neglect ")]},
            "topic_2",
            services.TOPIC_TWICE.format(number=2),
        ),
    ],
)
def test_bad_analyses_are_refused_and_nothing_is_saved(w, fields, field, message):
    with pytest.raises(ValidationError) as error:
        _create(w, **fields)
    assert error.value.message_dict[field] == [message]
    assert not NeedsAnalysis.objects.filter(partnership=w.partnership).exists()


def test_a_priority_of_another_partnership_is_refused(w, other):
    with pytest.raises(ValidationError) as error:
        _create(w, topics=[TopicInput("Neglect", other.priority)])
    assert error.value.message_dict["topic_1_priority"] == [services.PRIORITY_FOREIGN]


def test_changing_keeps_the_answers_of_kept_topics(w, analysis):
    neglect = _topic(analysis, "Recognising neglect")
    services.response_save(
        actor=w.agency_lead, analysis=analysis, agency=w.agency, staff={(neglect.pk, "foundation"): 4}
    )
    _create(w, analysis=analysis, topics=[TopicInput("Recognising neglect"), TopicInput("Adolescents")])
    assert [t.name for t in analysis.topics.all()] == ["Recognising neglect", "Adolescents"]
    assert _topic(analysis, "Recognising neglect").pk == neglect.pk
    assert _topic(analysis, "Recognising neglect").priority is None
    assert (
        NeedsResponse.objects.get(analysis=analysis).answers.get(topic=neglect, level="foundation").staff == 4
    )


def test_a_closed_analysis_cannot_change_or_close_again(w, analysis):
    services.analysis_close(actor=w.business_team, analysis=analysis)
    analysis.refresh_from_db()
    with pytest.raises(ValidationError):
        _create(w, analysis=analysis, title="Changed")
    with pytest.raises(ValidationError):
        services.analysis_close(actor=w.business_team, analysis=analysis)
    assert NeedsAnalysis.objects.get(pk=analysis.pk).title == "Training needs 2024 to 2025"


def test_a_draft_then_a_sent_answer(w, analysis):
    neglect = _topic(analysis, "Recognising neglect")
    staff = {(neglect.pk, "foundation"): 10, (neglect.pk, "advanced"): None}
    draft = services.response_save(
        actor=w.agency_lead, analysis=analysis, agency=w.agency, staff=staff, comments="Draft"
    )
    assert draft.submitted_at is None
    assert draft.answers.count() == 6  # every topic and level, blanks as 0
    assert draft.answers.get(topic=neglect, level="advanced").staff == 0
    sent = services.response_save(
        actor=w.agency_lead,
        analysis=analysis,
        agency=w.agency,
        staff={(neglect.pk, "foundation"): 12},
        comments="Final",
        send=True,
    )
    assert sent.pk == draft.pk and sent.submitted_at and sent.submitted_by == w.agency_lead
    assert sent.answers.get(topic=neglect, level="foundation").staff == 12
    with pytest.raises(ValidationError) as error:
        services.response_save(actor=w.agency_lead, analysis=analysis, agency=w.agency, staff={})
    assert "was sent on" in error.value.messages[0]


def test_negative_staff_numbers_are_refused(w, analysis):
    neglect = _topic(analysis, "Recognising neglect")
    with pytest.raises(ValidationError) as error:
        services.response_save(
            actor=w.agency_lead, analysis=analysis, agency=w.agency, staff={(neglect.pk, "intermediate"): -1}
        )
    field = services.staff_field(neglect.pk, "intermediate")
    assert error.value.message_dict[field] == [
        "The number of staff for Recognising neglect at intermediate level cannot be less than 0"
    ]
    assert not NeedsResponse.objects.filter(analysis=analysis).exists()


def test_answering_after_the_closing_date_or_before_opening_is_refused(w, analysis):
    for day in (analysis.closes_on + timedelta(days=1), analysis.opens_on - timedelta(days=1)):
        with pytest.raises(ValidationError):
            services.response_save(
                actor=w.agency_lead, analysis=analysis, agency=w.agency, staff={}, today=day
            )
    assert not NeedsResponse.objects.filter(analysis=analysis).exists()


def test_an_agency_outside_the_partnership_cannot_answer(w, other, analysis):
    with pytest.raises(ValidationError):
        services.response_save(actor=SETUP, analysis=analysis, agency=other.agency, staff={})


def _answer(w, analysis, agency, numbers, *, send=True, comments=""):
    topics = list(analysis.topics.all())
    staff = {
        (topic.pk, level): n
        for topic, by_level in zip(topics, numbers, strict=True)
        for level, n in zip(("foundation", "intermediate", "advanced"), by_level, strict=True)
    }
    return services.response_save(
        actor=SETUP, analysis=analysis, agency=agency, staff=staff, send=send, comments=comments
    )


def test_results_add_up_sent_answers_only_with_the_courses_planned(w, analysis):
    _answer(w, analysis, w.agency, [(10, 4, 1), (3, 0, 0)], comments="Night staff too")
    _answer(w, analysis, w.other_agency, [(5, 5, 5), (100, 100, 100)], send=False)  # a draft
    neglect = _topic(analysis, "Recognising neglect")
    w.course.needs_topics.add(neglect)
    results = needs_results(analysis)
    assert (results.return_rate.numerator, results.return_rate.denominator) == (1, 2)
    assert [(r.topic.name, r.by_level) for r in results.topics] == [
        ("Recognising neglect", [10, 4, 1]),
        ("Online harm", [3, 0, 0]),
    ]
    assert results.level_totals == [13, 4, 1] and results.total == 18
    assert [c.title for c in results.topics[0].courses] == [w.course.title]
    assert results.topics[1].courses == []
    assert results.comments == [(w.agency.name, "Night staff too")]
    assert results.not_answered == [w.other_agency]


# Pages --------------------------------------------------------------------------------------


def _url(name, w, *args):
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def test_the_coordinator_creates_an_analysis_on_the_page(client, w, django_capture_on_commit_callbacks):
    client.force_login(w.business_team)
    assert client.get(_url("needs_add", w)).status_code == 200
    data = {
        "title": "Needs 2025",
        "opens_on_0": "1",
        "opens_on_1": "11",
        "opens_on_2": "2025",
        "closes_on_0": "30",
        "closes_on_1": "11",
        "closes_on_2": "2025",
        "topic_1": "Neglect",
        "topic_1_priority": str(w.priority.pk),
        "topic_2": "Exploitation",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("needs_add", w), data)
    analysis = NeedsAnalysis.objects.get(partnership=w.partnership)
    assert response.status_code == 302
    assert response["Location"] == _url("needs_detail", w, analysis.uuid)
    assert len(mail.outbox) == 2


def test_the_analysis_form_keeps_answers_and_names_the_problems(client, w):
    client.force_login(w.business_team)
    data = {
        "title": "Needs 2025",
        "opens_on_0": "30",
        "opens_on_1": "11",
        "opens_on_2": "2025",
        "closes_on_0": "1",
        "closes_on_1": "11",
        "closes_on_2": "2025",
        "topic_1": "Neglect",
        "topic_2": "NEGLECT",
    }
    response = client.post(_url("needs_add", w), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert services.CLOSES_BEFORE_OPENS in html
    assert services.TOPIC_TWICE.format(number=2) in html
    assert 'value="Needs 2025"' in html
    assert not NeedsAnalysis.objects.filter(partnership=w.partnership).exists()


def test_an_agency_lead_answers_for_their_own_agency(client, w, analysis):
    client.force_login(w.agency_lead)
    detail = client.get(_url("needs_detail", w, analysis.uuid)).content.decode()
    assert w.agency.name in detail and w.other_agency.name not in detail
    url = _url("needs_answer", w, analysis.uuid, w.agency.uuid)
    assert client.get(url).status_code == 200
    neglect = _topic(analysis, "Recognising neglect")
    field = services.staff_field(neglect.pk, "foundation")
    bad = client.post(url, {field: "-3", "comments": "Kept", "send": "1"})
    assert bad.status_code == 400
    assert "cannot be less than 0" in bad.content.decode() and "Kept" in bad.content.decode()
    assert client.post(url, {field: "7", "draft": "1"}).status_code == 302
    assert NeedsResponse.objects.get(analysis=analysis).submitted_at is None
    assert client.post(url, {field: "8", "send": "1"}).status_code == 302
    response = NeedsResponse.objects.get(analysis=analysis)
    assert response.submitted_at is not None
    assert response.answers.get(topic=neglect, level="foundation").staff == 8
    # Sent: read-only, and the page says why.
    page = client.get(url).content.decode()
    assert "Your agency&#x27;s answer was sent on" in page or "Your agency's answer was sent on" in page
    assert 'name="send"' not in page
    again = client.post(url, {field: "9", "send": "1"})
    assert again.status_code == 400
    assert response.answers.get(topic=neglect, level="foundation").staff == 8


def test_another_agencys_answer_is_not_found(client, w, analysis):
    client.force_login(w.agency_lead)
    assert client.get(_url("needs_answer", w, analysis.uuid, w.other_agency.uuid)).status_code == 404
    assert client.post(_url("needs_answer", w, analysis.uuid, w.other_agency.uuid), {}).status_code == 404


def test_the_coordinator_may_answer_for_any_agency(client, w, analysis):
    client.force_login(w.business_team)
    assert client.get(_url("needs_answer", w, analysis.uuid, w.other_agency.uuid)).status_code == 200


def test_after_closing_the_answer_page_is_read_only_and_says_why(client, w, analysis):
    client.force_login(w.business_team)
    assert client.post(_url("needs_close", w, analysis.uuid)).status_code == 302
    client.force_login(w.agency_lead)
    page = client.get(_url("needs_answer", w, analysis.uuid, w.agency.uuid)).content.decode()
    assert "The needs analysis was closed on" in page
    assert 'name="send"' not in page


def test_results_page_chart_table_and_courses(client, w, analysis):
    _answer(w, analysis, w.agency, [(10, 4, 1), (3, 0, 0)])
    w.course.needs_topics.add(_topic(analysis, "Recognising neglect"))
    client.force_login(w.lsp)
    html = client.get(_url("needs_results", w, analysis.uuid)).content.decode()
    assert 'role="img"' in html
    assert "Recognising neglect: Foundation 10, Intermediate 4, Advanced 1" in html  # the chart's description
    assert "50.0% (1 of 2)" in html
    assert w.course.title in html and "No course planned yet" in html
    assert "Neglect" in html  # the linked priority


def test_results_download(client, w, analysis):
    _answer(w, analysis, w.agency, [(10, 4, 1), (3, 0, 0)])
    client.force_login(w.business_team)
    response = client.get(_url("needs_results_xlsx", w, analysis.uuid))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(response.content))
    rows = list(book["Needs by topic"].values)
    assert rows[1][:6] == ("Recognising neglect", "Neglect", 10, 4, 1, 15)
    assert [r[:2] for r in list(book["Agencies"].values)[1:]] == [
        (w.agency.name, "Sent"),
        (w.other_agency.name, "Not started"),
    ]


def test_who_may_open_the_pages(client, w, analysis):
    for user, expected in ((w.practitioner, 403), (w.lsp, 403)):
        client.force_login(user)
        assert client.get(_url("needs_list", w)).status_code == expected
    client.force_login(w.agency_lead)
    assert client.get(_url("needs_add", w)).status_code == 403
    assert client.get(_url("needs_results", w, analysis.uuid)).status_code == 403


def test_another_partnerships_analysis_is_not_found(client, w, other, analysis):
    client.force_login(other.business_team)
    assert (
        client.get(reverse("training:needs_detail", args=[other.partnership.slug, analysis.uuid])).status_code
        == 404
    )


def test_the_coordinator_changes_an_open_analysis_but_not_a_closed_one(client, w, analysis):
    client.force_login(w.business_team)
    url = _url("needs_edit", w, analysis.uuid)
    page = client.get(url).content.decode()
    assert 'value="Recognising neglect"' in page and 'value="Online harm"' in page
    data = {
        "title": "Renamed needs",
        "opens_on_0": str(analysis.opens_on.day),
        "opens_on_1": str(analysis.opens_on.month),
        "opens_on_2": str(analysis.opens_on.year),
        "closes_on_0": str(analysis.closes_on.day),
        "closes_on_1": str(analysis.closes_on.month),
        "closes_on_2": str(analysis.closes_on.year),
        "topic_1": "Recognising neglect",
        "topic_2": "Exploitation",
    }
    assert client.post(url, data).status_code == 302
    analysis.refresh_from_db()
    assert analysis.title == "Renamed needs"
    assert [t.name for t in analysis.topics.all()] == ["Recognising neglect", "Exploitation"]
    services.analysis_close(actor=w.business_team, analysis=analysis)
    closed = client.get(url, follow=True)
    assert closed.redirect_chain[-1][0] == _url("needs_detail", w, analysis.uuid)
    assert "it can no longer be changed" in closed.content.decode()
