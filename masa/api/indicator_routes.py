"""Data call endpoints: agency leads (and the business team) read open calls and post values.

The same rules as the pages: another partnership is 404, a member without SUBMIT_INDICATORS is
403, another agency's submission is 404; values are checked as on the form (422 names each
indicator and field).
"""

from datetime import date, datetime
from typing import cast
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field, StrictBool

from masa.accounts.models import User
from masa.api.access import partnership_or_404
from masa.api.errors import Error, ValidationErrorOut, replies
from masa.api.types import BoundedDecimal, ShortText, Slug
from masa.indicators import selectors, services
from masa.indicators.models import DataCallStatus
from masa.indicators.rules import SUBMIT_INDICATORS

router = Router(tags=["Data calls"])

NOT_FOUND = "Not found"


class ValueError422(Schema):
    indicator: str
    field: str
    message: str


class ValuesInvalidOut(Schema):
    detail: str
    errors: list[ValueError422]


class SubmissionRef(Schema):
    id: UUID
    agency_id: UUID
    agency: str
    status: str
    submitted_at: datetime | None
    review_note: str
    indicators: list[str]


class DataCallOut(Schema):
    id: UUID
    period: str
    frequency: str
    start: date
    end: date
    due_date: date
    submissions: list[SubmissionRef]


class ValueIn(Schema):
    indicator: ShortText
    numerator: BoundedDecimal | None = None
    denominator: BoundedDecimal | None = None
    value: BoundedDecimal | None = None
    missing_reason: ShortText = ""


class SubmissionIn(Schema):
    # Each indicator once; a call asks for dozens, not thousands.
    values: list[ValueIn] = Field(max_length=1000)
    submit: StrictBool = True


class SubmissionOut(Schema):
    id: UUID
    status: str
    values_saved: int


def _partnership(request: HttpRequest, slug: Slug):

    return partnership_or_404(request, slug, SUBMIT_INDICATORS)


@router.get(
    "/partnerships/{slug}/data-calls",
    response=replies({200: list[DataCallOut]}),
    summary="Open data calls and your agencies' submissions to them",
)
def list_data_calls(request: HttpRequest, slug: Slug):
    user = cast(User, request.user)
    partnership = _partnership(request, slug)
    calls: dict[int, dict] = {}
    codes = selectors.indicator_codes_by_agency(partnership)
    for submission in selectors.submissions_for_user(user, partnership):
        call = submission.data_call
        entry = calls.setdefault(
            call.pk,
            {
                "id": call.uuid,
                "period": call.period.label,
                "frequency": call.period.frequency,
                "start": call.period.start,
                "end": call.period.end,
                "due_date": call.due_date,
                "submissions": [],
            },
        )
        entry["submissions"].append(
            {
                "id": submission.uuid,
                "agency_id": submission.agency.uuid,
                "agency": submission.agency.name,
                "status": submission.status,
                "submitted_at": submission.submitted_at,
                "review_note": submission.review_note,
                "indicators": codes.get((submission.agency_id, call.period.frequency), []),
            }
        )
    return list(calls.values())


@router.post(
    "/partnerships/{slug}/data-calls/{call_id}/submissions/{agency_id}",
    # 422: ValuesInvalidOut names each indicator and field whose value the rules refuse;
    # ValidationErrorOut is django-ninja's answer to a body that does not fit SubmissionIn.
    response=replies({200: SubmissionOut}, _409=Error, _422=ValuesInvalidOut | ValidationErrorOut),
    summary="Save or submit an agency's values for a data call",
)
def post_submission(request: HttpRequest, slug: Slug, call_id: UUID, agency_id: UUID, payload: SubmissionIn):
    """`submit` false saves a draft. Each value: numerator and denominator (percentages, rates),
    or value, or missing_reason. A locked (approved) submission or a closed call is 409."""
    user = cast(User, request.user)
    partnership = _partnership(request, slug)
    call = selectors.data_call_get(partnership, call_id)
    if call is None:
        raise HttpError(404, NOT_FOUND)
    submission = (
        selectors.submissions_for_user(user, partnership)
        .filter(data_call=call, agency__uuid=agency_id)
        .first()
    )
    if submission is None or call.status != DataCallStatus.OPEN:
        raise HttpError(404, NOT_FOUND)
    indicators = selectors.submission_indicators(submission)
    known = {i.code for i in indicators}
    unknown = [v.indicator for v in payload.values if v.indicator not in known]
    if unknown:
        return Status(
            422,
            {
                "detail": "Some values could not be saved",
                "errors": [
                    {
                        "indicator": code,
                        "field": "indicator",
                        "message": "is not an indicator in this submission",
                    }
                    for code in unknown
                ],
            },
        )
    answers = {
        v.indicator: services.Answer(v.numerator, v.denominator, v.value, v.missing_reason)
        for v in payload.values
    }
    try:
        saved = services.submission_save(
            actor=user, submission=submission, indicators=indicators, answers=answers, submit=payload.submit
        )
    except services.AnswersInvalid as invalid:
        return Status(
            422,
            {
                "detail": "Some values could not be saved",
                "errors": [
                    {"indicator": e.indicator.code, "field": e.field, "message": e.problem}
                    for e in invalid.answer_errors
                ],
            },
        )
    except DjangoValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    return Status(
        200,
        {
            "id": saved.uuid,
            "status": saved.status,
            "values_saved": saved.values.filter(approved_at__isnull=True).count(),
        },
    )
