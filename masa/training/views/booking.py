"""Pages of booking (thin: parse, call a service or selector, render)
(docs/domain.md, "21.3 Booking, the waiting list and registering").

A member books themselves from the session's page and sees their bookings on "My training";
an agency lead books named staff of their agency and sees their staff's bookings; the training
coordinator sees every agency's and keeps the list of email domains people may register with.
Someone else's booking is not found (selectors.booking_get).
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.access import public_view
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.training.forms.booking import (
    BookForm,
    RegisterForm,
    RegistrationDomainForm,
    StaffBookingsFilter,
    StaffForm,
)
from masa.training.models import BookingStatus, SessionStatus, TrainingSession
from masa.training.rules import BOOK_FOR_STAFF, BOOK_TRAINING, MANAGE_TRAINING
from masa.training.selectors import booking as selectors
from masa.training.services import booking as services

BOOKED = "Your place is booked. We have emailed you the details"
WAITLISTED = "The session is full, so you are on the waiting list. You are number {position}"
CANCELLED = "Booking cancelled"
STAFF_BOOKED = "Booked: {names}"
STAFF_WAITLISTED = "On the waiting list: {names}"
STAFF_ALREADY = "Already had a place or were on the waiting list: {names}"
DOMAIN_ADDED = "People with {domain} email addresses can now register"
DOMAIN_REMOVED = "People with {domain} email addresses can no longer register"

_url = url_in("training")


def _session(request: PartnershipRequest, uuid: Any) -> TrainingSession:
    return found_or_404(selectors.session_get(request.user, request.partnership, uuid), "No such session")


def _can_book(session: TrainingSession) -> bool:
    return session.status == SessionStatus.SCHEDULED and not selectors.has_started(session)


def _session_page(
    request: PartnershipRequest, session: TrainingSession, form: BookForm | None = None
) -> HttpResponse:
    booking = selectors.own_booking(request.user, session)
    if form is None:
        form = BookForm(full=session.places_left == 0)
    context = {
        "session": session,
        "course": session.course,
        "booking": booking,
        "position": selectors.waiting_position(booking) if booking else None,
        "can_book": _can_book(session) and booking is None,
        "can_cancel": booking is not None and not selectors.has_started(session),
        "can_book_staff": _can_book(session) and request.user.has_perm(BOOK_FOR_STAFF, request.partnership),
        "form": form,
        "waiting": selectors.waiting_count(session),
    }
    return render(request, "training/booking/session.html", context, status=400 if form.errors else 200)


@partnership_view(BOOK_TRAINING)
def session_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    """The session's page: its details, places left, the user's booking and what they can do."""
    return _session_page(request, _session(request, uuid))


@partnership_view(BOOK_TRAINING)
@require_POST
def session_book(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    session = _session(request, uuid)
    form = BookForm(request.POST, full=session.places_left == 0)
    if form.is_valid():
        try:
            booking = services.book_place(
                actor=request.user,
                session=session,
                person=request.user,
                manager_email=form.cleaned_data["manager_email"],
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            if booking.status == BookingStatus.BOOKED:
                messages.success(request, BOOKED)
            else:
                messages.success(request, WAITLISTED.format(position=selectors.waiting_position(booking)))
            return redirect(_url("session", request, session.uuid))
    session.refresh_from_db()
    return _session_page(request, session, form)


@partnership_view(BOOK_TRAINING)
@require_POST
def booking_cancel(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    """Cancel one's own booking, or (agency lead, coordinator) a booking of one's staff."""
    booking = found_or_404(selectors.booking_get(request.user, request.partnership, uuid), "No such booking")
    back = {
        "mine": _url("my_bookings", request),
        "staff": _url("staff_bookings", request),
    }.get(request.POST.get("back", ""), _url("session", request, booking.session.uuid))
    try:
        services.cancel_booking(actor=request.user, booking=booking)
    except ValidationError as error:
        return render(
            request,
            "training/booking/refused.html",
            {"problems": error.messages, "back_url": back, "title": "The booking could not be cancelled"},
            status=400,
        )
    messages.success(request, CANCELLED)
    return redirect(back)


@partnership_view(BOOK_TRAINING)
def my_bookings(request: PartnershipRequest) -> HttpResponse:
    context = {
        "bookings": selectors.my_bookings(request.user, request.partnership),
        "can_book_staff": request.user.has_perm(BOOK_FOR_STAFF, request.partnership),
    }
    return render(request, "training/booking/my_bookings.html", context)


def _names(people: list) -> str:
    return ", ".join(person.full_name or person.email for person in people)


@partnership_view(BOOK_FOR_STAFF)
def staff_book(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    """An agency lead books named members of their agency's staff onto a session."""
    session = _session(request, uuid)
    people = selectors.staff_choices(request.user, request.partnership)
    form = StaffForm(request.POST if request.method == "POST" else None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.book_staff(
                actor=request.user, session=session, people=list(form.cleaned_data["people"])
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            for template, group in (
                (STAFF_BOOKED, result.booked),
                (STAFF_WAITLISTED, result.waitlisted),
                (STAFF_ALREADY, result.already),
            ):
                if group:
                    messages.success(request, template.format(names=_names(group)))
            return redirect(_url("staff_bookings", request))
    context = {
        "session": session,
        "form": form,
        "has_people": people.exists(),
        "back_url": _url("session", request, session.uuid),
    }
    return render(request, "training/booking/staff_book.html", context, status=400 if form.errors else 200)


@partnership_view(BOOK_FOR_STAFF)
def staff_bookings(request: PartnershipRequest) -> HttpResponse:
    """An agency lead's staff's bookings; the coordinator sees every agency's, with a filter."""
    sees_all = request.user.has_perm(MANAGE_TRAINING, request.partnership)
    filter_form = None
    agency = None
    if sees_all:
        filter_form = StaffBookingsFilter(
            request.GET or None, agencies=selectors.agencies_with_bookings(request.partnership)
        )
        agency = filter_form.filters().get("agency")
    bookings = list(selectors.staff_bookings(request.user, request.partnership, agency=agency))
    for booking in bookings:
        if booking.person_id != request.user.pk:
            record_read(actor=request.user, instance=booking)
    context = {
        "bookings": bookings,
        "filter_form": filter_form,
        "agency": None if sees_all else selectors.lead_agency(request.user, request.partnership),
        "now": selectors.now(),
    }
    return render(
        request,
        "training/booking/staff_bookings.html",
        context,
        status=400 if filter_form and filter_form.errors else 200,
    )


@partnership_view(MANAGE_TRAINING)
def registration_domains(request: PartnershipRequest) -> HttpResponse:
    """The email domains whose holders may register to book training, with a form to add one."""
    form = RegistrationDomainForm(
        request.POST if request.method == "POST" else None,
        agencies=selectors.partnership_agencies(request.partnership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            domain = services.registration_domain_add(
                actor=request.user,
                partnership=request.partnership,
                agency=form.cleaned_data["agency"],
                domain=form.cleaned_data["domain"],
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, DOMAIN_ADDED.format(domain=domain.domain))
            return redirect(_url("registration_domains", request))
    context = {"domains": selectors.registration_domains(request.partnership), "form": form}
    return render(
        request, "training/booking/registration_domains.html", context, status=400 if form.errors else 200
    )


@partnership_view(MANAGE_TRAINING)
@require_POST
def registration_domain_remove(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    domain = found_or_404(selectors.registration_domain_get(request.partnership, uuid), "No such domain")
    services.registration_domain_remove(actor=request.user, domain=domain)
    messages.success(request, DOMAIN_REMOVED.format(domain=domain.domain))
    return redirect(_url("registration_domains", request))


@public_view
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """Registering with a work email address from an agency the partnership allows."""
    partnership = found_or_404(selectors.public_partnership(slug), "No such partnership")
    # Shows the partnership's name in the header, as the other public pages do.
    request.partnership = partnership  # type: ignore[attr-defined]
    form = RegisterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_with_work_email(
                actor=services.REGISTRATION,
                partnership=partnership,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            context = {"partnership": partnership, "email": form.cleaned_data["email"].strip().lower()}
            return render(request, "training/booking/register_sent.html", context)
    return render(
        request,
        "training/booking/register.html",
        {"partnership": partnership, "form": form},
        status=400 if form.errors else 200,
    )
