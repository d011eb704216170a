"""Session idle timeout and the second-factor requirement for senior roles."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from masa.accounts.selectors import user_needs_second_factor

# Paths a signed-in user without a second factor may still use: the sign-in and MFA set-up
# pages themselves, static files and the health check.
MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/assets/", "/healthz", "/invitations/")
MFA_SETUP_URL = "/accounts/2fa/totp/activate/"


class RequireMfaMiddleware:
    """Business team, LSPs, DSPs and scrutineers must set up TOTP before using masa.

    The API answers for itself (401, not a redirect): masa/api/api.py applies the same rule.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not request.path.startswith("/api/")
            and user_needs_second_factor(request.user)
        ):
            return redirect(MFA_SETUP_URL)
        return self.get_response(request)


class SessionIdleTimeoutMiddleware:
    """Signs a user out after MASA_SESSION_IDLE_SECONDS without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get("masa_last_seen", now)
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                return redirect(f"{settings.LOGIN_URL}?next={request.path}")
            # Refresh at most once a minute so most requests do not write the session.
            if now - last_seen >= 60 or "masa_last_seen" not in request.session:
                request.session["masa_last_seen"] = now
        return self.get_response(request)
