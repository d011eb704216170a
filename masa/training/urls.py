"""Pages of multi-agency training. The public calendar and course pages live at
/partnerships/<slug>/training/ (no sign-in); everything else inside the partnership at
/p/<slug>/training/. Each part of the service keeps its own list of pages here."""

from django.urls import URLPattern, path

from masa.training.views import booking

app_name = "training"

PUBLIC = "partnerships/<slug:slug>/training/"
INSIDE = "p/<slug:slug>/training/"

# The public calendar, course pages and brochure; courses and sessions (views/calendar.py,
# views/courses.py).
calendar_patterns: list[URLPattern] = []


# Booking, cancelling, the waiting list, bulk booking and self-registration (views/booking.py).
booking_patterns: list[URLPattern] = [
    path(f"{INSIDE}sessions/<uuid:uuid>/", booking.session_detail, name="session"),
    path(f"{INSIDE}sessions/<uuid:uuid>/book/", booking.session_book, name="session_book"),
    path(f"{INSIDE}sessions/<uuid:uuid>/book-staff/", booking.staff_book, name="staff_book"),
    path(f"{INSIDE}bookings/<uuid:uuid>/cancel/", booking.booking_cancel, name="booking_cancel"),
    path(f"{INSIDE}my-bookings/", booking.my_bookings, name="my_bookings"),
    path(f"{INSIDE}staff-bookings/", booking.staff_bookings, name="staff_bookings"),
    path(f"{INSIDE}registration-domains/", booking.registration_domains, name="registration_domains"),
    path(
        f"{INSIDE}registration-domains/<uuid:uuid>/remove/",
        booking.registration_domain_remove,
        name="registration_domain_remove",
    ),
    path(f"{PUBLIC}register/", booking.register, name="register"),
]


# The register, charges and waivers, the charging report (views/register.py).
register_patterns: list[URLPattern] = []


# Certificates, evaluations, impact follow-ups and summaries (views/after.py).
after_patterns: list[URLPattern] = []


# The needs analysis and the figures for the yearly report (views/needs.py, views/figures.py).
needs_patterns: list[URLPattern] = []


urlpatterns = [*calendar_patterns, *booking_patterns, *register_patterns, *after_patterns, *needs_patterns]
