"""Pages of multi-agency training. The public calendar and course pages live at
/partnerships/<slug>/training/ (no sign-in); everything else inside the partnership at
/p/<slug>/training/. Each part of the service keeps its own list of pages here."""

from django.urls import URLPattern, path

from masa.training.views import calendar, courses

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
booking_patterns: list[URLPattern] = []


# The register, charges and waivers, the charging report (views/register.py).
register_patterns: list[URLPattern] = []


# Certificates, evaluations, impact follow-ups and summaries (views/after.py).
after_patterns: list[URLPattern] = []


# The needs analysis and the figures for the yearly report (views/needs.py, views/figures.py).
needs_patterns: list[URLPattern] = []


urlpatterns = [*calendar_patterns, *booking_patterns, *register_patterns, *after_patterns, *needs_patterns]
