"""Pages of learning reviews and themes (thin: parse, call a service or selector, render).

Records of another partnership are 404. Reviews name no child; who may open each action in the
chain is still decided by the action tracker's need-to-know scope.
"""

import mimetypes
import os
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.clocks.rules import clock
from masa.core.downloads import file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.reviews import selectors, services, theme_sections
from masa.reviews.forms import (
    FindingForm,
    MilestoneForm,
    NationalRecommendationForm,
    QuestionForm,
    RecommendationActionForm,
    RecommendationForm,
    ReviewFilterForm,
    ReviewForm,
    ReviewKindForm,
    ThemeForm,
)
from masa.reviews.models import RECORDED_KINDS, Review, ReviewKind, Theme
from masa.reviews.rules import MANAGE_REVIEWS, VIEW_REVIEWS

# Registered in masa/incidents/rules.py; reviews sit below incidents, so by name.
VIEW_INCIDENTS = "incidents.view_incidents"
PAGE_SIZE = 50
REVIEW_SAVED = "Review saved"
THEME_SAVED = "Theme saved"
DEFAULTS_ADDED = "{count} standard theme{s} added"
DEFAULTS_NONE = "The partnership already has every standard theme"
MILESTONE_SAVED = "Milestone saved"
QUESTION_SAVED = "Question saved"
NATIONAL_SAVED = "National recommendation saved"
FINDING_SAVED = "Finding saved"
RECOMMENDATION_SAVED = "Recommendation saved"
ACTION_ADDED = "Action {reference} added to the action tracker"


_found = found_or_404


_url = url_in("reviews")


def _review(request: PartnershipRequest, uuid: str) -> Review:
    return _found(selectors.review_get(request.partnership, uuid))


def _can_manage(request: PartnershipRequest) -> bool:
    return request.user.has_perm(MANAGE_REVIEWS, request.partnership)


def _caption(review: Review) -> str:
    return f"{review.reference}: {review.title}"


# Themes ----------------------------------------------------------------------------------------


@partnership_view(VIEW_REVIEWS)
def theme_list(request: PartnershipRequest) -> HttpResponse:
    themes = list(selectors.theme_list(request.partnership))
    return render(request, "reviews/theme_list.html", {"themes": themes, "can_manage": _can_manage(request)})


@partnership_view(VIEW_REVIEWS)
def theme_detail(request: PartnershipRequest, theme: str) -> HttpResponse:
    found: Theme = _found(selectors.theme_get(request.partnership, theme))
    history = selectors.theme_history(
        request.user, found, published_only=not _can_manage(request), page=request.GET.get("page")
    )
    context = {
        "history": history,
        "theme": found,
        "today": timezone.localdate(),
        "can_manage": _can_manage(request),
        "sections": theme_sections.sections(request.user, found),
    }
    return render(request, "reviews/theme_detail.html", context)


@partnership_view(MANAGE_REVIEWS)
def theme_create(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=ThemeForm,
        title="Add a theme",
        save=lambda data: services.theme_create(actor=request.user, partnership=request.partnership, **data),
        success_url=_url("theme_list", request),
        success_message=THEME_SAVED,
        back_url=_url("theme_list", request),
    )


@partnership_view(MANAGE_REVIEWS)
def theme_edit(request: PartnershipRequest, theme: str) -> HttpResponse:
    found: Theme = _found(selectors.theme_get(request.partnership, theme))
    return form_page(
        request,
        form_class=ThemeForm,
        form_kwargs={"editing": True},
        initial={
            "name": found.name,
            "slug": found.slug,
            "description": found.description,
            "is_active": found.is_active,
        },
        title="Change the theme",
        caption=found.name,
        save=lambda data: services.theme_update(actor=request.user, theme=found, **data),
        success_url=lambda saved: _url("theme_detail", request, saved.slug),  # type: ignore[attr-defined]
        success_message=THEME_SAVED,
        back_url=_url("theme_detail", request, found.slug),
    )


