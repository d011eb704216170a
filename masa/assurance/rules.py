"""Who may read and record inspections (and, later, the rest of the partnership's assurance).

docs/domain.md, "Assurance: inspections": the business team keeps the register; the senior roles,
chairs and members and the agency leads (who own the actions) read it; the independent scrutineer
reads it all and writes nothing; practitioners see none of it (published summaries come later).
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import (
    SENIOR_ROLES,
    has_role,
    in_governance_or_agency_lead,
    is_business_team,
    is_senior,
)

VIEW_INSPECTIONS = "assurance.view_inspections"
MANAGE_INSPECTIONS = "assurance.manage_inspections"

rules.add_perm(VIEW_INSPECTIONS, in_governance_or_agency_lead)
rules.add_perm(MANAGE_INSPECTIONS, is_business_team)

# Section 11 and Section 175 self-assessments (docs/domain.md, "12."): the business team runs the
# cycles and keeps the standards sets; an agency lead answers their own agency's return (which
# return is theirs is `selectors_section11.return_scope`); the senior roles and the scrutineer
# read the results; practitioners, chairs and members see none of it.
VIEW_SECTION11 = "assurance.view_section11"
ANSWER_SECTION11 = "assurance.answer_section11"
VIEW_SECTION11_RESULTS = "assurance.view_section11_results"
MANAGE_SECTION11 = "assurance.manage_section11"

rules.add_perm(VIEW_SECTION11, has_role(*SENIOR_ROLES, Role.AGENCY_LEAD))
rules.add_perm(ANSWER_SECTION11, has_role(*SENIOR_ROLES, Role.AGENCY_LEAD))
rules.add_perm(VIEW_SECTION11_RESULTS, is_senior)
rules.add_perm(MANAGE_SECTION11, is_business_team)
