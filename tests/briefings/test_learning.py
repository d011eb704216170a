"""Learning inside masa (docs/domain.md, "10. Learning for practitioners"): every member reads the
published briefings and reviews, records "I have read this" once, and the business team and the
senior roles see how many people of each agency have read each item."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.briefings import selectors, services
from masa.briefings.models import LearningRead
from masa.reviews.models import Finding, Review, ReviewKind, ReviewStatus
from tests.factories import SETUP, PersonFactory, member

TODAY = timezone.localdate()


@pytest.fixture
def published_review(alpha) -> Review:
    review = Review.objects.create(
        partnership=alpha.partnership,
        kind=ReviewKind.LOCAL_LEARNING,
        reference="LLR-alpha-01",
        title="Learning from neglect in adolescence",
        summary="How agencies worked together with a family over two years.",
        status=ReviewStatus.PUBLISHED,
        publication_date=TODAY - timedelta(days=10),
    )
    Finding.objects.create(partnership=alpha.partnership, review=review, number=1, text="Escalation was slow")
    return review


def practitioner(world, agency=None):
    user = member(world.partnership, Role.PRACTITIONER, mfa=False)
    PersonFactory(partnership=world.partnership, agency=agency or world.agencies[1], user=user)
    return user


def url(name, world, *args):
    return reverse(f"briefings:{name}", args=[world.partnership.slug, *args])


# What a practitioner sees -------------------------------------------------------------------


def test_practitioner_sees_the_published_learning_only(client, alpha, published_review):
    client.force_login(practitioner(alpha))
    page = client.get(url("learning", alpha))
    assert page.status_code == 200
    html = page.content.decode()
    assert alpha.published.title in html and published_review.title in html
    assert alpha.draft.title not in html and alpha.withdrawn.title not in html
    assert alpha.review.title not in html  # a rapid review, not published
    assert "Not read yet" in html
    assert "Who has read the learning" not in html and "each agency have read" not in html


def test_practitioner_reads_a_briefing_and_a_published_review(client, alpha, published_review):
    client.force_login(practitioner(alpha))
    briefing = client.get(url("learning_briefing", alpha, alpha.published.uuid))
    assert briefing.status_code == 200
    assert "I have read this" in briefing.content.decode()
    review = client.get(url("learning_review", alpha, published_review.uuid)).content.decode()
    assert "Escalation was slow" in review and "I have read this" in review


@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_briefings_are_not_found(client, alpha, which):
    client.force_login(practitioner(alpha))
    briefing = getattr(alpha, which)
    assert client.get(url("learning_briefing", alpha, briefing.uuid)).status_code == 404
    assert client.post(url("learning_briefing_read", alpha, briefing.uuid)).status_code == 404
    assert not LearningRead.objects.exists()


def test_unpublished_review_and_its_incident_are_not_found(client, alpha):
    client.force_login(practitioner(alpha))
    assert client.get(url("learning_review", alpha, alpha.review.uuid)).status_code == 404
    assert client.post(url("learning_review_read", alpha, alpha.review.uuid)).status_code == 404
    incident = reverse("incidents:incident_detail", args=[alpha.partnership.slug, alpha.review.incident.uuid])
    assert client.get(incident).status_code in (403, 404)


@pytest.mark.parametrize(
    "name",
    ["briefing_list", "briefing_detail", "read_counts"],
)
def test_practitioner_is_refused_the_governance_pages(client, alpha, name):
    client.force_login(practitioner(alpha))
    args = [alpha.published.uuid] if name == "briefing_detail" else []
    assert client.get(url(name, alpha, *args)).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["reviews:review_list", "actions:action_list", "governance:meeting_list", "incidents:incident_list"],
)
def test_practitioner_is_refused_other_areas(client, alpha, name):
    client.force_login(practitioner(alpha))
    assert client.get(reverse(name, args=[alpha.partnership.slug])).status_code == 403


def test_another_partnerships_learning_is_not_found(client, alpha, beta):
    client.force_login(practitioner(alpha))
    assert client.get(url("learning", beta)).status_code == 404
    assert client.get(url("learning_briefing", beta, beta.published.uuid)).status_code == 404
    assert client.get(url("learning_briefing", alpha, beta.published.uuid)).status_code == 404
    assert client.post(url("learning_briefing_read", alpha, beta.published.uuid)).status_code == 404


def test_signed_out_visitor_is_sent_to_sign_in(client, alpha):
    response = client.get(url("learning", alpha))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# "I have read this" --------------------------------------------------------------------------


def test_reading_is_recorded_once_and_the_page_says_when(client, alpha):
    user = practitioner(alpha)
    client.force_login(user)
    read_url = url("learning_briefing_read", alpha, alpha.published.uuid)
    assert client.get(read_url).status_code == 405
    response = client.post(read_url)
    assert response.status_code == 302
    assert response["Location"] == url("learning_briefing", alpha, alpha.published.uuid)
    client.post(read_url)
    read = LearningRead.objects.get()
    assert (read.user, read.briefing, read.review, read.agency, read.read_on) == (
        user,
        alpha.published,
        None,
        alpha.agencies[1],
        TODAY,
    )
    html = client.get(url("learning_briefing", alpha, alpha.published.uuid)).content.decode()
    assert f"You read this on {TODAY.day} {TODAY:%B %Y}" in html
    assert "I have read this</button>" not in html
    listing = client.get(url("learning", alpha)).content.decode()
    assert f"Read on {TODAY.day} {TODAY:%B %Y}" in listing


def test_reading_needs_the_csrf_token(client, alpha):
    from django.middleware.csrf import CsrfViewMiddleware
    from django.test import RequestFactory
    from django.urls import resolve

    read_url = url("learning_briefing_read", alpha, alpha.published.uuid)
    request = RequestFactory().post(read_url)
    request.user = practitioner(alpha)
    refusal = CsrfViewMiddleware(lambda r: None).process_view(request, resolve(read_url).func, (), {})
    assert refusal is not None and refusal.status_code == 403
    # The page's form carries the token (tests/page_check.py checks every form that posts).
    client.force_login(request.user)
    page = client.get(url("learning_briefing", alpha, alpha.published.uuid))
    assert "csrfmiddlewaretoken" in page.content.decode()


def test_the_governance_briefing_page_offers_the_same_button(client, alpha):
    client.force_login(alpha.bt)
    html = client.get(url("briefing_detail", alpha, alpha.published.uuid)).content.decode()
    assert "I have read this" in html
    draft = client.get(url("briefing_detail", alpha, alpha.draft.uuid)).content.decode()
    assert "I have read this" not in draft


def test_service_is_idempotent_and_keeps_the_first_day(alpha, published_review):
    user = practitioner(alpha)
    first = services.learning_read_record(actor=user, item=published_review, today=date(2026, 12, 3))
    again = services.learning_read_record(actor=user, item=published_review, today=date(2026, 12, 9))
    assert first.pk == again.pk and again.read_on == date(2026, 12, 3)
    assert LearningRead.objects.filter(review=published_review).count() == 1
    # Reading is not audited: the record is itself the trace.
    assert not LogEntry.objects.filter(content_type__model="learningread").exists()


def test_service_refuses_unpublished_items_and_system_actors(alpha):
    user = practitioner(alpha)
    for item in (alpha.draft, alpha.withdrawn, alpha.review):
        with pytest.raises(ValidationError):
            services.learning_read_record(actor=user, item=item)
    with pytest.raises(ValidationError):
        services.learning_read_record(actor=SETUP, item=alpha.published)
    assert not LearningRead.objects.exists()


# Counts per agency ---------------------------------------------------------------------------


def test_counts_per_agency_in_a_period(alpha, published_review):
    a, b, c = alpha.agencies
    readers = [practitioner(alpha, a), practitioner(alpha, a), practitioner(alpha, b)]
    for user in readers:
        services.learning_read_record(actor=user, item=alpha.published, today=date(2026, 4, 10))
    services.learning_read_record(actor=readers[0], item=published_review, today=date(2027, 4, 2))
    no_agency = member(alpha.partnership, Role.PRACTITIONER, mfa=False)
    services.learning_read_record(actor=no_agency, item=published_review, today=date(2026, 5, 1))

    counts = selectors.read_counts(alpha.partnership)
    names = sorted(x.name for x in (a, b, c))
    assert counts.agencies == [*names, selectors.NO_AGENCY]
    rows = {row.title: row for row in counts.rows}
    assert set(rows) == {alpha.published.title, published_review.title}  # no drafts, no rapid review
    briefing_row = dict(zip(counts.agencies, rows[alpha.published.title].counts, strict=True))
    assert (briefing_row[a.name], briefing_row[b.name], briefing_row[c.name]) == (2, 1, 0)
    assert rows[alpha.published.title].total == 3 and rows[published_review.title].total == 2
    assert counts.total == 5

    year = selectors.read_counts(alpha.partnership, start=date(2026, 4, 1), end=date(2027, 3, 31))
    assert year.per_agency() == {a.name: 2, b.name: 1, c.name: 0, selectors.NO_AGENCY: 1}
    later = selectors.read_counts(alpha.partnership, start=date(2027, 4, 1))
    assert later.per_agency() == {a.name: 1, b.name: 0, c.name: 0}


def test_counts_keep_the_agency_of_the_day_of_reading(alpha):
    user = practitioner(alpha, alpha.agencies[0])
    services.learning_read_record(actor=user, item=alpha.published)
    user.people.update(agency=alpha.agencies[2])
    per_agency = selectors.read_counts(alpha.partnership).per_agency()
    assert per_agency[alpha.agencies[0].name] == 1 and per_agency[alpha.agencies[2].name] == 0


def test_counts_are_per_partnership(alpha, beta):
    services.learning_read_record(actor=practitioner(beta), item=beta.published)
    assert selectors.read_counts(alpha.partnership).total == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.BUSINESS_TEAM, 200),
        (Role.LSP, 200),
        (Role.DSP, 200),
        (Role.CHAIR, 200),
        (Role.SCRUTINEER, 200),
        (Role.MEMBER, 403),
        (Role.AGENCY_LEAD, 403),
        (Role.PRACTITIONER, 403),
    ],
)
def test_who_sees_the_counts_page(client, alpha, role, status):
    client.force_login(member(alpha.partnership, role))
    assert client.get(url("read_counts", alpha)).status_code == status


def test_counts_page_is_a_table_per_agency(client, alpha, published_review):
    services.learning_read_record(actor=practitioner(alpha, alpha.agencies[0]), item=alpha.published)
    client.force_login(alpha.bt)
    html = client.get(url("read_counts", alpha)).content.decode()
    assert '<table class="govuk-table">' in html
    for agency in alpha.agencies:
        assert f">{agency.name}</th>" in html
    assert alpha.published.title in html and published_review.title in html
    assert alpha.draft.title not in html
    assert "1 read recorded in all" in html
    learning = client.get(url("learning", alpha)).content.decode()
    assert url("read_counts", alpha) in learning


def test_counts_page_shows_one_financial_year(client, alpha):
    from masa.core.dates import financial_year_start

    this_year = financial_year_start(TODAY)
    earlier = date(this_year - 1, 6, 1)
    services.learning_read_record(actor=practitioner(alpha), item=alpha.published, today=earlier)
    services.learning_read_record(actor=practitioner(alpha), item=alpha.published, today=TODAY)
    assert selectors.read_years(alpha.partnership) == [this_year, this_year - 1]
    client.force_login(alpha.bt)
    page = url("read_counts", alpha)
    assert "2 reads recorded in all" in client.get(page).content.decode()
    html = client.get(page, {"year": this_year - 1}).content.decode()
    assert f"From 1 April {this_year - 1} to 31 March {this_year}: 1 read recorded." in html
    label = f"{this_year - 1}-{this_year % 100:02d}"
    assert f'<option value="{this_year - 1}" selected>{label}</option>' in html
    # A year not offered shows every read.
    assert "2 reads recorded in all" in client.get(page, {"year": "1999"}).content.decode()
    assert "2 reads recorded in all" in client.get(page, {"year": "<script>"}).content.decode()
