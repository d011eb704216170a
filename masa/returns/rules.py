"""Who may import statutory returns and read what came from them."""

import rules

from masa.accounts.rules import in_governance_or_agency_lead, is_business_team

MANAGE_RETURNS = "returns.manage_returns"
# Where a dashboard figure came from (an import) and the population figures: everyone who reads
# the performance dashboards (the same roles as indicators.view_indicators).
VIEW_RETURN_FIGURES = "returns.view_figures"

rules.add_perm(MANAGE_RETURNS, is_business_team)
rules.add_perm(VIEW_RETURN_FIGURES, in_governance_or_agency_lead)
