"""The learning review services: themes, reviews by kind, dates, the chain to the action tracker."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from masa.actions.models import Action, ActionSource
from masa.reviews import services
from masa.reviews.models import (
    DEFAULT_THEMES,
    Assurance,
    Milestone,
    NationalRecommendation,
    Recommendation,
    Review,
    ReviewKind,
    Theme,
)
from tests.factories import SETUP
from tests.governance.files import pdf_bytes
from tests.reviews.conftest import make_review

# A real one-page PDF: uploads are opened with pypdf, so a few PDF-looking bytes are refused.
PDF = pdf_bytes()


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# Pure rules -------------------------------------------------------------------------------------


def test_copy_deadline_is_seven_working_days_before_publication():
    # Publication on Tuesday 7 May 2024: Monday 6 May is a bank holiday, so 7 working days back
    # is Thursday 25 April.
    assert services.copy_deadline(date(2024, 5, 7)) == date(2024, 4, 25)


def test_copy_warnings_warn_late_and_missing_copies_but_accept_timely_ones():
    publication = date(2024, 5, 7)
    assert (
        services.copy_warnings(
            publication_date=publication,
            panel_copy=date(2024, 4, 25),
            secretary_of_state_copy=date(2024, 4, 1),
        )
        == []
    )
    warnings = services.copy_warnings(
        publication_date=publication, panel_copy=date(2024, 4, 26), secretary_of_state_copy=None
    )
    assert warnings == [
        services.COPY_LATE.format(whom="the Panel", sent="26 April 2024", deadline="25 April 2024", days=7),
        services.COPY_MISSING.format(whom="the Secretary of State", days=7, deadline="25 April 2024"),
    ]
    assert services.copy_warnings(publication_date=None, panel_copy=None, secretary_of_state_copy=None) == []


# Themes -----------------------------------------------------------------------------------------


def test_default_themes_are_added_once_and_keep_renamed_ones(db):
    from tests.factories import PartnershipFactory

    p = PartnershipFactory()
    services.theme_create(actor=SETUP, partnership=p, name="Online safety", slug="online-harm")
    created = services.themes_add_defaults(actor=SETUP, partnership=p)
    assert len(created) == len(DEFAULT_THEMES) - 1
    assert services.themes_add_defaults(actor=SETUP, partnership=p) == []
    assert Theme.objects.get(partnership=p, slug="online-harm").name == "Online safety"


def test_theme_slug_and_name_are_unique_in_a_partnership_but_not_across(alpha, beta):
    with pytest.raises(ValidationError) as error:
        services.theme_create(actor=SETUP, partnership=alpha.partnership, name="Neglect")
    assert errors_of(error)["name"] == [services.THEME_NAME_TAKEN.format(name="Neglect")]
    with pytest.raises(ValidationError) as error:
        services.theme_create(
            actor=SETUP, partnership=alpha.partnership, name="Neglect again", slug="neglect"
        )
    assert errors_of(error)["slug"] == [services.THEME_SLUG_TAKEN.format(slug="neglect")]
    with pytest.raises(ValidationError) as error:
        services.theme_create(actor=SETUP, partnership=alpha.partnership, name="New", slug="new")
    assert errors_of(error)["slug"] == [services.THEME_SLUG_RESERVED.format(slug="new")]
    with pytest.raises(ValidationError) as error:
        services.theme_create(actor=SETUP, partnership=alpha.partnership, name="Bad", slug="Bad Slug!")
    assert errors_of(error)["slug"] == [services.THEME_SLUG_INVALID]
    theme = services.theme_create(
        actor=SETUP, partnership=alpha.partnership, name="Child criminal exploitation"
    )
    assert theme.slug == "child-criminal-exploitation"
    assert Theme.objects.filter(slug="child-criminal-exploitation").count() == 1


def test_theme_rename_and_retire_keep_history(alpha):
    theme = alpha.themes["mental-health"]
    services.theme_update(
        actor=SETUP, theme=theme, name="Emotional health", slug="emotional-health", is_active=False
    )
    theme.refresh_from_db()
    assert (theme.name, theme.slug, theme.is_active) == ("Emotional health", "emotional-health", False)
    assert list(theme.reviews.all()) == [alpha.review]


# Reviews ----------------------------------------------------------------------------------------


def test_publication_before_decision_is_refused_and_nothing_saved(alpha):
    with pytest.raises(ValidationError) as error:
        make_review(
            alpha,
            "LCSPR-1",
            kind=ReviewKind.LCSPR,
            decision_date=date(2024, 2, 1),
            publication_date=date(2024, 1, 31),
            reviewer_commissioned_date=date(2024, 1, 1),
        )
    assert errors_of(error)["publication_date"] == [services.PUBLISHED_BEFORE_DECISION]
    assert errors_of(error)["reviewer_commissioned_date"] == [services.COMMISSIONED_BEFORE_DECISION]
    assert not Review.objects.filter(reference="LCSPR-1").exists()


def test_review_reference_is_unique_and_themes_must_be_the_partnerships(alpha, beta):
    with pytest.raises(ValidationError) as error:
        make_review(
            alpha,
            "llr-2024-01",
            themes=[beta.themes["neglect"]],
            start_date=date(2024, 3, 1),
            completed_date=date(2024, 2, 1),
        )
    errors = errors_of(error)
    assert errors["reference"] == [services.REFERENCE_TAKEN.format(reference="llr-2024-01")]
    assert errors["themes"] == [services.THEME_FOREIGN]
    assert errors["completed_date"] == [services.COMPLETED_BEFORE_START]


def test_lcspr_with_report_upload_and_late_copy_is_saved_with_a_warning(alpha):
    upload = services.Upload(file=SimpleUploadedFile("report.pdf", PDF), name="Final report.pdf")
    review = make_review(
        alpha,
        "LCSPR-2",
        kind=ReviewKind.LCSPR,
        decision_date=date(2024, 1, 10),
        publication_date=date(2024, 5, 7),
        panel_copy_sent_date=date(2024, 5, 1),
        secretary_of_state_copy_sent_date=date(2024, 4, 20),
        final_report=upload,
    )
    review.refresh_from_db()
    assert review.final_report.name.endswith(".pdf")
    assert review.publication_date == date(2024, 5, 7)
    assert (
        len(
            services.copy_warnings(
                publication_date=review.publication_date,
                panel_copy=review.panel_copy_sent_date,
                secretary_of_state_copy=review.secretary_of_state_copy_sent_date,
            )
        )
        == 1
    )


def test_report_that_is_not_a_document_is_refused(alpha):
    upload = services.Upload(
        file=SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"), name="report.pdf"
    )
    with pytest.raises(ValidationError) as error:
        make_review(alpha, "LCSPR-3", kind=ReviewKind.LCSPR, final_report=upload)
    assert "must be a PDF" in errors_of(error)["final_report"][0]
    assert not Review.objects.filter(reference="LCSPR-3").exists()


def test_milestone_dates_cannot_precede_the_start(alpha):
    review = alpha.review  # started 4 March 2024
    with pytest.raises(ValidationError) as error:
        services.milestone_save(
            actor=SETUP,
            review=review,
            title="Panel",
            due_date=date(2024, 3, 1),
            completed_date=date(2024, 2, 1),
        )
    errors = errors_of(error)
    assert errors["due_date"] == [services.DUE_BEFORE_START.format(start="4 March 2024")]
    assert errors["completed_date"] == [
        services.MILESTONE_COMPLETED_BEFORE_START.format(start="4 March 2024")
    ]
    assert not Milestone.objects.exists()
    services.milestone_save(actor=SETUP, review=review, title="Panel", due_date=date(2024, 4, 1))
    # Moving the start after a milestone is refused too.
    with pytest.raises(ValidationError) as error:
        services.review_update(
            actor=SETUP,
            review=review,
            reference=review.reference,
            title=review.title,
            start_date=date(2024, 5, 1),
        )
    assert errors_of(error)["start_date"] == [services.START_AFTER_MILESTONE.format(due="1 April 2024")]
    review.refresh_from_db()
    assert review.start_date == date(2024, 3, 4)


def test_questions_are_numbered(alpha):
    first = services.question_save(actor=SETUP, review=alpha.review, text="Does our focus shift at 18?")
    second = services.question_save(
        actor=SETUP, review=alpha.review, text="Thresholds into adults' services?"
    )
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ValidationError) as error:
        services.question_save(actor=SETUP, review=alpha.review, text="  ")
    assert errors_of(error)["text"] == [services.QUESTION_NEEDED]


def test_national_self_assessment_records_who_and_when(alpha):
    review = make_review(alpha, "NAT-1", kind=ReviewKind.NATIONAL, source_organisation="Brighton & Hove SCP")
    item = services.national_recommendation_save(actor=SETUP, review=review, text="Pre-birth practice")
    assert item.assurance == "" and item.assessed_on is None
    item = services.national_recommendation_save(
        actor=alpha.business_team,
        review=review,
        recommendation=item,
        text=item.text,
        assurance=Assurance.ASSURED,
        evidence="Pre-birth audits",
        today=date(2024, 6, 1),
    )
    item.refresh_from_db()
    assert (item.assurance, item.assessed_on, item.assessed_by) == (
        Assurance.ASSURED,
        date(2024, 6, 1),
        alpha.business_team,
    )
    with pytest.raises(ValidationError) as error:
        services.national_recommendation_save(
            actor=SETUP, review=review, text="X", evidence="Some", assessed_on=date(2999, 1, 1)
        )
    assert errors_of(error)["assurance"] == [services.ASSURANCE_NEEDED]
    assert errors_of(error)["assessed_on"] == [services.ASSESSED_IN_FUTURE]
    with pytest.raises(ValidationError) as error:
        services.national_recommendation_save(actor=SETUP, review=alpha.review, text="X")
    assert errors_of(error)["text"] == [services.NATIONAL_ONLY]
    assert NationalRecommendation.objects.count() == 1


def test_recommendation_refuses_another_reviews_finding_and_a_foreign_agency(alpha, beta):
    other = make_review(alpha, "LLR-2")
    with pytest.raises(ValidationError) as error:
        services.recommendation_save(
            actor=SETUP, review=other, text="X", finding=alpha.finding, accountable_agency=beta.agency
        )
    assert errors_of(error) == {
        "finding": [services.FINDING_FOREIGN],
        "accountable_agency": [services.AGENCY_FOREIGN],
    }
    assert not Recommendation.objects.filter(review=other).exists()


def test_action_from_a_recommendation_is_in_the_shared_tracker(alpha):
    action = alpha.actions[0]
    assert action.source == ActionSource.REVIEW_RECOMMENDATION
    assert action.review_recommendation == alpha.recommendation
    assert action.needs_evidence
    assert list(alpha.recommendation.actions.all()) == [action]


def test_action_owner_must_be_of_the_partnership(alpha, beta):
    before = Action.objects.count()
    with pytest.raises(ValidationError) as error:
        services.recommendation_action_add(
            actor=SETUP,
            recommendation=alpha.recommendation,
            title="X",
            owner=beta.owner,
            due_date=date(2025, 1, 1),
        )
    assert "owner" in errors_of(error)
    with pytest.raises(ValidationError) as error:
        services.recommendation_action_add(
            actor=SETUP,
            recommendation=alpha.recommendation,
            title=" ",
            owner=alpha.owner,
            due_date=date(2025, 1, 1),
        )
    assert errors_of(error)["title"] == [services.ACTION_TITLE_NEEDED]
    assert Action.objects.count() == before
