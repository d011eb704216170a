"""Who may read and record independent scrutiny and the statement of assurance (docs/domain.md,
"Independent scrutiny and the statement of assurance").

The independent scrutineer writes only the scrutiny records: the plan, its activities, their
findings and the yearly comment. The business team and the lead safeguarding partners record the
partnership's response to a finding. The senior roles (business team, lead and delegated
safeguarding partners, the scrutineer) read everything. Every other member reads the published
yearly comments only. The business team drafts the statement of assurance; each lead
safeguarding partner of the partnership signs it off; the senior roles and chairs read it.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import has_role, is_business_team, is_member, is_scrutineer, is_senior

VIEW_SCRUTINY = "scrutiny.view_scrutiny"
RECORD_SCRUTINY = "scrutiny.record_scrutiny"
RESPOND_TO_FINDINGS = "scrutiny.respond_to_findings"
VIEW_COMMENTS = "scrutiny.view_comments"
VIEW_STATEMENTS = "scrutiny.view_statements"
MANAGE_STATEMENTS = "scrutiny.manage_statements"
SIGN_OFF_STATEMENTS = "scrutiny.sign_off_statements"

rules.add_perm(VIEW_SCRUTINY, is_senior)
rules.add_perm(RECORD_SCRUTINY, is_scrutineer)
rules.add_perm(RESPOND_TO_FINDINGS, has_role(Role.BUSINESS_TEAM, Role.LSP))
rules.add_perm(VIEW_COMMENTS, is_member)
rules.add_perm(VIEW_STATEMENTS, is_senior | has_role(Role.CHAIR))
rules.add_perm(MANAGE_STATEMENTS, is_business_team)
rules.add_perm(SIGN_OFF_STATEMENTS, has_role(Role.LSP))
