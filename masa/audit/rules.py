"""Who may read the audit log."""

import rules

from masa.accounts.rules import is_business_team

VIEW_AUDIT_LOG = "audit.view_log"

rules.add_perm(VIEW_AUDIT_LOG, is_business_team)
