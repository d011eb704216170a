"""The public training calendar, course pages and brochure, and the training home inside the
partnership (docs/domain.md, "21.2 Courses, sessions and the public calendar").

Thin: parse the filters, ask the selectors, render. A partnership that does not exist, or a course
that is not published, is 404, so a visitor cannot tell a draft exists.
"""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view
from masa.core.access import public_view
from masa.core.downloads import file_response
from masa.core.shortcuts import found_or_404
from masa.partnership.models import Partnership
from masa.training.brochure import brochure_pdf
from masa.training.forms.calendar import CalendarFilterForm
from masa.training.models import ChargePolicy
from masa.training.rules import BOOK_TRAINING, MANAGE_TRAINING
from masa.training.selectors import calendar as selectors
from masa.training.selectors import courses as course_selectors

PAGE_SIZE = 25

# The charge policy in plain words for people booking (docs/domain.md, "21.4 The register and
# charges" says how charges are worked out).
CHARGE_WORDS = {
    ChargePolicy.STANDARD: (
        "This course is free to book. Your agency may be charged if you do not attend, or if you "
        "cancel your place shortly before the session."
    ),
    ChargePolicy.FREE: "This course is free, and no one is charged for a missed or cancelled place.",
}


def _public_partnership(request: HttpRequest, slug: str) -> Partnership:
    partnership = found_or_404(selectors.public_partnership(slug), "No such partnership")
    # Shows the partnership's name in the header, as the other public pages do.
    request.partnership = partnership  # type: ignore[attr-defined]
    return partnership


def _calendar_context(request: HttpRequest, partnership: Partnership) -> dict:
    """The filter form and one page of coming sessions, with the query string for page links."""
    form = CalendarFilterForm(
        request.GET or None,
        priorities=selectors.calendar_priorities(partnership),
        courses=list(selectors.published_courses(partnership)),
        months=selectors.months_ahead(timezone.localdate()),
    )
    filters = form.calendar_filters()
    page: Page = Paginator(selectors.coming_sessions(partnership, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "partnership": partnership,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "filtered": bool(form.is_bound and form.filters()),
    }


@public_view
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _public_partnership(request, slug)
    context = _calendar_context(request, partnership)
    return render(
        request, "training/calendar/calendar.html", context, status=400 if context["form"].errors else 200
    )


@public_view
def course_page(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    partnership = _public_partnership(request, slug)
    course = found_or_404(selectors.public_course_get(partnership, course_slug), "No such published course")
    context = {
        "partnership": partnership,
        "course": course,
        "charge_words": CHARGE_WORDS[ChargePolicy(course.charge_policy)],
        "sessions": list(selectors.course_coming_sessions(course)),
    }
    return render(request, "training/calendar/course.html", context)


@public_view
def brochure(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _public_partnership(request, slug)
    pdf = brochure_pdf(
        partnership,
        selectors.brochure_courses(partnership),
        calendar_url=request.build_absolute_uri(reverse("training:calendar", args=[partnership.slug])),
    )
    return file_response(pdf, f"{partnership.slug}-training-programme.pdf", "application/pdf")


@partnership_view(BOOK_TRAINING)
def home(request: PartnershipRequest) -> HttpResponse:
    context = _calendar_context(request, request.partnership)
    if request.user.has_perm(MANAGE_TRAINING, request.partnership):
        context["courses"] = course_selectors.course_list(request.partnership)
    return render(
        request, "training/calendar/home.html", context, status=400 if context["form"].errors else 200
    )
