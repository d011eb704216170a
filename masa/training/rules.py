"""Who may do what in multi-agency training (docs/domain.md, "21. Multi-agency training").

The public sees the calendar and course pages (public views, no permission). Every member of the
partnership may book a place for themselves and see their own bookings and certificates (which
are theirs is `selectors`' business: a person's own records only). Agency leads book their own
agency's staff and see those bookings and their agency's charges, and answer their agency's
needs analysis. The training coordinator (the business team) runs everything: the needs
analysis, courses and sessions, the register, charges and waivers, follow-ups and the figures.
The senior roles read the figures and the impact summaries.
"""

import rules

from masa.accounts.rules import is_agency_lead, is_business_team, is_member, is_senior

BOOK_TRAINING = "training.book_training"
BOOK_FOR_STAFF = "training.book_for_staff"
VIEW_AGENCY_CHARGES = "training.view_agency_charges"
ANSWER_NEEDS_ANALYSIS = "training.answer_needs_analysis"
VIEW_TRAINING_FIGURES = "training.view_training_figures"
MANAGE_TRAINING = "training.manage_training"

rules.add_perm(BOOK_TRAINING, is_member)
rules.add_perm(BOOK_FOR_STAFF, is_agency_lead | is_business_team)
rules.add_perm(VIEW_AGENCY_CHARGES, is_agency_lead | is_business_team)
rules.add_perm(ANSWER_NEEDS_ANALYSIS, is_agency_lead | is_business_team)
rules.add_perm(VIEW_TRAINING_FIGURES, is_senior)
rules.add_perm(MANAGE_TRAINING, is_business_team)
