from django.http import HttpRequest

from masa.accounts.selectors import partnerships_for_user


def navigation(request: HttpRequest) -> dict:
    """The partnership being worked in, and the others the user can switch to."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_partnership": getattr(request, "partnership", None)}
    return {
        "current_partnership": getattr(request, "partnership", None),
        "current_role": getattr(request, "role", None),
        "my_partnerships": partnerships_for_user(user),
    }
