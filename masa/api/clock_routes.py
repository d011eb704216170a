"""Public statutory-clock calculator: GET /api/v1/clocks/{rule}?start=YYYY-MM-DD[&rule_set=ID].

Open to anyone (no personal data: it is date arithmetic over published guidance). Working days
count the one-off bank holidays administrators have added (masa.bank_holidays).
"""

from django.http import HttpRequest
from ninja import Router, Schema, Status

from masa.api.errors import replies
from masa.api.types import Slug
from masa.bank_holidays.selectors import current_calendar
from masa.clocks import (
    DEFAULT_RULE_SET,
    RULE_SETS,
    UnknownRule,
    UnknownRuleSet,
    due_date,
    get_rule,
)
from masa.core import bounds

router = Router(tags=["Statutory clocks"])


class ClockOut(Schema):
    rule: str
    start: str
    due: str
    unit: str
    rule_set: str
    source: str
    due_is_working_day: bool


class UnknownOut(Schema):
    detail: str
    rules: list[str]
    rule_sets: list[str]


def _start_error(msg: str, kind: str) -> Status:
    return Status(422, {"detail": [{"loc": ["query", "start"], "msg": msg, "type": kind}]})


@router.get(
    "/clocks/{rule}",
    auth=None,
    response=replies({200: ClockOut}, signed_in=False, _404=UnknownOut),
    summary="Due date of a statutory clock",
    description=(
        "The due date of statutory clock `rule` started on `start` (YYYY-MM-DD), under rule set "
        f"`rule_set` (default {DEFAULT_RULE_SET}). Working-day rules skip weekends and England-and-"
        "Wales bank holidays, not counting the start day; calendar rules (weeks, months) are not "
        "moved off non-working days, and `due_is_working_day` says whether the due date is one. "
        "Open to anyone: no sign-in needed."
    ),
)
def clock_due(request: HttpRequest, rule: Slug, start: str | None = None, rule_set: Slug = DEFAULT_RULE_SET):
    try:
        the_rule = get_rule(rule, rule_set)
    except (UnknownRule, UnknownRuleSet) as e:
        valid_rules = sorted(RULE_SETS[rule_set].rules) if rule_set in RULE_SETS else []
        return Status(404, {"detail": str(e), "rules": valid_rules, "rule_sets": sorted(RULE_SETS)})
    if not start:
        return _start_error("start is required: a date like 2024-03-31", "missing")
    try:
        # masa.core.bounds: YYYY-MM-DD from 1900 to 2100 (9999-12-31 overflowed the clocks).
        start_date = bounds.iso_date(start)
    except ValueError:
        return _start_error(
            f"start must be a real date {bounds.ISO_DATE_RANGE}, written like 2024-03-31", "date_parsing"
        )
    calendar = current_calendar()
    due_on = due_date(rule, start_date, rule_set, calendar)
    return Status(
        200,
        {
            "rule": the_rule.id,
            "start": start_date.isoformat(),
            "due": due_on.isoformat(),
            "unit": the_rule.unit,
            "rule_set": rule_set,
            "source": the_rule.source,
            "due_is_working_day": calendar.is_working_day(due_on),
        },
    )
