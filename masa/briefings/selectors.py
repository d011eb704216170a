"""Reads of 7-minute briefings, their dissemination and the public learning page.

Every query is scoped to one partnership, with a constant number of queries per page. The public
reads return only published briefings and published review reports: drafts, withdrawn briefings
and unpublished reviews do not exist as far as a visitor can tell.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from masa.accounts.models import Membership, User
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus, LearningRead
from masa.core.dates import financial_year_start
from masa.partnership.models import Agency, Partnership, PartnershipAgency, Person
from masa.reviews.models import Finding, Review, ReviewStatus, Theme
from masa.reviews.rules import MANAGE_REVIEWS


def _briefings(partnership: Partnership) -> QuerySet[Briefing]:
    return (
        Briefing.objects.filter(partnership=partnership)
        .select_related("review", "partnership")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )


def briefing_list(partnership: Partnership, *, status: str = "") -> QuerySet[Briefing]:
    """Every briefing of the partnership with its number of confirmed agencies; drafts first."""
    qs = _briefings(partnership).annotate(confirmed=Count("disseminations", distinct=True))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "-published_on", "title")


def briefings_seen_by(user: User, partnership: Partnership) -> QuerySet[Briefing]:
    """The briefings of the partnership this user may find: drafts only for those who write them."""
    qs = Briefing.objects.filter(partnership=partnership)
    if not user.has_perm(MANAGE_REVIEWS, partnership):
        qs = qs.exclude(status=BriefingStatus.DRAFT)
    return qs


def briefing_get(partnership: Partnership, uuid: str) -> Briefing | None:
    return _briefings(partnership).filter(uuid=uuid).first()


def theme_choices(partnership: Partnership) -> QuerySet[Theme]:
    return Theme.objects.filter(partnership=partnership, is_active=True).order_by("name")


def review_choices(partnership: Partnership) -> QuerySet[Review]:
    return Review.objects.filter(partnership=partnership).order_by("reference")


def review_for_briefing(partnership: Partnership, uuid: str) -> Review | None:
    """A review of the partnership with its findings and themes, to start a briefing from."""
    return (
        Review.objects.filter(partnership=partnership, uuid=uuid)
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.order_by("number")),
            Prefetch("themes", queryset=Theme.objects.filter(is_active=True)),
        )
        .first()
    )


def briefing_prefill(review: Review) -> dict:
    """Initial answers for a briefing drawn from a review: title, themes and what was found."""
    findings = [f"{finding.number}. {finding.text.strip()}" for finding in review.findings.all()]
    return {
        "title": review.title,
        "review": review,
        "themes": [theme.pk for theme in review.themes.all()],
        "what_we_found": "\n".join(findings),
    }


# Dissemination ----------------------------------------------------------------------------


def agency_of(user: User, partnership: Partnership) -> Agency | None:
    """The agency a user works for in this partnership: their Person record's, else their membership's."""
    person = (
        Person.objects.filter(partnership=partnership, user=user, is_active=True)
        .select_related("agency")
        .order_by("pk")
        .first()
    )
    if person is not None:
        return person.agency
    membership = (
        Membership.objects.filter(partnership=partnership, user=user, is_active=True)
        .select_related("agency")
        .first()
    )
    return membership.agency if membership else None


def agency_choices(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True).order_by(
        "name"
    )


@dataclass
class DisseminationRow:
    link: PartnershipAgency
    dissemination: BriefingDissemination | None


@dataclass
class DisseminationTable:
    rows: list[DisseminationRow]
    confirmed: int
    total: int

    @property
    def summary(self) -> str:
        noun = "agency" if self.total == 1 else "agencies"
        return f"{self.confirmed} of {self.total} {noun} confirmed"


def dissemination_table(briefing: Briefing) -> DisseminationTable:
    """Every active agency of the partnership, with its confirmation or none yet (two queries)."""
    links = list(
        PartnershipAgency.objects.filter(partnership_id=briefing.partnership_id, is_active=True)
        .select_related("agency")
        .order_by("agency__name")
    )
    confirmations = {
        d.agency_id: d
        for d in BriefingDissemination.objects.filter(briefing=briefing).select_related("confirmed_by")
    }
    rows = [DisseminationRow(link, confirmations.get(link.agency_id)) for link in links]
    return DisseminationTable(
        rows=rows, confirmed=sum(1 for row in rows if row.dissemination), total=len(rows)
    )


def dissemination_for(briefing: Briefing, agency: Agency | None) -> BriefingDissemination | None:
    if agency is None:
        return None
    return BriefingDissemination.objects.filter(briefing=briefing, agency=agency).first()


# The public learning page -----------------------------------------------------------------


def public_partnership(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def public_briefings(partnership: Partnership, *, theme: str = "") -> QuerySet[Briefing]:
    """Published briefings, newest first, optionally of one theme (by slug)."""
    qs = _briefings(partnership).filter(status=BriefingStatus.PUBLISHED)
    if theme:
        qs = qs.filter(themes__slug=theme)
    return qs.order_by("-published_on", "title").distinct()


def public_briefing_get(partnership: Partnership, slug: str) -> Briefing | None:
    return _briefings(partnership).filter(status=BriefingStatus.PUBLISHED, slug=slug).first()


def public_themes(partnership: Partnership) -> QuerySet[Theme]:
    """Themes that have at least one published briefing (the filter offers nothing that is empty)."""
    return (
        Theme.objects.filter(partnership=partnership)
        .filter(briefings__status=BriefingStatus.PUBLISHED)
        .distinct()
        .order_by("name")
    )


def _published_reviews(partnership: Partnership) -> QuerySet[Review]:
    return Review.objects.filter(
        partnership=partnership, status=ReviewStatus.PUBLISHED, publication_date__isnull=False
    )


def public_reviews(partnership: Partnership) -> QuerySet[Review]:
    """Published review reports, newest first."""
    return _published_reviews(partnership).order_by("-publication_date", "reference")


def public_review_get(partnership: Partnership, uuid: str) -> Review | None:
    return _published_reviews(partnership).exclude(final_report="").filter(uuid=uuid).first()


# Learning inside masa: published briefings and reviews, and who has read them ------------------
# docs/domain.md, "10. Learning for practitioners". Only published material: a draft or withdrawn
# briefing, an unpublished review, an incident or a child is not found here.


def learning_review_get(partnership: Partnership, uuid: str) -> Review | None:
    """A published review with its findings and themes (the review names no child)."""
    return (
        _published_reviews(partnership)
        .filter(uuid=uuid)
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.order_by("number")),
            Prefetch("themes", queryset=Theme.objects.order_by("name")),
        )
        .first()
    )


def learning_briefing_get(partnership: Partnership, uuid: str) -> Briefing | None:
    return _briefings(partnership).filter(status=BriefingStatus.PUBLISHED, uuid=uuid).first()


def read_of(user: User, item: Briefing | Review) -> LearningRead | None:
    """The user's "I have read this" for one item, or None."""
    key = {"briefing": item} if isinstance(item, Briefing) else {"review": item}
    return LearningRead.objects.filter(user=user, **key).first()


