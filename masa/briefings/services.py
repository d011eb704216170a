"""Changes to 7-minute briefings and their dissemination. Each write is atomic and saves nothing
when it refuses; refusals are ValidationErrors in plain English keyed by the form field.

The rules that need no database (which sections a publishable briefing must have, which
confirmation dates make sense) are plain functions at the top, tested without Django's database.
django-auditlog records each change and its actor.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from masa.accounts.models import User
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus, LearningRead
from masa.briefings.selectors import agency_of
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.partnership.models import Agency, Partnership, PartnershipAgency
from masa.reviews.models import Review, ReviewStatus, Theme

# The seven-minute structure, in reading order: (field, heading).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("background", "Background"),
    ("what_we_found", "What we found"),
    ("why_it_matters", "Why it matters"),
    ("what_to_do", "What to do"),
    ("questions_to_ask", "Questions to ask"),
    ("further_reading", "Further reading"),
)
# A briefing cannot go to practitioners without these.
CORE_SECTIONS: tuple[str, ...] = ("background", "what_we_found", "why_it_matters", "what_to_do")
SECTION_HEADINGS = dict(SECTIONS)

TITLE_NEEDED = "Enter the title"
SLUG_TAKEN = "Another briefing in this partnership already uses the web address {slug}: choose another"
SLUG_INVALID = "The web address must use only lower-case letters, numbers and hyphens"
SECTION_NEEDED = "Enter {heading} before publishing"
NOT_A_DRAFT = "Only a draft briefing can be changed; this one is {status}"
ALREADY_PUBLISHED = "This briefing is already published"
CANNOT_PUBLISH_WITHDRAWN = "A withdrawn briefing cannot be published again: write a new draft"
ONLY_PUBLISHED_WITHDRAWN = "Only a published briefing can be withdrawn"
REVIEW_NOT_IN_PARTNERSHIP = "Select a review from the list"
THEME_NOT_IN_PARTNERSHIP = "Select themes from the list"
OWN_AGENCY_ONLY = "You can confirm only for your own agency"
NO_OWN_AGENCY = "Your account is not linked to an agency: ask the business team to record it"
AGENCY_NOT_IN_PARTNERSHIP = "Select an agency of the partnership"
NOT_PUBLISHED = "Dissemination can be confirmed only for a published briefing"
CONFIRMED_BEFORE_PUBLISHED = (
    "The date confirmed must be on or after the date the briefing was published ({day})"
)
CONFIRMED_IN_FUTURE = "The date confirmed must be today or in the past"
CONFIRMED_ON_NEEDED = "Enter the date confirmed"
READ_NOT_PUBLISHED = "Only published briefings and reviews can be marked as read"
READ_BY_A_PERSON = "Only a person can read a briefing or a review"


# Pure rules -------------------------------------------------------------------------------


def missing_sections(values: Mapping[str, str]) -> list[str]:
    """The core sections still empty (fields), in reading order."""
    return [field for field in CORE_SECTIONS if not (values.get(field) or "").strip()]


def publication_problems(values: Mapping[str, str]) -> dict[str, str]:
    """Field -> message for everything that stops a briefing being published."""
    problems: dict[str, str] = {}
    if not (values.get("title") or "").strip():
        problems["title"] = TITLE_NEEDED
    for field in missing_sections(values):
        problems[field] = SECTION_NEEDED.format(heading=SECTION_HEADINGS[field].lower())
    return problems


def confirmation_date_problem(
    confirmed_on: date | None, published_on: date | None, today: date
) -> str | None:
    """Why a dissemination date cannot be right, or None: it must fall between publication and today."""
    if confirmed_on is None:
        return CONFIRMED_ON_NEEDED
    if confirmed_on > today:
        return CONFIRMED_IN_FUTURE
    if published_on is not None and confirmed_on < published_on:
        return CONFIRMED_BEFORE_PUBLISHED.format(day=long_date(published_on))
    return None


def slug_for(title: str, slug: str = "") -> str:
    return (slug or slugify(title))[:200].strip("-")


# Briefings --------------------------------------------------------------------------------


def _check_links(partnership: Partnership, review: Review | None, themes: Iterable[Theme]) -> list[Theme]:
    themes = list(themes)
    if review is not None and review.partnership_id != partnership.pk:
        raise ValidationError({"review": REVIEW_NOT_IN_PARTNERSHIP})
    if any(theme.partnership_id != partnership.pk for theme in themes):
        raise ValidationError({"themes": THEME_NOT_IN_PARTNERSHIP})
    return themes


def _check_slug(partnership: Partnership, slug: str, *, exclude: Briefing | None = None) -> None:
    if not slug or slugify(slug) != slug:
        raise ValidationError({"slug": SLUG_INVALID})
    taken = Briefing.objects.filter(partnership=partnership, slug=slug)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError({"slug": SLUG_TAKEN.format(slug=slug)})


@attributed
@transaction.atomic
def briefing_create(
    *,
    actor: Actor,
    partnership: Partnership,
    title: str,
    slug: str = "",
    review: Review | None = None,
    themes: Iterable[Theme] = (),
    background: str = "",
    what_we_found: str = "",
    why_it_matters: str = "",
    what_to_do: str = "",
    questions_to_ask: str = "",
    further_reading: str = "",
) -> Briefing:
    """A new draft briefing. Its sections may be incomplete until it is published."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": TITLE_NEEDED})
    slug = slug_for(title, slug.strip())
    _check_slug(partnership, slug)
    theme_list = _check_links(partnership, review, themes)
    briefing = Briefing.objects.create(
        partnership=partnership,
        title=title,
        slug=slug,
        review=review,
        background=background.strip(),
        what_we_found=what_we_found.strip(),
        why_it_matters=why_it_matters.strip(),
        what_to_do=what_to_do.strip(),
        questions_to_ask=questions_to_ask.strip(),
        further_reading=further_reading.strip(),
    )
    briefing.themes.set(theme_list)
    return briefing


