"""Who may read and manage learning reviews and themes.

docs/domain.md, "4. Who may see what": reviews name no child, so every role in the
governance and the agency leads (who own review actions) may read them.
"""

import rules

from masa.accounts.rules import in_governance_or_agency_lead, is_business_team

VIEW_REVIEWS = "reviews.view_reviews"
MANAGE_REVIEWS = "reviews.manage_reviews"

rules.add_perm(VIEW_REVIEWS, in_governance_or_agency_lead)
rules.add_perm(MANAGE_REVIEWS, is_business_team)
