"""The small world the permission matrix runs in: one record of each kind, so that object URLs
resolve, spread over the partnerships the per-app test worlds build, and one user per role
holding that role in every one of them; plus a member of another partnership, an administrator.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.actions import services as action_services
from masa.assurance import services as assurance_services
from masa.assurance import services_section11 as s11_services
from masa.bank_holidays import services as holiday_services
from masa.case_audits import services as audit_services
from masa.case_discussions import services as discussion_services
from masa.effectiveness import services as effectiveness_services
from masa.escalations import services as escalation_services
from masa.partnership.models import Principle
from masa.reviews.models import Review, ReviewKind, ReviewStatus
from masa.scrutiny import services as scrutiny_services
from masa.voice import services as voice_services
from tests.actions.conftest import build_world as actions_world
from tests.assurance.conftest import make_world as assurance_world
from tests.assurance.section11_world import make_s11_world
from tests.briefings.conftest import make_world as briefings_world
from tests.factories import (
    SETUP,
    GroupFactory,
    GroupMemberFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
    member,
)
from tests.governance.conftest import annual_report_item, schedule
from tests.governance.conftest import make_world as governance_world
from tests.governance.files import pdf_bytes
from tests.incidents.conftest import make_world as incidents_world
from tests.indicators.datacall_world import build_world as indicators_world
from tests.reviews.conftest import make_world as reviews_world

# The columns of the matrix, in order.
ROLES = [
    Role.BUSINESS_TEAM,
    Role.LSP,
    Role.DSP,
    Role.CHAIR,
    Role.MEMBER,
    Role.AGENCY_LEAD,
    Role.PRACTITIONER,
    Role.SCRUTINEER,
]
OTHER = "other"  # a business-team member of another partnership
ANONYMOUS = "anonymous"
ADMINISTRATOR = "administrator"  # a superuser with no membership
COLUMNS = [str(r) for r in ROLES] + [OTHER, ANONYMOUS, ADMINISTRATOR]
# An id no record has: the page's permission is checked before the record is looked up.
NO_RECORD = uuid.UUID("00000000-0000-4000-8000-000000000000")


@dataclass
class MatrixWorld:
    users: dict[str, User | None]
    # URL parameter values per route name ("app:name" -> kwargs), and the partnership per app.
    slugs: dict[str, str]
    values: dict[str, dict[str, Any]] = field(default_factory=dict)


def build_matrix_world() -> MatrixWorld:
    acts = actions_world("mx-actions")
    gov = governance_world("mx-meetings")
    inc = incidents_world("mx-incidents")
    rev = reviews_world("mx-reviews")
    brf = briefings_world("mx-briefings")
    ind = indicators_world("mx-indicators")
    asr = assurance_world("mx-assurance")
    s11 = make_s11_world("mx-assurance", partnership=asr.partnership)
    partnerships = [w.partnership for w in (acts, gov, inc, rev, brf, ind, asr)]

    users: dict[str, User | None] = {}
    for role in ROLES:
        user = member(partnerships[0], role)
        for p in partnerships[1:]:
            Membership.objects.create(user=user, partnership=p, role=role)
        # In the meetings' group and the incident's case team, so that need-to-know scopes
        # leave the role's page permission as what decides.
        GroupMemberFactory(group=gov.board, person=PersonFactory(partnership=gov.partnership, user=user))
        # On the group that asked for assurance, and (for the agency lead) leading the agency asked.
        asr_person = PersonFactory(partnership=asr.partnership, agency=asr.agency, user=user)
        GroupMemberFactory(group=asr.group, person=asr_person)
        Membership.objects.filter(user=user, partnership=asr.partnership).update(agency=asr.agency)
        if role == Role.CHAIR:
            asr.group.chair = asr_person
            asr.group.save()
        inc.incident.case_team.add(user)
        users[str(role)] = user
    users[OTHER] = member(PartnershipFactory(slug="mx-elsewhere"), Role.BUSINESS_TEAM)
    users[ANONYMOUS] = None
    users[ADMINISTRATOR] = UserFactory(is_superuser=True, is_staff=True)

    meeting = schedule(gov, 14)[0]
    item = annual_report_item(gov, meeting)
    open_action = acts.actions["colleague"]
    closed = acts.actions["outsider"]
    action_services.action_close(actor=SETUP, action=closed, impact="Done")
    holiday = holiday_services.bank_holiday_add(actor=SETUP, day=date(2031, 7, 16), name="Matrix holiday")
    submission = ind.call.submissions.first()
    theme = next(iter(rev.themes.values()))

    world = MatrixWorld(
        users=users,
        slugs={
            "structure": gov.partnership.slug,
            "governance": gov.partnership.slug,
            "actions": acts.partnership.slug,
            "incidents": inc.partnership.slug,
            "reviews": rev.partnership.slug,
            "briefings": brf.partnership.slug,
            "indicators": ind.partnership.slug,
            "dashboards": ind.partnership.slug,
            "assurance": asr.partnership.slug,
            "case_audits": asr.partnership.slug,
        },
    )
    v = world.values
    for name in ("agency_edit",):
        v[f"structure:{name}"] = {"uuid": gov.agencies[0].uuid}
    v["structure:person_edit"] = {"uuid": gov.people[0].uuid}
    for name in ("group_detail", "group_edit", "group_member_add"):
        v[f"structure:{name}"] = {"uuid": gov.board.uuid}
    v["structure:group_member_remove"] = {
        "uuid": gov.board.uuid,
        "member_uuid": gov.board.members.first().uuid,
    }
    v["accounts:section"] = {"section": "governance"}
    v["governance:workplan"] = v["governance:workplan_add"] = {"uuid": gov.board.uuid}
    v["actions:group_actions"] = {"uuid": acts.other_group.uuid}
    v["governance:*"] = {"uuid": meeting.uuid, "item_uuid": item.uuid}
    v["actions:*"] = {"uuid": open_action.uuid}
    v["actions:action_reopen"] = {"uuid": closed.uuid}
    v["incidents:*"] = {"uuid": inc.incident.uuid, "child_uuid": inc.child.uuid}
    v["reviews:*"] = {"uuid": rev.review.uuid, "theme": theme.slug}
    v["briefings:*"] = {
        "uuid": brf.published.uuid,
        "briefing_slug": brf.published.slug,
    }
    v["briefings:public_review_report"] = {"uuid": brf.review.uuid}
    published_review = Review.objects.create(
        partnership=brf.partnership,
        kind=ReviewKind.LOCAL_LEARNING,
        reference="MX-LLR-1",
        title="A published local learning review",
        status=ReviewStatus.PUBLISHED,
        publication_date=date(2026, 1, 5),
    )
    for name in ("learning_review", "learning_review_read"):
        v[f"briefings:{name}"] = {"uuid": published_review.uuid}
    v["indicators:*"] = {"uuid": next(iter(ind.indicators.values())).uuid}
    for name in ("data_call_detail", "data_call_close"):
        v[f"indicators:{name}"] = {"uuid": ind.call.uuid}
    for name in ("submission_detail", "submission_template", "submission_upload", "submission_approve"):
        v[f"indicators:{name}"] = {"uuid": submission.uuid}
    for name in ("submission_return", "submission_reopen"):
        v[f"indicators:{name}"] = {"uuid": submission.uuid}
    v["dashboards:*"] = {
        "indicator_uuid": next(iter(ind.indicators.values())).uuid,
        "period_uuid": ind.period.uuid,
        "group_uuid": NO_RECORD,
        "priority_uuid": NO_RECORD,
    }
    v["bank_holidays:*"] = {"uuid": holiday.uuid}
    v["assurance:*"] = {
        "uuid": asr.inspection.uuid,
        "standards_set": s11.standards_set.uuid,
        "standard": s11.standards_set.standards.first().uuid,
        "cycle": s11.cycle.uuid,
        "ret": s11.ret.uuid,
    }
    s11_evidence = s11_services.evidence_add(
        actor=SETUP, section11_return=s11.ret, file=SimpleUploadedFile("policy.pdf", pdf_bytes())
    )
    v["assurance:evidence_download"] = {"ret": s11.ret.uuid, "item": s11_evidence.uuid}
    v["assurance:evidence_remove"] = {"ret": s11.ret.uuid, "item": s11_evidence.uuid}
    v["assurance:judgement_edit"] = {"uuid": asr.inspection.uuid, "item": asr.judgement.uuid}
    v["assurance:finding_edit"] = {"uuid": asr.inspection.uuid, "item": asr.finding.uuid}
    assurance_request = assurance_services.request_save(
        actor=SETUP,
        partnership=asr.partnership,
        agency=asr.agency,
        subject="Return home interviews",
        asked="Report on timeliness",
        group=asr.group,
        due_date=timezone.localdate() + timedelta(days=30),
    )
    assurance_services.report_receive(
        actor=SETUP,
        request=assurance_request,
        file=SimpleUploadedFile("report.pdf", pdf_bytes()),
        original_name="report.pdf",
    )
    for name in (
        "request_detail",
        "request_edit",
        "request_report",
        "request_report_download",
        "request_judgement",
        "request_withdraw",
    ):
        v[f"assurance:{name}"] = {"uuid": assurance_request.uuid}
    # A published effectiveness review in the assurance partnership, with one principle.
    principle = Principle.objects.create(partnership=asr.partnership, title="Partnership", order=1)
    review = effectiveness_services.review_save(
        actor=SETUP,
        partnership=asr.partnership,
        title="Matrix effectiveness review",
        period_start=date(2023, 4, 1),
        period_end=date(2024, 3, 31),
    )
    finding = effectiveness_services.finding_save(actor=SETUP, review=review, kind="recommendation", text="x")
    effectiveness_services.response_save(
        actor=SETUP, finding=finding, response="not_accepted", response_text="x"
    )
    effectiveness_services.review_publish(actor=SETUP, review=review)
    world.slugs["effectiveness"] = asr.partnership.slug
    v["effectiveness:*"] = {"uuid": review.uuid, "item": finding.uuid, "principle": principle.uuid}
    v["case_audits:*"] = case_audit_values(asr)
    # An engagement activity with a published "you said, we did" entry, in the assurance partnership.
    activity = voice_services.activity_save(
        actor=SETUP,
        partnership=asr.partnership,
        title="Matrix activity",
        held_on=date(2024, 1, 16),
        kind="youth_council",
        what_they_said="x",
        counts={"aged_11_to_15": 3},
    )
    entry = voice_services.entry_save(actor=SETUP, activity=activity, you_said="x", we_did="y", status="done")
    voice_services.entry_publish(actor=SETUP, entry=entry)
    world.slugs["voice"] = asr.partnership.slug
    v["voice:*"] = {"uuid": activity.uuid, "item": entry.uuid}
    world.slugs["escalations"] = asr.partnership.slug
    v["escalations:*"] = {"uuid": escalation_uuid(asr)}
    world.slugs["restraint"] = asr.partnership.slug
    v.update(restraint_values(asr, users))
    world.slugs["case_discussions"] = asr.partnership.slug
    v["case_discussions:*"] = case_discussion_values(asr)
    world.slugs["scrutiny"] = asr.partnership.slug
    v.update(scrutiny_values(asr.partnership))
    world.slugs["training"] = asr.partnership.slug
    v.update(training_needs_values(asr))
    v.update(training_after_values(world, users))
    v.update(training_calendar_values(asr.partnership))
    v["api"] = {
        "actions": (acts.partnership.slug, {"uuid": open_action.uuid}),
        "meetings": (gov.partnership.slug, {"uuid": meeting.uuid}),
        "returns": (ind.partnership.slug, {"job_id": 999999}),
        "indicators": (ind.partnership.slug, {}),
        "data-calls": (ind.partnership.slug, {"call_id": ind.call.uuid, "agency_id": ind.police.uuid}),
        "inspections": (asr.partnership.slug, {}),
        "assurance-requests": (asr.partnership.slug, {}),
        "section11-cycles": (asr.partnership.slug, {}),
        "effectiveness-reviews": (asr.partnership.slug, {}),
        "scrutiny": (asr.partnership.slug, {}),
        "audits": (asr.partnership.slug, {}),
        "engagement-activities": (asr.partnership.slug, {}),
        "escalations": (asr.partnership.slug, {}),
        "restraint": (asr.partnership.slug, {}),
        "case-discussions": (asr.partnership.slug, {}),
        "*": (gov.partnership.slug, {}),
    }
    # Bodies of the API's writes (anything else is sent {"text": "Checked"}), valid for the role
    # that may make them, so that the answer is about permission.
    v["api_bodies"] = {
        "POST /api/v1/partnerships/{slug}/actions": {
            "title": "Checked",
            "owner": str(acts.owner.uuid),
            "due_date": str(timezone.localdate() + timedelta(days=30)),
            "source": "escalation",
        },
        "PATCH /api/v1/partnerships/{slug}/actions/{uuid}": {"title": "Checked", "reason": "Checked"},
    }
    v.update(training_booking_values(world))
    return world


def training_booking_values(world: MatrixWorld) -> dict[str, Any]:
    """A coming session of a published course, in the partnership the training pages use."""
    from masa.partnership.models import Partnership
    from tests.training.world import add_course, add_session

    partnership = Partnership.objects.get(slug=world.slugs.get("training", world.slugs["structure"]))
    course = add_course(partnership, "matrix-booking", title="Matrix booking course")
    session = add_session(course, timezone.now() + timedelta(days=30), 5)
    return {f"training:{name}": {"uuid": session.uuid} for name in ("session", "session_book", "staff_book")}


def restraint_values(asr, users: dict[str, User | None]) -> dict[str, Any]:
    """A young offender institution overseen by a group the chair role chairs and the member role
    sits on (the other roles sit on none), with a quarter's figures and a yearly review."""
    from masa.partnership.models import Person
    from masa.restraint import services as restraint_services

    p = asr.partnership
    group = GroupFactory(
        partnership=p, name="Matrix YOI Group", chair=Person.objects.get(partnership=p, user=users["chair"])
    )
    GroupMemberFactory(group=group, person=Person.objects.get(partnership=p, user=users["member"]))
    establishment = restraint_services.establishment_save(
        actor=SETUP, partnership=p, name="Matrix YOI", group=group
    )
    quarter = restraint_services.quarter_save(
        actor=SETUP,
        establishment=establishment,
        year=2023,
        quarter=1,
        incidents=0,
        injuries=0,
        children=0,
        type_counts={},
        by_age={},
        by_ethnicity={},
    )
    review = restraint_services.review_save(actor=SETUP, establishment=establishment, year=2023, summary="x")
    values: dict[str, Any] = {"restraint:*": {"uuid": establishment.uuid, "item": quarter.uuid}}
    for name in ("review_detail", "review_edit", "review_export"):
        values[f"restraint:{name}"] = {"uuid": establishment.uuid, "item": review.uuid}
    return values


