"""Briefing services: drafts, publication, withdrawal and dissemination; refusals save nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from masa.briefings import services as services
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus


def _create(world, **overrides):
    data = {
        "actor": world.bt,
        "partnership": world.partnership,
        "title": "Online harm and adolescents",
        "themes": [world.themes["online-harm"]],
        "background": "Background",
    }
    return services.briefing_create(**{**data, **overrides})


def test_create_makes_a_draft_with_a_slug_from_the_title(alpha):
    briefing = _create(alpha, review=alpha.review)
    assert briefing.status == BriefingStatus.DRAFT
    assert briefing.slug == "online-harm-and-adolescents"
    assert briefing.published_on is None
    assert list(briefing.themes.all()) == [alpha.themes["online-harm"]]
    assert briefing.review == alpha.review


def test_slug_is_unique_in_the_partnership_with_a_clear_error(alpha, beta):
    _create(alpha)
    count = Briefing.objects.count()
    with pytest.raises(ValidationError) as error:
        _create(alpha, title="Another title", slug="online-harm-and-adolescents")
    assert error.value.message_dict["slug"] == [
        services.SLUG_TAKEN.format(slug="online-harm-and-adolescents")
    ]
    assert Briefing.objects.count() == count
    # The same web address is free in another partnership.
    assert _create(beta).slug == "online-harm-and-adolescents"


def test_create_refuses_a_blank_title_and_another_partnerships_review_or_themes(alpha, beta):
    count = Briefing.objects.count()
    with pytest.raises(ValidationError) as error:
        _create(alpha, title="  ")
    assert error.value.message_dict == {"title": [services.TITLE_NEEDED]}
    with pytest.raises(ValidationError) as error:
        _create(alpha, review=beta.review)
    assert error.value.message_dict == {"review": [services.REVIEW_NOT_IN_PARTNERSHIP]}
    with pytest.raises(ValidationError) as error:
        _create(alpha, themes=[beta.themes["neglect"]])
    assert error.value.message_dict == {"themes": [services.THEME_NOT_IN_PARTNERSHIP]}
    assert Briefing.objects.count() == count


def test_update_changes_a_draft_but_not_a_published_briefing(alpha):
    updated = services.briefing_update(
        actor=alpha.bt, briefing=alpha.draft, title="New title", slug="new-title", what_to_do="Act"
    )
    updated.refresh_from_db()
    assert (updated.title, updated.slug, updated.what_to_do) == ("New title", "new-title", "Act")
    with pytest.raises(ValidationError) as error:
        services.briefing_update(actor=alpha.bt, briefing=alpha.published, title="Changed")
    assert error.value.messages == [services.NOT_A_DRAFT.format(status="published")]
    alpha.published.refresh_from_db()
    assert alpha.published.title == "Published alpha briefing"


def test_update_keeps_its_own_slug_but_not_anothers(alpha):
    services.briefing_update(actor=alpha.bt, briefing=alpha.draft, title="T", slug=alpha.draft.slug)
    with pytest.raises(ValidationError) as error:
        services.briefing_update(actor=alpha.bt, briefing=alpha.draft, title="T", slug=alpha.published.slug)
    assert "slug" in error.value.message_dict


def test_publish_needs_the_four_core_sections_and_saves_nothing_otherwise(alpha):
    briefing = _create(alpha)
    with pytest.raises(ValidationError) as error:
        services.briefing_publish(actor=alpha.bt, briefing=briefing)
    assert set(error.value.message_dict) == {"what_we_found", "why_it_matters", "what_to_do"}
    assert error.value.message_dict["what_to_do"] == ["Enter what to do before publishing"]
    briefing.refresh_from_db()
    assert briefing.status == BriefingStatus.DRAFT and briefing.published_on is None


def test_publish_sets_the_date_then_withdraw_keeps_the_record(alpha):
    published = services.briefing_publish(actor=alpha.bt, briefing=alpha.draft)
    published.refresh_from_db()
    assert published.status == BriefingStatus.PUBLISHED
    assert published.published_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.briefing_publish(actor=alpha.bt, briefing=published)
    withdrawn = services.briefing_withdraw(actor=alpha.bt, briefing=published)
    withdrawn.refresh_from_db()
    assert withdrawn.status == BriefingStatus.WITHDRAWN
    assert withdrawn.published_on == timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.briefing_publish(actor=alpha.bt, briefing=withdrawn)
    assert error.value.messages == [services.CANNOT_PUBLISH_WITHDRAWN]
    with pytest.raises(ValidationError) as error:
        services.briefing_withdraw(actor=alpha.bt, briefing=alpha.draft)
    assert error.value.messages == [services.ONLY_PUBLISHED_WITHDRAWN]


def _confirm(world, agency, **overrides):
    data = {
        "actor": world.lead,
        "briefing": world.published,
        "agency": agency,
        "confirmed_on": timezone.localdate(),
        "how": "Team meetings",
        "staff_reached": 40,
        "own_agency": world.agencies[0],
    }
    return services.dissemination_confirm(**{**data, **overrides})


def test_agency_lead_confirms_for_own_agency_only(alpha):
    confirmation = _confirm(alpha, alpha.agencies[0])
    assert confirmation.partnership == alpha.partnership
    assert confirmation.confirmed_by == alpha.lead
    with pytest.raises(ValidationError) as error:
        _confirm(alpha, alpha.agencies[1])
    assert error.value.message_dict == {"agency": [services.OWN_AGENCY_ONLY]}
    with pytest.raises(ValidationError) as error:
        _confirm(alpha, alpha.agencies[0], own_agency=None)
    assert error.value.message_dict == {"agency": [services.NO_OWN_AGENCY]}
    assert BriefingDissemination.objects.count() == 1


def test_business_team_records_for_any_agency_of_the_partnership(alpha, beta):
    _confirm(alpha, alpha.agencies[2], actor=alpha.bt, any_agency=True, own_agency=None)
    assert BriefingDissemination.objects.filter(agency=alpha.agencies[2]).exists()
    with pytest.raises(ValidationError) as error:
        _confirm(alpha, beta.agencies[0], actor=alpha.bt, any_agency=True)
    assert error.value.message_dict == {"agency": [services.AGENCY_NOT_IN_PARTNERSHIP]}


def test_a_second_confirmation_updates_the_first(alpha):
    _confirm(alpha, alpha.agencies[0])
    _confirm(alpha, alpha.agencies[0], how="Newsletter", staff_reached=55)
    only = BriefingDissemination.objects.get()
    assert (only.how, only.staff_reached) == ("Newsletter", 55)


def test_confirmation_dates_before_publication_or_in_the_future_are_refused(alpha):
    published_on = alpha.published.published_on
    for day, message in (
        (
            published_on - timedelta(days=1),
            services.CONFIRMED_BEFORE_PUBLISHED.format(day=services.long_date(published_on)),
        ),
        (timezone.localdate() + timedelta(days=1), services.CONFIRMED_IN_FUTURE),
    ):
        with pytest.raises(ValidationError) as error:
            _confirm(alpha, alpha.agencies[0], confirmed_on=day)
        assert error.value.message_dict == {"confirmed_on": [message]}
    assert not BriefingDissemination.objects.exists()


def test_only_published_briefings_can_be_confirmed(alpha):
    for briefing in (alpha.draft, alpha.withdrawn):
        with pytest.raises(ValidationError) as error:
            _confirm(alpha, alpha.agencies[0], briefing=briefing)
        assert error.value.messages == [services.NOT_PUBLISHED]
    assert not BriefingDissemination.objects.exists()
