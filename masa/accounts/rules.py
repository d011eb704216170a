"""Who may do what in a partnership. Every permission is checked against a Partnership object.

Default deny: a permission not listed here is refused (rules returns False for unknown names).
"""

import rules

from masa.accounts.models import Role
from masa.accounts.selectors import active_role


def has_role(*roles: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role({','.join(roles)})")
    def predicate(user, partnership) -> bool:
        if partnership is None or not getattr(user, "is_authenticated", False):
            return False
        return active_role(user, partnership) in roles

    return predicate


is_member = has_role(*Role.values)
is_business_team = has_role(Role.BUSINESS_TEAM)
is_leadership = has_role(Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR)

# Permission names are constants so views, API and the permission-matrix test share them.
VIEW_HOME = "partnership.view_home"
VIEW_STRUCTURE = "partnership.view_structure"
MANAGE_STRUCTURE = "partnership.manage_structure"
MANAGE_USERS = "accounts.manage_users"
VIEW_AUDIT_LOG = "audit.view_log"

rules.add_perm(VIEW_HOME, is_member)
rules.add_perm(VIEW_STRUCTURE, is_member)
rules.add_perm(MANAGE_STRUCTURE, is_business_team)
rules.add_perm(MANAGE_USERS, is_business_team)
rules.add_perm(VIEW_AUDIT_LOG, is_business_team)

# Governance and actions. Which meetings and actions a user sees inside the partnership is
# decided record by record in the selectors (need-to-know); these gate the pages.
VIEW_MEETINGS = "governance.view_meetings"
MANAGE_MEETINGS = "governance.manage_meetings"
VIEW_ACTIONS = "actions.view_actions"
MANAGE_ACTIONS = "actions.manage_actions"

# Practitioners see nothing of meetings and actions; agency leads see their agency's actions.
GOVERNANCE_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER)
rules.add_perm(VIEW_MEETINGS, has_role(*GOVERNANCE_ROLES))
rules.add_perm(MANAGE_MEETINGS, is_business_team)
rules.add_perm(
    VIEW_ACTIONS,
    has_role(*GOVERNANCE_ROLES, Role.AGENCY_LEAD),
)
rules.add_perm(MANAGE_ACTIONS, is_business_team)

# Learning from reviews. Which incidents a user may open is decided record by record in
# masa.incidents.selectors (case team, business team; the scrutineer sees an anonymised view).
VIEW_INCIDENTS = "incidents.view_incidents"
MANAGE_INCIDENTS = "incidents.manage_incidents"

INCIDENT_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER, Role.CHAIR, Role.MEMBER)
rules.add_perm(VIEW_INCIDENTS, has_role(*INCIDENT_ROLES))
rules.add_perm(MANAGE_INCIDENTS, is_business_team)

# Learning reviews, themes and briefings. Reviews name no child, so every governance role and
# agency leads (who own review actions) may read them; the business team manages them.
VIEW_REVIEWS = "reviews.view_reviews"
MANAGE_REVIEWS = "reviews.manage_reviews"
rules.add_perm(VIEW_REVIEWS, has_role(*GOVERNANCE_ROLES, Role.AGENCY_LEAD))
rules.add_perm(MANAGE_REVIEWS, is_business_team)

# Statutory returns: imported and read by the business team; the computed indicators are shared
# through the dashboards.
MANAGE_RETURNS = "returns.manage_returns"
rules.add_perm(MANAGE_RETURNS, is_business_team)

# The performance dataset: everyone in governance reads the dashboards; agency leads submit
# their agency's values to a data call; the business team runs the catalogue and approves.
VIEW_INDICATORS = "indicators.view_indicators"
SUBMIT_INDICATORS = "indicators.submit_indicators"
MANAGE_INDICATORS = "indicators.manage_indicators"
rules.add_perm(VIEW_INDICATORS, has_role(*GOVERNANCE_ROLES, Role.AGENCY_LEAD))
rules.add_perm(SUBMIT_INDICATORS, has_role(Role.BUSINESS_TEAM, Role.AGENCY_LEAD))
rules.add_perm(MANAGE_INDICATORS, is_business_team)
