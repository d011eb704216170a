"""The agency template: download, fill in with openpyxl, upload; bad cells name the row and column."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from masa.indicators.models import IndicatorValue, Submission
from masa.indicators.xlsx_template import HEADER, TemplateError, read_template
from tests.indicators.datacall_world import build_world


@pytest.fixture
def world(db):
    return build_world()


def _download(client, world, user, submission):
    client.force_login(user)
    url = reverse("indicators:submission_template", args=[world.partnership.slug, submission.uuid])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _upload(client, world, submission, wb, name="template.xlsx"):
    out = io.BytesIO()
    wb.save(out)
    out.name = name
    out.seek(0)
    url = reverse("indicators:submission_upload", args=[world.partnership.slug, submission.uuid])
    return client.post(url, {"file": out})


def _rows(ws):
    return {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}


def test_template_has_locked_header_instructions_and_the_agency_indicators(client, world):
    sub = world.submission(world.police)
    wb = _download(client, world, world.police_lead, sub)
    assert wb.sheetnames == ["Values", "About", "Instructions"]
    ws = wb["Values"]
    assert tuple(c.value for c in ws[1]) == HEADER
    assert ws.protection.sheet is True
    assert ws["A1"].protection.locked is True
    assert ws["F2"].protection.locked is False
    assert sorted(_rows(ws)) == ["arrests_pct", "missing_episodes", "visits_rate", "wait_days"]
    assert wb["About"]["B1"].value == str(sub.uuid)
    assert wb["About"].sheet_state == "hidden"


def test_filled_template_round_trip_saves_the_values(client, world):
    sub = world.submission(world.police)
    wb = _download(client, world, world.police_lead, sub)
    ws = wb["Values"]
    rows = _rows(ws)
    ws.cell(row=rows["missing_episodes"], column=6, value=12)
    ws.cell(row=rows["arrests_pct"], column=4, value=3)
    ws.cell(row=rows["arrests_pct"], column=5, value=4)
    ws.cell(row=rows["visits_rate"], column=6, value=3.6)
    ws.cell(row=rows["wait_days"], column=7, value="Not recorded this quarter")
    response = _upload(client, world, sub, wb)
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.status == "draft"
    saved = {v.indicator.code: v for v in sub.values.select_related("indicator")}
    assert saved["missing_episodes"].value == Decimal(12)
    assert saved["arrests_pct"].value == Decimal("75.0")
    assert saved["visits_rate"].value == Decimal("3.6")
    assert saved["wait_days"].missing_reason == "Not recorded this quarter"
    # The next download carries the draft answers back.
    again = _download(client, world, world.police_lead, sub)["Values"]
    assert again.cell(row=_rows(again)["missing_episodes"], column=6).value == 12


def test_bad_cells_give_row_and_column_and_nothing_is_saved(client, world):
    sub = world.submission(world.police)
    wb = _download(client, world, world.police_lead, sub)
    ws = wb["Values"]
    rows = _rows(ws)
    ws.cell(row=rows["missing_episodes"], column=6, value=2.5)
    ws.cell(row=rows["arrests_pct"], column=6, value="=1/0")
    ws.cell(row=rows["wait_days"], column=6, value=4)
    response = _upload(client, world, sub, wb)
    assert response.status_code == 400
    text = response.content.decode()
    assert f"template.xlsx, row {rows['missing_episodes']}, column Value: must be a whole number" in text
    assert f"template.xlsx, row {rows['arrests_pct']}, column Value: must be a number, not a formula" in text
    assert IndicatorValue.objects.count() == 0
    assert Submission.objects.get(pk=sub.pk).status == "not_started"


def test_template_for_another_agency_is_refused(client, world):
    police_sub, health_sub = world.submission(world.police), world.submission(world.health)
    wb = _download(client, world, world.business, health_sub)
    response = _upload(client, world, police_sub, wb, name="health.xlsx")
    assert response.status_code == 400
    assert "health.xlsx is the template for alpha health, 2023-24 Q1" in response.content.decode()
    assert IndicatorValue.objects.count() == 0


def test_non_spreadsheet_upload_is_refused(client, world):
    sub = world.submission(world.police)
    client.force_login(world.police_lead)
    url = reverse("indicators:submission_upload", args=[world.partnership.slug, sub.uuid])
    upload = io.BytesIO(b"%PDF-1.4 not a sheet")
    upload.name = "values.pdf"
    response = client.post(url, {"file": upload})
    assert response.status_code == 400
    assert "The selected file values.pdf must be an Excel (XLSX) file" in response.content.decode()


def test_read_template_refuses_a_plain_workbook():
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    with pytest.raises(TemplateError) as error:
        read_template("mine.xlsx", out.getvalue())
    assert "mine.xlsx is not a masa data call template" in error.value.messages[0]


def test_titles_are_formula_safe(client, world):
    world.indicators["wait_days"].title = '=HYPERLINK("http://x")'
    world.indicators["wait_days"].save()
    wb = _download(client, world, world.police_lead, world.submission(world.police))
    ws = wb["Values"]
    titles = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
    assert '\'=HYPERLINK("http://x")' in titles


def test_read_table_refuses_a_longer_table_rather_than_cutting_it_short():
    from openpyxl import Workbook

    from masa.indicators.xlsx_template import MAX_ROWS, TOO_MANY_ROWS, read_table

    header = "Indicator code,Year,Kind,Value\n"
    exactly = (header + "a,2022-23,England,1\n" * MAX_ROWS).encode()
    assert len(read_table("sn.csv", exactly, "csv")) == MAX_ROWS + 1
    # Blank lines after the table are not rows.
    assert len(read_table("sn.csv", exactly + b"\n,,,\n", "csv")) == MAX_ROWS + 1
    with pytest.raises(TemplateError) as error:
        read_table("sn.csv", exactly + b"b,2022-23,England,2\n", "csv")
    assert error.value.messages == [TOO_MANY_ROWS.format(name="sn.csv", limit=MAX_ROWS)]

    wb = Workbook()
    ws = wb.active
    for n in range(MAX_ROWS + 2):
        ws.append(["a", "2022-23", "England", n])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(TemplateError) as error:
        read_table("sn.xlsx", out.getvalue(), "xlsx")
    assert error.value.messages == [TOO_MANY_ROWS.format(name="sn.xlsx", limit=MAX_ROWS)]


def test_read_table_gives_a_plain_message_for_a_csv_it_cannot_read():
    from masa.indicators.xlsx_template import read_table

    oversized_field = b'Indicator code,Value\na,"' + b"9" * 200_000 + b'"\n'
    with pytest.raises(TemplateError) as error:
        read_table("sn.csv", oversized_field, "csv")
    assert error.value.messages[0].startswith("sn.csv cannot be read as a CSV file")


def test_a_damaged_sheet_found_while_reading_gets_the_plain_message():
    import zipfile

    from openpyxl import Workbook

    from masa.indicators.xlsx_template import UNREADABLE, read_table

    out = io.BytesIO()
    Workbook().save(out)
    broken = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = b"<worksheet><sheetData><row><c><v>1</v></row>"  # not well-formed
            target.writestr(info.filename, content)
    with pytest.raises(TemplateError) as error:
        read_table("sn.xlsx", broken.getvalue(), "xlsx")
    assert error.value.messages == [UNREADABLE.format(name="sn.xlsx")]
