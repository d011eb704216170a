"""Who may read and record inspections (and, later, the rest of the partnership's assurance).

docs/domain.md, "Assurance: inspections": the business team keeps the register; the senior roles,
chairs and members and the agency leads (who own the actions) read it; the independent scrutineer
reads it all and writes nothing; practitioners see none of it (published summaries come later).
"""

import rules

from masa.accounts.rules import in_governance_or_agency_lead, is_business_team

VIEW_INSPECTIONS = "assurance.view_inspections"
MANAGE_INSPECTIONS = "assurance.manage_inspections"

rules.add_perm(VIEW_INSPECTIONS, in_governance_or_agency_lead)
rules.add_perm(MANAGE_INSPECTIONS, is_business_team)
