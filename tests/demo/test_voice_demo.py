"""The demo's voice of children and families: Hounslow's Youth Council and Corporate Parenting Board."""

import pytest

from masa.demo.voice_loader import load_voice_demo
from masa.voice.models import EngagementActivity, YouSaidWeDid
from masa.voice.rules_pure import identifying_text

pytestmark = pytest.mark.usefixtures("_demo_for_module")


def test_hounslow_has_its_youth_council_and_corporate_parenting_board(demo):
    activities = {a.forum: a for a in EngagementActivity.objects.filter(partnership__slug="hounslow")}
    assert set(activities) == {"Hounslow Youth Council", "Corporate Parenting Board"}
    youth = activities["Hounslow Youth Council"]
    assert youth.kind == "youth_council" and youth.total == 16 and youth.young_carers == 1
    board = activities["Corporate Parenting Board"]
    assert board.total == board.care_experienced == 8
    # None in Ealing and Hillingdon.
    assert not EngagementActivity.objects.exclude(partnership__slug="hounslow").exists()


def test_the_entries_follow_the_yearly_report_and_link_existing_actions(demo):
    entries = YouSaidWeDid.objects.filter(partnership__slug="hounslow")
    assert entries.count() == 4
    assert entries.filter(is_published=True).count() == 3
    priority = entries.get(you_said__startswith="Adults do not understand")
    assert "priority of the partnership for 2024 to 2027" in priority.we_did
    assert [a.title for a in priority.actions.all()] == [
        "Propose online harm as a 2024-27 priority to the Board"
    ]
    course = entries.get(you_said__startswith="Some websites")
    assert course.status == "planned" and not course.actions.exists()
    assert (
        "Does our focus shift when a young person turns 18?"
        in entries.get(you_said__startswith="Support changes").we_did
    )
    for entry in entries:
        assert identifying_text(entry.you_said + " " + entry.we_did) is None


def test_loading_again_adds_nothing(demo):
    before = (EngagementActivity.objects.count(), YouSaidWeDid.objects.count())
    load_voice_demo()
    assert (EngagementActivity.objects.count(), YouSaidWeDid.objects.count()) == before


def test_the_public_page_shows_the_published_entries(client, demo):
    page = client.get("/partnerships/hounslow/you-said-we-did/").content.decode()
    assert "Youth Council session on staying safe online" in page
    assert "We want help to keep in touch with our families after 18." not in page
    assert "Support changes suddenly when you turn 18" in page
