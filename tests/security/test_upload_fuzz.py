"""Keep it found: Hypothesis sends every upload reader bombs, truncations, wrong types and wrong
encodings (tests.security.upload_files). Whatever arrives, the reader answers with its own plain
error or reads the file, in bounded time; a page never gives a 500 and never saves part of an
upload. Statutory returns get the same files in tests/returns/test_malformed_uploads.py.
"""

from __future__ import annotations

import io
import time
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from masa.actions.models import ActionEvidence
from masa.core import uploads
from masa.core.uploads import PDF_CHECK_SECONDS, UploadError, check_document
from masa.governance.models import Paper
from masa.indicators.models import Comparator, IndicatorValue
from masa.indicators.xlsx_template import TemplateError, read_table, read_template
from tests.actions.conftest import build_world as build_actions_world
from tests.governance.conftest import paper_world
from tests.indicators.datacall_world import build_world as build_datacall_world
from tests.security.upload_files import hostile_documents, hostile_tables, mutated, real_docx

EXAMPLES = settings(
    max_examples=40,
    deadline=timedelta(seconds=PDF_CHECK_SECONDS + 3),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
# Refusing or reading any of these small files, bombs included, takes well under this.
SECONDS = 2.0


# -- the readers themselves ------------------------------------------------------------------------


@EXAMPLES
@given(data=hostile_documents())
def test_check_document_answers_plainly_in_bounded_time(data):
    started = time.perf_counter()
    try:
        checked = check_document("file.bin", io.BytesIO(data), len(data))
    except UploadError as error:
        assert str(error).startswith("The selected file file.bin ")
    else:
        assert checked.file_type in {"pdf", "docx", "xlsx", "pptx"}
    assert time.perf_counter() - started < SECONDS


@EXAMPLES
@given(data=hostile_tables(), file_type=st.sampled_from(["xlsx", "csv"]))
def test_table_and_template_readers_answer_plainly_in_bounded_time(data, file_type):
    started = time.perf_counter()
    try:
        rows = read_table("table", data, file_type)
    except TemplateError as error:
        assert error.messages and all(isinstance(m, str) and m for m in error.messages)
    else:
        assert len(rows) <= 2001 and all(len(row) <= 100 for row in rows)
    if file_type == "xlsx":
        try:
            read_template("table", data)
        except TemplateError as error:
            assert error.messages
    assert time.perf_counter() - started < SECONDS


# -- through the pages -----------------------------------------------------------------------------


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


def _files(folder) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


@pytest.fixture
def paper_page(client, db, _media):
    world, meeting, item = paper_world()
    client.force_login(world.manager)
    return client, reverse("governance:paper_add", args=[world.partnership.slug, meeting.uuid, item.uuid])


@EXAMPLES
@given(data=hostile_documents(), name=st.sampled_from(["paper.pdf", "paper.docx", "paper.xlsx", "paper"]))
def test_meeting_papers_never_fail_or_half_save(paper_page, _media, data, name):
    client, url = paper_page
    before = (Paper.objects.count(), _files(_media))
    response = client.post(url, {"title": "Paper", "upload": SimpleUploadedFile(name, data)})
    assert response.status_code in {302, 400}
    event(f"answered {response.status_code}")
    after = (Paper.objects.count(), _files(_media))
    assert after == (before if response.status_code == 400 else (before[0] + 1, before[1] + 1))


@pytest.fixture
def evidence_page(client, db, _media):
    world = build_actions_world("alpha")
    client.force_login(world.owner_user)
    return client, reverse("actions:action_evidence", args=["alpha", world.actions["mine"].uuid])


@EXAMPLES
@given(data=hostile_documents())
def test_action_evidence_never_fails_or_half_saves(evidence_page, _media, data):
    client, url = evidence_page
    before = (ActionEvidence.objects.count(), _files(_media))
    response = client.post(url, {"kind": "file", "file": SimpleUploadedFile("evidence", data)})
    assert response.status_code in {302, 400}
    event(f"answered {response.status_code}")
    after = (ActionEvidence.objects.count(), _files(_media))
    assert after == (before if response.status_code == 400 else (before[0] + 1, before[1] + 1))


@pytest.fixture
def datacall(client, db):
    world = build_datacall_world()
    submission = world.submission(world.police)
    client.force_login(world.police_lead)
    args = [world.partnership.slug, submission.uuid]
    template = client.get(reverse("indicators:submission_template", args=args)).content
    return world, submission, template


@EXAMPLES
@given(data=hostile_tables(), name=st.sampled_from(["sn.csv", "sn.xlsx"]))
def test_comparator_import_never_fails_or_half_saves(client, datacall, data, name):
    world = datacall[0]
    client.force_login(world.business)
    url = reverse("indicators:comparators_import", args=[world.partnership.slug])
    before = Comparator.objects.count()
    response = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code in {302, 400}
    event(f"answered {response.status_code}")
    if response.status_code == 400:
        assert Comparator.objects.count() == before


@EXAMPLES
@given(data=st.data())
def test_data_call_template_upload_never_fails_or_half_saves(client, datacall, data):
    world, submission, template = datacall
    upload = data.draw(st.one_of(mutated(template), hostile_tables()))
    client.force_login(world.police_lead)
    url = reverse("indicators:submission_upload", args=[world.partnership.slug, submission.uuid])
    before = _answers()
    response = client.post(url, {"file": SimpleUploadedFile("police-q1.xlsx", upload)})
    assert response.status_code in {302, 400}
    event(f"answered {response.status_code}")
    if response.status_code == 400:
        assert _answers() == before


def _answers() -> list[tuple]:
    return list(IndicatorValue.objects.order_by("pk").values_list("pk", "value", "missing_reason"))


def test_a_zip_whose_packed_data_is_corrupt_is_damaged_not_an_error():
    """Found by the generator above: a DOCX whose [Content_Types].xml has bad deflate data raised
    zlib.error (a 500) instead of the plain message."""
    base = real_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        info = archive.getinfo("[Content_Types].xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = base[:start] + b"\xff" * 8 + base[start + 8 :]
    with pytest.raises(UploadError) as error:
        check_document("plan.docx", io.BytesIO(data), len(data))
    assert str(error.value) == uploads.DAMAGED.format(name="plan.docx")