def learning_briefings(user: User, partnership: Partnership) -> QuerySet[Briefing]:
    """Published briefings, newest first, each with `read_on`: the day the user read it, or None."""
    mine = LearningRead.objects.filter(user=user, briefing=OuterRef("pk")).values("read_on")[:1]
    return public_briefings(partnership).annotate(read_on=Subquery(mine))


def learning_reviews(user: User, partnership: Partnership) -> QuerySet[Review]:
    """Published reviews, newest first, each with `read_on`: the day the user read it, or None."""
    mine = LearningRead.objects.filter(user=user, review=OuterRef("pk")).values("read_on")[:1]
    return public_reviews(partnership).annotate(read_on=Subquery(mine))


@dataclass
class ReadCountRow:
    """One briefing or review and how many people of each agency read it in the period."""

    kind: str  # "7-minute briefing" or the review's kind
    title: str
    published_on: date | None
    counts: list[int]  # in the order of ReadCounts.agencies
    total: int


@dataclass
class ReadCounts:
    """People who recorded "I have read this", per item and per agency, in a period."""

    start: date | None
    end: date | None
    agencies: list[str]  # column headings; "Agency not recorded" last when some reader had none
    rows: list[ReadCountRow] = field(default_factory=list)

    def per_agency(self) -> dict[str, int]:
        """Total reads per agency over every item (for the yearly report)."""
        return {name: sum(row.counts[i] for row in self.rows) for i, name in enumerate(self.agencies)}

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)


NO_AGENCY = "Agency not recorded"


def read_counts(
    partnership: Partnership, *, start: date | None = None, end: date | None = None
) -> ReadCounts:
    """How many people of each agency read each published briefing and review between `start` and
    `end` (both included; either may be open). Items published now are listed even when no one
    has read them; an item withdrawn since keeps its row while it has reads in the period.
    Three queries, whatever the numbers of items and agencies.
    """
    period = Q(partnership=partnership)
    if start is not None:
        period &= Q(read_on__gte=start)
    if end is not None:
        period &= Q(read_on__lte=end)
    tallies = list(
        LearningRead.objects.filter(period)
        .values("briefing_id", "review_id", "agency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    read_briefings = {t["briefing_id"] for t in tallies if t["briefing_id"]}
    read_reviews = {t["review_id"] for t in tallies if t["review_id"]}
    agency_ids = {t["agency_id"] for t in tallies if t["agency_id"]}
    agencies = list(
        Agency.objects.filter(
            Q(memberships__partnership=partnership, memberships__is_active=True) | Q(pk__in=agency_ids)
        )
        .distinct()
        .order_by("name")
    )
    columns = {agency.pk: i for i, agency in enumerate(agencies)}
    names = [agency.name for agency in agencies]
    if any(t["agency_id"] is None for t in tallies):
        columns[None] = len(names)  # type: ignore[index]
        names.append(NO_AGENCY)

    per_item: dict[tuple[str, int], list[int]] = {}
    for t in tallies:
        key = ("briefing", t["briefing_id"]) if t["briefing_id"] else ("review", t["review_id"])
        counts = per_item.setdefault(key, [0] * len(names))
        counts[columns[t["agency_id"]]] += t["n"]

    def row(kind: str, title: str, published_on: date | None, key: tuple[str, int]) -> ReadCountRow:
        counts = per_item.get(key, [0] * len(names))
        return ReadCountRow(kind, title, published_on, counts, sum(counts))

    briefings = Briefing.objects.filter(
        Q(partnership=partnership) & (Q(status=BriefingStatus.PUBLISHED) | Q(pk__in=read_briefings))
    ).order_by("-published_on", "title")
    reviews = Review.objects.filter(
        Q(partnership=partnership)
        & (Q(status=ReviewStatus.PUBLISHED, publication_date__isnull=False) | Q(pk__in=read_reviews))
    ).order_by("-publication_date", "reference")
    rows = [row("7-minute briefing", b.title, b.published_on, ("briefing", b.pk)) for b in briefings]
    rows += [row(r.get_kind_display(), r.title, r.publication_date, ("review", r.pk)) for r in reviews]
    return ReadCounts(start=start, end=end, agencies=names, rows=rows)


def read_years(partnership: Partnership) -> list[int]:
    """The financial years (by the calendar year each began) from the first read recorded to this
    one, newest first: the periods the counts page offers."""
    first = LearningRead.objects.filter(partnership=partnership).aggregate(day=Min("read_on"))["day"]
    this_year = financial_year_start(timezone.localdate())
    start = min(financial_year_start(first), this_year) if first else this_year
    return list(range(this_year, start - 1, -1))


def financial_year(start_year: int) -> tuple[date, date]:
    """1 April of `start_year` to 31 March of the next: the yearly report's period."""
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)
