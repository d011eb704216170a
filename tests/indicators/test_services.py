"""Catalogue, periods, data calls and submissions: the rules and what is saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from masa.indicators import selectors, services
from masa.indicators.dfe_catalogue import DFE_CATALOGUE, DFE_CODES
from masa.indicators.models import Comparator, DataCall, Indicator, IndicatorValue, Period, Submission, Target
from masa.returns.readers.indicators import INDICATORS
from tests.factories import SETUP
from tests.indicators.datacall_world import build_world, indicator, police_answers, police_indicators

A = services.Answer


# -- check_answer (pure) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "answer", "expected"),
    [
        ("count", A(value="12"), Decimal("12")),
        ("count", A(value="1,204"), Decimal("1204")),
        ("percent", A(numerator="3", denominator="4"), Decimal("75.0")),
        ("percent", A(value="92.5"), Decimal("92.5")),
        ("rate_10k", A(numerator="2500", denominator="68630"), Decimal("364.3")),
        ("days", A(value="3.5"), Decimal("3.5")),
        ("number", A(value="-2"), Decimal("-2")),
    ],
)
def test_check_answer_accepts_good_values(unit, answer, expected):
    checked, errors = services.check_answer(unit, answer)
    assert errors == []
    assert checked is not None and checked.value == expected


@pytest.mark.parametrize(
    ("unit", "answer", "error"),
    [
        ("count", A(value="1.5"), ("value", "must be a whole number")),
        ("count", A(value="-1"), ("value", "must be 0 or more")),
        ("count", A(value="twelve"), ("value", "must be a number")),
        ("count", A(value="=1+1"), ("value", "must be a number, not a formula")),
        ("percent", A(value="101"), ("value", "must be between 0 and 100")),
        ("percent", A(value="-3"), ("value", "must be between 0 and 100")),
        (
            "percent",
            A(numerator="5", denominator="4"),
            ("numerator", "must not be more than the denominator"),
        ),
        ("percent", A(numerator="5"), ("denominator", "enter both the numerator and the denominator")),
        ("percent", A(numerator="1", denominator="0"), ("denominator", "must be more than 0")),
        ("percent", A(numerator="1.5", denominator="4"), ("numerator", "must be a whole number")),
        ("rate_10k", A(value="-0.1"), ("value", "must be 0 or more")),
        ("days", A(value="-2"), ("value", "must be 0 or more")),
        (
            "count",
            A(numerator="3", denominator="4"),
            ("numerator", "leave blank: this indicator takes a single value"),
        ),
        ("count", A(), ("value", services.ANSWER_REQUIRED)),
        ("count", A(value="3", missing_reason="Not known"), ("missing_reason", services.VALUE_AND_MISSING)),
    ],
)
def test_check_answer_refuses_bad_values_naming_the_field(unit, answer, error):
    checked, errors = services.check_answer(unit, answer)
    assert checked is None
    assert errors[0] == error


def test_missing_with_a_reason_is_accepted():
    checked, errors = services.check_answer("count", A(missing_reason="  System outage  "))
    assert errors == [] and checked is not None
    assert checked.value is None and checked.missing_reason == "System outage"


@pytest.mark.parametrize(
    ("frequency", "start", "label"),
    [
        ("quarterly", date(2023, 4, 1), "2023-24 Q1"),
        ("quarterly", date(2024, 1, 1), "2023-24 Q4"),
        ("quarterly", date(2023, 10, 1), "2023-24 Q3"),
        ("yearly", date(2023, 4, 1), "2023-24"),
        ("yearly", date(2099, 4, 1), "2099-00"),
        ("monthly", date(2023, 5, 1), "May 2023"),
    ],
)
def test_period_label(frequency, start, label):
    assert services.period_label(frequency, start) == label


# -- catalogue -----------------------------------------------------------------------------------


def test_dfe_catalogue_matches_the_return_indicators():
    assert set(DFE_CODES) == set(INDICATORS)
    assert len(DFE_CATALOGUE) == 21
    for entry in DFE_CATALOGUE:
        spec = INDICATORS[entry["code"]]
        assert entry["dfe_defined"] == (spec.basis == "DfE-defined")
        assert {"rate": "rate_10k", "pct": "percent", "count": "count"}[spec.kind] == entry["unit"]
        assert entry["title"] == spec.title


def test_dfe_indicators_add_creates_21_once(db):
    world = build_world(open_call=False)
    assert services.dfe_indicators_add(actor=world.business, partnership=world.partnership) == 21
    assert services.dfe_indicators_add(actor=world.business, partnership=world.partnership) == 0
    added = Indicator.objects.filter(partnership=world.partnership, return_indicator__gt="")
    assert added.count() == 21
    referrals = added.get(code="referrals_rate")
    assert (referrals.unit, referrals.frequency, referrals.is_dfe_defined) == ("rate_10k", "yearly", True)
    assert added.get(code="s47_to_icpc_pct").is_dfe_defined is False


def test_indicator_code_is_unique_per_partnership_only(db):
    world = build_world(open_call=False)
    with pytest.raises(ValidationError) as error:
        indicator(world.partnership, "wait_days", "days", None)
    assert error.value.message_dict == {"code": [services.CODE_TAKEN]}
    other = build_world("beta", open_call=False)
    assert Indicator.objects.filter(code="wait_days").count() == 2
    ind = world.indicators["wait_days"]
    with pytest.raises(ValidationError):
        services.indicator_update(actor=SETUP, indicator=ind, code="arrests_pct")
    services.indicator_update(actor=SETUP, indicator=ind, code="wait_days", title="Days waited")
    assert Indicator.objects.get(pk=ind.pk).title == "Days waited"
    assert other.partnership != world.partnership


def test_targets_and_comparators_per_year(db):
    world = build_world(open_call=False)
    ind = world.indicators["arrests_pct"]
    services.target_set(actor=SETUP, indicator=ind, year="2023-24", value=Decimal(80), tolerance=Decimal(5))
    services.target_set(actor=SETUP, indicator=ind, year="2023-24", value=Decimal(85), tolerance=None)
    assert list(Target.objects.filter(indicator=ind).values_list("year", "value", "tolerance")) == [
        ("2023-24", Decimal(85), Decimal(0))
    ]
    with pytest.raises(ValidationError) as error:
        services.target_set(actor=SETUP, indicator=ind, year="2023-25", value=Decimal(1))
    assert error.value.message_dict == {"year": [services.YEAR_FORMAT]}
    services.comparator_set(actor=SETUP, indicator=ind, year="2023-24", kind="england", value=Decimal("70.1"))
    services.comparator_set(actor=SETUP, indicator=ind, year="2023-24", kind="london", value=Decimal("72"))
    assert Comparator.objects.filter(indicator=ind).count() == 2


def test_comparators_import_is_atomic_and_names_file_row_and_column(db):
    world = build_world(open_call=False)
    rows = [
        ["Indicator code", "Year", "Kind", "Value", "Source"],
        ["arrests_pct", "2023-24", "England", "70.5", "DfE 2024"],
        ["arrests_pct", "2023-24", "London", "abc", ""],
        ["nope", "2023", "Mars", "1", ""],
    ]
    with pytest.raises(ValidationError) as error:
        services.comparators_import(
            actor=SETUP, partnership=world.partnership, filename="comp.csv", rows=rows
        )
    messages = error.value.message_dict["file"]
    assert "comp.csv, row 3, column Value: must be a number" in messages
    assert "comp.csv, row 4, column Indicator code: there is no indicator with the id 'nope'" in messages
    assert "comp.csv, row 4, column Year: enter the year like 2023-24" in messages
    assert "comp.csv, row 4, column Kind: must be statistical neighbours, London or England" in messages
    assert Comparator.objects.count() == 0
    good = rows[:2] + [["visits_rate", "2022-23", "statistical neighbours", "=1+2", "x"]]
    with pytest.raises(ValidationError) as error:
        services.comparators_import(actor=SETUP, partnership=world.partnership, filename="c.csv", rows=good)
    assert error.value.message_dict["file"] == ["c.csv, row 3, column Value: must be a number, not a formula"]
    good[2][3] = "41.2"
    assert (
        services.comparators_import(actor=SETUP, partnership=world.partnership, filename="c.csv", rows=good)
        == 2
    )
    assert Comparator.objects.get(kind="statistical_neighbours").value == Decimal("41.2")


# -- periods and data calls ----------------------------------------------------------------------


def test_period_refuses_overlap_and_end_before_start(db):
    world = build_world(open_call=False)
    with pytest.raises(ValidationError) as error:
        services.period_create(
            actor=SETUP,
            partnership=world.partnership,
            frequency="quarterly",
            start=date(2023, 6, 1),
            end=date(2023, 8, 31),
        )
    assert error.value.message_dict == {
        "start": ["This period overlaps 2023-24 Q1, another quarterly period"]
    }
    with pytest.raises(ValidationError) as error:
        services.period_create(
            actor=SETUP,
            partnership=world.partnership,
            frequency="monthly",
            start=date(2023, 6, 1),
            end=date(2023, 5, 1),
        )
    assert error.value.message_dict == {"end": [services.PERIOD_END_BEFORE_START]}
    # A year overlapping the quarter is fine: a different frequency.
    services.period_create(
        actor=SETUP,
        partnership=world.partnership,
        frequency="yearly",
        start=date(2023, 4, 1),
        end=date(2024, 3, 31),
    )
    assert Period.objects.filter(partnership=world.partnership).count() == 2


def test_data_call_creates_a_task_per_agency_and_emails_the_leads(db, django_capture_on_commit_callbacks):
    world = build_world(open_call=False)
    with django_capture_on_commit_callbacks(execute=True):
        call = services.data_call_open(
            actor=world.business,
            partnership=world.partnership,
            period=world.period,
            due_date=date(2023, 7, 31),
        )
    assert set(call.submissions.values_list("agency__name", flat=True)) == {"alpha police", "alpha health"}
    assert {tuple(m.to) for m in mail.outbox} == {(world.police_lead.email,), (world.health_lead.email,)}
    assert "2023-24 Q1" in mail.outbox[0].subject
    assert f"/p/alpha/data-calls/{call.uuid}/" in mail.outbox[0].body
    with pytest.raises(ValidationError) as error:
        services.data_call_open(
            actor=world.business,
            partnership=world.partnership,
            period=world.period,
            due_date=date(2023, 7, 31),
        )
    assert error.value.message_dict == {"period": ["There is already a data call for 2023-24 Q1"]}


def test_data_call_with_nobody_to_ask_is_refused(db):
    world = build_world(open_call=False)
    month = services.period_create(
        actor=SETUP,
        partnership=world.partnership,
        frequency="monthly",
        start=date(2023, 4, 1),
        end=date(2023, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        services.data_call_open(
            actor=SETUP, partnership=world.partnership, period=month, due_date=date(2023, 5, 31)
        )
    assert "monthly" in error.value.messages[0]
    assert DataCall.objects.count() == 0


# -- submissions -----------------------------------------------------------------------------------


def test_draft_keeps_partial_answers_and_submit_needs_all(db):
    world = build_world()
    sub = world.submission(world.police)
    inds = police_indicators(world)
    assert [i.code for i in inds] == ["arrests_pct", "wait_days", "missing_episodes", "visits_rate"]
    services.submission_save(
        actor=world.police_lead,
        submission=sub,
        indicators=inds,
        answers={"missing_episodes": A(value="4")},
        submit=False,
    )
    sub.refresh_from_db()
    assert sub.status == "draft"
    assert [v.value for v in selectors.submission_answers(sub).values()] == [Decimal(4)]
    with pytest.raises(services.AnswersInvalid) as error:
        services.submission_save(
            actor=world.police_lead,
            submission=sub,
            indicators=inds,
            answers={"missing_episodes": A(value="5")},
            submit=True,
        )
    assert {(e.indicator.code, e.field) for e in error.value.answer_errors} == {
        ("arrests_pct", "value"),
        ("wait_days", "value"),
        ("visits_rate", "value"),
    }
    # Nothing saved on refusal: the draft still says 4.
    assert [v.value for v in selectors.submission_answers(sub).values()] == [Decimal(4)]
    assert Submission.objects.get(pk=sub.pk).status == "draft"


def test_bad_value_refuses_the_whole_submission(db):
    world = build_world()
    sub = world.submission(world.police)
    answers = police_answers(missing_episodes=A(value="2.5"))
    with pytest.raises(services.AnswersInvalid) as error:
        services.submission_save(
            actor=world.police_lead,
            submission=sub,
            indicators=police_indicators(world),
            answers=answers,
            submit=True,
        )
    assert error.value.message_dict == {
        "missing_episodes__value": ["Missing episodes: value must be a whole number"]
    }
    assert IndicatorValue.objects.count() == 0


def _submit_and_approve(world, answers):
    sub = world.submission(world.police)
    services.submission_save(
        actor=world.police_lead,
        submission=sub,
        indicators=police_indicators(world),
        answers=answers,
        submit=True,
    )
    return services.submission_approve(actor=world.business, submission=sub)


def test_approve_makes_values_current_and_locks(db):
    world = build_world()
    sub = _submit_and_approve(world, police_answers())
    assert sub.status == "approved" and sub.is_locked
    current = {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(is_current=True).select_related("indicator")
    }
    assert current["arrests_pct"].value == Decimal("75.0")
    assert current["arrests_pct"].submission == sub
    assert current["wait_days"].missing_reason == "The system was down"
    with pytest.raises(ValidationError) as error:
        services.submission_save(
            actor=world.police_lead,
            submission=sub,
            indicators=police_indicators(world),
            answers=police_answers(),
            submit=True,
        )
    assert error.value.messages[0].startswith("This submission was approved on ")
    assert error.value.messages[0].endswith(" and is locked")


def test_resubmission_after_reopen_keeps_history(db):
    world = build_world()
    sub = _submit_and_approve(world, police_answers())
    with pytest.raises(ValidationError) as error:
        services.submission_reopen(actor=world.business, submission=sub, note="")
    assert error.value.message_dict == {"note": [services.NOTE_REQUIRED]}
    services.submission_reopen(actor=world.business, submission=sub, note="Episodes look low")
    sub.refresh_from_db()
    assert sub.status == "returned" and sub.review_note == "Episodes look low"
    # Still current until the new version is approved; the form starts from the approved answers.
    assert IndicatorValue.objects.filter(is_current=True).count() == 4
    assert selectors.submission_answers(sub)[world.indicators["missing_episodes"].pk].value == Decimal(12)
    _submit_and_approve(world, police_answers(missing_episodes=A(value="15")))
    history = list(selectors.value_history(world.indicators["missing_episodes"]))
    assert [(v.value, v.is_current) for v in history] == [(Decimal(15), True), (Decimal(12), False)]
    assert all(v.submission_id == sub.pk for v in history)
    assert IndicatorValue.objects.filter(is_current=True).count() == 4


def test_return_with_note_lets_the_agency_resubmit(db):
    world = build_world()
    sub = world.submission(world.police)
    with pytest.raises(ValidationError):
        services.submission_return(actor=world.business, submission=sub, note="x")  # not submitted yet
    services.submission_save(
        actor=world.police_lead,
        submission=sub,
        indicators=police_indicators(world),
        answers=police_answers(),
        submit=True,
    )
    services.submission_return(actor=world.business, submission=sub, note="Check the arrests figure")
    sub.refresh_from_db()
    assert sub.status == "returned"
    assert IndicatorValue.objects.filter(is_current=True).count() == 0
    services.submission_save(
        actor=world.police_lead,
        submission=sub,
        indicators=police_indicators(world),
        answers=police_answers(arrests_pct=A(numerator="1", denominator="4")),
        submit=True,
    )
    services.submission_approve(actor=world.business, submission=sub)
    assert IndicatorValue.objects.get(is_current=True, indicator__code="arrests_pct").value == Decimal("25.0")


def test_closed_call_refuses_answers(db):
    world = build_world()
    services.data_call_close(actor=world.business, data_call=world.call)
    with pytest.raises(ValidationError) as error:
        services.submission_save(
            actor=world.police_lead,
            submission=world.submission(world.police),
            indicators=police_indicators(world),
            answers=police_answers(),
            submit=False,
        )
    assert error.value.messages == [services.CALL_CLOSED]


def test_agency_lead_reaches_only_their_agency(db):
    world = build_world()
    police_sub, health_sub = world.submission(world.police), world.submission(world.health)
    assert selectors.submission_get(world.police_lead, world.partnership, police_sub.uuid) == police_sub
    assert selectors.submission_get(world.police_lead, world.partnership, health_sub.uuid) is None
    assert selectors.submission_get(world.business, world.partnership, health_sub.uuid) == health_sub
    other = build_world("beta")
    assert (
        selectors.submission_get(world.police_lead, other.partnership, other.submission(other.police).uuid)
        is None
    )
    assert list(selectors.submissions_for_user(world.police_lead, world.partnership)) == [police_sub]
