"""Changes to multi-agency audits (docs/domain.md, "14. Multi-agency audits").

Each service is atomic and saves nothing when it refuses; refusals are ValidationErrors in plain
English keyed by the form field they are about; django-auditlog records each change under the
service's actor.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import ActionSource
from masa.actions.services import action_create
from masa.case_audits.default_tool import DEFAULT_GRADES, DEFAULT_QUESTIONS
from masa.case_audits.models import (
    AgeBand,
    AgencyReturn,
    Audit,
    AuditCase,
    AuditFinding,
    AuditGrade,
    AuditQuestion,
    AuditStatus,
    AuditTool,
    FindingKind,
    ModeratedGrade,
    ReturnAnswer,
    ReturnStatus,
)
from masa.core import bounds
from masa.core.actors import Actor, attributed, user_or_none
from masa.incidents.selectors import reference_problem_for
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person

TOOL_NAME_NEEDED = "Enter the name of the audit tool"
TOOL_IN_USE = "This tool is used by an audit, so its questions and grades can no longer change"
QUESTION_NEEDED = "Enter the question"
GRADE_LABEL_NEEDED = "Enter the name of grade {value}"
GRADE_DESCRIPTOR_NEEDED = "Enter what grade {value} looks like"
TOOL_NEEDED = "Select the audit tool"
TOOL_EMPTY = "The audit tool has no questions yet: add some before opening an audit"
TOPIC_NEEDED = "Enter the topic of the audit"
AGENCIES_NEEDED = "Select the agencies taking part"
AGENCY_FOREIGN = "Select agencies of this partnership"
GROUP_FOREIGN = "Select a group of this partnership"
OPENED_NEEDED = "Enter the date the audit opens"
DEADLINE_NEEDED = "Enter the deadline for agencies"
DEADLINE_BEFORE_OPEN = "The deadline for agencies must be on or after the date the audit opens"
MODERATION_BEFORE_OPEN = "The date of the moderation meeting must be on or after the date the audit opens"
NOT_PLANNING = "The sample can only change while the audit is being planned"
REFERENCE_NEEDED = "Enter the case reference"
REFERENCE_TAKEN = "This audit already has a case with that reference"
CASES_NEEDED = "Add at least one case to the sample before starting the audit"
NOT_COMPLETING = "Agencies' parts can only be completed while the audit is with the agencies or in moderation"
RETURN_SUBMITTED = "This part was submitted, so it cannot be changed unless the business team reopens it"
GRADE_NEEDED = "Select a grade for question {number}"
GRADE_RANGE = "Select a grade from the tool's scale ({scale}) for question {number}"
COMMENT_LONG = "The comment on question {number} must be {limit:,} characters or fewer"
REOPEN_REASON_NEEDED = "Enter why the part is being reopened"
REOPEN_NOT_SUBMITTED = "Only a submitted part can be reopened"
REOPEN_COMPLETE = "The audit is complete, so its parts can no longer be reopened"
NO_RETURNS = "No agency has submitted its part yet, so there is nothing to moderate"
NOT_MODERATION = "Grades and findings are agreed at the moderation stage"
MODERATION_DATE_NEEDED = "Enter the date of the moderation meeting"
MODERATION_DATE_FUTURE = "The date of the moderation meeting must be today or in the past"
RATIONALE_LONG = "The rationale for question {number} must be {limit:,} characters or fewer"
FINDING_KIND_NEEDED = "Select the kind of finding"
FINDING_TEXT_NEEDED = "Enter the finding"
FINDING_OWNER_NEEDED = "Select who owns the action for this area for development"
OWNER_FOR_DUE = "Select who owns the action, or leave the due date empty"
OWNER_FOREIGN = "Select a person of this partnership"
DUE_NEEDED = "Enter the date the action is due"
DUE_PAST = "The date the action is due must be today or in the future"
UNMODERATED = "Agree a grade for every question of every case before completing: {count} still to agree"
FINDINGS_NEEDED = "Record at least one finding before completing the audit"
SUMMARY_NEEDED = "Enter the summary for practitioners"
NOT_MODERATION_TO_COMPLETE = "Only an audit in moderation can be completed"
NOT_COMPLETING_TO_MODERATE = "Only an audit with the agencies can move to moderation"


def _tool_editable(tool: AuditTool) -> None:
    if tool.audits.exists():
        raise ValidationError({"__all__": TOOL_IN_USE})


def _clean_text(errors: dict[str, str], field: str, text: str, needed: str, label: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        errors[field] = needed
    elif len(text) > limit:
        errors[field] = bounds.length_message(label, limit)
    return text


# Tools ------------------------------------------------------------------------------------------


@attributed
@transaction.atomic
def tool_create(*, actor: Actor, partnership: Partnership, name: str, description: str = "") -> AuditTool:
    """A new tool holding masa's default four grades and questions, for the partnership to change."""
    errors: dict[str, str] = {}
    name = _clean_text(errors, "name", name, TOOL_NAME_NEEDED, "name", 200)
    description = (description or "").strip()
    if len(description) > bounds.SUMMARY_LENGTH:
        errors["description"] = bounds.length_message("description", bounds.SUMMARY_LENGTH)
    if errors:
        raise ValidationError(errors)
    tool = AuditTool.objects.create(partnership=partnership, name=name, description=description)
    AuditGrade.objects.bulk_create(
        AuditGrade(partnership=partnership, tool=tool, value=value, label=label, descriptor=descriptor)
        for value, (label, descriptor) in enumerate(DEFAULT_GRADES, start=1)
    )
    AuditQuestion.objects.bulk_create(
        AuditQuestion(partnership=partnership, tool=tool, number=number, text=text, guidance=guidance)
        for number, (text, guidance) in enumerate(DEFAULT_QUESTIONS, start=1)
    )
    return tool