@partnership_view(MANAGE_REVIEWS)
@require_POST
def theme_add_defaults(request: PartnershipRequest) -> HttpResponse:
    created = services.themes_add_defaults(actor=request.user, partnership=request.partnership)
    if created:
        messages.success(
            request, DEFAULTS_ADDED.format(count=len(created), s="" if len(created) == 1 else "s")
        )
    else:
        messages.success(request, DEFAULTS_NONE)
    return redirect(_url("theme_list", request))


# Reviews ---------------------------------------------------------------------------------------


@partnership_view(VIEW_REVIEWS)
def review_list(request: PartnershipRequest) -> HttpResponse:
    themes = list(selectors.theme_list(request.partnership))
    form = ReviewFilterForm(request.GET or None, themes=themes)
    filters = form.filters()
    theme = next((t for t in themes if t.slug == filters.get("theme")), None)
    reviews = selectors.review_list(
        request.partnership, kind=filters.get("kind", ""), status=filters.get("status", ""), theme=theme
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "can_manage": _can_manage(request),
        "can_view_incidents": request.user.has_perm(VIEW_INCIDENTS, request.partnership),
    }
    return render(request, "reviews/review_list.html", context, status=400 if form.errors else 200)


def _review_form_kwargs(request: PartnershipRequest, kind: str, review: Review | None = None) -> dict:
    partnership = request.partnership
    return {
        "kind": kind,
        "themes": selectors.theme_choices(partnership, keep=review.themes.all() if review else None),
        "incidents": selectors.partnership_incidents(partnership),
        "groups": selectors.partnership_groups(partnership),
        "people": selectors.partnership_people(partnership),
    }


def _upload(data: dict) -> dict:
    report = data.pop("final_report", None)
    if report:
        data["final_report"] = services.Upload(file=report, name=report.name)
    return data


def _saved_message(review: object) -> str:
    assert isinstance(review, Review)
    warnings = services.copy_warnings(
        publication_date=review.publication_date,
        panel_copy=review.panel_copy_sent_date,
        secretary_of_state_copy=review.secretary_of_state_copy_sent_date,
    )
    return (
        f"{REVIEW_SAVED}. Check the warning on this page"
        if review.kind == ReviewKind.LCSPR and warnings
        else REVIEW_SAVED
    )