def training_needs_values(asr) -> dict[str, Any]:
    """An open training needs analysis in the assurance partnership; the answer pages name the
    agency the matrix's agency lead leads."""
    from masa.training.services.needs import TopicInput, analysis_save

    today = timezone.localdate()
    analysis = analysis_save(
        actor=SETUP,
        partnership=asr.partnership,
        title="Matrix needs analysis",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=20),
        topics=[TopicInput("Neglect")],
    )
    names = (
        "needs_detail",
        "needs_edit",
        "needs_close",
        "needs_answer",
        "needs_results",
        "needs_results_xlsx",
    )
    return {f"training:{name}": {"uuid": analysis.uuid, "agency": asr.agency.uuid} for name in names}


def training_after_values(world: MatrixWorld, users: dict[str, User | None]) -> dict[str, Any]:
    """A course with a past session the practitioner attended (docs/domain.md, "21.5
    Certificates, evaluation and impact"), in the partnership of the training pages."""
    from decimal import Decimal

    from masa.partnership.models import Partnership
    from masa.training.models import Attendance, Booking, BookingStatus
    from tests.factories import PartnershipAgencyFactory
    from tests.training.world import add_course, add_session

    p = Partnership.objects.get(slug=world.slugs.get("training", world.slugs["structure"]))
    course = add_course(p, "matrix-neglect", title="Matrix neglect course", cpd_hours=Decimal("2.0"))
    starts = timezone.now() - timedelta(days=3)
    session = add_session(course, starts, 5)
    booking = Booking.objects.create(
        partnership=p,
        session=session,
        person=users[str(Role.PRACTITIONER)],
        agency=PartnershipAgencyFactory(partnership=p).agency,
        status=BookingStatus.BOOKED,
        requested_at=starts - timedelta(days=10),
        attendance=Attendance.ATTENDED,
        attendance_at=session.ends_at,
    )
    values: dict[str, Any] = {
        f"training:{name}": {"uuid": booking.uuid} for name in ("certificate_download", "evaluation")
    }
    values["training:course_impact"] = {"course_slug": course.slug}
    return values


