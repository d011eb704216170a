from datetime import date

from masa.clocks.rules import due_date
from masa.learning.models import SeriousIncident
from masa.learning.selectors import incident_clocks


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
    states = {c.rule_id: c.clock.state for c in incident_clocks(incident, date.today(), first) if c.clock}
    assert states == {"panel_notification": "met on time", "rapid_review": "met on time"}
