"""Pages of the indicator catalogue, periods, data calls and agency submissions (thin views).

An agency lead sees only their own agency's submissions: another agency's is 404, like a record
of another partnership.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.dates import long_date
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.uploads import UploadError, check_document
from masa.core.views import form_page
from masa.indicators import selectors, services
from masa.indicators.forms import (
    CatalogueFilterForm,
    ComparatorForm,
    ComparatorImportForm,
    ConfirmForm,
    DataCallForm,
    IndicatorForm,
    NoteForm,
    PeriodForm,
    TargetForm,
    TemplateUploadForm,
)
from masa.indicators.models import DataCall, DataCallStatus, Indicator, Submission, SubmissionStatus, Unit
from masa.indicators.rules import MANAGE_INDICATORS, SUBMIT_INDICATORS, VIEW_INDICATORS
from masa.indicators.xlsx_template import TemplateError, TemplateRow, build_template, read_table

INDICATOR_SAVED = "Indicator saved"
TARGET_SAVED = "Target saved"
COMPARATOR_SAVED = "Comparator saved"
PERIOD_CREATED = "Period created"
CALL_OPENED = "Data call opened: each agency lead has been sent their task"
CALL_CLOSED_MESSAGE = "Data call closed"
DRAFT_SAVED = "Draft saved"
SUBMITTED = "Submission sent to the business team"
UPLOADED = "Template uploaded and saved as a draft: check the figures and submit"
APPROVED = "Submission approved: its figures are now in the dataset"
RETURNED = "Submission returned to the agency"
REOPENED = "Submission reopened: the agency can change and resubmit it"
CSV_MAX_BYTES = 5 * 1024 * 1024


_url = url_in("indicators")


def _indicator(request: PartnershipRequest, uuid: Any) -> Indicator:
    indicator = found_or_404(selectors.indicator_get(request.partnership, uuid))
    return indicator


def _call(request: PartnershipRequest, uuid: Any) -> DataCall:
    call = found_or_404(selectors.data_call_get(request.partnership, uuid))
    return call


def _submission(request: PartnershipRequest, uuid: Any) -> Submission:
    submission = found_or_404(
        selectors.submission_get(request.user, request.partnership, uuid), "Not found, or not your agency's"
    )
    return submission


def _can_manage(request: PartnershipRequest) -> bool:
    return request.user.has_perm(MANAGE_INDICATORS, request.partnership)


# -- catalogue ------------------------------------------------------------------------------------


@partnership_view(VIEW_INDICATORS)
def indicator_list(request: PartnershipRequest) -> HttpResponse:
    choices = selectors.filter_choices(request.partnership)
    form = CatalogueFilterForm(request.GET or None, **choices)
    indicators = list(selectors.indicator_list(request.partnership, **form.filters()))
    context = {"form": form, "indicators": indicators, "can_manage": _can_manage(request)}
    return render(request, "indicators/indicator_list.html", context)


def _indicator_form_kwargs(request: PartnershipRequest) -> dict[str, Any]:
    choices = selectors.filter_choices(request.partnership)
    return {"agencies": choices["agencies"], "priorities": choices["priorities"], "groups": choices["groups"]}


@partnership_view(MANAGE_INDICATORS)
def indicator_create(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=IndicatorForm,
        form_kwargs=_indicator_form_kwargs(request),
        title="Add an indicator",
        save=lambda data: services.indicator_create(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=lambda indicator: _url("indicator_detail", request, indicator.uuid),  # type: ignore[attr-defined]
        success_message=INDICATOR_SAVED,
        back_url=_url("indicator_list", request),
    )


@partnership_view(VIEW_INDICATORS)
def indicator_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    indicator = _indicator(request, uuid)
    context = {
        "indicator": indicator,
        "targets": list(indicator.targets.all()),
        "comparators": list(selectors.indicator_comparators(indicator)),
        "history": list(selectors.value_history(indicator)),
        "can_manage": _can_manage(request),
    }
    return render(request, "indicators/indicator_detail.html", context)


@partnership_view(MANAGE_INDICATORS)
def indicator_edit(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    indicator = _indicator(request, uuid)
    initial = {
        **{name: getattr(indicator, name) for name in services.INDICATOR_FIELDS},
        "priorities": list(indicator.priorities.all()),
        "groups": list(indicator.groups.all()),
    }
    return form_page(
        request,
        form_class=IndicatorForm,
        form_kwargs=_indicator_form_kwargs(request),
        initial=initial,
        title="Change the indicator",
        caption=indicator.title,
        save=lambda data: services.indicator_update(actor=request.user, indicator=indicator, **data),
        success_url=_url("indicator_detail", request, indicator.uuid),
        success_message=INDICATOR_SAVED,
        back_url=_url("indicator_detail", request, indicator.uuid),
    )


@partnership_view(MANAGE_INDICATORS)
def target_add(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    indicator = _indicator(request, uuid)
    return form_page(
        request,
        form_class=TargetForm,
        title="Set a target",
        caption=indicator.title,
        save=lambda data: services.target_set(actor=request.user, indicator=indicator, **data),
        success_url=_url("indicator_detail", request, indicator.uuid),
        success_message=TARGET_SAVED,
        back_url=_url("indicator_detail", request, indicator.uuid),
    )


@partnership_view(MANAGE_INDICATORS)
def comparator_add(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    indicator = _indicator(request, uuid)
    return form_page(
        request,
        form_class=ComparatorForm,
        title="Enter a comparator",
        caption=indicator.title,
        save=lambda data: services.comparator_set(actor=request.user, indicator=indicator, **data),
        success_url=_url("indicator_detail", request, indicator.uuid),
        success_message=COMPARATOR_SAVED,
        back_url=_url("indicator_detail", request, indicator.uuid),
    )


def _read_upload(upload: Any, *, allow_csv: bool) -> tuple[bytes, str]:
    """The uploaded bytes and their checked type, or ValidationError({"file": ...})."""
    name = upload.name
    if allow_csv and name.lower().endswith(".csv"):
        if upload.size > CSV_MAX_BYTES:
            raise ValidationError({"file": f"The selected file {name} must be smaller than 5 MB"})
        data = upload.read()
        if b"\x00" in data[:4096]:
            raise ValidationError({"file": f"The selected file {name} must be a CSV or Excel (XLSX) file"})
        return data, "csv"
    kind = "a CSV or Excel (XLSX) file" if allow_csv else "an Excel (XLSX) file"
    try:
        # The type is judged from the content, and a zip's unpacked size is bounded before any
        # part of it is read (masa.core.uploads).
        check_document(name, upload, upload.size, allowed=("xlsx",), allowed_label=kind)
    except UploadError as error:
        raise ValidationError({"file": str(error)}) from error
    return upload.read(), "xlsx"


@partnership_view(MANAGE_INDICATORS)
def comparators_import(request: PartnershipRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> int:
        upload = data["file"]
        content, file_type = _read_upload(upload, allow_csv=True)
        try:
            rows = read_table(upload.name, content, file_type)
        except TemplateError as error:
            raise ValidationError({"file": error.messages}) from error
        return services.comparators_import(
            actor=request.user, partnership=request.partnership, filename=upload.name, rows=rows
        )

    return form_page(
        request,
        form_class=ComparatorImportForm,
        title="Import comparators",
        save=save,
        success_url=_url("indicator_list", request),
        success_message=lambda count: f"{count} comparator{'s' if count != 1 else ''} imported",  # type: ignore[operator]
        back_url=_url("indicator_list", request),
        multipart=True,
    )


@partnership_view(MANAGE_INDICATORS)
def dfe_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=ConfirmForm,
        form_kwargs={"submit_label": "Add the DfE-defined indicators"},
        title="Add the DfE-defined indicators",
        caption="The 21 indicators masa computes from the CIN census and SSDA903 returns",
        save=lambda data: services.dfe_indicators_add(actor=request.user, partnership=request.partnership),
        success_url=_url("indicator_list", request),
        success_message=lambda count: f"{count} indicator{'s' if count != 1 else ''} added",  # type: ignore[operator]
        back_url=_url("indicator_list", request),
    )


# -- periods and data calls -------------------------------------------------------------------------


@partnership_view(SUBMIT_INDICATORS)
def data_call_list(request: PartnershipRequest) -> HttpResponse:
    can_manage = _can_manage(request)
    context: dict[str, Any] = {
        "can_manage": can_manage,
        # Agency leads: their agencies' submissions; the business team: those waiting for review.
        "tasks": list(
            selectors.submissions_for_user(request.user, request.partnership).filter(
                status=SubmissionStatus.SUBMITTED
            )
            if can_manage
            else selectors.submissions_for_user(request.user, request.partnership)
        ),
        "today": timezone.localdate(),
    }
    if can_manage:
        context["calls"] = list(selectors.data_call_list(request.partnership))
        context["periods"] = list(selectors.period_list(request.partnership))
    return render(request, "indicators/data_call_list.html", context)


@partnership_view(MANAGE_INDICATORS)
def period_create(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=PeriodForm,
        title="Create a reporting period",
        save=lambda data: services.period_create(actor=request.user, partnership=request.partnership, **data),
        success_url=_url("data_call_list", request),
        success_message=lambda period: f"{PERIOD_CREATED}: {period}",
        back_url=_url("data_call_list", request),
    )


@partnership_view(MANAGE_INDICATORS)
def data_call_create(request: PartnershipRequest) -> HttpResponse:
    site = request.build_absolute_uri("/").rstrip("/")
    return form_page(
        request,
        form_class=DataCallForm,
        form_kwargs={"periods": selectors.periods_without_call(request.partnership)},
        title="Open a data call",
        save=lambda data: services.data_call_open(
            actor=request.user, partnership=request.partnership, site_url=site, **data
        ),
        success_url=lambda call: _url("data_call_detail", request, call.uuid),  # type: ignore[attr-defined]
        success_message=CALL_OPENED,
        back_url=_url("data_call_list", request),
    )


@partnership_view(SUBMIT_INDICATORS)
def data_call_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    call = _call(request, uuid)
    can_manage = _can_manage(request)
    agency_ids = None if can_manage else selectors.lead_agency_ids(request.user, request.partnership)
    summary = selectors.data_call_summary(call, timezone.localdate(), agency_ids)
    context = {"call": call, "summary": summary, "can_manage": can_manage, "statuses": SubmissionStatus}
    return render(request, "indicators/data_call_detail.html", context)


@partnership_view(MANAGE_INDICATORS)
def data_call_close(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    call = _call(request, uuid)
    if call.status == DataCallStatus.CLOSED:
        raise Http404("Already closed")
    return form_page(
        request,
        form_class=ConfirmForm,
        form_kwargs={"submit_label": "Close the data call"},
        title="Close the data call",
        caption=str(call),
        save=lambda data: services.data_call_close(actor=request.user, data_call=call),
        success_url=_url("data_call_detail", request, call.uuid),
        success_message=CALL_CLOSED_MESSAGE,
        back_url=_url("data_call_detail", request, call.uuid),
    )


# -- submissions ------------------------------------------------------------------------------------


FIELDS = ("numerator", "denominator", "value", "missing_reason")


@dataclass
class FormRow:
    indicator: Indicator
    fraction: bool
    data: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def missing(self) -> bool:
        return bool(self.data.get("missing_checked", self.data.get("missing_reason")))


def _plain(number: Decimal | None) -> str | None:
    """12.000 as "12", 75.500 as "75.5": what the user typed, not the database's padding."""
    if number is None:
        return None
    return f"{number.normalize():f}"