def training_calendar_values(partnership) -> dict[str, Any]:
    """A published course with a coming session, in the partnership the training pages default to
    (docs/domain.md, "21.2 Courses, sessions and the public calendar")."""
    from masa.training.services import courses as course_services

    course = course_services.course_save(
        actor=SETUP,
        partnership=partnership,
        title="Matrix course",
        summary="x",
        level="foundation",
        audience="Everyone",
        learning_outcomes="x",
        cpd_hours=Decimal("1.0"),
        trainer="x",
    )
    course_services.course_publish(actor=SETUP, course=course, published=True)
    starts = timezone.now() + timedelta(days=30)
    session = course_services.session_save(
        actor=SETUP,
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="x",
        capacity=5,
    )
    values: dict[str, Any] = {"training:course": {"course_slug": course.slug}}
    for name in ("course_detail", "course_edit", "course_publish", "session_add"):
        values[f"training:{name}"] = {"uuid": course.uuid}
    for name in ("session_edit", "session_cancel"):
        values[f"training:{name}"] = {"uuid": course.uuid, "session_uuid": session.uuid}
    return values


def case_audit_values(asr) -> dict[str, Any]:
    """A multi-agency audit in moderation, in which the matrix users' agency took part."""
    today = timezone.localdate()
    tool = audit_services.tool_create(actor=SETUP, partnership=asr.partnership, name="Matrix audit tool")
    audit = audit_services.audit_open(
        actor=SETUP,
        partnership=asr.partnership,
        tool=tool,
        topic="Matrix neglect audit",
        agencies=[asr.agency],
        opened_on=today - timedelta(days=20),
        agency_deadline=today - timedelta(days=5),
    )
    case = audit_services.case_add(actor=SETUP, audit=audit, reference="Child M")
    audit_services.audit_start(actor=SETUP, audit=audit)
    part = case.returns.get()
    grades = {q.pk: {"grade": 2, "comment": ""} for q in tool.questions.all()}
    audit_services.return_save(actor=SETUP, agency_return=part, answers=grades, submit=True)
    audit_services.audit_to_moderation(actor=SETUP, audit=audit)
    finding = audit_services.finding_add(actor=SETUP, audit=audit, kind="learning", text="Think family")
    return {
        "uuid": audit.uuid,
        "tool": tool.uuid,
        "question": tool.questions.first().uuid,
        "grade": tool.grades.first().uuid,
        "part": part.uuid,
        "case": case.uuid,
        "finding": finding.uuid,
    }


