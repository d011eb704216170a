"""The briefing as Word and PDF: opened with python-docx and pypdf, their text asserted."""

from io import BytesIO

from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from masa.briefings.documents import briefing_docx, briefing_pdf
from masa.briefings.selectors import briefing_get

HEADINGS = ["1. Background", "2. What we found", "3. Why it matters", "4. What to do", "5. Questions to ask"]


def _docx_text(content: bytes) -> str:
    doc = Document(BytesIO(content))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pdf_text(content: bytes) -> str:
    # Words as one line: the PDF wraps long titles.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split())


def _expectations(world, briefing):
    return [
        world.partnership.name,
        f"7-minute briefing: {briefing.title}",
        "Pre-birth",
        world.review.public_label,
        briefing.published_on.strftime("%B %Y"),
        "Refer unborn babies at 12 weeks",
        "Include fathers in every assessment",
        *HEADINGS,
    ]


def test_docx_has_the_seven_minute_structure(alpha):
    briefing = briefing_get(alpha.partnership, alpha.published.uuid)
    doc = Document(BytesIO(briefing_docx(briefing)))
    text = _docx_text(briefing_docx(briefing))
    for expected in _expectations(alpha, briefing):
        assert expected in text
    assert doc.core_properties.title == f"7-minute briefing: {briefing.title}"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [*HEADINGS, "6. Further reading"]
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Refer unborn babies at 12 weeks", "Include fathers in every assessment"]


def test_pdf_has_the_seven_minute_structure(alpha):
    briefing = briefing_get(alpha.partnership, alpha.published.uuid)
    text = _pdf_text(briefing_pdf(briefing))
    for expected in _expectations(alpha, briefing):
        assert expected in text
    assert text.index("1. Background") < text.index("4. What to do") < text.index("6. Further reading")


def test_empty_optional_sections_are_left_out(alpha):
    alpha.published.questions_to_ask = ""
    alpha.published.save()
    text = _docx_text(briefing_docx(briefing_get(alpha.partnership, alpha.published.uuid)))
    assert "Questions to ask" not in text
    assert "5. Further reading" in text


def test_public_downloads_only_for_published_briefings(client, alpha):
    slug = alpha.partnership.slug
    response = client.get(reverse("briefings:public_briefing_pdf", args=[slug, alpha.published.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{alpha.published.slug}.pdf"' in response["Content-Disposition"]
    assert alpha.published.title in _pdf_text(response.content)
    response = client.get(reverse("briefings:public_briefing_docx", args=[slug, alpha.published.slug]))
    assert response.status_code == 200
    assert alpha.published.title in _docx_text(response.content)
    for briefing in (alpha.draft, alpha.withdrawn):
        for name in ("briefings:public_briefing_pdf", "briefings:public_briefing_docx"):
            assert client.get(reverse(name, args=[slug, briefing.slug])).status_code == 404


def test_inside_downloads_for_the_business_team_include_drafts(client, alpha):
    client.force_login(alpha.bt)
    url = reverse("briefings:briefing_docx", args=[alpha.partnership.slug, alpha.draft.uuid])
    response = client.get(url)
    assert response.status_code == 200
    text = _docx_text(response.content)
    assert "Not yet published" in text
    assert alpha.draft.title in text
