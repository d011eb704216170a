"""Load the demo partnerships' multi-agency audits (masa/demo/case_audits_data.py).

Everything goes through the services a business team and the agencies use, dated on the days
the data gives, so parts are marked late, actions numbered and dated as any partnership's would
be. Idempotent: a partnership that already has an audit tool is left alone.
"""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from masa.actions import services as action_services
from masa.case_audits import services
from masa.case_audits.models import AgencyReturn, Audit, AuditTool, FindingKind
from masa.demo.actor import DEMO_LOADER
from masa.demo.case_audits_data import EALING, HILLINGDON, HOUNSLOW_AUDITS
from masa.demo.structure_data import PARTNERSHIPS
from masa.partnership.models import Agency, Group, Partnership, Person

TOOL_NAME = "Multi-agency case audit tool"


class _Directory:
    """The partnership's demo agencies, people and groups by their keys in structure_data."""

    def __init__(self, partnership: Partnership) -> None:
        structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
        names = {a["key"]: a["name"] for a in structure["agencies"]}
        by_name = {a.name: a for a in Agency.objects.filter(name__in=names.values())}
        self.agencies = {key: by_name[name] for key, name in names.items() if name in by_name}
        by_email = {p.email: p for p in Person.objects.filter(partnership=partnership)}
        self.people = {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}
        groups = {g["key"]: g["name"] for g in structure.get("groups", [])}
        by_group = {g.name: g for g in Group.objects.filter(partnership=partnership)}
        self.groups = {key: by_group[name] for key, name in groups.items() if name in by_group}


def _agency_grade(agreed: int, agency_index: int, question_index: int, case_index: int) -> int:
    """An agency's own grade: mostly the one agreed, sometimes a grade either side of it."""
    turn = agency_index + question_index + case_index
    if turn % 5 == 0:
        return min(agreed + 1, 4)
    if turn % 7 == 0:
        return max(agreed - 1, 1)
    return agreed


def _open(
    partnership: Partnership, tool: AuditTool, data: dict[str, Any], d: _Directory, **dates: Any
) -> Audit:
    audit = services.audit_open(
        actor=DEMO_LOADER,
        partnership=partnership,
        tool=tool,
        topic=data["topic"],
        theme=data["theme"],
        group=d.groups.get(data.get("group", "")),
        agencies=[d.agencies[key] for key in data["agencies"]],
        **dates,
    )
    for reference, (age_band, _) in data["cases"].items():
        services.case_add(actor=DEMO_LOADER, audit=audit, reference=reference, age_band=age_band)
    return services.audit_start(actor=DEMO_LOADER, audit=audit)


def _load_complete(partnership: Partnership, tool: AuditTool, data: dict[str, Any], d: _Directory) -> Audit:
    audit = _open(
        partnership,
        tool,
        data,
        d,
        opened_on=data["opened_on"],
        agency_deadline=data["agency_deadline"],
        moderation_on=data["moderation_on"],
    )
    questions = list(tool.questions.order_by("number"))
    cases = {c.reference: c for c in audit.cases.all()}
    agency_order = [d.agencies[key].pk for key in data["agencies"]]
    # The agencies' parts, in by the deadline but for the last case's last agency, two days late.
    parts = AgencyReturn.objects.filter(case__audit=audit).select_related("case")
    last = (list(data["cases"])[-1], agency_order[-1])
    for part in parts:
        case_index = list(data["cases"]).index(part.case.reference)
        agreed = data["cases"][part.case.reference][1]
        agency_index = agency_order.index(part.agency_id)
        answers = {
            q.pk: {"grade": _agency_grade(int(agreed[i]), agency_index, i, case_index), "comment": ""}
            for i, q in enumerate(questions)
        }
        late = (part.case.reference, part.agency_id) == last
        day = (
            data["agency_deadline"] + timedelta(days=2)
            if late
            else data["agency_deadline"] - timedelta(days=1)
        )
        services.return_save(actor=DEMO_LOADER, agency_return=part, answers=answers, submit=True, today=day)
    services.audit_to_moderation(actor=DEMO_LOADER, audit=audit)
    meeting = data["moderation_on"]
    for reference, (_, agreed) in data["cases"].items():
        grades = {q.pk: {"grade": int(agreed[i]), "rationale": ""} for i, q in enumerate(questions)}
        services.moderation_record(
            actor=DEMO_LOADER, case=cases[reference], moderation_on=meeting, grades=grades, today=meeting
        )
    for text in data["strengths"]:
        services.finding_add(
            actor=DEMO_LOADER, audit=audit, kind=FindingKind.STRENGTH, text=text, today=meeting
        )
    for text in data["learning"]:
        services.finding_add(
            actor=DEMO_LOADER, audit=audit, kind=FindingKind.LEARNING, text=text, today=meeting
        )
    for text, owner_key, due, impact in data["developments"]:
        finding = services.finding_add(
            actor=DEMO_LOADER,
            audit=audit,
            kind=FindingKind.DEVELOPMENT,
            text=text,
            owner=d.people[owner_key],
            due_date=due,
            today=meeting,
        )
        action = finding.action
        assert action is not None
        by = action.owner.user or DEMO_LOADER
        action_services.action_add_evidence(actor=by, action=action, kind="text", text=impact)
        action_services.action_close(actor=by, action=action, impact=impact)
    return services.audit_complete(
        actor=DEMO_LOADER, audit=audit, summary=data["summary"], today=data["completed_on"]
    )


def _load_with_agencies(partnership: Partnership, tool: AuditTool, d: _Directory, today: date) -> Audit:
    """Hillingdon's audit, open now: one agency has submitted its parts, the others have not."""
    data = HILLINGDON
    audit = _open(
        partnership,
        tool,
        data,
        d,
        opened_on=today - timedelta(days=14),
        agency_deadline=today + timedelta(days=14),
    )
    questions = list(tool.questions.order_by("number"))
    key, grades = data["submitted"]
    for part in AgencyReturn.objects.filter(case__audit=audit, agency=d.agencies[key]):
        answers = {q.pk: {"grade": int(grades[i]), "comment": ""} for i, q in enumerate(questions)}
        services.return_save(
            actor=DEMO_LOADER,
            agency_return=part,
            answers=answers,
            submit=True,
            today=today - timedelta(days=3),
        )
    return audit


def _tool(partnership: Partnership) -> AuditTool | None:
    if AuditTool.objects.filter(partnership=partnership).exists():
        return None
    return services.tool_create(actor=DEMO_LOADER, partnership=partnership, name=TOOL_NAME)


def load_case_audits_demo() -> None:
    for slug in ("hounslow", "ealing", "hillingdon"):
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            continue
        tool = _tool(partnership)
        if tool is None:
            continue
        directory = _Directory(partnership)
        if slug == "hounslow":
            for data in HOUNSLOW_AUDITS:
                _load_complete(partnership, tool, data, directory)
        elif slug == "ealing":
            _load_complete(partnership, tool, EALING, directory)
        else:
            _load_with_agencies(partnership, tool, directory, timezone.localdate())
