"""Who may see and run meetings, and open a meeting paper.

Which meetings a user sees inside the partnership is the need-to-know scope in
`masa.governance.selectors.meeting_scope`, driven by `sees_all_meetings`.
"""

import rules

from masa.accounts.rules import (
    in_governance,
    is_business_team,
    is_business_team_for_record,
    is_senior,
)

VIEW_MEETINGS = "governance.view_meetings"
MANAGE_MEETINGS = "governance.manage_meetings"
OPEN_PAPER = "governance.open_paper"

# docs/domain.md, "5. Roles": practitioners and agency leads have no meeting pages.
rules.add_perm(VIEW_MEETINGS, in_governance)
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
