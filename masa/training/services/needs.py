"""Changes to the training needs analysis (docs/domain.md, "21.1 The training needs analysis").

The training coordinator creates an analysis (its dates, an introduction and the topics, each
perhaps linked to one of the partnership's priorities), changes it until it is closed, and
closes it. Creating it emails each agency lead of the partnership a link. Each agency answers
once: how many of its staff need training on each topic at each level, and comments; the answer
can be saved as a draft and changed until it is sent or the analysis closes.

Each service is atomic and changes nothing when it refuses: refusals are ValidationErrors in
plain English, keyed by the form field they are about.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Membership, Role
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.partnership.models import Agency, Partnership, PartnershipAgency, Priority
from masa.training.models import Level, NeedsAnalysis, NeedsAnswer, NeedsResponse, NeedsTopic

TITLE_NEEDED = "Enter the title of the needs analysis"
CLOSES_BEFORE_OPENS = "The closing date must be after the opening date"
TOPIC_NEEDED = "Enter at least one topic"
TOPIC_TWICE = "Topic {number} has the same name as an earlier topic: give each topic its own name"
PRIORITY_WITHOUT_TOPIC = "Enter the name of topic {number}, or take away its priority"
PRIORITY_FOREIGN = "Select a priority of this partnership's plans"
ALREADY_CLOSED = "The needs analysis was closed on {day}: it can no longer be changed"
NOT_YET_OPEN = "The needs analysis opens on {day}: answers can be given from then"
PAST_CLOSING = "The needs analysis closed on {day}: answers can no longer be given or changed"
ALREADY_SENT = "Your agency's answer was sent on {day}: it can no longer be changed"
AGENCY_FOREIGN = "The agency is not one of this partnership's agencies"
STAFF_NEGATIVE = "The number of staff for {topic} at {level} level cannot be less than 0"


@dataclass(frozen=True)
class TopicInput:
    name: str
    priority: Priority | None = None


def staff_field(topic_id: int, level: str) -> str:
    """The form field (and error key) of a topic's number at a level."""
    return f"staff_{topic_id}_{level}"


def closed_reason(analysis: NeedsAnalysis, today: date) -> str | None:
    """Why answers to the analysis cannot be given or changed today, or None when they can."""
    if analysis.closed_at is not None:
        return ALREADY_CLOSED.format(day=long_date(timezone.localtime(analysis.closed_at).date()))
    if today > analysis.closes_on:
        return PAST_CLOSING.format(day=long_date(analysis.closes_on))
    if today < analysis.opens_on:
        return NOT_YET_OPEN.format(day=long_date(analysis.opens_on))
    return None


def response_locked_reason(
    response: NeedsResponse | None, analysis: NeedsAnalysis, today: date
) -> str | None:
    """Why this agency's answer is read-only today (sent, or the analysis is not open), or None."""
    if response is not None and response.submitted_at is not None:
        return ALREADY_SENT.format(day=long_date(timezone.localtime(response.submitted_at).date()))
    return closed_reason(analysis, today)


def _check_topics(partnership: Partnership, topics: Sequence[TopicInput]) -> dict[str, str]:
    errors: dict[str, str] = {}
    seen: set[str] = set()
    for number, topic in enumerate(topics, start=1):
        name = topic.name.strip()
        if not name:
            if topic.priority is not None:
                errors[f"topic_{number}"] = PRIORITY_WITHOUT_TOPIC.format(number=number)
            continue
        if name.casefold() in seen:
            errors[f"topic_{number}"] = TOPIC_TWICE.format(number=number)
        seen.add(name.casefold())
        if topic.priority is not None and topic.priority.partnership_id != partnership.pk:
            errors[f"topic_{number}_priority"] = PRIORITY_FOREIGN
    if not seen and not errors:
        errors["topic_1"] = TOPIC_NEEDED
    return errors


@attributed
@transaction.atomic
def analysis_save(
    *,
    actor: Actor,
    partnership: Partnership,
    title: str,
    opens_on: date,
    closes_on: date,
    topics: Sequence[TopicInput],
    introduction: str = "",
    analysis: NeedsAnalysis | None = None,
) -> NeedsAnalysis:
    """Create a needs analysis (and email the agency leads a link), or change one not yet closed.

    Topics are matched by name: a kept topic keeps the answers already given to it; a topic left
    out is removed with its answers."""
    title = title.strip()
    errors: dict[str, str] = {}
    if analysis is not None and analysis.closed_at is not None:
        raise ValidationError(
            ALREADY_CLOSED.format(day=long_date(timezone.localtime(analysis.closed_at).date()))
        )
    if not title:
        errors["title"] = TITLE_NEEDED
    if closes_on <= opens_on:
        errors["closes_on"] = CLOSES_BEFORE_OPENS
    errors |= _check_topics(partnership, topics)
    if errors:
        raise ValidationError(errors)
    creating = analysis is None
    analysis = analysis or NeedsAnalysis(partnership=partnership)
    analysis.title, analysis.opens_on, analysis.closes_on = title, opens_on, closes_on
    analysis.introduction = introduction.strip()
    analysis.save()
    _save_topics(analysis, [t for t in topics if t.name.strip()])
    if creating:
        _email_agency_leads(analysis)
    return analysis


