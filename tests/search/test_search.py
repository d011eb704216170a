"""Site-wide search (masa/search): people find only what they may open, on SQLite and PostgreSQL."""

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.urls import reverse

from masa.accounts.models import Membership, Role
from masa.briefings.models import Briefing, BriefingStatus
from masa.governance import services as meetings
from masa.governance.models import Decision
from masa.indicators.models import Indicator
from masa.reviews.models import Review, ReviewKind
from masa.search.selectors import MAX_QUERY_LENGTH, MAX_RESULTS, clean_query, search, snippet, terms
from tests.actions.conftest import build_world, make_action, person_for
from tests.factories import GroupMemberFactory, PartnershipFactory, member
from tests.governance.conftest import agenda_item, schedule
from tests.governance.conftest import make_world as meetings_world


def titles(user, query: str) -> list[str]:
    return [result.title for result in search(user, query).results]


def kinds(user, query: str) -> set[str]:
    return {result.kind for result in search(user, query).results}


@pytest.fixture
def alpha(db):
    """Actions of two agencies in one partnership (tests/actions/conftest.py)."""
    return build_world("alpha")


def agency_lead_of(world, agency):
    user = member(world.partnership, Role.AGENCY_LEAD)
    Membership.objects.filter(user=user).update(agency=agency)
    return user


def test_an_agency_lead_does_not_find_another_agencys_action(alpha):
    lead = agency_lead_of(alpha, alpha.agency)
    found = titles(lead, "action")
    assert "A1: alpha action owned by Owen" in found
    assert "A2: alpha action of a colleague" in found
    assert not [t for t in found if "another agency" in t]
    assert titles(lead, "another agency") == []
    # The business team finds all three.
    assert len(titles(member(alpha.partnership, Role.BUSINESS_TEAM), "alpha action")) == 3


def test_nobody_finds_another_partnerships_records(alpha):
    build_world("beta")
    manager = member(alpha.partnership, Role.BUSINESS_TEAM)
    found = search(manager, "action")
    assert {r.partnership for r in found.results} == {alpha.partnership.name}
    assert not [t for t in titles(manager, "beta") if "beta action" in t]


def test_a_result_links_to_a_record_the_user_may_open(client, alpha):
    lead = agency_lead_of(alpha, alpha.agency)
    client.force_login(lead)
    for result in search(lead, "alpha action").results:
        assert client.get(result.url).status_code == 200, result.url


def test_a_person_who_owns_an_action_finds_it_whatever_their_role(alpha):
    practitioner = member(alpha.partnership, Role.PRACTITIONER)
    person = person_for(practitioner, alpha.partnership, alpha.agency)
    make_action(alpha, "Refresh the neglect toolkit", owner=person)
    # Practitioners have no action pages (masa/actions/rules.py), so search finds none either.
    assert titles(practitioner, "neglect toolkit") == []


@pytest.fixture
def board(db):
    """A Board meeting with minutes, an agenda item and a decision (tests/governance/conftest.py)."""
    world = meetings_world("gamma")
    meeting = schedule(world, -7)[0]
    item = agenda_item(world.manager, meeting, "Neglect strategy")
    meetings.minutes_save(
        actor=world.manager,
        meeting=meeting,
        expected_version=0,
        summary="The Board agreed the neglect strategy and asked for a quarterly report.",
        discussions={item.pk: "Members discussed thresholds for early help."},
    )
    Decision.objects.create(partnership=world.partnership, item=item, text="Adopt the thresholds document")
    world.meeting = meeting
    return world


def test_a_practitioner_does_not_find_minutes(board):
    practitioner = member(board.partnership, Role.PRACTITIONER)
    assert search(practitioner, "neglect strategy").total == 0
    assert search(practitioner, "thresholds").total == 0
    # The business team finds the minutes, the agenda item and the decision.
    manager = board.manager
    assert {"Minutes", "Agenda item"} <= kinds(manager, "neglect strategy")
    assert "Decision" in kinds(manager, "thresholds")


