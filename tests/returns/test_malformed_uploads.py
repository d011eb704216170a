"""Hypothesis-generated malformed returns posted through the browser upload and the API never
give a 500 and never leave a partial import: either the whole return is saved or nothing is."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masa.accounts import services as account_services
from masa.accounts.models import Role
from masa.returns.models import ImportedRecord, JobStatus, ReturnImport, ReturnImportJob
from masa.returns.readers.ssda903 import TABLES
from tests.factories import PartnershipFactory, member
from tests.security.upload_files import hostile_documents

from .builders import child_xml, cin_xml, episode_xml, episodes_csv

LA = "313"
EXAMPLES = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

VALID_CIN = cin_xml(
    [
        child_xml("A1", [episode_xml("2023-05-01", assessments=[("2023-05-02", "2023-05-20")])]),
        child_xml("A2", [episode_xml("2023-06-01", cpps=[("2023-06-10", None, 0)])]),
    ],
    lea=LA,
).encode()
VALID_903 = episodes_csv(
    [("C1", "01/06/2023", "S", "C2", "U1", ""), ("C2", "01/05/2022", "P", "C2", "R1", "01/07/2022")]
).encode()

huge = st.integers(min_value=10**12, max_value=10**40).map(str)
bad_date = st.one_of(
    st.sampled_from(["2099-01-01", "31/02/2023", "0000-00-00", "2023-13-45", "yesterday", "", "01/01/2099"]),
    huge,
    st.text(max_size=12),
)


@st.composite
def mutated(draw, base: bytes, date_pattern: bytes) -> bytes:
    how = draw(st.sampled_from(["truncate", "insert", "random", "encoding", "date", "number"]))
    if how == "truncate":
        return base[: draw(st.integers(0, len(base) - 1))]
    if how == "insert":
        at = draw(st.integers(0, len(base)))
        return base[:at] + draw(st.binary(min_size=1, max_size=40)) + base[at:]
    if how == "random":
        return draw(st.binary(min_size=1, max_size=400))
    if how == "encoding":
        codec = draw(st.sampled_from(["utf-16", "utf-16-le", "cp1252", "utf-32", "latin-1"]))
        text = base.decode() + draw(st.text(alphabet="éü£€ñ", max_size=5))
        return text.encode(codec, errors="replace")
    if how == "date":
        value = draw(bad_date).encode("utf-8", errors="replace")
        return base.replace(date_pattern, value, draw(st.integers(1, 3)))
    return base.replace(b"0", draw(huge).encode(), 1)


@st.composite
def csv_tables(draw) -> bytes:
    """A 903-like CSV: a known or unknown header row, then rows of odd cells."""
    if draw(st.booleans()):
        header = list(draw(st.sampled_from(sorted(TABLES.values()))))
    else:
        header = draw(
            st.lists(st.text(alphabet='ABCDEFGHIJ_,"', min_size=1, max_size=8), min_size=1, max_size=6)
        )
    cell = st.one_of(bad_date, huge, st.sampled_from(["C1", "S", "P", "C2", "U1", "01/06/2023", ""]))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(header) + 2), max_size=6))
    text = "\n".join([",".join(header), *(",".join(r) for r in rows)])
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])), errors="replace")


def consistent() -> None:
    """Every saved import holds all its records; an unfinished or refused upload saved nothing."""
    for imported in ReturnImport.objects.all():
        stored = ImportedRecord.objects.filter(return_import=imported).count()
        counts = imported.counts
        expected = (
            counts["children"]
            if imported.kind == "cin"
            else counts["episodes"] + counts["headers"] + counts["uasc"]
        )
        assert stored == expected
    for job in ReturnImportJob.objects.all():
        assert job.status in {JobStatus.SUCCEEDED, JobStatus.REFUSED, JobStatus.CANCELLED}, (
            job.status,
            job.message,
        )
        assert (job.return_import_id is not None) == (job.status == JobStatus.SUCCEEDED)


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


@pytest.fixture
def browser_client(client, partnership):
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    return client


@pytest.fixture
def api_auth(partnership):
    _, secret = account_services.api_token_create(actor=member(partnership, Role.BUSINESS_TEAM), name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def browser_upload(client, kind: str, data: bytes, name: str) -> None:
    before = (ReturnImport.objects.count(), ImportedRecord.objects.count())
    response = client.post(
        reverse("returns:return_upload", args=["borough"]),
        {"kind": kind, "la_code": LA, "year": "2023-24", "return_files": [SimpleUploadedFile(name, data)]},
    )
    assert response.status_code < 500
    if response.status_code == 302:
        assert client.get(response["Location"], follow=True).status_code == 200
        job = ReturnImportJob.objects.latest("created_at")
        if job.status == JobStatus.CONFIRM:  # the year was imported by an earlier example: keep it
            confirm = reverse("returns:job_confirm", args=["borough", job.uuid])
            assert client.post(confirm, {"replace": "no"}).status_code == 302
    after = (ReturnImport.objects.count(), ImportedRecord.objects.count())
    assert after == before or after[0] == before[0] + 1
    consistent()


def api_upload(client, auth, kind: str, data: bytes, name: str) -> None:
    before = (ReturnImport.objects.count(), ImportedRecord.objects.count())
    response = client.post(
        "/api/v1/partnerships/borough/returns",
        {
            "kind": kind,
            "la_code": LA,
            "year": "2023-24",
            "replace": "true",
            "files": [SimpleUploadedFile(name, data)],
        },
        **auth,
    )
    assert response.status_code in {202, 400}, response.content
    if response.status_code == 202:
        assert client.get(response.json()["status_url"], **auth).status_code == 200
    after = (ReturnImport.objects.count(), ImportedRecord.objects.count())
    assert after[0] in (before[0], before[0] + 1)
    consistent()


@EXAMPLES
@given(data=mutated(VALID_CIN, b"2023-05-0"))
def test_malformed_cin_through_the_browser(browser_client, data):
    browser_upload(browser_client, "cin", data, "cin.xml")


@EXAMPLES
@given(data=mutated(VALID_903, b"01/0"))
def test_malformed_903_through_the_browser(browser_client, data):
    browser_upload(browser_client, "ssda903", data, "episodes.csv")


@EXAMPLES
@given(data=mutated(VALID_CIN, b"2023-0"))
def test_malformed_cin_through_the_api(client, api_auth, data):
    api_upload(client, api_auth, "cin", data, "cin.xml")


@EXAMPLES
@given(data=csv_tables())
def test_generated_903_tables_through_the_api(client, api_auth, data):
    api_upload(client, api_auth, "ssda903", data, "table.csv")


@EXAMPLES
@given(data=hostile_documents(), kind=st.sampled_from(["cin", "ssda903"]))
def test_office_files_pdfs_and_zip_bombs_as_returns(browser_client, data, kind):
    """A return is XML or CSV and is never unpacked: a zip bomb, a Word or Excel file or a PDF sent
    as one is refused as unreadable, quickly, and nothing is saved."""
    started = time.perf_counter()
    before = ReturnImport.objects.count()
    browser_upload(browser_client, kind, data, "return.xml" if kind == "cin" else "episodes.csv")
    assert ReturnImport.objects.count() == before
    assert time.perf_counter() - started < 5.0


def test_the_valid_bases_do_import(browser_client):
    """The mutations start from files that import, so the tests above exercise real refusals."""
    browser_upload(browser_client, "cin", VALID_CIN, "cin.xml")
    browser_upload(browser_client, "ssda903", VALID_903, "episodes.csv")
    assert ReturnImport.objects.count() == 2
