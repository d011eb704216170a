"""The dataset as a workbook: three sheets, formula-safe text, the export recorded in the audit log."""

from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from masa.accounts.models import Role
from masa.indicators.models import Indicator
from tests.factories import PartnershipFactory, member
from tests.indicators.test_dashboard_views import build_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    partnership = PartnershipFactory(slug="borough")
    data = build_dataset(partnership, indicators=2, periods=3)
    Indicator.objects.filter(pk=data["indicators"][0].pk).update(title='=HYPERLINK("http://x")')
    return {"partnership": partnership, **data}


def test_export_downloads_three_sheets_with_current_values(client, world):
    user = member(world["partnership"], Role.DSP)
    client.force_login(user)
    response = client.get(reverse("dashboards:export", args=["borough"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="borough-performance-dataset.xlsx"'
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Values", "Catalogue", "Targets and comparators"]
    values = list(book["Values"].iter_rows(values_only=True))
    assert values[0][:4] == ("Indicator code", "Indicator", "Unit", "Period")
    assert len(values) == 1 + 2 * 3
    row = next(r for r in values[1:] if r[0] == "ind-0-1")
    assert row[6:9] == (80, 100, 80) and row[10] == "Agency submission"
    # Formula-looking text is written as text with a leading quote, never as a formula.
    titles = [r[1] for r in values[1:]]
    assert '\'=HYPERLINK("http://x")' in titles
    catalogue = list(book["Catalogue"].iter_rows(values_only=True))
    assert len(catalogue) == 3 and catalogue[1][10] == "Neglect"
    targets = list(book["Targets and comparators"].iter_rows(values_only=True))
    assert {r[3] for r in targets[1:]} == {"Target", "England"}
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(world["partnership"].pk), actor=user
    ).exists()


def test_export_is_refused_without_the_permission_and_404_elsewhere(client, world):
    client.force_login(member(world["partnership"], Role.PRACTITIONER))
    assert client.get(reverse("dashboards:export", args=["borough"])).status_code == 403
    other = PartnershipFactory(slug="other")
    client.force_login(member(other, Role.BUSINESS_TEAM))
    assert client.get(reverse("dashboards:export", args=["borough"])).status_code == 404
