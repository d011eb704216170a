"""A partnership with three agencies, two themes, and an escalation raised by a practitioner of
the first agency about the second; leads of each agency, the business team, an LSP and the
scrutineer."""

from dataclasses import dataclass
from datetime import date

from masa.accounts.models import Membership, Role, User
from masa.escalations import services
from masa.escalations.models import Escalation
from masa.partnership.models import Agency, Partnership, Person
from masa.reviews.models import Theme
from tests.factories import PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member

RAISED = date(2023, 5, 2)
TODAY = date(2024, 3, 31)


@dataclass
class EscalationWorld:
    partnership: Partnership
    agencies: list[Agency]
    themes: list[Theme]
    business_team: User
    lsp: User
    scrutineer: User
    practitioner: User  # raised the escalation; works for agencies[0]
    other_practitioner: User
    lead: User  # lead of agencies[1], involved
    outside_lead: User  # lead of agencies[2], not involved
    owner: Person
    escalation: Escalation


def with_agency(user: User, p: Partnership, agency: Agency) -> User:
    Membership.objects.filter(user=user, partnership=p).update(agency=agency)
    return user


def make_world(slug: str) -> EscalationWorld:
    p = PartnershipFactory(slug=slug)
    agencies = [PartnershipAgencyFactory(partnership=p).agency for _ in range(3)]
    themes = [
        Theme.objects.create(partnership=p, name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Neglect", "Information sharing")
    ]
    practitioner = with_agency(
        member(p, Role.PRACTITIONER, mfa=False, email=f"es-prac-{slug}@example.org"), p, agencies[0]
    )
    escalation = services.escalation_raise(
        actor=practitioner,
        partnership=p,
        raised_on=RAISED,
        raised_by_agency=agencies[0],
        raised_by_role="Health visitor",
        agencies=[agencies[1]],
        concern="Disagreement about whether a strategy discussion was needed.",
        child_reference="Child A",
        themes=[themes[0]],
        today=TODAY,
    )
    return EscalationWorld(
        partnership=p,
        agencies=agencies,
        themes=themes,
        business_team=member(p, Role.BUSINESS_TEAM, email=f"es-bt-{slug}@example.org"),
        lsp=member(p, Role.LSP, email=f"es-lsp-{slug}@example.org"),
        scrutineer=member(p, Role.SCRUTINEER, email=f"es-scr-{slug}@example.org"),
        practitioner=practitioner,
        other_practitioner=with_agency(
            member(p, Role.PRACTITIONER, mfa=False, email=f"es-prac2-{slug}@example.org"), p, agencies[0]
        ),
        lead=with_agency(
            member(p, Role.AGENCY_LEAD, mfa=False, email=f"es-lead-{slug}@example.org"), p, agencies[1]
        ),
        outside_lead=with_agency(
            member(p, Role.AGENCY_LEAD, mfa=False, email=f"es-out-{slug}@example.org"), p, agencies[2]
        ),
        owner=PersonFactory(partnership=p, agency=agencies[1], name=f"Olu Owner {slug}"),
        escalation=escalation,
    )
