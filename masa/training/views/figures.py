"""The training figures for the yearly report (docs/domain.md, "21.6 Figures for the yearly
report"): the lead safeguarding partners, the business team and the scrutineer read them."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view
from masa.core.dates import financial_year_start
from masa.indicators.services import check_year, year_label
from masa.training.rules import VIEW_TRAINING_FIGURES
from masa.training.selectors import figures as selectors
from masa.training.selectors.needs import analysis_list


def _year(request: PartnershipRequest) -> int:
    """The reporting year asked for (?year=2023-24), else the current one; a badly written year
    is "not found" (the page offers only real years)."""
    asked = request.GET.get("year")
    if asked:
        try:
            return int(check_year(asked)[:4])
        except ValidationError:
            raise Http404 from None
    return financial_year_start(timezone.localdate())


@partnership_view(VIEW_TRAINING_FIGURES)
def training_figures(request: PartnershipRequest) -> HttpResponse:
    year = _year(request)
    context = {
        "figures": selectors.training_figures(request.partnership, year),
        "years": [
            (year_label(y), f"April {y} to March {y + 1}")
            for y in selectors.years_with_sessions(request.partnership)
        ],
        "analyses": analysis_list(request.partnership),
    }
    return render(request, "training/figures/figures.html", context)
