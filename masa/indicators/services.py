"""Every write to the indicator catalogue, periods, data calls and submissions.

Refusals are ValidationError({field: message}) in plain English; nothing is saved on a refusal.
The rules on a single answer (`check_answer`) need no database, so they are tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.accounts.models import Membership, Role
from masa.core import bounds
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import financial_year_start, long_date
from masa.core.reminders import DUE_SOON, DUE_TODAY, OVERDUE, reminder_kind
from masa.indicators.dfe_catalogue import DFE_CATALOGUE
from masa.indicators.models import (
    Commentary,
    Comparator,
    ComparatorKind,
    DataCall,
    DataCallStatus,
    Frequency,
    Indicator,
    IndicatorValue,
    Period,
    Submission,
    SubmissionStatus,
    Target,
    Unit,
    ValueSource,
)

# -- messages the tests import ------------------------------------------------------------------
CODE_TAKEN = "An indicator with this id already exists in this partnership"
YEAR_FORMAT = "Enter the year like 2023-24"
PERIOD_END_BEFORE_START = "The end date must be after the start date"
PERIOD_OVERLAP = "This period overlaps {label}, another {frequency} period"
CALL_EXISTS = "There is already a data call for {label}"
CALL_NO_INDICATORS = "No agency has active {frequency} indicators, so there is nobody to ask"
CALL_CLOSED = "This data call is closed"
LOCKED = "This submission was approved on {date} and is locked"
NOT_SUBMITTED = "Only a submitted submission can be approved or returned"
NOT_APPROVED = "Only an approved submission can be reopened"
NOTE_REQUIRED = "Enter a note saying what needs to change"
ANSWER_REQUIRED = "enter a value or say why it is missing"
VALUE_AND_MISSING = "enter a value or a reason it is missing, not both"

YEAR_RE = re.compile(r"^(\d{4})-(\d{2})$")
ONE_DP = Decimal("0.1")


# -- one answer: pure rules ---------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """An agency's answer for one indicator, as typed (strings or numbers)."""

    numerator: Any = None
    denominator: Any = None
    value: Any = None
    missing_reason: str = ""

    @property
    def is_blank(self) -> bool:
        return all(_blank(v) for v in (self.numerator, self.denominator, self.value, self.missing_reason))


@dataclass(frozen=True)
class CheckedAnswer:
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    missing_reason: str


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def _number(raw: Any) -> Decimal | None | str:
    """The number, None when blank, or the problem as a string."""
    if _blank(raw):
        return None
    if isinstance(raw, bool):
        return "must be a number"
    text = str(raw).strip().replace(",", "")
    if text.startswith("="):
        return "must be a number, not a formula"
    try:
        number = Decimal(text)
    except InvalidOperation:
        return "must be a number"
    if not number.is_finite():
        return "must be a number"
    if abs(number) >= bounds.DECIMAL_LIMIT:
        return "must be less than 100,000,000,000"
    return number


def uses_fraction(unit: str) -> bool:
    """Percentages and rates are asked as a numerator and a denominator (or the value itself)."""
    return unit in (Unit.PERCENT, Unit.RATE_10K)


