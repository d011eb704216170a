"""Writes of what follows a session (docs/domain.md, "21.5 Certificates, evaluation and impact").

After the register, each attendee is emailed a link to their certificate and to the evaluation
form (pages behind sign-in, so the link is no secret). The attendee evaluates the session once.
Some weeks later (the partnership's policy) the daily job creates an impact follow-up for the
attendee and, when the booking named one, their manager; each gets a one-use link whose secret
is made inside the sending task (masa/training/follow_up_tasks.py) and kept only as a hash.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import hash_secret, new_secret
from masa.core.actors import Actor, attributed
from masa.core.dates import long_date
from masa.core.tasks import send_email
from masa.training.models import (
    Booking,
    Evaluation,
    FollowUpRespondent,
    ImpactFollowUp,
)
from masa.training.selectors.after import attended
from masa.training.services.charges import policy_for

ALREADY_EVALUATED = "You have already sent your evaluation of this session"
NOT_ATTENDED = "You can evaluate a session only after attending it"
SCORE_NAMES = {
    "confidence_before": "your confidence before the session",
    "confidence_after": "your confidence after the session",
    "usefulness": "how useful the session was",
}


def score_error(name: str) -> str:
    return f"Select a number from 1 to 5 for {SCORE_NAMES[name]}"  # noqa: S608 (not SQL)


LINK_NOT_VALID = "This link is not valid. Ask the training coordinator for a new one"
ALREADY_ANSWERED = "This follow-up has already been answered. Thank you"
ANSWER_NEEDED = "Enter what has changed in your practice, or the difference for children and families"
TEXT_LIMIT = 5000

#: A follow-up is not started for a session more than this many weeks past its due date, so
#: switching the job on does not ask people about training they took long ago.
FOLLOW_UP_LATEST_WEEKS = 8
#: The daily job looks at sessions this recent: no policy waits more than 26 weeks
#: (TrainingPolicy.follow_up_weeks). An attendee of an older session not yet sent their
#: certificate email is history, not news.
HORIZON_WEEKS = 26 + FOLLOW_UP_LATEST_WEEKS


def _site_link(name: str, *args: object) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


# The evaluation ---------------------------------------------------------------------------


@attributed
@transaction.atomic
def evaluation_save(
    *,
    actor: Actor,
    booking: Booking,
    confidence_before: int,
    confidence_after: int,
    usefulness: int,
    best_thing: str = "",
    improvements: str = "",
) -> Evaluation:
    """The attendee's one evaluation of a session they attended (scores 1 to 5)."""
    # The booking's row is the lock: two tabs sending at once make one evaluation.
    booking = Booking.objects.select_for_update().select_related("session").get(pk=booking.pk)
    if not attended(Booking.objects.filter(pk=booking.pk)).exists():
        raise ValidationError({"confidence_before": NOT_ATTENDED})
    if Evaluation.objects.filter(booking=booking).exists():
        raise ValidationError({"confidence_before": ALREADY_EVALUATED})
    scores = {
        "confidence_before": confidence_before,
        "confidence_after": confidence_after,
        "usefulness": usefulness,
    }
    errors = {
        name: score_error(name)
        for name, value in scores.items()
        if not isinstance(value, int) or not 1 <= value <= 5
    }
    for name, text in (("best_thing", best_thing), ("improvements", improvements)):
        if len(text) > TEXT_LIMIT:
            errors[name] = f"The answer must be {TEXT_LIMIT:,} characters or fewer"
    if errors:
        raise ValidationError(errors)
    return Evaluation.objects.create(
        partnership_id=booking.partnership_id,
        booking=booking,
        best_thing=best_thing.strip(),
        improvements=improvements.strip(),
        **scores,
    )


# The email after the register ----------------------------------------------------------------


def after_session_email(booking: Booking) -> tuple[str, str]:
    """The subject and body of the email with the certificate and the evaluation form."""
    session = booking.session
    course = session.course
    slug = booking.partnership.slug
    day = long_date(timezone.localdate(session.starts_at))
    body = (
        f"Thank you for attending {course.title} on {day}.\n\n"
        f"Download your certificate ({course.cpd_hours} CPD hours): "
        f"{_site_link('training:certificate_download', slug, booking.uuid)}\n\n"
        "Tell us what you thought of the session. It takes 2 minutes: "
        f"{_site_link('training:evaluation', slug, booking.uuid)}\n\n"
        f"All your certificates: {_site_link('training:certificate_list', slug)}\n\n"
        f"{booking.partnership.name}\n"
    )
    return f"Your certificate for {course.title}", body


@attributed
@transaction.atomic
def send_after_session_emails(*, actor: Actor, bookings: Iterable[Booking]) -> int:
    """Email each attendee (attended or late, not yet invited) their certificate and evaluation
    links, and note when. Returns how many were emailed. Called after the register is taken."""
    ids = [b.pk for b in bookings]
    chosen = list(
        attended(Booking.objects.filter(pk__in=ids, evaluation_invited_at__isnull=True))
        .select_for_update(of=("self",))
        .select_related("session__course", "person", "partnership")
    )
    now = timezone.now()
    for booking in chosen:
        subject, body = after_session_email(booking)
        transaction.on_commit(
            partial(
                send_email.enqueue,
                to=[booking.person.email],
                subject=subject,
                body=body,
                category="training_after_session",
                reference=str(booking.uuid),
            )
        )
        booking.evaluation_invited_at = now
        booking.save(update_fields=["evaluation_invited_at", "updated_at"])
    return len(chosen)


# Impact follow-ups -------------------------------------------------------------------------


