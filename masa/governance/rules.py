"""Who may see and run meetings, and open a meeting paper.

Which meetings a user sees inside the partnership is the need-to-know scope in
`masa.governance.selectors.meeting_scope`, driven by `sees_all_meetings`.
"""

import rules

from masa.accounts.rules import (
    in_governance,
    is_business_team,
    is_business_team_for_record,
    is_member,
    is_senior,
)

VIEW_MEETINGS = "governance.view_meetings"
VIEW_COMPLIANCE = "governance.view_compliance"
MANAGE_MEETINGS = "governance.manage_meetings"
OPEN_PAPER = "governance.open_paper"


@rules.predicate
def sits_on_a_group(user, partnership) -> bool:
    """Named as a member of one of the partnership's groups, or its chair."""
    from masa.governance.selectors import user_group_ids

    return user_group_ids(user, partnership).exists()


# docs/domain.md, "5. Roles": the governance roles have the meeting pages, and so does anyone
# who sits on a group (an agency lead who is a voting member, say), for that group's meetings
# only (the scope in selectors). Practitioners and agency leads on no group have none.
rules.add_perm(VIEW_MEETINGS, in_governance | (is_member & sits_on_a_group))
# Attendance across every group and the cadence warnings are for the governance roles.
rules.add_perm(VIEW_COMPLIANCE, in_governance)
rules.add_perm(MANAGE_MEETINGS, is_business_team)

# Senior roles and the business team see every group's meetings; others their own groups'.
sees_all_meetings = is_senior


@rules.predicate
def paper_is_open(user, paper) -> bool:
    return not paper.restricted


@rules.predicate
def named_on_paper(user, paper) -> bool:
    """A restricted paper names its readers (`restricted_to` is prefetched with the paper)."""
    return any(p.user_id == user.pk for p in paper.restricted_to.all())


# A restricted paper: only the named members and the business team may open it.
rules.add_perm(OPEN_PAPER, paper_is_open | is_business_team_for_record | named_on_paper)
