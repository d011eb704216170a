"""Who may see serious incidents and their rapid reviews, and who signs a rapid review off.

docs/domain.md, "4. Who may see what": an incident may be opened only by its named case team
and the business team; the scrutineer sees every incident anonymised; anyone else is told it
does not exist. That record-level scope is `masa.incidents.selectors.incident_scope`, driven
by the predicates here.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import has_role, is_business_team, is_dsp_for_record, is_scrutineer

VIEW_INCIDENTS = "incidents.view_incidents"
MANAGE_INCIDENTS = "incidents.manage_incidents"
SIGN_OFF_RAPID_REVIEW = "incidents.sign_off_rapid_review"

# The incident pages exist for the governance roles; agency leads and practitioners have none.
INCIDENT_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER, Role.CHAIR, Role.MEMBER)
rules.add_perm(VIEW_INCIDENTS, has_role(*INCIDENT_ROLES))
rules.add_perm(MANAGE_INCIDENTS, is_business_team)

# Every incident of the partnership (the scrutineer anonymised); others only their case team's.
sees_all_incidents = has_role(Role.BUSINESS_TEAM, Role.SCRUTINEER)
sees_incidents_anonymised = is_scrutineer


@rules.predicate
def is_active_user(user) -> bool:
    return bool(getattr(user, "is_active", False))


# docs/domain.md, "5. Roles": a delegated safeguarding partner signs off the rapid review report,
# checked against the incident. Only the case team (and the business team) can open the
# incident at all, so on the pages this is a DSP in the case team.
rules.add_perm(SIGN_OFF_RAPID_REVIEW, is_active_user & is_dsp_for_record)
