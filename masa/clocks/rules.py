"""Statutory clocks as data: versioned rule sets with an effective date and sources.

A change in guidance is a new `RuleSet` in `RULE_SETS`, not a code change elsewhere. "WT2023"
(Working Together to Safeguard Children 2023) is the default; see docs/domain.md,
"3. Statutory clocks".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from masa.clocks.calendar import (
    WorkingCalendar,
    add_calendar_days,
    add_months,
    add_weeks,
    default_calendar,
)

__all__ = [
    "DEFAULT_RULE_SET",
    "RULE_SETS",
    "STATES",
    "Clock",
    "Rule",
    "RuleSet",
    "UnknownRule",
    "UnknownRuleSet",
    "clock",
    "clock_state",
    "days_left",
    "due_date",
    "get_rule",
    "get_rule_set",
    "parse_date",
]

Unit = Literal["working_days", "calendar_months", "weeks", "calendar_days"]
UNITS: tuple[str, ...] = ("working_days", "calendar_months", "weeks", "calendar_days")
State = Literal["on track", "due soon", "overdue", "met on time", "met late"]
STATES: tuple[str, ...] = ("on track", "due soon", "overdue", "met on time", "met late")
DEFAULT_RULE_SET = "WT2023"
# "Due soon" when this many days (in the rule's counting: working or calendar) or fewer are left.
DUE_SOON_WORKING_DAYS = 5
DUE_SOON_CALENDAR_DAYS = 7


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date:
    """A date written exactly as YYYY-MM-DD; ValueError otherwise (no week dates, no 20240331)."""
    text = text.strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"not a date like 2024-03-31: {text!r}")
    return date.fromisoformat(text)


class UnknownRule(KeyError):
    """No rule with that id in the rule set; `valid` lists the ids there are."""

    def __init__(self, rule_id: str, rule_set_id: str, valid: list[str]) -> None:
        super().__init__(rule_id)
        self.rule_id = rule_id
        self.rule_set_id = rule_set_id
        self.valid = valid

    def __str__(self) -> str:
        return (
            f"Unknown rule {self.rule_id!r} in rule set {self.rule_set_id}. "
            f"Valid rules: {', '.join(self.valid)}"
        )


class UnknownRuleSet(KeyError):
    """No rule set with that id; `valid` lists the ids there are."""

    def __init__(self, rule_set_id: str, valid: list[str]) -> None:
        super().__init__(rule_set_id)
        self.rule_set_id = rule_set_id
        self.valid = valid

    def __str__(self) -> str:
        return f"Unknown rule set {self.rule_set_id!r}. Valid rule sets: {', '.join(self.valid)}"


@dataclass(frozen=True)
class Rule:
    """One time limit: `amount` `unit`s after the event described by `starts_at`."""

    id: str
    description: str
    starts_at: str
    amount: int
    unit: Unit
    source: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"rule {self.id}: unit must be one of {', '.join(UNITS)}")

    @property
    def counts_working_days(self) -> bool:
        return self.unit == "working_days"

    @property
    def due_text(self) -> str:
        """'+5 working days', '+3 calendar months', '+6 weeks'."""
        return f"+{self.amount} {self.unit.replace('_', ' ')}"


@dataclass(frozen=True)
class RuleSet:
    """A versioned set of rules, in force from `effective_from`."""

    id: str
    name: str
    effective_from: date
    rules: dict[str, Rule]
    sources: list[str] = field(default_factory=list)
    description: str = ""

    def rule(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise UnknownRule(rule_id, self.id, sorted(self.rules)) from None


WT2023_SOURCES = [
    "Working Together to Safeguard Children 2023 (HM Government, December 2023)",
    "Child Safeguarding Practice Review Panel: practice guidance on notifications and rapid reviews",
    "The Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)",
    "Hounslow Safeguarding Children Partnership: multi-agency safeguarding arrangements",
]

_WT2023_RULES = [
    Rule(
        "panel_notification",
        "Notify the Child Safeguarding Practice Review Panel of a serious incident",
        "partnership becomes aware of a serious incident",
        5,
        "working_days",
        "Working Together 2023 ch.5; Panel guidance",
    ),
    Rule(
        "rapid_review",
        "Complete the rapid review and send its findings to the Panel",
        "notification sent to the Panel",
        15,
        "working_days",
        'Multi-agency safeguarding arrangements ("report findings to the Panel within 15 working days"); '
        "Panel guidance",
    ),
    Rule(
        "icpc",
        "Hold the initial child protection conference",
        "strategy discussion at which S47 was agreed",
        15,
        "working_days",
        "WT2023 ch.3",
    ),
    Rule(
        "assessment",
        "Complete the social work assessment",
        "referral",
        45,
        "working_days",
        "WT2023 ch.3",
    ),
    Rule(
        "core_group",
        "Hold the first core group meeting",
        "ICPC",
        10,
        "working_days",
        "WT2023 ch.3",
    ),
    Rule(
        "rcpc_first",
        "Hold the first review child protection conference",
        "ICPC",
        3,
        "calendar_months",
        "WT2023 ch.3",
    ),
    Rule(
        "rcpc_subsequent",
        "Hold the next review child protection conference",
        "previous review conference",
        6,
        "calendar_months",
        "WT2023 ch.3",
    ),
    Rule(
        "private_fostering_first_visit",
        "Visit a privately fostered child for the first time",
        "notice of the arrangement received",
        7,
        "working_days",
        "Private Fostering (LA Functions) (England) Regs 2005, reg. 7",
    ),
    Rule(
        "private_fostering_visit_first_year",
        "Visit a privately fostered child again (first year of the arrangement)",
        "previous visit",
        6,
        "weeks",
        "Private Fostering (LA Functions) (England) Regs 2005, reg. 8",
    ),
    Rule(
        "private_fostering_visit_after_first_year",
        "Visit a privately fostered child again (after the first year)",
        "previous visit",
        12,
        "weeks",
        "Private Fostering (LA Functions) (England) Regs 2005, reg. 8",
    ),
    Rule(
        "yearly_report",
        "Publish the partnership's yearly report",
        "previous report published",
        12,
        "calendar_months",
        'WT2023 ch.2 ("at least once in every 12-month period")',
    ),
    Rule(
        "lcspr_final",
        "Complete the local child safeguarding practice review (expectation, not a statutory limit)",
        "decision to hold an LCSPR",
        6,
        "calendar_months",
        "WT2023 ch.5 (expectation, not a statutory limit; configurable)",
    ),
]

WT2023 = RuleSet(
    id="WT2023",
    name="Working Together 2023",
    effective_from=date(2023, 12, 15),
    rules={r.id: r for r in _WT2023_RULES},
    sources=WT2023_SOURCES,
    description="The default rule set: Working Together to Safeguard Children 2023.",
)

WT2023_RR_AWARENESS = RuleSet(
    id="WT2023-RR-AWARENESS",
    name="Working Together 2023, rapid review counted from awareness",
    effective_from=date(2023, 12, 15),
    rules={
        **WT2023.rules,
        "rapid_review": replace(
            WT2023.rules["rapid_review"],
            starts_at="partnership becomes aware of a serious incident",
            source="Panel guidance (some versions count the 15 working days from awareness, "
            "not from the notification)",
        ),
    },
    sources=WT2023_SOURCES,
    description=(
        "As WT2023, except that the rapid review's 15 working days run from the day the "
        "partnership became aware of the serious incident, as some Panel guidance counts them, "
        "rather than from the notification to the Panel."
    ),
)

RULE_SETS: dict[str, RuleSet] = {rs.id: rs for rs in (WT2023, WT2023_RR_AWARENESS)}


def get_rule_set(rule_set_id: str = DEFAULT_RULE_SET) -> RuleSet:
    try:
        return RULE_SETS[rule_set_id]
    except KeyError:
        raise UnknownRuleSet(rule_set_id, sorted(RULE_SETS)) from None


def get_rule(rule_id: str, rule_set_id: str = DEFAULT_RULE_SET) -> Rule:
    return get_rule_set(rule_set_id).rule(rule_id)


def _due(rule: Rule, start: date, calendar: WorkingCalendar | None) -> date:
    unit = rule.unit
    if unit == "working_days":
        return (calendar or default_calendar()).add_working_days(start, rule.amount)
    if unit == "calendar_months":
        return add_months(start, rule.amount)
    if unit == "weeks":
        return add_weeks(start, rule.amount)
    return add_calendar_days(start, rule.amount)


def due_date(
    rule_id: str,
    start: date,
    rule_set_id: str = DEFAULT_RULE_SET,
    calendar: WorkingCalendar | None = None,
) -> date:
    """The due date of `rule_id` for a clock started on `start`.

    Working-day rules skip weekends and bank holidays (start not counted); calendar rules
    (months, weeks, days) are maximum intervals and are not moved off non-working days.
    """
    rule_set = RULE_SETS.get(rule_set_id)
    if rule_set is None:
        raise UnknownRuleSet(rule_set_id, sorted(RULE_SETS))
    rule = rule_set.rules.get(rule_id)
    if rule is None:
        raise UnknownRule(rule_id, rule_set_id, sorted(rule_set.rules))
    return _due(rule, start, calendar)


def days_left(
    due: date,
    today: date,
    unit: str = "calendar_days",
    calendar: WorkingCalendar | None = None,
) -> int:
    """Days from `today` to `due`: working days for working-day rules, else calendar days.

    0 on the due day, negative once overdue.
    """
    if unit == "working_days":
        return (calendar or default_calendar()).working_days_between(today, due)
    return (due - today).days


def clock_state(
    due: date,
    today: date,
    met_on: date | None = None,
    due_soon_days: int | None = None,
    unit: str = "calendar_days",
    calendar: WorkingCalendar | None = None,
) -> State:
    """'met on time' / 'met late' once met; else 'overdue', 'due soon' or 'on track'.

    Due soon: `due_soon_days` or fewer days left, counted as the rule counts (default 5 working
    days for working-day rules, 7 calendar days otherwise). The due day itself is not overdue.
    """
    if met_on is not None:
        return "met on time" if met_on <= due else "met late"
    if today > due:
        return "overdue"
    if due_soon_days is None:
        due_soon_days = DUE_SOON_WORKING_DAYS if unit == "working_days" else DUE_SOON_CALENDAR_DAYS
    if days_left(due, today, unit, calendar) <= due_soon_days:
        return "due soon"
    return "on track"


@dataclass(frozen=True)
class Clock:
    """Everything a page shows for one clock (who is accountable is the caller's business)."""

    rule: Rule
    rule_set_id: str
    start: date
    due: date
    days_left: int
    state: State
    due_is_working_day: bool
    met_on: date | None = None


def clock(
    rule_id: str,
    start: date,
    today: date,
    met_on: date | None = None,
    rule_set_id: str = DEFAULT_RULE_SET,
    calendar: WorkingCalendar | None = None,
    due_soon_days: int | None = None,
) -> Clock:
    """A clock's due date, days left, state and whether the due date is a working day."""
    cal = calendar or default_calendar()
    rule = get_rule(rule_id, rule_set_id)
    due = _due(rule, start, cal)
    return Clock(
        rule=rule,
        rule_set_id=rule_set_id,
        start=start,
        due=due,
        days_left=days_left(due, today, rule.unit, cal),
        state=clock_state(due, today, met_on, due_soon_days, rule.unit, cal),
        due_is_working_day=cal.is_working_day(due),
        met_on=met_on,
    )
