"""The one way a view declares who may use it.

Every view is wrapped by exactly one of these decorators; tests/security walks the URL
patterns and fails on any view without a `masa_permission` attribute.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from masa.accounts.models import User
from masa.accounts.selectors import active_role, partnership_for_user
from masa.core.access import SIGNED_IN, View
from masa.partnership.models import Partnership


class SignedInRequest(HttpRequest):
    """A request from a signed-in user (for type checking views)."""

    user: User  # type: ignore[assignment]


class PartnershipRequest(SignedInRequest):
    """A request inside one partnership, after partnership_view has checked access."""

    partnership: Partnership
    role: str


def signed_in_view(view: View) -> View:
    """Any signed-in user; the view itself only shows the user's own records."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.masa_permission = SIGNED_IN  # type: ignore[attr-defined]
    return wrapped


def site_view(permission: str) -> Callable[[View], View]:
    """A page outside any partnership for holders of a site-wide permission (administrators);
    signed-in users without it get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.masa_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def partnership_view(permission: str) -> Callable[[View], View]:
    """A page inside one partnership, at /p/<slug>/...

    Non-members get 404 (a member of partnership A learns nothing about partnership B);
    members without the permission get 403.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, slug: str, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            partnership = partnership_for_user(request.user, slug)
            if partnership is None:
                raise Http404("No such partnership")
            if not request.user.has_perm(permission, partnership):
                raise PermissionDenied
            request.partnership = partnership  # type: ignore[attr-defined]
            request.role = active_role(request.user, partnership)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapped.masa_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def url_in(namespace: str) -> Callable[..., str]:
    """A URL maker for one app's partnership pages: `_url("incident_detail", request, uuid)`."""

    def url(name: str, request: PartnershipRequest, *args: object) -> str:
        return reverse(f"{namespace}:{name}", args=[request.partnership.slug, *args])

    return url
