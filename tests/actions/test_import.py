"""Importing an earlier action log from a spreadsheet: the reader, the service (all or nothing),
the pages and who may use them."""

import re
import time
from datetime import date, datetime, timedelta
from html import unescape
from io import BytesIO, StringIO

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook, load_workbook

from masa.actions import services, xlsx
from masa.actions.models import Action, ActionSource, ActionStatus
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.uploads import DAMAGED, TOO_LARGE_UNPACKED
from tests.actions.conftest import TODAY, ooxml, user_in_scope
from tests.factories import PersonFactory, member
from tests.security.upload_files import big_sheet, hostile_tables, tight_part, xlsx_bomb

HEADINGS = [
    "Title",
    "Description",
    "Owner",
    "Owner's agency",
    "Group",
    "Due date",
    "Status",
    "Latest update",
    "Impact",
]


def workbook_bytes(rows: list[list], headings: list[str] = HEADINGS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def good_rows(world) -> list[list]:
    return [
        # Owner by email, a due date long past, closed with its impact.
        [
            "Audit the neglect tool",
            "From the 2023 audit",
            world.owner.email.upper(),
            "",
            world.group.name,
            datetime(2023, 3, 31),  # noqa: DTZ001 (a spreadsheet's date has no time zone)
            "Closed",
            "Audit done",
            "Neglect is spotted earlier",
        ],
        # Owner by name, another agency, a date typed as text, in progress.
        [
            "Train the front door",
            "",
            f"  {world.colleague.name.lower()} ",
            world.other_agency.name,
            "",
            "31/03/2030",
            "In progress",
            "Two sessions held",
            "",
        ],
        [],  # blank rows are skipped
        ["Write the escalation leaflet", None, world.outsider.name, None, None, TODAY, None, None, None],
    ]


def upload(data: bytes, name: str = "log.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def manager(client, alpha):
    user = member(alpha.partnership, "business_team")
    client.force_login(user)
    return user


def import_url(world, name: str = "action_import") -> str:
    return reverse(f"actions:{name}", args=[world.partnership.slug])


# The service ----------------------------------------------------------------------------------


def test_import_adds_every_action_with_its_history(alpha, manager):
    before = Action.objects.filter(partnership=alpha.partnership).count()
    rows = xlsx.read_action_log(workbook_bytes(good_rows(alpha)))
    assert [row.row for row in rows] == [2, 3, 5]
    assert services.action_import(actor=manager, partnership=alpha.partnership, rows=rows) == 3
    imported = list(Action.objects.filter(source=ActionSource.IMPORTED).order_by("number"))
    assert [a.number for a in imported] == [before + 1, before + 2, before + 3]
    closed, started, plain = imported
    assert (closed.owner, closed.group, closed.due_date) == (alpha.owner, alpha.group, date(2023, 3, 31))
    assert (closed.status, closed.impact, closed.closed_by) == (
        ActionStatus.CLOSED,
        "Neglect is spotted earlier",
        manager,
    )
    assert [u.text for u in closed.updates.order_by("created_at", "pk")] == [
        services.IMPORTED_NOTE,
        "Audit done",
        "Closed. Impact: Neglect is spotted earlier",
    ]
    assert (started.owner, started.owner_agency, started.status) == (
        alpha.colleague,
        alpha.other_agency,
        ActionStatus.IN_PROGRESS,
    )
    assert started.due_date == date(2030, 3, 31)
    assert (plain.owner, plain.status, plain.due_date, plain.group) == (
        alpha.outsider,
        ActionStatus.OPEN,
        TODAY,
        None,
    )
    assert plain.updates.get().text == services.IMPORTED_NOTE
    entry = LogEntry.objects.filter(object_pk=str(closed.pk), content_type__model="action").earliest("pk")
    assert entry.actor == manager and entry.action == LogEntry.Action.CREATE


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_saved(alpha, manager):
    PersonFactory(partnership=alpha.partnership, agency=alpha.agency, name="Sam Twin")
    PersonFactory(partnership=alpha.partnership, agency=alpha.other_agency, name="Sam Twin")
    owner = alpha.owner.name
    rows = [
        ["", "", owner, "", "", TODAY, "", "", ""],  # row 2: no title
        ["Unknown owner", "", "Nobody Known", "", "", TODAY, "", "", ""],
        ["Unknown group", "", owner, "", "Knitting Circle", TODAY, "", "", ""],
        ["Unknown agency", "", owner, "Acme Ltd", "", TODAY, "", "", ""],
        ["x" * 301, "", owner, "", "", TODAY, "", "", ""],  # row 6: title too long
        ["Formula", "", owner, "", "", "=TODAY()", "", "", ""],
        ["Bad date", "", owner, "", "", "31/02/2025", "", "", ""],
        ["Bad status", "", owner, "", "", TODAY, "Finished", "", ""],
        ["Closed, no impact", "", owner, "", "", TODAY, "Closed", "", ""],
        ["Two Sams", "", "Sam Twin", "", "", TODAY, "", "", ""],
        ["Long update", "", owner, "", "", TODAY, "", "u" * (SUMMARY_LENGTH + 1), ""],
        ["No date", "", "", "", "", None, "", "", ""],  # row 13: no owner and no due date
        ["Fine", "", owner, "", "", TODAY, "", "", ""],
    ]
    before = Action.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.action_import(
            actor=manager, partnership=alpha.partnership, rows=xlsx.read_action_log(workbook_bytes(rows))
        )
    assert caught.value.message_dict["file"] == [
        "Row 2, column Title: enter the title",
        "Row 3, column Owner: Nobody Known is not one of the partnership's people: check the spelling, "
        "or add them first",
        "Row 4, column Group: Knitting Circle is not a group of this partnership",
        "Row 5, column Owner's agency: Acme Ltd is not an agency of this partnership",
        "Row 6, column Title: the title must be 300 characters or fewer",
        "Row 7, column Due date: enter the value itself, not a formula",
        "Row 8, column Due date: enter a real date, for example 31 3 2025",
        "Row 9, column Status: enter Open, In progress or Closed",
        "Row 10, column Impact: enter the impact of the closed action: what changed for children or practice",
        "Row 11, column Owner: more than one person is called Sam Twin: enter their email address instead",
        "Row 12, column Latest update: the latest update must be 2,000 characters or fewer",
        "Row 13, column Owner: enter the owner's name or email address",
        "Row 13, column Due date: enter the due date",
    ]
    assert Action.objects.count() == before


def test_a_long_list_of_problems_is_cut_short(alpha, manager):
    rows = xlsx.read_action_log(workbook_bytes([["", "", "", "", "", TODAY]] * 120))
    with pytest.raises(ValidationError) as caught:
        services.action_import(actor=manager, partnership=alpha.partnership, rows=rows)
    listed = caught.value.message_dict["file"]
    assert len(listed) == services.IMPORT_MAX_PROBLEMS + 1
    assert listed[-1] == services.IMPORT_MORE_PROBLEMS.format(count="140")


def test_reader_accepts_headings_in_any_order_and_other_names(alpha):
    data = workbook_bytes(
        [["Owen", "2025-03-31", "A", "ignored"], ["Owen", "31 March 2025", "B", ""]],
        headings=["owner", "Due", "ACTION", "Reference"],
    )
    rows = xlsx.read_action_log(data)
    assert [(r.title, r.owner, r.due_date, r.problems) for r in rows] == [
        ("A", "Owen", date(2025, 3, 31), []),
        ("B", "Owen", date(2025, 3, 31), []),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            workbook_bytes([["A", "Owen"]], headings=["Title", "Owner"]),
            xlsx.MISSING_COLUMN.format(column="Due date"),
        ),
        (workbook_bytes([], headings=HEADINGS), xlsx.NO_ACTIONS),
        (
            workbook_bytes([["A"]], headings=["Title", "Title", "Owner", "Due date"]),
            xlsx.REPEATED_COLUMN.format(column="Title"),
        ),
        (
            workbook_bytes(
                [["A", "Owen", TODAY]] * (xlsx.IMPORT_MAX_ROWS + 1), ["Title", "Owner", "Due date"]
            ),
            xlsx.TOO_MANY_ACTIONS,
        ),
        (b"PK\x03\x04 not really a zip", DAMAGED.format(name="action-log.xlsx")),
    ],
)
def test_reader_refuses_a_file_that_is_not_an_action_log(data, message):
    with pytest.raises(xlsx.ActionLogError) as caught:
        xlsx.read_action_log(data)
    assert caught.value.messages == [message]


