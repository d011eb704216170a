"""Who is calling the API and in which partnership: token or session authentication, and the
partnership check every partnership route makes first (the same rules as the pages)."""

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from masa.accounts.selectors import partnership_for_user, user_needs_second_factor
from masa.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """Authorization: Bearer masa_... (a personal token, stored hashed)."""

    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """A signed-in browser session (CSRF-checked for writes) that meets the second-factor rule.

    Without a signed-in session the caller is not authenticated at all: 401, before any CSRF
    check (a 403 "CSRF check failed" would tell an anonymous caller the wrong thing). A session
    whose user must set up TOTP and has not is refused like no session (docs/security.md,
    "Second factor"): the pages redirect such a user to the set-up page, the API answers 401.
    """

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None):
        user = getattr(request, "user", None)
        if key is None or user is None or not user.is_authenticated:
            return None
        return None if user_needs_second_factor(user) else user


def partnership_or_404(request: HttpRequest, slug: str, permission: str):
    """The partnership if the caller is a member with the permission; else 404 / 403."""
    partnership = partnership_for_user(request.user, slug)  # type: ignore[arg-type]
    if partnership is None:
        raise HttpError(404, "Not found")
    if not request.user.has_perm(permission, partnership):
        raise HttpError(403, "You do not have permission to do this")
    return partnership
