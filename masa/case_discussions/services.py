"""Changes to local case discussions (docs/domain.md, "Local case discussions").

Each service is atomic and saves nothing when it refuses; refusals are ValidationErrors in plain
English keyed by the form field they are about; django-auditlog records each change under the
service's actor. Who may call them is the views' and the API's question (masa/case_discussions/rules.py).
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.case_discussions.models import CaseDiscussion, Decision, DiscussionAction
from masa.core import bounds
from masa.core.actors import Actor, attributed
from masa.governance.models import Meeting
from masa.incidents.selectors import typed_reference_problem
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person
from masa.reviews.models import Theme

REFERENCE_NEEDED = "Enter the case reference"
REFERENCE_FORM = "The case reference must follow the partnership's pseudonymised form, such as {example}"
REFERENCE_TAKEN = "This case is already recorded as discussed on that date"
GROUP_NEEDED = "Select the group that discussed the case"
GROUP_FOREIGN = "Select a group of this partnership"
DATE_NEEDED = "Enter the date the case was discussed"
DATE_FUTURE = "The date the case was discussed must be today or in the past"
MEETING_FOREIGN = "Select a meeting of this partnership"
MEETING_OTHER_DAY = "The date the case was discussed must be the date of the meeting chosen ({day})"
AGENCY_NEEDED = "Select the agency that referred the case"
AGENCY_FOREIGN = "Select an agency of this partnership"
DECISION_NEEDED = "Select what the group decided"
THEME_FOREIGN = "Select themes of this partnership that are still in use"
LEARNING_TO_SHARE = "Enter the learning before sharing it with practitioners"
ACTION_TITLE_NEEDED = "Enter the action"
ACTION_OWNER_NEEDED = "Select who owns the action"
OWNER_FOREIGN = "Select a person of this partnership"
ACTION_DUE_NEEDED = "Enter the date the action is due"
ACTION_DUE_PAST = "The date the action is due must be today or in the future"


def _check(
    *,
    partnership: Partnership,
    today: date,
    discussion: CaseDiscussion | None,
    reference: str,
    group: Group | None,
    discussed_on: date | None,
    referring_agency: Agency | None,
    decision: str,
    meeting: Meeting | None = None,
    themes: Iterable[Theme] = (),
    learning: str = "",
    is_shareable: bool = False,
) -> tuple[dict[str, Any], list[Theme]]:
    """The answers of a discussion, tidied, and its themes; or every problem with them at once."""
    errors: dict[str, str] = {}
    reference = " ".join((reference or "").split())
    if not reference:
        errors["reference"] = REFERENCE_NEEDED
    elif len(reference) > 100:
        errors["reference"] = bounds.length_message("case reference", 100)
    elif problem := typed_reference_problem(partnership, reference, REFERENCE_FORM):
        errors["reference"] = problem
    if group is None:
        errors["group"] = GROUP_NEEDED
    elif group.partnership_id != partnership.pk:
        errors["group"] = GROUP_FOREIGN
    if meeting is not None and meeting.partnership_id != partnership.pk:
        errors["meeting"] = MEETING_FOREIGN
        meeting = None
    meeting_day = timezone.localtime(meeting.starts_at).date() if meeting is not None else None
    if discussed_on is None:
        discussed_on = meeting_day
    if discussed_on is None:
        errors["discussed_on"] = DATE_NEEDED
    elif discussed_on > today:
        errors["discussed_on"] = DATE_FUTURE
    elif meeting_day is not None and discussed_on != meeting_day:
        errors["discussed_on"] = MEETING_OTHER_DAY.format(day=f"{meeting_day:%-d %B %Y}")
    if referring_agency is None:
        errors["referring_agency"] = AGENCY_NEEDED
    elif not PartnershipAgency.objects.filter(partnership=partnership, agency=referring_agency).exists():
        errors["referring_agency"] = AGENCY_FOREIGN
    if decision not in Decision.values:
        errors["decision"] = DECISION_NEEDED
    themes = list(themes)
    if any(t.partnership_id != partnership.pk or not t.is_active for t in themes):
        errors["themes"] = THEME_FOREIGN
    learning = (learning or "").strip()
    if len(learning) > bounds.NARRATIVE_LENGTH:
        errors["learning"] = bounds.length_message("learning", bounds.NARRATIVE_LENGTH)
    elif is_shareable and not learning:
        errors["learning"] = LEARNING_TO_SHARE
    if discussed_on is not None and "reference" not in errors and "discussed_on" not in errors:
        same = CaseDiscussion.objects.filter(
            partnership=partnership, reference__iexact=reference, discussed_on=discussed_on
        )
        if discussion is not None:
            same = same.exclude(pk=discussion.pk)
        if same.exists():
            errors["reference"] = REFERENCE_TAKEN
    if errors:
        raise ValidationError(errors)
    fields = {
        "reference": reference,
        "group": group,
        "discussed_on": discussed_on,
        "meeting": meeting,
        "referring_agency": referring_agency,
        "decision": decision,
        "learning": learning,
        "is_shareable": bool(is_shareable),
    }
    return fields, themes


@attributed
@transaction.atomic
def discussion_record(
    *, actor: Actor, partnership: Partnership, today: date | None = None, **answers: Any
) -> CaseDiscussion:
    """A case the group discussed, known only by its pseudonymised reference. The answers are
    `_check`'s: reference, group, discussed_on, referring_agency, decision and, optionally,
    meeting, themes, learning and is_shareable. With a meeting and no date, the meeting's date
    is the date discussed."""
    fields, themes = _check(
        partnership=partnership, today=today or timezone.localdate(), discussion=None, **answers
    )
    discussion = CaseDiscussion.objects.create(partnership=partnership, **fields)
    discussion.themes.set(themes)
    return discussion


@attributed
@transaction.atomic
def discussion_update(
    *, actor: Actor, discussion: CaseDiscussion, today: date | None = None, **answers: Any
) -> CaseDiscussion:
    """Correct a discussion, with the same answers as `discussion_record`; the earlier answers
    stay in the audit log."""
    discussion = CaseDiscussion.objects.select_for_update().get(pk=discussion.pk)
    fields, themes = _check(
        partnership=discussion.partnership,
        today=today or timezone.localdate(),
        discussion=discussion,
        **answers,
    )
    for name, value in fields.items():
        setattr(discussion, name, value)
    discussion.save()
    discussion.themes.set(themes)
    return discussion


@attributed
@transaction.atomic
def action_add(
    *,
    actor: Actor,
    discussion: CaseDiscussion,
    title: str,
    owner: Person | None,
    due_date: date | None,
    group: Group | None = None,
    today: date | None = None,
) -> Action:
    """An action the group agreed, put in the tracker (source "Local case discussion") and
    overseen by the group that discussed the case unless another is named. The action never
    carries the case reference: the tracker is read far more widely than the discussion."""
    today = today or timezone.localdate()
    discussion = (
        CaseDiscussion.objects.select_for_update()
        .select_related("partnership", "group")
        .get(pk=discussion.pk)
    )
    errors: dict[str, str] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = ACTION_TITLE_NEEDED
    elif len(title) > 300:
        errors["title"] = bounds.length_message("action", 300)
    if owner is None:
        errors["owner"] = ACTION_OWNER_NEEDED
    elif owner.partnership_id != discussion.partnership_id:
        errors["owner"] = OWNER_FOREIGN
    if due_date is None:
        errors["due_date"] = ACTION_DUE_NEEDED
    elif due_date < today:
        errors["due_date"] = ACTION_DUE_PAST
    if group is not None and group.partnership_id != discussion.partnership_id:
        errors["group"] = GROUP_FOREIGN
    if errors:
        raise ValidationError(errors)
    assert owner is not None and due_date is not None
    action = action_create(
        actor=actor,
        partnership=discussion.partnership,
        title=title,
        description=(
            f"Agreed at the local case discussion of {discussion.discussed_on:%-d %B %Y} "
            f"({discussion.get_decision_display().lower()})."
        ),
        owner=owner,
        due_date=due_date,
        source=ActionSource.CASE_DISCUSSION,
        group=group or discussion.group,
        today=today,
    )
    DiscussionAction.objects.create(
        partnership_id=discussion.partnership_id, discussion=discussion, action=action
    )
    return action


ACTION_FOREIGN = "Select an action of this partnership"
ACTION_LINKED = "This action is already held by a local case discussion"
ACTION_OTHER_MEETING = "Select an action agreed at the meeting the case was discussed at"


@attributed
@transaction.atomic
def action_link(*, actor: Actor, discussion: CaseDiscussion, action: Action | None) -> DiscussionAction:
    """Hold an action already in the tracker that the meeting agreed on the case (an action on
    the agenda item where the group discussed it), rather than add the same action twice."""
    errors: dict[str, str] = {}
    if action is None or action.partnership_id != discussion.partnership_id or action.is_deleted:
        errors["action"] = ACTION_FOREIGN
    elif DiscussionAction.objects.filter(action=action).exists():
        errors["action"] = ACTION_LINKED
    elif (
        discussion.meeting_id is None
        or action.meeting_item is None
        or (action.meeting_item.meeting_id != discussion.meeting_id)
    ):
        errors["action"] = ACTION_OTHER_MEETING
    if errors:
        raise ValidationError(errors)
    assert action is not None
    return DiscussionAction.objects.create(
        partnership_id=discussion.partnership_id, discussion=discussion, action=action
    )
