"""Pages of multi-agency training. The public calendar and course pages live at
/partnerships/<slug>/training/ (no sign-in); everything else inside the partnership at
/p/<slug>/training/. Each part of the service keeps its own list of pages here."""

from django.urls import URLPattern, path

from masa.training.views import calendar

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
