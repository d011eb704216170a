"""Every reply the API gives that is not a success: their schemas, and the handlers that send them.

The OpenAPI schema must describe every reply an operation can give (schemathesis checks it in
tests/security/test_api_schema_fuzz.py), so each operation declares its replies with
``replies(...)`` and the bodies below are what the handlers really send:

- 400 ``Error``: the request cannot be read: a body over DATA_UPLOAD_MAX_MEMORY_SIZE
  (Django raises RequestDataTooBig when the body is read:
  https://docs.djangoproject.com/en/5.2/ref/settings/#data-upload-max-memory-size),
  a multipart body without a boundary (MultiPartParserError), a body that is not JSON;
- 401 ``Error``: no valid token or session (django-ninja's AuthenticationError);
- 403 / 404 ``Error``: the same answers as the pages;
- 422 ``ValidationErrorOut``: django-ninja's list of problems, each naming where (``loc``);
  a service's refusal (a Django ValidationError) takes the same shape through ``refused``, each
  message under the field it names (``["body", "payload", "due_date"]``).

Registered on the API by ``register(api)`` at the bottom of masa/api/api.py.
"""

from __future__ import annotations

from json import JSONDecodeError
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ConfigDict

if TYPE_CHECKING:
    from ninja import NinjaAPI

NOT_JSON = "The request body must be JSON"
UNREADABLE = "The request could not be read"
NO_BOUNDARY = (
    "The request could not be read: send the form as multipart/form-data with a boundary, "
    "as an HTTP library does for you"
)
TOO_MANY_FIELDS = "The request has too many fields"


def too_big() -> str:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    size = f"{limit / (1024 * 1024):g} MB" if limit else "the limit"
    return f"The request is too big: send no more than {size} of data (files are sent separately)"


class Error(Schema):
    detail: str


class ValidationItem(Schema):
    # django-ninja adds pydantic's error context ("ctx") for some problems.
    model_config = ConfigDict(extra="allow")

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[ValidationItem]


def replies(
    ok: dict[int, Any], *, signed_in: bool = True, has_input: bool = True, **others: Any
) -> dict[int, Any]:
    """The responses of one operation: its successes, then every error it can give.

    ``signed_in`` operations can answer 401, 403 and 404; ``has_input`` ones 400 and 422.
    ``others`` override a code (``_404=UnknownOut``) or add one (``_409=Error``).
    """
    answers: dict[int, Any] = dict(ok)
    if has_input:
        answers |= {400: Error, 422: ValidationErrorOut}
    if signed_in:
        answers |= {401: Error, 403: Error, 404: Error}
    for code, schema in others.items():
        answers[int(code.lstrip("_"))] = schema
    return answers


def refused(error: DjangoValidationError, *where: str) -> NinjaValidationError:
    """A service's refusal as the 422 django-ninja gives for a bad body: one item per message,
    at ``where`` plus the field the service named (a message about the whole request stays at
    ``where``). Raise it ``from`` the service's error."""
    if hasattr(error, "error_dict"):
        items = [
            {
                "loc": [*where] if field == NON_FIELD_ERRORS else [*where, field],
                "msg": m,
                "type": "value_error",
            }
            for field, messages in error.message_dict.items()
            for m in messages
        ]
    else:
        items = [{"loc": [*where], "msg": m, "type": "value_error"} for m in error.messages]
    return NinjaValidationError(items)


def _answer(api: NinjaAPI, request: HttpRequest, status: int, detail: str) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


def register(api: NinjaAPI) -> None:
    """Answer unreadable requests 400 with a plain message (not a 500, not a traceback)."""

    def bad_request(request: HttpRequest, exc: Any) -> HttpResponse:
        if isinstance(exc, RequestDataTooBig):
            detail = too_big()
        elif isinstance(exc, TooManyFieldsSent):
            detail = TOO_MANY_FIELDS
        elif isinstance(exc, MultiPartParserError):
            detail = NO_BOUNDARY if "boundary" in str(exc).lower() else UNREADABLE
        else:
            detail = UNREADABLE
        return _answer(api, request, 400, detail)

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        # django-ninja wraps any failure to parse a JSON body as HttpError(400, "Cannot parse
        # request body"); say which failure it was.
        detail = str(exc)
        cause = exc.__cause__
        if exc.status_code == 400 and cause is not None:
            if isinstance(cause, RequestDataTooBig):
                detail = too_big()
            elif isinstance(cause, JSONDecodeError | UnicodeDecodeError | ValueError):
                detail = NOT_JSON
            else:
                detail = UNREADABLE
        return _answer(api, request, exc.status_code, detail)

    for exc_class in (SuspiciousOperation, MultiPartParserError, UnreadablePostError):
        api.add_exception_handler(exc_class, bad_request)
    api.add_exception_handler(HttpError, http_error)
