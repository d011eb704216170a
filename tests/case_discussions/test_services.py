"""Recording local case discussions: pseudonymised references only, the meeting's date, the
partnership's own agencies, groups and themes, learning before sharing, and actions that go
into the tracker without the case reference; bad input refused whole."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError

from masa.actions.models import Action, ActionSource
from masa.case_discussions import selectors, services
from masa.case_discussions.models import CaseDiscussion, Decision, DiscussionAction
from masa.case_discussions.selectors import Access
from masa.incidents import pseudonyms
from masa.reviews.models import Theme
from tests.case_discussions.world import DAY, TODAY, make_world
from tests.factories import SETUP, GroupFactory, PartnershipAgencyFactory, PartnershipFactory, PersonFactory
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("cd-s")


@pytest.fixture
def w(_world, db):
    for record in (_world.shared, _world.private, *_world.themes):
        record.refresh_from_db()
    return _world


def record(w, **changes):
    fields = {
        "actor": SETUP,
        "partnership": w.partnership,
        "reference": "Child C",
        "group": w.cases_group,
        "discussed_on": DAY,
        "referring_agency": w.agency,
        "decision": Decision.LOCAL_LEARNING_REVIEW,
        "themes": [w.themes[0]],
        "learning": "Recording of fathers' information.",
        "is_shareable": False,
    }
    fields.update(changes)
    return services.discussion_record(**fields)


def errors_of(excinfo) -> dict:
    return {k: v[0] for k, v in excinfo.value.message_dict.items()}


def test_a_discussion_takes_the_meetings_date_and_its_themes(w):
    assert w.shared.discussed_on == DAY
    assert w.shared.meeting == w.meeting
    assert list(w.shared.themes.all()) == [w.themes[0]]
    assert list(w.themes[0].case_discussions.all()) == [w.shared]


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("", "Enter the case reference"),
        ("Jayden Smith", pseudonyms.LOOKS_LIKE_NAME),
        ("Child A 12/03/2012", pseudonyms.CONTAINS_DATE),
        ("case 42", "The case reference must follow the partnership's pseudonymised form, such as Child A"),
        ("x" * 101, "The case reference must be 100 characters or fewer"),
    ],
)
def test_only_pseudonymised_references_are_kept(w, reference, message):
    with pytest.raises(ValidationError) as excinfo:
        record(w, reference=reference)
    assert errors_of(excinfo)["reference"] == message
    assert not CaseDiscussion.objects.filter(partnership=w.partnership, reference="Child C").exists()


def test_every_missing_or_foreign_answer_is_named(w):
    other = PartnershipFactory(slug="cd-s-other")
    foreign_theme = Theme.objects.create(partnership=other, name="Elsewhere", slug="elsewhere")
    with pytest.raises(ValidationError) as excinfo:
        record(
            w,
            group=GroupFactory(partnership=other),
            discussed_on=None,
            referring_agency=PartnershipAgencyFactory(partnership=other).agency,
            decision="sort_of",
            themes=[foreign_theme],
        )
    assert errors_of(excinfo) == {
        "group": "Select a group of this partnership",
        "discussed_on": "Enter the date the case was discussed",
        "referring_agency": "Select an agency of this partnership",
        "decision": "Select what the group decided",
        "themes": "Select themes of this partnership that are still in use",
    }
    with pytest.raises(ValidationError) as excinfo:
        record(w, group=None, referring_agency=None)
    assert errors_of(excinfo) == {
        "group": "Select the group that discussed the case",
        "referring_agency": "Select the agency that referred the case",
    }


def test_the_date_is_not_in_the_future_and_matches_the_meeting(w):
    with pytest.raises(ValidationError) as excinfo:
        record(w, discussed_on=TODAY + timedelta(days=1))
    assert errors_of(excinfo) == {
        "discussed_on": "The date the case was discussed must be today or in the past"
    }
    with pytest.raises(ValidationError) as excinfo:
        record(w, meeting=w.meeting, discussed_on=DAY - timedelta(days=1))
    assert errors_of(excinfo)["discussed_on"].startswith(
        "The date the case was discussed must be the date of the meeting chosen"
    )


def test_a_retired_theme_is_refused(w):
    w.themes[1].is_active = False
    w.themes[1].save()
    with pytest.raises(ValidationError) as excinfo:
        record(w, themes=[w.themes[1]])
    assert "themes" in errors_of(excinfo)


def test_learning_is_needed_before_it_is_shared(w):
    with pytest.raises(ValidationError) as excinfo:
        record(w, learning="  ", is_shareable=True)
    assert errors_of(excinfo) == {"learning": "Enter the learning before sharing it with practitioners"}
    assert record(w, learning="", decision=Decision.NO_FURTHER_ACTION).learning == ""


def test_the_same_case_on_the_same_day_is_refused_but_another_day_is_not(w):
    with pytest.raises(ValidationError) as excinfo:
        record(w, reference=" Child  A ")
    assert errors_of(excinfo) == {"reference": "This case is already recorded as discussed on that date"}
    assert record(w, reference="Child A", discussed_on=DAY - timedelta(days=7)).reference == "Child A"


def test_a_correction_checks_again_and_keeps_the_rest(w):
    services.discussion_update(
        actor=SETUP,
        discussion=w.private,
        reference="Child B",
        group=w.cases_group,
        discussed_on=w.private.discussed_on,
        referring_agency=w.agency,
        decision=Decision.SINGLE_AGENCY,
        themes=w.themes,
        learning="Think family, with adult services.",
        is_shareable=True,
    )
    w.private.refresh_from_db()
    assert w.private.decision == Decision.SINGLE_AGENCY and w.private.is_shareable
    assert set(w.private.themes.all()) == set(w.themes)
    with pytest.raises(ValidationError) as excinfo:
        services.discussion_update(
            actor=SETUP,
            discussion=w.private,
            reference="Child A",
            group=w.cases_group,
            discussed_on=DAY,
            referring_agency=w.agency,
            decision=Decision.SINGLE_AGENCY,
        )
    assert errors_of(excinfo) == {"reference": "This case is already recorded as discussed on that date"}
    w.private.refresh_from_db()
    assert w.private.reference == "Child B"


def test_an_action_goes_into_the_tracker_without_the_reference(w):
    action = services.action_add(
        actor=SETUP,
        discussion=w.shared,
        title="Alert other local authorities when a vulnerable child moves out of the borough",
        owner=w.recorder_person,
        due_date=TODAY + timedelta(days=30),
    )
    assert action.source == ActionSource.CASE_DISCUSSION
    assert action.group == w.cases_group
    assert "Child A" not in action.title + action.description
    assert DiscussionAction.objects.get(action=action).discussion == w.shared
    assert action.case_discussion_link.discussion == w.shared
    assert selectors.discussion_actions(w.shared) == [action]


def test_a_bad_action_is_refused_whole(w):
    before = Action.objects.count()
    outsider = PersonFactory(partnership=PartnershipFactory(slug="cd-s-far"))
    with pytest.raises(ValidationError) as excinfo:
        services.action_add(
            actor=SETUP, discussion=w.shared, title=" ", owner=outsider, due_date=TODAY - timedelta(days=1)
        )
    assert errors_of(excinfo) == {
        "title": "Enter the action",
        "owner": "Select a person of this partnership",
        "due_date": "The date the action is due must be today or in the future",
    }
    with pytest.raises(ValidationError) as excinfo:
        services.action_add(actor=SETUP, discussion=w.shared, title="Do it", owner=None, due_date=None)
    assert errors_of(excinfo) == {
        "owner": "Select who owns the action",
        "due_date": "Enter the date the action is due",
    }
    assert Action.objects.count() == before


def test_who_sees_which_discussion_and_how_much(w):
    def seen(user):
        return {d.reference: d.access for d in selectors.register(user, w.partnership)}

    full = {"Child A": Access.FULL, "Child B": Access.FULL}
    assert seen(w.business_team) == full
    assert seen(w.lsp) == full
    assert seen(w.recorder) == full
    assert seen(w.scrutineer) == {"Child A": Access.ANONYMISED, "Child B": Access.ANONYMISED}
    assert seen(w.practitioner) == {"Child A": Access.LEARNING}
    assert seen(w.outsider) == {"Child A": Access.LEARNING}
    assert selectors.discussion_get(w.practitioner, w.partnership, w.private.uuid) is None
    assert selectors.discussion_get(w.outsider, w.partnership, w.private.uuid) is None
    other = PartnershipFactory(slug="cd-s-elsewhere")
    assert selectors.register(w.business_team, other) == []
    assert selectors.discussion_get(w.business_team, other, w.shared.uuid) is None


def test_the_theme_lists_what_the_user_may_see(w):
    assert [d.reference for d in selectors.theme_discussions(w.scrutineer, w.themes[1])] == ["Child B"]
    assert selectors.theme_discussions(w.practitioner, w.themes[1]) == []
    assert [d.access for d in selectors.theme_discussions(w.practitioner, w.themes[0])] == [Access.LEARNING]


def test_recorders_may_choose_only_their_groups(w):
    assert list(selectors.recordable_groups(w.recorder, w.partnership)) == [w.cases_group]
    assert set(selectors.recordable_groups(w.business_team, w.partnership)) == {w.cases_group, w.other_group}
    assert not selectors.recordable_groups(w.scrutineer, w.partnership).exists()
    assert not selectors.recordable_groups(w.practitioner, w.partnership).exists()


def test_an_action_the_meeting_agreed_is_held_not_repeated(w):
    from masa.actions.services import action_create
    from masa.governance.models import AgendaItem

    item = AgendaItem.objects.create(
        partnership=w.partnership, meeting=w.meeting, title="Local cases", order=1, purpose="discussion"
    )
    agreed = action_create(
        actor=SETUP,
        partnership=w.partnership,
        title="Write a practice note",
        owner=w.recorder_person,
        due_date=TODAY + timedelta(days=10),
        source=ActionSource.MEETING_ITEM,
        meeting_item=item,
    )
    services.action_link(actor=SETUP, discussion=w.shared, action=agreed)
    assert selectors.discussion_actions(w.shared) == [agreed]
    with pytest.raises(ValidationError) as excinfo:
        services.action_link(actor=SETUP, discussion=w.shared, action=agreed)
    assert errors_of(excinfo) == {"action": "This action is already held by a local case discussion"}
    agreed.pk, agreed.number, agreed.uuid = None, agreed.number + 1, uuid4()
    agreed.save()
    with pytest.raises(ValidationError) as excinfo:
        services.action_link(actor=SETUP, discussion=w.private, action=agreed)
    assert errors_of(excinfo) == {
        "action": "Select an action agreed at the meeting the case was discussed at"
    }
