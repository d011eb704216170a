"""Responses behind sign-in are never stored by a browser or a proxy."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreWhenSignedInMiddleware:
    """Cache-Control: no-store on every reply to a signed-in caller (page, download or API).

    Pages, downloads and API replies behind sign-in hold personal and case information; a shared
    computer's browser cache or a proxy must not keep them (docs/security.md, "Caching"). The
    caller is checked after the view ran, so an API call signed in by a personal token counts.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response
