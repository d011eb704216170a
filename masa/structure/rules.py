"""Who may read and change the partnership's structure (agencies, people, groups, vision, plans)."""

import rules

from masa.accounts.rules import is_business_team, is_member

VIEW_STRUCTURE = "partnership.view_structure"
MANAGE_STRUCTURE = "partnership.manage_structure"

rules.add_perm(VIEW_STRUCTURE, is_member)
rules.add_perm(MANAGE_STRUCTURE, is_business_team)
