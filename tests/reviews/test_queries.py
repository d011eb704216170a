"""Query counts stay constant whatever the number of reviews, findings and actions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masa.reviews import services
from tests.factories import SETUP
from tests.reviews.conftest import add_chain, make_review


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow_review(world, n: int) -> None:
    add_chain(world, world.review, findings=n)
    for i in range(n):
        services.milestone_save(
            actor=SETUP, review=world.review, title=f"M{i}", due_date=world.review.start_date
        )
        services.question_save(actor=SETUP, review=world.review, text=f"Q{i}")


def test_review_page_queries_do_not_grow_with_the_chain(client, alpha, django_assert_max_num_queries):
    url = reverse("reviews:review_detail", args=[alpha.partnership.slug, alpha.review.uuid])
    for user in (alpha.business_team, alpha.owner_user):
        client.force_login(user)
        client.get(url)  # warm-up
        _grow_review(alpha, 2)
        before = _count(client, url)
        _grow_review(alpha, 10)
        after = _count(client, url)
        assert after == before, f"{before} queries, then {after} with more findings and actions"
    with django_assert_max_num_queries(20):
        client.get(url)


def _add_reviews(world, n: int, start: int) -> None:
    for i in range(start, start + n):
        review = make_review(world, f"LLR-BULK-{i}", themes=[world.themes["online-harm"]])
        add_chain(world, review, findings=1, closed=i % 2 == 0)


def test_theme_page_queries_are_the_same_for_2_and_20_reviews(client, alpha, django_assert_max_num_queries):
    url = reverse("reviews:theme_detail", args=[alpha.partnership.slug, "online-harm"])
    client.force_login(alpha.owner_user)
    client.get(url)
    _add_reviews(alpha, 2, 0)
    before = _count(client, url)
    _add_reviews(alpha, 18, 2)
    after = _count(client, url)
    assert after == before, f"{before} queries with 2 reviews, {after} with 20"
    # The theme page shows the reviews a page at a time: LLR-BULK-19 is on one of them.
    pages = b"".join(client.get(f"{url}?page={n}").content for n in range(1, 6))
    assert b"LLR-BULK-19" in pages
    with django_assert_max_num_queries(20):
        client.get(url)


def test_list_pages_queries_are_constant(client, alpha):
    client.force_login(alpha.business_team)
    urls = [
        reverse("reviews:review_list", args=[alpha.partnership.slug]),
        reverse("reviews:theme_list", args=[alpha.partnership.slug]),
    ]
    for url in urls:
        client.get(url)
    _add_reviews(alpha, 2, 0)
    before = [_count(client, url) for url in urls]
    _add_reviews(alpha, 10, 2)
    assert [_count(client, url) for url in urls] == before
