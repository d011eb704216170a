"""Pages of the training needs analysis (docs/domain.md, "21.1 The training needs analysis"):
thin, parse, call a service or selector, render.

The training coordinator (MANAGE_TRAINING) creates, changes and closes an analysis and may answer
for any agency; an agency lead (ANSWER_NEEDS_ANALYSIS) answers for their own agency, another
agency's answer being "not found"; the coordinator and the senior roles read the results.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.dates import long_date
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.spreadsheets import registers_workbook
from masa.core.views import form_page
from masa.partnership.models import Priority
from masa.training.forms.needs import AnalysisForm, AnswerForm, analysis_initial, answer_initial
from masa.training.models import NeedsAnalysis
from masa.training.rules import ANSWER_NEEDS_ANALYSIS, MANAGE_TRAINING, VIEW_TRAINING_FIGURES
from masa.training.selectors import needs as selectors
from masa.training.services import needs as services

SAVED = "{title} saved"
CREATED = "{title} created: the agency leads have been emailed a link to answer it"
CLOSED = "{title} closed: agencies can no longer answer it"
DRAFT_SAVED = "Your answer for {agency} is saved as a draft: send it when it is complete"
SENT = "The answer for {agency} is sent to the training coordinator"

_url = url_in("training")


def _analysis(request: PartnershipRequest, uuid: Any) -> NeedsAnalysis:
    return found_or_404(selectors.analysis_get(request.partnership, uuid))


def _priorities(request: PartnershipRequest) -> Any:
    return (
        Priority.objects.filter(partnership=request.partnership)
        .select_related("plan")
        .order_by("-plan__start_year", "order", "title")
    )


@partnership_view(ANSWER_NEEDS_ANALYSIS)
def needs_list(request: PartnershipRequest) -> HttpResponse:
    context = {
        "analyses": selectors.analysis_list(request.partnership),
        "can_manage": request.user.has_perm(MANAGE_TRAINING, request.partnership),
        "today": timezone.localdate(),
    }
    return render(request, "training/needs/needs_list.html", context)


def _topics(data: dict[str, Any]) -> list[services.TopicInput]:
    """The topic rows of the analysis form (topic_1, topic_1_priority, ...), in order."""
    count = sum(1 for name in data if name.startswith("topic_") and not name.endswith("_priority"))
    return [
        services.TopicInput(data.get(f"topic_{n}") or "", data.get(f"topic_{n}_priority"))
        for n in range(1, count + 1)
    ]


def _save_analysis(request: PartnershipRequest, analysis: NeedsAnalysis | None) -> HttpResponse:
    def save(data: dict[str, Any]) -> NeedsAnalysis:
        return services.analysis_save(
            actor=request.user,
            partnership=request.partnership,
            analysis=analysis,
            title=data["title"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            introduction=data.get("introduction") or "",
            topics=_topics(data),
        )

    topics = len(analysis.topics.all()) if analysis else 0
    return form_page(
        request,
        form_class=AnalysisForm,
        form_kwargs={"priorities": _priorities(request), "topics": topics},
        initial=analysis_initial(analysis) if analysis else None,
        title=f"Change {analysis.title}" if analysis else "Create a training needs analysis",
        caption="Training needs analysis",
        save=save,
        success_url=lambda saved: _url("needs_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: (SAVED if analysis else CREATED).format(title=saved.title),  # type: ignore[attr-defined]
        back_url=_url("needs_detail", request, analysis.uuid) if analysis else _url("needs_list", request),
    )


@partnership_view(MANAGE_TRAINING)
def needs_add(request: PartnershipRequest) -> HttpResponse:
    return _save_analysis(request, None)


@partnership_view(MANAGE_TRAINING)
def needs_edit(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    analysis = _analysis(request, uuid)
    if analysis.closed_at is not None:
        closed_on = long_date(timezone.localtime(analysis.closed_at).date())
        messages.error(request, services.ALREADY_CLOSED.format(day=closed_on))
        return redirect(_url("needs_detail", request, analysis.uuid))
    return _save_analysis(request, analysis)


@partnership_view(ANSWER_NEEDS_ANALYSIS)
def needs_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    analysis = _analysis(request, uuid)
    agencies = selectors.answerable_agencies(request.user, request.partnership)
    context = {
        "analysis": analysis,
        "statuses": selectors.agency_statuses(analysis, agencies),
        "closed_reason": services.closed_reason(analysis, timezone.localdate()),
        "can_manage": request.user.has_perm(MANAGE_TRAINING, request.partnership),
        "can_see_results": request.user.has_perm(VIEW_TRAINING_FIGURES, request.partnership),
    }
    return render(request, "training/needs/needs_detail.html", context)


@require_POST
@partnership_view(MANAGE_TRAINING)
def needs_close(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    analysis = _analysis(request, uuid)
    try:
        services.analysis_close(actor=request.user, analysis=analysis)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, CLOSED.format(title=analysis.title))
    return redirect(_url("needs_detail", request, analysis.uuid))


@partnership_view(ANSWER_NEEDS_ANALYSIS)
def needs_answer(request: PartnershipRequest, uuid: Any, agency: Any) -> HttpResponse:
    """One agency's answer: a form while it can change, else the answer as sent and why."""
    analysis = _analysis(request, uuid)
    answering = found_or_404(selectors.answerable_agency(request.user, request.partnership, agency))
    response = selectors.response_get(analysis, answering)
    topics = list(analysis.topics.all())
    locked = services.response_locked_reason(response, analysis, timezone.localdate())
    form = AnswerForm(topics=topics, initial=answer_initial(response))
    status = 200
    if request.method == "POST":
        if locked:
            status = 400
        else:
            form = AnswerForm(request.POST, topics=topics)
            if form.is_valid():
                send = "send" in request.POST
                try:
                    services.response_save(
                        actor=request.user,
                        analysis=analysis,
                        agency=answering,
                        staff=form.staff(),
                        comments=form.cleaned_data.get("comments") or "",
                        send=send,
                    )
                except ValidationError as error:
                    form.apply_errors(error)
                else:
                    messages.success(request, (SENT if send else DRAFT_SAVED).format(agency=answering.name))
                    return redirect(_url("needs_detail", request, analysis.uuid))
            status = 400
    context = {
        "analysis": analysis,
        "agency": answering,
        "response": response,
        "form": form,
        "locked": locked,
        "answers": _answer_rows(topics, response) if locked else None,
    }
    return render(request, "training/needs/needs_answer.html", context, status=status)


