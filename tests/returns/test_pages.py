"""Browser pages for statutory returns: upload and background import, confirmation before a
replacement, the history, the job page (progress, problems, indicators), the population table;
permissions (403 without the permission, 404 for another partnership) and bad input."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masa.accounts.models import Role
from masa.returns import services
from masa.returns.models import (
    ImportedRecord,
    ImportStatus,
    JobStatus,
    Population,
    ReturnImport,
    ReturnImportJob,
)
from tests.factories import PartnershipFactory, member

from .builders import child_xml, cin_xml, episode_xml, episodes_csv

LA = "313"


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


@pytest.fixture
def other(db):
    return PartnershipFactory(slug="elsewhere", la_code="314")


@pytest.fixture
def bt(client, partnership):
    user = member(partnership, Role.BUSINESS_TEAM)
    client.force_login(user)
    return user


def url(name: str, partnership, *args) -> str:
    return reverse(f"returns:{name}", args=[partnership.slug, *args])


def cin_file(name: str = "cin.xml", *, closure: str | None = None, lea: str = LA) -> SimpleUploadedFile:
    children = [
        child_xml("A1", [episode_xml("2023-05-01", assessments=[("2023-05-02", "2023-05-20")])]),
        child_xml("A2", [episode_xml("2023-06-01", closure=closure, nfa="1")]),
    ]
    return SimpleUploadedFile(name, cin_xml(children, lea=lea).encode(), "text/xml")


def upload(client, partnership, files, kind="cin", year="2023-24", la_code=LA):
    return client.post(
        url("return_upload", partnership),
        {"kind": kind, "la_code": la_code, "year": year, "return_files": files},
    )


def counts() -> tuple[int, int]:
    return ReturnImport.objects.count(), ImportedRecord.objects.count()


PAGES = ["return_list", "return_upload", "population_list", "population_add"]


@pytest.mark.parametrize("role", sorted(Role.values))
def test_permission_matrix(client, partnership, role):
    client.force_login(member(partnership, role))
    for name in PAGES:
        allowed = role == Role.BUSINESS_TEAM or (
            name == "population_list"
            and role in {"lsp", "dsp", "chair", "member", "scrutineer", "agency_lead"}
        )
        response = client.get(url(name, partnership))
        assert response.status_code == (200 if allowed else 403), (role, name, response.status_code)


def test_another_partnerships_pages_and_records_are_404(client, partnership, other, bt):
    for name in PAGES:
        assert client.get(url(name, other)).status_code == 404
    other_bt = member(other, Role.BUSINESS_TEAM)
    client.force_login(other_bt)
    upload(client, other, [cin_file(lea="314")], la_code="314")
    job = ReturnImportJob.objects.get(partnership=other)
    population = Population.objects.create(partnership=other, la_code="314", year="2023-24", children_0_17=9)
    client.force_login(bt)
    for name in ("job_detail", "job_confirm", "job_status"):
        assert client.get(url(name, partnership, job.uuid)).status_code == 404
    assert client.get(url("population_change", partnership, population.uuid)).status_code == 404


def test_upload_imports_in_the_background_and_shows_counts_problems_and_indicators(
    client, partnership, bt, _private_upload_area
):
    response = upload(client, partnership, [cin_file()])
    job = ReturnImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == url("job_detail", partnership, job.uuid)
    assert job.status == JobStatus.SUCCEEDED and job.progress == 100
    imported = ReturnImport.objects.get()
    assert job.return_import == imported and imported.imported_by == bt
    assert imported.counts["children"] == 2 and ImportedRecord.objects.count() == 2
    assert imported.file_names == ["cin.xml"]
    page = client.get(response["Location"]).content.decode()
    assert "Return imported" in page and "2 children" in page
    assert "ReferralNFA is &#x27;1&#x27;; read as true" in page  # the 0/1 boolean warning
    assert '<th scope="col" class="govuk-table__header">Element or column</th>' in page
    assert "Referrals" in page  # the indicators table
    status = client.get(url("job_status", partnership, job.uuid)).json()
    assert status | {"id": 0} == {
        "id": 0,
        "status": "succeeded",
        "status_label": "Imported",
        "progress": 100,
        "message": "Imported",
        "finished": True,
        "import_id": imported.pk,
        "problem_count": 1,
        "children_to_leave_out": 0,
    }
    history = client.get(url("return_list", partnership)).content.decode()
    assert "CIN census" in history and bt.full_name in history
    assert not any(_private_upload_area.rglob("*.xml"))  # the upload was deleted


def test_the_upload_page_prefills_the_la_code(client, partnership, bt):
    page = client.get(url("return_upload", partnership)).content.decode()
    assert 'value="313"' in page and 'enctype="multipart/form-data"' in page and "multiple" in page


def test_the_same_year_asks_for_confirmation_and_keeps_the_history(client, partnership, bt):
    upload(client, partnership, [cin_file()])
    first = ReturnImport.objects.get()
    response = upload(client, partnership, [cin_file("again.xml")])
    job = ReturnImportJob.objects.latest("created_at")
    assert job.status == JobStatus.CONFIRM
    assert response["Location"] == url("job_confirm", partnership, job.uuid)
    page = client.get(response["Location"]).content.decode()
    assert "Replace the 2023-24 CIN census for 313?" in page
    assert "The current import stays in the history." in page
    # No answer: an error, nothing changes.
    assert client.post(response["Location"], {}).status_code == 400
    assert ReturnImport.objects.count() == 1
    response = client.post(response["Location"], {"replace": "yes"})
    assert response["Location"] == url("job_detail", partnership, job.uuid)
    first.refresh_from_db()
    second = ReturnImport.objects.get(status=ImportStatus.ACTIVE)
    assert first.status == ImportStatus.REPLACED and first.replaced_by == second
    history = client.get(url("return_list", partnership)).content.decode()
    assert "Replaced" in history and "Active" in history and "again.xml" in history


def test_saying_no_to_the_replacement_cancels_and_deletes_the_files(client, partnership, bt):
    upload(client, partnership, [cin_file()])
    upload(client, partnership, [cin_file("again.xml")])
    job = ReturnImportJob.objects.latest("created_at")
    response = client.post(url("job_confirm", partnership, job.uuid), {"replace": "no"})
    assert response["Location"] == url("return_list", partnership)
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert ReturnImport.objects.get().file_names == ["cin.xml"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("other.xml", b"<Foo><Bar/></Foo>", "is not a CIN census: its root element is &lt;Foo&gt;"),
        (
            "bomb.xml",
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(
                f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'.encode()
                for i in range(1, 10)
            )
            + b"]><Message>&lol9;</Message>",
            "declares a DTD",
        ),
        (
            "cut.xml",
            cin_xml([child_xml("A1", [episode_xml("2023-05-01")])]).encode()[:300],
            "not well-formed",
        ),
    ],
)
def test_bad_cin_files_are_refused_with_clear_messages(client, partnership, bt, name, content, expected):
    upload(client, partnership, [SimpleUploadedFile(name, content)])
    job = ReturnImportJob.objects.get()
    assert job.status == JobStatus.REFUSED and "Nothing was saved" in job.message
    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "The return was not imported" in page and expected in page and name in page
    assert counts() == (0, 0)


def test_an_episode_ending_before_it_starts_is_refused_naming_the_child_and_element(client, partnership, bt):
    upload(client, partnership, [cin_file(closure="2023-05-01")])
    job = ReturnImportJob.objects.get()
    assert job.status == JobStatus.REFUSED
    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "Child 2: CINclosureDate 01/05/2023 is before CINreferralDate 01/06/2023" in page
    assert "LAchildID A2" not in page
    problem = job.problems[0]
    assert (problem["file"], problem["element"]) == ("cin.xml", "CINclosureDate")
    assert "LAchildID" not in problem["message"] and problem["child"] is None
    assert counts() == (0, 0)
    # The problem is about one child: the page offers to import without it, and the files wait.
    assert job.children_to_leave_out == 1 and "Import without this child" in page
    assert "I understand this child will be left out of every figure" in page
    discard(client, partnership, job)


def test_a_903_with_a_future_date_is_refused(client, partnership, bt):
    csv = episodes_csv([("C1", "01/06/2023", "S", "C2", "U1", ""), ("C2", "01/06/2099", "S", "C2", "U1", "")])
    upload(client, partnership, [SimpleUploadedFile("episodes.csv", csv.encode())], kind="ssda903")
    job = ReturnImportJob.objects.get()
    assert job.status == JobStatus.REFUSED
    assert "Row 3: DECOM 01/06/2099 is in the future" in [p["message"] for p in job.problems]
    assert counts() == (0, 0)
    discard(client, partnership, job)


def discard(client, partnership, job):
    """A refused upload's kept files are deleted when the user says so; the refusal stays."""
    folder = services.job_folder(job)
    assert folder.exists()
    response = client.post(url("job_detail", partnership, job.uuid), {"discard": "1"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert not folder.exists() and job.children_to_leave_out == 0 and job.status == JobStatus.REFUSED


def test_a_file_over_the_limit_is_refused_naming_the_file_and_the_limit(client, partnership, bt, settings):
    settings.MASA_RETURN_UPLOAD_MAX_BYTES = 1000
    response = upload(client, partnership, [cin_file("big.xml")])
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file big.xml is" in page and "no bigger than 1,000 bytes" in page
    assert "govuk-error-summary" in page and 'href="#id_return_files"' in page
    assert not ReturnImportJob.objects.exists() and counts() == (0, 0)


def test_bad_answers_on_the_upload_form_keep_the_answers(client, partnership, bt):
    response = client.post(
        url("return_upload", partnership), {"kind": "cin", "la_code": "31", "year": "2023-25"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the LA code as the 3-digit DfE code, like 313" in page
    assert "Enter the collection year like 2023-24" in page
    assert "Select the return file or files to upload" in page
    assert 'value="2023-25"' in page
    response = upload(client, partnership, [cin_file(), cin_file("two.xml")])
    assert "Select one CIN census file" in response.content.decode()
    assert not ReturnImportJob.objects.exists()


def test_the_population_table_add_change_and_validation(client, partnership, bt):
    response = client.post(
        url("population_add", partnership), {"la_code": "31a", "year": "2023/25", "children_0_17": "0"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the LA code as the 3-digit DfE code" in page
    assert "Enter the collection year like 2023-24" in page
    assert "must be greater than 0" in page
    response = client.post(
        url("population_add", partnership), {"la_code": "313", "year": "2023/24", "children_0_17": "1.5"}
    )
    assert "must be a whole number" in response.content.decode()
    assert not Population.objects.exists()
    response = client.post(
        url("population_add", partnership), {"la_code": "313", "year": "2023/24", "children_0_17": "52000"}
    )
    assert response["Location"] == url("population_list", partnership)
    found = Population.objects.get()
    assert (found.la_code, found.year, found.children_0_17) == ("313", "2023-24", 52000)
    page = client.get(url("population_change", partnership, found.uuid)).content.decode()
    assert 'value="52000"' in page
    client.post(
        url("population_change", partnership, found.uuid),
        {"la_code": "313", "year": "2023-24", "children_0_17": "53000"},
    )
    found.refresh_from_db()
    assert found.children_0_17 == 53000 and Population.objects.count() == 1
    listing = client.get(url("population_list", partnership)).content.decode()
    assert "53000" in listing and "Change" in listing


def test_a_member_with_view_indicators_reads_the_population_but_cannot_change_it(client, partnership):
    Population.objects.create(partnership=partnership, la_code="313", year="2023-24", children_0_17=9)
    client.force_login(member(partnership, Role.LSP))
    page = client.get(url("population_list", partnership)).content.decode()
    assert "2023-24" in page and "Add a population figure" not in page and "Change" not in page
    found = Population.objects.get()
    assert client.get(url("population_change", partnership, found.uuid)).status_code == 403


def test_the_history_page_has_a_constant_number_of_queries(
    client, partnership, bt, django_assert_max_num_queries
):
    for n in range(3):
        upload(client, partnership, [cin_file(f"c{n}.xml")], year=f"202{n}-2{n + 1}")
    with django_assert_max_num_queries(12):
        response = client.get(url("return_list", partnership))
    assert response.status_code == 200
