"""Pages of the register (docs/domain.md, "21.4 The register and charges"): the coordinator
takes a session's register for the trainer and corrects a mark with a reason (thin: parse, call
a service or selector, render)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.training.forms.register import CorrectionForm, RegisterForm
from masa.training.models import TrainingSession
from masa.training.rules import MANAGE_TRAINING
from masa.training.selectors import register as selectors
from masa.training.services.register import correct_attendance, record_attendance, register_refusal

REGISTER_SAVED = "The register is saved: {came} attended, {missed} did not attend"
CORRECTED = "{name}'s attendance is corrected to {attendance}"

_url = url_in("training")


def _session(request: PartnershipRequest, uuid: Any) -> TrainingSession:
    return found_or_404(selectors.session_get(request.partnership, uuid))


@partnership_view(MANAGE_TRAINING)
def register_list(request: PartnershipRequest) -> HttpResponse:
    """The registers still to take: sessions from today back with people not yet marked."""
    sessions = selectors.registers_to_take(request.partnership, timezone.localdate())
    return render(request, "training/register/register_list.html", {"sessions": sessions})


@partnership_view(MANAGE_TRAINING)
def register(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    """Every booked person with their agency: those marked, and a question for each of the rest."""
    session = _session(request, uuid)
    rows = selectors.register_rows(session)
    unmarked = [b for b in rows if not b.attendance]
    marked = [b for b in rows if b.attendance]
    form = RegisterForm(request.POST or None, bookings=unmarked, marked=marked)
    if request.method == "POST" and form.is_valid():
        try:
            came = record_attendance(actor=request.user, session=session, marks=form.marks())
        except ValidationError as error:
            form.apply_errors(error)
        else:
            missed = len(unmarked) - len(came)
            messages.success(request, REGISTER_SAVED.format(came=len(came), missed=missed))
            return redirect(_url("register", request, session.uuid))
    context = {
        "session": session,
        "form": form,
        "marked": marked,
        "unmarked": unmarked,
        "booked": len(rows),
        "refusal": register_refusal(session, timezone.localdate()),
    }
    return render(request, "training/register/register.html", context, status=400 if form.errors else 200)


@partnership_view(MANAGE_TRAINING)
def attendance_correct(request: PartnershipRequest, uuid: Any, booking: Any) -> HttpResponse:
    session = _session(request, uuid)
    record = found_or_404(selectors.booking_on_register(session, booking))
    name = str(record.person)
    return form_page(
        request,
        form_class=CorrectionForm,
        form_kwargs={"name": name},
        initial={"attendance": record.attendance},
        title=f"Correct {name}'s attendance",
        caption=str(session),
        save=lambda data: correct_attendance(actor=request.user, booking=record, **data),
        success_url=_url("register", request, session.uuid),
        success_message=lambda saved: CORRECTED.format(
            name=name,
            attendance=saved.get_attendance_display().lower(),  # type: ignore[attr-defined]
        ),
        back_url=_url("register", request, session.uuid),
    )
