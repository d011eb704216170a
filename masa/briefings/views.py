"""Pages of 7-minute briefings (thin: parse, call a service or selector, render).

Inside the partnership the business team writes and publishes briefings and every role that
may see reviews reads them; agency leads confirm they cascaded a briefing in their own agency.
The public learning page shows only published briefings and published review reports: anything
else is 404, so a visitor cannot tell a draft exists.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.briefings import selectors as selectors
from masa.briefings import services as services
from masa.briefings.documents import briefing_docx, briefing_pdf, briefing_sections
from masa.briefings.forms import BriefingForm, DisseminationForm
from masa.briefings.models import Briefing, BriefingStatus
from masa.briefings.rules import (
    CONFIRM_DISSEMINATION,
    CONFIRM_DISSEMINATION_FOR_ANY_AGENCY,
    READ_LEARNING,
    VIEW_READ_COUNTS,
)
from masa.core.access import public_view
from masa.core.downloads import DOCX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.reviews.rules import MANAGE_REVIEWS, VIEW_REVIEWS

BRIEFING_SAVED = "Draft briefing saved"
BRIEFING_PUBLISHED = "Briefing published: it is now on the public learning page"
BRIEFING_WITHDRAWN = "Briefing withdrawn: it is no longer on the public learning page"
DISSEMINATION_SAVED = "Dissemination confirmed for {agency}"


_url = url_in("briefings")


def _briefing(request: PartnershipRequest, uuid: str) -> Briefing:
    briefing = found_or_404(selectors.briefing_get(request.partnership, uuid))
    return briefing


def _form_kwargs(request: PartnershipRequest) -> dict:
    return {
        "reviews": selectors.review_choices(request.partnership),
        "themes": selectors.theme_choices(request.partnership),
    }


@partnership_view(VIEW_REVIEWS)
def briefing_list(request: PartnershipRequest) -> HttpResponse:
    can_manage = request.user.has_perm(MANAGE_REVIEWS, request.partnership)
    seen = selectors.briefings_seen_by(request.user, request.partnership)
    briefings = selectors.briefing_list(request.partnership).filter(pk__in=seen.values("pk"))
    context = {
        "briefings": briefings,
        "can_manage": can_manage,
        "reviews": selectors.review_choices(request.partnership) if can_manage else [],
    }
    return render(request, "briefings/briefing_list.html", context)


@partnership_view(MANAGE_REVIEWS)
def briefing_create(request: PartnershipRequest) -> HttpResponse:
    initial = None
    review_uuid = request.GET.get("review", "")
    if review_uuid and request.method == "GET":
        try:
            review = selectors.review_for_briefing(request.partnership, review_uuid)
        except ValidationError:  # not a UUID
            review = None
        initial = selectors.briefing_prefill(found_or_404(review, "No such review in this partnership"))
    return form_page(
        request,
        form_class=BriefingForm,
        form_kwargs=_form_kwargs(request),
        initial=initial,
        title="Write a 7-minute briefing",
        save=lambda data: services.briefing_create(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=lambda briefing: _url("briefing_detail", request, briefing.uuid),  # type: ignore[attr-defined]
        success_message=BRIEFING_SAVED,
        back_url=_url("briefing_list", request),
    )


@partnership_view(MANAGE_REVIEWS)
def briefing_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    if briefing.status != BriefingStatus.DRAFT:
        messages.error(request, services.NOT_A_DRAFT.format(status=briefing.get_status_display().lower()))
        return redirect(_url("briefing_detail", request, briefing.uuid))
    fields = ("title", "slug", "review", *(name for name, _ in services.SECTIONS))
    initial = {name: getattr(briefing, name) for name in fields}
    initial["themes"] = [theme.pk for theme in briefing.themes.all()]
    return form_page(
        request,
        form_class=BriefingForm,
        form_kwargs=_form_kwargs(request),
        initial=initial,
        title="Change the briefing",
        caption=briefing.title,
        save=lambda data: services.briefing_update(actor=request.user, briefing=briefing, **data),
        success_url=_url("briefing_detail", request, briefing.uuid),
        success_message=BRIEFING_SAVED,
        back_url=_url("briefing_detail", request, briefing.uuid),
    )


def _hide_drafts(request: PartnershipRequest, briefing: Briefing) -> None:
    """Drafts are the business team's work in progress: others see them once published."""
    if briefing.status == BriefingStatus.DRAFT and not request.user.has_perm(
        MANAGE_REVIEWS, request.partnership
    ):
        raise Http404("Not found in this partnership")


