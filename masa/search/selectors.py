"""Site-wide search over the records a person may open (docs/architecture.md, "The navigation and
search").

Every kind of record is searched inside the querysets its own app's selectors scope to the user
(need-to-know: `action_scope`, `meeting_scope`, `visible_groups`, `briefings_seen_by`), in each
partnership the user belongs to, and only where the user holds the permission of the kind's list
page. So a person never finds a record they could not open. On PostgreSQL the words are matched
with full-text search (websearch syntax: "a phrase", -word, or); elsewhere (SQLite) every word must
appear in one of the same fields. Searches are not audited: the words may hold a child's name
(docs/security.md, "Audit log").
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import rules
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Expression, Model, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import User
from masa.accounts.selectors import partnerships_for_user
from masa.actions.models import Action
from masa.actions.rules import VIEW_ACTIONS
from masa.actions.selectors import action_scope
from masa.briefings.models import BriefingStatus
from masa.briefings.selectors import briefings_seen_by
from masa.core.bounds import CONTROL_CHARACTERS
from masa.governance.models import AgendaItem, Decision, Meeting, WorkplanItem
from masa.governance.rules import VIEW_MEETINGS
from masa.governance.selectors import meeting_scope, visible_groups
from masa.indicators.models import Indicator
from masa.indicators.rules import VIEW_INDICATORS
from masa.partnership.models import Group, Partnership
from masa.reviews.models import Review, Theme
from masa.reviews.rules import VIEW_REVIEWS
from masa.structure.rules import VIEW_STRUCTURE

# The words searched for are cut to this many characters.
MAX_QUERY_LENGTH = 200
# At most this many results of each kind in each partnership are ranked, and this many shown.
MAX_PER_KIND = 100
MAX_RESULTS = 100
SNIPPET_LENGTH = 160
FTS_CONFIG = "english"


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    partnership: str
    day: date | None
    snippet: str
    rank: float = 0.0


@dataclass(frozen=True)
class SearchResults:
    query: str
    # True when the words given were longer than MAX_QUERY_LENGTH and were cut.
    cut: bool
    results: list[Result]
    # How many records matched, of which `results` holds the best MAX_RESULTS.
    total: int


@dataclass(frozen=True)
class Kind:
    """One kind of record: where to look, which fields, and how to show a match."""

    name: str
    permission: str
    records: Callable[[User, Partnership], QuerySet]
    fields: tuple[str, ...]
    title: Callable[[Any], str]
    url: Callable[[Any, str], str]
    day: Callable[[Any], date | None]


def _meetings(user: User, partnership: Partnership) -> QuerySet[Meeting]:
    return Meeting.objects.filter(meeting_scope(user, partnership), is_deleted=False)


def _meeting_day(meeting: Meeting) -> date:
    return timezone.localtime(meeting.starts_at).date()


def _meeting_url(meeting: Meeting, slug: str, anchor: str = "") -> str:
    return reverse("governance:meeting_detail", args=[slug, meeting.uuid]) + anchor


KINDS: tuple[Kind, ...] = (
    Kind(
        "Action",
        VIEW_ACTIONS,
        lambda user, p: Action.objects.filter(action_scope(user, p), is_deleted=False),
        ("title", "description"),
        lambda a: str(a),
        lambda a, slug: reverse("actions:action_detail", args=[slug, a.uuid]),
        lambda a: a.due_date,
    ),
    Kind(
        "Meeting",
        VIEW_MEETINGS,
        lambda user, p: _meetings(user, p).select_related("group"),
        ("group__name", "location"),
        lambda m: str(m),
        lambda m, slug: _meeting_url(m, slug),
        _meeting_day,
    ),
    Kind(
        "Minutes",
        VIEW_MEETINGS,
        lambda user, p: _meetings(user, p).select_related("group"),
        ("minutes_summary",),
        lambda m: f"Minutes: {m}",
        lambda m, slug: _meeting_url(m, slug, "#minutes"),
        _meeting_day,
    ),
    Kind(
        "Agenda item",
        VIEW_MEETINGS,
        lambda user, p: AgendaItem.objects.filter(meeting__in=_meetings(user, p)).select_related(
            "meeting__group"
        ),
        ("title", "discussion"),
        lambda i: f"{i.title} ({i.meeting})",
        lambda i, slug: _meeting_url(i.meeting, slug),
        lambda i: _meeting_day(i.meeting),
    ),
    Kind(
        "Decision",
        VIEW_MEETINGS,
        lambda user, p: Decision.objects.filter(item__meeting__in=_meetings(user, p)).select_related(
            "item__meeting__group"
        ),
        ("text",),
        lambda d: f"Decision on {d.item.title} ({d.item.meeting})",
        lambda d, slug: _meeting_url(d.item.meeting, slug, "#minutes"),
        lambda d: _meeting_day(d.item.meeting),
    ),
    Kind(
        "Workplan item",
        VIEW_MEETINGS,
        lambda user, p: WorkplanItem.objects.filter(group__in=visible_groups(user, p)).select_related(
            "group"
        ),
        ("title",),
        lambda w: f"{w.title} ({w.group.name} workplan)",
        lambda w, slug: reverse("governance:workplan", args=[slug, w.group.uuid]),
        lambda w: w.due_date,
    ),
    Kind(
        "Review",
        VIEW_REVIEWS,
        lambda user, p: Review.objects.filter(partnership=p),
        ("title", "reference", "summary"),
        lambda r: f"{r.reference}: {r.title}",
        lambda r, slug: reverse("reviews:review_detail", args=[slug, r.uuid]),
        lambda r: r.start_date or r.decision_date,
    ),
    Kind(
        "7-minute briefing",
        VIEW_REVIEWS,
        lambda user, p: briefings_seen_by(user, p),
        ("title", "background", "what_we_found", "why_it_matters", "what_to_do"),
        lambda b: (
            b.title
            if b.status == BriefingStatus.PUBLISHED
            else f"{b.title} ({b.get_status_display().lower()})"
        ),
        lambda b, slug: reverse("briefings:briefing_detail", args=[slug, b.uuid]),
        lambda b: b.published_on,
    ),
    Kind(
        "Theme",
        VIEW_REVIEWS,
        lambda user, p: Theme.objects.filter(partnership=p),
        ("name", "description"),
        lambda t: t.name,
        lambda t, slug: reverse("reviews:theme_detail", args=[slug, t.slug]),
        lambda t: None,
    ),
    Kind(
        "Indicator",
        VIEW_INDICATORS,
        lambda user, p: Indicator.objects.filter(partnership=p),
        ("title", "definition", "code"),
        lambda i: i.title,
        lambda i, slug: reverse("indicators:indicator_detail", args=[slug, i.uuid]),
        lambda i: None,
    ),
    Kind(
        "Group",
        VIEW_STRUCTURE,
        lambda user, p: Group.objects.filter(partnership=p),
        ("name", "short_name", "purpose"),
        lambda g: g.name,
        lambda g, slug: reverse("structure:group_detail", args=[slug, g.uuid]),
        lambda g: None,
    ),
)


def clean_query(text: str) -> tuple[str, bool]:
    """The words to search for: control characters dropped, spaces squeezed, cut to the limit."""
    words = " ".join(CONTROL_CHARACTERS.sub(" ", text).split())
    return words[:MAX_QUERY_LENGTH].strip(), len(words) > MAX_QUERY_LENGTH


# websearch syntax, read the same way on SQLite: "a phrase", -word (without), "or" between words.
TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def terms(query: str) -> tuple[list[str], list[str]]:
    """The words and phrases that must appear, and those that must not."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for match in TERM.finditer(query):
        minus = match.group(1) or match.group(3)
        term = (match.group(2) if match.group(2) is not None else match.group(4)).strip()
        if not term or term.lower() == "or" or term == "-":
            continue
        (unwanted if minus else wanted).append(term)
    return wanted, unwanted


