"""`manage.py import_return`: all-or-nothing imports, replacement with history, pseudonymised storage."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from masa.demo.sample_returns import LA_CODE as SAMPLE_LA
from masa.returns.models import ImportedRecord, ImportStatus, Population, PseudonymSecret, ReturnImport
from masa.returns.readers.common import CollectionYear
from tests.factories import SETUP, PartnershipFactory

from .builders import child_xml, cin_xml, episode_xml, episodes_csv, header_csv, uasc_csv
from .test_indicators import (
    CURRENT,
    EPISODES_2023,
    EPISODES_2024,
    HEADER_2024,
    POPULATION,
    PREVIOUS,
    UASC_2024,
)

LA = "313"


def write_la_files(folder: Path, la_code: str = LA) -> dict[str, Path]:
    """The hand-built LA of test_indicators.py (known answers there), as files for one LA code."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "cin_2023.xml": cin_xml(PREVIOUS, year=2023, reference="2023-03-31", lea=la_code),
        "cin_2024.xml": cin_xml(CURRENT, lea=la_code),
        "ep23.csv": episodes_csv(EPISODES_2023),
        "ep24.csv": episodes_csv(EPISODES_2024),
        "hd24.csv": header_csv(HEADER_2024),
        "uasc24.csv": uasc_csv(UASC_2024),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text)
    return paths


def run(*args: object) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_return", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_la(slug: str, files: dict[str, Path], la_code: str = LA) -> None:
    common = ("--partnership", slug, "--la-code", la_code)
    run("cin", files["cin_2023.xml"], *common, "--year", "2022-23")
    run("cin", files["cin_2024.xml"], *common, "--year", "2023-24", "--population", POPULATION)
    run("ssda903", files["ep23.csv"], *common, "--year", "2022-23")
    run("ssda903", files["ep24.csv"], files["hd24.csv"], files["uasc24.csv"], *common, "--year", "2023-24")


def saved() -> tuple[int, int, int, int]:
    return (
        ReturnImport.objects.count(),
        ImportedRecord.objects.count(),
        PseudonymSecret.objects.count(),
        Population.objects.count(),
    )


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


def test_imports_the_hand_built_returns(partnership, tmp_path):
    files = write_la_files(tmp_path)
    out, err = run("cin", files["cin_2024.xml"], "--partnership", "borough", "--year", "2023-24")
    assert "Imported the CIN census 2023-24 for LA 313: 9 children" in out
    # The planted non-fatal problems are listed and kept with the import.
    assert "ReferralNFA is '1'; read as true" in err
    imported = ReturnImport.objects.get()
    assert (imported.kind, imported.year, imported.la_code, imported.status) == (
        "cin",
        "2023-24",
        LA,
        "active",
    )
    assert imported.file_names == ["cin_2024.xml"]
    assert imported.counts["children"] == 9 and imported.counts["errors"] == 1
    assert imported.counts["warnings"] == 2
    assert ImportedRecord.objects.filter(return_import=imported).count() == 9

    out, _ = run(
        "ssda903", files["ep24.csv"], files["hd24.csv"], files["uasc24.csv"],
        "--partnership", "borough", "--year", "2023-24", "--population", "20000",
    )  # fmt: skip
    assert "14 episodes" in out and "Header (8 rows)" in out
    lac = ReturnImport.objects.get(kind="ssda903")
    assert lac.counts["headers"] == 8 and lac.counts["uasc"] == 2
    assert Population.objects.get().children_0_17 == 20_000
    assert PseudonymSecret.objects.count() == 1


def test_the_same_child_has_the_same_key_in_cin_and_903_and_across_years(partnership, tmp_path):
    files = write_la_files(tmp_path)
    import_la("borough", files)
    cin_keys = set(ImportedRecord.objects.filter(record_type="cin_child").values_list("child_key", flat=True))
    assert len(cin_keys) == 9  # B, C, F, G in 2022-23 are the same children as in 2023-24
    ep_keys = set(ImportedRecord.objects.filter(record_type="episode").values_list("child_key", flat=True))
    assert len(ep_keys) == 8
    assert all(len(k) == 64 for k in cin_keys | ep_keys)


def _bomb() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return f'<?xml version="1.0"?><!DOCTYPE Message [{"".join(entities)}]><Message>&lol9;</Message>'