def escalation_uuid(asr) -> uuid.UUID:
    """A professional escalation raised by no matrix user, from another agency to the matrix
    users' agency: its agency lead sees it, as do the business team and (anonymised) the scrutineer."""
    from tests.factories import PartnershipAgencyFactory

    raising = PartnershipAgencyFactory(partnership=asr.partnership).agency
    escalation = escalation_services.escalation_raise(
        actor=SETUP,
        partnership=asr.partnership,
        raised_on=date(2023, 6, 1),
        raised_by_agency=raising,
        raised_by_role="Social worker",
        agencies=[asr.agency],
        concern="Matrix disagreement",
        child_reference="Child M",
    )
    return escalation.uuid


def case_discussion_values(asr) -> dict[str, Any]:
    """A local case discussion of the group every matrix user sits on, its learning not shared."""
    discussion = discussion_services.discussion_record(
        actor=SETUP,
        partnership=asr.partnership,
        reference="Child M",
        group=asr.group,
        discussed_on=timezone.localdate() - timedelta(days=10),
        referring_agency=asr.agency,
        decision="single_agency_learning",
        learning="Think family",
    )
    return {"uuid": discussion.uuid}


# The URL patterns -----------------------------------------------------------------------------


def walk(patterns, prefix: str = "", namespace: str = ""):
    """(route, "namespace:name", parameter names) for every URL pattern."""
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}".strip(":") if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            params = list(getattr(p.pattern, "converters", {}) or p.pattern.regex.groupindex)
            name = f"{namespace}:{p.name}".strip(":")
            yield prefix + str(p.pattern), name, params