@attributed
@transaction.atomic
def question_save(
    *, actor: Actor, tool: AuditTool, text: str, guidance: str = "", question: AuditQuestion | None = None
) -> AuditQuestion:
    """Add a question at the end of a tool, or change one, while no audit uses the tool."""
    _tool_editable(tool)
    errors: dict[str, str] = {}
    text = _clean_text(errors, "text", text, QUESTION_NEEDED, "question", 500)
    guidance = (guidance or "").strip()
    if len(guidance) > bounds.SUMMARY_LENGTH:
        errors["guidance"] = bounds.length_message("guidance", bounds.SUMMARY_LENGTH)
    if errors:
        raise ValidationError(errors)
    if question is None:
        AuditTool.objects.select_for_update().filter(pk=tool.pk).first()
        number = (tool.questions.aggregate(n=Max("number"))["n"] or 0) + 1
        question = AuditQuestion(partnership_id=tool.partnership_id, tool=tool, number=number)
    elif question.tool_id != tool.pk:
        raise ValidationError("The question belongs to another tool")
    question.text, question.guidance = text, guidance
    question.save()
    return question


@attributed
@transaction.atomic
def grade_save(*, actor: Actor, grade: AuditGrade, label: str, descriptor: str) -> AuditGrade:
    """Rename a grade of the scale or change what it looks like, while no audit uses the tool."""
    _tool_editable(grade.tool)
    errors: dict[str, str] = {}
    label = _clean_text(errors, "label", label, GRADE_LABEL_NEEDED.format(value=grade.value), "name", 100)
    descriptor = _clean_text(
        errors,
        "descriptor",
        descriptor,
        GRADE_DESCRIPTOR_NEEDED.format(value=grade.value),
        "description",
        bounds.SUMMARY_LENGTH,
    )
    if errors:
        raise ValidationError(errors)
    grade.label, grade.descriptor = label, descriptor
    grade.save()
    return grade


# Audits and their sample ------------------------------------------------------------------------


