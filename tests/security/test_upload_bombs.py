"""Class of fault: unbounded decompression of zip-based uploads.

A probe found a 306 KB DOCX whose [Content_Types].xml unpacks to 300 MB accepted as a meeting
paper and as action evidence (1.2 GB of server memory), and a 583 KB XLSX whose sheet unpacks to
200 MB keeping the comparator import busy for 192 seconds. Every place masa reads a zip-based
upload now checks the zip's central directory first (masa.core.uploads.check_zip_bounds): the
bombs below are refused in well under a second, with the file named, and nothing is saved.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from datetime import timedelta
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masa.actions.models import ActionEvidence
from masa.assurance import services as assurance_services
from masa.assurance.models import RequestStatus
from masa.core import uploads
from masa.core.uploads import UploadError, check_document, check_zip_bounds
from masa.governance.models import Paper
from masa.indicators.models import Comparator, IndicatorValue
from masa.indicators.xlsx_template import TemplateError, read_table, read_template
from masa.reviews.models import Review
from tests.actions.conftest import build_world as build_actions_world
from tests.assurance.conftest import TODAY
from tests.assurance.conftest import make_world as build_assurance_world
from tests.factories import SETUP
from tests.governance.conftest import paper_world
from tests.indicators.datacall_world import build_world as build_datacall_world
from tests.security.upload_files import (
    MB,
    big_sheet,
    docx_bomb,
    many_parts,
    real_docx,
    real_xlsx,
    rezip,
    tight_part,
    xlsx_bomb,
    zeros,
)

TOO_LARGE = uploads.TOO_LARGE_UNPACKED


def timed(check, *args):
    """(what `check` raised, seconds taken, peak bytes allocated while it ran)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        check(*args)
    except (UploadError, TemplateError) as error:
        raised: Exception | None = error
    else:
        raised = None
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return raised, elapsed, peak


def page_text(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    saved = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert not saved, f"files were saved from a refused upload: {saved}"


# -- the bombs themselves, checked without Django --------------------------------------------------


def test_the_bombs_are_what_the_probe_sent():
    assert 250_000 < len(docx_bomb()) < 400_000
    with zipfile.ZipFile(io.BytesIO(docx_bomb())) as archive:
        assert archive.getinfo("[Content_Types].xml").file_size == 300 * MB
    with zipfile.ZipFile(io.BytesIO(xlsx_bomb())) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 200 * MB


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("board-paper.docx", docx_bomb, "unpack to 301 MB, and the most a file can unpack to is 200 MB"),
        ("sheet.xlsx", xlsx_bomb, "it would unpack to 201 MB"),
        ("tight.xlsx", tight_part, "packed 1,0"),
        ("parts.docx", many_parts, "has too many parts inside it: it has 12,0"),
    ],
)
def test_a_bomb_is_refused_from_its_directory_in_under_a_second(name, build, message):
    data = build()
    raised, elapsed, peak = timed(check_document, name, io.BytesIO(data), len(data))
    assert isinstance(raised, UploadError)
    assert str(raised).startswith(f"The selected file {name} ")
    assert message in str(raised)
    assert elapsed < 1.0
    assert peak < 20 * MB  # the bomb is never unpacked: memory stays near the upload's own size


def test_the_probes_docx_gets_the_plain_message():
    data = docx_bomb()
    with pytest.raises(UploadError) as error:
        check_document("board-paper.docx", io.BytesIO(data), len(data))
    assert str(error.value) == uploads.UNPACKED_TOTAL.format(
        name="board-paper.docx", size="301 MB", limit="200 MB"
    )


def test_real_documents_and_workbooks_still_pass():
    for name, data, kind in (("paper.docx", real_docx(), "docx"), ("table.xlsx", real_xlsx(), "xlsx")):
        assert check_document(name, io.BytesIO(data), len(data)).file_type == kind
    # A workbook with a 5 MB sheet of 25,000 rows (it packs about 15 to 1) is a real document.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in range(25_000):
        ws.append(["Indicator code", "2023-24", "England", 12.5 + r])
    out = io.BytesIO()
    wb.save(out)
    assert check_document("big.xlsx", out, len(out.getvalue())).file_type == "xlsx"


