"""Every audit log entry names who made it (docs/architecture.md, "Who did it: the actor").

A service names its actor itself (``masa.core.actors.attributed``): the user it was given,
or a system actor, whose name the entry keeps in ``additional_data``. For an entry written
outside any service during a request (a user's sign-in saving their last sign-in time), the
actor is the request's user at the moment the entry is saved, which also covers a user who
becomes known late in the request (an API caller identified by a personal token).

``AuditActorMiddleware`` takes the place of auditlog's own middleware: it keeps auditlog's
correlation id and remote address but not its actor, which auditlog fixes when the request
arrives, before the user is known, and would set over a system actor's empty one.
"""

from contextvars import ContextVar
from typing import Any

from auditlog.cid import set_cid
from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from masa.core.actors import attribute_entry, current_actor

_current_request: ContextVar[HttpRequest | None] = ContextVar("masa_audit_request", default=None)


class AuditActorMiddleware(AuditlogMiddleware):
    def get_extra_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"remote_addr": self._get_remote_addr(request), "remote_port": self._get_remote_port(request)}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        set_cid(request)
        token = _current_request.set(request)
        try:
            with set_extra_data(context_data=self.get_extra_data(request)):
                return self.get_response(request)
        finally:
            _current_request.reset(token)


def fill_actor(sender, instance, **kwargs) -> None:
    """pre_save receiver for auditlog's LogEntry: the service's actor, else the request's user."""
    actor = current_actor()
    if actor is not None:
        attribute_entry(instance, actor)
        return
    if instance.actor_id is not None:
        return
    request = _current_request.get()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        instance.actor = user
        instance.actor_email = getattr(user, "email", None)
