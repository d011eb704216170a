"""Statutory clocks: working days in England and Wales and versioned rule sets (pure Python).

Nothing in this package imports Django, so it can be used from scripts, tasks and benchmarks.
"""

from masa.clocks.calendar import (
    WorkingCalendar,
    add_months,
    add_working_days,
    configure_default_calendar,
    default_calendar,
    is_working_day,
    today_in_england,
    working_days_between,
)
from masa.clocks.rules import (
    DEFAULT_RULE_SET,
    RULE_SETS,
    Clock,
    Rule,
    RuleSet,
    UnknownRule,
    UnknownRuleSet,
    clock,
    clock_state,
    days_left,
    due_date,
    get_rule,
    get_rule_set,
    parse_date,
)

__all__ = [
    "today_in_england",
    "DEFAULT_RULE_SET",
    "RULE_SETS",
    "Clock",
    "Rule",
    "RuleSet",
    "UnknownRule",
    "UnknownRuleSet",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "clock",
    "clock_state",
    "configure_default_calendar",
    "days_left",
    "default_calendar",
    "due_date",
    "get_rule",
    "get_rule_set",
    "is_working_day",
    "parse_date",
    "working_days_between",
]
