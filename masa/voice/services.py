"""Changes to the voice of children and families. Each service is atomic and saves nothing when
it refuses; refusals are ValidationErrors in plain English keyed by the form field they are
about; django-auditlog records every change under the actor (docs/domain.md, "Voice of children
and families")."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.actions.models import Action
from masa.core.actors import Actor, attributed, user_or_none
from masa.partnership.models import Partnership
from masa.voice.models import AGE_BANDS, GROUPS, ActivityKind, EngagementActivity, EntryStatus, YouSaidWeDid
from masa.voice.rules_pure import counts_problems, identifying_text

TITLE_NEEDED = "Enter the title of the activity"
DATE_NEEDED = "Enter the date of the activity"
DATE_IN_FUTURE = "The date of the activity must be today or in the past"
KIND_NEEDED = "Select what kind of activity it was"
SAID_NEEDED = "Enter what children and families said"
NEGATIVE = "{label} must be 0 or more"
NOBODY = "Enter how many took part in at least one age band"
MORE_THAN_TOTAL = "{label} must not be more than the {total} who took part"
IDENTIFYING = (
    "{label} must not identify anyone: remove “{found}”. Record who took part as counts, never names"
)
YOU_SAID_NEEDED = "Enter what children or families said"
WE_DID_NEEDED = "Enter what the partnership did, or plans to do"
STATUS_NEEDED = "Select whether the change is planned or done"
ACTION_FOREIGN = "Select actions of this partnership's action tracker"
OTHER_PARTNERSHIP = "The activity belongs to another partnership"
ALREADY_PUBLISHED = "The entry is already published"
NOT_PUBLISHED = "The entry is not published, so there is nothing to withdraw"
REASON_NEEDED = "Enter why the entry is being taken off the public page"

_COUNT_LABELS = dict(AGE_BANDS + GROUPS)


def _check_text(errors: dict[str, str], field: str, label: str, text: str) -> None:
    found = identifying_text(text)
    if found and field not in errors:
        errors[field] = IDENTIFYING.format(label=label, found=found)


@attributed
@transaction.atomic
def activity_save(
    *,
    actor: Actor,
    partnership: Partnership,
    title: str,
    held_on: date | None,
    kind: str,
    what_they_said: str,
    forum: str = "",
    counts: dict[str, int | None] | None = None,
    today: date | None = None,
    activity: EngagementActivity | None = None,
) -> EngagementActivity:
    """Record an engagement activity, or change one (`activity`). `counts` maps the count fields
    (models.AGE_BANDS and models.GROUPS) to how many took part; a missing count is 0."""
    today = today or timezone.localdate()
    title, forum, what_they_said = title.strip(), forum.strip(), what_they_said.strip()
    given = {field: (counts or {}).get(field) or 0 for field in _COUNT_LABELS}
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = TITLE_NEEDED
    if held_on is None:
        errors["held_on"] = DATE_NEEDED
    elif held_on > today:
        errors["held_on"] = DATE_IN_FUTURE
    if kind not in ActivityKind.values:
        errors["kind"] = KIND_NEEDED
    if not what_they_said:
        errors["what_they_said"] = SAID_NEEDED
    ages = {f: given[f] for f, _ in AGE_BANDS}
    groups = {f: given[f] for f, _ in GROUPS}
    for field, problem in counts_problems(ages, groups).items():
        label = _COUNT_LABELS[field]
        errors[field] = {
            "NEGATIVE": NEGATIVE.format(label=label),
            "NOBODY": NOBODY,
            "MORE_THAN_TOTAL": MORE_THAN_TOTAL.format(label=label, total=sum(ages.values())),
        }[problem]
    _check_text(errors, "title", "The title", title)
    _check_text(errors, "forum", "The group or forum", forum)
    _check_text(errors, "what_they_said", "What they said", what_they_said)
    if errors:
        raise ValidationError(errors)
    if activity is None:
        activity = EngagementActivity(partnership=partnership, created_by=user_or_none(actor))
    elif activity.partnership_id != partnership.pk:
        raise ValidationError(OTHER_PARTNERSHIP)
    else:
        activity = EngagementActivity.objects.select_for_update().get(pk=activity.pk)
    activity.title, activity.held_on, activity.kind = title, held_on, kind  # type: ignore[assignment]
    activity.forum, activity.what_they_said = forum, what_they_said
    for field, value in given.items():
        setattr(activity, field, value)
    activity.full_clean()
    activity.save()
    return activity


@attributed
@transaction.atomic
def entry_save(
    *,
    actor: Actor,
    activity: EngagementActivity,
    you_said: str,
    we_did: str,
    status: str,
    actions: Iterable[Action] = (),
    entry: YouSaidWeDid | None = None,
) -> YouSaidWeDid:
    """Record what children or families said at `activity` and what the partnership did, with the
    existing tracker actions that carry it; or change an entry (a published one stays published)."""
    you_said, we_did = you_said.strip(), we_did.strip()
    actions = list(actions)
    errors: dict[str, str] = {}
    if not you_said:
        errors["you_said"] = YOU_SAID_NEEDED
    if not we_did:
        errors["we_did"] = WE_DID_NEEDED
    if status not in EntryStatus.values:
        errors["status"] = STATUS_NEEDED
    if any(a.partnership_id != activity.partnership_id or a.is_deleted for a in actions):
        errors["actions"] = ACTION_FOREIGN
    _check_text(errors, "you_said", "You said", you_said)
    _check_text(errors, "we_did", "We did", we_did)
    if errors:
        raise ValidationError(errors)
    if entry is None:
        entry = YouSaidWeDid(partnership_id=activity.partnership_id, activity=activity)
    elif entry.activity_id != activity.pk:
        raise ValidationError(OTHER_PARTNERSHIP)
    else:
        entry = YouSaidWeDid.objects.select_for_update().get(pk=entry.pk)
    entry.you_said, entry.we_did, entry.status = you_said, we_did, status
    entry.full_clean()
    entry.save()
    entry.actions.set(actions)
    return entry


@attributed
@transaction.atomic
def entry_publish(*, actor: Actor, entry: YouSaidWeDid) -> YouSaidWeDid:
    """Put the entry on the partnership's public "You said, we did" page."""
    entry = YouSaidWeDid.objects.select_for_update().get(pk=entry.pk)
    if entry.is_published:
        raise ValidationError(ALREADY_PUBLISHED)
    entry.is_published, entry.published_at, entry.published_by = True, timezone.now(), user_or_none(actor)
    entry.save()
    return entry


@attributed
@transaction.atomic
def entry_withdraw(*, actor: Actor, entry: YouSaidWeDid, reason: str) -> YouSaidWeDid:
    """Take the entry off the public page; the reason is kept in the audit log."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_NEEDED})
    entry = YouSaidWeDid.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_published:
        raise ValidationError(NOT_PUBLISHED)
    entry.is_published, entry.published_at, entry.published_by = False, None, None
    entry.change_reason = reason
    entry.save()
    return entry
