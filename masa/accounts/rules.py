"""Who holds which role, as `rules` predicates; and the permissions of accounts' own pages.

This is the bottom of the permission registry. Each app names its own permissions in
`masa/<app>/rules.py` (django-rules' autodiscovery imports them all at start-up) from the role
predicates here; views, selectors, services and templates ask the registry
(`user.has_perm(NAME, partnership_or_record)`) and never compare role strings.

Default deny: a permission no app registers is refused (rules returns False for unknown names).
"""

from typing import Any

import rules

from masa.accounts.models import Role
from masa.accounts.selectors import active_role, active_role_by_id


def role_in(user: Any, partnership_id: int | None) -> str | None:
    """The user's active role in a partnership given by id (no query once the roles are loaded)."""
    if partnership_id is None or not getattr(user, "is_authenticated", False):
        return None
    return active_role_by_id(user, partnership_id)


def has_role(*roles: str) -> rules.Predicate:
    """The user holds one of these roles in the partnership given as the object."""

    @rules.predicate(name=f"has_role({','.join(roles)})")
    def predicate(user, partnership) -> bool:
        if partnership is None or not getattr(user, "is_authenticated", False):
            return False
        return active_role(user, partnership) in roles

    return predicate


def has_role_for_record(*roles: str) -> rules.Predicate:
    """The user holds one of these roles in the partnership the record (the object) belongs to."""

    @rules.predicate(name=f"has_role_for_record({','.join(roles)})")
    def predicate(user, record) -> bool:
        return role_in(user, getattr(record, "partnership_id", None)) in roles

    return predicate


# Roles (docs/domain.md, "5. Roles").
is_member = has_role(*Role.values)
is_business_team = has_role(Role.BUSINESS_TEAM)
is_leadership = has_role(Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR)
is_agency_lead = has_role(Role.AGENCY_LEAD)
is_scrutineer = has_role(Role.SCRUTINEER)
# The people of the governance: every role except agency leads and practitioners.
GOVERNANCE_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER)
in_governance = has_role(*GOVERNANCE_ROLES)
# Everyone but practitioners: the governance and the agency leads who own actions and data.
in_governance_or_agency_lead = has_role(*GOVERNANCE_ROLES, Role.AGENCY_LEAD)
# Senior roles that read across the partnership (every meeting, every action).
SENIOR_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER)
is_senior = has_role(*SENIOR_ROLES)
# Those who answer for the arrangements as a whole.
is_oversight = has_role(Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.SCRUTINEER)

# Record-level forms of the same roles, for permissions checked against a record.
is_member_for_record = has_role_for_record(*Role.values)
is_business_team_for_record = has_role_for_record(Role.BUSINESS_TEAM)
is_agency_lead_for_record = has_role_for_record(Role.AGENCY_LEAD)
is_dsp_for_record = has_role_for_record(Role.DSP)

# Administrators (superusers) change what every partnership relies on, such as bank holidays.
is_administrator = rules.is_superuser

# Permission names are constants so views, API and the permission-matrix test share them.
MANAGE_USERS = "accounts.manage_users"
# The roles that manage users; a partnership must always keep one active member in them.
USER_MANAGER_ROLES = frozenset({Role.BUSINESS_TEAM})
rules.add_perm(MANAGE_USERS, has_role(*USER_MANAGER_ROLES))


def role_manages_users(role: str) -> bool:
    return role in USER_MANAGER_ROLES
