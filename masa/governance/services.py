"""Every write about meetings. Callers check permissions first; each write is atomic."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import hash_secret, new_secret
from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.clocks.calendar import add_months
from masa.core import bounds
from masa.core.actors import Actor, SystemActor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.tasks import send_email
from masa.core.uploads import UploadError, check_document
from masa.governance.conversion import CONVERTIBLE, ConversionError, convert_to_pdf
from masa.governance.ics import meeting_ics
from masa.governance.models import (
    FREQUENCY_MONTHS,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingGuest,
    MeetingSeries,
    MeetingStatus,
    MinutesRevision,
    MinutesStatus,
    Paper,
    PdfStatus,
    WorkplanItem,
)
from masa.governance.tasks import convert_paper
from masa.partnership.models import Group, Partnership, Person, Priority

PAPER_CONVERTER = SystemActor("masa: paper conversion")
GROUP_FOREIGN = "Choose a group from this partnership"
MINUTES_LOCKED = "These minutes have been approved and are locked"
MINUTES_CONFLICT = (
    "Someone else saved these minutes while you were editing: check their changes below, then save again"
)
ATTENDANCE_BEFORE_START = "Attendance can be recorded once the meeting has started, at {time} on {day}"
MINUTES_BEFORE_MEETING = "Minutes can be approved only for a meeting that has taken place"
APPROVE_AT_LATER_MEETING = "Minutes are approved at a later meeting of the same group"
OCCURRENCES_RANGE = "Enter a number of meetings from 1 to 12"
SERIES_OUT_OF_RANGE = f"Every meeting in the series must be {bounds.DATE_RANGE}"
ITEM_DIRECTION = "Choose whether to move the item up or down"
ITEM_HAS_OUTCOMES = (
    "This item has decisions or actions recorded against it, so it cannot be removed from the agenda"
)
PERSON_FOREIGN = "Choose a person from this partnership"
GUEST_BEFORE_START = "People in attendance can be recorded once the meeting has started, at {time} on {day}"
GUEST_NAME_NEEDED = "Enter the name of the person in attendance"
GUEST_ROLE_NEEDED = "Enter their role or organisation"
GUEST_IS_MEMBER = "{name} is a member of {group}: record their attendance in the attendance register"
APOLOGIES_AFTER_START = (
    "Apologies can be sent only before the meeting starts, at {time} on {day}: tell the business team instead"
)
APOLOGIES_WITHDRAW_AFTER_START = (
    "Apologies can be withdrawn only before the meeting starts, at {time} on {day}"
)
APOLOGIES_CANCELLED = "This meeting has been cancelled, so no apologies are needed"
APOLOGIES_NOT_MEMBER = "Only members of {group} can send apologies for its meetings"
APOLOGIES_OWN_ONLY = "Members send their own apologies"
APOLOGIES_NONE = "You have not sent apologies for this meeting"
DEPUTY_IS_SELF = "Choose someone else as your deputy, or leave it blank"
GUEST_NOT_OF_MEETING = "This person is not recorded as in attendance at this meeting"


@attributed
@transaction.atomic
def meeting_schedule(
    *,
    actor: Actor,
    partnership: Partnership,
    group: Group,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    papers_deadline_days: int = 7,
    frequency: str = "",
    occurrences: int = 1,
) -> list[Meeting]:
    """Schedule one meeting, or a recurring series of them (e.g. the Board, quarterly)."""
    if group.partnership_id != partnership.pk:
        raise ValidationError({"group": GROUP_FOREIGN})
    if not 1 <= occurrences <= 12:
        raise ValidationError({"occurrences": OCCURRENCES_RANGE})
    series = None
    if frequency and occurrences > 1:
        series = MeetingSeries.objects.create(
            partnership=partnership, group=group, frequency=frequency, created_by=user_or_none(actor)
        )
    step = FREQUENCY_MONTHS.get(frequency, 0) if series else 0
    # masa.core.bounds: the first and the last meeting (and the papers deadline) stay within the
    # dates masa accepts, so a series started near the end of the calendar cannot overflow it.
    first = timezone.localtime(starts_at).date()
    if bounds.date_out_of_range(first) or bounds.date_out_of_range(
        add_months(first, step * (occurrences - 1))
    ):
        raise ValidationError({"date": SERIES_OUT_OF_RANGE})
    meetings = []
    for n in range(occurrences if series else 1):
        start = _shift(starts_at, step * n)
        end = _shift(ends_at, step * n)
        meeting = Meeting(
            partnership=partnership,
            group=group,
            series=series,
            starts_at=start,
            ends_at=end,
            location=location,
            papers_deadline=(timezone.localtime(start).date() - timedelta(days=papers_deadline_days)),
        )
        meeting.full_clean()
        meeting.save()
        meetings.append(meeting)
    transaction.on_commit(lambda: [meeting_send_invitations(meeting=m) for m in meetings])
    return meetings


def _shift(moment: datetime, months: int) -> datetime:
    if not months:
        return moment
    local = timezone.localtime(moment)
    day = add_months(local.date(), months)
    return timezone.make_aware(datetime.combine(day, local.time().replace(tzinfo=None)))


def meeting_send_invitations(*, meeting: Meeting) -> int:
    """Email each member of the group (and its chair) an .ics invitation. Returns how many were sent."""
    people = [m.person for m in meeting.group.members.select_related("person")]
    if meeting.group.chair is not None:
        people.append(meeting.group.chair)
    emails = sorted({p.email for p in people if p.email and p.is_active})
    if not emails:
        return 0
    ics = meeting_ics([meeting])
    start = timezone.localtime(meeting.starts_at)
    day = long_date(start)
    deadline = f"Papers are due by {long_date(meeting.papers_deadline)}.\n" if meeting.papers_deadline else ""
    send_email.enqueue(
        to=emails,
        subject=f"Invitation: {meeting.group.name}, {day} {start:%H:%M}",
        body=(
            f"You are invited to {meeting.group.name} on {start:%A} {day} at {start:%H:%M}"
            f"{', ' + meeting.location if meeting.location else ''}.\n{deadline}"
            f"The agenda and papers will be at {settings.SITE_URL}"
            f"{reverse('governance:meeting_detail', args=[meeting.partnership.slug, meeting.uuid])}\n"
        ),
        attachments=[["meeting.ics", ics, "text/calendar"]],
    )
    return len(emails)


@attributed
@transaction.atomic
def meeting_update(
    *,
    actor: Actor,
    meeting: Meeting,
    starts_at: datetime,
    ends_at: datetime,
    location: str,
    papers_deadline: date | None,
    status: str,
) -> Meeting:
    before = (meeting.starts_at, meeting.ends_at, meeting.location, meeting.status)
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.location, meeting.papers_deadline, meeting.status = location, papers_deadline, status
    meeting.full_clean()
    meeting.save()
    if before != (starts_at, ends_at, location, status):
        # Members' calendars follow: the same event UID with the new time, place or cancellation.
        transaction.on_commit(lambda: meeting_send_invitations(meeting=meeting))
    return meeting


def _check_unlocked(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise ValidationError(MINUTES_LOCKED)


@attributed
@transaction.atomic
def agenda_item_save(
    *,
    actor: Actor,
    meeting: Meeting,
    item: AgendaItem | None = None,
    title: str,
    purpose: str,
    presenter: Person | None,
    minutes_allotted: int,
    priority: Priority | None,
    order: int | None = None,
) -> AgendaItem:
    _check_unlocked(meeting)
    if presenter is not None and presenter.partnership_id != meeting.partnership_id:
        raise ValidationError({"presenter": PERSON_FOREIGN})
    if item is None:
        item = AgendaItem(partnership_id=meeting.partnership_id, meeting=meeting)
        item.order = order if order is not None else meeting.items.count() + 1
    elif order is not None:
        item.order = order
    item.title, item.purpose, item.presenter = title, purpose, presenter
    item.minutes_allotted, item.priority = minutes_allotted, priority
    item.full_clean()
    item.save()
    return item


def _number_items(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items numbered 1, 2, 3... in their agenda order (gaps and ties closed)."""
    items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("order", "pk"))
    for number, each in enumerate(items, start=1):
        if each.order != number:
            each.order = number
            each.save(update_fields=["order", "updated_at"])
    return items


