"""The two front doors: the start page at `/` (a visitor's list of partnerships, or a signed-in
user's choice of partnership) and a partnership's home page, each role's dashboard."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from masa.accounts.permissions import PartnershipRequest, partnership_view
from masa.accounts.selectors import partnerships_for_user
from masa.core.access import public_view
from masa.dashboards.home import dashboard_for
from masa.dashboards.rules import VIEW_HOME
from masa.partnership.selectors import partnership_public_list


@public_view
def start(request: HttpRequest) -> HttpResponse:
    """Signed-in users go to their partnership (or choose one); visitors see the public list."""
    if request.user.is_authenticated:
        partnerships = list(partnerships_for_user(request.user))
        if len(partnerships) == 1:
            return redirect("dashboards:home", partnerships[0].slug)
        return render(request, "dashboards/choose_partnership.html", {"partnerships": partnerships})
    return render(request, "dashboards/public_index.html", {"partnerships": partnership_public_list()})


@partnership_view(VIEW_HOME)
def home(request: PartnershipRequest) -> HttpResponse:
    board = dashboard_for(request.user, request.partnership)
    return render(request, "dashboards/home.html", {"board": board, "summary": board.structure})
