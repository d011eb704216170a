"""Rule sets: every WT2023 rule on an example worked out by hand, errors, clock states."""

from datetime import date

import pytest

from masa.clocks import (
    DEFAULT_RULE_SET,
    RULE_SETS,
    UnknownRule,
    UnknownRuleSet,
    WorkingCalendar,
    clock,
    clock_state,
    days_left,
    due_date,
    get_rule,
    is_working_day,
    parse_date,
)

WT2023_RULE_IDS = {
    "panel_notification",
    "rapid_review",
    "icpc",
    "assessment",
    "core_group",
    "rcpc_first",
    "rcpc_subsequent",
    "private_fostering_first_visit",
    "private_fostering_visit_first_year",
    "private_fostering_visit_after_first_year",
    "yearly_report",
    "lcspr_final",
}


def test_wt2023_is_the_default_and_has_exactly_the_domain_rules():
    assert DEFAULT_RULE_SET == "WT2023"
    wt = RULE_SETS["WT2023"]
    assert set(wt.rules) == WT2023_RULE_IDS
    assert wt.effective_from == date(2023, 12, 15)
    assert wt.sources
    for rule_id, rule in wt.rules.items():
        assert rule.id == rule_id
        assert rule.source and rule.starts_at and rule.description and rule.amount > 0


@pytest.mark.parametrize(
    ("rule_id", "amount", "unit"),
    [
        ("panel_notification", 5, "working_days"),
        ("rapid_review", 15, "working_days"),
        ("icpc", 15, "working_days"),
        ("assessment", 45, "working_days"),
        ("core_group", 10, "working_days"),
        ("rcpc_first", 3, "calendar_months"),
        ("rcpc_subsequent", 6, "calendar_months"),
        ("private_fostering_first_visit", 7, "working_days"),
        ("private_fostering_visit_first_year", 6, "weeks"),
        ("private_fostering_visit_after_first_year", 12, "weeks"),
        ("yearly_report", 12, "calendar_months"),
        ("lcspr_final", 6, "calendar_months"),
    ],
)
def test_rule_amounts_and_units_follow_domain_table(rule_id, amount, unit):
    rule = get_rule(rule_id)
    assert (rule.amount, rule.unit) == (amount, unit)


# Each example counted by hand on a calendar (start day not counted; weekends and holidays skipped).
@pytest.mark.parametrize(
    ("rule_id", "start", "due"),
    [
        # Fri 22 Dec 2023: 23-24 weekend, 25-26 Christmas, 27/28/29 = 1-3, 30-31 weekend,
        # Mon 1 Jan New Year's Day, Tue 2 = 4, Wed 3 = 5.
        ("panel_notification", date(2023, 12, 22), date(2024, 1, 3)),
        # Mon 25 Mar 2024: 26-28 = 1-3, Good Friday 29, Easter Monday 1 Apr, 2-5 = 4-7,
        # 8-12 = 8-12, 15-17 = 13-15.
        ("rapid_review", date(2024, 3, 25), date(2024, 4, 17)),
        # Wed 14 Sep 2022: 15-16 = 1-2, Mon 19 state funeral, 20-23 = 3-6, 26-30 = 7-11, 3-6 Oct = 12-15.
        ("icpc", date(2022, 9, 14), date(2022, 10, 6)),
        # Mon 8 Jan 2024: no holidays before Good Friday; 45 working days = 9 weeks.
        ("assessment", date(2024, 1, 8), date(2024, 3, 11)),
        # Thu 4 May 2023: Fri 5 = 1, Mon 8 coronation, 9-12 = 2-5, 15-19 = 6-10.
        ("core_group", date(2023, 5, 4), date(2023, 5, 19)),
        # Calendar months, clamped: 30 Nov 2022 + 3 months = 28 Feb 2023.
        ("rcpc_first", date(2022, 11, 30), date(2023, 2, 28)),
        # 31 Aug 2023 + 6 months = 29 Feb 2024 (leap year).
        ("rcpc_subsequent", date(2023, 8, 31), date(2024, 2, 29)),
        # Sat 28 May 2022: Mon 30 = 1, Tue 31 = 2, Wed 1 = 3, Thu 2 and Fri 3 Jubilee, 6-9 Jun = 4-7.
        ("private_fostering_first_visit", date(2022, 5, 28), date(2022, 6, 9)),
        # Thu 14 Nov 2024 + 6 weeks = Thu 26 Dec 2024 (Boxing Day: not moved).
        ("private_fostering_visit_first_year", date(2024, 11, 14), date(2024, 12, 26)),
        # Mon 1 Jan 2024 + 12 weeks = Mon 25 Mar 2024.
        ("private_fostering_visit_after_first_year", date(2024, 1, 1), date(2024, 3, 25)),
        # 29 Feb 2024 + 12 months = 28 Feb 2025.
        ("yearly_report", date(2024, 2, 29), date(2025, 2, 28)),
        # 31 Aug 2024 + 6 months = 28 Feb 2025.
        ("lcspr_final", date(2024, 8, 31), date(2025, 2, 28)),
    ],
)
def test_each_wt2023_rule_on_a_hand_worked_example(rule_id, start, due):
    assert due_date(rule_id, start) == due
    assert due_date(rule_id, start, rule_set_id="WT2023") == due