@partnership_view(VIEW_REVIEWS)
def briefing_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    _hide_drafts(request, briefing)
    table = selectors.dissemination_table(briefing) if briefing.status != BriefingStatus.DRAFT else None
    own_agency = selectors.agency_of(request.user, request.partnership)
    context = {
        "briefing": briefing,
        "sections": briefing_sections(briefing),
        "table": table,
        "can_manage": request.user.has_perm(MANAGE_REVIEWS, request.partnership),
        "can_confirm": _may_confirm(request) and briefing.status == BriefingStatus.PUBLISHED,
        "own_agency": own_agency,
        "own_confirmation": selectors.dissemination_for(briefing, own_agency),
        "read": selectors.read_of(request.user, briefing),
        "read_url": _url("learning_briefing_read", request, briefing.uuid),
        "problems": services.publication_problems(
            {name: getattr(briefing, name) for name in ("title", *services.CORE_SECTIONS)}
        ),
    }
    return render(request, "briefings/briefing_detail.html", context)


@partnership_view(MANAGE_REVIEWS)
def briefing_preview(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    return render(
        request,
        "briefings/briefing_preview.html",
        {"briefing": briefing, "sections": briefing_sections(briefing)},
    )


def _status_change(request: PartnershipRequest, uuid: str, *, action: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    error = None
    if request.method == "POST":
        try:
            if action == "publish":
                services.briefing_publish(actor=request.user, briefing=briefing)
            else:
                services.briefing_withdraw(actor=request.user, briefing=briefing)
        except ValidationError as refusal:
            error = refusal
        else:
            messages.success(request, BRIEFING_PUBLISHED if action == "publish" else BRIEFING_WITHDRAWN)
            return redirect(_url("briefing_detail", request, briefing.uuid))
    if error is not None and hasattr(error, "error_dict"):
        problems = {field: " ".join(msgs) for field, msgs in error.message_dict.items()}
    elif error is not None:
        problems = {"": " ".join(error.messages)}
    else:
        problems = {}
    if action == "publish" and not problems and request.method != "POST":
        problems = services.publication_problems(
            {name: getattr(briefing, name) for name in ("title", *services.CORE_SECTIONS)}
        )
    context = {"briefing": briefing, "problems": problems, "action": action}
    template = (
        "briefings/briefing_publish.html" if action == "publish" else "briefings/briefing_withdraw.html"
    )
    return render(request, template, context, status=400 if error is not None else 200)


@partnership_view(MANAGE_REVIEWS)
def briefing_publish(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _status_change(request, uuid, action="publish")


@partnership_view(MANAGE_REVIEWS)
def briefing_withdraw(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _status_change(request, uuid, action="withdraw")


@partnership_view(VIEW_REVIEWS)
def briefing_docx_download(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    _hide_drafts(request, briefing)
    return file_response(briefing_docx(briefing), f"{briefing.slug}.docx", DOCX_TYPE)


@partnership_view(VIEW_REVIEWS)
def briefing_pdf_download(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    _hide_drafts(request, briefing)
    return file_response(briefing_pdf(briefing), f"{briefing.slug}.pdf", "application/pdf")


# Dissemination ----------------------------------------------------------------------------


def _may_confirm(request: PartnershipRequest) -> bool:
    """The business team records for any agency; agency leads for their own."""
    return request.user.has_perm(CONFIRM_DISSEMINATION, request.partnership)


@partnership_view(VIEW_REVIEWS)
def dissemination(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = _briefing(request, uuid)
    _hide_drafts(request, briefing)
    context = {
        "briefing": briefing,
        "table": selectors.dissemination_table(briefing),
        "can_confirm": _may_confirm(request) and briefing.status == BriefingStatus.PUBLISHED,
    }
    return render(request, "briefings/briefing_dissemination.html", context)


@partnership_view(VIEW_REVIEWS)
def dissemination_confirm(request: PartnershipRequest, uuid: str) -> HttpResponse:
    if not _may_confirm(request):
        raise PermissionDenied
    briefing = _briefing(request, uuid)
    _hide_drafts(request, briefing)
    if briefing.status != BriefingStatus.PUBLISHED:
        messages.error(request, services.NOT_PUBLISHED)
        return redirect(_url("briefing_detail", request, briefing.uuid))
    any_agency = request.user.has_perm(CONFIRM_DISSEMINATION_FOR_ANY_AGENCY, request.partnership)
    own_agency = selectors.agency_of(request.user, request.partnership)
    current = selectors.dissemination_for(briefing, own_agency)
    initial: dict = {"agency": own_agency}
    if current is not None:
        initial.update(
            confirmed_on=current.confirmed_on, how=current.how, staff_reached=current.staff_reached
        )
    return form_page(
        request,
        form_class=DisseminationForm,
        form_kwargs={"agencies": selectors.agency_choices(request.partnership), "any_agency": any_agency},
        initial=initial,
        title="Confirm you cascaded this briefing",
        caption=briefing.title,
        save=lambda data: services.dissemination_confirm(
            actor=request.user, briefing=briefing, any_agency=any_agency, own_agency=own_agency, **data
        ),
        success_url=_url("dissemination", request, briefing.uuid),
        success_message=lambda d: DISSEMINATION_SAVED.format(agency=d.agency.name),  # type: ignore[attr-defined]
        back_url=_url("briefing_detail", request, briefing.uuid),
    )


# The public learning page -----------------------------------------------------------------


def _public_partnership(request: HttpRequest, slug: str):
    partnership = found_or_404(selectors.public_partnership(slug), "No such partnership")
    # Shows the partnership's name in the header, as the public arrangements page does.
    request.partnership = partnership  # type: ignore[attr-defined]
    return partnership


def _public_briefing(request: HttpRequest, slug: str, briefing_slug: str) -> Briefing:
    partnership = _public_partnership(request, slug)
    briefing = found_or_404(
        selectors.public_briefing_get(partnership, briefing_slug), "No such published briefing"
    )
    return briefing


@public_view
def public_learning(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _public_partnership(request, slug)
    themes = list(selectors.public_themes(partnership))
    theme = request.GET.get("theme", "")
    chosen = next((t for t in themes if t.slug == theme), None)
    context = {
        "partnership": partnership,
        "briefings": list(selectors.public_briefings(partnership, theme=chosen.slug if chosen else "")),
        "themes": themes,
        "chosen": chosen,
        "reviews": list(selectors.public_reviews(partnership)),
    }
    return render(request, "briefings/public_learning.html", context)


@public_view
def public_briefing(request: HttpRequest, slug: str, briefing_slug: str) -> HttpResponse:
    briefing = _public_briefing(request, slug, briefing_slug)
    return render(
        request,
        "briefings/public_briefing.html",
        {"briefing": briefing, "sections": briefing_sections(briefing), "partnership": briefing.partnership},
    )


@public_view
def public_briefing_docx(request: HttpRequest, slug: str, briefing_slug: str) -> HttpResponse:
    briefing = _public_briefing(request, slug, briefing_slug)
    return file_response(briefing_docx(briefing), f"{briefing.slug}.docx", DOCX_TYPE)


@public_view
def public_briefing_pdf(request: HttpRequest, slug: str, briefing_slug: str) -> HttpResponse:
    briefing = _public_briefing(request, slug, briefing_slug)
    return file_response(briefing_pdf(briefing), f"{briefing.slug}.pdf", "application/pdf")


@public_view
def public_review_report(request: HttpRequest, slug: str, uuid: str) -> HttpResponse:
    partnership = _public_partnership(request, slug)
    review = found_or_404(selectors.public_review_get(partnership, uuid), "No such published report")
    name = (review.final_report.name or "report").rsplit("/", 1)[-1]
    return file_response(review.final_report.open("rb"), name)


# Learning inside masa: every member, practitioners included, reads published material ---------
# docs/domain.md, "10. Learning for practitioners".


@partnership_view(READ_LEARNING)
def learning(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    context = {
        "briefings": list(selectors.learning_briefings(request.user, partnership)),
        "reviews": list(selectors.learning_reviews(request.user, partnership)),
        "can_see_counts": request.user.has_perm(VIEW_READ_COUNTS, partnership),
    }
    return render(request, "briefings/learning.html", context)


@partnership_view(READ_LEARNING)
def learning_briefing(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = found_or_404(selectors.learning_briefing_get(request.partnership, uuid))
    context = {
        "briefing": briefing,
        "sections": briefing_sections(briefing),
        "partnership": request.partnership,
        "read": selectors.read_of(request.user, briefing),
        "read_url": _url("learning_briefing_read", request, briefing.uuid),
    }
    return render(request, "briefings/learning_briefing.html", context)


@partnership_view(READ_LEARNING)
def learning_review(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = found_or_404(selectors.learning_review_get(request.partnership, uuid))
    context = {
        "review": review,
        "read": selectors.read_of(request.user, review),
        "read_url": _url("learning_review_read", request, review.uuid),
    }
    return render(request, "briefings/learning_review.html", context)


@partnership_view(READ_LEARNING)
@require_POST
def learning_briefing_read(request: PartnershipRequest, uuid: str) -> HttpResponse:
    briefing = found_or_404(selectors.learning_briefing_get(request.partnership, uuid))
    services.learning_read_record(actor=request.user, item=briefing)
    return redirect(_url("learning_briefing", request, briefing.uuid))


@partnership_view(READ_LEARNING)
@require_POST
def learning_review_read(request: PartnershipRequest, uuid: str) -> HttpResponse:
    review = found_or_404(selectors.learning_review_get(request.partnership, uuid))
    services.learning_read_record(actor=request.user, item=review)
    return redirect(_url("learning_review", request, review.uuid))


@partnership_view(VIEW_READ_COUNTS)
def read_counts(request: PartnershipRequest) -> HttpResponse:
    """All reads, or one financial year's; a year not offered shows all (as the theme filter of the
    public learning page ignores a theme it does not have)."""
    years = selectors.read_years(request.partnership)
    chosen = next((y for y in years if str(y) == request.GET.get("year", "")), None)
    start, end = selectors.financial_year(chosen) if chosen is not None else (None, None)
    context = {
        "counts": selectors.read_counts(request.partnership, start=start, end=end),
        "years": [(year, f"{year}-{(year + 1) % 100:02d}") for year in years],
        "chosen": chosen,
    }
    return render(request, "briefings/read_counts.html", context)