def test_a_member_finds_only_their_own_groups_meetings(board):
    subgroup_meeting = schedule(board, -3, group=board.subgroup)[0]
    meetings.minutes_save(
        actor=board.manager,
        meeting=subgroup_meeting,
        expected_version=0,
        summary="The subgroup looked at neglect audits.",
        discussions={},
    )
    # A group member (role "member") who sits on the subgroup only.
    user = member(board.partnership, Role.MEMBER)
    person = board.outsider
    person.user = user
    person.save()
    found = search(user, "neglect")
    assert [r.kind for r in found.results] == ["Minutes"]
    assert found.results[0].url.startswith(
        reverse("governance:meeting_detail", args=[board.partnership.slug, subgroup_meeting.uuid])
    )
    # An agency lead named on the Board sees the Board's minutes (docs/domain.md, "5. Roles").
    lead = member(board.partnership, Role.AGENCY_LEAD)
    board.people[2].user = lead
    board.people[2].save()
    assert "Minutes" in kinds(lead, "quarterly report")


def test_drafts_only_for_those_who_write_them(db):
    partnership = PartnershipFactory()
    Briefing.objects.create(partnership=partnership, title="Safer sleep draft", slug="sleep-draft")
    Briefing.objects.create(
        partnership=partnership,
        title="Safer sleep",
        slug="safer-sleep",
        status=BriefingStatus.PUBLISHED,
        published_on="2026-01-05",
    )
    manager = member(partnership, Role.BUSINESS_TEAM)
    chair = member(partnership, Role.CHAIR)
    assert sorted(titles(manager, "safer sleep")) == ["Safer sleep", "Safer sleep draft (draft)"]
    assert titles(chair, "safer sleep") == ["Safer sleep"]
    assert titles(member(partnership, Role.PRACTITIONER), "safer sleep") == []


def test_reviews_indicators_and_groups(db):
    partnership = PartnershipFactory()
    Review.objects.create(
        partnership=partnership,
        kind=ReviewKind.LOCAL_LEARNING,
        reference="LLR-2026-01",
        title="Bruising in non-mobile babies",
        summary="How agencies respond to bruising.",
    )
    Indicator.objects.create(
        partnership=partnership,
        code="bruising",
        title="Bruising referrals",
        definition="Referrals for bruising.",
        unit="number",
    )
    lead = member(partnership, Role.AGENCY_LEAD)
    assert kinds(lead, "bruising") == {"Review", "Indicator"}
    snippets = {r.kind: r.snippet for r in search(lead, "bruising").results}
    assert snippets == {"Review": "How agencies respond to bruising.", "Indicator": "Referrals for bruising."}
    practitioner = member(partnership, Role.PRACTITIONER)
    assert kinds(practitioner, "bruising") == set()
    GroupMemberFactory(group__partnership=partnership, group__name="Bruising task group")
    assert kinds(practitioner, "bruising") == {"Group"}


def test_queries_are_cleaned_and_capped():
    assert clean_query("  two\x00 words\n ") == ("two words", False)
    words, cut = clean_query("x" * (MAX_QUERY_LENGTH + 50))
    assert len(words) == MAX_QUERY_LENGTH and cut
    assert terms('"early help" -police or neglect') == (["early help", "neglect"], ["police"])


def test_snippet_shows_the_words_in_context():
    text = "Start. " + "filler " * 40 + "the neglect strategy was agreed " + "more " * 40
    extract = snippet([text], "neglect")
    assert "neglect strategy" in extract
    assert extract.startswith("… ") and extract.endswith(" …")
    assert len(extract) < 200


def test_results_are_capped_with_a_count(alpha):
    for n in range(MAX_RESULTS + 5):
        make_action(alpha, f"Capped task {n}")
    found = search(member(alpha.partnership, Role.BUSINESS_TEAM), "capped task")
    assert found.total == MAX_RESULTS + 5
    assert len(found.results) == MAX_RESULTS


def test_searching_a_phrase_and_leaving_a_word_out(alpha):
    make_action(alpha, "Review early help thresholds")
    make_action(alpha, "Help the police with thresholds")
    manager = member(alpha.partnership, Role.BUSINESS_TEAM)
    assert titles(manager, '"early help"') == ["A4: Review early help thresholds"]
    assert titles(manager, "thresholds -police") == ["A4: Review early help thresholds"]


