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
    is_member_for_record,
    is_senior,
)

VIEW_MEETINGS = "governance.view_meetings"
VIEW_COMPLIANCE = "governance.view_compliance"
MANAGE_MEETINGS = "governance.manage_meetings"
OPEN_PAPER = "governance.open_paper"
SEND_APOLOGIES = "governance.send_apologies"
SEE_QUORUM_FORECAST = "governance.see_quorum_forecast"


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


@rules.predicate
def sits_on_meetings_group(user, meeting) -> bool:
    """The user's own person record is a member of the meeting's group, or its chair."""
    from masa.governance.selectors import member_person

    return member_person(user, meeting) is not None


@rules.predicate
def chairs_meetings_group(user, meeting) -> bool:
    chair = meeting.group.chair
    return chair is not None and chair.user_id is not None and chair.user_id == user.pk


# docs/domain.md, "7.1 Meetings": members send their own apologies; the chair and the business
# team are warned before the meeting when the apologies leave too few members for the quorum.
rules.add_perm(SEND_APOLOGIES, is_member_for_record & sits_on_meetings_group)
rules.add_perm(
    SEE_QUORUM_FORECAST, is_business_team_for_record | (is_member_for_record & chairs_meetings_group)
)
