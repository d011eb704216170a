"""Statutory returns: upload a CIN census or SSDA903 return, follow its import, read the indicators.

The same permission as the pages (the business team manages returns) and the same size limit.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from masa.accounts.models import User
from masa.api.access import partnership_or_404
from masa.api.errors import Error, replies
from masa.api.types import RecordId, ShortText, Slug
from masa.indicators.rules import VIEW_INDICATORS
from masa.returns import selectors, services
from masa.returns.readers import CollectionYear
from masa.returns.rules import MANAGE_RETURNS

router = Router(tags=["Statutory returns"])


class FieldErrors(Schema):
    detail: list[dict[str, Any]]


class JobQueued(Schema):
    id: int
    status: str
    status_url: str


class JobOut(Schema):
    id: int
    kind: str
    la_code: str
    year: str
    status: str
    progress: int
    message: str
    finished: bool
    import_id: int | None
    problem_count: int
    problems: list[dict[str, Any]]
    #: On a refused job: how many children the return could be imported without (0: none).
    children_to_leave_out: int
    #: On an imported job: how many children were left out at the caller's request.
    children_left_out: int


class IndicatorValue(Schema):
    numerator: float | None
    denominator: float | None
    value: float | None
    #: Children left out of the year's return at the importer's request (docs/decisions/0004).
    children_left_out: int


def _partnership(request: HttpRequest, slug: Slug, permission: str = MANAGE_RETURNS):

    return partnership_or_404(request, slug, permission)


def _field_errors(error: DjangoValidationError) -> list[dict[str, Any]]:
    if hasattr(error, "error_dict"):
        return [
            {"loc": ["form", field], "msg": message, "type": "value_error"}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"loc": ["form"], "msg": m, "type": "value_error"} for m in error.messages]


@router.post(
    "/partnerships/{slug}/returns",
    # 400: FieldErrors when the service refuses a field, Error when the request cannot be read.
    response=replies({202: JobQueued}, _400=FieldErrors | Error, _409=FieldErrors, _413=Error),
    summary="Upload a CIN census or SSDA903 return to import in the background",
)
def upload_return(
    request: HttpRequest,
    slug: Slug,
    kind: Form[ShortText],
    la_code: Form[ShortText],
    year: Form[ShortText],
    files: File[list[UploadedFile]],
    replace: Form[bool] = False,
    exclude_invalid_children: Form[bool] = False,
):
    """Multipart form: `kind` (cin or ssda903), `la_code`, `year` (like 2023-24), `replace`
    (true to replace an active import of the same LA, year and kind; it stays in the history)
    and one or more `files`. Answers 202 with the job's id and status URL; 409 when the year is
    already imported and `replace` is not true; 413 when a file is over the size limit.
    `exclude_invalid_children` (true) imports a return refused only because of problems about
    particular children without those children, who are then left out of every figure; a
    problem with the file itself still refuses it."""
    partnership = _partnership(request, slug)
    limit = services.return_upload_max_bytes()
    for upload in files:
        if upload.size is not None and upload.size > limit:
            raise HttpError(
                413,
                f"The file {upload.name} is {services.size_text(upload.size)}; a return file must be no "
                f"bigger than {services.size_text(limit)}",
            )
    try:
        job = services.return_upload_create(
            actor=cast(User, request.user),
            partnership=partnership,
            kind=kind,
            la_code=la_code,
            year=year,
            files=files,
            replace=replace,
            confirm_replace=True,
            leave_out_children=exclude_invalid_children,
        )
    except DjangoValidationError as error:
        status = 409 if getattr(error, "error_dict", {}).get("replace") else 400
        return Status(status, {"detail": _field_errors(error)})
    services.return_job_enqueue(job)
    return Status(
        202,
        {
            "id": job.pk,
            "status": "queued",
            "status_url": reverse("api:get_return_job", kwargs={"slug": partnership.slug, "job_id": job.pk}),
        },
    )


@router.get(
    "/partnerships/{slug}/returns/jobs/{job_id}",
    response=replies({200: JobOut}),
    url_name="get_return_job",
    summary="How an uploaded return's import is going, and its problems",
)
def get_return_job(request: HttpRequest, slug: Slug, job_id: RecordId):
    partnership = _partnership(request, slug)
    job = selectors.job_by_id(partnership, job_id)
    if job is None:
        raise HttpError(404, "Not found")
    return {
        "id": job.pk,
        "kind": job.kind,
        "la_code": job.la_code,
        "year": job.year,
        "status": job.status,
        "progress": job.progress,
        "message": job.message,
        "finished": job.finished,
        "import_id": job.return_import_id,
        "problem_count": job.problem_count,
        "problems": [
            {k: p.get(k) for k in ("file", "child", "element", "message", "severity")} for p in job.problems
        ],
        "children_to_leave_out": job.children_to_leave_out,
        "children_left_out": job.return_import.children_left_out_count if job.return_import else 0,
    }


@router.get(
    "/partnerships/{slug}/indicators",
    response=replies({200: dict[str, IndicatorValue]}),
    summary="Every indicator computed from the imported returns for a collection year",
)
def get_indicators(request: HttpRequest, slug: Slug, year: ShortText):
    """The same figures as `manage.py return_figures --format json`: for each indicator id its
    numerator, denominator and value (partnership figures are sums of numerators over sums of
    denominators), and `children_left_out`: how many children the year's return was imported
    without, at the importer's request, because of problems about those children."""
    partnership = _partnership(request, slug, VIEW_INDICATORS)
    try:
        label = CollectionYear.parse(year).label
    except ValueError as error:
        raise HttpError(400, "Give the year like 2023-24") from error
    results = selectors.indicators_for(partnership, label)
    return {
        ind_id: {
            **{key: result[key] for key in ("numerator", "denominator", "value")},
            "children_left_out": result.get("children_left_out", 0),
        }
        for ind_id, result in results.items()
    }