def test_other_forms_of_a_word_on_postgresql_and_parts_of_words_on_sqlite(alpha):
    make_action(alpha, "Audit the meetings of the front door")
    manager = member(alpha.partnership, Role.BUSINESS_TEAM)
    found = "A4: Audit the meetings of the front door"
    # Both find the words as typed, or the start of them.
    assert found in titles(manager, "meeting audit")
    # PostgreSQL's full-text search stems words ("audits" finds "Audit"); SQLite's fallback looks
    # for each word as typed, so a plural the record does not contain finds nothing.
    assert (found in titles(manager, "meeting audits")) == (connection.vendor == "postgresql")


# The page --------------------------------------------------------------------------------------


def test_the_page_without_words_shows_the_form(client, alpha):
    client.force_login(alpha.owner_user)
    html = client.get(reverse("search:search")).content.decode()
    assert 'name="q"' in html
    assert "result" not in html.lower().split("<main")[1]


def test_the_page_lists_results_and_says_when_there_are_none(client, alpha):
    client.force_login(alpha.owner_user)
    html = client.get(reverse("search:search"), {"q": "owned by Owen"}).content.decode()
    assert "1 result" in html
    assert "A1: alpha action owned by Owen" in html
    assert alpha.partnership.name in html
    html = client.get(reverse("search:search"), {"q": "zebra crossing"}).content.decode()
    assert "No results" in html and "check the spelling" in html


def test_a_long_query_is_cut_and_said_so(client, alpha):
    client.force_login(alpha.owner_user)
    html = client.get(reverse("search:search"), {"q": "owen " * 100}).content.decode()
    assert "only the first 200 were searched" in html


def test_searches_are_not_audited(client, alpha):
    client.force_login(alpha.owner_user)
    before = LogEntry.objects.count()
    client.get(reverse("search:search"), {"q": "Jayden Smith"})
    assert LogEntry.objects.count() == before
    assert not LogEntry.objects.filter(changes_text__icontains="Jayden").exists()


def test_the_partnership_searched_from_keeps_its_navigation(client, alpha):
    client.force_login(alpha.owner_user)
    html = client.get(reverse("search:search"), {"q": "x", "p": alpha.partnership.slug}).content.decode()
    assert ">Governance</" in html
    # A partnership the user is not in is ignored.
    other = PartnershipFactory()
    html = client.get(reverse("search:search"), {"q": "x", "p": other.slug}).content.decode()
    assert ">Governance</" not in html
    assert other.name not in html


def test_the_search_box_is_in_the_header_of_signed_in_pages(client, alpha):
    client.force_login(alpha.owner_user)
    html = client.get(reverse("dashboards:home", args=[alpha.partnership.slug])).content.decode()
    assert 'id="header-search-q"' in html
    client.logout()
    assert 'id="header-search-q"' not in client.get(reverse("core:accessibility")).content.decode()


def test_a_match_in_the_title_comes_first(alpha):
    make_action(alpha, "Refresh the toolkit", description="Covers neglect and early help.")
    make_action(alpha, "Neglect audit", description="An audit.")
    manager = member(alpha.partnership, Role.BUSINESS_TEAM)
    assert titles(manager, "neglect") == ["A5: Neglect audit", "A4: Refresh the toolkit"]


def test_workplans_follow_the_groups_a_person_sees_and_themes_the_reviews(board):
    from masa.governance.models import WorkplanItem
    from masa.reviews.models import Theme

    WorkplanItem.objects.create(
        partnership=board.partnership, group=board.board, title="Refresh the neglect strategy"
    )
    WorkplanItem.objects.create(
        partnership=board.partnership, group=board.subgroup, title="Neglect audit plan"
    )
    Theme.objects.create(partnership=board.partnership, name="Neglect", slug="neglect")
    # A member who sits on the subgroup only sees its workplan, not the Board's.
    user = member(board.partnership, Role.MEMBER)
    board.outsider.user = user
    board.outsider.save()
    found = [r.title for r in search(user, "neglect").results if r.kind in ("Workplan item", "Theme")]
    assert sorted(found) == ["Neglect", "Neglect audit plan (Learning Subgroup workplan)"]
    practitioner = member(board.partnership, Role.PRACTITIONER)
    assert search(practitioner, "neglect").total == 0
