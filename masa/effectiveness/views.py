"""Pages of the effectiveness review (thin: parse, call a service or selector, render).

A review outside the user's scope (another partnership's, or a draft for someone who may not
read drafts) is 404. Who may open each action linked from a finding is still the action
tracker's need-to-know scope.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.effectiveness import selectors, services
from masa.effectiveness.documents import review_summary_docx
from masa.effectiveness.forms import (
    AssessmentForm,
    FindingForm,
    PublishForm,
    ReopenForm,
    ResponseForm,
    ReviewForm,
)
from masa.effectiveness.models import DESCRIPTORS, EffectivenessReview, FindingKind, ReviewFinding, SelfRating
from masa.effectiveness.rules import (
    MANAGE_REVIEWS,
    RESPOND_TO_FINDINGS,
    VIEW_DRAFTS,
    VIEW_EVALUATION,
    VIEW_REVIEWS,
)
from masa.effectiveness.xlsx import review_workbook

REVIEW_SAVED = "Review saved"
ASSESSMENT_SAVED = "Self-evaluation of {principle} saved"
FINDING_SAVED = "{label} saved"
RESPONSE_SAVED = "Response saved"
RESPONSE_SAVED_WITH_ACTION = "Response saved, and action {reference} added to the action tracker"
PUBLISHED = "Review published: its figures are now fixed as they stand today"
REOPENED = "Review reopened as a draft"

# The self-evaluation scale with what each step means, shown beside the ratings.
SCALE = [(r.label, DESCRIPTORS[r]) for r in SelfRating]

_url = url_in("effectiveness")


def _review(request: PartnershipRequest, uuid: str) -> EffectivenessReview:
    return found_or_404(selectors.review_get(request.user, request.partnership, uuid))


def _draft(request: PartnershipRequest, uuid: str) -> EffectivenessReview | HttpResponse:
    """The review to change, or (once published) back to its page saying why it cannot be, so a
    bookmarked or old change page never offers a form that would only be refused."""
    review = _review(request, uuid)
    if review.is_published:
        messages.info(request, services.PUBLISHED)
        return redirect(_url("review_detail", request, review.uuid))
    return review


@partnership_view(VIEW_REVIEWS)
def review_list(request: PartnershipRequest) -> HttpResponse:
    reviews = list(selectors.review_list(request.user, request.partnership))
    context = {
        "rows": [(r, selectors.responses_by_kind(r)) for r in reviews],
        "can_manage": request.user.has_perm(MANAGE_REVIEWS, request.partnership),
    }
    return render(request, "effectiveness/review_list.html", context)


@partnership_view(VIEW_REVIEWS)
def review_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    user, partnership = request.user, request.partnership
    sees_evaluation = user.has_perm(VIEW_EVALUATION, partnership)
    can_manage = user.has_perm(MANAGE_REVIEWS, partnership) and not review.is_published
    context = {
        "review": review,
        "sees_evaluation": sees_evaluation,
        "assessments": selectors.assessments(review) if sees_evaluation else [],
        "figures": selectors.review_figures(review, today=timezone.localdate()) if sees_evaluation else None,
        "findings": list(review.findings.all()),
        "responses": selectors.responses_by_kind(review),
        "can_manage": can_manage,
        "can_respond": user.has_perm(RESPOND_TO_FINDINGS, partnership) and not review.is_published,
        "can_reopen": user.has_perm(MANAGE_REVIEWS, partnership) and review.is_published,
        "sees_drafts": user.has_perm(VIEW_DRAFTS, partnership),
        "scale": SCALE,
    }
    return render(request, "effectiveness/review_detail.html", context)


@partnership_view(VIEW_EVALUATION)
def review_export(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    today = timezone.localdate()
    workbook = review_workbook(
        review,
        assessments=selectors.assessments(review),
        figures=selectors.review_figures(review, today=today),
        today=today,
    )
    return file_response(workbook, f"{request.partnership.slug}-effectiveness-review.xlsx", XLSX_TYPE)


@partnership_view(VIEW_EVALUATION)
def review_summary(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """The review as a Word summary for a Board paper."""
    review = _review(request, uuid)
    today = timezone.localdate()
    document = review_summary_docx(
        review,
        assessments=selectors.assessments(review),
        figures=selectors.review_figures(review, today=today),
        today=today,
    )
    return file_response(document, f"{request.partnership.slug}-effectiveness-review.docx", DOCX_TYPE)


def _review_page(request: PartnershipRequest, review: EffectivenessReview | None) -> HttpResponse:
    initial: dict[str, Any] | None = None
    if review is not None:
        initial = {
            name: getattr(review, name)
            for name in (
                "title",
                "period_start",
                "period_end",
                "reviewer_name",
                "reviewer_organisation",
                "commissioned_on",
                "reported_on",
                "summary",
            )
        }
    return form_page(
        request,
        form_class=ReviewForm,
        initial=initial,
        title="Change the review" if review else "Open an effectiveness review",
        caption=review.title if review else "Effectiveness review",
        save=lambda data: services.review_save(
            actor=request.user, partnership=request.partnership, review=review, **data
        ),
        success_url=lambda saved: _url("review_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=REVIEW_SAVED,
        back_url=_url("review_detail", request, review.uuid) if review else _url("review_list", request),
    )


@partnership_view(MANAGE_REVIEWS)
def review_create(request: PartnershipRequest) -> HttpResponse:
    return _review_page(request, None)


@partnership_view(MANAGE_REVIEWS)
def review_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _draft(request, uuid)
    return review if isinstance(review, HttpResponse) else _review_page(request, review)


@partnership_view(MANAGE_REVIEWS)
def assessment_save(request: PartnershipRequest, uuid: str, principle: str) -> HttpResponse:
    review = _draft(request, uuid)
    if isinstance(review, HttpResponse):
        return review
    chosen = found_or_404(selectors.principle_get(review, principle))
    existing = review.assessments.filter(principle=chosen).first()
    initial = (
        {"rating": existing.rating, "narrative": existing.narrative, "evidence": existing.evidence}
        if existing
        else None
    )
    return form_page(
        request,
        form_class=AssessmentForm,
        initial=initial,
        title=f"Self-evaluation: {chosen.title}",
        caption=review.title,
        save=lambda data: services.assessment_save(
            actor=request.user, review=review, principle=chosen, **data
        ),
        success_url=_url("review_detail", request, review.uuid) + "#self-evaluation",
        success_message=ASSESSMENT_SAVED.format(principle=chosen.title),
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def finding_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    review = _draft(request, uuid)
    if isinstance(review, HttpResponse):
        return review
    finding = found_or_404(selectors.finding_get(review, item)) if item else None
    initial: dict[str, Any] | None = None
    if finding is not None:
        initial = {"kind": finding.kind, "text": finding.text, "principle": finding.principle_id}
    return form_page(
        request,
        form_class=FindingForm,
        form_kwargs={"principles": selectors.partnership_principles(request.partnership)},
        initial=initial,
        title=f"Change {str(finding).lower()}" if finding else "Add a finding",
        caption=review.title,
        save=lambda data: services.finding_save(actor=request.user, review=review, finding=finding, **data),
        success_url=_url("review_detail", request, review.uuid) + "#findings",
        success_message=lambda saved: FINDING_SAVED.format(label=saved.get_kind_display()),  # type: ignore[attr-defined]
        back_url=_url("review_detail", request, review.uuid),
    )


def _response_saved(saved: object, *, had_action: bool) -> str:
    assert isinstance(saved, ReviewFinding)
    if saved.action is not None and not had_action:
        return RESPONSE_SAVED_WITH_ACTION.format(reference=saved.action.reference)
    return RESPONSE_SAVED


@partnership_view(RESPOND_TO_FINDINGS)
def response_save(request: PartnershipRequest, uuid: str, item: str) -> HttpResponse:
    review = _draft(request, uuid)
    if isinstance(review, HttpResponse):
        return review
    finding = found_or_404(selectors.finding_get(review, item))
    had_action = finding.action_id is not None
    initial = (
        {"response": finding.response, "response_text": finding.response_text} if finding.response else None
    )
    return form_page(
        request,
        form_class=ResponseForm,
        form_kwargs={
            "people": selectors.partnership_people(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
            "needs_action_fields": finding.kind == FindingKind.RECOMMENDATION and not had_action,
        },
        initial=initial,
        title=f"The partnership's response to {str(finding).lower()}",
        caption=finding.text[:120],
        save=lambda data: services.response_save(actor=request.user, finding=finding, **data),
        success_url=_url("review_detail", request, review.uuid) + f"#finding-{finding.number}",
        success_message=lambda saved: _response_saved(saved, had_action=had_action),
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def review_publish(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.review_publish(actor=request.user, review=review)
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, PUBLISHED)
            return redirect(_url("review_detail", request, review.uuid))
    context = {"review": review, "form": form, "back_url": _url("review_detail", request, review.uuid)}
    return render(request, "effectiveness/review_publish.html", context, status=400 if form.errors else 200)


@partnership_view(MANAGE_REVIEWS)
def review_reopen(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    return form_page(
        request,
        form_class=ReopenForm,
        title="Reopen the review",
        caption=review.title,
        save=lambda data: services.review_reopen(actor=request.user, review=review, **data),
        success_url=_url("review_detail", request, review.uuid),
        success_message=REOPENED,
        back_url=_url("review_detail", request, review.uuid),
    )
