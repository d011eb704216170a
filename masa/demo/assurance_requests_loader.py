"""Load the demo's assurance requests (masa/demo/assurance_requests_data.py), in bulk.

Idempotent: a partnership that already has assurance requests is left alone.
"""

from masa.assurance.models import AssuranceRequest, RequestStatus
from masa.demo.assurance_requests_data import ASSURANCE_REQUESTS
from masa.demo.structure_data import PARTNERSHIPS
from masa.governance.models import Meeting
from masa.partnership.models import Agency, Group, Partnership, Person


def load_assurance_requests_demo() -> None:
    for partnership in Partnership.objects.filter(slug__in=ASSURANCE_REQUESTS):
        if not AssuranceRequest.objects.filter(partnership=partnership).exists():
            _load(partnership, ASSURANCE_REQUESTS[partnership.slug])


def _load(partnership: Partnership, specs: list[dict]) -> None:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    agency_names = {a["key"]: a["name"] for a in structure["agencies"]}
    agencies = {a.name: a for a in Agency.objects.filter(name__in=agency_names.values())}
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership)}
    emails = {p["key"]: p["email"] for p in structure["people"]}
    groups = {g.name: g for g in Group.objects.filter(partnership=partnership)}
    meetings = {
        (m.group_id, m.starts_at.date()): m
        for m in Meeting.objects.filter(partnership=partnership, is_deleted=False)
    }
    rows = []
    for number, spec in enumerate(specs, start=1):
        group = groups[spec["group"]]
        report, judgement = spec["report"], spec["judgement"]
        status = RequestStatus.REQUESTED
        if report:
            status = RequestStatus.JUDGED if judgement else RequestStatus.REPORT_RECEIVED
        rows.append(
            AssuranceRequest(
                partnership=partnership,
                number=number,
                agency=agencies[agency_names[spec["agency"]]],
                subject=spec["subject"],
                asked=spec["asked"],
                group=group,
                meeting=meetings.get((group.pk, spec["meeting"])) if spec["meeting"] else None,
                lead=by_email.get(emails.get(spec["lead"], "")) if spec["lead"] else None,
                requested_on=spec["requested_on"],
                due_date=spec["due"],
                status=status,
                received_on=report[0] if report else None,
                report_text=report[1] if report else "",
                judgement=judgement[0] if judgement else "",
                judgement_reasons=judgement[1] if judgement else "",
                judged_on=judgement[2] if judgement else None,
            )
        )
    AssuranceRequest.objects.bulk_create(rows)
