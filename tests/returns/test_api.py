"""The statutory-returns API: upload (202 and a job), job status, indicators; permissions,
the size limit, the replacement rule and bad input."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from masa.accounts import services as account_services
from masa.accounts.models import Role
from masa.returns.models import ImportedRecord, ImportStatus, ReturnImport, ReturnImportJob
from tests.factories import PartnershipFactory, member

from .builders import child_xml, cin_xml, episode_xml, episodes_csv, header_csv

BASE = "/api/v1/partnerships"
LA = "313"


def token_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


@pytest.fixture
def auth(partnership):
    return token_for(member(partnership, Role.BUSINESS_TEAM))


def cin_file(name="cin.xml"):
    children = [
        child_xml("A1", [episode_xml("2023-05-01", assessments=[("2023-05-02", "2023-05-20")])]),
        child_xml("A2", [episode_xml("2023-06-01")]),
    ]
    return SimpleUploadedFile(name, cin_xml(children, lea=LA).encode(), "text/xml")


def post(client, auth, files, slug="borough", **fields):
    data = {"kind": "cin", "la_code": LA, "year": "2023-24", "files": files} | fields
    return client.post(f"{BASE}/{slug}/returns", data, **auth)


def test_upload_answers_202_with_the_job_and_its_status_url(client, partnership, auth):
    response = post(client, auth, [cin_file()])
    assert response.status_code == 202, response.content
    body = response.json()
    job = ReturnImportJob.objects.get()
    assert body == {
        "id": job.pk,
        "status": "queued",
        "status_url": f"{BASE}/borough/returns/jobs/{job.pk}",
    }
    status = client.get(body["status_url"], **auth).json()
    imported = ReturnImport.objects.get()
    assert status["status"] == "succeeded" and status["progress"] == 100 and status["finished"]
    assert status["import_id"] == imported.pk and status["problems"] == []
    assert imported.counts["children"] == 2


def test_903_tables_and_the_indicators_match_the_command(client, partnership, auth):
    files = [
        SimpleUploadedFile(
            "episodes.csv",
            episodes_csv(
                [("C1", "01/06/2023", "S", "C2", "U1", ""), ("C2", "01/05/2022", "S", "C2", "U1", "")]
            ).encode(),
        ),
        SimpleUploadedFile("header.csv", header_csv([("C1", "1", "01/01/2010")]).encode()),
    ]
    assert post(client, auth, files, kind="ssda903").status_code == 202
    assert post(client, auth, [cin_file()]).status_code == 202
    response = client.get(f"{BASE}/borough/indicators?year=2023-24", **auth)
    assert response.status_code == 200
    out = StringIO()
    call_command(
        "return_figures", "--partnership", "borough", "--year", "2023-24", "--format", "json", stdout=out
    )
    assert response.json() == json.loads(out.getvalue())
    assert response.json()["cla_31mar"]["value"] == 2
    assert client.get(f"{BASE}/borough/indicators?year=2023-25", **auth).status_code == 400


def test_the_same_year_needs_replace_and_keeps_the_history(client, partnership, auth):
    post(client, auth, [cin_file()])
    response = post(client, auth, [cin_file("again.xml")])
    assert response.status_code == 409
    assert "send replace=true to replace them" in response.json()["detail"][0]["msg"]
    assert ReturnImportJob.objects.count() == 1
    assert post(client, auth, [cin_file("again.xml")], replace="true").status_code == 202
    assert list(ReturnImport.objects.order_by("created_at").values_list("status", flat=True)) == [
        ImportStatus.REPLACED,
        ImportStatus.ACTIVE,
    ]


def test_a_file_over_the_limit_is_413_naming_the_file_and_the_limit(client, partnership, auth, settings):
    settings.MASA_RETURN_UPLOAD_MAX_BYTES = 1000
    response = post(client, auth, [cin_file("big.xml")])
    assert response.status_code == 413
    assert "The file big.xml is" in response.json()["detail"]
    assert "no bigger than 1,000 bytes" in response.json()["detail"]
    assert not ReturnImportJob.objects.exists()


def test_bad_fields_are_400_naming_the_field(client, partnership, auth):
    response = post(client, auth, [cin_file()], kind="annex_a", la_code="31", year="2023")
    assert response.status_code == 400
    fields = {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}
    assert fields == {
        "kind": "Select the kind of return",
        "la_code": "Enter the LA code as the 3-digit DfE code, like 313",
        "year": "Enter the collection year like 2023-24, where the second year follows the first",
    }
    assert not ReturnImportJob.objects.exists()


def test_a_refused_return_is_reported_on_the_job(client, partnership, auth):
    response = post(client, auth, [SimpleUploadedFile("x.xml", b"<Foo/>")])
    status = client.get(response.json()["status_url"], **auth).json()
    assert status["status"] == "refused" and "Nothing was saved" in status["message"]
    assert status["problems"][0]["file"] == "x.xml"
    assert "not a CIN census" in status["problems"][0]["message"]
    assert ReturnImport.objects.count() == 0 and ImportedRecord.objects.count() == 0


@pytest.mark.parametrize("role", [Role.LSP, Role.MEMBER, Role.PRACTITIONER])
def test_other_roles_are_403(client, partnership, role):
    auth = token_for(member(partnership, role))
    assert post(client, auth, [cin_file()]).status_code == 403
    assert client.get(f"{BASE}/borough/returns/jobs/1", **auth).status_code == 403


def test_another_partnership_is_404(client, partnership, auth):
    other = PartnershipFactory(slug="elsewhere", la_code="314")
    other_auth = token_for(member(other, Role.BUSINESS_TEAM))
    job_id = post(client, other_auth, [cin_file()], slug="elsewhere", la_code="314").json()["id"]
    assert client.get(f"{BASE}/elsewhere/returns/jobs/{job_id}", **auth).status_code == 404
    assert client.get(f"{BASE}/borough/returns/jobs/{job_id}", **auth).status_code == 404
    assert post(client, auth, [cin_file()], slug="elsewhere").status_code == 404
    assert client.get(f"{BASE}/elsewhere/indicators?year=2023-24", **auth).status_code == 404


def test_the_api_needs_a_token(client, partnership):
    assert client.get(f"{BASE}/borough/indicators?year=2023-24").status_code == 401
    assert post(client, {}, [cin_file()]).status_code == 401
