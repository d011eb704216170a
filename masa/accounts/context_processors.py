from django.http import HttpRequest

from masa.accounts.navigation import menu_for
from masa.accounts.selectors import partnerships_for_user


def navigation(request: HttpRequest) -> dict:
    """The partnership being worked in, the others the user can switch to, and the menu."""
    user = getattr(request, "user", None)
    partnership = getattr(request, "partnership", None)
    if user is None or not user.is_authenticated:
        return {"current_partnership": partnership}
    match = getattr(request, "resolver_match", None)
    return {
        "current_partnership": partnership,
        "my_partnerships": partnerships_for_user(user),
        # The partnership's entries only on its own pages (partnership_view sets request.role),
        # not on its public pages, which also name it.
        "menu": menu_for(
            user,
            partnership if getattr(request, "role", None) else None,
            view_name=match.view_name if match else "",
            view_kwargs=match.kwargs if match else None,
        ),
    }
