"""The SSDA903 CSV reader: table recognition, encodings, dates and the multi-year merge."""

from __future__ import annotations

from datetime import date

import pytest

from masa.returns.readers import hmac_pseudonymiser, merge_episodes, read_903_table, read_903_years
from masa.returns.readers.ssda903 import TABLES, Episode, decode_bytes, identify_table

from .builders import SECRET, TODAY, episodes_csv, header_csv, uasc_csv


def write(tmp_path, data: bytes | str, name: str):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def read(path, **kwargs):
    return read_903_table(path, secret=SECRET, today=TODAY, **kwargs)


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_is_recognised_by_its_exact_header(tmp_path, table):
    path = write(tmp_path, ",".join(TABLES[table]) + "\n", f"{table}.csv")
    result = read(path)
    assert (result.table, result.problems, result.rows) == (table, [], 0)


def test_episodes_are_read_without_postcodes(tmp_path):
    path = write(
        tmp_path,
        episodes_csv(
            [("123", "01/04/2023", "S", "C2", "U1", "05/06/2023"), ("123", "05/06/2023", "P", "C2", "U4", "")]
        ),
        "ep.csv",
    )
    result = read(path)
    assert result.problems == [] and result.rows == 2
    first, second = result.episodes
    assert first.child == hmac_pseudonymiser(SECRET)("123")
    assert (first.decom, first.dec, first.rne, first.ls, first.place) == (
        date(2023, 4, 1),
        date(2023, 6, 5),
        "S",
        "C2",
        "U1",
    )
    assert second.dec is None
    assert not any("AB1" in str(v) or "EF3" in str(v) for v in (first.urn, first.place, first.place_provider))


def test_unknown_header_is_fatal_and_names_file_and_header(tmp_path):
    result = read(write(tmp_path, "CHILD,FOO,BAR\n1,2,3\n", "mystery.csv"))
    assert result.fatal and result.table is None
    assert [p.message for p in result.problems] == [
        "The file mystery.csv is not a known SSDA903 table: its header row is 'CHILD,FOO,BAR'"
    ]


def test_extra_columns_are_a_warning_unless_strict(tmp_path):
    text = episodes_csv([("1", "01/04/2023", "S", "C2", "U1", "")]).replace("URN\n", "URN,TEST_COLUMN\n", 1)
    result = read(write(tmp_path, text, "ep.csv"))
    assert result.table == "Episodes" and not result.fatal and len(result.episodes) == 1
    assert "extra columns TEST_COLUMN" in result.problems[0].message
    assert read(tmp_path / "ep.csv", strict_headers=True).fatal


def test_identify_prefers_the_fullest_table():
    assert identify_table(TABLES["Header"] + ("DUC",)) == ("Header", ("DUC",))
    assert identify_table(("CHILD", "DOB")) == (None, ())


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("cp1252", "cp1252"),
        ("utf-8", "utf-8"),
    ],
)
def test_encodings(tmp_path, encoding, expected):
    text = header_csv([("1", "1", "01/02/2010")]).replace("WBRI", "WBRI") + "2,2,03/04/2011,Café,,,\n"
    result = read(write(tmp_path, text.encode(encoding), "hd.csv"))
    assert result.table == "Header" and not result.fatal
    assert result.encoding == expected
    assert [h.dob for h in result.headers] == [date(2010, 2, 1), date(2011, 4, 3)]
    warnings = [p.message for p in result.problems]
    if expected == "cp1252":
        assert warnings == ["The file hd.csv is not UTF-8; it was read as Windows-1252 (cp1252)"]
    else:
        assert warnings == []


def test_decode_bytes_never_fails_on_garbage():
    for data in (b"\xff\xfe\x00", b"\x81\x8d\x8f\x90\x9d", b"\x00" * 9, b""):
        text, _ = decode_bytes(data)
        assert isinstance(text, str)