def _save_topics(analysis: NeedsAnalysis, topics: Sequence[TopicInput]) -> None:
    existing = {t.name.casefold(): t for t in analysis.topics.all()}
    wanted = {t.name.strip().casefold() for t in topics}
    analysis.topics.exclude(pk__in=[t.pk for key, t in existing.items() if key in wanted]).delete()
    for order, topic in enumerate(topics, start=1):
        name, priority_id = topic.name.strip(), topic.priority.pk if topic.priority else None
        record = existing.get(name.casefold())
        if record is None:
            NeedsTopic.objects.create(
                partnership=analysis.partnership,
                analysis=analysis,
                name=name,
                priority=topic.priority,
                order=order,
            )
        elif (record.name, record.priority_id, record.order) != (name, priority_id, order):
            record.name, record.priority, record.order = name, topic.priority, order
            record.save()


def _email_agency_leads(analysis: NeedsAnalysis) -> None:
    """One message to each agency lead of the partnership, with a link to the analysis (a page
    behind sign-in, so the link is no secret)."""
    from masa.core.tasks import send_email

    emails = sorted(
        set(
            Membership.objects.filter(partnership=analysis.partnership, role=Role.AGENCY_LEAD, is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    link = settings.SITE_URL + reverse(
        "training:needs_detail", args=[analysis.partnership.slug, analysis.uuid]
    )
    subject = f"{analysis.partnership.name}: training needs analysis, {analysis.title}"
    body = (
        f"The partnership is asking each agency what safeguarding training its staff need.\n\n"
        f"{analysis.title} is open from {long_date(analysis.opens_on)} to {long_date(analysis.closes_on)}. "
        "Please answer for your agency: for each topic, how many of your staff need training "
        "at each level.\n\n"
        f"Answer here (sign in first): {link}\n"
    )
    for email in emails:
        transaction.on_commit(
            partial(
                send_email.enqueue,
                to=[email],
                subject=subject,
                body=body,
                category="training_needs_analysis",
                reference=str(analysis.uuid),
            )
        )


@attributed
@transaction.atomic
def analysis_close(*, actor: Actor, analysis: NeedsAnalysis) -> NeedsAnalysis:
    """Close the analysis: no more answers or changes (its results stay)."""
    analysis = NeedsAnalysis.objects.select_for_update().get(pk=analysis.pk)
    if analysis.closed_at is not None:
        raise ValidationError(
            ALREADY_CLOSED.format(day=long_date(timezone.localtime(analysis.closed_at).date()))
        )
    analysis.closed_at = timezone.now()
    analysis.save(update_fields=["closed_at", "updated_at"])
    return analysis


@attributed
@transaction.atomic
def response_save(
    *,
    actor: Actor,
    analysis: NeedsAnalysis,
    agency: Agency,
    staff: Mapping[tuple[int, str], int | None],
    comments: str = "",
    send: bool = False,
    today: date | None = None,
) -> NeedsResponse:
    """Save an agency's answer as a draft, or send it (`send`): then it can no longer change.

    `staff` maps (topic id, level) to the number of staff; a blank (None or missing) is 0."""
    today = today or timezone.localdate()
    if not PartnershipAgency.objects.filter(partnership=analysis.partnership, agency=agency).exists():
        raise ValidationError({"agency": AGENCY_FOREIGN})
    # One answer per agency: lock it so a draft and a send at once cannot both win.
    response = NeedsResponse.objects.select_for_update().filter(analysis=analysis, agency=agency).first()
    reason = response_locked_reason(response, analysis, today)
    if reason:
        raise ValidationError(reason)
    topics = list(analysis.topics.all())
    errors: dict[str, str] = {}
    counts: dict[tuple[NeedsTopic, str], int] = {}
    for topic in topics:
        for level in Level:
            value = staff.get((topic.pk, level.value))
            if value is not None and value < 0:
                errors[staff_field(topic.pk, level.value)] = STAFF_NEGATIVE.format(
                    topic=topic.name, level=level.label.split(" (")[0].lower()
                )
            counts[(topic, level.value)] = value or 0
    if errors:
        raise ValidationError(errors)
    if response is None:
        response = NeedsResponse(partnership=analysis.partnership, analysis=analysis, agency=agency)
    response.comments = comments.strip()
    if send:
        response.submitted_at, response.submitted_by = timezone.now(), user_or_none(actor)
    response.save()
    saved = {(a.topic_id, a.level): a for a in response.answers.all()}
    for (topic, level_key), number in counts.items():
        answer = saved.get((topic.pk, level_key))
        if answer is None:
            NeedsAnswer.objects.create(
                partnership=analysis.partnership,
                response=response,
                topic=topic,
                level=level_key,
                staff=number,
            )
        elif answer.staff != number:
            answer.staff = number
            answer.save(update_fields=["staff", "updated_at"])
    return response