BAD_FILES = {
    "unknown_903_header": (
        "ssda903",
        "episodes.csv",
        "CHILD,START,FINISH\n1,01/01/2020,\n",
        "is not a known SSDA903 table",
    ),
    "not_a_cin_census": ("cin", "other.xml", "<Invoice><Total>3</Total></Invoice>", "is not a CIN census"),
    "truncated_xml": ("cin", "cut.xml", cin_xml(CURRENT, lea=LA)[:1500], "not well-formed XML"),
    "entity_bomb": ("cin", "bomb.xml", _bomb(), "DTD"),
    "another_la": ("cin", "cin.xml", cin_xml(CURRENT, lea="201"), "is the return of LA 201"),
    "another_year": (
        "cin",
        "cin.xml",
        cin_xml(CURRENT, lea=LA, year=2023, reference="2023-03-31"),
        "not the 2023-24 census",
    ),
    "903_without_episodes": ("ssda903", "header.csv", header_csv(HEADER_2024), "Episodes table"),
    "empty_903": ("ssda903", "empty.csv", "", "is empty"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_file_with_fatal_problems_saves_nothing(partnership, tmp_path, case):
    kind, name, text, expected = BAD_FILES[case]
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(CommandError, match="Nothing was saved"):
        run(kind, path, "--partnership", "borough", "--year", "2023-24", "--population", "5000")
    assert saved() == (0, 0, 0, 0)
    # The problem is named on stderr with the file.
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_return", kind, str(path), "--partnership", "borough", "--year", "2023-24", stderr=err
        )
    assert expected in err.getvalue() and name in err.getvalue()


def test_one_bad_903_table_refuses_the_good_ones_with_it(partnership, tmp_path):
    files = write_la_files(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("CHILD,WHATEVER\n1,2\n")
    with pytest.raises(CommandError):
        run(
            "ssda903",
            files["ep24.csv"],
            files["hd24.csv"],
            bad,
            "--partnership",
            "borough",
            "--year",
            "2023-24",
        )
    assert saved() == (0, 0, 0, 0)


def test_a_file_over_the_size_limit_is_refused_before_reading(partnership, tmp_path, settings):
    files = write_la_files(tmp_path)
    settings.MASA_RETURN_UPLOAD_MAX_BYTES = 1000
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command(
            "import_return", "cin", str(files["cin_2024.xml"]), "--partnership", "borough",
            "--year", "2023-24", stderr=err,
        )  # fmt: skip
    assert "bytes, over the 1,000 bytes limit for a return" in err.getvalue()
    assert saved() == (0, 0, 0, 0)


def test_a_missing_file_and_bad_arguments_are_refused(partnership, tmp_path):
    with pytest.raises(CommandError, match="Nothing was saved"):
        run("cin", tmp_path / "nope.xml", "--partnership", "borough", "--year", "2023-24")
    with pytest.raises(CommandError, match="no partnership"):
        run("cin", tmp_path / "nope.xml", "--partnership", "nobody", "--year", "2023-24")
    files = write_la_files(tmp_path)
    with pytest.raises(CommandError, match="Nothing was saved"):
        run("cin", files["cin_2024.xml"], "--partnership", "borough", "--year", "2023-25")
    with pytest.raises(CommandError, match="Nothing was saved"):
        run("cin", files["cin_2024.xml"], "--partnership", "borough", "--year", "2023-24", "--la-code", "31")
    with pytest.raises(CommandError, match="one CIN census file at a time"):
        run(
            "cin",
            files["cin_2024.xml"],
            files["cin_2023.xml"],
            "--partnership",
            "borough",
            "--year",
            "2023-24",
        )
    assert saved() == (0, 0, 0, 0)


def test_future_dates_and_an_episode_ending_before_it_starts_refuse_the_import(partnership, tmp_path):
    """Impossible dates are fatal, with the child and element named.

    See docs/decisions/0004-refusing-impossible-dates.md.
    """
    cin = tmp_path / "cin.xml"
    cin.write_text(
        cin_xml(
            [child_xml("Z1", [episode_xml("2023-05-01", assessments=[("2023-05-02", "2099-01-01")])])], lea=LA
        )
    )
    with pytest.raises(CommandError, match="must be corrected in the return first. Nothing was saved"):
        run("cin", cin, "--partnership", "borough", "--year", "2023-24")
    closed_early = tmp_path / "cin2.xml"
    closed_early.write_text(
        cin_xml([child_xml("Z2", [episode_xml("2023-05-01", closure="2023-04-20")])], lea=LA)
    )
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command(
            "import_return", "cin", str(closed_early), "--partnership", "borough", "--year", "2023-24",
            stderr=err,
        )  # fmt: skip
    assert "child Z2, CINclosureDate: Child 1 (LAchildID Z2): CINclosureDate 20/04/2023 is before " in (
        err.getvalue()
    )

    episodes = tmp_path / "ep.csv"
    episodes.write_text(episodes_csv([("C9", "01/06/2023", "S", "C2", "U1", "01/05/2023")]))
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command(
            "import_return", "ssda903", str(episodes), "--partnership", "borough", "--year", "2023-24",
            stderr=err,
        )  # fmt: skip
    assert "Row 2 (CHILD C9): DEC 01/05/2023 is before DECOM 01/06/2023" in err.getvalue()
    assert saved() == (0, 0, 0, 0)


def test_an_assessment_authorised_before_it_started_is_kept_as_an_error(partnership, tmp_path):
    """Inside an episode the slip is not fatal: the assessment is counted but not timed."""
    cin = tmp_path / "cin.xml"
    cin.write_text(
        cin_xml(
            [child_xml("Z1", [episode_xml("2023-05-01", assessments=[("2023-05-10", "2023-05-02")])])], lea=LA
        )
    )
    run("cin", cin, "--partnership", "borough", "--year", "2023-24")
    kept = ReturnImport.objects.get(kind="cin").problems
    assert [p["message"] for p in kept] == [
        "Child 1: AssessmentAuthorisationDate 02/05/2023 is before AssessmentActualStartDate 10/05/2023"
    ]
    assert kept[0]["child"] is None and len(kept[0]["child_key"]) == 64


def test_the_same_year_twice_needs_replace_and_keeps_the_history(partnership, tmp_path):
    files = write_la_files(tmp_path)
    args = ("cin", files["cin_2024.xml"], "--partnership", "borough", "--year", "2023-24")
    run(*args)
    first = ReturnImport.objects.get()
    before = saved()
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command("import_return", *[str(a) for a in args], stderr=err)
    assert (
        "Returns for 2023-24 are already imported for LA 313; use --replace to replace them "
        "(the earlier import is kept in the history)"
    ) in err.getvalue()
    assert saved() == before

    run(*args, "--replace")
    first.refresh_from_db()
    second = ReturnImport.objects.get(status=ImportStatus.ACTIVE)
    assert first.status == ImportStatus.REPLACED and first.replaced_by == second
    assert first.records.count() == second.records.count() == 9
    assert ReturnImport.objects.count() == 2

    # A refused replacement leaves the active import as it was.
    bad = tmp_path / "bad.xml"
    bad.write_text("<Message><Header>")
    with pytest.raises(CommandError):
        run("cin", bad, "--partnership", "borough", "--year", "2023-24", "--replace")
    assert ReturnImport.objects.get(status=ImportStatus.ACTIVE) == second
    assert ReturnImport.objects.count() == 2


def test_no_child_identifier_postcode_or_upn_is_stored(partnership, tmp_path):
    ids = {
        old: f"LAID{index:04d}XQ"
        for index, old in enumerate(["A", "B", "C", "D", "E", "F", "G", "H", "I"], start=1)
    }
    text = cin_xml(CURRENT, lea=LA)
    for old, new in ids.items():
        text = text.replace(f"<LAchildID>{old}</LAchildID>", f"<LAchildID>{new}</LAchildID>")
    cin = tmp_path / "cin.xml"
    cin.write_text(text)
    run("cin", cin, "--partnership", "borough", "--year", "2023-24")
    child_ids = [f"CHLD{n:04d}ZQ" for n in range(1, 9)]
    rows = [(child_ids[int(c[1]) - 1], *rest) for c, *rest in EPISODES_2024]
    episodes, header = tmp_path / "ep.csv", tmp_path / "hd.csv"
    episodes.write_text(episodes_csv(rows))  # type: ignore[arg-type]
    header.write_text(header_csv([(child_ids[int(c[1]) - 1], s, d) for c, s, d in HEADER_2024]))
    run("ssda903", episodes, header, "--partnership", "borough", "--year", "2023-24")

    stored = json.dumps(
        [list(ImportedRecord.objects.values("child_key", "payload"))]
        + [list(ReturnImport.objects.values("problems", "counts", "file_names"))]
        + [list(LogEntry.objects.values_list("changes", flat=True))],
        default=str,
    )
    assert "LAchildID" not in stored
    for raw in [*ids.values(), *child_ids, "AB1 2CD", "EF3 4GH", "A123456789012"]:
        assert raw not in stored, raw
    # The problem about child I is kept, by position.
    assert "Child 9: ReferralNFA is '1'" in stored
    assert PseudonymSecret.objects.get().secret not in stored


def test_the_sample_returns_import(partnership, samples):
    common = ("--partnership", "borough", "--la-code", SAMPLE_LA)
    run("cin", samples.cin_2022.path, *common, "--year", "2021-22")
    cin = ReturnImport.objects.get(kind="cin", year="2021-22")
    assert (cin.counts["children"], cin.counts["episodes"]) == (
        len(samples.cin_2022.children),
        sum(len(c.episodes) for c in samples.cin_2022.children),
    )
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was saved"):  # its deliberate future date is fatal
        call_command(
            "import_return",
            "cin",
            samples.cin_2026.path,
            *common,
            "--year",
            "2025-26",
            stdout=StringIO(),
            stderr=err,
        )
    assert "AssessmentActualStartDate" in err.getvalue() and "is in the future" in err.getvalue()
    for sample in samples.yearly_903:
        year = CollectionYear.parse(sample.first_year).label
        run("ssda903", *sample.files.values(), *common, "--year", year)
        lac = ReturnImport.objects.get(kind="ssda903", year=year, status="active")
        assert lac.counts["tables"] == {table: len(rows) for table, rows in sample.rows.items()}
    assert ReturnImport.objects.filter(status="active").count() == 4
    out = StringIO()
    call_command(
        "return_figures", "--partnership", "borough", "--year", "2020-21", "--format", "json", stdout=out
    )
    results = json.loads(out.getvalue())
    assert results["cla_31mar"]["value"] == samples.looked_after_on(date(2021, 3, 31)) > 0
    assert results["referrals"]["value"] is None  # no CIN census for 2020-21


def test_the_database_allows_one_active_import_per_la_year_and_kind(partnership):
    from django.db import IntegrityError, transaction

    fields = {"partnership": partnership, "la_code": LA, "year": "2023-24", "kind": "cin"}
    ReturnImport.objects.create(**fields)
    ReturnImport.objects.create(**fields, status=ImportStatus.REPLACED)
    ReturnImport.objects.create(**{**fields, "kind": "ssda903"})
    with pytest.raises(IntegrityError), transaction.atomic():
        ReturnImport.objects.create(**fields)


def test_the_service_refusal_carries_the_problem_list(partnership, tmp_path):
    from masa.returns.services import ImportRefused, return_import

    path = tmp_path / "not-cin.xml"
    path.write_text("<Root/>")
    with pytest.raises(ImportRefused) as refused:
        return_import(
            actor=SETUP, partnership=partnership, la_code=LA, year="2023-24", kind="cin", paths=[path]
        )
    [problem] = refused.value.problems
    assert (problem.file, problem.fatal) == ("not-cin.xml", True)
    assert "root element is <Root>" in problem.message
    assert saved() == (0, 0, 0, 0)


def test_the_service_reports_progress_while_reading_and_saving(partnership, tmp_path):
    from masa.returns.services import return_import

    files = write_la_files(tmp_path)
    seen: list[tuple[int, str]] = []
    return_import(
        actor=SETUP,
        partnership=partnership,
        la_code=LA,
        year="2023-24",
        kind="cin",
        paths=[files["cin_2024.xml"]],
        progress=lambda percent, message: seen.append((percent, message)),
    )
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and percents[-1] == 100 and len(percents) >= 3
    assert seen[0][1].startswith("Reading cin_2024.xml:") and any(m.startswith("Saving") for _, m in seen)


def test_population_refusals_name_the_field_and_save_nothing(partnership):
    from masa.returns.services import PopulationRefused, population_set

    with pytest.raises(PopulationRefused) as refused:
        population_set(actor=SETUP, partnership=partnership, la_code="31", year="2023-25", children_0_17=0)
    assert set(refused.value.message_dict) == {"la_code", "year", "children_0_17"}
    assert isinstance(refused.value, ValueError)  # callers that caught ValueError still do
    assert not Population.objects.exists()


def test_a_refusal_counts_what_must_be_corrected_apart_from_the_other_problems_listed(partnership, tmp_path):
    cin = tmp_path / "cin.xml"
    cin.write_text(
        cin_xml(
            [
                child_xml("Z1", [episode_xml("2023-05-01", assessments=[("2023-05-02", "2099-01-01")])]),
                child_xml("Z2", [episode_xml("2023-05-01")], birth="1901-01-01"),
            ],
            lea=LA,
        )
    )
    expected = (
        "Nothing was imported: 1 problem must be corrected in the return first "
        r"\(the list below also has 1 problem that would not stop it\). Nothing was saved"
    )
    with pytest.raises(CommandError, match=expected):
        run("cin", cin, "--partnership", "borough", "--year", "2023-24")
