"""Raising, moving on and resolving professional escalations, their follow-up action, who sees
them and the year's figures; bad input refused whole."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from masa.actions.models import ActionSource
from masa.escalations import selectors, services
from masa.escalations.models import Escalation
from masa.incidents.models import IncidentSettings
from tests.escalations.world import RAISED, TODAY, make_world
from tests.factories import SETUP, PartnershipAgencyFactory
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("es-s")


@pytest.fixture
def w(_world, db):
    _world.escalation.refresh_from_db()
    return _world


def raise_one(w, **changes):
    fields = dict(
        actor=SETUP,
        partnership=w.partnership,
        raised_on=RAISED,
        raised_by_agency=w.agencies[0],
        raised_by_role="Social worker",
        agencies=[w.agencies[1]],
        concern="Threshold for a child protection conference.",
        today=TODAY,
    )
    fields.update(changes)
    return services.escalation_raise(**fields)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_raised_escalation_starts_at_stage_1_with_the_raising_agency_involved(w):
    e = w.escalation
    assert e.stage == 1 and e.raised_by == w.practitioner and e.child_reference == "Child A"
    assert set(e.agencies.all()) == {w.agencies[0], w.agencies[1]}
    assert [t.name for t in e.themes.all()] == ["Neglect"]
    assert e.stage_dates == [(1, "Stage 1: between the practitioners", RAISED)]


def test_raising_refuses_bad_input_naming_each_field(w):
    before = Escalation.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        raise_one(
            w,
            raised_on=TODAY + timedelta(days=1),
            raised_by_role=" ",
            agencies=[w.agencies[0]],
            concern="",
            child_reference="Jayden Smith 12/03/2015",
        )
    errors = errors_of(excinfo)
    assert errors["raised_on"] == [services.RAISED_FUTURE]
    assert errors["raised_by_role"] == [services.ROLE_NEEDED]
    assert errors["agencies"] == [services.AGENCIES_NEEDED]
    assert errors["concern"] == [services.CONCERN_NEEDED]
    assert "must not contain a date" in errors["child_reference"][0]
    assert Escalation.objects.count() == before


@pytest.mark.parametrize(
    "reference, message",
    [("Jayden Smith", "must not contain a name"), ("Case 12", "pseudonymised form, such as Child A")],
)
def test_a_child_reference_must_be_pseudonymous(w, reference, message):
    with pytest.raises(ValidationError) as excinfo:
        raise_one(w, child_reference=reference)
    assert message in errors_of(excinfo)["child_reference"][0]


def test_the_partnership_pattern_is_followed(w):
    IncidentSettings.objects.update_or_create(
        partnership=w.partnership, defaults={"child_reference_pattern": r"HX[0-9]{3}"}
    )
    assert raise_one(w, child_reference="HX123").child_reference == "HX123"
    with pytest.raises(ValidationError):
        raise_one(w, child_reference="Child A")


def test_agencies_and_themes_of_another_partnership_are_refused(w):
    stranger = PartnershipAgencyFactory().agency
    with pytest.raises(ValidationError) as excinfo:
        raise_one(w, agencies=[stranger], raised_by_agency=stranger)
    assert errors_of(excinfo)["raised_by_agency"] == [services.AGENCY_FOREIGN]
    other = make_world("es-s2")
    with pytest.raises(ValidationError) as excinfo:
        raise_one(w, themes=[other.themes[0]])
    assert errors_of(excinfo)["themes"] == [services.THEME_FOREIGN]


def test_stages_only_move_forward_one_at_a_time(w):
    e = w.escalation
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_advance(
            actor=SETUP, escalation=e, stage=3, started_on=date(2023, 6, 1), today=TODAY
        )
    assert errors_of(excinfo)["stage"] == [services.STAGE_SKIPPED.format(current=1, next=2)]
    services.escalation_advance(actor=SETUP, escalation=e, stage=2, started_on=date(2023, 6, 1), today=TODAY)
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_advance(
            actor=SETUP, escalation=e, stage=1, started_on=date(2023, 6, 2), today=TODAY
        )
    assert errors_of(excinfo)["stage"] == [services.STAGE_BACKWARDS.format(current=2, stage=1)]
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_advance(
            actor=SETUP, escalation=e, stage=3, started_on=date(2023, 5, 30), today=TODAY
        )
    assert "on or after 1 June 2023, when stage 2 started" in errors_of(excinfo)["started_on"][0]
    services.escalation_advance(actor=SETUP, escalation=e, stage=3, started_on=date(2023, 7, 1), today=TODAY)
    e.refresh_from_db()
    assert (e.stage, e.stage2_on, e.stage3_on) == (3, date(2023, 6, 1), date(2023, 7, 1))


def test_resolved_before_it_was_raised_is_refused(w):
    e = w.escalation
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_resolve(
            actor=SETUP,
            escalation=e,
            resolved_on=RAISED - timedelta(days=1),
            resolution="Agreed",
            today=TODAY,
        )
    assert errors_of(excinfo)["resolved_on"] == [services.RESOLVED_BEFORE_RAISED.format(raised="2 May 2023")]
    e.refresh_from_db()
    assert e.resolved_on is None and e.resolution == ""


def test_resolving_records_the_days_and_freezes_the_record(w):
    e = w.escalation
    services.escalation_advance(actor=SETUP, escalation=e, stage=2, started_on=date(2023, 5, 10), today=TODAY)
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_resolve(
            actor=SETUP, escalation=e, resolved_on=date(2023, 5, 5), resolution="x", today=TODAY
        )
    assert "when stage 2 started" in errors_of(excinfo)["resolved_on"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_resolve(
            actor=SETUP, escalation=e, resolved_on=date(2023, 5, 20), resolution=" ", today=TODAY
        )
    assert errors_of(excinfo)["resolution"] == [services.RESOLUTION_NEEDED]
    e = services.escalation_resolve(
        actor=SETUP,
        escalation=e,
        resolved_on=date(2023, 5, 20),
        resolution="Strategy meeting held.",
        today=TODAY,
    )
    assert e.days_to_resolve == 18
    with pytest.raises(ValidationError) as excinfo:
        services.escalation_advance(
            actor=SETUP, escalation=e, stage=3, started_on=date(2023, 6, 1), today=TODAY
        )
    assert errors_of(excinfo)["__all__"] == [services.RESOLVED_ALREADY]


def test_a_follow_up_action_goes_into_the_tracker_with_the_escalation_source(w):
    e = w.escalation
    with pytest.raises(ValidationError) as excinfo:
        services.follow_up_add(actor=SETUP, escalation=e, text="", owner=None, due_date=None, today=TODAY)
    assert set(errors_of(excinfo)) == {"text", "owner", "due_date"}
    e = services.follow_up_add(
        actor=SETUP,
        escalation=e,
        text="Share the escalation policy",
        owner=w.owner,
        due_date=TODAY,
        today=TODAY,
    )
    action = e.action
    assert action.source == ActionSource.ESCALATION and action.escalation_record == e
    assert "Child A" not in action.description and "raised on 2 May 2023" in action.description
    with pytest.raises(ValidationError):
        services.follow_up_add(
            actor=SETUP, escalation=e, text="Again", owner=w.owner, due_date=TODAY, today=TODAY
        )


def test_who_sees_which_record(w):
    def seen(user):
        return selectors.escalation_get(user, w.partnership, w.escalation.uuid) is not None

    assert seen(w.business_team) and seen(w.practitioner) and seen(w.lead) and seen(w.scrutineer)
    assert not seen(w.other_practitioner) and not seen(w.outside_lead) and not seen(w.lsp)
    assert selectors.anonymised_for(w.scrutineer, w.partnership)
    assert not selectors.anonymised_for(w.business_team, w.partnership)


def test_the_year_summary_counts_stage_agency_theme_and_median_days(w):
    second = raise_one(w, raised_on=date(2023, 9, 1), themes=w.themes)
    services.escalation_advance(
        actor=SETUP, escalation=second, stage=2, started_on=date(2023, 9, 5), today=TODAY
    )
    services.escalation_resolve(
        actor=SETUP, escalation=second, resolved_on=date(2023, 9, 11), resolution="Ok", today=TODAY
    )
    services.escalation_resolve(
        actor=SETUP, escalation=w.escalation, resolved_on=date(2023, 5, 6), resolution="Ok", today=TODAY
    )
    raise_one(w, raised_on=date(2024, 4, 1), today=date(2024, 4, 2))  # the next reporting year
    s = selectors.summary(w.partnership, 2023)
    assert (s.year, s.raised, s.resolved, s.open) == ("2023-24", 2, 2, 0)
    assert [n for _, _, n in s.by_stage] == [1, 1, 0]
    assert dict(s.by_agency) == {w.agencies[0].name: 2, w.agencies[1].name: 2}
    assert s.by_theme == [("Neglect", 2), ("Information sharing", 1)]
    assert s.median_days == 7  # 4 and 10 days
    trend = selectors.trend(w.partnership)
    assert [(f.year, f.raised) for f in trend] == [("2023-24", 2), ("2024-25", 1)]
    assert selectors.years_with_escalations(w.partnership) == [2024, 2023]