@attributed
@transaction.atomic
def briefing_update(
    *,
    actor: Actor,
    briefing: Briefing,
    title: str,
    slug: str = "",
    review: Review | None = None,
    themes: Iterable[Theme] = (),
    background: str = "",
    what_we_found: str = "",
    why_it_matters: str = "",
    what_to_do: str = "",
    questions_to_ask: str = "",
    further_reading: str = "",
) -> Briefing:
    """Change a draft. Published briefings are fixed: practitioners may have cascaded them."""
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status != BriefingStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT.format(status=briefing.get_status_display().lower()))
    title = title.strip()
    if not title:
        raise ValidationError({"title": TITLE_NEEDED})
    slug = slug_for(title, slug.strip())
    _check_slug(briefing.partnership, slug, exclude=briefing)
    theme_list = _check_links(briefing.partnership, review, themes)
    briefing.title = title
    briefing.slug = slug
    briefing.review = review
    briefing.background = background.strip()
    briefing.what_we_found = what_we_found.strip()
    briefing.why_it_matters = why_it_matters.strip()
    briefing.what_to_do = what_to_do.strip()
    briefing.questions_to_ask = questions_to_ask.strip()
    briefing.further_reading = further_reading.strip()
    briefing.save()
    briefing.themes.set(theme_list)
    return briefing


@attributed
@transaction.atomic
def briefing_publish(*, actor: Actor, briefing: Briefing, today: date | None = None) -> Briefing:
    """Publish a complete draft: it appears on the public learning page from today."""
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status == BriefingStatus.PUBLISHED:
        raise ValidationError(ALREADY_PUBLISHED)
    if briefing.status == BriefingStatus.WITHDRAWN:
        raise ValidationError(CANNOT_PUBLISH_WITHDRAWN)
    problems = publication_problems({name: getattr(briefing, name) for name in ("title", *CORE_SECTIONS)})
    if problems:
        raise ValidationError(problems)
    briefing.status = BriefingStatus.PUBLISHED
    briefing.published_on = today or timezone.localdate()
    briefing.save(update_fields=["status", "published_on", "updated_at"])
    return briefing


