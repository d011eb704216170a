"""Pages of multi-agency training. The public calendar and course pages live at
/partnerships/<slug>/training/ (no sign-in); everything else inside the partnership at
/p/<slug>/training/. Each part of the service keeps its own list of pages here."""

from django.urls import URLPattern, path

from masa.training.views import after, booking, calendar, courses, figures, needs
from masa.training.views import charges as charge_views
from masa.training.views import register as register_views

app_name = "training"

PUBLIC = "partnerships/<slug:slug>/training/"
INSIDE = "p/<slug:slug>/training/"

# The public calendar, course pages and brochure; courses and sessions (views/calendar.py,
# views/courses.py).
calendar_patterns: list[URLPattern] = [
    path(PUBLIC, calendar.calendar, name="calendar"),
    path(PUBLIC + "courses/<slug:course_slug>/", calendar.course_page, name="course"),
    path(PUBLIC + "brochure.pdf", calendar.brochure, name="brochure"),
    path(INSIDE, calendar.home, name="home"),
    path(INSIDE + "courses/", courses.course_list, name="course_list"),
    path(INSIDE + "courses/new/", courses.course_save, name="course_add"),
    path(INSIDE + "courses/<uuid:uuid>/", courses.course_detail, name="course_detail"),
    path(INSIDE + "courses/<uuid:uuid>/edit/", courses.course_save, name="course_edit"),
    path(INSIDE + "courses/<uuid:uuid>/publish/", courses.course_publish, name="course_publish"),
    path(INSIDE + "courses/<uuid:uuid>/sessions/new/", courses.session_save, name="session_add"),
    path(
        INSIDE + "courses/<uuid:uuid>/sessions/<uuid:session_uuid>/edit/",
        courses.session_save,
        name="session_edit",
    ),
    path(
        INSIDE + "courses/<uuid:uuid>/sessions/<uuid:session_uuid>/cancel/",
        courses.session_cancel,
        name="session_cancel",
    ),
]


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
    path(f"{PUBLIC}register/", booking.register, name="self_register"),
]


# The register, charges and waivers, the charging report (views/register.py, views/charges.py).
register_patterns: list[URLPattern] = [
    path(INSIDE + "registers/", register_views.register_list, name="register_list"),
    path(INSIDE + "sessions/<uuid:uuid>/register/", register_views.register, name="register"),
    path(
        INSIDE + "sessions/<uuid:uuid>/register/<uuid:booking>/correct/",
        register_views.attendance_correct,
        name="attendance_correct",
    ),
    path(INSIDE + "charging-policy/", charge_views.policy_edit, name="policy_edit"),
    path(INSIDE + "charges/", charge_views.charge_list, name="charge_list"),
    path(INSIDE + "charges/report.xlsx", charge_views.charge_report, name="charge_report"),
    path(
        INSIDE + "charges/<uuid:agency>/<slug:quarter>/invoice.pdf",
        charge_views.invoice_pdf,
        name="invoice_pdf",
    ),
    path(INSIDE + "charges/<uuid:uuid>/waive/", charge_views.charge_waive, name="charge_waive"),
]


# Certificates, evaluations, impact follow-ups and summaries (views/after.py).
after_patterns: list[URLPattern] = [
    path(INSIDE + "certificates/", after.certificate_list, name="certificate_list"),
    path(
        INSIDE + "bookings/<uuid:uuid>/certificate.pdf",
        after.certificate_download,
        name="certificate_download",
    ),
    path(INSIDE + "bookings/<uuid:uuid>/evaluation/", after.evaluation, name="evaluation"),
    path(INSIDE + "courses/<slug:course_slug>/impact/", after.course_impact, name="course_impact"),
    path(PUBLIC + "follow-up/<str:token>/", after.follow_up_answer, name="follow_up_answer"),
]


# The needs analysis and the figures for the yearly report (views/needs.py, views/figures.py).
NEEDS = INSIDE + "needs/<uuid:uuid>/"
needs_patterns: list[URLPattern] = [
    path(INSIDE + "needs/", needs.needs_list, name="needs_list"),
    path(INSIDE + "needs/add/", needs.needs_add, name="needs_add"),
    path(NEEDS, needs.needs_detail, name="needs_detail"),
    path(NEEDS + "edit/", needs.needs_edit, name="needs_edit"),
    path(NEEDS + "close/", needs.needs_close, name="needs_close"),
    path(NEEDS + "agencies/<uuid:agency>/", needs.needs_answer, name="needs_answer"),
    path(NEEDS + "results/", needs.needs_results, name="needs_results"),
    path(NEEDS + "results.xlsx", needs.needs_results_xlsx, name="needs_results_xlsx"),
    path(INSIDE + "figures/", figures.training_figures, name="figures"),
]


urlpatterns = [*calendar_patterns, *booking_patterns, *register_patterns, *after_patterns, *needs_patterns]
