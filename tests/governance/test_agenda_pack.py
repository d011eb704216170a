"""The agenda pack: every paper merged as PDF (Word, Excel and PowerPoint converted by
LibreOffice in the task worker), a contents page with page numbers, and numbered pages."""

import http.server
import io
import re
import threading
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from masa.governance import conversion, documents, selectors, services
from masa.governance.models import Paper, PdfStatus
from tests.governance.conftest import agenda_item, paper_world
from tests.governance.files import docx_bytes, pdf, pptx_bytes, upload, xlsx_bytes


def text(page) -> str:
    return " ".join(page.extract_text().split())


def pack(world, meeting) -> PdfReader:
    fetched = selectors.meeting_get(world.manager, world.partnership, str(meeting.uuid))
    content, _ = documents.agenda_pack_pdf(fetched, selectors.agenda_rows(world.manager, fetched))
    return PdfReader(io.BytesIO(content))


@pytest.fixture
def setup(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return paper_world()


def test_word_excel_and_powerpoint_papers_are_merged_with_contents_and_page_numbers(
    setup, django_capture_on_commit_callbacks
):
    world, meeting, item = setup
    second = agenda_item(world.manager, meeting, "Neglect audit", purpose="assurance")
    with django_capture_on_commit_callbacks(execute=True):
        services.paper_add(
            actor=world.manager, item=item, title="Annual report", upload=pdf("r.pdf", pages=2)
        )
        services.paper_add(
            actor=world.manager, item=item, title="Budget", upload=upload("b.docx", docx_bytes())
        )
        services.paper_add(
            actor=world.manager, item=second, title="Figures", upload=upload("f.xlsx", xlsx_bytes())
        )
        services.paper_add(
            actor=world.manager, item=second, title="Slides", upload=upload("s.pptx", pptx_bytes())
        )
    statuses = dict(Paper.objects.values_list("title", "pdf_status"))
    assert statuses == {
        "Annual report": "",
        "Budget": "converted",
        "Figures": "converted",
        "Slides": "converted",
    }

    reader = pack(world, meeting)
    pages = [text(page) for page in reader.pages]
    total = len(pages)
    # Agenda, contents, report (2), budget (1), figures (1), slides (2).
    assert total == 8
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page, number
    agenda, contents = pages[0], pages[1]
    assert "Annual report (PDF): page 3" in agenda and "Budget (DOCX): page 5" in agenda
    assert "Contents" in contents
    for line in ("Annual report (PDF) 3", "Budget (DOCX) 5", "Figures (XLSX) 6", "Slides (PPTX) 7"):
        assert line in contents, line
    assert "1. Annual report" in contents and "2. Neglect audit" in contents
    assert "A paper for the Board." in pages[4]
    assert "Contribution" in pages[5] and "120000" in pages[5]
    assert "Neglect audit slide 1" in pages[6] and "Neglect audit slide 2" in pages[7]
    assert [o.title for o in reader.outline if not isinstance(o, list)] == [
        "Agenda",
        "Annual report",
        "Budget",
        "Figures",
        "Slides",
    ]


def test_a_paper_that_cannot_be_converted_is_listed_and_the_pack_still_built(
    setup, django_capture_on_commit_callbacks, monkeypatch, client
):
    world, meeting, item = setup
    monkeypatch.setattr(conversion, "soffice", lambda: "/nonexistent/soffice")
    with django_capture_on_commit_callbacks(execute=True):
        paper = services.paper_add(
            actor=world.manager, item=item, title="Budget", upload=upload("b.docx", docx_bytes())
        )
        services.paper_add(actor=world.manager, item=item, title="Report", upload=pdf("r.pdf"))
    paper.refresh_from_db()
    assert paper.pdf_status == PdfStatus.FAILED and not paper.pdf_file
    client.force_login(world.manager)
    page = client.get(reverse("governance:meeting_detail", args=[world.partnership.slug, meeting.uuid]))
    assert "Not in the pack: could not be converted" in page.content.decode()
    reader = pack(world, meeting)
    assert len(reader.pages) == 3
    agenda = text(reader.pages[0])
    assert "Budget (DOCX): could not be included: open it from the meeting page" in agenda
    assert "Report (PDF): page 3" in agenda


def test_a_paper_still_being_converted_is_listed_as_such(setup, client):
    world, meeting, item = setup
    paper = services.paper_add(
        actor=world.manager, item=item, title="Budget", upload=upload("b.docx", docx_bytes())
    )
    assert paper.pdf_status == PdfStatus.PENDING
    agenda = text(pack(world, meeting).pages[0])
    assert "Budget (DOCX): not included yet, as it is still being converted to PDF" in agenda
    client.force_login(world.manager)
    page = client.get(reverse("governance:meeting_detail", args=[world.partnership.slug, meeting.uuid]))
    assert "Being converted for the pack" in page.content.decode()


def test_conversion_has_a_time_limit():
    with pytest.raises(conversion.ConversionError, match="longer than"):
        conversion.convert_to_pdf(docx_bytes(), "docx", timeout=0)


def test_conversions_at_the_same_time_do_not_clash():
    results: dict[str, bytes] = {}

    def convert(name: str, content: bytes, kind: str) -> None:
        results[name] = conversion.convert_to_pdf(content, kind)

    threads = [
        threading.Thread(target=convert, args=("word", docx_bytes(), "docx")),
        threading.Thread(target=convert, args=("excel", xlsx_bytes(), "xlsx")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {"word", "excel"}
    assert all(re.match(rb"%PDF-", pdf_content) for pdf_content in results.values())


def test_papers_uploaded_before_conversion_are_caught_up_by_a_command(setup):
    world, meeting, item = setup
    paper = services.paper_add(
        actor=world.manager, item=item, title="Budget", upload=upload("b.docx", docx_bytes())
    )
    Paper.objects.filter(pk=paper.pk).update(pdf_status="")  # as uploaded before masa converted papers
    out = io.StringIO()
    call_command("convert_papers", stdout=out)
    assert out.getvalue().strip() == "1 paper queued for conversion to PDF"
    paper.refresh_from_db()
    assert paper.pdf_status == PdfStatus.CONVERTED and paper.pdf_file
    assert "Budget (DOCX): page 3" in text(pack(world, meeting).pages[0])


def with_relationships(content: bytes, part: str, extra: str) -> bytes:
    """The Office file with relationships added to one of its relationships parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            copy.writestr(info, data)
    return out.getvalue()


def test_links_to_outside_resources_are_taken_out_before_converting():
    linked = with_relationships(
        docx_bytes(),
        "word/_rels/document.xml.rels",
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
        ' Target="http://127.0.0.1:9/tracker.png" TargetMode="External"/>'
        "<Relationship Id='rIdX2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "attachedTemplate' Target='file:///etc/passwd' TargetMode='External'></Relationship>"
        '<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"'
        ' Target="https://www.gov.uk/" TargetMode="External"/>',
    )
    cleaned = conversion.without_external_links(linked)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
        assert archive.namelist() == zipfile.ZipFile(io.BytesIO(linked)).namelist()
    assert b"tracker.png" not in rels and b"/etc/passwd" not in rels
    assert b"https://www.gov.uk/" in rels and b'Id="rId' in rels  # hyperlinks and inner parts stay
    assert conversion.convert_to_pdf(linked, "docx").startswith(b"%PDF-")


def test_a_file_that_is_not_a_zip_cannot_be_converted():
    with pytest.raises(conversion.ConversionError):
        conversion.convert_to_pdf(b"not a zip", "docx")


LINKED_PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="P"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic='
    '"http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="P"/>'
    '<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships" r:link="rIdLinked"/></pic:blipFill><pic:spPr/></pic:pic>'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)


def test_converting_a_paper_with_a_linked_picture_fetches_nothing():
    """LibreOffice fetches a picture linked from outside the file while converting; masa's copy
    has no such link, so the server asks for nothing (a listener on this machine counts)."""
    requests: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}/picture.png"
        linked = with_relationships(
            docx_bytes(),
            "word/_rels/document.xml.rels",
            f'<Relationship Id="rIdLinked" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/image" Target="{address}" TargetMode="External"/>',
        )
        with zipfile.ZipFile(io.BytesIO(linked)) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        parts["word/document.xml"] = parts["word/document.xml"].replace(
            b"<w:sectPr", LINKED_PICTURE.encode() + b"<w:sectPr"
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        assert conversion.convert_to_pdf(out.getvalue(), "docx").startswith(b"%PDF-")
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []
