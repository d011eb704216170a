"""Who may see and change actions in the tracker.

The pages are gated per partnership; which actions a user sees inside it is the need-to-know
scope in `masa.actions.selectors.action_scope`, driven by the predicates here; who may change
one action is decided against the action itself.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import (
    has_role,
    in_governance_or_agency_lead,
    is_agency_lead,
    is_business_team,
    is_business_team_for_record,
    is_member_for_record,
    is_senior,
)

VIEW_ACTIONS = "actions.view_actions"
MANAGE_ACTIONS = "actions.manage_actions"
UPDATE_ACTION = "actions.update_action"
REOPEN_ACTION = "actions.reopen_action"
CHANGE_ACTION = "actions.change_action"
WITHDRAW_ACTION = "actions.withdraw_action"
BULK_CHANGE_ACTIONS = "actions.bulk_change_actions"
IMPORT_ACTIONS = "actions.import_actions"

# docs/domain.md, "5. Roles": practitioners see nothing of actions; agency leads their agency's.
rules.add_perm(VIEW_ACTIONS, in_governance_or_agency_lead)
rules.add_perm(MANAGE_ACTIONS, is_business_team)

# The need-to-know scope (checked against the partnership): senior roles and the business team
# see every action; agency leads their agency's and their own; chairs and members their groups'
# and their own; anyone else only their own.
sees_all_actions = is_senior
sees_agency_actions = is_agency_lead
sees_group_actions = has_role(Role.CHAIR, Role.MEMBER)


@rules.predicate
def owns_action(user, action) -> bool:
    """The action's owner (a Person linked to this user); `owner` is loaded with the action."""
    owner_user_id = action.owner.user_id if action.owner_id else None
    return owner_user_id is not None and owner_user_id == user.pk


@rules.predicate
def chairs_action_group(user, action) -> bool:
    """The chair of the action's group; `group__chair` is loaded with the action."""
    chair = action.group.chair if action.group_id and action.group.chair_id else None
    return chair is not None and chair.user_id is not None and chair.user_id == user.pk


# Post an update, add evidence or close: the action's owner or the business team.
rules.add_perm(UPDATE_ACTION, is_member_for_record & (is_business_team_for_record | owns_action))
# Reopen a closed action: the chair of the action's group or the business team.
rules.add_perm(REOPEN_ACTION, is_member_for_record & (is_business_team_for_record | chairs_action_group))
# Change an action's details (title, description, owner, agency, due date) with a reason, or
# withdraw it: the business team, who run the tracker for the Board (docs/domain.md, "9. The
# action tracker"). An owner asks them to move a deadline rather than moving it themselves.
rules.add_perm(CHANGE_ACTION, is_member_for_record & is_business_team_for_record)
rules.add_perm(WITHDRAW_ACTION, is_member_for_record & is_business_team_for_record)
# Change or withdraw several actions at once, and import an earlier action log: the business team
# (docs/domain.md, "9. The action tracker"). The bulk change still asks CHANGE_ACTION or
# WITHDRAW_ACTION of every action it touches.
rules.add_perm(BULK_CHANGE_ACTIONS, is_business_team)
rules.add_perm(IMPORT_ACTIONS, is_business_team)
