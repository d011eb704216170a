"""Dashboard pages: cards with figure, target, RAG, trend chart and its table, comparators, commentary,
links to every figure's source; constant query counts; commentary writing."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.indicators.models import (
    Commentary,
    Comparator,
    DataCall,
    Indicator,
    IndicatorValue,
    Period,
    Submission,
    SubmissionStatus,
    Target,
    ValueSource,
)
from masa.indicators.services import DOING_REQUIRED, TELLS_US_REQUIRED
from masa.partnership.models import Priority, StrategicPlan
from tests.factories import GroupFactory, PartnershipAgencyFactory, PartnershipFactory, member

pytestmark = pytest.mark.django_db


def build_dataset(partnership, *, indicators: int = 3, periods: int = 10, offset: int = 0) -> dict:
    """A plan with one priority, a group, an agency, and `indicators` x `periods` quarterly figures."""
    agency = PartnershipAgencyFactory(partnership=partnership).agency
    plan = StrategicPlan.objects.filter(partnership=partnership).first() or StrategicPlan.objects.create(
        partnership=partnership, title="Plan 2021-24", start_year=2021, end_year=2024
    )
    priority = Priority.objects.filter(plan=plan).first() or Priority.objects.create(
        partnership=partnership, plan=plan, title="Neglect", order=1
    )
    group = GroupFactory(partnership=partnership, name=f"Strategic Insights Group {offset}")
    owned = {"partnership": partnership}
    made_periods = []
    for n in range(periods):
        year, q = 2019 + n // 4, n % 4
        start = [date(year, 4, 1), date(year, 7, 1), date(year, 10, 1), date(year + 1, 1, 1)][q]
        end = [date(year, 6, 30), date(year, 9, 30), date(year, 12, 31), date(year + 1, 3, 31)][q]
        period, _ = Period.objects.get_or_create(
            **owned,
            frequency="quarterly",
            start=start,
            defaults={"end": end, "label": f"{year}-{(year + 1) % 100:02d} Q{q + 1}"},
        )
        made_periods.append(period)
    submissions = []
    for period in made_periods:
        call, _ = DataCall.objects.get_or_create(**owned, period=period, defaults={"due_date": period.end})
        submissions.append(
            Submission.objects.create(
                **owned,
                data_call=call,
                agency=agency,
                status=SubmissionStatus.APPROVED,
                submitted_at=datetime(2024, 1, 5, tzinfo=timezone.get_current_timezone()),
            )
        )
    made = []
    for i in range(indicators):
        indicator = Indicator.objects.create(
            **owned,
            code=f"ind-{offset}-{i}",
            title=f"Indicator {offset}-{i}",
            definition="What it measures",
            unit="percent",
            polarity="higher",
            source_agency=agency,
        )
        indicator.priorities.add(priority)
        indicator.groups.add(group)
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                **owned,
                indicator=indicator,
                period=period,
                numerator=Decimal(80 + n),
                denominator=Decimal(100),
                value=Decimal(80 + n),
                source=ValueSource.SUBMISSION,
                submission=submission,
            )
            for n, (period, submission) in enumerate(zip(made_periods, submissions, strict=True))
        )
        latest_year = made_periods[-1].label[:7]
        Target.objects.create(**owned, indicator=indicator, year=latest_year, value=Decimal(95), tolerance=2)
        Comparator.objects.create(
            **owned, indicator=indicator, year=latest_year, kind="england", value=Decimal("88.4")
        )
        Commentary.objects.create(
            **owned,
            indicator=indicator,
            period=made_periods[-1],
            what_it_tells_us=f"Tells us {offset}-{i}",
            what_we_are_doing="Doing",
        )
        made.append(indicator)
    return {
        "priority": priority,
        "group": group,
        "agency": agency,
        "indicators": made,
        "periods": made_periods,
    }


@pytest.fixture
def world():
    partnership = PartnershipFactory(slug="borough")
    data = build_dataset(partnership)
    return {"partnership": partnership, **data}


def _page(world, name="dashboards:priority"):
    obj = world["priority"] if name == "dashboards:priority" else world["group"]
    return reverse(name, args=[world["partnership"].slug, obj.uuid])


def test_priority_dashboard_shows_a_card_per_indicator(client, world):
    client.force_login(member(world["partnership"], Role.CHAIR))
    response = client.get(_page(world))
    assert response.status_code == 200
    html = response.content.decode()
    for indicator in world["indicators"]:
        assert indicator.title in html
    # Latest of 10 quarters: 89%; previous 88% -> up, improving; target 95 tolerance 2 -> red.
    assert "89%" in html
    assert "Off target" in html and "govuk-tag--red" in html
    assert "Up 1, improving" in html
    assert "England 88.4%" in html
    assert "Tells us 0-0" in html
    # A chart with its table: 8 periods, not 10.
    assert html.count('role="img"') == 3
    assert "Figures in the chart: Indicator 0-0" in html
    assert "2020-21 Q3" in html and "2019-20 Q2" not in html


def test_priority_dashboard_opens_with_a_summary_table_linking_to_each_card(client, world):
    import re
    from html import unescape

    client.force_login(member(world["partnership"], Role.CHAIR))
    html = client.get(_page(world)).content.decode()
    table = html[html.index("Summary</caption>") : html.index("</table>")]
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == len(world["indicators"])
    for indicator, row in zip(world["indicators"], rows, strict=True):
        cells = [
            " ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        assert cells[0] == indicator.title
        assert f'href="#card-{indicator.uuid}"' in row and f'id="card-{indicator.uuid}"' in html
        assert cells[1].startswith("89%") and cells[3] == "Off target" and cells[4] == "Up 1, improving"
    # The summary comes before the first card.
    assert html.index("Summary</caption>") < html.index('class="masa-indicator-card"')


def test_every_figure_links_to_its_source_and_definition(client, world):
    client.force_login(member(world["partnership"], Role.BUSINESS_TEAM))
    html = client.get(_page(world, "dashboards:group")).content.decode()
    indicator = world["indicators"][0]
    value = IndicatorValue.objects.filter(indicator=indicator).order_by("-period__start").first()
    source = reverse("indicators:submission_detail", args=["borough", value.submission.uuid])
    assert source in html
    definition = reverse("indicators:indicator_detail", args=["borough", indicator.uuid])
    assert definition in html


def test_a_member_sees_where_a_figure_came_from_without_a_link_they_cannot_open(client, world):
    client.force_login(member(world["partnership"], Role.MEMBER))
    html = client.get(_page(world, "dashboards:group")).content.decode()
    indicator = world["indicators"][0]
    value = IndicatorValue.objects.filter(indicator=indicator).order_by("-period__start").first()
    assert "Submission by" in html
    assert reverse("indicators:submission_detail", args=["borough", value.submission.uuid]) not in html
    assert "/data-calls/submissions/" not in html


def test_index_lists_priorities_and_groups_with_counts(client, world):
    client.force_login(member(world["partnership"], Role.LSP))
    response = client.get(reverse("dashboards:index", args=["borough"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("dashboards:priority", args=["borough", world["priority"].uuid]) in html
    assert reverse("dashboards:group", args=["borough", world["group"].uuid]) in html
    assert reverse("dashboards:export", args=["borough"]) in html


def test_indicator_chart_page_has_comparators_bar_chart_and_every_figure(client, world):
    client.force_login(member(world["partnership"], Role.SCRUTINEER))
    indicator = world["indicators"][0]
    html = client.get(
        reverse("dashboards:indicator_chart", args=["borough", indicator.uuid])
    ).content.decode()
    assert "Figures in the comparison chart" in html
    assert "Quarterly figures" in html
    assert "2019-20 Q1" in html  # every figure, not only the last 8
    assert html.count('role="img"') == 2


def test_query_count_is_the_same_for_5_and_40_indicators(client, django_assert_num_queries):
    small, large = PartnershipFactory(slug="small"), PartnershipFactory(slug="large")
    a = build_dataset(small, indicators=5, periods=4)
    b = build_dataset(large, indicators=40, periods=20)
    counts = []
    for partnership, data in ((small, a), (large, b)):
        client.force_login(member(partnership, Role.BUSINESS_TEAM))
        for name, obj in (("dashboards:priority", data["priority"]), ("dashboards:group", data["group"])):
            url = reverse(name, args=[partnership.slug, obj.uuid])
            client.get(url)  # warm up the session
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            counts.append((name, len(ctx.captured_queries)))
    assert counts[0] == counts[2] and counts[1] == counts[3]
    assert counts[0][1] <= 12


def test_business_team_writes_commentary_and_errors_keep_answers(client, world):
    client.force_login(member(world["partnership"], Role.BUSINESS_TEAM))
    indicator, period = world["indicators"][1], world["periods"][-1]
    url = reverse("dashboards:commentary_edit", args=["borough", indicator.uuid, period.uuid])
    page = client.get(url)
    assert page.status_code == 200
    assert "Tells us 0-1" in page.content.decode()  # the current text to change

    bad = client.post(url, {"what_it_tells_us": "Kept answer", "what_we_are_doing": "  "})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert DOING_REQUIRED in html and "Kept answer" in html
    assert Commentary.objects.get(indicator=indicator, period=period).what_it_tells_us == "Tells us 0-1"

    empty = client.post(url, {})
    assert TELLS_US_REQUIRED in empty.content.decode()

    ok = client.post(url, {"what_it_tells_us": "Better", "what_we_are_doing": "More visits"})
    assert ok.status_code == 302
    saved = Commentary.objects.get(indicator=indicator, period=period)
    assert (saved.what_it_tells_us, saved.what_we_are_doing) == ("Better", "More visits")


def test_agency_lead_comments_only_on_their_agency_indicators(client, world):
    from masa.accounts.models import Membership

    lead = member(world["partnership"], Role.AGENCY_LEAD)
    indicator, period = world["indicators"][0], world["periods"][-1]
    url = reverse("dashboards:commentary_edit", args=["borough", indicator.uuid, period.uuid])
    client.force_login(lead)
    assert client.get(url).status_code == 403
    Membership.objects.filter(user=lead).update(agency=world["agency"])
    assert client.get(url).status_code == 200
    client.post(url, {"what_it_tells_us": "From the agency", "what_we_are_doing": "Audit"})
    assert Commentary.objects.get(indicator=indicator, period=period).author == lead


def test_commentary_for_another_partnerships_period_is_404(client, world):
    other = PartnershipFactory(slug="other")
    other_data = build_dataset(other, indicators=1, periods=1, offset=9)
    client.force_login(member(world["partnership"], Role.BUSINESS_TEAM))
    url = reverse(
        "dashboards:commentary_edit",
        args=["borough", world["indicators"][0].uuid, other_data["periods"][0].uuid],
    )
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("dashboards:priority", args=["borough", other_data["priority"].uuid])).status_code
        == 404
    )