@partnership_view(MANAGE_REVIEWS)
def review_create(request: PartnershipRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in RECORDED_KINDS:
        # First question: which kind of review (the details differ by kind).
        kind_form = ReviewKindForm(request.GET if "next" in request.GET else None)
        if kind_form.is_bound:
            kind_form.is_valid()
        status = 400 if kind_form.errors else 200
        return render(
            request,
            "reviews/review_kind.html",
            {"form": kind_form, "back_url": _url("review_list", request)},
            status=status,
        )
    return form_page(
        request,
        form_class=ReviewForm,
        form_kwargs=_review_form_kwargs(request, kind),
        initial={"status": "planned"},
        title=f"Record a {ReviewKind(kind).label[0].lower()}{ReviewKind(kind).label[1:]}",
        save=lambda data: services.review_create(
            actor=request.user, partnership=request.partnership, kind=kind, **_upload(data)
        ),
        success_url=lambda review: _url("review_detail", request, review.uuid),  # type: ignore[attr-defined]
        success_message=_saved_message,
        back_url=_url("review_create", request),
        multipart=kind == ReviewKind.LCSPR,
    )


@partnership_view(MANAGE_REVIEWS)
def review_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    names = [f.name for f in Review._meta.fields] + ["themes"]
    initial = {name: getattr(review, name) for name in names if name not in ("final_report", "themes")}
    initial["themes"] = [t.pk for t in review.themes.all()]
    return form_page(
        request,
        form_class=ReviewForm,
        form_kwargs=_review_form_kwargs(request, review.kind, review),
        initial=initial,
        title="Change the review",
        caption=_caption(review),
        save=lambda data: services.review_update(actor=request.user, review=review, **_upload(data)),
        success_url=_url("review_detail", request, review.uuid),
        success_message=_saved_message,
        back_url=_url("review_detail", request, review.uuid),
        multipart=review.kind == ReviewKind.LCSPR,
    )


@partnership_view(VIEW_REVIEWS)
def review_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    today = timezone.localdate()
    chain = selectors.review_chain(request.user, review, today=today)
    context: dict[str, Any] = {
        "review": review,
        "chain": chain,
        "today": today,
        "can_manage": _can_manage(request),
        "is_lcspr": review.kind == ReviewKind.LCSPR,
        "is_national": review.kind == ReviewKind.NATIONAL,
        "is_rapid_review": review.kind == ReviewKind.RAPID_REVIEW,
        "can_view_incidents": request.user.has_perm(VIEW_INCIDENTS, request.partnership),
        "asks_questions": review.kind in (ReviewKind.LOCAL_LEARNING, ReviewKind.THEMATIC) or chain.questions,
    }
    if review.kind == ReviewKind.LCSPR:
        context["copy_warnings"] = services.copy_warnings(
            publication_date=review.publication_date,
            panel_copy=review.panel_copy_sent_date,
            secretary_of_state_copy=review.secretary_of_state_copy_sent_date,
        )
        if review.publication_date:
            context["copy_deadline"] = services.copy_deadline(review.publication_date)
        if review.decision_date:
            # lcspr_final: a guide of 6 months from the decision, not a statutory limit
            # (docs/domain.md, "3.1 The default rule set, WT2023").
            context["final_clock"] = clock(
                "lcspr_final", review.decision_date, today, met_on=review.final_report_received_date
            )
    return render(request, "reviews/review_detail.html", context)


@partnership_view(VIEW_REVIEWS)
def review_report(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = _review(request, uuid)
    if not review.final_report:
        raise Http404("No report")
    try:
        stream = review.final_report.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing") from error
    # The stored name ends with the type checked from the content (masa.core.uploads).
    name = f"{review.reference}{os.path.splitext(review.final_report.name or '')[1]}"
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return file_response(stream, name, content_type)


# Milestones, questions and national recommendations ---------------------------------------------


@partnership_view(MANAGE_REVIEWS)
def milestone_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    review = _review(request, uuid)
    milestone = _found(selectors.milestone_get(review, item)) if item else None
    initial = (
        {"title": milestone.title, "due_date": milestone.due_date, "completed_date": milestone.completed_date}
        if milestone
        else None
    )
    return form_page(
        request,
        form_class=MilestoneForm,
        initial=initial,
        title="Change the milestone" if milestone else "Add a milestone",
        caption=_caption(review),
        save=lambda data: services.milestone_save(
            actor=request.user, review=review, milestone=milestone, **data
        ),
        success_url=_url("review_detail", request, review.uuid) + "#milestones",
        success_message=MILESTONE_SAVED,
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def question_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    review = _review(request, uuid)
    question = _found(selectors.question_get(review, item)) if item else None
    return form_page(
        request,
        form_class=QuestionForm,
        initial={"text": question.text, "response": question.response} if question else None,
        title=f"Question {question.number}" if question else "Add a question for the safeguarding partners",
        caption=_caption(review),
        save=lambda data: services.question_save(
            actor=request.user, review=review, question=question, **data
        ),
        success_url=_url("review_detail", request, review.uuid) + "#questions",
        success_message=QUESTION_SAVED,
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def national_recommendation_save(
    request: PartnershipRequest, uuid: str, item: str | None = None
) -> HttpResponse:
    review = _review(request, uuid)
    if review.kind != ReviewKind.NATIONAL:
        raise Http404("Only national reviews have national recommendations")
    found = _found(selectors.national_recommendation_get(review, item)) if item else None
    initial = (
        {
            "text": found.text,
            "assurance": found.assurance,
            "evidence": found.evidence,
            "assessed_on": found.assessed_on,
        }
        if found
        else None
    )
    return form_page(
        request,
        form_class=NationalRecommendationForm,
        initial=initial,
        title=f"Self-assessment: national recommendation {found.number}"
        if found
        else "Add a national recommendation",
        caption=_caption(review),
        save=lambda data: services.national_recommendation_save(
            actor=request.user, review=review, recommendation=found, **data
        ),
        success_url=_url("review_detail", request, review.uuid) + "#national",
        success_message=NATIONAL_SAVED,
        back_url=_url("review_detail", request, review.uuid),
    )


# Findings, recommendations and actions ----------------------------------------------------------


@partnership_view(MANAGE_REVIEWS)
def finding_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    review = _review(request, uuid)
    finding = _found(selectors.finding_get(review, item)) if item else None
    initial = (
        {
            "text": finding.text,
            "is_good_practice": "good" if finding.is_good_practice else "learning",
            "themes": [t.pk for t in finding.themes.all()],
        }
        if finding
        else {"themes": [t.pk for t in review.themes.all()]}
    )

    def save(data: dict) -> object:
        data["is_good_practice"] = data["is_good_practice"] == "good"
        return services.finding_save(actor=request.user, review=review, finding=finding, **data)

    return form_page(
        request,
        form_class=FindingForm,
        form_kwargs={
            "themes": selectors.theme_choices(
                request.partnership, keep=finding.themes.all() if finding else None
            )
        },
        initial=initial,
        title=f"Finding {finding.number}" if finding else "Add a finding",
        caption=_caption(review),
        save=save,
        success_url=_url("review_detail", request, review.uuid) + "#findings",
        success_message=FINDING_SAVED,
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def recommendation_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    review = _review(request, uuid)
    found = _found(selectors.recommendation_get(review, item)) if item else None
    initial: dict[str, Any] | None = None
    if found:
        initial = {
            "text": found.text,
            "finding": found.finding_id,
            "accountable_agency": found.accountable_agency_id,
        }
    elif request.GET.get("finding"):
        initial = {"finding": request.GET["finding"]}
    return form_page(
        request,
        form_class=RecommendationForm,
        form_kwargs={
            "findings": review.findings.all(),
            "agencies": selectors.partnership_agencies(request.partnership),
        },
        initial=initial,
        title=f"Recommendation {found.number}" if found else "Add a recommendation",
        caption=_caption(review),
        save=lambda data: services.recommendation_save(
            actor=request.user, review=review, recommendation=found, **data
        ),
        success_url=_url("review_detail", request, review.uuid) + "#findings",
        success_message=RECOMMENDATION_SAVED,
        back_url=_url("review_detail", request, review.uuid),
    )


@partnership_view(MANAGE_REVIEWS)
def recommendation_action_add(request: PartnershipRequest, uuid: str, item: str) -> HttpResponse:
    review = _review(request, uuid)
    recommendation = _found(selectors.recommendation_get(review, item))
    return form_page(
        request,
        form_class=RecommendationActionForm,
        form_kwargs={
            "people": selectors.partnership_people(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
        },
        initial={"group": review.group_id, "title": recommendation.text[:300]},
        title="Add an action from this recommendation",
        caption=f"{review.reference}: recommendation {recommendation.number}",
        save=lambda data: _action_add(request, recommendation, data),
        success_url=_url("review_detail", request, review.uuid) + "#findings",
        success_message=lambda action: ACTION_ADDED.format(reference=action.reference),  # type: ignore[attr-defined]
        back_url=_url("review_detail", request, review.uuid),
    )


def _action_add(request: PartnershipRequest, recommendation: Any, data: dict) -> object:
    return services.recommendation_action_add(actor=request.user, recommendation=recommendation, **data)
