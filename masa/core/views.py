"""Site-wide pages and the shared form-page flow used by every simple edit page."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from masa.core.access import public_view
from masa.core.forms import GovForm


def form_page(
    request: HttpRequest,
    *,
    form_class: type[GovForm],
    title: str,
    save: Callable[[dict[str, Any]], object],
    success_url: Callable[[object], str] | str,
    success_message: Callable[[object], str] | str,
    back_url: str,
    initial: dict[str, Any] | None = None,
    form_kwargs: dict[str, Any] | None = None,
    caption: str = "",
    multipart: bool = False,
) -> HttpResponse:
    """Show a GOV.UK question page; on a valid POST call `save(cleaned_data)` and redirect.

    A ValidationError from the service is shown on the form, which keeps the user's answers.
    `multipart` is for forms with a file upload.
    """
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                saved = save(form.cleaned_data)
            except ValidationError as error:
                form.apply_errors(error)
            else:
                messages.success(
                    request, success_message(saved) if callable(success_message) else success_message
                )
                return redirect(success_url(saved) if callable(success_url) else success_url)
    else:
        form = form_class(initial=initial, **form_kwargs)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back_url": back_url, "caption": caption, "multipart": multipart},
        status=400 if form.errors else 200,
    )


@public_view
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@public_view
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@public_view
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def _error_page(request: HttpRequest, status: int, heading: str, body: str) -> HttpResponse:
    return render(request, "core/error.html", {"heading": heading, "body": body}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        400,
        "Sorry, there is a problem with the request",
        "The request was too large or not in a form masa can read. Go back and try again.",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        403,
        "You do not have permission to see this page",
        "If you think you should, contact your partnership business team.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        404,
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted it, check you copied it all.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(
        request,
        500,
        "Sorry, there is a problem with the service",
        "Try again later. Your partnership business team has been told.",
    )