@attributed
@transaction.atomic
def agenda_item_move(*, actor: Actor, item: AgendaItem, direction: str) -> AgendaItem:
    """Swap an item with the one above ("up") or below ("down"); the first stays first."""
    _check_unlocked(item.meeting)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": ITEM_DIRECTION})
    items = _number_items(item.meeting)
    place = next(i for i, each in enumerate(items) if each.pk == item.pk)
    other = place - 1 if direction == "up" else place + 1
    if 0 <= other < len(items):
        mine, theirs = items[place], items[other]
        mine.order, theirs.order = theirs.order, mine.order
        mine.save(update_fields=["order", "updated_at"])
        theirs.save(update_fields=["order", "updated_at"])
        return mine
    return items[place]


@attributed
@transaction.atomic
def agenda_item_remove(*, actor: Actor, item: AgendaItem) -> None:
    """Take an item off the agenda with its papers; not once decisions or actions hang on it."""
    _check_unlocked(item.meeting)
    if item.decisions.exists() or item.actions.exists():
        raise ValidationError({"item": ITEM_HAS_OUTCOMES})
    meeting = item.meeting
    item.delete()
    _number_items(meeting)


@attributed
@transaction.atomic
def paper_add(
    *,
    actor: Actor,
    item: AgendaItem,
    title: str,
    upload,
    restricted: bool = False,
    restricted_to: list[Person] | None = None,
) -> Paper:
    """Attach a paper; its type is checked from its content, never its name."""
    try:
        checked = check_document(upload.name, upload, upload.size)
    except UploadError as error:
        raise ValidationError({"upload": str(error)}) from error
    paper = Paper(
        partnership_id=item.partnership_id,
        item=item,
        title=title or upload.name,
        original_name=upload.name[:255],
        file_type=checked.file_type,
        size=checked.size,
        uploaded_by=user_or_none(actor),
        restricted=restricted,
    )
    paper.file.save(f"{paper.uuid}.{checked.file_type}", upload, save=False)
    if checked.file_type in CONVERTIBLE:
        paper.pdf_status = PdfStatus.PENDING
    paper.save()
    if restricted and restricted_to:
        paper.restricted_to.set(restricted_to)
    if paper.pdf_status == PdfStatus.PENDING:
        # The worker turns it into PDF for the agenda pack once the upload is saved.
        transaction.on_commit(lambda: convert_paper.enqueue(paper_id=paper.pk))
    return paper


