"""Who may see and record local case discussions (docs/domain.md, "Local case discussions").

- The business team records and reads every discussion, with its case reference.
- A chair, group member or agency lead who belongs to the group that discussed a case (or chairs
  it) records and reads that group's discussions, with references.
- The lead and delegated safeguarding partners read every discussion, with references.
- The independent scrutineer reads every discussion anonymised: no case references.
- Everyone else in the partnership, practitioners included, reads only the learning (its themes,
  month and what was learned, never the reference) of a discussion marked as shared.

Which discussions a user sees, and how much of each, is `selectors.viewer`; a discussion outside
it is "not found".
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import has_role, is_business_team, is_business_team_for_record, is_member, role_in
from masa.governance.selectors import user_group_ids

# Roles that may record discussions of the groups they belong to.
RECORDER_ROLES = (Role.CHAIR, Role.MEMBER, Role.AGENCY_LEAD)
# Roles that read every discussion with its reference.
FULL_READER_ROLES = (Role.BUSINESS_TEAM, Role.LSP, Role.DSP)

VIEW_DISCUSSIONS = "case_discussions.view_discussions"
VIEW_DISCUSSION = "case_discussions.view_discussion"
RECORD_DISCUSSIONS = "case_discussions.record_discussions"
CHANGE_DISCUSSION = "case_discussions.change_discussion"
EXPORT_DISCUSSIONS = "case_discussions.export_discussions"


@rules.predicate
def records_for_a_group(user, partnership) -> bool:
    """A recorder role who belongs to (or chairs) at least one group of the partnership."""
    if partnership is None or not has_role(*RECORDER_ROLES)(user, partnership):
        return False
    return user_group_ids(user, partnership).exists()


@rules.predicate
def records_for_its_group(user, discussion) -> bool:
    """A recorder role who belongs to (or chairs) the group that discussed the case."""
    if role_in(user, getattr(discussion, "partnership_id", None)) not in RECORDER_ROLES:
        return False
    return user_group_ids(user, discussion.partnership).filter(pk=discussion.group_id).exists()


@rules.predicate
def sees_discussion(user, discussion) -> bool:
    """The one-record form of `selectors.viewer`: may the user open this discussion at all?"""
    role = role_in(user, getattr(discussion, "partnership_id", None))
    if role is None:
        return False
    if role in (*FULL_READER_ROLES, Role.SCRUTINEER) or discussion.is_shareable:
        return True
    return bool(records_for_its_group(user, discussion))


rules.add_perm(VIEW_DISCUSSIONS, is_member)
rules.add_perm(VIEW_DISCUSSION, sees_discussion)
rules.add_perm(RECORD_DISCUSSIONS, is_business_team | records_for_a_group)
rules.add_perm(CHANGE_DISCUSSION, is_business_team_for_record | records_for_its_group)
# The register as a spreadsheet: those who read every discussion (the scrutineer's has no references).
rules.add_perm(EXPORT_DISCUSSIONS, has_role(*FULL_READER_ROLES, Role.SCRUTINEER))
