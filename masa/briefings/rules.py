"""Who may confirm that a 7-minute briefing was cascaded in an agency, who reads the partnership's
published learning inside masa, and who sees how many people of each agency have read it.

Reading and writing briefings follows the learning reviews' permissions (masa/reviews/rules.py).
"""

import rules

from masa.accounts.rules import is_agency_lead, is_business_team, is_member, is_oversight

CONFIRM_DISSEMINATION = "briefings.confirm_dissemination"
CONFIRM_DISSEMINATION_FOR_ANY_AGENCY = "briefings.confirm_dissemination_for_any_agency"
READ_LEARNING = "briefings.read_learning"
VIEW_READ_COUNTS = "briefings.view_read_counts"

# docs/domain.md, "5. Roles": agency leads confirm briefing cascades for their own agency; the
# business team records them for any agency.
rules.add_perm(CONFIRM_DISSEMINATION, is_agency_lead | is_business_team)
rules.add_perm(CONFIRM_DISSEMINATION_FOR_ANY_AGENCY, is_business_team)

# docs/domain.md, "10. Learning for practitioners": every member of the partnership, practitioners
# included, reads its published briefings and published reviews (never drafts, incidents or
# children) and records that they have read them.
rules.add_perm(READ_LEARNING, is_member)
# How many people of each agency read each item: the business team and those who answer for the
# arrangements (LSPs, DSPs, chairs, the scrutineer), for the yearly report.
rules.add_perm(VIEW_READ_COUNTS, is_oversight)