def paper_convert(*, actor: Actor, paper_id: int) -> Paper | None:
    """Convert a Word, Excel or PowerPoint paper to PDF (in the task worker) and keep the result.

    The conversion runs outside any transaction (it may take a while); only the result is
    saved, through `paper_pdf_save`. A paper that cannot be converted is marked so, and the
    agenda pack lists it with a note to open it from the meeting page (docs/domain.md, 7.1).
    """
    paper = Paper.objects.filter(pk=paper_id, is_deleted=False).first()
    if paper is None or paper.file_type not in CONVERTIBLE:
        return None
    try:
        with paper.file.open("rb") as handle:
            content = handle.read()
        pdf: bytes | None = convert_to_pdf(content, paper.file_type)
    except (ConversionError, OSError):
        pdf = None
    return paper_pdf_save(actor=actor, paper=paper, pdf=pdf)


@attributed
@transaction.atomic
def paper_pdf_save(*, actor: Actor, paper: Paper, pdf: bytes | None) -> Paper:
    """Keep a paper's PDF for the agenda pack, or mark that it could not be made."""
    if pdf is None:
        paper.pdf_status = PdfStatus.FAILED
    else:
        paper.pdf_file.save(f"{paper.uuid}.pdf", ContentFile(pdf), save=False)
        paper.pdf_status = PdfStatus.CONVERTED
    paper.save(update_fields=["pdf_status", "pdf_file", "updated_at"])
    return paper


@attributed
@transaction.atomic
def attendance_record(
    *, actor: Actor, meeting: Meeting, records: list[tuple[Person, str, Person | None]]
) -> None:
    """Record who attended: (person, status, deputy) for each member; the meeting is then held.

    Not before the meeting starts (docs/domain.md, "7.1 Meetings"): nobody has attended yet.
    """
    _refuse_before_start(meeting, ATTENDANCE_BEFORE_START)
    for person, status, deputy in records:
        if person.partnership_id != meeting.partnership_id or (
            deputy is not None and deputy.partnership_id != meeting.partnership_id
        ):
            raise ValidationError(PERSON_FOREIGN)
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={"partnership_id": meeting.partnership_id, "status": status, "deputy": deputy},
        )
    if meeting.status == MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status", "updated_at"])


def _refuse_before_start(meeting: Meeting, message: str) -> None:
    if not meeting.has_started:
        start = timezone.localtime(meeting.starts_at)
        raise ValidationError(message.format(time=f"{start:%H:%M}", day=long_date(start)))


