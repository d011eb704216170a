"""Rapid review pages: permissions and need-to-know, the scrutineer's anonymised view, audited reads,
DSP sign-off through the page, and the forms' refusals (answers kept, nothing saved)."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from masa.accounts.models import Role
from masa.incidents import services
from masa.incidents.models import InformationRequest, RapidReview
from masa.reviews.models import Review
from tests.factories import member
from tests.incidents.conftest import REPORT, TODAY, make_dsp, notify, sign_off

VIEWERS = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER, Role.CHAIR, Role.MEMBER}
BT = {Role.BUSINESS_TEAM}
OPENERS = {Role.BUSINESS_TEAM, Role.SCRUTINEER}
PAGES = {
    "incidents:rapid_review": OPENERS,
    "incidents:information_request_add": BT,
    "incidents:rapid_review_meeting": BT,
    "incidents:rapid_review_report": BT,
    "incidents:rapid_review_sign_off": BT,  # and DSPs in the case team; never the scrutineer
    "incidents:panel_response": BT,
    "incidents:decision": BT,
}


def _url(name, world, incident=None, *extra):
    return reverse(name, args=[world.partnership.slug, (incident or world.incident).uuid, *extra])


def _date(prefix, d):
    return {f"{prefix}_0": d.day, f"{prefix}_1": d.month, f"{prefix}_2": d.year}


def _expected(name, role):
    if role in PAGES[name]:
        return 200
    if name == "incidents:rapid_review_sign_off" and role == Role.SCRUTINEER:
        return 403
    if name in ("incidents:rapid_review", "incidents:rapid_review_sign_off") and role in VIEWERS:
        return 404  # not in the case team
    return 403


@pytest.mark.parametrize("role", sorted(Role.values))
def test_permission_matrix(client, alpha, role):
    client.force_login(member(alpha.partnership, role))
    for name in PAGES:
        response = client.get(_url(name, alpha))
        assert response.status_code == _expected(name, role), f"{role} on {name}: {response.status_code}"


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.SCRUTINEER, Role.DSP])
def test_another_partnerships_rapid_review_is_404(client, alpha, beta, role):
    client.force_login(member(alpha.partnership, role))
    for name in PAGES:
        assert client.get(_url(name, beta)).status_code == 404
        if role == Role.BUSINESS_TEAM:
            assert client.get(_url(name, alpha, beta.incident)).status_code == 404
    request = services.information_request_add(
        actor=beta.business_team, incident=beta.incident, agency=beta.incident.agencies.get(),
        requested_on=date(2024, 1, 3), due_on=date(2024, 1, 5), today=TODAY,
    )  # fmt: skip
    client.force_login(alpha.business_team)
    url = _url("incidents:information_request_received", alpha, None, request.uuid)
    assert client.get(url).status_code == 404


def test_case_team_dsp_signs_off_through_the_page(client, alpha):
    notify(alpha)
    services.rapid_review_meeting_set(
        actor=alpha.business_team, incident=alpha.incident, meeting_date=date(2024, 1, 5), today=TODAY
    )
    services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, **REPORT)
    dsp = make_dsp(alpha)
    url = _url("incidents:rapid_review_sign_off", alpha)
    client.force_login(dsp)
    assert client.get(url).status_code == 404  # not in the case team: no need to know
    services.case_team_set(actor=alpha.business_team, incident=alpha.incident, users=[alpha.case_member, dsp])

    client.force_login(alpha.case_member)  # a group member in the case team, not a DSP
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 400
    assert services.SIGN_OFF_NOT_DSP in response.content.decode()
    assert not RapidReview.objects.get().is_signed_off

    client.force_login(dsp)
    page = client.get(url).content.decode()
    assert REPORT["facts"] in page
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Confirm that the report may go to the Panel" in response.content.decode()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    review = RapidReview.objects.get()
    assert review.signed_off_by == dsp and review.signed_off_at is not None
    assert Review.objects.filter(reference="RR-SI-2023-07", kind="rapid_review").exists()

    client.force_login(alpha.business_team)
    report_url = _url("incidents:rapid_review_report", alpha)
    response = client.get(report_url)
    assert response.status_code == 302  # locked: back to the rapid review page
    response = client.post(report_url, {**REPORT, "facts": "Changed"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.facts == REPORT["facts"]
    page = client.get(_url("incidents:rapid_review", alpha)).content.decode()
    assert "The report is signed off and can no longer be changed" in page
    assert "delegated safeguarding partner" in page


def test_sign_off_before_the_report_is_complete_says_what_is_missing(client, alpha):
    notify(alpha)
    services.rapid_review_meeting_set(
        actor=alpha.business_team, incident=alpha.incident, meeting_date=date(2024, 1, 5), today=TODAY
    )
    dsp = make_dsp(alpha)
    services.case_team_set(actor=alpha.business_team, incident=alpha.incident, users=[dsp])
    client.force_login(dsp)
    response = client.post(_url("incidents:rapid_review_sign_off", alpha), {"confirm": "on"})
    assert response.status_code == 400
    assert "Complete every section of the report before sign-off" in response.content.decode()


def test_information_request_due_before_requested_is_shown_and_answers_kept(client, alpha):
    client.force_login(alpha.business_team)
    agency = alpha.incident.agencies.get()
    data = {
        "agency": agency.pk,
        "notes": "Ask for the chronology",
        **_date("requested_on", date(2024, 1, 5)),
        **_date("due_on", date(2024, 1, 4)),
    }
    response = client.post(_url("incidents:information_request_add", alpha), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "The due date must be on or after the date requested" in content
    assert "Ask for the chronology" in content
    assert not InformationRequest.objects.exists()
    data.update(_date("due_on", date(2024, 1, 9)))
    response = client.post(_url("incidents:information_request_add", alpha), data)
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    page = client.get(_url("incidents:rapid_review", alpha)).content.decode()
    assert agency.name in page
    assert "govuk-tag" in page
    received = client.post(
        _url("incidents:information_request_received", alpha, None, request.uuid), _date("received_on", TODAY)
    )
    assert received.status_code == 302
    assert "Received late" in client.get(_url("incidents:rapid_review", alpha)).content.decode()


def test_meeting_in_the_future_and_submission_before_sign_off_are_refused_on_the_page(client, alpha):
    notify(alpha)
    client.force_login(alpha.business_team)
    response = client.post(
        _url("incidents:rapid_review_meeting", alpha), _date("meeting_date", date(2099, 1, 1))
    )
    assert response.status_code == 400
    assert services.MEETING_IN_FUTURE in response.content.decode()
    response = client.post(
        _url("incidents:rapid_review_submitted", alpha), _date("submitted_date", date(2024, 1, 5))
    )
    assert response.status_code == 400
    assert services.RR_NOT_SIGNED_OFF in response.content.decode()
    alpha.incident.refresh_from_db()
    assert alpha.incident.rr_submitted_date is None


def test_full_flow_after_sign_off_through_the_pages(client, alpha):
    sign_off(alpha)
    client.force_login(alpha.business_team)
    assert (
        client.post(
            _url("incidents:rapid_review_submitted", alpha), _date("submitted_date", date(2024, 1, 9))
        ).status_code
        == 302
    )
    response = client.post(
        _url("incidents:decision", alpha),
        {"decision": "lcspr", "reason": "The criteria are met", **_date("decision_date", date(2024, 1, 8))},
    )
    assert response.status_code == 400
    assert services.DECISION_BEFORE_SUBMITTED in response.content.decode()
    assert (
        client.post(
            _url("incidents:panel_response", alpha),
            {
                "agreed": "no",
                "comments": "The Panel would like an LCSPR",
                **_date("response_date", date(2024, 1, 9)),
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            _url("incidents:decision", alpha),
            {
                "decision": "lcspr",
                "reason": "The criteria are met",
                **_date("decision_date", date(2024, 1, 9)),
            },
        ).status_code
        == 302
    )
    review = RapidReview.objects.get()
    assert (review.panel_agreed, review.decision) == (False, "lcspr")
    lcspr = Review.objects.get(kind="lcspr")
    assert lcspr.decision_date == date(2024, 1, 9)
    page = client.get(_url("incidents:rapid_review", alpha)).content.decode()
    assert "LCSPR final report" in page
    assert "9 July 2024" in page  # decision + 6 calendar months
    assert "The rapid review is complete" in page


def test_scrutineer_sees_stages_and_dates_but_not_the_report(client, alpha):
    sign_off(alpha)
    client.force_login(member(alpha.partnership, Role.SCRUTINEER))
    response = client.get(_url("incidents:rapid_review", alpha))
    assert response.status_code == 200
    content = response.content.decode()
    assert "anonymised view" in content
    assert "5 January 2024" in content  # meeting
    assert "8 January 2024" in content  # signed off
    assert "Sign-off by a delegated safeguarding partner" in content
    for text in REPORT.values():
        if text != "no_lcspr":
            assert text not in content
    assert alpha.users["dsp"].email not in content
    assert client.get(_url("incidents:rapid_review_sign_off", alpha)).status_code == 403


def test_reading_the_rapid_review_is_audited(client, alpha):
    sign_off(alpha)
    client.force_login(alpha.case_member)
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert client.get(_url("incidents:rapid_review", alpha)).status_code == 200
    entries = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=alpha.case_member)
    assert entries.count() == before + 2
    assert {e.content_type.model for e in entries} == {"seriousincident", "rapidreview"}


def test_incident_page_links_to_the_rapid_review(client, alpha):
    client.force_login(alpha.business_team)
    content = client.get(
        reverse("incidents:incident_detail", args=[alpha.partnership.slug, alpha.incident.uuid])
    )
    assert _url("incidents:rapid_review", alpha) in content.content.decode()


def test_rapid_review_page_query_count_does_not_grow_with_requests(client, alpha):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    agency = alpha.incident.agencies.get()

    def add(n):
        for _ in range(n):
            services.information_request_add(
                actor=alpha.business_team, incident=alpha.incident, agency=agency,
                requested_on=date(2024, 1, 3), due_on=date(2024, 1, 5), today=TODAY,
            )  # fmt: skip

    sign_off(alpha)
    client.force_login(alpha.business_team)
    url = _url("incidents:rapid_review", alpha)
    add(2)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    add(8)
    with CaptureQueriesContext(connection) as after:
        content = client.get(url).content.decode()
    assert len(after.captured_queries) == len(before.captured_queries)
    assert content.count(">Record received<") == 10