def _follow_up(booking: Booking, respondent: str, email: str, due_on: date) -> ImpactFollowUp:
    # Until the task sends it, the follow-up holds the hash of a secret nobody has.
    return ImpactFollowUp.objects.create(
        partnership_id=booking.partnership_id,
        booking=booking,
        respondent=respondent,
        email=email,
        token_hash=hash_secret(new_secret()),
        due_on=due_on,
    )


@attributed
@transaction.atomic
def send_training_follow_ups(*, actor: Actor, today: date | None = None) -> dict[str, int]:
    """The daily job: catch up attendees not yet sent their certificate and evaluation links, then
    start the impact follow-ups now due (the partnership's `follow_up_weeks` after the session):
    one for the attendee and one for their manager when the booking gave a manager's email,
    each emailed by its own task with a one-use link. A booking is followed up once."""
    today = today or timezone.localdate()
    now = timezone.now()
    oldest = today - timedelta(weeks=HORIZON_WEEKS)
    recent = attended(
        Booking.objects.filter(evaluation_invited_at__isnull=True, session__starts_at__date__gte=oldest),
        now=now,
    ).filter(session__ends_at__lte=now)
    invited = send_after_session_emails(actor=actor, bookings=list(recent))

    from masa.training.follow_up_tasks import send_follow_up

    candidates = (
        attended(Booking.objects.filter(follow_ups__isnull=True), now=now)
        .filter(session__starts_at__date__lte=today, session__starts_at__date__gte=oldest)
        .select_for_update(of=("self",))
        .select_related("session", "person")
    )
    created: list[ImpactFollowUp] = []
    policies: dict[int, int] = {}
    for booking in candidates:
        if booking.partnership_id not in policies:
            policies[booking.partnership_id] = policy_for(booking.partnership_id).follow_up_weeks
        due_on = timezone.localdate(booking.session.starts_at) + timedelta(
            weeks=policies[booking.partnership_id]
        )
        if not due_on <= today <= due_on + timedelta(weeks=FOLLOW_UP_LATEST_WEEKS):
            continue
        created.append(_follow_up(booking, FollowUpRespondent.ATTENDEE, booking.person.email, due_on))
        if booking.manager_email:
            created.append(_follow_up(booking, FollowUpRespondent.MANAGER, booking.manager_email, due_on))
    for follow_up in created:
        transaction.on_commit(partial(send_follow_up.enqueue, follow_up_id=follow_up.pk))
    return {
        "invited": invited,
        "attendees": sum(f.respondent == FollowUpRespondent.ATTENDEE for f in created),
        "managers": sum(f.respondent == FollowUpRespondent.MANAGER for f in created),
    }


@attributed
@transaction.atomic
def follow_up_issue_link(*, actor: Actor, follow_up_id: int) -> tuple[ImpactFollowUp, str] | None:
    """Give an unanswered follow-up a new one-use secret and note it was sent; returns it with its
    link (None when it was answered or is gone). Only the secret's hash is kept."""
    follow_up = (
        ImpactFollowUp.objects.select_for_update(of=("self",))
        .select_related("booking__session__course", "partnership")
        .filter(pk=follow_up_id, answered_at__isnull=True)
        .first()
    )
    if follow_up is None:
        return None
    secret = new_secret()
    follow_up.token_hash = hash_secret(secret)
    follow_up.sent_at = timezone.now()
    follow_up.save(update_fields=["token_hash", "sent_at", "updated_at"])
    return follow_up, _site_link("training:follow_up_answer", follow_up.partnership.slug, secret)


def follow_up_email(follow_up: ImpactFollowUp, link: str) -> tuple[str, str]:
    """The follow-up email's subject and body."""
    course = follow_up.booking.session.course
    day = long_date(timezone.localdate(follow_up.booking.session.starts_at))
    partnership = follow_up.partnership.name
    if follow_up.respondent == FollowUpRespondent.MANAGER:
        opening = (
            f"A member of your team attended {course.title} on {day}, run by {partnership}. "
            "We would like to know what difference it has made to their work."
        )
    else:
        opening = f"You attended {course.title} on {day}. We would like to know what difference it has made."
    body = (
        f"{opening}\n\n"
        f"Answer three short questions (the link works once): {link}\n\n"
        "Your answers help the partnership plan its training. We quote answers only when you say we "
        "may, and never with your name.\n\n"
        f"{partnership}\n"
    )
    return f"What has changed since {course.title}?", body


@attributed
@transaction.atomic
def follow_up_answer(
    *,
    actor: Actor,
    token: str,
    practice_changed: str,
    outcome_for_children: str,
    may_quote: bool,
) -> ImpactFollowUp:
    """Record the answer given through a follow-up's one-use link. A link that matches no
    follow-up, or one already answered, changes nothing."""
    follow_up = (
        ImpactFollowUp.objects.select_for_update(of=("self",))
        .select_related("booking__session__course", "partnership")
        .filter(token_hash=hash_secret(token), sent_at__isnull=False)
        .first()
    )
    if follow_up is None:
        raise ValidationError(LINK_NOT_VALID, code="not_valid")
    if follow_up.answered_at is not None:
        raise ValidationError(ALREADY_ANSWERED, code="answered")
    practice_changed, outcome_for_children = practice_changed.strip(), outcome_for_children.strip()
    errors = {}
    if not practice_changed and not outcome_for_children:
        errors["practice_changed"] = ANSWER_NEEDED
    for name, text in (
        ("practice_changed", practice_changed),
        ("outcome_for_children", outcome_for_children),
    ):
        if len(text) > TEXT_LIMIT:
            errors[name] = f"The answer must be {TEXT_LIMIT:,} characters or fewer"
    if errors:
        raise ValidationError(errors)
    follow_up.practice_changed = practice_changed
    follow_up.outcome_for_children = outcome_for_children
    follow_up.may_quote = may_quote
    follow_up.answered_at = timezone.now()
    follow_up.save()
    return follow_up
