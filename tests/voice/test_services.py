"""The voice services: what they save, and what they refuse with which message, saving nothing."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from masa.voice import services
from masa.voice.models import EngagementActivity, EntryStatus, YouSaidWeDid
from masa.voice.rules_pure import counts_problems, identifying_text
from tests.factories import SETUP
from tests.voice.world import TODAY


def activity(w, **changes):
    answers = {
        "actor": SETUP,
        "partnership": w.partnership,
        "title": "Corporate Parenting Board: care leavers' views",
        "held_on": date(2024, 2, 7),
        "kind": "board",
        "forum": "Corporate Parenting Board",
        "counts": {"aged_16_to_17": 4, "aged_18_to_25": 6, "care_experienced": 10},
        "what_they_said": "Care leavers want one named worker through the move to adulthood.",
        "today": TODAY,
    }
    return services.activity_save(**{**answers, **changes})


def errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_an_activity_is_saved_with_counts_and_a_total(w):
    saved = activity(w)
    assert saved.total == 10
    assert saved.care_experienced == 10 and saved.aged_under_11 == 0
    assert ("18 to 25", 6) in saved.age_counts()
    assert LogEntry.objects.get_for_object(saved).count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "title", "Enter the title of the activity"),
        ({"held_on": None}, "held_on", "Enter the date of the activity"),
        (
            {"held_on": TODAY + timedelta(days=1)},
            "held_on",
            "The date of the activity must be today or in the past",
        ),
        ({"kind": "party"}, "kind", "Select what kind of activity it was"),
        ({"what_they_said": ""}, "what_they_said", "Enter what children and families said"),
        ({"counts": {}}, "aged_under_11", "Enter how many took part in at least one age band"),
        ({"counts": {"aged_11_to_15": -1}}, "aged_11_to_15", "11 to 15 must be 0 or more"),
        (
            {"counts": {"aged_11_to_15": 3, "young_carers": 4}},
            "young_carers",
            "Young carers must not be more than the 3 who took part",
        ),
        (
            {"what_they_said": "Mrs Patel said the bus was late"},
            "what_they_said",
            "What they said must not identify anyone: remove “Mrs Patel”. "
            "Record who took part as counts, never names",
        ),
        (
            {"forum": "Contact jo.bloggs@example.org"},
            "forum",
            "The group or forum must not identify anyone: remove “jo.bloggs@example.org”. "
            "Record who took part as counts, never names",
        ),
    ],
)
def test_a_bad_activity_is_refused_naming_the_field_and_nothing_is_saved(w, changes, field, message):
    before = EngagementActivity.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        activity(w, **changes)
    assert errors(excinfo)[field] == [message]
    assert EngagementActivity.objects.count() == before


def test_changing_an_activity_keeps_its_entries(w):
    changed = activity(
        w, activity=w.activity, title="Youth Council: online safety", counts={"aged_11_to_15": 12}
    )
    assert changed.pk == w.activity.pk and changed.total == 12
    assert set(changed.entries.all()) == {w.published, w.draft}


def test_an_activity_of_another_partnership_cannot_be_changed_through_this_one(w):
    other = activity(w, partnership=w.other_action.partnership)
    with pytest.raises(ValidationError, match="another partnership"):
        activity(w, activity=other)


def test_an_entry_links_existing_actions_and_refuses_another_partnerships(w):
    entry = services.entry_save(
        actor=SETUP,
        activity=w.activity,
        you_said="x",
        we_did="y",
        status=EntryStatus.DONE,
        actions=[w.action],
    )
    assert list(entry.actions.all()) == [w.action]
    assert list(w.action.voice_entries.all()) == [w.published, entry]
    with pytest.raises(ValidationError) as excinfo:
        services.entry_save(
            actor=SETUP,
            activity=w.activity,
            you_said="x",
            we_did="y",
            status=EntryStatus.DONE,
            actions=[w.other_action],
            entry=entry,
        )
    assert errors(excinfo) == {"actions": ["Select actions of this partnership's action tracker"]}
    assert list(entry.actions.all()) == [w.action]


def test_a_bad_entry_names_every_field(w):
    with pytest.raises(ValidationError) as excinfo:
        services.entry_save(actor=SETUP, activity=w.activity, you_said=" ", we_did="", status="maybe")
    assert errors(excinfo) == {
        "you_said": ["Enter what children or families said"],
        "we_did": ["Enter what the partnership did, or plans to do"],
        "status": ["Select whether the change is planned or done"],
    }
    with pytest.raises(ValidationError) as excinfo:
        services.entry_save(
            actor=SETUP,
            activity=w.activity,
            you_said="My name is Sam",
            we_did="ring 020 8583 2000",
            status="done",
        )
    assert set(errors(excinfo)) == {"you_said", "we_did"}
    assert YouSaidWeDid.objects.filter(activity=w.activity).count() == 2


def test_publishing_and_withdrawing_an_entry(w):
    published = services.entry_publish(actor=SETUP, entry=w.draft)
    assert published.is_published and published.published_at is not None
    with pytest.raises(ValidationError, match="already published"):
        services.entry_publish(actor=SETUP, entry=w.draft)
    with pytest.raises(ValidationError) as excinfo:
        services.entry_withdraw(actor=SETUP, entry=w.draft, reason=" ")
    assert errors(excinfo) == {"reason": ["Enter why the entry is being taken off the public page"]}
    withdrawn = services.entry_withdraw(
        actor=SETUP, entry=w.draft, reason="Wording not yet agreed with the Youth Council"
    )
    assert not withdrawn.is_published and withdrawn.published_at is None
    last = LogEntry.objects.get_for_object(withdrawn).order_by("-timestamp", "-pk").first()
    assert last.additional_data["reason"] == "Wording not yet agreed with the Youth Council"
    with pytest.raises(ValidationError, match="nothing to withdraw"):
        services.entry_withdraw(actor=SETUP, entry=w.draft, reason="Again")


def test_identifying_text_finds_what_plainly_names_someone():
    assert identifying_text("Mr. Khan ran the session") == "Mr. Khan"
    assert identifying_text("my name is Aisha and I am 14") == "my name is Aisha"
    assert identifying_text("call 07700 900123") == "07700 900123"
    assert identifying_text("The Youth Council said the Mrs and Mr titles felt formal") is None
    assert identifying_text("14 young people aged 11 to 15 took part in 2024") is None


def test_counts_problems():
    assert counts_problems({"a": 2, "b": 1}, {"g": 3}) == {}
    assert counts_problems({"a": 0, "b": 0}, {"g": 0}) == {"a": "NOBODY"}
    assert counts_problems({"a": 2}, {"g": 3}) == {"g": "MORE_THAN_TOTAL"}
    assert counts_problems({"a": -2}, {"g": 0}) == {"a": "NEGATIVE"}


def test_marking_a_published_entry_done_keeps_it_published_and_logs_the_change(w):
    changed = services.entry_save(
        actor=SETUP,
        activity=w.activity,
        you_said=w.published.you_said,
        we_did="Practitioners were trained in the language and culture of online life",
        status=EntryStatus.DONE,
        actions=[w.action],
        entry=w.published,
    )
    assert changed.is_published and changed.status == EntryStatus.DONE
    last = LogEntry.objects.get_for_object(changed).order_by("-timestamp", "-pk").first()
    assert "status" in last.changes_dict and "we_did" in last.changes_dict
