"""The review and theme pages with the Django test client, including bad input."""

import re
from datetime import date, timedelta
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from masa.actions.models import Action, ActionSource
from masa.reviews import selectors, services, views
from masa.reviews.models import Finding, Milestone, Recommendation, Review, ReviewKind, Theme
from tests.factories import SETUP
from tests.governance.files import pdf_bytes
from tests.reviews.conftest import TODAY, add_chain, make_review

# A real one-page PDF: uploads are opened with pypdf, so a few PDF-looking bytes are refused.
PDF = pdf_bytes()


def url(name: str, world, *args) -> str:
    return reverse(f"reviews:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day: date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


# Lists and filters ------------------------------------------------------------------------------


def test_review_list_filters_by_kind_status_and_theme(client, alpha):
    make_review(alpha, "NAT-1", kind=ReviewKind.NATIONAL, title="True to Us", status="completed")
    online = make_review(alpha, "LLR-9", title="Scams and adolescents")
    services.finding_save(
        actor=SETUP, review=online, text="Online scams", themes=[alpha.themes["online-harm"]]
    )
    client.force_login(alpha.owner_user)
    page = text_of(client.get(url("review_list", alpha)))
    assert "3 reviews" in page and "True to Us" in page
    page = text_of(client.get(url("review_list", alpha), {"kind": "national"}))
    assert "1 review " in page and "True to Us" in page and "Mental health and suicide" not in page
    page = text_of(client.get(url("review_list", alpha), {"status": "planned"}))
    assert "2 reviews" in page and "True to Us" not in page
    # A review is found by its own themes and by its findings' themes.
    page = text_of(client.get(url("review_list", alpha), {"theme": "online-harm"}))
    assert "1 review " in page and "Scams and adolescents" in page
    page = text_of(client.get(url("review_list", alpha), {"theme": "mental-health"}))
    assert "Mental health and suicide" in page and "Scams" not in page
    response = client.get(url("review_list", alpha), {"kind": "nonsense"})
    assert response.status_code == 400
    assert "Select a kind from the list" in text_of(response)


# Creating and changing reviews -------------------------------------------------------------------


def test_create_asks_the_kind_first_then_its_fields(client, alpha):
    client.force_login(alpha.business_team)
    page = text_of(client.get(url("review_create", alpha)))
    assert "What kind of review is it?" in page
    response = client.get(url("review_create", alpha), {"next": "Continue"})
    assert response.status_code == 400 and "Select the kind of review" in text_of(response)
    lcspr = text_of(client.get(url("review_create", alpha), {"kind": "lcspr"}))
    for label in ("Independent reviewer", "Terms of reference", "Final report", "copy was sent to the Panel"):
        assert label in lcspr
    national = text_of(client.get(url("review_create", alpha), {"kind": "national"}))
    assert "Published by" in national and "Independent reviewer" not in national
    local = text_of(client.get(url("review_create", alpha), {"kind": "local_learning"}))
    assert "Independent reviewer" not in local and "Published by" not in local


def test_create_an_lcspr_with_report_and_late_copy_warns_but_saves(client, alpha):
    client.force_login(alpha.business_team)
    data = {
        "reference": "LCSPR-2024-01",
        "title": "Child C",
        "status": "published",
        "themes": [alpha.themes["neglect"].pk],
        **date_fields("decision_date", date(2024, 1, 10)),
        **date_fields("publication_date", date(2024, 5, 7)),
        **date_fields("panel_copy_sent_date", date(2024, 5, 1)),
        **date_fields("secretary_of_state_copy_sent_date", date(2024, 4, 2)),
        "reviewer_name": "Jo Independent",
        "final_report": SimpleUploadedFile("final.pdf", PDF, content_type="application/pdf"),
    }
    response = client.post(url("review_create", alpha) + "?kind=lcspr", data, follow=True)
    assert response.status_code == 200
    review = Review.objects.get(reference="LCSPR-2024-01")
    assert review.kind == ReviewKind.LCSPR and list(review.themes.all()) == [alpha.themes["neglect"]]
    page = text_of(response)
    assert "Review saved. Check the warning on this page" in page
    assert "The copy to the Panel was sent on 1 May 2024, later than 25 April 2024" in page
    assert "Copies due by 25 April 2024" in page
    download = client.get(url("review_report", alpha, review.uuid))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_bad_dates_are_refused_with_answers_kept(client, alpha):
    client.force_login(alpha.business_team)
    data = {
        "reference": "LCSPR-X",
        "title": "Kept title",
        "status": "planned",
        **date_fields("decision_date", date(2024, 2, 1)),
        **date_fields("publication_date", date(2024, 1, 1)),
    }
    response = client.post(url("review_create", alpha) + "?kind=lcspr", data)
    assert response.status_code == 400
    page = text_of(response)
    assert services.PUBLISHED_BEFORE_DECISION in page
    assert 'value="Kept title"' in response.content.decode()
    assert 'href="#id_publication_date_0"' in response.content.decode() or "#id_publication_date" in (
        response.content.decode()
    )
    assert not Review.objects.filter(reference="LCSPR-X").exists()


def test_edit_keeps_the_kind_and_changes_details(client, alpha):
    client.force_login(alpha.business_team)
    page = client.get(url("review_edit", alpha, alpha.review.uuid)).content.decode()
    assert 'value="LLR-2024-01"' in page
    response = client.post(
        url("review_edit", alpha, alpha.review.uuid),
        {
            "reference": "LLR-2024-01",
            "title": "Mental health & suicide",
            "status": "completed",
            "themes": [alpha.themes["mental-health"].pk, alpha.themes["online-harm"].pk],
            **date_fields("start_date", date(2024, 3, 4)),
            **date_fields("completed_date", date(2024, 3, 28)),
        },
    )
    assert response.status_code == 302
    alpha.review.refresh_from_db()
    assert alpha.review.title == "Mental health & suicide" and alpha.review.status == "completed"
    assert alpha.review.themes.count() == 2


def test_milestone_due_before_the_start_is_refused(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("milestone_add", alpha, alpha.review.uuid),
        {"title": "Draft report", **date_fields("due_date", date(2024, 1, 1))},
    )
    assert response.status_code == 400
    assert services.DUE_BEFORE_START.format(start="4 March 2024") in text_of(response)
    assert not Milestone.objects.exists()
    response = client.post(
        url("milestone_add", alpha, alpha.review.uuid),
        {"title": "Draft report", **date_fields("due_date", date(2024, 4, 1))},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    response = client.post(
        url("milestone_edit", alpha, alpha.review.uuid, milestone.uuid),
        {
            "title": "Draft report",
            **date_fields("due_date", date(2024, 4, 1)),
            **date_fields("completed_date", date(2024, 3, 30)),
        },
    )
    milestone.refresh_from_db()
    assert milestone.completed_date == date(2024, 3, 30)


# The chain ---------------------------------------------------------------------------------------


def test_business_team_builds_the_chain_from_finding_to_action(client, alpha):
    client.force_login(alpha.business_team)
    review = alpha.review
    response = client.post(
        url("finding_add", alpha, review.uuid),
        {
            "text": "Good safety planning",
            "is_good_practice": "good",
            "themes": [alpha.themes["adolescents"].pk],
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get(review=review, number=2)
    assert finding.is_good_practice and list(finding.themes.all()) == [alpha.themes["adolescents"]]
    response = client.post(
        url("recommendation_add", alpha, review.uuid),
        {"text": "Share safety plans at 18", "finding": finding.pk, "accountable_agency": alpha.agency.pk},
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(review=review, number=2)
    # An action with no owner is refused; then added to the tracker.
    add = url("action_add", alpha, review.uuid, recommendation.uuid)
    response = client.post(add, {"title": "Safety plans shared", **date_fields("due_date", TODAY)})
    assert response.status_code == 400 and "Select the owner" in text_of(response)
    response = client.post(
        add,
        {
            "title": "Safety plans shared",
            "owner": alpha.owner.pk,
            **date_fields("due_date", TODAY - timedelta(days=1)),
        },
    )
    assert response.status_code == 400
    assert "The due date must be today or in the future" in text_of(response)
    assert not Action.objects.filter(title="Safety plans shared").exists()
    response = client.post(
        add, {"title": "Safety plans shared", "owner": alpha.owner.pk, **date_fields("due_date", TODAY)}
    )
    assert response.status_code == 302
    action = Action.objects.get(title="Safety plans shared")
    assert (
        action.source == ActionSource.REVIEW_RECOMMENDATION and action.review_recommendation == recommendation
    )
    page = text_of(client.get(url("review_detail", alpha, review.uuid)))
    assert "Finding 2 Good practice" in page and "Share safety plans at 18" in page
    assert f"{action.reference}: Safety plans shared" in page
    assert "Recommendations with actions 2 of 2" in page


def test_review_page_shows_evidence_impact_and_summary(client, alpha):
    add_chain(alpha, alpha.review, findings=2)
    overdue = alpha.actions[0]
    Action.objects.filter(pk=overdue.pk).update(due_date=TODAY - timedelta(days=3))
    client.force_login(alpha.owner_user)
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "Impact LLR-2024-01 1" in page and "Audit 1" in page
    assert "Recommendations with actions 3 of 3" in page
    assert "Actions closed with impact 2 of 3" in page
    assert "Actions open 1" in page and "1 overdue" in page
    # Agency leads read reviews but cannot change them.
    assert "Add a finding" not in page and "Change the review" not in page


def test_chain_links_only_actions_the_user_may_open(client, alpha):
    from masa.accounts.models import Role
    from tests.factories import member

    practice_member = member(alpha.partnership, Role.MEMBER, mfa=False)
    client.force_login(practice_member)
    html = client.get(url("review_detail", alpha, alpha.review.uuid)).content.decode()
    assert "Pathway plans from 16" in html
    assert reverse("actions:action_detail", args=[alpha.partnership.slug, alpha.actions[0].uuid]) not in html
    client.force_login(alpha.owner_user)
    html = client.get(url("review_detail", alpha, alpha.review.uuid)).content.decode()
    assert reverse("actions:action_detail", args=[alpha.partnership.slug, alpha.actions[0].uuid]) in html


def test_questions_and_national_self_assessment_pages(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("question_add", alpha, alpha.review.uuid), {"text": "Does our focus shift at 18?"}
    )
    assert response.status_code == 302
    question = alpha.review.questions.get()
    client.post(
        url("question_edit", alpha, alpha.review.uuid, question.uuid),
        {"text": question.text, "response": "Leaving care teams now start at 16"},
    )
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "Does our focus shift at 18?" in page and "Leaving care teams now start at 16" in page

    national = make_review(alpha, "NAT-1", kind=ReviewKind.NATIONAL, title="True to Us")
    assert client.get(url("national_add", alpha, alpha.review.uuid)).status_code == 404
    client.post(url("national_add", alpha, national.uuid), {"text": "Pre-birth practice"})
    item = national.national_recommendations.get()
    response = client.post(
        url("national_edit", alpha, national.uuid, item.uuid),
        {"text": "Pre-birth practice", "evidence": "Audits"},
    )
    assert response.status_code == 400 and services.ASSURANCE_NEEDED in text_of(response)
    client.post(
        url("national_edit", alpha, national.uuid, item.uuid),
        {"text": "Pre-birth practice", "assurance": "assured", "evidence": "Audits"},
    )
    page = text_of(client.get(url("review_detail", alpha, national.uuid)))
    assert "Assured" in page and "Audits" in page and "by " + alpha.business_team.full_name in page


# Themes ------------------------------------------------------------------------------------------


def test_theme_list_counts_and_standard_themes_button(client, alpha):
    client.force_login(alpha.business_team)
    Theme.objects.filter(partnership=alpha.partnership, slug="neglect").delete()
    response = client.post(url("theme_add_defaults", alpha), follow=True)
    assert "1 standard theme added" in text_of(response)
    assert client.get(url("theme_add_defaults", alpha)).status_code == 405
    response = client.post(url("theme_add_defaults", alpha), follow=True)
    assert views.DEFAULTS_NONE in text_of(response)
    page = text_of(client.get(url("theme_list", alpha)))
    assert "Mental health 1 0 0" in page and "Adolescents 0 1 0" in page


def test_theme_add_rename_and_retire(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(url("theme_create", alpha), {"name": "Neglect"})
    assert response.status_code == 400 and "A theme called Neglect already exists" in text_of(response)
    assert client.post(url("theme_create", alpha), {"name": "Private fostering"}).status_code == 302
    response = client.post(
        url("theme_edit", alpha, "private-fostering"),
        {"name": "Private fostering arrangements", "slug": "private-fostering", "is_active": ""},
    )
    assert response.status_code == 302
    theme = Theme.objects.get(partnership=alpha.partnership, slug="private-fostering")
    assert theme.name == "Private fostering arrangements" and not theme.is_active
    assert "Retired" in text_of(client.get(url("theme_list", alpha)))


def test_theme_page_shows_history_newest_first_with_impact(client, alpha):
    older = make_review(
        alpha,
        "RR-2023-02",
        title="Pre-birth rapid review",
        start_date=date(2023, 11, 24),
        kind=ReviewKind.RAPID_REVIEW,
    )
    add_chain(alpha, older)
    add_chain(alpha, alpha.review)
    client.force_login(alpha.owner_user)
    page = text_of(client.get(url("theme_detail", alpha, "online-harm")))
    assert page.index("LLR-2024-01") < page.index("RR-2023-02")
    assert "Impact RR-2023-02 0" in page and "Impact LLR-2024-01 0" in page
    # Tagged only through a finding: that finding's chain, not the review's others.
    assert "Pathway plans from 16" not in page
    page = text_of(client.get(url("theme_detail", alpha, "mental-health")))
    assert "Pathway plans from 16" in page  # the review itself carries the theme
    assert client.get(url("theme_detail", alpha, "no-such-theme")).status_code == 404


def test_theme_page_lists_briefings_published_only_for_readers(client, alpha):
    from masa.briefings.models import Briefing

    published = Briefing.objects.create(
        partnership=alpha.partnership,
        title="Online harm in 7 minutes",
        slug="online-harm-7",
        status="published",
        published_on=date(2024, 6, 1),
    )
    draft = Briefing.objects.create(partnership=alpha.partnership, title="Draft scams briefing", slug="scams")
    for briefing in (published, draft):
        briefing.themes.add(alpha.themes["online-harm"])
    client.force_login(alpha.owner_user)
    page = text_of(client.get(url("theme_detail", alpha, "online-harm")))
    assert "Online harm in 7 minutes" in page and "published 1 June 2024" in page
    assert "Draft scams briefing" not in page
    client.force_login(alpha.business_team)
    page = text_of(client.get(url("theme_detail", alpha, "online-harm")))
    assert "Draft scams briefing (draft)" in page
    assert "Online harm 0 0 2" in text_of(client.get(url("theme_list", alpha)))


def test_theme_page_pages_a_long_history_and_counts_all_of_it(client, alpha):
    for n in range(12):
        review = make_review(
            alpha, f"RR-2020-{n:02d}", title=f"Rapid review {n}", start_date=date(2020, 1, 1 + n)
        )
        add_chain(alpha, review)
    client.force_login(alpha.owner_user)
    first = text_of(client.get(url("theme_detail", alpha, "online-harm")))
    assert "12 reviews with this theme, newest first: showing 1 to 5" in first
    assert "RR-2020-11" in first and "RR-2020-01" not in first
    second = text_of(client.get(url("theme_detail", alpha, "online-harm") + "?page=3"))
    assert "showing 11 to 12" in second
    assert "RR-2020-01" in second and "RR-2020-00" in second and "RR-2020-11" not in second
    # The figures at the top cover every page: 12 reviews with a recommendation and an action each.
    theme = Theme.objects.get(partnership=alpha.partnership, slug="online-harm")
    assert selectors.theme_summary(theme, timezone.localdate()).actions == 12
