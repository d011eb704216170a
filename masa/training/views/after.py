"""Pages of what follows a session (docs/domain.md, "21.5 Certificates, evaluation and impact").

Thin: each reads through `selectors.after` (a person's own bookings only; the coordinator any
certificate) and writes through `services.after`. The follow-up's answer page is public and
reached only by its one-use link; it shows the course and the date, nothing about the person.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.access import public_view
from masa.core.actors import SystemActor
from masa.core.dates import long_date
from masa.core.downloads import file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.training.certificates import certificate_filename, certificate_pdf
from masa.training.forms.after import EvaluationForm, FollowUpAnswerForm
from masa.training.rules import BOOK_TRAINING, VIEW_TRAINING_FIGURES
from masa.training.selectors import after as selectors
from masa.training.services import after as services

PDF_TYPE = "application/pdf"
EVALUATION_SENT = "Thank you: your evaluation of {course} has been sent"
NO_CERTIFICATE = (
    "There is no certificate for this booking. A certificate is given once the register shows you "
    "attended the session."
)
ANSWERS = SystemActor("masa: training impact follow-up answers")

_url = url_in("training")


def _message(
    request: HttpRequest, heading: str, body: str, *, status: int = 200, **context: Any
) -> HttpResponse:
    return render(
        request, "training/after/message.html", {"heading": heading, "body": body, **context}, status=status
    )


@partnership_view(BOOK_TRAINING)
def certificate_list(request: PartnershipRequest) -> HttpResponse:
    years = selectors.my_certificates(request.user, request.partnership)
    return render(request, "training/after/certificate_list.html", {"years": years})


@partnership_view(BOOK_TRAINING)
def certificate_download(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    booking = selectors.certificate_booking(request.user, request.partnership, uuid)
    if booking is None:
        # Someone else's booking is not found; one's own without a certificate says why.
        found_or_404(selectors.own_booking(request.user, request.partnership, uuid))
        return _message(
            request,
            "No certificate for this booking",
            NO_CERTIFICATE,
            status=404,
            back_url=_url("certificate_list", request),
        )
    if booking.person_id != request.user.pk:
        record_read(actor=request.user, instance=booking)
    return file_response(certificate_pdf(booking), certificate_filename(booking), PDF_TYPE)


@partnership_view(BOOK_TRAINING)
def evaluation(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    booking = found_or_404(selectors.own_booking(request.user, request.partnership, uuid))
    back = _url("certificate_list", request)
    if not selectors.has_attended(booking):
        return _message(
            request, "You cannot evaluate this session", services.NOT_ATTENDED, status=404, back_url=back
        )
    if selectors.has_evaluation(booking):
        return _message(request, "Evaluation sent", services.ALREADY_EVALUATED, back_url=back)
    session = booking.session

    def save(data: dict[str, Any]) -> object:
        return services.evaluation_save(actor=request.user, booking=booking, **data)

    return form_page(
        request,
        form_class=EvaluationForm,
        title="Evaluate the session",
        caption=f"{session.course.title}, {long_date(timezone.localdate(session.starts_at))}",
        save=save,
        success_url=back,
        success_message=EVALUATION_SENT.format(course=session.course.title),
        back_url=back,
    )


@partnership_view(VIEW_TRAINING_FIGURES)
def course_impact(request: PartnershipRequest, course_slug: str) -> HttpResponse:
    course = found_or_404(selectors.course_get(request.partnership, course_slug))
    impact = selectors.course_impact(course)
    return render(
        request,
        "training/after/course_impact.html",
        {"impact": impact, "chart": selectors.confidence_chart(impact)},
    )


@public_view
def follow_up_answer(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    partnership = found_or_404(selectors.public_partnership(slug), "No such partnership")
    # Shows the partnership's name in the header, as the other public pages do.
    request.partnership = partnership  # type: ignore[attr-defined]
    follow_up = selectors.follow_up_for_link(partnership, token)
    if follow_up is None:
        return _message(request, "This link is not valid", services.LINK_NOT_VALID, status=404)
    if follow_up.answered_at is not None:
        return _message(request, "Already answered", services.ALREADY_ANSWERED)
    session = follow_up.booking.session
    if request.method == "POST":
        form = FollowUpAnswerForm(request.POST)
        if form.is_valid():
            try:
                services.follow_up_answer(
                    actor=ANSWERS,
                    token=token,
                    practice_changed=form.cleaned_data["practice_changed"],
                    outcome_for_children=form.cleaned_data["outcome_for_children"],
                    may_quote=form.cleaned_data["may_quote"] == "yes",
                )
            except ValidationError as error:
                if error.code == "not_valid":
                    return _message(request, "This link is not valid", services.LINK_NOT_VALID, status=404)
                if error.code == "answered":
                    return _message(request, "Already answered", services.ALREADY_ANSWERED)
                form.apply_errors(error)
            else:
                return _message(
                    request,
                    "Thank you for your answer",
                    "The partnership uses answers like yours to plan its training.",
                )
    else:
        form = FollowUpAnswerForm()
    context = {
        "form": form,
        "title": "What has changed since the training?",
        "caption": f"{session.course.title}, {long_date(timezone.localdate(session.starts_at))}",
        "partnership": partnership,
    }
    return render(
        request, "training/after/follow_up_answer.html", context, status=400 if form.errors else 200
    )
