from datetime import date

from django.utils import timezone

from masa.clocks.rules import due_date
from masa.incidents.models import SeriousIncident
from masa.incidents.selectors import incident_clocks


def test_hounslow_demo_has_the_two_2023_24_rapid_reviews_met_on_time(demo):
    incidents = SeriousIncident.objects.filter(partnership__slug="hounslow").order_by("reference")
    assert [i.reference for i in incidents] == ["SI-2023-01", "SI-2023-02"]
    for incident in incidents:
        assert incident.children.count() == 1
        first_notice = incident.notifications.get().sent_date
        assert first_notice <= due_date("panel_notification", incident.date_aware)
        assert incident.rr_submitted_date <= due_date("rapid_review", first_notice)
        assert incident.case_team.exists()
    assert incidents[1].date_aware == date(2023, 11, 20)


def test_demo_incident_clocks_show_met_on_time(demo):
    incident = SeriousIncident.objects.get(partnership__slug="hounslow", reference="SI-2023-01")
    first = incident.notifications.get().sent_date
    states = {
        c.rule_id: c.clock.state for c in incident_clocks(incident, timezone.localdate(), first) if c.clock
    }
    assert states == {"panel_notification": "met on time", "rapid_review": "met on time"}


def test_demo_rapid_reviews_are_complete_and_decided_no_lcspr(demo):
    from masa.accounts.models import Membership, Role
    from masa.incidents.models import RapidReview
    from masa.incidents.selectors import COMPLETED, information_requests, rapid_review_stages
    from masa.reviews.models import Review

    for reference in ("SI-2023-01", "SI-2023-02"):
        incident = SeriousIncident.objects.get(partnership__slug="hounslow", reference=reference)
        review = RapidReview.objects.get(incident=incident)
        requests = information_requests(incident, timezone.localdate())
        agencies = " ".join(row.request.agency.name for row in requests)
        for kind in ("Police", "NHS", "London Borough of Hounslow", "education"):
            assert kind in agencies, f"{reference}: no request to {kind}"
        assert all(row.request.received_on for row in requests)
        assert review.meeting_date and review.missing_sections == []
        assert (
            Membership.objects.get(user=review.signed_off_by, partnership=incident.partnership).role
            == Role.DSP
        )
        assert review.meeting_date <= review.signed_off_at.date() <= incident.rr_submitted_date
        assert review.recommendation == review.decision == "no_lcspr"
        assert review.panel_agreed is True and "positive feedback" in review.panel_comments
        assert review.decision_date >= incident.rr_submitted_date
        stages = rapid_review_stages(incident, review, requests, notified=True)
        assert {s.status for s in stages} == {COMPLETED}
        assert Review.objects.filter(
            reference=f"RR-{reference}", kind="rapid_review", incident=incident
        ).exists()
    assert not Review.objects.filter(
        partnership__slug="hounslow", kind="lcspr", incident__isnull=False
    ).exists()
    domestic = RapidReview.objects.get(
        incident__reference="SI-2023-01", incident__partnership__slug="hounslow"
    )
    assert "no actions were identified" in domestic.learning
    pre_birth = RapidReview.objects.get(
        incident__reference="SI-2023-02", incident__partnership__slug="hounslow"
    )
    for words in ("too focused on the parents", "Safeguarding and Support Teams", "April 2023", "July 2023",
                  "action plan"):  # fmt: skip
        assert words in pre_birth.learning


def test_loading_the_learning_demo_twice_changes_nothing(demo):
    from auditlog.models import LogEntry

    from masa.demo.incidents_loader import load_learning_demo
    from masa.incidents.models import InformationRequest, RapidReview
    from masa.reviews.models import Review

    def state():
        return (
            SeriousIncident.objects.count(),
            InformationRequest.objects.count(),
            list(RapidReview.objects.order_by("pk").values()),
            Review.objects.count(),
            LogEntry.objects.count(),
        )

    before = state()
    load_learning_demo()
    assert state() == before
