"""The demo's local case discussions: Hounslow's four cases of 2023-24 discussed by the Cases
Sub-Group (the Effective Practice Group), the nine learning themes of its yearly report word for
word, mapped to the partnership's themes, and the actions its meetings agreed on them."""

from masa.actions.models import Action
from masa.case_discussions.models import CaseDiscussion, DiscussionAction
from masa.demo.case_discussions_data import REPORT_THEMES
from masa.demo.case_discussions_loader import load_case_discussions_demo
from masa.incidents.pseudonyms import looks_like_name
from masa.reviews.models import Theme


def test_four_local_cases_in_2023_24(demo):
    discussions = CaseDiscussion.objects.filter(partnership__slug="hounslow").select_related(
        "group", "meeting"
    )
    assert discussions.count() == 4
    for d in discussions:
        assert d.group.name == "Effective Practice Group"
        assert d.meeting is not None and d.meeting.starts_at.date() == d.discussed_on
        assert "2023-04-01" <= d.discussed_on.isoformat() <= "2024-03-31"
        assert d.decision in ("single_agency_learning", "no_further_action")
        assert d.is_shareable and not looks_like_name(d.reference)
    assert not CaseDiscussion.objects.exclude(partnership__slug="hounslow").exists()


def test_the_reports_nine_learning_themes_word_for_word(demo):
    learning = " ".join(
        CaseDiscussion.objects.filter(partnership__slug="hounslow").values_list("learning", flat=True)
    )
    assert len(REPORT_THEMES) == 9
    for theme in REPORT_THEMES:
        assert theme in learning
    assert "Good practice was noted in the implementation of the Right Person, Right Care policy." in learning


def test_mapped_to_the_partnerships_themes(demo):
    online = Theme.objects.get(partnership__slug="hounslow", slug="online-harm")
    assert online.case_discussions.count() == 1
    names = set(
        Theme.objects.filter(partnership__slug="hounslow", case_discussions__isnull=False).values_list(
            "name", flat=True
        )
    )
    assert names == {
        "Information sharing",
        "Response to referrals",
        "Fathers and male carers",
        "Online harm",
        "Exploitation",
        "Adolescents",
        "Mental health",
        "Think Family",
        "Right Person, Right Care",
    }


def test_the_meetings_actions_are_held_not_repeated(demo):
    links = DiscussionAction.objects.filter(partnership__slug="hounslow").select_related(
        "action__meeting_item"
    )
    assert links.count() == 3
    for link in links:
        assert link.action.meeting_item.meeting_id == link.discussion.meeting_id


def test_loading_again_changes_nothing(demo):
    before = (
        CaseDiscussion.objects.count(),
        Theme.objects.count(),
        Action.objects.count(),
        DiscussionAction.objects.count(),
    )
    load_case_discussions_demo()
    assert (
        CaseDiscussion.objects.count(),
        Theme.objects.count(),
        Action.objects.count(),
        DiscussionAction.objects.count(),
    ) == before
