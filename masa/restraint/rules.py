"""Who may read and record restraint and use of force (docs/domain.md, "Restraint and use of
force at HMYOI Feltham").

The business team and the senior roles (lead and delegated safeguarding partners, the
scrutineer) read every establishment's figures and reviews; the members and the chair of the
group that oversees an establishment read that establishment's. The business team and that
group's chair record the figures and the yearly review; the scrutineer and the other senior roles
read only. Everyone else is refused, and an establishment outside the user's scope is 404
(`selectors.establishment_scope`).
"""

import rules

from masa.accounts.rules import (
    is_business_team,
    is_business_team_for_record,
    is_member,
    is_member_for_record,
    is_senior,
)

VIEW_FIGURES = "restraint.view_figures"
RECORD_FIGURES = "restraint.record_figures"
RECORD_FOR_ESTABLISHMENT = "restraint.record_for_establishment"
MANAGE_TYPES = "restraint.manage_types"


@rules.predicate
def sits_on_an_oversight_group(user, partnership) -> bool:
    """A member or the chair of a group that oversees one of the partnership's establishments."""
    from masa.restraint.selectors import overseen_establishments

    return overseen_establishments(user, partnership).exists()


@rules.predicate
def chairs_an_oversight_group(user, partnership) -> bool:
    from masa.restraint.selectors import chaired_establishments

    return chaired_establishments(user, partnership).exists()


@rules.predicate
def chairs_establishment_group(user, establishment) -> bool:
    chair = establishment.group.chair
    return chair is not None and chair.user_id is not None and chair.user_id == user.pk


rules.add_perm(VIEW_FIGURES, is_senior | (is_member & sits_on_an_oversight_group))
rules.add_perm(RECORD_FIGURES, is_business_team | (is_member & chairs_an_oversight_group))
rules.add_perm(
    RECORD_FOR_ESTABLISHMENT,
    is_business_team_for_record | (is_member_for_record & chairs_establishment_group),
)
rules.add_perm(MANAGE_TYPES, is_business_team)
