"""Load the demo's inspections register (masa/demo/assurance_data.py) into each demo partnership.

The inspections, judgements and findings are written in bulk; the few actions that answer the
findings go through the tracker's services, so they are numbered, dated and evidenced as any
partnership's would be. Idempotent: a partnership that already has inspections is left alone.
"""

from masa.actions import services as action_services
from masa.actions.models import ActionSource, ActionStatus
from masa.assurance.models import Inspection, InspectionFinding, InspectionJudgement
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.assurance_data import INSPECTIONS
from masa.demo.structure_data import PARTNERSHIPS
from masa.partnership.models import Agency, Group, Partnership, Person

BUSINESS_TEAM_KEYS = ("psm", "business_manager")


def load_assurance_demo() -> None:
    for partnership in Partnership.objects.filter(slug__in=INSPECTIONS):
        if not Inspection.objects.filter(partnership=partnership).exists():
            _load(partnership, INSPECTIONS[partnership.slug])


def _load(partnership: Partnership, specs: list[dict]) -> None:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    agency_names = {a["key"]: a["name"] for a in structure["agencies"]}
    agencies = {a.name: a for a in Agency.objects.filter(name__in=agency_names.values())}
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership).select_related("user")}
    people = {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}
    groups = {g.name: g for g in Group.objects.filter(partnership=partnership)}
    manager = next((people[k] for k in BUSINESS_TEAM_KEYS if k in people), None)
    actor: Actor = manager.user if manager and manager.user else DEMO_LOADER

    def agency(key: str | None) -> Agency | None:
        return agencies.get(agency_names[key]) if key else None

    inspections = Inspection.objects.bulk_create(
        [
            Inspection(
                partnership=partnership,
                kind=spec["kind"],
                title=spec["title"],
                inspected_body=agency(spec["agency"]),
                start_date=spec["start"],
                end_date=spec["end"],
                published_date=spec["published"],
                overall_judgement=spec["overall"],
                summary=spec["summary"],
            )
            for spec in specs
        ]
    )
    InspectionJudgement.objects.bulk_create(
        [
            InspectionJudgement(
                partnership=partnership, inspection=inspection, area=area, judgement=judgement, order=order
            )
            for inspection, spec in zip(inspections, specs, strict=True)
            for order, (area, judgement) in enumerate(spec["judgements"], start=1)
        ]
    )
    pairs = [
        (
            finding_spec,
            InspectionFinding(
                partnership=partnership,
                inspection=inspection,
                kind=finding_spec["kind"],
                number=number,
                text=finding_spec["text"],
                agency=agency(finding_spec["agency"]),
            ),
        )
        for inspection, spec in zip(inspections, specs, strict=True)
        for number, finding_spec in enumerate(spec["findings"], start=1)
    ]
    InspectionFinding.objects.bulk_create([finding for _, finding in pairs])
    for finding_spec, finding in pairs:
        plan = finding_spec.get("action")
        owner = people.get(plan["owner"]) if plan else None
        if plan is None or owner is None:
            continue
        inspection = finding.inspection
        label = finding.get_kind_display()
        action = action_services.action_create(
            actor=actor,
            partnership=partnership,
            title=f"{label}: {finding.text}"[:300],
            description=f"{inspection.title}, {label.lower()} {finding.number}.",
            owner=owner,
            due_date=plan["due"],
            source=ActionSource.INSPECTION_RECOMMENDATION,
            group=groups.get(plan["group"]),
            inspection_finding=finding,
            today=plan["agreed"],
        )
        by = owner.user or actor
        if plan["update"]:
            action_services.action_post_update(
                actor=by, action=action, text=plan["update"], status=ActionStatus.IN_PROGRESS
            )
        if plan["closed"]:
            evidence, impact = plan["closed"]
            action_services.action_add_evidence(actor=by, action=action, kind="text", text=evidence)
            action_services.action_close(actor=by, action=action, impact=impact)