def _answer_rows(topics: list, response: Any) -> list[tuple[Any, list[int]]]:
    given = {(a.topic_id, a.level): a.staff for a in response.answers.all()} if response else {}
    return [
        (topic, [given.get((topic.pk, level), 0) for level, _ in selectors.LEVEL_NAMES]) for topic in topics
    ]


@partnership_view(VIEW_TRAINING_FIGURES)
def needs_results(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    analysis = _analysis(request, uuid)
    results = selectors.needs_results(analysis)
    context = {
        "analysis": analysis,
        "results": results,
        "chart": selectors.results_chart(analysis, results),
        "levels": [name for _, name in selectors.LEVEL_NAMES],
    }
    return render(request, "training/needs/needs_results.html", context)


@partnership_view(VIEW_TRAINING_FIGURES)
def needs_results_xlsx(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    analysis = _analysis(request, uuid)
    results = selectors.needs_results(analysis)
    statuses = selectors.agency_statuses(analysis, selectors.partnership_agencies(request.partnership))
    workbook = registers_workbook(
        [
            ("Needs by topic", _topic_columns(), results.topics),
            ("Agencies", _agency_columns(), statuses),
        ],
        today=timezone.localdate(),
    )
    return file_response(
        workbook, f"{request.partnership.slug}-training-needs-{analysis.opens_on:%Y-%m}.xlsx", XLSX_TYPE
    )


def _topic_columns() -> list:
    return [
        ("Topic", 40, lambda row, today: row.topic.name),
        ("Linked priority", 40, lambda row, today: row.topic.priority.title if row.topic.priority else ""),
        *(
            (f"{name} level", 14, lambda row, today, i=i: row.by_level[i])
            for i, (_, name) in enumerate(selectors.LEVEL_NAMES)
        ),
        ("Total staff", 12, lambda row, today: row.total),
        ("Courses planned from it", 50, lambda row, today: "; ".join(c.title for c in row.courses)),
    ]


def _agency_columns() -> list:
    return [
        ("Agency", 40, lambda status, today: status.agency.name),
        ("Answer", 16, lambda status, today: status.label),
        (
            "Sent on",
            16,
            lambda status, today: (
                timezone.localtime(status.response.submitted_at).date()
                if status.response and status.response.submitted_at
                else None
            ),
        ),
        (
            "Comments",
            60,
            lambda status, today: (
                status.response.comments if status.response and status.response.submitted_at else ""
            ),
        ),
    ]
