"""Who may confirm that a 7-minute briefing was cascaded in an agency.

Reading and writing briefings follows the learning reviews' permissions (masa/reviews/rules.py).
"""

import rules

from masa.accounts.rules import is_agency_lead, is_business_team

CONFIRM_DISSEMINATION = "briefings.confirm_dissemination"
CONFIRM_DISSEMINATION_FOR_ANY_AGENCY = "briefings.confirm_dissemination_for_any_agency"

# docs/domain.md, "5. Roles": agency leads confirm briefing cascades for their own agency; the
# business team records them for any agency.
rules.add_perm(CONFIRM_DISSEMINATION, is_agency_lead | is_business_team)
rules.add_perm(CONFIRM_DISSEMINATION_FOR_ANY_AGENCY, is_business_team)
