"""Briefing pages inside masa: writing, publishing, withdrawing, dissemination and query counts."""

import re
from datetime import timedelta

from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.briefings import services as services
from masa.briefings import views as views
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus
from tests.briefings.conftest import make_briefing
from tests.factories import member


def _url(name, world, briefing=None, **query):
    args = [world.partnership.slug] + ([briefing.uuid] if briefing is not None else [])
    url = reverse(f"briefings:{name}", args=args)
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def _form(world, **overrides):
    data = {
        "title": "Mental health and suicide prevention",
        "slug": "",
        "review": "",
        "themes": [world.themes["online-harm"].pk],
        "background": "A care leaver took their own life.",
        "what_we_found": "Transition planning began late.",
        "why_it_matters": "Support must not stop at 18.",
        "what_to_do": "Start pathway planning early.",
        "questions_to_ask": "",
        "further_reading": "",
    }
    data.update(overrides)
    return data


def test_business_team_writes_a_draft(client, alpha):
    client.force_login(alpha.bt)
    response = client.post(_url("briefing_create", alpha), _form(alpha))
    briefing = Briefing.objects.get(slug="mental-health-and-suicide-prevention")
    assert response.status_code == 302
    assert response["Location"] == _url("briefing_detail", alpha, briefing)
    assert briefing.status == BriefingStatus.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert views.BRIEFING_SAVED in page
    assert "Start pathway planning early." in page


def test_create_from_a_review_prefills_title_themes_and_findings(client, alpha, beta):
    client.force_login(alpha.bt)
    page = client.get(_url("briefing_create", alpha, review=alpha.review.uuid)).content.decode()
    assert 'value="Pre-birth assessment rapid review"' in page
    assert "1. Assessment started late\n2. Fathers were not included" in page
    checked = re.findall(r'value="(\d+)"\s*checked="checked"', page)
    assert checked == [str(alpha.themes["pre-birth"].pk)]
    assert f'<option value="{alpha.review.pk}" selected>' in page
    # Another partnership's review, or nonsense, is 404.
    assert client.get(_url("briefing_create", alpha, review=beta.review.uuid)).status_code == 404
    assert client.get(_url("briefing_create", alpha, review="nonsense")).status_code == 404


def test_a_taken_slug_is_a_clear_error_and_keeps_the_answers(client, alpha):
    client.force_login(alpha.bt)
    count = Briefing.objects.count()
    response = client.post(_url("briefing_create", alpha), _form(alpha, slug=alpha.published.slug))
    page = response.content.decode()
    assert response.status_code == 400
    assert services.SLUG_TAKEN.format(slug=alpha.published.slug) in page
    assert 'href="#id_slug"' in page
    assert "Transition planning began late." in page
    assert Briefing.objects.count() == count


def test_blank_title_is_an_error(client, alpha):
    client.force_login(alpha.bt)
    response = client.post(_url("briefing_create", alpha), _form(alpha, title=""))
    assert response.status_code == 400
    assert "Enter the title" in response.content.decode()


def test_edit_a_draft_but_not_a_published_briefing(client, alpha):
    client.force_login(alpha.bt)
    page = client.get(_url("briefing_edit", alpha, alpha.draft)).content.decode()
    assert alpha.draft.title in page
    response = client.post(_url("briefing_edit", alpha, alpha.draft), _form(alpha, title="Renamed draft"))
    assert response.status_code == 302
    alpha.draft.refresh_from_db()
    assert alpha.draft.title == "Renamed draft"
    response = client.get(_url("briefing_edit", alpha, alpha.published))
    assert response.status_code == 302
    assert response["Location"] == _url("briefing_detail", alpha, alpha.published)


def test_publish_an_incomplete_draft_is_refused_with_links_to_the_fields(client, alpha):
    draft = make_briefing(alpha.partnership, title="Incomplete", why_it_matters="", what_to_do="")
    client.force_login(alpha.bt)
    page = client.get(_url("briefing_publish", alpha, draft)).content.decode()
    assert "Enter why it matters before publishing" in page
    assert f"{_url('briefing_edit', alpha, draft)}#id_what_to_do" in page
    response = client.post(_url("briefing_publish", alpha, draft))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == BriefingStatus.DRAFT


def test_publish_then_withdraw(client, alpha):
    client.force_login(alpha.bt)
    response = client.post(_url("briefing_publish", alpha, alpha.draft))
    assert response.status_code == 302
    alpha.draft.refresh_from_db()
    assert alpha.draft.status == BriefingStatus.PUBLISHED
    assert alpha.draft.published_on == timezone.localdate()
    # django-auditlog records who published it.
    entry = LogEntry.objects.get_for_object(alpha.draft).filter(changes__icontains="published").first()
    assert entry is not None and entry.actor == alpha.bt
    public = reverse("briefings:public_briefing", args=[alpha.partnership.slug, alpha.draft.slug])
    client.logout()
    assert client.get(public).status_code == 200
    client.force_login(alpha.bt)
    assert client.post(_url("briefing_withdraw", alpha, alpha.draft)).status_code == 302
    alpha.draft.refresh_from_db()
    assert alpha.draft.status == BriefingStatus.WITHDRAWN
    client.logout()
    assert client.get(public).status_code == 404