def check_answer(unit: str, answer: Answer) -> tuple[CheckedAnswer | None, list[tuple[str, str]]]:
    """Check one answer against its unit. Returns the clean answer, or errors as (field, problem).

    Counts are whole numbers of 0 or more; percentages are 0 to 100; rates and days are 0 or
    more; a value may instead be missing, with the reason. Percentages and rates given as a
    numerator and denominator are worked out here (to 1 decimal place, as the DfE publishes them).
    """
    errors: list[tuple[str, str]] = []
    reason = (answer.missing_reason or "").strip()
    numbers: dict[str, Decimal | None] = {}
    for field in ("numerator", "denominator", "value"):
        parsed = _number(getattr(answer, field))
        if isinstance(parsed, str):
            errors.append((field, parsed))
            numbers[field] = None
        else:
            numbers[field] = parsed
    if errors:
        return None, errors
    numerator, denominator, value = numbers["numerator"], numbers["denominator"], numbers["value"]
    given = [n for n in (numerator, denominator, value) if n is not None]
    if reason:
        if given:
            return None, [("missing_reason", VALUE_AND_MISSING)]
        if len(reason) > 300:
            return None, [("missing_reason", "must be 300 characters or fewer")]
        if bounds.has_control_characters(reason):
            return None, [("missing_reason", "must not include control characters, like the null character")]
        return CheckedAnswer(None, None, None, reason), []
    if not given:
        return None, [("value", ANSWER_REQUIRED)]
    if not uses_fraction(unit) and (numerator is not None or denominator is not None):
        field = "numerator" if numerator is not None else "denominator"
        return None, [(field, "leave blank: this indicator takes a single value")]
    if uses_fraction(unit) and (numerator is not None or denominator is not None):
        if numerator is None or denominator is None:
            missing = "numerator" if numerator is None else "denominator"
            return None, [(missing, "enter both the numerator and the denominator")]
        for field, number in (("numerator", numerator), ("denominator", denominator)):
            if number != number.to_integral_value():
                errors.append((field, "must be a whole number"))
            elif number < 0:
                errors.append((field, "must be 0 or more"))
        if errors:
            return None, errors
        if denominator == 0:
            return None, [("denominator", "must be more than 0")]
        if unit == Unit.PERCENT and numerator > denominator:
            return None, [("numerator", "must not be more than the denominator")]
        scale = 100 if unit == Unit.PERCENT else 10_000
        computed = (numerator * scale / denominator).quantize(ONE_DP, rounding=ROUND_HALF_UP)
        if value is not None and abs(value - computed) > Decimal("0.1"):
            return None, [("value", f"does not match the numerator and denominator ({computed})")]
        value = computed
    assert value is not None
    if unit == Unit.COUNT and value != value.to_integral_value():
        return None, [("value", "must be a whole number")]
    if unit in (Unit.COUNT, Unit.RATE_10K, Unit.DAYS, Unit.PERCENT) and value < 0:
        return None, [("value", "must be 0 or more" if unit != Unit.PERCENT else "must be between 0 and 100")]
    if unit == Unit.PERCENT and value > 100:
        return None, [("value", "must be between 0 and 100")]
    if value.as_tuple().exponent < -3:  # type: ignore[operator]
        return None, [("value", "must have no more than 3 decimal places")]
    return CheckedAnswer(numerator, denominator, value, ""), []


