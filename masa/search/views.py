"""The search page: one box, the records the person may open (masa/search/selectors.py)."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from masa.accounts.permissions import SignedInRequest, signed_in_view
from masa.accounts.selectors import active_role, partnership_for_user
from masa.search import selectors

PAGE_SIZE = 20


@signed_in_view
def search(request: SignedInRequest) -> HttpResponse:
    # The partnership the search was started from keeps its navigation on the results page; the
    # results still come from every partnership the person belongs to.
    partnership = partnership_for_user(request.user, request.GET.get("p", "")[:100])
    if partnership is not None:
        request.partnership = partnership  # type: ignore[attr-defined]
        request.role = active_role(request.user, partnership)  # type: ignore[attr-defined]
    found = selectors.search(request.user, request.GET.get("q", ""))
    query = urlencode({"q": found.query, **({"p": partnership.slug} if partnership else {})})
    context = {
        "found": found,
        "page": Paginator(found.results, PAGE_SIZE).get_page(request.GET.get("page")),
        "max_length": selectors.MAX_QUERY_LENGTH,
        "query": query,
    }
    return render(request, "search/search.html", context)
