"""Rapid review services: every stage, in order, with plain-English refusals and nothing saved."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from masa.accounts.models import Membership, Role
from masa.incidents import selectors, services
from masa.incidents.models import InformationRequest, RapidReview
from masa.reviews import services as reviews_services
from masa.reviews.models import Review
from tests.factories import PartnershipAgencyFactory, member
from tests.incidents.conftest import MEETING, REPORT, SIGNED, TODAY, make_dsp, make_incident, notify, sign_off


def _messages(error: ValidationError) -> list[str]:
    return [m for ms in error.message_dict.values() for m in ms]


def _agency(world):
    return world.incident.agencies.get()


def _request(world, requested=date(2024, 1, 3), due=date(2024, 1, 5), **kwargs):
    return services.information_request_add(
        actor=world.business_team, incident=world.incident, agency=_agency(world),
        requested_on=requested, due_on=due, today=TODAY, **kwargs,
    )  # fmt: skip


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


# Agency information requests -----------------------------------------------------------------


def test_information_request_due_before_requested_is_refused_and_nothing_saved(alpha):
    with pytest.raises(ValidationError) as error:
        _request(alpha, requested=date(2024, 1, 5), due=date(2024, 1, 4))
    assert error.value.message_dict == {"due_on": [services.REQUEST_DUE_BEFORE_REQUESTED]}
    assert services.REQUEST_DUE_BEFORE_REQUESTED == "The due date must be on or after the date requested"
    assert not InformationRequest.objects.exists()


def test_information_request_other_refusals(alpha, beta):
    for kwargs, field, message in (
        ({"requested": date(2023, 12, 1)}, "requested_on", services.REQUEST_BEFORE_AWARE),
        (
            {"requested": date(2024, 1, 11), "due": date(2024, 1, 12)},
            "requested_on",
            services.REQUEST_IN_FUTURE,
        ),
    ):
        with pytest.raises(ValidationError) as error:
            _request(alpha, **kwargs)
        assert error.value.message_dict == {field: [message]}
    with pytest.raises(ValidationError) as error:
        services.information_request_add(
            actor=alpha.business_team, incident=alpha.incident, agency=_agency(beta),
            requested_on=date(2024, 1, 3), due_on=date(2024, 1, 5), today=TODAY,
        )  # fmt: skip
    assert _messages(error.value) == [services.AGENCY_NOT_IN_PARTNERSHIP]
    assert not InformationRequest.objects.exists()


def test_information_request_states_awaiting_overdue_on_time_and_late(alpha):
    awaiting = _request(alpha, due=date(2024, 1, 12), notes="Police: call-outs to the address")
    overdue = _request(alpha, due=date(2024, 1, 9))
    on_time = _request(alpha, due=date(2024, 1, 9))
    late = _request(alpha, due=date(2024, 1, 5))
    services.information_request_received(actor=alpha.business_team, request=on_time,
                                          received_on=date(2024, 1, 9), today=TODAY)  # fmt: skip
    services.information_request_received(actor=alpha.business_team, request=late,
                                          received_on=date(2024, 1, 8), today=TODAY)  # fmt: skip
    rows = {row.request.pk: row for row in selectors.information_requests(alpha.incident, TODAY)}
    assert rows[awaiting.pk].state_text == "Awaiting"
    assert rows[awaiting.pk].clock.days_left == 2  # Wed 10 -> Fri 12 January, working days
    assert rows[overdue.pk].state_text == "Overdue"
    assert rows[overdue.pk].tag_class == "govuk-tag--red"
    assert rows[on_time.pk].state_text == "Received on time"
    assert rows[late.pk].state_text == "Received late"
    assert rows[awaiting.pk].request.notes == "Police: call-outs to the address"


def test_information_received_refusals(alpha):
    request = _request(alpha)
    for bad, message in (
        (date(2024, 1, 2), services.RECEIVED_BEFORE_REQUESTED),
        (date(2024, 1, 11), services.RECEIVED_IN_FUTURE),
    ):
        with pytest.raises(ValidationError) as error:
            services.information_request_received(
                actor=alpha.business_team, request=request, received_on=bad, today=TODAY
            )
        assert error.value.message_dict == {"received_on": [message]}
    request.refresh_from_db()
    assert request.received_on is None


# Meeting and report ----------------------------------------------------------------------------


def test_meeting_must_follow_the_notification_and_not_be_in_the_future(alpha):
    meet = dict(actor=alpha.business_team, incident=alpha.incident, today=TODAY)
    with pytest.raises(ValidationError) as error:
        services.rapid_review_meeting_set(meeting_date=date(2024, 1, 5), **meet)
    assert error.value.message_dict == {"meeting_date": [services.MEETING_BEFORE_NOTIFICATION]}
    notify(alpha)
    for bad, message in (
        (date(2024, 1, 1), services.MEETING_BEFORE_NOTIFIED),
        (date(2024, 1, 11), services.MEETING_IN_FUTURE),
    ):
        with pytest.raises(ValidationError) as error:
            services.rapid_review_meeting_set(meeting_date=bad, **meet)
        assert error.value.message_dict == {"meeting_date": [message]}
    assert not RapidReview.objects.exists()
    review = services.rapid_review_meeting_set(meeting_date=date(2024, 1, 2), **meet)
    assert review.meeting_date == date(2024, 1, 2)


def test_the_rapid_review_is_one_record_a_learning_review_from_its_first_step(alpha):
    notify(alpha)
    review = services.rapid_review_meeting_set(
        actor=alpha.business_team, incident=alpha.incident, meeting_date=date(2024, 1, 2), today=TODAY
    )
    learning = Review.objects.get()
    assert learning.pk == review.pk
    assert (learning.kind, learning.reference, learning.title, learning.incident, learning.partnership) == (
        "rapid_review", "RR-SI-2023-07", "Rapid review SI-2023-07", alpha.incident, alpha.partnership
    )  # fmt: skip
    assert (learning.status, learning.start_date) == ("in_progress", date(2024, 1, 2))
    services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, facts="x")
    assert (Review.objects.count(), RapidReview.objects.count()) == (1, 1)


def test_a_second_rapid_review_of_one_incident_is_refused_by_the_database(alpha):
    notify(alpha)
    services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, facts="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        RapidReview.objects.create(partnership=alpha.partnership, incident=alpha.incident,
                                   kind="rapid_review", reference="RR-2", title="Again")  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(partnership=alpha.partnership, kind="rapid_review", reference="RR-3",
                              title="No incident")  # fmt: skip


def test_rapid_review_reference_taken_by_another_review_is_refused(alpha):
    notify(alpha)
    Review.objects.create(partnership=alpha.partnership, kind="local_learning", reference="rr-si-2023-07",
                          title="Someone else's")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, facts="x")
    assert error.value.message_dict == {
        "facts": [reviews_services.REVIEW_REFERENCE_TAKEN.format(reference="RR-SI-2023-07")]
    }
    assert not RapidReview.objects.exists()


def test_report_draft_can_be_saved_and_changed_until_sign_off(alpha):
    with pytest.raises(ValidationError) as error:
        services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, facts="x")
    assert _messages(error.value) == [services.REPORT_BEFORE_NOTIFICATION]
    notify(alpha)
    draft = services.rapid_review_report_save(
        actor=alpha.business_team, incident=alpha.incident, facts="First"
    )
    assert draft.missing_sections == [
        "immediate safeguarding actions taken",
        "learning identified",
        "recommendation on a local review",
        "reasons for the recommendation",
    ]
    services.rapid_review_report_save(actor=alpha.business_team, incident=alpha.incident, facts="Second")
    assert RapidReview.objects.get().facts == "Second"
    with pytest.raises(ValidationError) as error:
        services.rapid_review_report_save(
            actor=alpha.business_team, incident=alpha.incident, recommendation="maybe"
        )
    assert _messages(error.value) == [services.SELECT_RECOMMENDATION]


# Sign-off ----------------------------------------------------------------------------------------


def _ready(world):
    notify(world)
    services.rapid_review_meeting_set(
        actor=world.business_team, incident=world.incident, meeting_date=MEETING, today=TODAY
    )
    services.rapid_review_report_save(actor=world.business_team, incident=world.incident, **REPORT)


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.LSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER])
def test_sign_off_by_someone_who_is_not_a_dsp_is_refused(alpha, role):
    _ready(alpha)
    with pytest.raises(ValidationError) as error:
        services.rapid_review_sign_off(actor=member(alpha.partnership, role), incident=alpha.incident)
    assert error.value.message_dict == {"confirm": [services.SIGN_OFF_NOT_DSP]}
    assert (
        services.SIGN_OFF_NOT_DSP == "The rapid review must be signed off by a delegated safeguarding partner"
    )
    review = RapidReview.objects.get()
    assert review.signed_off_at is None and review.signed_off_by is None


def test_sign_off_by_a_dsp_of_another_partnership_or_an_inactive_dsp_is_refused(alpha, beta):
    _ready(alpha)
    for dsp in (make_dsp(beta), make_dsp(alpha)):
        if dsp.memberships.get().partnership == alpha.partnership:
            Membership.objects.filter(user=dsp).update(is_active=False)
        with pytest.raises(ValidationError) as error:
            services.rapid_review_sign_off(actor=dsp, incident=alpha.incident)
        assert _messages(error.value) == [services.SIGN_OFF_NOT_DSP]
    assert not RapidReview.objects.get().is_signed_off


def test_sign_off_needs_the_meeting_and_every_section(alpha):
    dsp = make_dsp(alpha)
    notify(alpha)
    with pytest.raises(ValidationError) as error:
        services.rapid_review_sign_off(actor=dsp, incident=alpha.incident)
    assert _messages(error.value) == [services.SIGN_OFF_NO_MEETING]
    services.rapid_review_meeting_set(
        actor=alpha.business_team, incident=alpha.incident, meeting_date=MEETING, today=TODAY
    )
    services.rapid_review_report_save(
        actor=alpha.business_team, incident=alpha.incident, **{**REPORT, "learning": "  "}
    )
    with pytest.raises(ValidationError) as error:
        services.rapid_review_sign_off(actor=dsp, incident=alpha.incident)
    assert _messages(error.value) == [services.SIGN_OFF_INCOMPLETE.format(sections="learning identified")]
    assert not RapidReview.objects.get().is_signed_off


def test_sign_off_records_who_and_when_and_locks_the_report(alpha):
    dsp = sign_off(alpha)
    review = RapidReview.objects.get()
    assert review.signed_off_by == dsp
    assert timezone.localdate(review.signed_off_at) == SIGNED
    assert review.status == "in_progress"
    for attempt in (
        lambda: services.rapid_review_report_save(
            actor=alpha.business_team, incident=alpha.incident, facts="x"
        ),
        lambda: services.rapid_review_meeting_set(
            actor=alpha.business_team, incident=alpha.incident, meeting_date=date(2024, 1, 3), today=TODAY
        ),
    ):
        with pytest.raises(ValidationError) as error:
            attempt()
        assert _messages(error.value) == [services.REPORT_LOCKED]
    with pytest.raises(ValidationError) as error:
        services.rapid_review_sign_off(actor=dsp, incident=alpha.incident)
    assert _messages(error.value) == [services.SIGN_OFF_ALREADY]
    review.refresh_from_db()
    assert review.facts == REPORT["facts"] and review.meeting_date == MEETING


# Panel's response and decision ---------------------------------------------------------------------


def _submit(world, day=date(2024, 1, 9)):
    services.rapid_review_submitted(actor=world.business_team, incident=world.incident, submitted_date=day,
                                    today=TODAY)  # fmt: skip
    world.incident.refresh_from_db()


def test_panel_response_needs_the_submission_and_a_date_after_it(alpha):
    respond = dict(actor=alpha.business_team, incident=alpha.incident, today=TODAY, comments="Good")
    sign_off(alpha)
    with pytest.raises(ValidationError) as error:
        services.panel_response_record(response_date=date(2024, 1, 9), agreed=True, **respond)
    assert _messages(error.value) == [services.RESPONSE_BEFORE_SUBMISSION]
    _submit(alpha)
    with pytest.raises(ValidationError) as error:
        services.panel_response_record(response_date=date(2024, 1, 8), agreed=None, **respond)
    assert error.value.message_dict == {
        "response_date": [services.RESPONSE_BEFORE_SUBMITTED],
        "agreed": [services.SELECT_AGREED],
    }
    assert RapidReview.objects.get().panel_response_date is None
    services.panel_response_record(response_date=date(2024, 1, 10), agreed=True, **respond)
    review = RapidReview.objects.get()
    assert (review.panel_response_date, review.panel_agreed, review.panel_comments) == (
        date(2024, 1, 10), True, "Good"
    )  # fmt: skip


def test_decision_date_before_the_submission_is_refused_but_the_panel_response_is_not_needed(alpha):
    decide = dict(actor=alpha.business_team, incident=alpha.incident, today=TODAY)
    sign_off(alpha)
    with pytest.raises(ValidationError) as error:
        services.decision_record(decision="no_lcspr", decision_date=date(2024, 1, 9), reason="Why", **decide)
    assert _messages(error.value) == [services.DECISION_BEFORE_SUBMISSION]
    _submit(alpha)
    with pytest.raises(ValidationError) as error:
        services.decision_record(decision="no_lcspr", decision_date=date(2024, 1, 8), reason="Why", **decide)
    assert error.value.message_dict == {"decision_date": [services.DECISION_BEFORE_SUBMITTED]}
    with pytest.raises(ValidationError) as error:
        services.decision_record(decision="", decision_date=date(2024, 1, 11), reason=" ", **decide)
    assert error.value.message_dict == {
        "decision": [services.SELECT_DECISION],
        "decision_date": [services.DECISION_IN_FUTURE],
        "reason": [services.DECISION_REASON_NEEDED],
    }
    assert RapidReview.objects.get().decision == ""
    review = services.decision_record(
        decision="no_lcspr", decision_date=date(2024, 1, 9), reason="Why", **decide
    )
    assert (review.decision, review.decision_date) == ("no_lcspr", date(2024, 1, 9))
    assert review.panel_response_date is None
    assert list(Review.objects.values_list("reference", "kind", "status")) == [
        ("RR-SI-2023-07", "rapid_review", "completed")
    ]
    with pytest.raises(ValidationError) as error:
        services.decision_record(decision="lcspr", decision_date=date(2024, 1, 10), reason="Why", **decide)
    assert _messages(error.value) == [services.DECISION_ALREADY]
    assert not Review.objects.filter(kind="lcspr").exists()


def test_decision_to_hold_an_lcspr_creates_the_lcspr_review(alpha):
    sign_off(alpha)
    _submit(alpha)
    services.decision_record(
        actor=alpha.business_team, incident=alpha.incident, decision="lcspr",
        decision_date=date(2024, 1, 10), reason="Criteria met", today=TODAY,
    )  # fmt: skip
    lcspr = Review.objects.get(kind="lcspr")
    assert (lcspr.reference, lcspr.title, lcspr.status, lcspr.decision_date, lcspr.incident) == (
        "LCSPR-SI-2023-07", "LCSPR: SI-2023-07", "planned", date(2024, 1, 10), alpha.incident
    )  # fmt: skip
    assert Review.objects.filter(kind="rapid_review", incident=alpha.incident).count() == 1


def test_lcspr_reference_taken_by_another_case_refuses_the_whole_decision(alpha):
    sign_off(alpha)
    _submit(alpha)
    other = make_incident(alpha.partnership, alpha.business_team, "SI-2023-09")
    Review.objects.create(partnership=alpha.partnership, kind="lcspr", reference="LCSPR-SI-2023-07",
                          title="Someone else's", incident=other)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            actor=alpha.business_team, incident=alpha.incident, decision="lcspr",
            decision_date=date(2024, 1, 10), reason="Criteria met", today=TODAY,
        )  # fmt: skip
    assert _messages(error.value) == [
        reviews_services.REVIEW_REFERENCE_TAKEN.format(reference="LCSPR-SI-2023-07")
    ]
    assert RapidReview.objects.get().decision == ""


def test_care_leaver_death_has_no_rapid_review_stages(alpha):
    incident = make_incident(
        alpha.partnership, alpha.business_team, "SI-2023-08", category="death", care_leaver_death=True
    )
    agency = PartnershipAgencyFactory(partnership=alpha.partnership).agency
    with pytest.raises(ValidationError) as error:
        services.information_request_add(
            actor=alpha.business_team, incident=incident, agency=agency,
            requested_on=date(2024, 1, 3), due_on=date(2024, 1, 5), today=TODAY,
        )  # fmt: skip
    assert _messages(error.value) == [services.RR_NOT_NEEDED]
    with pytest.raises(ValidationError):
        services.rapid_review_sign_off(actor=make_dsp(alpha), incident=incident)


def test_stages_in_order(alpha):
    def stages():
        incident = selectors.incident_get(alpha.business_team, alpha.partnership, alpha.incident.uuid)
        review = selectors.rapid_review_get(incident)
        rows = selectors.information_requests(incident, TODAY)
        result = selectors.rapid_review_stages(incident, review, rows, incident.first_notified is not None)
        return {s.key: s.status for s in result}, selectors.next_step(result)

    status, _ = stages()
    assert status["meeting"] == status["report"] == status["sign_off"] == selectors.CANNOT_START
    sign_off(alpha)
    status, next_text = stages()
    assert status["sign_off"] == selectors.COMPLETED
    assert status["submitted"] == selectors.NOT_STARTED
    assert status["decision"] == selectors.CANNOT_START
    assert next_text == selectors.NEXT_STEPS["submitted"]