def test_reader_reads_exactly_the_most_rows_allowed():
    rows = [["A", "Owen", TODAY]] * xlsx.IMPORT_MAX_ROWS
    assert (
        len(xlsx.read_action_log(workbook_bytes(rows, ["Title", "Owner", "Due date"])))
        == xlsx.IMPORT_MAX_ROWS
    )


# The pages ------------------------------------------------------------------------------------


def test_template_lists_the_columns_and_the_names_masa_knows(client, alpha, manager):
    html = html_of(client.get(reverse("actions:action_list", args=["alpha"])))
    assert import_url(alpha) in html
    page = html_of(client.get(import_url(alpha)))
    assert import_url(alpha, "action_import_template") in page and 'enctype="multipart/form-data"' in page
    response = client.get(import_url(alpha, "action_import_template"))
    assert response.status_code == 200
    book = load_workbook(
        BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    assert [c.value for c in book["Actions"][1]] == HEADINGS
    names = [c.value for c in book["Names in masa"]["A"]]
    assert alpha.owner.name in names and alpha.colleague.name in names
    assert alpha.group.name in [c.value for c in book["Names in masa"]["C"]]


def test_business_team_imports_a_log_after_fixing_a_row(client, alpha, manager):
    rows = good_rows(alpha)
    rows[1][5] = "the end of March"
    before = Action.objects.count()
    response = client.post(import_url(alpha), {"file": upload(workbook_bytes(rows))})
    assert response.status_code == 400
    html = unescape(html_of(response))
    message = "Row 3, column Due date: enter a real date, for example 31 3 2025"
    assert re.search(rf'<a href="#id_file">{re.escape(message)}</a>', html), html
    assert "<title>Error: Import an action log" in html
    assert Action.objects.count() == before

    rows[1][5] = "31/3/2030"
    response = client.post(import_url(alpha), {"file": upload(workbook_bytes(rows))})
    assert response.status_code == 302
    html = html_of(client.get(response["Location"]))
    assert "govuk-notification-banner--success" in html and "3 actions imported" in html
    assert Action.objects.count() == before + 3


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("log.csv", b"Title,Owner\nA,B\n", xlsx.NOT_XLSX),
        ("log.xlsx", ooxml(), "The selected file log.xlsx must be an Excel spreadsheet (XLSX)"),
        ("log.xlsx", b"just some text", "The selected file log.xlsx must be an Excel spreadsheet (XLSX)"),
        ("log.xlsx", ooxml("xl/workbook.xml", macros=True), "The selected file log.xlsx contains macros"),
        (
            "log.xlsx",
            b"PK\x03\x04" + b"0" * (5 * 1024 * 1024),
            "The selected file log.xlsx must be smaller than 5 MB",
        ),
    ],
)
def test_upload_that_is_not_a_workbook_is_refused(client, alpha, manager, name, data, message):
    before = Action.objects.count()
    response = client.post(import_url(alpha), {"file": upload(data, name)})
    assert response.status_code == 400
    assert message in unescape(html_of(response))
    assert Action.objects.count() == before


