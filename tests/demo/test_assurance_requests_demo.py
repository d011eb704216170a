"""The demo's assurance requests: Hounslow's, as its yearly report 2023-24 and Board agendas give them."""

from django.utils import timezone

from masa.assurance.models import AssuranceLevel, AssuranceRequest, RequestStatus
from masa.demo.assurance_requests_loader import load_assurance_requests_demo


def _requests() -> list[AssuranceRequest]:
    return list(
        AssuranceRequest.objects.filter(partnership__slug="hounslow")
        .select_related("agency", "group", "lead", "meeting")
        .order_by("number")
    )


def test_hounslow_requests_mix_judgements_and_one_is_overdue(demo):
    requests = _requests()
    assert 4 <= len(requests) <= 6
    assert [r.reference for r in requests] == [f"AR-{n}" for n in range(1, len(requests) + 1)]
    judged = {r.subject: r for r in requests if r.status == RequestStatus.JUDGED}
    levels = {r.judgement for r in judged.values()}
    assert {AssuranceLevel.ASSURED, AssuranceLevel.PARTLY_ASSURED} <= levels
    assert all(
        r.judgement_reasons and r.received_on and r.judged_on >= r.received_on for r in judged.values()
    )
    today = timezone.localdate()
    [overdue] = [r for r in requests if r.is_overdue_on(today)]
    assert overdue.agency.name == "Metropolitan Police Service West Area Basic Command Unit"
    assert overdue.group.name == "Adolescent Safeguarding Group"
    # Every lead works for the agency asked; a linked meeting is the asking group's.
    for r in requests:
        assert r.lead is None or r.lead.agency_id == r.agency_id
        assert r.meeting is None or r.meeting.group_id == r.group_id


def test_the_yearly_reports_words_are_kept(demo):
    by_agency = {r.agency.name: r for r in _requests() if r.status == RequestStatus.JUDGED}
    feltham = by_agency["HMYOI Feltham"]
    # "unable to provide positive assurance about the circumstances within Feltham".
    assert feltham.judgement == AssuranceLevel.NOT_ASSURED
    assert "positive assurance" in feltham.judgement_reasons
    camhs = by_agency["NHS North West London Integrated Care Board"]
    assert camhs.judgement == AssuranceLevel.PARTLY_ASSURED and "953" in camhs.report_text
    assert sum(1 for r in _requests() if r.meeting_id) >= 3


def test_loading_again_changes_nothing(demo):
    before = AssuranceRequest.objects.count()
    load_assurance_requests_demo()
    assert AssuranceRequest.objects.count() == before