def test_bounds_are_checked_from_the_directory_before_anything_is_read():
    # A central directory that declares more parts than allowed is refused before it is parsed.
    data = many_parts(count=50)
    assert check_zip_bounds("ok.docx", data)
    with pytest.raises(UploadError, match="has too many parts inside it: it has 67 and can have up to 20"):
        check_zip_bounds("few.docx", data, max_members=20)
    # Zip64 bombs (sizes in the Zip64 extra field) are read the same way.
    zip64 = rezip(real_docx(), {"word/big.xml": zeros(2 * MB)})
    with pytest.raises(UploadError, match="would unpack to 2 MB"):
        check_zip_bounds("z.docx", zip64, max_member=1 * MB)
    # Small parts may pack tightly (short XML of repeated tags); the ratio is judged over 1 MB.
    small = rezip(real_docx(), {"word/small.xml": zeros(MB // 2)})
    assert check_zip_bounds("small.docx", small)
    # Not a zip, or a zip cut short: damaged.
    for broken in (b"PK\x03\x04" + b"\x00" * 100, docx_bomb()[: len(docx_bomb()) // 2]):
        with pytest.raises(UploadError, match="is damaged and cannot be opened"):
            check_zip_bounds("cut.docx", broken)


def test_content_types_are_read_with_a_cap():
    # Within every bound (2 MB, under the ratio floor's reach at about 20 to 1)...
    from tests.security.upload_files import loose

    data = rezip(real_docx(), {"[Content_Types].xml": loose(2 * MB)})
    with pytest.raises(UploadError) as error:
        check_document("types.docx", io.BytesIO(data), len(data))
    assert str(error.value).startswith(TOO_LARGE.format(name="types.docx"))


@pytest.mark.parametrize("reader", ["read_table", "read_template"])
@pytest.mark.parametrize(
    ("build", "message"),
    [
        (xlsx_bomb, "it would unpack to 201 MB"),
        (tight_part, "packed 1,0"),
        (big_sheet, "one part of it would unpack to 12 MB, and the most one part can unpack to is 10 MB"),
    ],
)
def test_spreadsheet_readers_check_the_bounds_before_openpyxl(reader, build, message):
    data = build()
    read = (
        (lambda: read_table("sn.xlsx", data, "xlsx"))
        if reader == "read_table"
        else (lambda: read_template("sn.xlsx", data))
    )
    raised, elapsed, peak = timed(read)
    assert isinstance(raised, TemplateError)
    assert raised.messages[0].startswith(TOO_LARGE.format(name="sn.xlsx"))
    assert message in raised.messages[0]
    assert elapsed < 1.0
    assert peak < 40 * MB


# -- through the real pages: meeting papers, action evidence, comparators, data-call templates -----


def post_timed(client, url, data):
    started = time.perf_counter()
    response = client.post(url, data)
    return response, time.perf_counter() - started


# The whole request, on a machine shared with other work; the check itself is timed above.
REQUEST_SECONDS = 5.0


@pytest.mark.parametrize("build", [docx_bomb, tight_part, many_parts])
def test_meeting_paper_bombs_are_refused_and_nothing_saved(client, db, build):
    world, meeting, item = paper_world()
    client.force_login(world.manager)
    url = reverse("governance:paper_add", args=[world.partnership.slug, meeting.uuid, item.uuid])
    upload = SimpleUploadedFile("board-paper.docx", build())
    response, elapsed = post_timed(client, url, {"title": "Board paper", "upload": upload})
    assert response.status_code == 400
    text = page_text(response)
    assert "The selected file board-paper.docx " in text
    assert TOO_LARGE.format(name="board-paper.docx") in text or "too many parts" in text
    assert '<a href="#id_upload">' in text
    assert not Paper.objects.exists()
    assert elapsed < REQUEST_SECONDS


@pytest.mark.parametrize("build", [docx_bomb, xlsx_bomb, tight_part])
def test_action_evidence_bombs_are_refused_and_nothing_saved(client, db, build):
    world = build_actions_world("alpha")
    client.force_login(world.owner_user)
    url = reverse("actions:action_evidence", args=[world.partnership.slug, world.actions["mine"].uuid])
    upload = SimpleUploadedFile("evidence.docx", build())
    response, elapsed = post_timed(client, url, {"kind": "file", "file": upload})
    assert response.status_code == 400
    assert TOO_LARGE.format(name="evidence.docx") in page_text(response)
    assert not ActionEvidence.objects.exists()
    assert elapsed < REQUEST_SECONDS


@pytest.mark.parametrize("build", [docx_bomb, xlsx_bomb, tight_part])
def test_assurance_report_bombs_are_refused_and_nothing_saved(client, db, build):
    world = build_assurance_world("alpha")
    record = assurance_services.request_save(
        actor=SETUP,
        partnership=world.partnership,
        agency=world.agency,
        subject="Return home interviews",
        asked="Timeliness",
        group=world.group,
        due_date=TODAY + timedelta(days=30),
    )
    client.force_login(world.owner_user)
    url = reverse("assurance:request_report", args=[world.partnership.slug, record.uuid])
    upload = SimpleUploadedFile("report.docx", build())
    response, elapsed = post_timed(client, url, {"file": upload})
    assert response.status_code == 400
    assert TOO_LARGE.format(name="report.docx") in page_text(response)
    record.refresh_from_db()
    assert record.status == RequestStatus.REQUESTED and not record.report_file
    assert elapsed < REQUEST_SECONDS


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (xlsx_bomb, "it would unpack to 201 MB"),
        (tight_part, "packed 1,0"),
        # Within a document's bounds, beyond a data sheet's: refused by the reader's own check.
        (big_sheet, "the most one part can unpack to is 10 MB"),
    ],
)
def test_comparator_import_bombs_are_refused_and_nothing_saved(client, db, build, message):
    world = build_datacall_world()
    client.force_login(world.business)
    url = reverse("indicators:comparators_import", args=[world.partnership.slug])
    response, elapsed = post_timed(client, url, {"file": SimpleUploadedFile("sn.xlsx", build())})
    assert response.status_code == 400
    text = page_text(response)
    assert TOO_LARGE.format(name="sn.xlsx") in text and message in text
    assert not Comparator.objects.exists()
    assert elapsed < REQUEST_SECONDS


@pytest.mark.parametrize("kind", ["bomb", "tight", "big sheet"])
def test_data_call_template_bombs_are_refused_and_nothing_saved(client, db, kind):
    world = build_datacall_world()
    submission = world.submission(world.police)
    client.force_login(world.police_lead)
    args = [world.partnership.slug, submission.uuid]
    template = client.get(reverse("indicators:submission_template", args=args)).content
    build = {"bomb": xlsx_bomb, "tight": tight_part, "big sheet": big_sheet}[kind]
    upload = SimpleUploadedFile("police-q1.xlsx", build(template))
    response, elapsed = post_timed(
        client, reverse("indicators:submission_upload", args=args), {"file": upload}
    )
    assert response.status_code == 400
    assert TOO_LARGE.format(name="police-q1.xlsx") in page_text(response)
    assert not IndicatorValue.objects.exists()
    assert elapsed < REQUEST_SECONDS


def test_review_report_bomb_is_refused_and_nothing_saved(client, db):
    from tests.reviews.conftest import make_world as build_reviews_world

    world = build_reviews_world("alpha")
    client.force_login(world.business_team)
    data = {
        "reference": "LCSPR-2024-09",
        "title": "Child D",
        "status": "planned",
        "final_report": SimpleUploadedFile("final-report.docx", docx_bomb()),
    }
    response, elapsed = post_timed(
        client, reverse("reviews:review_create", args=[world.partnership.slug]) + "?kind=lcspr", data
    )
    assert response.status_code == 400
    assert TOO_LARGE.format(name="final-report.docx") in page_text(response)
    assert not Review.objects.filter(reference="LCSPR-2024-09").exists()
    assert elapsed < REQUEST_SECONDS
