"""Who may read and record inspections (and, later, the rest of the partnership's assurance).

docs/domain.md, "Assurance: inspections": the business team keeps the register; the senior roles,
chairs and members and the agency leads (who own the actions) read it; the independent scrutineer
reads it all and writes nothing; practitioners see the published summary only (what the
inspectors judged and found, not the tracker's actions that answer it).
"""

import rules

from masa.accounts.models import Role
from masa.accounts.rules import (
    SENIOR_ROLES,
    has_role,
    in_governance_or_agency_lead,
    is_agency_lead_for_record,
    is_business_team,
    is_business_team_for_record,
    is_member,
    is_member_for_record,
    is_senior,
)

VIEW_INSPECTIONS = "assurance.view_inspections"
VIEW_INSPECTION_SUMMARIES = "assurance.view_inspection_summaries"
MANAGE_INSPECTIONS = "assurance.manage_inspections"

rules.add_perm(VIEW_INSPECTIONS, in_governance_or_agency_lead)
# The published part of the register (judgements, findings, the report's link) is public
# information; every member, practitioners included, may read it.
rules.add_perm(VIEW_INSPECTION_SUMMARIES, is_member)
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

# Assurance requests (docs/domain.md, "Assurance requests"): the business team runs them; the
# asked agency's leads see their agency's requests and send its report; chairs and members see
# their groups' requests, and a group's chair records its judgement; the senior roles and the
# scrutineer read them all; practitioners see none. Which requests a user sees is the scope in
# `masa.assurance.selectors.request_scope`; anything outside it is 404.
VIEW_ASSURANCE_REQUESTS = "assurance.view_assurance_requests"
MANAGE_ASSURANCE_REQUESTS = "assurance.manage_assurance_requests"
SEND_ASSURANCE_REPORT = "assurance.send_assurance_report"
JUDGE_ASSURANCE_REQUEST = "assurance.judge_assurance_request"

sees_all_requests = is_senior


def user_agency_id(user, partnership_id: int) -> int | None:
    """The agency the user leads in the partnership (their membership's agency)."""
    from masa.accounts.models import Membership

    return (
        Membership.objects.filter(user=user, partnership_id=partnership_id, is_active=True)
        .values_list("agency_id", flat=True)
        .first()
    )


@rules.predicate
def leads_asked_agency(user, request) -> bool:
    """An agency lead of the agency the request asks."""
    agency_id = user_agency_id(user, request.partnership_id)
    return agency_id is not None and agency_id == request.agency_id


@rules.predicate
def chairs_requesting_group(user, request) -> bool:
    """The chair of the group that asked; `group__chair` is loaded with the request."""
    chair = request.group.chair if request.group.chair_id else None
    return chair is not None and chair.user_id is not None and chair.user_id == user.pk


rules.add_perm(VIEW_ASSURANCE_REQUESTS, in_governance_or_agency_lead)
rules.add_perm(MANAGE_ASSURANCE_REQUESTS, is_business_team)
rules.add_perm(
    SEND_ASSURANCE_REPORT,
    is_business_team_for_record | (is_agency_lead_for_record & leads_asked_agency),
)
rules.add_perm(
    JUDGE_ASSURANCE_REQUEST,
    is_business_team_for_record | (is_member_for_record & chairs_requesting_group),
)
