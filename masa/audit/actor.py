"""Every audit log entry written during a request names who made it.

auditlog's own middleware fixes the actor when the request arrives, so it misses a user who
becomes known later in the same request: an API caller identified by a personal token (the API
authenticates inside the view) and a user whose sign-in saves their last sign-in time. This
middleware keeps the request at hand, and a receiver fills in the actor from ``request.user``
at the moment each entry is saved (docs/security.md, "Audit log").
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_current_request: ContextVar[HttpRequest | None] = ContextVar("masa_audit_request", default=None)


class AuditActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def fill_actor(sender, instance, **kwargs) -> None:
    """pre_save receiver for auditlog's LogEntry: the signed-in user, if auditlog left it empty."""
    if instance.actor_id is not None:
        return
    request = _current_request.get()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        instance.actor = user
        instance.actor_email = getattr(user, "email", None)
