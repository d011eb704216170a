"""Who may raise, see and progress professional escalations (docs/domain.md, "Professional
escalations").

Any member of the partnership, practitioners included, may raise one. A record is seen by the
business team, the agency leads of the agencies involved (the raising agency among them) and
the person who raised it; to anyone else it is "not found" (`selectors.escalation_get`). The
senior roles and the independent scrutineer see the figures; the scrutineer also reads every
record anonymised (no child's reference, no raiser) and changes nothing.
"""

import rules

from masa.accounts.rules import is_business_team, is_member, is_scrutineer, is_senior

VIEW_ESCALATIONS = "escalations.view_escalations"
RAISE_ESCALATION = "escalations.raise_escalation"
VIEW_ESCALATION_FIGURES = "escalations.view_escalation_figures"
VIEW_ANONYMISED_ESCALATIONS = "escalations.view_anonymised_escalations"
MANAGE_ESCALATIONS = "escalations.manage_escalations"

rules.add_perm(VIEW_ESCALATIONS, is_member)
rules.add_perm(RAISE_ESCALATION, is_member & ~is_scrutineer)
rules.add_perm(VIEW_ESCALATION_FIGURES, is_senior)
rules.add_perm(VIEW_ANONYMISED_ESCALATIONS, is_scrutineer)
rules.add_perm(MANAGE_ESCALATIONS, is_business_team)