def year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def check_year(year: str) -> str:
    """A financial year written like 2023-24 (the second part follows the first)."""
    match = YEAR_RE.match((year or "").strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError({"year": YEAR_FORMAT})
    return match.group(0)


def period_label(frequency: str, start: date) -> str:
    """'2023-24' for a year, '2023-24 Q1' for April to June 2023, 'April 2023' for a month."""
    fy = financial_year_start(start)
    if frequency == Frequency.YEARLY:
        return year_label(fy)
    if frequency == Frequency.QUARTERLY:
        return f"{year_label(fy)} Q{(start.month - 4) % 12 // 3 + 1}"
    return start.strftime("%B %Y")


# -- catalogue ----------------------------------------------------------------------------------


def _set_links(indicator: Indicator, priorities: Any, groups: Any) -> None:
    if priorities is not None:
        indicator.priorities.set(priorities)
    if groups is not None:
        indicator.groups.set(groups)


INDICATOR_FIELDS = (
    "code",
    "title",
    "definition",
    "formula",
    "unit",
    "polarity",
    "frequency",
    "source_agency",
    "is_dfe_defined",
    "return_indicator",
    "is_active",
)


@attributed
@transaction.atomic
def indicator_create(
    *, actor: Actor, partnership: Any, priorities: Any = None, groups: Any = None, **data: Any
):
    if Indicator.objects.filter(partnership=partnership, code=data["code"]).exists():
        raise ValidationError({"code": CODE_TAKEN})
    indicator = Indicator.objects.create(
        partnership=partnership, **{k: v for k, v in data.items() if k in INDICATOR_FIELDS}
    )
    _set_links(indicator, priorities, groups)
    return indicator


@attributed
@transaction.atomic
def indicator_update(
    *, actor: Actor, indicator: Indicator, priorities: Any = None, groups: Any = None, **data: Any
) -> Indicator:
    code = data.get("code", indicator.code)
    taken = Indicator.objects.filter(partnership_id=indicator.partnership_id, code=code)
    if taken.exclude(pk=indicator.pk).exists():
        raise ValidationError({"code": CODE_TAKEN})
    for key, value in data.items():
        if key in INDICATOR_FIELDS:
            setattr(indicator, key, value)
    indicator.save()
    _set_links(indicator, priorities, groups)
    return indicator


@attributed
@transaction.atomic
def dfe_indicators_add(*, actor: Actor, partnership: Any) -> int:
    """Add the indicators masa computes from statutory returns; ones already there are left alone."""
    existing = set(Indicator.objects.filter(partnership=partnership).values_list("code", flat=True))
    new = [
        Indicator(
            partnership=partnership,
            code=entry["code"],
            title=entry["title"],
            definition=entry["definition"],
            formula=entry["formula"],
            unit=entry["unit"],
            polarity=entry["polarity"],
            frequency=entry["frequency"],
            is_dfe_defined=entry["dfe_defined"],
            return_indicator=entry["code"],
        )
        for entry in DFE_CATALOGUE
        if entry["code"] not in existing
    ]
    for indicator in new:  # one by one so the audit log records each
        indicator.save()
    return len(new)


@attributed
@transaction.atomic
def target_set(
    *, actor: Actor, indicator: Indicator, year: str, value: Decimal, tolerance: Decimal | None = None
) -> Target:
    year = check_year(year)
    if tolerance is not None and tolerance < 0:
        raise ValidationError({"tolerance": "The tolerance must be 0 or more"})
    target, _ = Target.objects.update_or_create(
        indicator=indicator,
        year=year,
        defaults={"partnership_id": indicator.partnership_id, "value": value, "tolerance": tolerance or 0},
    )
    return target


@attributed
@transaction.atomic
def comparator_set(
    *, actor: Actor, indicator: Indicator, year: str, kind: str, value: Decimal, source: str = ""
) -> Comparator:
    year = check_year(year)
    if kind not in ComparatorKind.values:
        raise ValidationError({"kind": "Select the comparator"})
    comparator, _ = Comparator.objects.update_or_create(
        indicator=indicator,
        year=year,
        kind=kind,
        defaults={"partnership_id": indicator.partnership_id, "value": value, "source": source},
    )
    return comparator


COMPARATOR_COLUMNS = ("indicator code", "year", "kind", "value", "source")
KIND_BY_TEXT = {
    **{k: k for k in ComparatorKind.values},
    **{str(label).lower(): k for k, label in ComparatorKind.choices},
    "statistical neighbour": ComparatorKind.STATISTICAL_NEIGHBOURS,
    "sn": ComparatorKind.STATISTICAL_NEIGHBOURS,
}


@attributed
@transaction.atomic
def comparators_import(*, actor: Actor, partnership: Any, filename: str, rows: list[list[Any]]) -> int:
    """Comparators from a table (header row first). All rows or none; errors name file, row, column."""
    errors: list[str] = []
    if not rows:
        raise ValidationError({"file": f"{filename} is empty"})
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in COMPARATOR_COLUMNS[:4] if c not in header]
    if missing:
        raise ValidationError(
            {
                "file": f"{filename}, row 1: the column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing"
            }
        )
    col = {name: header.index(name) for name in COMPARATOR_COLUMNS if name in header}
    indicators = {i.code: i for i in Indicator.objects.filter(partnership=partnership)}
    clean: list[tuple[Indicator, str, str, Decimal, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * len(header)

        def cell(name: str, cells: list = cells) -> str:
            return (
                str(cells[col[name]] if cells[col[name]] is not None else "").strip() if name in col else ""
            )

        if not any(cell(name) for name in col):
            continue
        where = f"{filename}, row {number}, column"
        code, year, kind_text, raw_value = cell("indicator code"), cell("year"), cell("kind"), cell("value")
        indicator = indicators.get(code)
        if indicator is None:
            errors.append(f"{where} Indicator code: there is no indicator with the id {code!r}")
        if not YEAR_RE.match(year) or (int(year[:4]) + 1) % 100 != int(year[5:]):
            errors.append(f"{where} Year: enter the year like 2023-24")
        kind = KIND_BY_TEXT.get(kind_text.lower())
        if kind is None:
            errors.append(f"{where} Kind: must be statistical neighbours, London or England")
        value = _number(raw_value)
        if value is None:
            errors.append(f"{where} Value: enter the value")
        elif isinstance(value, str):
            errors.append(f"{where} Value: {value}")
        source = cell("source")
        if len(source) > 300:
            errors.append(f"{where} Source: must be 300 characters or fewer")
        if indicator and kind and isinstance(value, Decimal):
            key = (code, year, kind)
            if key in seen:
                errors.append(f"{where} Kind: this indicator, year and kind is already in an earlier row")
            seen.add(key)
            clean.append((indicator, year, kind, value, source))
    if errors:
        raise ValidationError({"file": errors})
    if not clean:
        raise ValidationError({"file": f"{filename} has no rows of comparators"})
    for indicator, year, kind, value, source in clean:
        comparator_set(actor=actor, indicator=indicator, year=year, kind=kind, value=value, source=source)
    return len(clean)


# -- periods and data calls ---------------------------------------------------------------------


@attributed
@transaction.atomic
def period_create(*, actor: Actor, partnership: Any, frequency: str, start: date, end: date) -> Period:
    if end <= start:
        raise ValidationError({"end": PERIOD_END_BEFORE_START})
    clash = (
        Period.objects.filter(partnership=partnership, frequency=frequency, start__lte=end, end__gte=start)
        .order_by("start")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "start": PERIOD_OVERLAP.format(
                    label=clash.label, frequency=clash.get_frequency_display().lower()
                )
            }
        )
    return Period.objects.create(
        partnership=partnership,
        frequency=frequency,
        start=start,
        end=end,
        label=period_label(frequency, start),
    )


def _leads_emails(partnership: Any, agency_ids: list[int]) -> dict[int, list[str]]:
    from masa.indicators.selectors import lead_emails_by_agency

    return lead_emails_by_agency(partnership, agency_ids)


@attributed
@transaction.atomic
def data_call_open(
    *, actor: Actor, partnership: Any, period: Period, due_date: date, site_url: str = ""
) -> DataCall:
    """Open a call for one period: a submission (a task) for every agency with indicators to give."""
    if DataCall.objects.filter(partnership=partnership, period=period).exists():
        raise ValidationError({"period": CALL_EXISTS.format(label=period.label)})
    agency_ids = sorted(
        set(
            Indicator.objects.filter(
                partnership=partnership,
                is_active=True,
                frequency=period.frequency,
                source_agency__isnull=False,
            ).values_list("source_agency_id", flat=True)
        )
    )
    if not agency_ids:
        raise ValidationError(
            {"period": CALL_NO_INDICATORS.format(frequency=Frequency(period.frequency).label.lower())}
        )
    call = DataCall.objects.create(
        partnership=partnership, period=period, due_date=due_date, created_by=user_or_none(actor)
    )
    for agency_id in agency_ids:
        Submission.objects.create(partnership=partnership, data_call=call, agency_id=agency_id)
    _notify_leads(call, agency_ids, site_url)
    return call


def _notify_leads(call: DataCall, agency_ids: list[int], site_url: str) -> None:
    partnership = call.partnership
    emails = _leads_emails(partnership, agency_ids)
    link = f"{site_url}/p/{partnership.slug}/data-calls/{call.uuid}/"
    for agency_id in agency_ids:
        to = emails.get(agency_id, [])
        if not to:
            continue
        subject = f"{partnership.short_name or partnership.name}: data call for {call.period.label}"
        body = (
            f"The partnership has asked your agency for its figures for {call.period.label}.\n\n"
            f"Enter them by {long_date(call.due_date)} at {link}\n\n"
            "You can fill in the form, upload the spreadsheet template, or use the API."
        )
        _queue(to, subject, body)


def _business_team_emails(partnership: Any) -> list[str]:
    return sorted(
        Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_TEAM, is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


REMINDER_SUBJECTS = {
    DUE_SOON: "figures for {label} are due on {due}",
    DUE_TODAY: "figures for {label} are due today",
    OVERDUE: "figures for {label} are overdue",
}


def _call_email(submission: Submission, site_url: str) -> tuple[str, str]:
    """The partnership's name for subjects, and the link to the data call."""
    partnership, call = submission.partnership, submission.data_call
    return (
        partnership.short_name or partnership.name,
        f"{site_url}/p/{partnership.slug}/data-calls/{call.uuid}/",
    )


def _queue(to: list[str], subject: str, body: str) -> None:
    from masa.core.tasks import send_email

    transaction.on_commit(partial(send_email.enqueue, to=to, subject=subject, body=body))


def _remind_leads(submission: Submission, kind: str, site_url: str) -> bool:
    """Email the agency's leads; False when the agency has none to email."""
    to = _leads_emails(submission.partnership, [submission.agency_id]).get(submission.agency_id, [])
    if not to:
        return False
    name, link = _call_email(submission, site_url)
    label = submission.data_call.period.label
    subject = REMINDER_SUBJECTS[kind].format(label=label, due=long_date(submission.data_call.due_date))
    _queue(to, f"{name}: {subject}", f"{submission.agency.name}: enter your figures for {label} at {link}\n")
    return True


def _email_business_team(submission: Submission, days_late: int, site_url: str) -> None:
    to = _business_team_emails(submission.partnership)
    if to:
        name, link = _call_email(submission, site_url)
        call = submission.data_call
        _queue(
            to,
            f"{name}: {submission.agency.name} is {days_late} days late with {call.period.label}",
            f"The figures were due on {long_date(call.due_date)}. See {link}\n",
        )


@attributed
@transaction.atomic
def data_call_send_reminders(
    *, actor: Actor, today: date | None = None, site_url: str = ""
) -> dict[str, int]:
    """Remind agency leads of submissions still to come in, and escalate long-late ones to the
    business team once. The days are the partnership's action settings, so one setting governs
    every reminder. Run daily with the action reminders (`manage.py send_reminders`)."""
    from masa.actions.models import ActionSettings

    today = today or timezone.localdate()
    counts = {DUE_SOON: 0, DUE_TODAY: 0, OVERDUE: 0, "escalated": 0}
    thresholds = {s.partnership_id: s for s in ActionSettings.objects.all()}
    waiting = (
        Submission.objects.filter(data_call__status=DataCallStatus.OPEN)
        .exclude(status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED])
        .exclude(last_reminded_on=today)
        .select_related("data_call__period", "partnership", "agency")
        .select_for_update(of=("self",))
    )
    for submission in waiting:
        settings = thresholds.get(submission.partnership_id) or ActionSettings()
        days_left = (submission.data_call.due_date - today).days
        kind = reminder_kind(days_left, settings.remind_days_before)
        if kind and _remind_leads(submission, kind, site_url):
            counts[kind] += 1
        escalate = days_left < -settings.escalate_days_overdue and submission.escalated_at is None
        if escalate:
            _email_business_team(submission, -days_left, site_url)
            submission.escalated_at = timezone.now()
            counts["escalated"] += 1
        if kind or escalate:
            submission.last_reminded_on = today
            submission.save(update_fields=["last_reminded_on", "escalated_at", "updated_at"])
    return counts


@attributed
@transaction.atomic
def data_call_close(*, actor: Actor, data_call: DataCall) -> DataCall:
    data_call.status = DataCallStatus.CLOSED
    data_call.save(update_fields=["status", "updated_at"])
    return data_call


# -- submissions ----------------------------------------------------------------------------------


def _check_editable(submission: Submission) -> None:
    if submission.is_locked:
        when = submission.reviewed_at or submission.updated_at
        raise ValidationError({"__all__": LOCKED.format(date=long_date(timezone.localtime(when)))})
    if submission.data_call.status == DataCallStatus.CLOSED:
        raise ValidationError({"__all__": CALL_CLOSED})


@dataclass(frozen=True)
class AnswerError:
    indicator: Indicator
    field: str
    problem: str

    @property
    def message(self) -> str:
        """For a page: "Missing episodes: value must be a whole number"."""
        if self.problem.startswith("must"):
            return f"{self.indicator.title}: {self.field.replace('_', ' ')} {self.problem}"
        return f"{self.indicator.title}: {self.problem}"


class AnswersInvalid(ValidationError):
    """Answers that broke the rules: each error names the indicator and the field."""

    def __init__(self, errors: list[AnswerError]) -> None:
        self.answer_errors = errors
        super().__init__({f"{e.indicator.code}__{e.field}": e.message for e in errors})


def check_answers(
    indicators: list[Indicator], answers: dict[str, Answer], *, complete: bool
) -> dict[Indicator, CheckedAnswer]:
    """Check every answer; raise AnswersInvalid naming each bad one. Blank answers are skipped
    unless `complete` (a submission must answer every indicator)."""
    errors: list[AnswerError] = []
    clean: dict[Indicator, CheckedAnswer] = {}
    for indicator in indicators:
        answer = answers.get(indicator.code, Answer())
        if answer.is_blank and not complete:
            continue
        checked, problems = check_answer(indicator.unit, answer)
        errors.extend(AnswerError(indicator, field, problem) for field, problem in problems)
        if checked is not None:
            clean[indicator] = checked
    if errors:
        raise AnswersInvalid(errors)
    return clean


@attributed
@transaction.atomic
def submission_save(
    *,
    actor: Actor,
    submission: Submission,
    indicators: list[Indicator],
    answers: dict[str, Answer],
    submit: bool,
) -> Submission:
    """Save an agency's answers as a draft, or submit them (every indicator answered)."""
    submission = (
        Submission.objects.select_for_update().select_related("data_call__period").get(pk=submission.pk)
    )
    _check_editable(submission)
    clean = check_answers(indicators, answers, complete=submit)
    period = submission.data_call.period
    # The working answers are replaced; approved versions (approved_at set) are never touched.
    submission.values.filter(approved_at__isnull=True).delete()
    for indicator, checked in clean.items():
        IndicatorValue.objects.create(
            partnership_id=submission.partnership_id,
            indicator=indicator,
            period=period,
            numerator=checked.numerator,
            denominator=checked.denominator,
            value=checked.value,
            missing_reason=checked.missing_reason,
            source=ValueSource.SUBMISSION,
            submission=submission,
            entered_by=user_or_none(actor),
            is_current=False,
        )
    if submit:
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_by = user_or_none(actor)
        submission.submitted_at = timezone.now()
    else:
        submission.status = SubmissionStatus.DRAFT
    submission.save()
    return submission


@attributed
@transaction.atomic
def submission_approve(*, actor: Actor, submission: Submission) -> Submission:
    """Approve and lock: the answers become the current values, the previous ones stay as history."""
    submission = Submission.objects.select_for_update().select_related("data_call").get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError({"__all__": NOT_SUBMITTED})
    now = timezone.now()
    working = list(submission.values.filter(approved_at__isnull=True))
    for value in working:
        IndicatorValue.objects.filter(
            indicator_id=value.indicator_id, period_id=value.period_id, is_current=True
        ).update(is_current=False, updated_at=now)
        value.is_current = True
        value.approved_at = now
        value.save(update_fields=["is_current", "approved_at", "updated_at"])
    submission.status = SubmissionStatus.APPROVED
    submission.reviewed_by = user_or_none(actor)
    submission.reviewed_at = now
    submission.review_note = ""
    submission.save()
    return submission


@attributed
@transaction.atomic
def submission_return(*, actor: Actor, submission: Submission, note: str) -> Submission:
    """Send a submitted submission back to the agency with a note."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError({"__all__": NOT_SUBMITTED})
    return _send_back(actor, submission, note)


@attributed
@transaction.atomic
def submission_reopen(*, actor: Actor, submission: Submission, note: str) -> Submission:
    """Unlock an approved submission so the agency can resubmit. The approved values stay
    current (and in the history) until a new version is approved."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.APPROVED:
        raise ValidationError({"__all__": NOT_APPROVED})
    approved = list(submission.values.filter(approved_at__isnull=False, is_current=True))
    for value in approved:  # the agency starts from the approved answers
        IndicatorValue.objects.create(
            partnership_id=value.partnership_id,
            indicator_id=value.indicator_id,
            period_id=value.period_id,
            numerator=value.numerator,
            denominator=value.denominator,
            value=value.value,
            missing_reason=value.missing_reason,
            source=ValueSource.SUBMISSION,
            submission=submission,
            entered_by=value.entered_by,
            is_current=False,
        )
    return _send_back(actor, submission, note)


def _send_back(actor: Actor, submission: Submission, note: str) -> Submission:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": NOTE_REQUIRED})
    submission.status = SubmissionStatus.RETURNED
    submission.review_note = note
    submission.reviewed_by = user_or_none(actor)
    submission.reviewed_at = timezone.now()
    submission.save()
    return submission


TEMPLATE_WRONG_SUBMISSION = (
    "{name} is the template for {agency}, {period}. Download the template for this submission and use that"
)


@attributed
@transaction.atomic
def submission_upload(
    *, actor: Actor, submission: Submission, indicators: list[Indicator], filename: str, data: bytes
) -> Submission:
    """Save the answers in an uploaded template as a draft. All rows or none: every problem is
    reported with the file, row and column."""
    from masa.indicators.xlsx_template import COLUMN_BY_FIELD, TemplateError, read_template

    _check_editable(submission)
    try:
        about, rows = read_template(filename, data)
    except TemplateError as error:
        raise ValidationError({"file": error.messages}) from error
    if about.get("Submission") != str(submission.uuid):
        raise ValidationError(
            {
                "file": TEMPLATE_WRONG_SUBMISSION.format(
                    name=filename,
                    agency=about.get("Agency", "another agency"),
                    period=about.get("Period", ""),
                )
            }
        )
    by_code = {i.code: i for i in indicators}
    errors: list[str] = []
    answers: dict[str, Answer] = {}
    row_of: dict[str, int] = {}
    for row in rows:
        where = f"{filename}, row {row.row}"
        if row.code not in by_code:
            errors.append(
                f"{where}, column Indicator code: {row.code or 'blank'} is not an indicator in this data call"
            )
            continue
        if row.code in row_of:
            errors.append(f"{where}, column Indicator code: {row.code} is already in row {row_of[row.code]}")
            continue
        row_of[row.code] = row.row
        answers[row.code] = Answer(
            numerator=row.cells["numerator"],
            denominator=row.cells["denominator"],
            value=row.cells["value"],
            missing_reason=str(row.cells["missing_reason"] or ""),
        )
    try:
        check_answers(indicators, answers, complete=False)
    except AnswersInvalid as invalid:
        errors.extend(
            f"{filename}, row {row_of[e.indicator.code]}, column {COLUMN_BY_FIELD[e.field]}: {e.problem}"
            for e in invalid.answer_errors
        )
    if errors:
        raise ValidationError({"file": errors})
    if not answers:
        raise ValidationError({"file": f"{filename} has no answers in it"})
    # Answers not in the file are kept from the draft.
    current = {
        v.indicator.code: Answer(v.numerator, v.denominator, v.value, v.missing_reason)
        for v in submission.values.filter(approved_at__isnull=True).select_related("indicator")
    }
    return submission_save(
        actor=actor,
        submission=submission,
        indicators=indicators,
        answers={**current, **answers},
        submit=False,
    )


# Commentary on the dashboards -------------------------------------------------------------------

TELLS_US_REQUIRED = "Enter what this figure tells us"
DOING_REQUIRED = "Enter what the partnership is doing about it"
COMMENTARY_OTHER_PARTNERSHIP = "The indicator and the period must belong to this partnership"


@attributed
@transaction.atomic
def commentary_save(
    *,
    actor: Actor,
    partnership: Any,
    indicator: Indicator,
    period: Period,
    what_it_tells_us: str,
    what_we_are_doing: str,
) -> Commentary:
    """Write (or rewrite) the commentary on one indicator for one period; the audit log keeps the old text."""
    if indicator.partnership_id != partnership.pk or period.partnership_id != partnership.pk:
        raise ValidationError({"what_it_tells_us": COMMENTARY_OTHER_PARTNERSHIP})
    errors = {}
    if not what_it_tells_us.strip():
        errors["what_it_tells_us"] = TELLS_US_REQUIRED
    if not what_we_are_doing.strip():
        errors["what_we_are_doing"] = DOING_REQUIRED
    if errors:
        raise ValidationError(errors)
    commentary, _ = Commentary.objects.update_or_create(
        indicator=indicator,
        period=period,
        defaults={
            "partnership": partnership,
            "what_it_tells_us": what_it_tells_us.strip(),
            "what_we_are_doing": what_we_are_doing.strip(),
            "author": user_or_none(actor),
        },
    )
    return commentary
