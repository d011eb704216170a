"""A partnership with masa's default audit tool, an audit of two cases asking two agencies (of
three), an agency lead for the first agency, and a practitioner."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.case_audits import services
from masa.case_audits.models import AgencyReturn, Audit, AuditCase, AuditTool
from masa.partnership.models import Agency, Partnership, Person
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member

TODAY = timezone.localdate()


@dataclass
class AuditWorld:
    partnership: Partnership
    agencies: list[Agency]
    business_team: User
    lead: User  # agency lead of agencies[0]
    lead_person: Person
    other_lead: User  # agency lead of agencies[1]
    outside_lead: User  # agency lead of agencies[2], which does not take part
    practitioner: User
    scrutineer: User
    tool: AuditTool
    audit: Audit
    cases: list[AuditCase]
    ret: AgencyReturn  # agencies[0]'s part for cases[0]


def lead_of(p: Partnership, agency: Agency, email: str) -> User:
    user = member(p, Role.AGENCY_LEAD, mfa=False, email=email)
    Membership.objects.filter(user=user, partnership=p).update(agency=agency)
    return user


def make_audit_world(slug: str, partnership: Partnership | None = None, *, start: bool = True) -> AuditWorld:
    p = partnership or PartnershipFactory(slug=slug)
    agencies = [PartnershipAgencyFactory(partnership=p).agency for _ in range(3)]
    bt = member(p, Role.BUSINESS_TEAM, email=f"ca-bt-{slug}@example.org")
    lead = lead_of(p, agencies[0], f"ca-lead-{slug}@example.org")
    lead_person = PersonFactory(partnership=p, agency=agencies[0], user=lead, name=f"Ada Lead {slug}")
    other_lead = lead_of(p, agencies[1], f"ca-other-{slug}@example.org")
    outside_lead = lead_of(p, agencies[2], f"ca-outside-{slug}@example.org")
    practitioner = member(p, Role.PRACTITIONER, mfa=False, email=f"ca-prac-{slug}@example.org")
    scrutineer = member(p, Role.SCRUTINEER, email=f"ca-scr-{slug}@example.org")
    tool = services.tool_create(actor=SETUP, partnership=p, name="Multi-agency case audit tool")
    audit = services.audit_open(
        actor=SETUP,
        partnership=p,
        tool=tool,
        topic="Neglect",
        agencies=agencies[:2],
        opened_on=TODAY - timedelta(days=10),
        agency_deadline=TODAY + timedelta(days=20),
    )
    cases = [
        services.case_add(actor=SETUP, audit=audit, reference=ref, age_band="5_9")
        for ref in ("Child A", "Child B")
    ]
    ret = None
    if start:
        services.audit_start(actor=SETUP, audit=audit)
        audit.refresh_from_db()
        ret = AgencyReturn.objects.get(case=cases[0], agency=agencies[0])
    return AuditWorld(
        partnership=p,
        agencies=agencies,
        business_team=bt,
        lead=lead,
        lead_person=lead_person,
        other_lead=other_lead,
        outside_lead=outside_lead,
        practitioner=practitioner,
        scrutineer=scrutineer,
        tool=tool,
        audit=audit,
        cases=cases,
        ret=ret,  # type: ignore[arg-type]
    )


def full_answers(world: AuditWorld, grade: int = 2) -> dict[int, dict]:
    return {q.pk: {"grade": grade, "comment": f"Comment {q.number}"} for q in world.tool.questions.all()}


def full_grades(world: AuditWorld, grade: int = 2) -> dict[int, dict]:
    return {q.pk: {"grade": grade, "rationale": f"Agreed {q.number}"} for q in world.tool.questions.all()}


def submit_all(world: AuditWorld, grade: int = 2) -> None:
    for ret in AgencyReturn.objects.filter(case__audit=world.audit):
        services.return_save(actor=SETUP, agency_return=ret, answers=full_answers(world, grade), submit=True)