@attributed
@transaction.atomic
def audit_open(
    *,
    actor: Actor,
    partnership: Partnership,
    tool: AuditTool | None,
    topic: str,
    agencies: list[Agency],
    opened_on: date | None,
    agency_deadline: date | None,
    theme: str = "",
    group: Group | None = None,
    moderation_on: date | None = None,
) -> Audit:
    """A new audit being planned: its sample of cases is added next, then it starts."""
    errors: dict[str, str] = {}
    if tool is None or tool.partnership_id != partnership.pk:
        errors["tool"] = TOOL_NEEDED
    elif not tool.questions.exists():
        errors["tool"] = TOOL_EMPTY
    topic = _clean_text(errors, "topic", topic, TOPIC_NEEDED, "topic", 200)
    theme = (theme or "").strip()
    if len(theme) > 200:
        errors["theme"] = bounds.length_message("theme", 200)
    if group is not None and group.partnership_id != partnership.pk:
        errors["group"] = GROUP_FOREIGN
    if not agencies:
        errors["agencies"] = AGENCIES_NEEDED
    else:
        ids = {a.pk for a in agencies}
        known = set(
            PartnershipAgency.objects.filter(partnership=partnership, agency_id__in=ids).values_list(
                "agency_id", flat=True
            )
        )
        if ids - known:
            errors["agencies"] = AGENCY_FOREIGN
    if opened_on is None:
        errors["opened_on"] = OPENED_NEEDED
    if agency_deadline is None:
        errors["agency_deadline"] = DEADLINE_NEEDED
    elif opened_on is not None and agency_deadline < opened_on:
        errors["agency_deadline"] = DEADLINE_BEFORE_OPEN
    if moderation_on is not None and opened_on is not None and moderation_on < opened_on:
        errors["moderation_on"] = MODERATION_BEFORE_OPEN
    if errors:
        raise ValidationError(errors)
    assert tool is not None and opened_on is not None and agency_deadline is not None
    audit = Audit.objects.create(
        partnership=partnership,
        tool=tool,
        topic=topic,
        theme=theme,
        group=group,
        opened_on=opened_on,
        agency_deadline=agency_deadline,
        moderation_on=moderation_on,
    )
    audit.agencies.set(agencies)
    return audit


@attributed
@transaction.atomic
def case_add(*, actor: Actor, audit: Audit, reference: str, age_band: str = "") -> AuditCase:
    """Add a case to the sample of an audit being planned, by its pseudonymised reference."""
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != AuditStatus.PLANNING:
        raise ValidationError({"__all__": NOT_PLANNING})
    errors: dict[str, str] = {}
    reference = " ".join((reference or "").split())
    if not reference:
        errors["reference"] = REFERENCE_NEEDED
    elif len(reference) > 100:
        errors["reference"] = bounds.length_message("case reference", 100)
    elif problem := reference_problem_for(audit.partnership, reference):
        errors["reference"] = problem
    elif audit.cases.filter(reference__iexact=reference).exists():
        errors["reference"] = REFERENCE_TAKEN
    if age_band and age_band not in AgeBand.values:
        errors["age_band"] = "Select an age band from the list"
    if errors:
        raise ValidationError(errors)
    return AuditCase.objects.create(
        partnership_id=audit.partnership_id, audit=audit, reference=reference, age_band=age_band
    )


@attributed
@transaction.atomic
def case_remove(*, actor: Actor, case: AuditCase) -> None:
    audit = Audit.objects.select_for_update().get(pk=case.audit_id)
    if audit.status != AuditStatus.PLANNING:
        raise ValidationError({"__all__": NOT_PLANNING})
    case.delete()