def page_patterns() -> list[tuple[str, str, list[str]]]:
    """Every URL pattern outside the API (the API is checked operation by operation)."""
    return [row for row in walk(get_resolver().url_patterns) if not row[0].startswith("api/v1/")]


def scrutiny_values(partnership) -> dict[str, dict[str, Any]]:
    """A scrutiny plan with an activity and a finding, a draft comment and a statement of assurance."""
    plan = scrutiny_services.plan_save(actor=SETUP, partnership=partnership, year=2024)
    activity = scrutiny_services.activity_save(
        actor=SETUP, plan=plan, kind="observation", title="x", planned_on=date(2024, 6, 1)
    )
    finding = scrutiny_services.finding_save(actor=SETUP, activity=activity, text="x")
    comment = scrutiny_services.comment_save(actor=SETUP, partnership=partnership, year=2024, text="x")
    statement = scrutiny_services.statement_save(actor=SETUP, partnership=partnership, year=2023, text="x")
    values: dict[str, dict[str, Any]] = {"scrutiny:*": {"uuid": plan.uuid, "item": activity.uuid}}
    for name in ("finding_edit", "response_save"):
        values[f"scrutiny:{name}"] = {"uuid": finding.uuid}
    values["scrutiny:comment_edit"] = {"uuid": comment.uuid}
    for name in ("statement_detail", "statement_edit", "statement_sign_off", "statement_export"):
        values[f"scrutiny:{name}"] = {"uuid": statement.uuid}
    return values