def test_bad_dates_future_dates_and_episode_ending_before_start(tmp_path):
    text = episodes_csv(
        [
            ("1", "31/02/2023", "S", "C2", "U1", ""),
            ("2", "01/04/2023", "S", "C2", "U1", "2023-05-01"),
            ("3", "01/04/2030", "S", "C2", "U1", ""),
            ("4", "01/05/2023", "S", "C2", "U1", "01/04/2023"),
            ("", "01/05/2023", "S", "C2", "U1", ""),
        ]
    )
    result = read(write(tmp_path, text, "ep.csv"))
    messages = [p.message for p in result.problems]
    assert "Row 2 (CHILD 1): DECOM '31/02/2023' is not a real date (dd/mm/yyyy)" in messages
    assert "Row 3 (CHILD 2): DEC '2023-05-01' is not a real date (dd/mm/yyyy)" in messages
    assert "Row 4 (CHILD 3): DECOM 01/04/2030 is in the future" in messages
    assert "Row 5 (CHILD 4): DEC 01/04/2023 is before DECOM 01/05/2023" in messages
    assert "Row 6: CHILD is blank; the row was skipped" in messages
    # Decision (docs/decisions/0004-refusing-impossible-dates.md): a future date and an
    # episode ending before it starts refuse the file.
    assert {p.message for p in result.problems if p.fatal} == {
        "Row 4 (CHILD 3): DECOM 01/04/2030 is in the future",
        "Row 5 (CHILD 4): DEC 01/04/2023 is before DECOM 01/05/2023",
    }
    assert [e.decom for e in result.episodes] == [date(2030, 4, 1), date(2023, 5, 1)]


def test_uasc_duc_in_the_future_is_normal(tmp_path):
    result = read(write(tmp_path, uasc_csv([("1", "01/01/2010", "01/01/2028")]), "uasc.csv"))
    assert result.problems == [] and result.uasc[0].duc == date(2028, 1, 1)


def test_same_child_and_start_twice_in_one_file_keeps_the_later_row(tmp_path):
    text = episodes_csv([("1", "01/04/2023", "S", "C2", "U1", ""), ("1", "01/04/2023", "S", "C2", "U2", "")])
    result = read(write(tmp_path, text, "ep.csv"))
    assert [e.place for e in result.episodes] == ["U2"]
    assert result.problems[0].severity == "warning"


def test_merge_latest_year_wins():
    key = "k"
    old = Episode(key, date(2020, 1, 1), "S", "C2", "U1", "PR1", None, "1")
    new = Episode(key, date(2020, 1, 1), "S", "C2", "U1", "PR1", date(2021, 1, 1), "1")
    later = Episode(key, date(2021, 1, 1), "P", "C2", "U2", "PR1", None, "2")
    merged = merge_episodes([(2021, [new, later]), (2020, [old])])
    assert merged == [new, later]


def test_read_years_merges_and_skips_fatal_files(tmp_path):
    a = write(tmp_path, episodes_csv([("1", "01/01/2020", "S", "C2", "U1", "")]), "2020.csv")
    b = write(
        tmp_path,
        episodes_csv(
            [("1", "01/01/2020", "S", "C2", "U1", "01/06/2021"), ("1", "01/06/2021", "P", "C2", "U2", "")]
        ),
        "2021.csv",
    )
    c = write(tmp_path, "NOT,A,TABLE\n", "bad.csv")
    result = read_903_years([(2021, b), (2020, a), (2021, c)], secret=SECRET, today=TODAY)
    assert [(e.decom, e.dec) for e in result.episodes] == [
        (date(2020, 1, 1), date(2021, 6, 1)),
        (date(2021, 6, 1), None),
    ]
    assert result.fatal and not result.has("Header") and result.has("Episodes")


def test_missing_file_is_a_fatal_problem(tmp_path):
    result = read(tmp_path / "nope.csv")
    assert result.fatal and "could not be opened" in result.problems[0].message