@attributed
@transaction.atomic
def audit_start(*, actor: Actor, audit: Audit) -> Audit:
    """Send the audit to the agencies: each agency gets a part to complete for each case."""
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != AuditStatus.PLANNING:
        raise ValidationError({"__all__": "Only an audit being planned can be started"})
    cases = list(audit.cases.all())
    if not cases:
        raise ValidationError({"__all__": CASES_NEEDED})
    agencies = list(audit.agencies.order_by("name"))
    AgencyReturn.objects.bulk_create(
        AgencyReturn(partnership_id=audit.partnership_id, case=case, agency=agency)
        for case in cases
        for agency in agencies
    )
    audit.status = AuditStatus.AGENCIES_COMPLETING
    audit.save(update_fields=["status", "updated_at"])
    return audit


# Agencies' parts --------------------------------------------------------------------------------


def _scale(audit: Audit) -> list[int]:
    return list(audit.tool.grades.values_list("value", flat=True))


def _scale_text(scale: list[int]) -> str:
    return f"{min(scale)} to {max(scale)}" if scale else "none"


@attributed
@transaction.atomic
def return_save(
    *,
    actor: Actor,
    agency_return: AgencyReturn,
    answers: dict[int, dict[str, Any]],
    submit: bool = False,
    today: date | None = None,
) -> AgencyReturn:
    """Save an agency's grades and comments for a case as a draft, or submit them.

    `answers` maps each question's id to {"grade": a value of the tool's scale or None,
    "comment": str}. Submitting needs every question graded; a part submitted after the
    agencies' deadline is accepted and marked late. A submitted part is read-only until the
    business team reopens it.
    """
    today = today or timezone.localdate()
    ret = (
        AgencyReturn.objects.select_for_update().select_related("case__audit__tool").get(pk=agency_return.pk)
    )
    audit = ret.case.audit
    if ret.status == ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    if audit.status not in (AuditStatus.AGENCIES_COMPLETING, AuditStatus.MODERATION):
        raise ValidationError({"__all__": NOT_COMPLETING})
    scale = _scale(audit)
    questions = list(audit.tool.questions.order_by("number", "pk"))
    errors: dict[str, str] = {}
    for question in questions:
        answer = answers.get(question.pk, {})
        grade = answer.get("grade")
        if grade in (None, ""):
            if submit:
                errors[f"grade_{question.pk}"] = GRADE_NEEDED.format(number=question.number)
        elif grade not in scale:
            errors[f"grade_{question.pk}"] = GRADE_RANGE.format(
                scale=_scale_text(scale), number=question.number
            )
        if len(answer.get("comment") or "") > bounds.SUMMARY_LENGTH:
            errors[f"comment_{question.pk}"] = COMMENT_LONG.format(
                number=question.number, limit=bounds.SUMMARY_LENGTH
            )
    if errors:
        raise ValidationError(errors)
    existing = {a.question_id: a for a in ret.answers.all()}
    for question in questions:
        answer = answers.get(question.pk, {})
        grade = answer.get("grade") or None
        comment = (answer.get("comment") or "").strip()
        row = existing.get(question.pk)
        if row is None:
            ReturnAnswer.objects.create(
                partnership_id=ret.partnership_id,
                agency_return=ret,
                question=question,
                grade=grade,
                comment=comment,
            )
        elif (row.grade, row.comment) != (grade, comment):
            row.grade, row.comment = grade, comment
            row.save(update_fields=["grade", "comment", "updated_at"])
    if submit:
        ret.status = ReturnStatus.SUBMITTED
        ret.submitted_on = today
        ret.submitted_by = user_or_none(actor)
        ret.is_late = today > audit.agency_deadline
        ret.save(update_fields=["status", "submitted_on", "submitted_by", "is_late", "updated_at"])
    else:
        ret.save(update_fields=["updated_at"])
    return ret