def page_url(world: MatrixWorld, name: str, params: list[str]) -> str:
    app = name.split(":")[0]
    values = {**world.values.get(f"{app}:*", {}), **world.values.get(name, {})}
    kwargs: dict[str, Any] = {}
    for param in params:
        if param == "slug":
            kwargs[param] = world.slugs.get(app, world.slugs["structure"])
        elif param == "kind":
            kwargs[param] = "values"
        elif param in values:
            kwargs[param] = values[param]
        elif param in ("token", "key", "uidb36", "briefing_slug", "theme"):
            kwargs[param] = "no-such-token"
        else:
            kwargs[param] = NO_RECORD
    return reverse(name, kwargs=kwargs)


def api_operations() -> list[tuple[str, str]]:
    from masa.api.api import api

    return [
        (method.upper(), path) for path, view in api.get_openapi_schema()["paths"].items() for method in view
    ]


def api_url(world: MatrixWorld, path: str) -> str:
    parts = path.split("/")
    topic = parts[5] if len(parts) > 5 else parts[3] if len(parts) > 3 else "*"
    slug, values = world.values["api"].get(topic, world.values["api"]["*"])
    values = {"slug": slug, "rule": "rapid_review", **values}
    for key, value in values.items():
        path = path.replace("{" + key + "}", str(value))
    return path + QUERIES.get(topic, "")


# Query parameters an operation requires, so the answer is about permission, not validation.
QUERIES = {
    "clocks": "?start=2024-03-01",
    "indicators": "?year=2023-24",
    "escalations": "?year=2023-24",
    "training": "?year=2023-24",
}
