"""Restraint pages with the test client: who sees what (403/404), the quarter's form refusing
figures that do not add up and keeping the answers, the yearly review, charts and downloads."""

import re
from html import unescape
from io import BytesIO

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from masa.restraint import services
from masa.restraint.models import RestraintQuarter, RestraintReview, RestraintType
from tests.factories import SETUP


def url(name: str, w, *args) -> str:
    return reverse(f"restraint:{name}", args=[w.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def figures(w, **overrides) -> dict:
    data = {
        "year": "2023",
        "quarter": "2",
        "incidents": "8",
        "injuries": "1",
        "children": "5",
        f"type_{w.types[0].pk}": "6",
        f"type_{w.types[1].pk}": "2",
        "age_16": "3",
        "age_17": "2",
        "ethnicity_black": "4",
        "ethnicity_white": "1",
        "themes": "Conflict between children on the units",
    }
    data.update(overrides)
    return data


def test_who_may_open_the_pages(client, w, other):
    pages = [url("home", w), url("establishment_detail", w, w.establishment.uuid)]
    pages.append(url("quarter_detail", w, w.establishment.uuid, w.quarter.uuid))
    for user in (w.business_team, w.lsp, w.scrutineer, w.chair, w.group_member):
        client.force_login(user)
        for page in pages:
            assert client.get(page).status_code == 200, (user, page)
    client.force_login(w.other_member)  # chairs another group: no restraint figures
    assert client.get(pages[0]).status_code == 403
    client.force_login(w.practitioner)
    assert client.get(pages[1]).status_code == 403
    client.force_login(other.business_team)  # another partnership
    assert client.get(pages[1]).status_code == 404
    assert client.get(url("establishment_detail", other, w.establishment.uuid)).status_code == 404


def test_read_only_roles_cannot_record(client, w):
    for user in (w.scrutineer, w.lsp, w.group_member):
        client.force_login(user)
        assert client.get(url("quarter_add", w, w.establishment.uuid)).status_code == 403
        assert client.post(url("review_add", w, w.establishment.uuid), {"year": "2023"}).status_code == 403
        page = client.get(url("establishment_detail", w, w.establishment.uuid))
        assert "Record a quarter" not in text_of(page)


def test_the_chair_records_a_quarter_and_the_page_shows_the_chart_and_table(client, w):
    client.force_login(w.chair)
    response = client.post(url("quarter_add", w, w.establishment.uuid), figures(w))
    saved = RestraintQuarter.objects.get(establishment=w.establishment, year=2023, quarter=2)
    assert response.status_code == 302
    assert saved.incidents == 8 and saved.by_age == {"14_under": 0, "15": 0, "16": 3, "17": 2, "18_over": 0}
    assert saved.recorded_by == w.chair
    page = client.get(url("establishment_detail", w, w.establishment.uuid))
    html = page.content.decode()
    assert html.count("<svg") == 2 and "Figures in the charts" in html
    assert "July to September 2023" in text_of(page)
    detail = text_of(client.get(url("quarter_detail", w, w.establishment.uuid, saved.uuid)))
    assert "Guiding hold 6" in detail and "Conflict between children on the units" in detail


def test_figures_that_do_not_add_up_are_refused_keeping_the_answers(client, w):
    client.force_login(w.business_team)
    response = client.post(url("quarter_add", w, w.establishment.uuid), figures(w, injuries="9", age_16="1"))
    assert response.status_code == 400
    text = text_of(response)
    assert "The number of injuries (9) cannot be more than the number of incidents (8)" in text
    assert (
        "The counts by age band must add up to the number of children involved (5): they add up to 3" in text
    )
    assert 'value="Conflict between children on the units"' in response.content.decode() or (
        "Conflict between children on the units" in text
    )
    assert not RestraintQuarter.objects.filter(establishment=w.establishment, quarter=2).exists()
    bad = client.post(url("quarter_add", w, w.establishment.uuid), figures(w, incidents="-1"))
    assert "The number of incidents cannot be less than 0" in text_of(bad)


def test_the_yearly_review_links_actions_and_downloads_as_word(client, w):
    client.force_login(w.chair)
    response = client.post(
        url("review_add", w, w.establishment.uuid),
        {"year": "2023", "summary": "Restraint fell over the year", "actions": [w.action.pk]},
    )
    review = RestraintReview.objects.get(establishment=w.establishment, year=2023)
    assert response.status_code == 302 and list(review.actions.all()) == [w.action]
    page = text_of(client.get(url("review_detail", w, w.establishment.uuid, review.uuid)))
    assert "Review de-escalation training" in page and "April to June 2023" in page
    client.force_login(w.scrutineer)
    download = client.get(url("review_export", w, w.establishment.uuid, review.uuid))
    doc = Document(BytesIO(download.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Restraint fell over the year" in text
    assert doc.tables[0].rows[1].cells[1].text == "10"
    client.force_login(w.business_team)
    missing = client.post(url("review_add", w, w.establishment.uuid), {"year": "2024", "summary": ""})
    assert missing.status_code == 400 and "Enter the summary of the review" in text_of(missing)


def test_the_figures_spreadsheet_is_formula_safe(client, w):
    services.quarter_save(
        actor=SETUP,
        establishment=w.establishment,
        year=2023,
        quarter=3,
        incidents=0,
        injuries=0,
        children=0,
        type_counts={},
        by_age={},
        by_ethnicity={},
        themes='=HYPERLINK("http://x")',
    )
    client.force_login(w.group_member)
    response = client.get(url("figures_export", w, w.establishment.uuid))
    sheet = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:5] == [
        "Quarter",
        "Reporting year",
        "Incidents",
        "Injuries to children",
        "Children involved",
    ]
    assert sheet.cell(row=2, column=3).value == 10
    themes = sheet.cell(row=3, column=header.index("Themes") + 1)
    assert themes.data_type == "s" and not str(themes.value).startswith("=")


def test_the_business_team_adds_a_type_and_others_may_not(client, w):
    client.force_login(w.business_team)
    client.post(url("type_list", w), {"name": "Handcuffs", "order": "5"})
    assert RestraintType.objects.filter(partnership=w.partnership, name="Handcuffs").exists()
    again = client.post(url("type_list", w), {"name": "handcuffs"})
    assert again.status_code == 400 and "already counts a type of restraint called handcuffs" in text_of(
        again
    )
    client.force_login(w.chair)
    assert client.get(url("type_list", w)).status_code == 403


def test_the_chair_changes_a_quarter_from_its_answers_and_a_foreign_quarter_is_not_found(client, w, other):
    client.force_login(w.chair)
    edit = url("quarter_edit", w, w.establishment.uuid, w.quarter.uuid)
    page = client.get(edit).content.decode()
    assert 'name="incidents" value="10"' in page and f'name="type_{w.types[0].pk}" value="5"' in page
    answers = figures(w, quarter="1", **{f"type_{w.types[2].pk}": "0"})
    assert client.post(edit, answers).status_code == 302
    w.quarter.refresh_from_db()
    assert (w.quarter.incidents, w.quarter.injuries) == (8, 1)
    assert client.get(url("quarter_edit", w, w.establishment.uuid, other.quarter.uuid)).status_code == 404
    client.force_login(other.chair)  # chairs the other partnership's group: not this one
    assert client.get(edit).status_code == 404
