"""Who may see and run multi-agency audits (docs/domain.md, "14. Multi-agency audits").

The business team designs the tools and runs the audits; an agency lead completes their own
agency's part of an audit until it is submitted (which parts are theirs is
`selectors.return_scope`; any other is "not found"); the senior roles and the independent
scrutineer read everything and the scrutineer writes nothing; everyone else in the partnership
(practitioners, chairs and members) sees only the published summary of a complete audit: its
findings and learning, never case references or grades.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import SENIOR_ROLES, has_role, is_business_team, is_member, is_senior

VIEW_AUDITS = "case_audits.view_audits"
ANSWER_AUDIT = "case_audits.answer_audit"
VIEW_AUDIT_RESULTS = "case_audits.view_audit_results"
MANAGE_AUDITS = "case_audits.manage_audits"

rules.add_perm(VIEW_AUDITS, is_member)
rules.add_perm(ANSWER_AUDIT, has_role(*SENIOR_ROLES, Role.AGENCY_LEAD))
rules.add_perm(VIEW_AUDIT_RESULTS, is_senior)
rules.add_perm(MANAGE_AUDITS, is_business_team)