def _rows(indicators: list[Indicator], answers: dict[int, Any]) -> list[FormRow]:
    rows = []
    for indicator in indicators:
        stored = answers.get(indicator.pk)
        data = {f: (getattr(stored, f) if stored is not None else None) for f in FIELDS}
        for f in ("numerator", "denominator", "value"):
            data[f] = _plain(data[f])
        rows.append(FormRow(indicator, services.uses_fraction(indicator.unit), data))
    return rows


def _posted_answers(request: PartnershipRequest, indicators: list[Indicator]) -> dict[str, services.Answer]:
    answers = {}
    for indicator in indicators:
        get = lambda f, code=indicator.code: request.POST.get(f"{code}__{f}", "")  # noqa: E731
        missing = request.POST.get(f"{indicator.code}__missing") == "yes"
        answers[indicator.code] = services.Answer(
            numerator=get("numerator") if not missing else None,
            denominator=get("denominator") if not missing else None,
            value=get("value") if not missing else None,
            missing_reason=get("missing_reason") if missing else "",
        )
    return answers


@partnership_view(SUBMIT_INDICATORS)
def submission_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    submission = _submission(request, uuid)
    indicators = selectors.submission_indicators(submission)
    errors: list[tuple[str, str]] = []
    if request.method == "POST":
        answers = _posted_answers(request, indicators)
        submit = request.POST.get("action") == "submit"
        try:
            services.submission_save(
                actor=request.user,
                submission=submission,
                indicators=indicators,
                answers=answers,
                submit=submit,
            )
        except ValidationError as error:
            rows = [
                FormRow(
                    i,
                    services.uses_fraction(i.unit),
                    {
                        **{f: getattr(answers[i.code], f) for f in FIELDS},
                        "missing_reason": request.POST.get(f"{i.code}__missing_reason", ""),
                        "missing_checked": request.POST.get(f"{i.code}__missing") == "yes",
                    },
                )
                for i in indicators
            ]
            by_code = {row.indicator.code: row for row in rows}
            for key, messages_ in error.message_dict.items():
                code, _, field_name = key.partition("__")
                if code in by_code and field_name:
                    by_code[code].errors[field_name] = messages_[0]
                    errors.append((f"{key}", messages_[0]))
                else:
                    errors.extend(("", m) for m in messages_)
            return _submission_page(request, submission, rows, errors, status=400)
        messages.success(request, SUBMITTED if submit else DRAFT_SAVED)
        if submit:
            return redirect(_url("data_call_detail", request, submission.data_call.uuid))
        return redirect(_url("submission_detail", request, submission.uuid))
    rows = _rows(indicators, selectors.submission_answers(submission))
    return _submission_page(request, submission, rows, errors)