@attributed
@transaction.atomic
def return_reopen(*, actor: Actor, agency_return: AgencyReturn, reason: str) -> AgencyReturn:
    """The business team reopens a submitted part for the agency to change; the reason is kept in
    the audit log with the change, and the earlier answers stay in its history."""
    errors: dict[str, str] = {}
    reason = _clean_text(errors, "reason", reason, REOPEN_REASON_NEEDED, "reason", bounds.REASON_LENGTH)
    if errors:
        raise ValidationError(errors)
    ret = AgencyReturn.objects.select_for_update().select_related("case__audit").get(pk=agency_return.pk)
    if ret.case.audit.status == AuditStatus.COMPLETE:
        raise ValidationError({"__all__": REOPEN_COMPLETE})
    if ret.status != ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": REOPEN_NOT_SUBMITTED})
    ret.status = ReturnStatus.DRAFT
    ret.submitted_on = None
    ret.submitted_by = None
    ret.is_late = False
    ret.change_reason = reason
    ret.save(update_fields=["status", "submitted_on", "submitted_by", "is_late", "updated_at"])
    return ret


# Moderation, findings and completion -------------------------------------------------------------


@attributed
@transaction.atomic
def audit_to_moderation(*, actor: Actor, audit: Audit) -> Audit:
    """Close the agencies' stage: parts not yet in may still arrive, and are then marked late."""
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != AuditStatus.AGENCIES_COMPLETING:
        raise ValidationError({"__all__": NOT_COMPLETING_TO_MODERATE})
    if not AgencyReturn.objects.filter(case__audit=audit, status=ReturnStatus.SUBMITTED).exists():
        raise ValidationError({"__all__": NO_RETURNS})
    audit.status = AuditStatus.MODERATION
    audit.save(update_fields=["status", "updated_at"])
    return audit


@attributed
@transaction.atomic
def moderation_record(
    *,
    actor: Actor,
    case: AuditCase,
    moderation_on: date | None,
    grades: dict[int, dict[str, Any]],
    today: date | None = None,
) -> AuditCase:
    """Record the grades the moderation meeting agreed for one case, each with its rationale.

    `grades` maps each question's id to {"grade": a value of the tool's scale, "rationale": str};
    every question needs a grade.
    """
    today = today or timezone.localdate()
    audit = Audit.objects.select_for_update().select_related("tool").get(pk=case.audit_id)
    if audit.status != AuditStatus.MODERATION:
        raise ValidationError({"__all__": NOT_MODERATION})
    errors: dict[str, str] = {}
    if moderation_on is None:
        errors["moderation_on"] = MODERATION_DATE_NEEDED
    elif moderation_on > today:
        errors["moderation_on"] = MODERATION_DATE_FUTURE
    elif moderation_on < audit.opened_on:
        errors["moderation_on"] = MODERATION_BEFORE_OPEN
    scale = _scale(audit)
    questions = list(audit.tool.questions.order_by("number", "pk"))
    for question in questions:
        answer = grades.get(question.pk, {})
        grade = answer.get("grade")
        if grade in (None, ""):
            errors[f"grade_{question.pk}"] = GRADE_NEEDED.format(number=question.number)
        elif grade not in scale:
            errors[f"grade_{question.pk}"] = GRADE_RANGE.format(
                scale=_scale_text(scale), number=question.number
            )
        if len(answer.get("rationale") or "") > bounds.SUMMARY_LENGTH:
            errors[f"rationale_{question.pk}"] = RATIONALE_LONG.format(
                number=question.number, limit=bounds.SUMMARY_LENGTH
            )
    if errors:
        raise ValidationError(errors)
    existing = {m.question_id: m for m in case.moderated_grades.all()}
    for question in questions:
        answer = grades[question.pk]
        grade, rationale = answer["grade"], (answer.get("rationale") or "").strip()
        row = existing.get(question.pk)
        if row is None:
            ModeratedGrade.objects.create(
                partnership_id=case.partnership_id,
                case=case,
                question=question,
                grade=grade,
                rationale=rationale,
            )
        elif (row.grade, row.rationale) != (grade, rationale):
            row.grade, row.rationale = grade, rationale
            row.save(update_fields=["grade", "rationale", "updated_at"])
    if audit.moderation_on != moderation_on:
        audit.moderation_on = moderation_on
        audit.save(update_fields=["moderation_on", "updated_at"])
    return case


