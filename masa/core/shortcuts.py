"""Small helpers every app's views share."""

from typing import TypeVar

from django.http import Http404

T = TypeVar("T")

NOT_FOUND = "Not found in this partnership"


def found_or_404(obj: T | None, message: str = NOT_FOUND) -> T:
    """A record a selector found in the user's partnership and need-to-know, or 404: a record
    outside them is reported as missing, so its existence is not revealed."""
    if obj is None:
        raise Http404(message)
    return obj