def test_upload_with_no_file_asks_for_one(client, alpha, manager):
    response = client.post(import_url(alpha), {})
    assert response.status_code == 400
    assert "Select the action log" in html_of(response)


@pytest.mark.parametrize("role", ["agency_lead", "practitioner", "chair", "lsp", "scrutineer"])
def test_only_the_business_team_may_import(client, alpha, role):
    client.force_login(user_in_scope(alpha, role))
    before = Action.objects.count()
    assert client.get(import_url(alpha)).status_code == 403
    assert client.get(import_url(alpha, "action_import_template")).status_code == 403
    response = client.post(import_url(alpha), {"file": upload(workbook_bytes(good_rows(alpha)))})
    assert response.status_code == 403
    assert Action.objects.count() == before
    if role != "practitioner":
        assert import_url(alpha) not in html_of(client.get(reverse("actions:action_list", args=["alpha"])))


def test_another_partnership_cannot_import_into_this_one(client, alpha, beta):
    client.force_login(member(beta.partnership, "business_team"))
    assert client.get(import_url(alpha)).status_code == 404


def html_of(response) -> str:
    return response.content.decode()


# The command ----------------------------------------------------------------------------------


def test_command_imports_a_log_as_the_command(alpha, tmp_path):
    path = tmp_path / "old-log.xlsx"
    path.write_bytes(workbook_bytes(good_rows(alpha)))
    out = StringIO()
    call_command("import_actions", "alpha", str(path), stdout=out)
    assert out.getvalue().strip() == f"3 actions imported into {alpha.partnership.name}."
    action = Action.objects.filter(source=ActionSource.IMPORTED).earliest("number")
    entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").earliest("pk")
    assert entry.actor is None
    assert entry.additional_data["system_actor"] == "masa: command import_actions"


def test_command_lists_the_problems_and_imports_nothing(alpha, tmp_path):
    rows = good_rows(alpha)
    rows[0][2] = "Nobody Known"
    path = tmp_path / "old-log.xlsx"
    path.write_bytes(workbook_bytes(rows))
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_actions", "alpha", str(path), stderr=err)
    assert "Row 2, column Owner: Nobody Known is not one of the partnership's people" in err.getvalue()
    assert not Action.objects.filter(source=ActionSource.IMPORTED).exists()
    with pytest.raises(CommandError, match="no partnership"):
        call_command("import_actions", "nowhere", str(path))
    (tmp_path / "log.csv").write_text("Title\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_actions", "alpha", str(tmp_path / "log.csv"), stderr=StringIO())


# Hostile files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (xlsx_bomb, "it would unpack to 201 MB"),
        (tight_part, "packed 1,0"),
        # Within a document's bounds, beyond a data sheet's: refused by the reader's own check.
        (big_sheet, "the most one part can unpack to is 10 MB"),
    ],
)
def test_zip_bombs_are_refused_from_the_directory_and_nothing_saved(client, alpha, manager, build, message):
    before = Action.objects.count()
    started = time.perf_counter()
    response = client.post(import_url(alpha), {"file": upload(build(), "bomb.xlsx")})
    assert time.perf_counter() - started < 5.0
    assert response.status_code == 400
    text = unescape(html_of(response))
    assert TOO_LARGE_UNPACKED.format(name="bomb.xlsx") in text and message in text
    assert Action.objects.count() == before


@settings(
    max_examples=25,
    deadline=timedelta(seconds=8),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(data=hostile_tables())
def test_import_never_fails_or_half_saves_whatever_is_sent(client, alpha, manager, data):
    before = Action.objects.count()
    response = client.post(import_url(alpha), {"file": upload(data, "log.xlsx")})
    assert response.status_code in {302, 400}
    if response.status_code == 400:
        assert Action.objects.count() == before
