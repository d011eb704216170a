"""A rapid review is one record: the incident's report and a learning review
(docs/decisions/0007-one-rapid-review-record.md). The reviews pages never record one by hand
and change only its learning details."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from masa.incidents.models import RapidReview
from masa.reviews import services
from masa.reviews.models import Review, ReviewKind
from tests.factories import SETUP, RapidReviewFactory
from tests.reviews.test_views import text_of, url


def test_the_reviews_pages_do_not_offer_to_record_a_rapid_review(client, alpha):
    client.force_login(alpha.business_team)
    html = client.get(url("review_create", alpha)).content.decode()
    assert 'value="local_learning"' in html and 'value="rapid_review"' not in html
    assert "Rapid reviews are recorded from their serious incident" in text_of(
        client.get(url("review_create", alpha))
    )
    # Asking for the rapid review form by address gets the first question again.
    page = text_of(client.get(url("review_create", alpha), {"kind": "rapid_review"}))
    assert "What kind of review is it?" in page
    before = Review.objects.count()
    data = {"reference": "RR-X", "title": "By hand", "status": "planned"}
    client.post(url("review_create", alpha) + "?kind=rapid_review", data)
    assert Review.objects.count() == before


def test_the_service_refuses_a_rapid_review_by_hand(alpha):
    with pytest.raises(ValidationError) as error:
        services.review_create(
            actor=SETUP, partnership=alpha.partnership, kind=ReviewKind.RAPID_REVIEW,
            reference="RR-X", title="By hand",
        )  # fmt: skip
    assert error.value.message_dict == {"kind": [services.RAPID_REVIEW_FROM_INCIDENT]}
    assert not Review.objects.filter(reference="RR-X").exists()


def test_a_rapid_reviews_learning_details_change_but_not_what_follows_its_steps(client, alpha):
    review = RapidReviewFactory(partnership=alpha.partnership)
    client.force_login(alpha.business_team)
    form = text_of(client.get(url("review_edit", alpha, review.uuid)))
    assert "Title" in form and "Themes" in form
    assert "Reference" not in form and "Status" not in form and "Date the review started" not in form
    data = {"title": "Rapid review: pre-birth", "summary": "No names", "themes": [alpha.themes["neglect"].pk]}
    response = client.post(url("review_edit", alpha, review.uuid), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.title, review.summary, review.status) == (
        "Rapid review: pre-birth",
        "No names",
        "completed",
    )
    assert list(review.themes.all()) == [alpha.themes["neglect"]]
    with pytest.raises(ValidationError) as error:
        services.review_update(
            actor=SETUP, review=review, reference="RR-OTHER", title=review.title, status="planned"
        )
    assert error.value.message_dict == {
        "reference": [services.RAPID_REVIEW_FIXED],
        "status": [services.RAPID_REVIEW_FIXED],
    }
    review.refresh_from_db()
    assert (review.reference, review.status) == (f"RR-{review.incident.reference}", "completed")


def test_the_review_page_and_the_rapid_review_page_link_to_each_other(client, alpha):
    review = RapidReviewFactory(partnership=alpha.partnership)
    client.force_login(alpha.business_team)
    rapid_review_url = reverse("incidents:rapid_review", args=[alpha.partnership.slug, review.incident.uuid])
    page = client.get(url("review_detail", alpha, review.uuid)).content.decode()
    assert rapid_review_url in page
    page = client.get(rapid_review_url).content.decode()
    assert url("review_detail", alpha, review.uuid) in page
    # An agency lead sees the learning, not a link to the incident they may not open.
    client.force_login(alpha.owner_user)
    page = client.get(url("review_detail", alpha, review.uuid)).content.decode()
    assert review.incident.reference in page and rapid_review_url not in page
    assert RapidReview.objects.get(pk=review.pk).incident == review.incident
