from django.urls import include, path

from masa.api.api import api
from masa.api.documentation import api_docs

urlpatterns = [
    path("", include("masa.core.urls")),
    path("", include("masa.structure.urls")),
    path("", include("masa.accounts.urls")),
    path("", include("masa.audit.urls")),
    path("", include("masa.governance.urls")),
    path("", include("masa.actions.urls")),
    path("", include("masa.incidents.urls")),
    path("", include("masa.returns.urls")),
    path("", include("masa.reviews.urls")),
    path("", include("masa.assurance.urls")),
    path("", include("masa.effectiveness.urls")),
    path("", include("masa.scrutiny.urls")),
    path("", include("masa.case_audits.urls")),
    path("", include("masa.escalations.urls")),
    path("", include("masa.restraint.urls")),
    path("", include("masa.training.urls")),
    path("", include("masa.case_discussions.urls")),
    path("", include("masa.briefings.urls")),
    path("", include("masa.indicators.urls")),
    path("", include("masa.dashboards.urls")),
    path("", include("masa.bank_holidays.urls")),
    path("", include("masa.search.urls")),
    path("", include("masa.voice.urls")),
    path("accounts/", include("allauth.urls")),
    # The API documentation, rendered from the OpenAPI schema (masa/api/documentation.py).
    path("api/docs", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
]

handler400 = "masa.core.views.bad_request"
handler403 = "masa.core.views.permission_denied"
handler404 = "masa.core.views.page_not_found"
handler500 = "masa.core.views.server_error"
