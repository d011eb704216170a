"""Who may see a partnership's home page, its cadence warnings, and comment on an indicator."""

from typing import Any

import rules

from masa.accounts.models import Membership, Role
from masa.accounts.rules import (
    is_agency_lead_for_record,
    is_business_team_for_record,
    is_member,
    is_oversight,
)

VIEW_HOME = "partnership.view_home"
SEE_CADENCE_WARNINGS = "dashboards.see_cadence_warnings"
COMMENT_ON_INDICATOR = "dashboards.comment_on_indicator"

rules.add_perm(VIEW_HOME, is_member)
# Roles that answer for the arrangements as a whole see cadence warnings on their home page.
rules.add_perm(SEE_CADENCE_WARNINGS, is_oversight)


def lead_agency_id(user: Any, partnership_id: int) -> int | None:
    """The agency an agency lead answers for in a partnership (one query, kept on the user)."""
    cache = getattr(user, "_masa_lead_agency", None)
    if cache is None:
        cache = user._masa_lead_agency = {}
    if partnership_id not in cache:
        cache[partnership_id] = (
            Membership.objects.filter(
                user=user, partnership_id=partnership_id, is_active=True, role=Role.AGENCY_LEAD
            )
            .values_list("agency_id", flat=True)
            .first()
        )
    return cache[partnership_id]


@rules.predicate
def leads_source_agency(user, indicator) -> bool:
    agency_id = lead_agency_id(user, indicator.partnership_id)
    return agency_id is not None and indicator.source_agency_id == agency_id


# The business team comments on any indicator; an agency lead on its own agency's.
rules.add_perm(
    COMMENT_ON_INDICATOR, is_business_team_for_record | (is_agency_lead_for_record & leads_source_agency)
)
