"""Default deny: every URL declares who may use it."""

from django.urls import URLPattern, URLResolver, get_resolver

from masa.api.api import api

# Third-party URL sets that enforce their own access, with the reason they are exempt.
EXEMPT_NAMESPACES = {
    # allauth: sign-in, sign-out, password reset and MFA pages; each of its views that needs a
    # signed-in user enforces it itself, and sign-up is closed by MasaAccountAdapter.
    "accounts/",
}
API_PREFIX = "api/v1/"
# API operations open to anyone: the statutory clock calculator is public.
PUBLIC_API_OPERATIONS: set[str] = {"/api/v1/openapi.json", "/api/v1/docs", "/api/v1/clocks/{rule}"}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.callback


def test_every_masa_view_declares_a_permission():
    undeclared = []
    seen = 0
    for route, callback in walk(get_resolver().url_patterns):
        if route.startswith(tuple(EXEMPT_NAMESPACES)) or route.startswith(API_PREFIX):
            continue
        seen += 1
        if not getattr(callback, "masa_permission", None):
            undeclared.append(route)
    assert seen > 20, "the walk found too few URL patterns to be checking anything"
    assert undeclared == [], f"views without a declared permission: {undeclared}"


def test_every_api_operation_requires_authentication():
    unauthenticated = []
    for path, path_view in api.get_openapi_schema()["paths"].items():
        for method, operation in path_view.items():
            if not operation.get("security") and path not in PUBLIC_API_OPERATIONS:
                unauthenticated.append(f"{method.upper()} {path}")
    assert unauthenticated == []
