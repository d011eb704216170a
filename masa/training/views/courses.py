"""The training coordinator's course and session pages (docs/domain.md, "21.2 Courses, sessions
and the public calendar"). Thin: parse, call a service or selector, render. Another
partnership's course or session is 404."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.training.forms.courses import (
    CancelSessionForm,
    CourseForm,
    SessionForm,
    session_fields,
    session_initial,
)
from masa.training.models import Course, SessionStatus, TrainingSession
from masa.training.rules import MANAGE_TRAINING
from masa.training.selectors import courses as selectors
from masa.training.services import courses as services

COURSE_SAVED = "Course saved: {course}"
COURSE_PUBLISHED = "Course published: it and its sessions are now on the public training calendar"
COURSE_UNPUBLISHED = "Course unpublished: it is no longer on the public training calendar"
SESSION_SAVED = "Session saved"
SESSION_CANCELLED = "Session cancelled: everyone booked or on the waiting list has been emailed"

# The service names a session's times; the form asks for a date and two times.
SESSION_FIELDS = {"starts_at": "start_time", "ends_at": "end_time"}

_url = url_in("training")


def _course(request: PartnershipRequest, uuid: Any) -> Course:
    return found_or_404(selectors.course_get(request.partnership, uuid))


def _session(course: Course, session_uuid: Any) -> TrainingSession:
    return found_or_404(selectors.session_get(course, session_uuid))


def _course_form_kwargs(request: PartnershipRequest) -> dict:
    return {
        "priorities": selectors.priority_choices(request.partnership),
        "themes": selectors.theme_choices(request.partnership),
        "needs_topics": selectors.needs_topic_choices(request.partnership),
    }


@partnership_view(MANAGE_TRAINING)
def course_list(request: PartnershipRequest) -> HttpResponse:
    context = {"courses": selectors.course_list(request.partnership)}
    return render(request, "training/calendar/course_list.html", context)


@partnership_view(MANAGE_TRAINING)
def course_save(request: PartnershipRequest, uuid: Any = None) -> HttpResponse:
    course = _course(request, uuid) if uuid else None

    def save(data: dict[str, Any]) -> Course:
        return services.course_save(
            actor=request.user, partnership=request.partnership, course=course, **data
        )

    initial = None
    if course is not None:
        fields = (
            "title",
            "slug",
            "summary",
            "level",
            "audience",
            "learning_outcomes",
            "cpd_hours",
            "trainer",
        )
        initial = {name: getattr(course, name) for name in fields}
        initial["charge_policy"] = course.charge_policy
        initial["priorities"] = list(course.priorities.all())
        initial["themes"] = list(course.themes.all())
        initial["needs_topics"] = list(course.needs_topics.all())
    return form_page(
        request,
        form_class=CourseForm,
        form_kwargs=_course_form_kwargs(request),
        initial=initial,
        title=f"Change {course.title}" if course else "Add a course",
        caption="Training",
        save=save,
        success_url=lambda saved: _url("course_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: COURSE_SAVED.format(course=saved),
        back_url=_url("course_detail", request, course.uuid) if course else _url("course_list", request),
    )


@partnership_view(MANAGE_TRAINING)
def course_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    course = _course(request, uuid)
    context = {
        "course": course,
        "sessions": selectors.course_sessions(course),
        "cancelled": SessionStatus.CANCELLED,
    }
    return render(request, "training/calendar/course_detail.html", context)


@partnership_view(MANAGE_TRAINING)
@require_POST
def course_publish(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    course = _course(request, uuid)
    publish = request.POST.get("publish") == "yes"
    services.course_publish(actor=request.user, course=course, published=publish)
    messages.success(request, COURSE_PUBLISHED if publish else COURSE_UNPUBLISHED)
    return redirect(_url("course_detail", request, course.uuid))


def _session_save(request: PartnershipRequest, course: Course, session: TrainingSession | None) -> Any:
    def save(data: dict[str, Any]) -> TrainingSession:
        try:
            return services.session_save(
                actor=request.user, course=course, session=session, **session_fields(data)
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            raise ValidationError(
                {SESSION_FIELDS.get(field, field): messages for field, messages in error.message_dict.items()}
            ) from error

    return save


@partnership_view(MANAGE_TRAINING)
def session_save(request: PartnershipRequest, uuid: Any, session_uuid: Any = None) -> HttpResponse:
    course = _course(request, uuid)
    session = _session(course, session_uuid) if session_uuid else None
    if session is not None and session.status == SessionStatus.CANCELLED:
        return render(
            request,
            "training/calendar/session_cancelled.html",
            {"course": course, "session": session, "problem": services.SESSION_CANCELLED},
            status=400,
        )
    return form_page(
        request,
        form_class=SessionForm,
        initial=session_initial(session) if session else None,
        title="Change the session" if session else "Add a session",
        caption=course.title,
        save=_session_save(request, course, session),
        success_url=_url("course_detail", request, course.uuid),
        success_message=SESSION_SAVED,
        back_url=_url("course_detail", request, course.uuid),
    )


@partnership_view(MANAGE_TRAINING)
def session_cancel(request: PartnershipRequest, uuid: Any, session_uuid: Any) -> HttpResponse:
    course = _course(request, uuid)
    session = _session(course, session_uuid)
    if session.status == SessionStatus.CANCELLED:
        return render(
            request,
            "training/calendar/session_cancelled.html",
            {"course": course, "session": session, "problem": services.ALREADY_CANCELLED},
            status=400,
        )
    return form_page(
        request,
        form_class=CancelSessionForm,
        title="Cancel the session",
        caption=f"{course.title}: {timezone.localtime(session.starts_at):%-d %B %Y}",
        save=lambda data: services.session_cancel(actor=request.user, session=session, **data),
        success_url=_url("course_detail", request, course.uuid),
        success_message=SESSION_CANCELLED,
        back_url=_url("course_detail", request, course.uuid),
    )