@attributed
@transaction.atomic
def finding_add(
    *,
    actor: Actor,
    audit: Audit,
    kind: str,
    text: str,
    owner: Person | None = None,
    due_date: date | None = None,
    today: date | None = None,
) -> AuditFinding:
    """A strength, area for development or learning the moderation meeting agreed.

    An area for development needs an owned action with a due date, which goes into the tracker
    (source "Audit finding"); a strength or learning may have one.
    """
    today = today or timezone.localdate()
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != AuditStatus.MODERATION:
        raise ValidationError({"__all__": NOT_MODERATION})
    errors: dict[str, str] = {}
    if kind not in FindingKind.values:
        errors["kind"] = FINDING_KIND_NEEDED
    text = _clean_text(errors, "text", text, FINDING_TEXT_NEEDED, "finding", bounds.SUMMARY_LENGTH)
    if owner is None:
        if kind == FindingKind.DEVELOPMENT:
            errors["owner"] = FINDING_OWNER_NEEDED
        elif due_date is not None:
            errors["owner"] = OWNER_FOR_DUE
    elif owner.partnership_id != audit.partnership_id:
        errors["owner"] = OWNER_FOREIGN
    if owner is not None or kind == FindingKind.DEVELOPMENT:
        if due_date is None:
            errors["due_date"] = DUE_NEEDED
        elif due_date < today:
            errors["due_date"] = DUE_PAST
    if errors:
        raise ValidationError(errors)
    finding = AuditFinding.objects.create(
        partnership_id=audit.partnership_id, audit=audit, kind=kind, text=text
    )
    if owner is not None:
        assert due_date is not None
        finding.action = action_create(
            actor=actor,
            partnership=audit.partnership,
            title=f"Audit finding: {text}"[:300],
            description=f"Multi-agency audit: {audit.topic}. {finding.get_kind_display()}.",
            owner=owner,
            due_date=due_date,
            source=ActionSource.AUDIT_FINDING,
            group=audit.group,
            today=today,
        )
        finding.save(update_fields=["action", "updated_at"])
    return finding


@attributed
@transaction.atomic
def finding_remove(*, actor: Actor, finding: AuditFinding) -> None:
    """Remove a finding agreed in error, while the audit is in moderation and it has no action."""
    audit = Audit.objects.select_for_update().get(pk=finding.audit_id)
    if audit.status != AuditStatus.MODERATION:
        raise ValidationError({"__all__": NOT_MODERATION})
    if finding.action_id:
        raise ValidationError(
            {"__all__": "The finding's action is in the tracker: withdraw it there instead"}
        )
    finding.delete()


@attributed
@transaction.atomic
def audit_complete(*, actor: Actor, audit: Audit, summary: str, today: date | None = None) -> Audit:
    """Complete and publish an audit: every case graded against every question, at least one
    finding, and a summary practitioners can read."""
    today = today or timezone.localdate()
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != AuditStatus.MODERATION:
        raise ValidationError({"__all__": NOT_MODERATION_TO_COMPLETE})
    errors: dict[str, str] = {}
    summary = _clean_text(errors, "summary", summary, SUMMARY_NEEDED, "summary", bounds.SUMMARY_LENGTH)
    expected = audit.cases.count() * audit.tool.questions.count()
    agreed = ModeratedGrade.objects.filter(case__audit=audit).count()
    if agreed < expected:
        errors["__all__"] = UNMODERATED.format(count=expected - agreed)
    elif not audit.findings.exists():
        errors["__all__"] = FINDINGS_NEEDED
    if errors:
        raise ValidationError(errors)
    audit.status = AuditStatus.COMPLETE
    audit.completed_on = today
    audit.summary = summary
    audit.save(update_fields=["status", "completed_on", "summary", "updated_at"])
    return audit
