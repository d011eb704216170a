"""Who may add and remove one-off bank holidays: administrators (superusers), because every
partnership's clocks count them (docs/domain.md, "2. Working days")."""

import rules

from masa.accounts.rules import is_administrator

ADMINISTER_BANK_HOLIDAYS = "bank_holidays.administer"

rules.add_perm(ADMINISTER_BANK_HOLIDAYS, is_administrator)