@attributed
@transaction.atomic
def meeting_guest_add(
    *, actor: Actor, meeting: Meeting, name: str, role: str, person: Person | None = None
) -> MeetingGuest:
    """Record someone "in attendance" who is not a member (an officer, a presenting guest).

    Like attendance, only once the meeting has started; never counted towards the quorum
    (docs/domain.md, "7.1 Meetings"). A member of the group belongs in the register instead.
    """
    _refuse_before_start(meeting, GUEST_BEFORE_START)
    name, role = name.strip(), role.strip()
    if person is not None:
        if person.partnership_id != meeting.partnership_id:
            raise ValidationError({"person": PERSON_FOREIGN})
        if _in_group(meeting, person):
            raise ValidationError(
                {"person": GUEST_IS_MEMBER.format(name=person.name, group=meeting.group.name)}
            )
        name = name or person.name
    if not name:
        raise ValidationError({"name": GUEST_NAME_NEEDED})
    if not role:
        raise ValidationError({"role": GUEST_ROLE_NEEDED})
    guest = MeetingGuest(
        partnership_id=meeting.partnership_id, meeting=meeting, name=name, role=role, person=person
    )
    guest.full_clean()
    guest.save()
    return guest


@attributed
@transaction.atomic
def meeting_guest_remove(*, actor: Actor, meeting: Meeting, guest: MeetingGuest) -> None:
    """Take someone recorded by mistake off the "In attendance" list."""
    if guest.meeting_id != meeting.pk:
        raise ValidationError(GUEST_NOT_OF_MEETING)
    guest.delete()


def _in_group(meeting: Meeting, person: Person) -> bool:
    return meeting.group.chair_id == person.pk or meeting.group.members.filter(person=person).exists()


def _refuse_once_started(meeting: Meeting, message: str) -> None:
    if meeting.has_started:
        start = timezone.localtime(meeting.starts_at)
        raise ValidationError(message.format(time=f"{start:%H:%M}", day=long_date(start)))


def _check_own_apologies(actor: Actor, meeting: Meeting, person: Person) -> None:
    user = user_or_none(actor)
    if user is None or person.user_id != user.pk:
        raise PermissionDenied(APOLOGIES_OWN_ONLY)
    if person.partnership_id != meeting.partnership_id or not _in_group(meeting, person):
        raise PermissionDenied(APOLOGIES_NOT_MEMBER.format(group=meeting.group.name))


@attributed
@transaction.atomic
def apologies_send(
    *, actor: Actor, meeting: Meeting, person: Person, note: str = "", deputy: Person | None = None
) -> Attendance:
    """A member sends their own apologies before the meeting, perhaps naming a deputy.

    The apologies pre-fill the attendance register (status apologies, or "sent a deputy"), which
    the business team confirms at the meeting; sending again changes them. Not once the meeting
    has started (docs/domain.md, "7.1 Meetings"). Audited like every write to the register.
    """
    _check_own_apologies(actor, meeting, person)
    _refuse_once_started(meeting, APOLOGIES_AFTER_START)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(APOLOGIES_CANCELLED)
    if deputy is not None:
        if deputy.partnership_id != meeting.partnership_id:
            raise ValidationError({"deputy": PERSON_FOREIGN})
        if deputy.pk == person.pk:
            raise ValidationError({"deputy": DEPUTY_IS_SELF})
    attendance, _ = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "partnership_id": meeting.partnership_id,
            "status": AttendanceStatus.DEPUTY if deputy else AttendanceStatus.APOLOGIES,
            "deputy": deputy,
            "note": note.strip(),
            "apologies_sent_at": timezone.now(),
        },
    )
    return attendance


@attributed
@transaction.atomic
def apologies_withdraw(*, actor: Actor, meeting: Meeting, person: Person) -> None:
    """A member who can come after all withdraws their apologies, before the meeting starts."""
    _check_own_apologies(actor, meeting, person)
    _refuse_once_started(meeting, APOLOGIES_WITHDRAW_AFTER_START)
    sent = Attendance.objects.filter(meeting=meeting, person=person, apologies_sent_at__isnull=False).first()
    if sent is None:
        raise ValidationError(APOLOGIES_NONE)
    sent.delete()


