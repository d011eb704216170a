"""The public learning page: published briefings and review reports only; nothing else, ever."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from masa.incidents.models import IncidentCategory, SeriousIncident
from masa.reviews.models import Review, ReviewKind, ReviewStatus
from tests.briefings.conftest import make_briefing


def _learning(world, **query):
    url = reverse("briefings:public_learning", args=[world.partnership.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _publish_review(world, reference, **fields):
    return Review.objects.create(
        partnership=world.partnership,
        kind=ReviewKind.LOCAL_LEARNING,
        reference=reference,
        title=f"Review {reference}",
        status=ReviewStatus.PUBLISHED,
        **fields,
    )


def test_learning_page_lists_published_briefings_newest_first(client, alpha):
    newer = make_briefing(
        alpha.partnership,
        title="Online harm",
        status="published",
        published_on=timezone.localdate(),
        themes=[alpha.themes["online-harm"]],
    )
    page = client.get(_learning(alpha)).content.decode()
    assert page.index(newer.title) < page.index(alpha.published.title)
    assert alpha.draft.title not in page
    assert alpha.withdrawn.title not in page
    assert reverse("briefings:public_briefing_pdf", args=[alpha.partnership.slug, newer.slug]) in page


def test_learning_page_filters_by_theme(client, alpha):
    make_briefing(
        alpha.partnership,
        title="Online harm",
        status="published",
        published_on=timezone.localdate(),
        themes=[alpha.themes["online-harm"]],
    )
    page = client.get(_learning(alpha, theme="online-harm")).content.decode()
    assert "Online harm</a>" in page
    assert alpha.published.title not in page
    assert "Showing briefings about online harm" in page
    # Themes with no published briefing are not offered; an unknown theme shows everything.
    assert 'value="neglect"' not in page
    page = client.get(_learning(alpha, theme="nonsense")).content.decode()
    assert alpha.published.title in page


def test_learning_page_lists_published_review_reports_only(client, alpha):
    _publish_review(
        alpha, "LLR-1", publication_date=date(2024, 5, 1), published_url="https://example.org/llr-1"
    )
    with_file = _publish_review(alpha, "LLR-2", publication_date=date(2024, 6, 1))
    with_file.final_report.save("llr-2.pdf", ContentFile(b"%PDF-1.4 report"))
    _publish_review(alpha, "LLR-3")  # published status but no publication date
    page = client.get(_learning(alpha)).content.decode()
    assert "Review LLR-1" in page and "https://example.org/llr-1" in page
    assert "Review LLR-2" in page
    report = reverse("briefings:public_review_report", args=[alpha.partnership.slug, with_file.uuid])
    assert report in page
    assert "Review LLR-3" not in page
    assert alpha.review.title not in page  # completed, not published
    response = client.get(report)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"
    unpublished = reverse("briefings:public_review_report", args=[alpha.partnership.slug, alpha.review.uuid])
    assert client.get(unpublished).status_code == 404


def test_public_briefing_page_shows_the_briefing(client, alpha):
    url = reverse("briefings:public_briefing", args=[alpha.partnership.slug, alpha.published.slug])
    page = client.get(url).content.decode()
    assert alpha.published.title in page
    assert "4. What to do" in page
    # A rapid review is named by its kind only: its reference carries the serious incident's.
    assert "Rapid review" in page and alpha.review.reference not in page
    assert alpha.partnership.name in page


@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_briefings_are_404(client, alpha, which):
    briefing = getattr(alpha, which)
    url = reverse("briefings:public_briefing", args=[alpha.partnership.slug, briefing.slug])
    assert client.get(url).status_code == 404


def test_another_partnerships_briefing_is_404_and_unknown_partnership_is_404(client, alpha, beta):
    url = reverse("briefings:public_briefing", args=[alpha.partnership.slug, beta.published.slug])
    assert client.get(url).status_code == 404
    assert client.get(reverse("briefings:public_learning", args=["nowhere"])).status_code == 404


def test_public_pages_show_no_incident_data(client, alpha):
    incident = SeriousIncident.objects.create(
        partnership=alpha.partnership,
        reference="SI-SECRET-9",
        category=IncidentCategory.SERIOUS_HARM,
        date_aware=date(2024, 1, 5),
        summary="Confidential incident summary",
    )
    alpha.review.incident = incident
    alpha.review.summary = "Confidential review summary"
    alpha.review.save()
    for url in (
        _learning(alpha),
        reverse("briefings:public_briefing", args=[alpha.partnership.slug, alpha.published.slug]),
    ):
        page = client.get(url).content.decode()
        for secret in ("SI-SECRET-9", "Confidential incident summary", "Confidential review summary"):
            assert secret not in page


def test_public_page_query_count_is_constant(client, alpha, django_assert_max_num_queries):
    for n in range(6):
        make_briefing(
            alpha.partnership,
            title=f"Extra {n}",
            status="published",
            published_on=timezone.localdate(),
            themes=list(alpha.themes.values()),
        )
    with django_assert_max_num_queries(6):
        assert client.get(_learning(alpha)).status_code == 200
