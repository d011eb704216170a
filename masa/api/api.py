"""The masa API at /api/v1: token or session authentication, the same rules as the pages."""

from ninja import NinjaAPI

from masa.api import (
    actions_routes,
    assurance_routes,
    case_audit_routes,
    case_discussion_routes,
    clock_routes,
    effectiveness_routes,
    errors,
    escalation_routes,
    governance_routes,
    indicator_routes,
    partnership_routes,
    restraint_routes,
    returns_routes,
    scrutiny_routes,
    training_routes,
    voice_routes,
)
from masa.api.access import SessionAuth, TokenAuth

api = NinjaAPI(
    title="masa API",
    version="1",
    description=(
        "The masa API. Authenticate with a personal API token (create one under 'Your account') "
        "sent as `Authorization: Bearer <token>`. Every operation applies the same permissions "
        "as the web pages: members of a partnership see only that partnership."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    # masa's own page at /api/docs documents the API (Swagger UI fails the accessibility checks).
    docs_url=None,
)

api.add_router("/", partnership_routes.router)
api.add_router("/", actions_routes.router)
api.add_router("/", governance_routes.router)
api.add_router("/", clock_routes.router)
api.add_router("/", returns_routes.router)
api.add_router("/", indicator_routes.router)
api.add_router("/", assurance_routes.router)
api.add_router("/", effectiveness_routes.router)
api.add_router("/", case_audit_routes.router)
api.add_router("/", voice_routes.router)
api.add_router("/", escalation_routes.router)
api.add_router("/", restraint_routes.router)
api.add_router("/", case_discussion_routes.router)
api.add_router("/", scrutiny_routes.router)
api.add_router("/", training_routes.router)

# Unreadable requests (too big, no multipart boundary, not JSON) are 400 with a plain message.
errors.register(api)
