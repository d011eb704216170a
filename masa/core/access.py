"""The marks a view carries to say who may use it. Pages inside a partnership are marked by the
decorators in masa/accounts/permissions.py; the public pages only need the mark here, so core's own
pages (health check, accessibility, privacy) can carry it without core importing accounts."""

from collections.abc import Callable

from django.http import HttpResponse

View = Callable[..., HttpResponse]

PUBLIC = "public"
SIGNED_IN = "signed_in"


def public_view(view: View) -> View:
    """Anyone, signed in or not, may use this view."""
    view.masa_permission = PUBLIC  # type: ignore[attr-defined]
    return view