def _submission_page(
    request: PartnershipRequest, submission: Submission, rows: list[FormRow], errors: list, status: int = 200
) -> HttpResponse:
    editable = not submission.is_locked and submission.data_call.status == DataCallStatus.OPEN
    context = {
        "submission": submission,
        "call": submission.data_call,
        "rows": rows,
        "errors": errors,
        "editable": editable,
        "can_manage": _can_manage(request),
        "versions": list(selectors.submission_versions(submission)),
        "statuses": SubmissionStatus,
        "units": Unit,
    }
    return render(request, "indicators/submission_detail.html", context, status=status)


@partnership_view(SUBMIT_INDICATORS)
def submission_template(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    submission = _submission(request, uuid)
    indicators = selectors.submission_indicators(submission)
    answers = selectors.submission_answers(submission)
    period = submission.data_call.period
    rows = []
    for indicator in indicators:
        stored = answers.get(indicator.pk)
        rows.append(
            TemplateRow(
                code=indicator.code,
                title=indicator.title,
                unit_label=indicator.get_unit_display(),
                takes_fraction=services.uses_fraction(indicator.unit),
                numerator=stored.numerator if stored else None,
                denominator=stored.denominator if stored else None,
                value=stored.value if stored and not services.uses_fraction(indicator.unit) else None,
                missing_reason=stored.missing_reason if stored else "",
            )
        )
    content = build_template(
        submission_id=str(submission.uuid),
        agency=submission.agency.name,
        period=period.label,
        partnership=request.partnership.name,
        due=long_date(submission.data_call.due_date),
        rows=rows,
    )
    filename = f"data-call-{period.label}-{submission.agency.name}".replace(" ", "-").lower()
    safe = "".join(c for c in filename if c.isalnum() or c in "-_")
    return file_response(content, f"{safe}.xlsx", XLSX_TYPE)


@partnership_view(SUBMIT_INDICATORS)
def submission_upload(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    submission = _submission(request, uuid)

    def save(data: dict[str, Any]) -> Submission:
        upload = data["file"]
        content, _ = _read_upload(upload, allow_csv=False)
        return services.submission_upload(
            actor=request.user,
            submission=submission,
            indicators=selectors.submission_indicators(submission),
            filename=upload.name,
            data=content,
        )

    return form_page(
        request,
        form_class=TemplateUploadForm,
        title="Upload the filled-in template",
        caption=f"{submission.agency.name}: {submission.data_call.period.label}",
        save=save,
        success_url=_url("submission_detail", request, submission.uuid),
        success_message=UPLOADED,
        back_url=_url("submission_detail", request, submission.uuid),
        multipart=True,
    )


def _review_page(request: PartnershipRequest, uuid: Any, action: str) -> HttpResponse:
    submission = _submission(request, uuid)
    caption = f"{submission.agency.name}: {submission.data_call.period.label}"
    back = _url("submission_detail", request, submission.uuid)
    if action == "approve":
        return form_page(
            request,
            form_class=ConfirmForm,
            form_kwargs={"submit_label": "Approve and lock"},
            title="Approve the submission",
            caption=caption,
            save=lambda data: services.submission_approve(actor=request.user, submission=submission),
            success_url=_url("data_call_detail", request, submission.data_call.uuid),
            success_message=APPROVED,
            back_url=back,
        )
    reopen = action == "reopen"
    return form_page(
        request,
        form_class=NoteForm,
        form_kwargs={"submit_label": "Reopen the submission" if reopen else "Return the submission"},
        title="Reopen the submission" if reopen else "Return the submission",
        caption=caption,
        save=lambda data: (services.submission_reopen if reopen else services.submission_return)(
            actor=request.user, submission=submission, note=data["note"]
        ),
        success_url=_url("data_call_detail", request, submission.data_call.uuid),
        success_message=REOPENED if reopen else RETURNED,
        back_url=back,
    )


@partnership_view(MANAGE_INDICATORS)
def submission_approve(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    return _review_page(request, uuid, "approve")


@partnership_view(MANAGE_INDICATORS)
def submission_return(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    return _review_page(request, uuid, "return")


@partnership_view(MANAGE_INDICATORS)
def submission_reopen(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    return _review_page(request, uuid, "reopen")