def _minutes_snapshot(meeting: Meeting) -> dict:
    items = meeting.items.prefetch_related("decisions", "actions__owner")
    return {
        "summary": meeting.minutes_summary,
        "items": [
            {
                "title": i.title,
                "discussion": i.discussion,
                "decisions": [d.text for d in i.decisions.all()],
                "actions": [
                    {
                        "reference": a.reference,
                        "title": a.title,
                        "owner": a.owner.name,
                        "due": a.due_date.isoformat(),
                    }
                    for a in i.actions.all()
                ],
            }
            for i in items
        ],
    }


@attributed
@transaction.atomic
def minutes_save(
    *, actor: Actor, meeting: Meeting, expected_version: int, summary: str, discussions: dict[int, str]
) -> Meeting:
    """Save the minutes if nobody else has saved since `expected_version` was read.

    Optimistic locking: the version check and the bump happen in one UPDATE, so of two people
    saving at once exactly one succeeds and the other is told (nothing silently overwritten).
    """
    _check_unlocked(meeting)
    updated = Meeting.objects.filter(
        pk=meeting.pk, minutes_version=expected_version, minutes_status=MinutesStatus.DRAFT
    ).update(minutes_version=F("minutes_version") + 1, minutes_summary=summary, updated_at=timezone.now())
    if not updated:
        raise ValidationError({"summary": MINUTES_CONFLICT})
    for item in meeting.items.all():
        if item.pk in discussions and discussions[item.pk] != item.discussion:
            item.discussion = discussions[item.pk]
            item.save(update_fields=["discussion", "updated_at"])
    meeting.refresh_from_db()
    MinutesRevision.objects.create(
        partnership_id=meeting.partnership_id,
        meeting=meeting,
        version=meeting.minutes_version,
        content=_minutes_snapshot(meeting),
        saved_by=user_or_none(actor),
    )
    return meeting


@attributed
@transaction.atomic
def decision_add(*, actor: Actor, item: AgendaItem, text: str) -> Decision:
    _check_unlocked(item.meeting)
    if not text.strip():
        raise ValidationError({"text": "Enter the decision"})
    return Decision.objects.create(partnership_id=item.partnership_id, item=item, text=text.strip())


@attributed
@transaction.atomic
def item_action_add(
    *, actor: Actor, item: AgendaItem, title: str, owner: Person, due_date: date, description: str = ""
) -> Action:
    """An action agreed at a meeting: it joins the group's tracker and its matters arising."""
    _check_unlocked(item.meeting)
    return action_create(
        actor=actor,
        partnership=item.meeting.partnership,
        title=title,
        description=description,
        owner=owner,
        due_date=due_date,
        source=ActionSource.MEETING_ITEM,
        group=item.meeting.group,
        meeting_item=item,
        priority=item.priority,
    )


@attributed
@transaction.atomic
def minutes_approve(*, actor: Actor, meeting: Meeting, at_meeting: Meeting) -> Meeting:
    """Approve a meeting's minutes at a later meeting of the group; they are then locked."""
    _check_unlocked(meeting)
    if at_meeting.group_id != meeting.group_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(APPROVE_AT_LATER_MEETING)
    if not meeting.has_started:
        raise ValidationError(MINUTES_BEFORE_MEETING)
    meeting.minutes_status = MinutesStatus.APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.minutes_approved_at_meeting = at_meeting
    meeting.minutes_version += 1
    meeting.save()
    MinutesRevision.objects.create(
        partnership_id=meeting.partnership_id,
        meeting=meeting,
        version=meeting.minutes_version,
        content=_minutes_snapshot(meeting),
        saved_by=user_or_none(actor),
        approved=True,
    )
    return meeting


@attributed
@transaction.atomic
def workplan_item_save(
    *,
    actor: Actor,
    group: Group,
    item: WorkplanItem | None = None,
    title: str,
    priority: Priority | None,
    lead: Person | None,
    due_date: date | None,
    planned_meeting: Meeting | None,
    is_done: bool = False,
) -> WorkplanItem:
    item = item or WorkplanItem(partnership_id=group.partnership_id, group=group)
    item.title, item.priority, item.lead = title, priority, lead
    item.due_date, item.planned_meeting, item.is_done = due_date, planned_meeting, is_done
    item.full_clean()
    item.save()
    return item


@attributed
@transaction.atomic
def calendar_feed_reset(*, actor: Actor) -> str:
    """Give the user a new personal calendar feed address (the old one stops working)."""
    user = user_or_none(actor)
    if user is None:
        raise PermissionDenied("Only a person has a calendar feed")
    token = new_secret()
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": hash_secret(token)})
    return token