@attributed
@transaction.atomic
def briefing_withdraw(*, actor: Actor, briefing: Briefing) -> Briefing:
    """Take a published briefing off the public page. It is kept, with its dissemination record."""
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status != BriefingStatus.PUBLISHED:
        raise ValidationError(ONLY_PUBLISHED_WITHDRAWN)
    briefing.status = BriefingStatus.WITHDRAWN
    briefing.save(update_fields=["status", "updated_at"])
    return briefing


# Dissemination ----------------------------------------------------------------------------


@attributed
@transaction.atomic
def dissemination_confirm(
    *,
    actor: Actor,
    briefing: Briefing,
    agency: Agency,
    confirmed_on: date | None,
    how: str = "",
    staff_reached: int | None = None,
    any_agency: bool = False,
    own_agency: Agency | None = None,
    today: date | None = None,
) -> BriefingDissemination:
    """Record that an agency cascaded a published briefing; a second confirmation updates the first.

    `any_agency` is for the business team; everyone else confirms only for `own_agency`.
    """
    if not any_agency:
        if own_agency is None:
            raise ValidationError({"agency": NO_OWN_AGENCY})
        if agency.pk != own_agency.pk:
            raise ValidationError({"agency": OWN_AGENCY_ONLY})
    if not PartnershipAgency.objects.filter(partnership_id=briefing.partnership_id, agency=agency).exists():
        raise ValidationError({"agency": AGENCY_NOT_IN_PARTNERSHIP})
    if briefing.status != BriefingStatus.PUBLISHED:
        raise ValidationError(NOT_PUBLISHED)
    problem = confirmation_date_problem(confirmed_on, briefing.published_on, today or timezone.localdate())
    if problem or confirmed_on is None:
        raise ValidationError({"confirmed_on": problem or CONFIRMED_ON_NEEDED})
    if staff_reached is not None and staff_reached < 0:
        raise ValidationError({"staff_reached": "The number of staff reached must be 0 or more"})
    dissemination, _ = BriefingDissemination.objects.update_or_create(
        briefing=briefing,
        agency=agency,
        defaults={
            "partnership_id": briefing.partnership_id,
            "confirmed_on": confirmed_on,
            "confirmed_by": user_or_none(actor),
            "how": how.strip(),
            "staff_reached": staff_reached,
        },
    )
    return dissemination


# "I have read this" ---------------------------------------------------------------------------


def _published(item: Briefing | Review) -> bool:
    if isinstance(item, Briefing):
        return item.status == BriefingStatus.PUBLISHED
    return item.status == ReviewStatus.PUBLISHED and item.publication_date is not None


@attributed
@transaction.atomic
def learning_read_record(*, actor: Actor, item: Briefing | Review, today: date | None = None) -> LearningRead:
    """Record that the actor has read a published briefing or review, once: a second call returns
    the first record, with its date (docs/domain.md, "10. Learning for practitioners").

    The reader's agency in the item's partnership is kept with the record, for the counts per
    agency. The record is itself the trace of the read: no audit log entry is written for it.
    """
    if not isinstance(actor, User):
        raise ValidationError(READ_BY_A_PERSON)
    if not _published(item):
        raise ValidationError(READ_NOT_PUBLISHED)
    key = {"briefing": item} if isinstance(item, Briefing) else {"review": item}
    found = LearningRead.objects.filter(user=actor, **key).first()
    if found is not None:
        return found
    read = LearningRead(
        partnership_id=item.partnership_id,
        user=actor,
        agency=agency_of(actor, item.partnership),
        read_on=today or timezone.localdate(),
        **key,
    )
    try:
        # Two clicks at once: the unique constraint keeps one record, and the other is returned.
        with transaction.atomic():
            read.save()
    except IntegrityError:
        return LearningRead.objects.get(user=actor, **key)
    return read
