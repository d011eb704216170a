"""Who may read and record the effectiveness review (docs/domain.md, "15. The effectiveness review").

The business team creates and edits reviews, the self-evaluation, the findings and the responses,
publishes and reopens. The senior roles (lead safeguarding partners, delegates) read everything,
drafts too, and may record the partnership's response to a finding. The independent scrutineer
reads everything and writes nothing. Chairs, members and agency leads read published reviews in
full (self-evaluation and figures); practitioners read the published summary: the findings and
the partnership's responses. Which reviews a user sees is `selectors.review_scope`; anything
outside it is 404.
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import has_role, in_governance_or_agency_lead, is_business_team, is_member, is_senior

VIEW_REVIEWS = "effectiveness.view_reviews"
VIEW_EVALUATION = "effectiveness.view_evaluation"
VIEW_DRAFTS = "effectiveness.view_drafts"
MANAGE_REVIEWS = "effectiveness.manage_reviews"
RESPOND_TO_FINDINGS = "effectiveness.respond_to_findings"

rules.add_perm(VIEW_REVIEWS, is_member)
rules.add_perm(VIEW_EVALUATION, in_governance_or_agency_lead)
rules.add_perm(VIEW_DRAFTS, is_senior)
rules.add_perm(MANAGE_REVIEWS, is_business_team)
rules.add_perm(RESPOND_TO_FINDINGS, has_role(Role.BUSINESS_TEAM, Role.LSP, Role.DSP))