def test_calendar_rule_due_dates_are_not_moved_off_non_working_days():
    due = due_date("private_fostering_visit_first_year", date(2024, 11, 14))
    assert due == date(2024, 12, 26) and not is_working_day(due)
    assert due_date("rcpc_first", date(2024, 3, 30)) == date(2024, 6, 30)  # a Sunday, kept


def test_alternative_rule_set_counts_rapid_review_from_awareness():
    alt = RULE_SETS["WT2023-RR-AWARENESS"]
    assert "aware" in alt.rules["rapid_review"].starts_at
    assert "notification" in RULE_SETS["WT2023"].rules["rapid_review"].starts_at
    assert alt.rules["rapid_review"].amount == 15
    assert alt.description
    # Aware Fri 22 Dec 2023: 5 working days to Wed 3 Jan (see above), 10 more to Wed 17 Jan.
    assert due_date("rapid_review", date(2023, 12, 22), rule_set_id="WT2023-RR-AWARENESS") == date(
        2024, 1, 17
    )
    assert set(alt.rules) == WT2023_RULE_IDS
    assert alt.rules["icpc"] == RULE_SETS["WT2023"].rules["icpc"]


def test_unknown_rule_lists_valid_rules():
    with pytest.raises(UnknownRule) as excinfo:
        due_date("rapid_reveiw", date(2024, 1, 1))
    assert set(excinfo.value.valid) == WT2023_RULE_IDS
    assert "panel_notification" in str(excinfo.value)
    assert "rapid_reveiw" in str(excinfo.value)


def test_unknown_rule_set():
    with pytest.raises(UnknownRuleSet) as excinfo:
        due_date("icpc", date(2024, 1, 1), rule_set_id="WT2018")
    assert "WT2023" in excinfo.value.valid
    assert "WT2023" in str(excinfo.value)


def test_due_date_uses_a_given_calendar():
    extra = WorkingCalendar(extra_holidays=[date(2031, 7, 16)], first_year=2031, last_year=2031)
    assert due_date("panel_notification", date(2031, 7, 14)) == date(2031, 7, 21)
    assert due_date("panel_notification", date(2031, 7, 14), calendar=extra) == date(2031, 7, 22)


# -- clock states ---------------------------------------------------------------------------------


def test_clock_states():
    due = date(2024, 4, 17)
    assert clock_state(due, today=date(2024, 3, 26), met_on=None) == "on track"
    assert clock_state(due, today=date(2024, 4, 12), met_on=None) == "due soon"
    assert clock_state(due, today=due, met_on=None) == "due soon"
    assert clock_state(due, today=date(2024, 4, 18), met_on=None) == "overdue"
    assert clock_state(due, today=date(2024, 5, 1), met_on=due) == "met on time"
    assert clock_state(due, today=date(2024, 5, 1), met_on=date(2024, 4, 18)) == "met late"
    assert clock_state(due, today=date(2024, 3, 1), met_on=date(2024, 3, 5)) == "met on time"


def test_due_soon_counts_as_the_rule_counts():
    due = date(2024, 4, 2)  # Tuesday after Easter
    today = date(2024, 3, 25)  # 8 calendar days, 5 working days (26, 27, 28, 2 Apr... = 4)
    assert days_left(due, today, "working_days") == 4
    assert days_left(due, today, "calendar_days") == 8
    assert clock_state(due, today, None, unit="working_days") == "due soon"
    assert clock_state(due, today, None, unit="calendar_months") == "on track"
    assert clock_state(due, today, None, due_soon_days=3, unit="working_days") == "on track"


def test_days_left_is_negative_once_overdue():
    assert days_left(date(2024, 3, 1), date(2024, 3, 5), "working_days") == -2
    assert days_left(date(2024, 3, 1), date(2024, 3, 5), "weeks") == -4


def test_clock_summary():
    c = clock("panel_notification", date(2023, 12, 22), today=date(2023, 12, 27))
    assert c.due == date(2024, 1, 3)
    assert c.days_left == 4  # 28, 29 Dec, 2, 3 Jan
    assert c.state == "due soon"
    assert c.due_is_working_day
    later = clock("private_fostering_visit_first_year", date(2024, 11, 14), today=date(2024, 11, 15))
    assert later.days_left == 41 and later.state == "on track" and not later.due_is_working_day


@pytest.mark.parametrize("text", ["2024-3-31", "20240331", "2024-W13-7", "31/03/2024", "", "2024-02-30"])
def test_parse_date_rejects_anything_but_yyyy_mm_dd(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_parse_date():
    assert parse_date(" 2024-03-31 ") == date(2024, 3, 31)
