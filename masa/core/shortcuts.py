"""Small helpers every app's views share."""

from typing import Any

from django.http import Http404


def found_or_404(obj: Any) -> Any:
    """A record a selector found in the user's partnership and need-to-know, or 404: a record
    outside them is reported as missing, so its existence is not revealed."""
    if obj is None:
        raise Http404("Not found in this partnership")
    return obj
