"""Leaving out the children whose impossible dates would refuse a return
(docs/decisions/0004-refusing-impossible-dates.md): refused whole by default, imported without
them only when asked (the service, `import_return --exclude-invalid-children`, the problems page,
the API), never past a problem with the file itself; every figure says how many were left out."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from masa.accounts import services as account_services
from masa.accounts.models import Role
from masa.core.actors import REASON_KEY, SYSTEM_ACTOR_KEY
from masa.returns import services
from masa.returns.models import ImportedRecord, JobStatus, PseudonymSecret, ReturnImport, ReturnImportJob
from masa.returns.readers.common import ReturnProblem, hmac_pseudonymiser
from masa.returns.readers.leaving_out import children_to_leave_out, left_out_text, these_children
from masa.returns.selectors import indicators_for
from masa.returns.services import ImportRefused, return_import
from tests.factories import SETUP, PartnershipFactory, member

from .builders import child_xml, cin_xml, episode_xml, episodes_csv, header_csv

LA = "313"
#: A closure far in the future: impossible, so fatal, and about one child.
FUTURE = "2099-01-01"


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


def cin_text(bad: dict[str, str] | None = None, *, lea: str = LA, children: int = 4) -> str:
    """`children` children, each referred once in 2023-24; ``bad`` maps an LAchildID to the
    impossible closure date it gets (A2 and A3 are the usual ones)."""
    bad = bad or {}
    return cin_xml(
        [
            child_xml(f"A{n}", [episode_xml(f"2023-0{n + 4}-01", closure=bad.get(f"A{n}"))])
            for n in range(1, children + 1)
        ],
        lea=lea,
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def cin_import(partnership, path: Path, **kwargs) -> ReturnImport:
    return return_import(
        actor=kwargs.pop("actor", SETUP),
        partnership=partnership,
        la_code=LA,
        year="2023-24",
        kind="cin",
        paths=[path],
        **kwargs,
    )


def nothing_saved() -> bool:
    return not ReturnImport.objects.exists() and not ImportedRecord.objects.exists()


# -- the rule ------------------------------------------------------------------------------------


def test_only_problems_about_particular_children_can_be_set_aside():
    child = ReturnProblem("cin.xml", "A2", "CINclosureDate", "Child 2: in the future", fatal=True)
    again = ReturnProblem("cin.xml", "A2", "CPPstartDate", "Child 2: in the future", fatal=True)
    other = ReturnProblem("cin.xml", "A3", "CINclosureDate", "Child 3: before", fatal=True)
    warning = ReturnProblem("cin.xml", "A4", "ReferralNFA", "Child 4: 0/1", "warning")
    file = ReturnProblem("cin.xml", None, "LEA", "the return of LA 999", fatal=True)
    found = children_to_leave_out([child, warning, again, other])
    assert [(c.child, len(c.problems)) for c in found or []] == [("A2", 2), ("A3", 1)]
    assert children_to_leave_out([child, file]) is None
    assert children_to_leave_out([warning]) == []
    assert (left_out_text(1), left_out_text(3), these_children(1), these_children(2)) == (
        "1 child left out",
        "3 children left out",
        "this child",
        "these 2 children",
    )


# -- the service -----------------------------------------------------------------------------------


def test_by_default_a_return_with_impossible_dates_is_refused_whole(partnership, tmp_path):
    path = write(tmp_path, "cin.xml", cin_text({"A2": FUTURE, "A3": "2023-01-01"}))
    with pytest.raises(ImportRefused) as refused:
        cin_import(partnership, path)
    assert refused.value.children_to_leave_out == 2
    assert {p.child for p in refused.value.problems if p.fatal} == {"A2", "A3"}
    assert nothing_saved() and not PseudonymSecret.objects.exists()


def test_asked_to_the_rest_is_imported_and_the_figures_leave_those_children_out(partnership, tmp_path):
    cin_import(partnership, write(tmp_path, "clean.xml", cin_text()))
    before = indicators_for(partnership, "2023-24")
    assert (before["referrals"]["value"], before["referrals"]["children_left_out"]) == (4, 0)
    assert before["cin_31mar"]["value"] == 4

    path = write(tmp_path, "cin.xml", cin_text({"A2": FUTURE, "A3": "2023-01-01"}))
    imported = cin_import(partnership, path, replace=True, leave_out_children=True)

    assert (imported.counts["children"], imported.counts["children_left_out"]) == (2, 2)
    assert imported.children_left_out_count == 2 and imported.children_left_out_text == "2 children left out"
    pseudonym = hmac_pseudonymiser(PseudonymSecret.objects.get().secret)
    assert [entry["child_key"] for entry in imported.children_left_out] == [pseudonym("A2"), pseudonym("A3")]
    [future] = imported.children_left_out[0]["problems"]
    assert (future["file"], future["element"]) == ("cin.xml", "CINclosureDate")
    assert future["message"] == "Child 2: CINclosureDate 01/01/2099 is in the future"
    stored = str(imported.children_left_out) + str(imported.problems)
    assert "A2" not in stored and "A3" not in stored  # pseudonyms and positions, never identifiers
    keys = set(ImportedRecord.objects.filter(return_import=imported).values_list("child_key", flat=True))
    assert keys == {pseudonym("A1"), pseudonym("A4")}

    after = indicators_for(partnership, "2023-24")
    assert after["referrals"]["value"] == 2  # 4 referrals in the year before, 2 left out
    assert after["cin_31mar"]["value"] == 2
    assert after["referrals"]["children_left_out"] == 2
    assert "2 children left out" in after["referrals"]["notes"]
    assert after["cla_31mar"]["children_left_out"] == 0  # no SSDA903 child was left out


def test_file_level_problems_cannot_be_set_aside(partnership, tmp_path):
    wrong_la = write(tmp_path, "other-la.xml", cin_text({"A2": FUTURE}, lea="999"))
    with pytest.raises(ImportRefused) as refused:
        cin_import(partnership, wrong_la, leave_out_children=True)
    assert refused.value.children_to_leave_out == 0
    assert any("the return of LA 999" in p.message for p in refused.value.problems)
    truncated = write(tmp_path, "truncated.xml", cin_text({"A2": FUTURE})[:-40])
    with pytest.raises(ImportRefused) as refused:
        cin_import(partnership, truncated, leave_out_children=True)
    assert refused.value.children_to_leave_out == 0
    no_episodes = write(
        tmp_path, "header.csv", header_csv([("C1", "1", "01/01/2099"), ("C2", "1", "01/01/2015")])
    )
    with pytest.raises(ImportRefused, match="must be corrected"):
        return_import(
            actor=SETUP,
            partnership=partnership,
            la_code=LA,
            year="2023-24",
            kind="ssda903",
            paths=[no_episodes],
            leave_out_children=True,
        )
    assert nothing_saved()


def test_a_return_whose_every_child_has_such_a_problem_is_still_refused(partnership, tmp_path):
    path = write(tmp_path, "cin.xml", cin_text({"A1": FUTURE, "A2": FUTURE}, children=2))
    with pytest.raises(ImportRefused) as refused:
        cin_import(partnership, path, leave_out_children=True)
    assert refused.value.children_to_leave_out == 0
    assert nothing_saved()


def test_an_ssda903_child_is_left_out_of_every_table(partnership, tmp_path):
    episodes = write(
        tmp_path,
        "episodes.csv",
        episodes_csv(
            [
                ("C1", "01/06/2023", "S", "C2", "U1", ""),
                ("C2", "01/06/2023", "S", "C2", "U1", "01/05/2023"),  # ends before it starts
                ("C3", "01/07/2023", "S", "C2", "U1", ""),
            ]
        ),
    )
    header = write(
        tmp_path,
        "header.csv",
        header_csv([("C1", "1", "01/01/2015"), ("C2", "2", "01/01/2014"), ("C3", "1", "01/01/2016")]),
    )
    common = {"actor": SETUP, "partnership": partnership, "la_code": LA, "year": "2023-24", "kind": "ssda903"}
    with pytest.raises(ImportRefused):
        return_import(**common, paths=[episodes, header])
    assert nothing_saved()
    imported = return_import(**common, paths=[episodes, header], leave_out_children=True)
    assert imported.children_left_out_count == 1
    assert (imported.counts["episodes"], imported.counts["headers"]) == (2, 2)
    assert imported.counts["tables"] == {"Episodes": 3, "Header": 3}  # the rows read, as before
    [problem] = imported.children_left_out[0]["problems"]
    assert (problem["file"], problem["element"]) == ("episodes.csv", "DEC")
    assert problem["message"] == "Row 3: DEC 01/05/2023 is before DECOM 01/06/2023"
    results = indicators_for(partnership, "2023-24")
    assert (results["cla_31mar"]["value"], results["cla_31mar"]["children_left_out"]) == (2, 1)
    assert results["referrals"]["children_left_out"] == 0


def test_the_audit_log_names_who_chose_to_leave_children_out_and_how_many(partnership, tmp_path):
    user = member(partnership, Role.BUSINESS_TEAM)
    path = write(tmp_path, "cin.xml", cin_text({"A2": FUTURE, "A3": FUTURE}))
    imported = cin_import(partnership, path, actor=user, leave_out_children=True)
    assert imported.children_left_out_by == user
    entry = LogEntry.objects.get_for_object(imported).get(action=LogEntry.Action.CREATE)
    assert entry.actor == user
    assert entry.additional_data[REASON_KEY].startswith("2 children left out at the importer's request")
    assert "children_left_out_count" in entry.changes_dict


# -- the command -----------------------------------------------------------------------------------


def run(*args: object) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_return", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_refuses_unless_told_to_exclude_invalid_children(partnership, tmp_path):
    path = write(tmp_path, "cin.xml", cin_text({"A2": FUTURE, "A3": FUTURE}))
    common = ("cin", path, "--partnership", "borough", "--year", "2023-24")
    with pytest.raises(CommandError, match="run the command again with --exclude-invalid-children"):
        run(*common)
    assert nothing_saved()
    out, _ = run(*common, "--exclude-invalid-children")
    assert "2 children, 2 episodes of need" in out
    assert "2 children left out:" in out
    assert "cin.xml, CINclosureDate: Child 2: CINclosureDate 01/01/2099 is in the future" in out
    assert "Child 3: CINclosureDate" in out and "A2" not in out
    imported = ReturnImport.objects.get()
    assert imported.children_left_out_count == 2 and imported.children_left_out_by is None
    entry = LogEntry.objects.get_for_object(imported).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data[SYSTEM_ACTOR_KEY] == "masa: command import_return"
    assert "2 children left out" in entry.additional_data[REASON_KEY]
    figures = StringIO()
    call_command("return_figures", "--partnership", "borough", "--year", "2023-24", stdout=figures)
    assert "[2 children left out]" in figures.getvalue()


def test_the_command_cannot_exclude_past_a_file_level_problem(partnership, tmp_path):
    path = write(tmp_path, "cin.xml", cin_text({"A2": FUTURE}, lea="999"))
    with pytest.raises(CommandError, match="Nothing was saved") as refused:
        run("cin", path, "--partnership", "borough", "--year", "2023-24", "--exclude-invalid-children")
    assert "--exclude-invalid-children" not in str(refused.value)
    assert nothing_saved()


# -- the pages -------------------------------------------------------------------------------------


def url(name: str, partnership, *args) -> str:
    return reverse(f"returns:{name}", args=[partnership.slug, *args])


def upload(client, partnership, text: str, name: str = "cin.xml"):
    file = SimpleUploadedFile(name, text.encode(), "text/xml")
    data = {"kind": "cin", "la_code": LA, "year": "2023-24", "return_files": [file]}
    return client.post(url("return_upload", partnership), data)


def test_the_problems_page_offers_to_import_without_those_children(client, partnership, tmp_path):
    uploader = member(partnership, Role.BUSINESS_TEAM)
    client.force_login(uploader)
    upload(client, partnership, cin_text({"A2": FUTURE, "A3": FUTURE}))
    job = ReturnImportJob.objects.get()
    assert (job.status, job.children_to_leave_out) == (JobStatus.REFUSED, 2)
    assert services.job_folder(job).exists()  # the upload waits for the answer
    assert nothing_saved()
    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "Import without these 2 children" in page
    assert "I understand these 2 children will be left out of every figure" in page
    assert client.get(url("job_status", partnership, job.uuid)).json()["children_to_leave_out"] == 2

    # Another member of the business team makes the choice, and must tick the box.
    chooser = member(partnership, Role.BUSINESS_TEAM)
    client.force_login(chooser)
    response = client.post(url("job_detail", partnership, job.uuid), {})
    assert response.status_code == 400
    assert "Confirm that you understand these 2 children will be left out of every figure" in (
        response.content.decode()
    )
    assert nothing_saved()
    response = client.post(url("job_detail", partnership, job.uuid), {"confirm": "on"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.message == "Imported without 2 children"
    assert (job.leave_out_children, job.left_out_by) == (True, chooser)
    assert not services.job_folder(job).exists()
    imported = job.return_import
    assert (imported.children_left_out_count, imported.children_left_out_by) == (2, chooser)
    assert imported.counts["children"] == 2
    entry = LogEntry.objects.get_for_object(imported).get(action=LogEntry.Action.CREATE)
    assert entry.actor == chooser and "2 children left out" in entry.additional_data[REASON_KEY]

    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "Return imported" in page and "2 children left out" in page
    page = client.get(url("import_detail", partnership, imported.uuid)).content.decode()
    assert 'id="children-left-out"' in page
    assert f"2 children left out of every figure, chosen by {chooser.full_name}" in page
    assert "Child 2: CINclosureDate 01/01/2099 is in the future" in page
    assert "Child 3: CINclosureDate 01/01/2099 is in the future" in page
    assert "LAchildID" not in page and ">A2<" not in page
    assert page.count("2 children left out</span>") >= 1  # beside the CIN figures
    listing = client.get(url("return_list", partnership)).content.decode()
    assert "2 children left out" in listing


def test_the_offer_is_not_made_for_a_file_level_problem(client, partnership):
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    upload(client, partnership, cin_text({"A2": FUTURE}, lea="999"))
    job = ReturnImportJob.objects.get()
    assert (job.status, job.children_to_leave_out) == (JobStatus.REFUSED, 0)
    assert not services.job_folder(job).exists()
    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "Import without" not in page
    response = client.post(url("job_detail", partnership, job.uuid), {"confirm": "on"})
    assert response.status_code == 200 and nothing_saved()
    with pytest.raises(ValidationError, match="no longer be imported without those children"):
        services.return_job_leave_out_children(actor=SETUP, job=job)


def test_kept_files_go_after_a_day_without_an_answer(client, partnership):
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    upload(client, partnership, cin_text({"A2": FUTURE}))
    job = ReturnImportJob.objects.get()
    assert services.job_folder(job).exists()
    ReturnImportJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=2))
    upload(client, partnership, cin_text())  # any later upload tidies up
    job.refresh_from_db()
    assert job.children_to_leave_out == 0 and not services.job_folder(job).exists()
    page = client.get(url("job_detail", partnership, job.uuid)).content.decode()
    assert "Import without" not in page


# -- the API ---------------------------------------------------------------------------------------


def test_the_api_can_ask_in_advance_and_reports_the_children_left_out(client, partnership):
    user = member(partnership, Role.BUSINESS_TEAM)
    _, secret = account_services.api_token_create(actor=user, name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    file = SimpleUploadedFile("cin.xml", cin_text({"A2": FUTURE}).encode(), "text/xml")
    data = {"kind": "cin", "la_code": LA, "year": "2023-24", "files": [file]}
    response = client.post("/api/v1/partnerships/borough/returns", data, **auth)
    job = client.get(response.json()["status_url"], **auth).json()
    assert (job["status"], job["children_to_leave_out"], job["children_left_out"]) == ("refused", 1, 0)
    assert nothing_saved()
    services.return_job_discard(actor=user, job=ReturnImportJob.objects.get())

    file = SimpleUploadedFile("cin.xml", cin_text({"A2": FUTURE}).encode(), "text/xml")
    data |= {"files": [file], "exclude_invalid_children": "true"}
    response = client.post("/api/v1/partnerships/borough/returns", data, **auth)
    job = client.get(response.json()["status_url"], **auth).json()
    assert (job["status"], job["children_left_out"]) == ("succeeded", 1)
    assert ReturnImport.objects.get().children_left_out_by == user
    figures = client.get("/api/v1/partnerships/borough/indicators?year=2023-24", **auth).json()
    assert figures["referrals"] == {"numerator": 3, "denominator": None, "value": 3, "children_left_out": 1}
    assert figures["cla_31mar"]["children_left_out"] == 0


def test_the_indicator_pages_say_how_many_children_their_figure_left_out(client, partnership, tmp_path):
    from masa.indicators.from_returns import values_from_returns
    from masa.indicators.models import Indicator

    cin_import(partnership, write(tmp_path, "cin.xml", cin_text({"A2": FUTURE})), leave_out_children=True)
    indicator = Indicator.objects.create(
        partnership=partnership,
        code="referrals",
        title="Referrals",
        definition="d",
        unit="count",
        return_indicator="referrals",
    )
    values_from_returns(actor=SETUP, partnership=partnership, year="2023-24")
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    detail = reverse("indicators:indicator_detail", args=[partnership.slug, indicator.uuid])
    assert "1 child left out" in client.get(detail).content.decode()
    chart = reverse("dashboards:indicator_chart", args=[partnership.slug, indicator.uuid])
    assert "CIN census 2023-24 return, 1 child left out" in client.get(chart).content.decode()