def test_preview_shows_the_public_layout(client, alpha):
    client.force_login(alpha.bt)
    page = client.get(_url("briefing_preview", alpha, alpha.draft)).content.decode()
    assert "This is how the briefing will look on the public learning page" in page
    assert "The public cannot see it yet" in page
    assert "1. Background" in page


def test_drafts_are_hidden_from_readers_outside_the_business_team(client, alpha):
    client.force_login(member(alpha.partnership, Role.CHAIR))
    listing = client.get(_url("briefing_list", alpha)).content.decode()
    assert alpha.published.title in listing
    assert alpha.draft.title not in listing
    assert client.get(_url("briefing_detail", alpha, alpha.draft)).status_code == 404
    assert client.get(_url("briefing_detail", alpha, alpha.published)).status_code == 200


def test_dissemination_table_counts_agencies(client, alpha):
    BriefingDissemination.objects.create(
        partnership=alpha.partnership,
        briefing=alpha.published,
        agency=alpha.agencies[1],
        confirmed_on=timezone.localdate(),
        how="Staff newsletter",
    )
    client.force_login(alpha.bt)
    page = client.get(_url("dissemination", alpha, alpha.published)).content.decode()
    assert "1 of 3 agencies confirmed" in page
    assert "Staff newsletter" in page
    assert page.count("Not yet") == 2


def test_agency_lead_confirms_for_own_agency_and_is_refused_for_another(client, alpha):
    client.force_login(alpha.lead)
    url = _url("dissemination_confirm", alpha, alpha.published)
    page = client.get(url).content.decode()
    assert f'<option value="{alpha.agencies[0].pk}" selected>' in page
    today = timezone.localdate()
    data = {
        "confirmed_on_0": today.day,
        "confirmed_on_1": today.month,
        "confirmed_on_2": today.year,
        "how": "Team meetings",
        "staff_reached": "12",
    }
    response = client.post(url, {**data, "agency": alpha.agencies[1].pk})
    assert response.status_code == 400
    assert services.OWN_AGENCY_ONLY in response.content.decode()
    assert not BriefingDissemination.objects.exists()
    response = client.post(url, {**data, "agency": alpha.agencies[0].pk})
    assert response.status_code == 302
    row = BriefingDissemination.objects.get()
    assert (row.agency, row.staff_reached, row.confirmed_by) == (alpha.agencies[0], 12, alpha.lead)
    # Again, with a new figure: updated, not duplicated.
    client.post(url, {**data, "agency": alpha.agencies[0].pk, "staff_reached": "30"})
    assert BriefingDissemination.objects.get().staff_reached == 30


def test_confirmation_in_the_future_is_refused_on_the_form(client, alpha):
    client.force_login(alpha.bt)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        _url("dissemination_confirm", alpha, alpha.published),
        {
            "agency": alpha.agencies[2].pk,
            "confirmed_on_0": tomorrow.day,
            "confirmed_on_1": tomorrow.month,
            "confirmed_on_2": tomorrow.year,
        },
    )
    assert response.status_code == 400
    assert services.CONFIRMED_IN_FUTURE in response.content.decode()
    assert not BriefingDissemination.objects.exists()


def test_other_roles_cannot_confirm(client, alpha):
    client.force_login(member(alpha.partnership, Role.DSP))
    assert client.get(_url("dissemination_confirm", alpha, alpha.published)).status_code == 403


def test_list_and_dissemination_query_counts_are_constant(client, alpha, django_assert_max_num_queries):
    client.force_login(alpha.bt)
    for n in range(5):
        make_briefing(alpha.partnership, title=f"Extra {n}", themes=list(alpha.themes.values()))
    with django_assert_max_num_queries(14):
        assert client.get(_url("briefing_list", alpha)).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(_url("dissemination", alpha, alpha.published)).status_code == 200


def test_staff_reached_must_be_a_whole_number_of_zero_or_more(client, alpha):
    client.force_login(alpha.lead)
    today = timezone.localdate()
    url = _url("dissemination_confirm", alpha, alpha.published)
    base = {
        "agency": alpha.agencies[0].pk,
        "confirmed_on_0": today.day,
        "confirmed_on_1": today.month,
        "confirmed_on_2": today.year,
    }
    for value, message in (("-3", "The number of staff reached must be 0 or more"), ("many", "whole number")):
        response = client.post(url, {**base, "staff_reached": value})
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not BriefingDissemination.objects.exists()


def test_confirm_button_only_for_those_who_may_confirm(client, alpha):
    detail = _url("briefing_detail", alpha, alpha.published)
    client.force_login(alpha.lead)
    assert "Confirm you cascaded it" in client.get(detail).content.decode()
    client.force_login(member(alpha.partnership, Role.SCRUTINEER))
    assert "Confirm you cascaded it" not in client.get(detail).content.decode()


def test_agency_of_prefers_the_person_record_then_the_membership(alpha):
    from masa.accounts.models import Membership
    from masa.briefings.selectors import agency_of

    assert agency_of(alpha.lead, alpha.partnership) == alpha.agencies[0]
    other = member(alpha.partnership, Role.AGENCY_LEAD, mfa=False)
    assert agency_of(other, alpha.partnership) is None
    Membership.objects.filter(user=other).update(agency=alpha.agencies[2])
    assert agency_of(other, alpha.partnership) == alpha.agencies[2]
