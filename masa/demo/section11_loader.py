"""Load the demo partnerships' Section 11 self-assessments of 2023-24 (masa/demo/section11_data.py).

masa's default Section 11 and Section 175 sets are copied in by the service a business team uses;
the cycle, its returns and ratings are written in bulk; the few improvement actions and the
challenge sessions go through the services, so they are numbered, dated and checked as any
partnership's would be. Idempotent: a partnership that already has a standards set is left alone.
"""

from masa.actions import services as action_services
from masa.actions.models import ActionSource
from masa.assurance import services_section11
from masa.assurance.models import (
    ReturnStatus,
    Section11Cycle,
    Section11Improvement,
    Section11Rating,
    Section11Return,
    StandardsKind,
    StandardsSet,
)
from masa.demo.actor import DEMO_LOADER
from masa.demo.section11_data import EVIDENCE, SELF_ASSESSMENTS, SelfAssessment
from masa.demo.structure_data import PARTNERSHIPS
from masa.partnership.models import Agency, Partnership, Person


def load_section11_demo() -> None:
    for slug, assessment in SELF_ASSESSMENTS.items():
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is not None and not StandardsSet.objects.filter(partnership=partnership).exists():
            _load(partnership, assessment)


def _load(partnership: Partnership, assessment: SelfAssessment) -> None:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    names = {a["key"]: a["name"] for a in structure["agencies"]}
    agencies = {a.name: a for a in Agency.objects.filter(name__in=[names[k] for k in assessment.returns])}
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership)}
    people = {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}

    section_11 = services_section11.standards_set_from_default(
        actor=DEMO_LOADER, partnership=partnership, kind=StandardsKind.SECTION_11
    )
    services_section11.standards_set_from_default(
        actor=DEMO_LOADER, partnership=partnership, kind=StandardsKind.SECTION_175
    )
    standards = list(section_11.standards.order_by("number"))
    cycle = Section11Cycle.objects.create(
        partnership=partnership,
        standards_set=section_11,
        title=assessment.title,
        opens_on=assessment.opens_on,
        deadline=assessment.deadline,
    )
    returns = Section11Return.objects.bulk_create(
        Section11Return(
            partnership=partnership,
            cycle=cycle,
            agency=agencies[names[key]],
            status=ReturnStatus.SUBMITTED if submitted else ReturnStatus.DRAFT,
            submitted_on=submitted,
            is_late=bool(submitted and submitted > assessment.deadline),
        )
        for key, (_, submitted) in assessment.returns.items()
    )
    Section11Rating.objects.bulk_create(
        Section11Rating(
            partnership=partnership,
            section11_return=ret,
            standard=standard,
            rating=int(digit),
            evidence=evidence,
        )
        for ret, (ratings, _) in zip(returns, assessment.returns.values(), strict=True)
        for standard, digit, evidence in zip(standards, ratings, EVIDENCE, strict=False)
    )
    by_key = dict(zip(assessment.returns, returns, strict=True))
    improvements = Section11Improvement.objects.bulk_create(
        Section11Improvement(
            partnership=partnership,
            section11_return=by_key[agency_key],
            text=text,
            due_date=due,
            owner=people[owner_key],
        )
        for agency_key, owner_key, text, due, _ in assessment.improvements
    )
    for improvement, (agency_key, _, _, _, impact) in zip(improvements, assessment.improvements, strict=True):
        ret = by_key[agency_key]
        action = action_services.action_create(
            actor=DEMO_LOADER,
            partnership=partnership,
            title=f"Section 11 improvement: {improvement.text}"[:300],
            description=f"{assessment.title}: {ret.agency.name}'s self-assessment.",
            owner=improvement.owner,
            owner_agency=ret.agency,
            due_date=improvement.due_date,
            source=ActionSource.SECTION11_IMPROVEMENT,
            today=ret.submitted_on,
        )
        improvement.action = action
        if impact:
            by = improvement.owner.user or DEMO_LOADER
            action_services.action_add_evidence(actor=by, action=action, kind="text", text=impact)
            action_services.action_close(actor=by, action=action, impact=impact)
    Section11Improvement.objects.bulk_update(improvements, ["action"])
    by_number = {s.number: s.pk for s in standards}
    for agency_key, held_on, who, found, moderated in assessment.challenges:
        services_section11.return_challenge(
            actor=DEMO_LOADER,
            section11_return=by_key[agency_key],
            challenged_on=held_on,
            challenged_by=who,
            summary=found,
            moderated={by_number[n]: {"rating": r, "note": why} for n, (r, why) in moderated.items()},
            today=held_on,
        )
