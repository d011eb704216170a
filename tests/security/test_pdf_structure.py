"""Class of fault: a file's type judged by its first bytes only.

A probe found a file that starts with %PDF- but is HTML accepted as a PDF. masa now checks a
PDF's structure (its trailer, then pypdf opening it and counting its pages, within a time limit),
and every uploaded file is downloaded as an attachment, with the type masa checked and
X-Content-Type-Options: nosniff, so a browser never renders one as a page.
"""

from __future__ import annotations

import io
import threading
import time
from datetime import date
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from masa.actions import services as action_services
from masa.actions.models import ActionEvidence
from masa.core import uploads
from masa.core.uploads import UploadError, check_document
from masa.governance import services as governance_services
from masa.governance.models import Paper
from masa.reviews import services as review_services
from masa.reviews.models import Review, ReviewKind, ReviewStatus
from tests.actions.conftest import build_world as build_actions_world
from tests.governance.conftest import paper_world
from tests.governance.files import pdf_bytes
from tests.reviews.conftest import make_world as build_reviews_world
from tests.security.upload_files import html_as_pdf, real_docx

DISGUISED = {
    "html, PDF header only": html_as_pdf(trailer=False),
    "html, PDF header and trailer": html_as_pdf(),
    "script with a fake object": (
        b"%PDF-1.4\n1 0 obj<<>>endobj\n<script>alert(1)</script>\nstartxref\n9\n%%EOF\n"
    ),
    "a real PDF cut in half": pdf_bytes()[: len(pdf_bytes()) // 2],
    "a real PDF with its middle blanked": (lambda d: d[:20] + b" " * (len(d) - 60) + d[-40:])(pdf_bytes()),
    "no pages": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
    b"endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n"
    b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n105\n%%EOF\n",
}


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def check(name: str, data: bytes):
    return check_document(name, io.BytesIO(data), len(data))


@pytest.mark.parametrize("case", sorted(DISGUISED))
def test_a_file_that_only_starts_like_a_pdf_is_refused(case):
    with pytest.raises(UploadError) as error:
        check("paper.pdf", DISGUISED[case])
    assert str(error.value) == uploads.DAMAGED.format(name="paper.pdf")


def test_real_pdfs_pass():
    from weasyprint import HTML

    made_by_weasyprint = HTML(string="<h1>Annual report</h1><p>Text</p>").write_pdf()
    for data in (pdf_bytes(), pdf_bytes(pages=30), made_by_weasyprint, encrypted("")):
        assert check("report.pdf", data).file_type == "pdf"


def test_a_pdf_locked_with_a_password_gets_its_own_message():
    with pytest.raises(UploadError) as error:
        check("locked.pdf", encrypted("secret"))
    assert str(error.value) == uploads.LOCKED.format(name="locked.pdf")


def test_pypdf_gets_a_time_limit_and_stops_when_it_is_up(monkeypatch):
    """A PDF that would keep pypdf busy is refused when the time is up, and the parse stops."""

    def endless(stream, strict):
        while True:  # reads the private copy until it is closed under it
            stream.seek(0)
            stream.read(16)
            time.sleep(0.005)

    monkeypatch.setattr(uploads, "PdfReader", endless)
    started = time.perf_counter()
    with pytest.raises(UploadError) as error:
        uploads.check_pdf("slow.pdf", io.BytesIO(pdf_bytes()), seconds=0.2)
    assert time.perf_counter() - started < 1.0
    assert str(error.value) == uploads.DAMAGED.format(name="slow.pdf")
    deadline = time.monotonic() + 2
    while any(t.name == "masa-pdf-check" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(t.name == "masa-pdf-check" for t in threading.enumerate())


def test_a_pdf_is_never_accepted_where_only_a_spreadsheet_is(client, db):
    from tests.indicators.datacall_world import build_world

    world = build_world()
    client.force_login(world.business)
    url = reverse("indicators:comparators_import", args=[world.partnership.slug])
    response = client.post(url, {"file": SimpleUploadedFile("sn.xlsx", pdf_bytes())})
    assert response.status_code == 400
    message = uploads.WRONG_TYPE.format(name="sn.xlsx", allowed="a CSV or Excel (XLSX) file")
    assert message in unescape(response.content.decode())


# -- through the pages -----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_disguised_pdfs_are_refused_as_papers_evidence_and_review_reports(client, db):
    world, meeting, item = paper_world()
    client.force_login(world.manager)
    paper_url = reverse("governance:paper_add", args=[world.partnership.slug, meeting.uuid, item.uuid])
    actions = build_actions_world("beta")
    evidence_url = reverse("actions:action_evidence", args=["beta", actions.actions["mine"].uuid])
    reviews = build_reviews_world("gamma")
    review_url = reverse("reviews:review_create", args=["gamma"]) + "?kind=lcspr"
    message = uploads.DAMAGED.format(name="page.pdf")
    for data in (html_as_pdf(), html_as_pdf(trailer=False)):
        upload = SimpleUploadedFile("page.pdf", data, content_type="application/pdf")
        response = client.post(paper_url, {"title": "Paper", "upload": upload})
        assert response.status_code == 400 and message in unescape(response.content.decode())

        client.force_login(actions.owner_user)
        upload = SimpleUploadedFile("page.pdf", data, content_type="application/pdf")
        response = client.post(evidence_url, {"kind": "file", "file": upload})
        assert response.status_code == 400 and message in unescape(response.content.decode())

        client.force_login(reviews.business_team)
        upload = SimpleUploadedFile("page.pdf", data, content_type="application/pdf")
        fields = {"reference": "LLR-9", "title": "Child E", "status": "planned", "final_report": upload}
        response = client.post(review_url, fields)
        assert response.status_code == 400 and message in unescape(response.content.decode())
        client.force_login(world.manager)
    assert not Paper.objects.exists()
    assert not ActionEvidence.objects.exists()
    assert not Review.objects.filter(reference="LLR-9").exists()


def assert_served_as_attachment(response, content_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == content_type
    b"".join(response.streaming_content)  # close the file


def test_every_uploaded_file_is_downloaded_as_an_attachment_with_nosniff(client, db):
    """The type served is the one masa checked, never the one the browser sent with the upload."""
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    world, meeting, item = paper_world()
    paper = governance_services.paper_add(
        actor=world.manager,
        item=item,
        title="Paper",
        upload=SimpleUploadedFile("paper.html", pdf_bytes(), content_type="text/html"),
    )
    client.force_login(world.manager)
    response = client.get(
        reverse("governance:paper_download", args=[world.partnership.slug, meeting.uuid, paper.uuid])
    )
    assert_served_as_attachment(response, "application/pdf")

    actions = build_actions_world("beta")
    action = actions.actions["mine"]
    evidence = action_services.action_add_evidence(
        actor=actions.owner_user,
        action=action,
        kind="file",
        file=SimpleUploadedFile("notes.html", real_docx(), content_type="text/html"),
        original_name="notes.html",
    )
    client.force_login(actions.owner_user)
    response = client.get(reverse("actions:evidence_download", args=["beta", action.uuid, evidence.uuid]))
    assert_served_as_attachment(response, docx_type)
    assert 'filename="notes.docx"' in response["Content-Disposition"]

    reviews = build_reviews_world("gamma")
    review = review_services.review_create(
        actor=reviews.business_team,
        partnership=reviews.partnership,
        kind=ReviewKind.LOCAL_LEARNING,
        reference="LLR-10",
        title="Child F",
        status=ReviewStatus.PUBLISHED,
        publication_date=date(2024, 6, 1),
        final_report=review_services.Upload(
            file=SimpleUploadedFile("report.html", pdf_bytes(), content_type="text/html"), name="report.html"
        ),
    )
    client.force_login(reviews.business_team)
    response = client.get(reverse("reviews:review_report", args=["gamma", review.uuid]))
    assert_served_as_attachment(response, "application/pdf")
    client.logout()
    response = client.get(reverse("briefings:public_review_report", args=["gamma", review.uuid]))
    assert_served_as_attachment(response, "application/pdf")