def _full_text(qs: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
    # The first field is the record's title: a match there ranks above one in its text.
    vector: Expression = SearchVector(fields[0], weight="A", config=FTS_CONFIG)
    for field in fields[1:]:
        vector = vector + SearchVector(field, weight="B", config=FTS_CONFIG)
    search = SearchQuery(query, search_type="websearch", config=FTS_CONFIG)
    ranked = qs.annotate(search_vector=vector, search_rank=SearchRank(vector, search))
    return ranked.filter(search_vector=search)


def _words(qs: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet | None:
    wanted, unwanted = terms(query)
    if not wanted:
        return None
    condition = Q()
    for term in wanted:
        condition &= _any_field(fields, term)
    for term in unwanted:
        condition &= ~_any_field(fields, term)
    return qs.filter(condition)


def _any_field(fields: Iterable[str], term: str) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": term})
    return condition


def _matching(qs: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet | None:
    """The records whose fields match the words: full-text search on PostgreSQL, words elsewhere."""
    if connection.vendor == "postgresql":
        return _full_text(qs, fields, query)
    return _words(qs, fields, query)


def _value(record: Model, field: str) -> str:
    value: object = record
    for part in field.split("__"):
        value = getattr(value, part, None)
    return str(value or "")


def snippet(texts: Iterable[str], query: str) -> str:
    """A short extract around the first word of the query found in the texts, else their start."""
    texts = [" ".join(t.split()) for t in texts if t and t.strip()]
    wanted, _ = terms(query)
    for text in texts:
        lowered = text.lower()
        for term in wanted:
            # A stem is enough: full-text search finds "meetings" for "meeting".
            at = lowered.find(term.lower()[: max(4, len(term) - 2)])
            if at >= 0:
                return _extract(text, at)
    return _extract(texts[0], 0) if texts else ""


def _extract(text: str, at: int) -> str:
    start = max(0, at - SNIPPET_LENGTH // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + SNIPPET_LENGTH
    extract = text[start:end]
    if end < len(text):
        extract = extract.rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + extract


def _rank(record: Model, kind: Kind, query: str) -> float:
    """PostgreSQL's rank; elsewhere, how many of the words are in the title (the first field)."""
    if hasattr(record, "search_rank"):
        return float(record.search_rank)
    title = _value(record, kind.fields[0]).lower()
    return float(sum(term.lower() in title for term in terms(query)[0]))


def search(user: User, text: str) -> SearchResults:
    """What `user` may open that matches `text`, best first, in every partnership they belong to."""
    query, cut = clean_query(text)
    if not query:
        return SearchResults(query="", cut=False, results=[], total=0)
    results: list[Result] = []
    total = 0
    for partnership in partnerships_for_user(user):
        for kind in KINDS:
            if not rules.has_perm(kind.permission, user, partnership):
                continue
            found = _matching(kind.records(user, partnership), kind.fields, query)
            if found is None:
                continue
            total += found.count()
            ranked = found.order_by("-search_rank") if connection.vendor == "postgresql" else found
            for record in ranked[:MAX_PER_KIND]:
                results.append(
                    Result(
                        kind=kind.name,
                        title=kind.title(record),
                        url=kind.url(record, partnership.slug),
                        partnership=partnership.name,
                        day=kind.day(record),
                        # From the text first: the title is shown already.
                        snippet=snippet(
                            (_value(record, f) for f in (*kind.fields[1:], kind.fields[0])), query
                        ),
                        rank=_rank(record, kind, query),
                    )
                )
    results.sort(key=lambda r: (-r.rank, -(r.day or date.min).toordinal()))
    return SearchResults(query=query, cut=cut, results=results[:MAX_RESULTS], total=total)
