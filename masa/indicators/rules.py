"""Who may read the performance dataset, answer data calls and run the indicator catalogue.

Which submissions a user sees is the scope in `masa.indicators.selectors.submission_scope`,
driven by the predicates here.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import has_role, in_governance_or_agency_lead, is_agency_lead, is_business_team

VIEW_INDICATORS = "indicators.view_indicators"
SUBMIT_INDICATORS = "indicators.submit_indicators"
MANAGE_INDICATORS = "indicators.manage_indicators"

# Everyone in governance reads the dashboards; agency leads submit their agency's values to a
# data call; the business team runs the catalogue and approves.
rules.add_perm(VIEW_INDICATORS, in_governance_or_agency_lead)
rules.add_perm(SUBMIT_INDICATORS, has_role(Role.BUSINESS_TEAM, Role.AGENCY_LEAD))
rules.add_perm(MANAGE_INDICATORS, is_business_team)

# docs/domain.md, "5. Roles": the business team sees every submission; an agency lead answers
# for their own agencies only.
sees_all_submissions = is_business_team
answers_for_agency = is_agency_lead
