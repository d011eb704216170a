"""The SSDA903 XML export gives the same records as the CSV tables, hardened like the CIN reader."""

from __future__ import annotations

import pytest

from masa.demo.returns_generator import table_csv
from masa.returns.readers import read_903_years
from masa.returns.readers.ssda903 import read_903_file, read_903_xml

from .builders import SECRET, TODAY, episodes_csv, header_csv, uasc_csv

EPISODES = [
    ("C1", "01/06/2022", "S", "C2", "U1", "01/09/2022"),
    ("C1", "01/09/2022", "P", "C2", "U3", ""),
    ("C2", "15/01/2023", "S", "V2", "R1", "20/01/2023"),
]
HEADERS = [("C1", "1", "01/01/2010"), ("C2", "2", "05/05/2008")]
UASC = [("C2", "05/05/2008", "05/05/2026")]


def xml_903(children: str) -> str:
    return f"<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>{children}</EXPSSDA903>"


def child(child_id: str, sex: str, dob: str, episodes, duc: str | None = None) -> str:
    uasc = f"<UASC>1</UASC><DUC>{duc}</DUC>" if duc else "<UASC />"
    parts = [
        f"<CHILD><HEADER><CHILDID>{child_id}</CHILDID><UPN>A1</UPN><SEX>{sex}</SEX><DOB>{dob}</DOB>"
        f"<ETHNIC>WBRI</ETHNIC>{uasc}<AREVIEW><REVIEW>01/01/2023</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE>"
        "</AREVIEW><MOTHER /><MC_DOB /></HEADER>"
    ]
    for _, decom, rne, ls, place, dec in episodes:
        dec_xml = f"<DEC>{dec}</DEC>" if dec else "<DEC />"
        parts.append(
            f"<EPISODE><DECOM>{decom}</DECOM><RNE>{rne}</RNE><LS>{ls}</LS><CIN>N1</CIN><PL>{place}</PL>"
            f"<PL_POST>AB1 2CD</PL_POST><HOME_POST>EF3 4GH</HOME_POST><URN>SC{child_id}</URN>"
            f"<PLACE_PROVIDER>PR1</PLACE_PROVIDER>{dec_xml}<REC>X1</REC></EPISODE>"
        )
    return "".join(parts) + "</CHILD>"


def the_xml() -> str:
    return xml_903(
        child("C1", "1", "01/01/2010", [e for e in EPISODES if e[0] == "C1"])
        + child("C2", "2", "05/05/2008", [e for e in EPISODES if e[0] == "C2"], duc="05/05/2026")
    )


def test_the_xml_gives_the_same_records_as_the_csv_tables(tmp_path):
    (tmp_path / "episodes.csv").write_text(episodes_csv(EPISODES))
    (tmp_path / "header.csv").write_text(header_csv(HEADERS))
    (tmp_path / "uasc.csv").write_text(uasc_csv(UASC))
    (tmp_path / "return.xml").write_text(the_xml())
    from_csv = read_903_years(
        [(2022, tmp_path / n) for n in ("episodes.csv", "header.csv", "uasc.csv")], secret=SECRET, today=TODAY
    )
    from_xml = read_903_years([(2022, tmp_path / "return.xml")], secret=SECRET, today=TODAY)
    assert not from_xml.problems
    assert from_xml.episodes == from_csv.episodes
    assert from_xml.headers == from_csv.headers
    assert {k: v.duc for k, v in from_xml.uasc.items()} == {k: v.duc for k, v in from_csv.uasc.items()}
    counted = {t.table: t.rows for t in from_xml.tables}
    assert counted == {"Header": 2, "Episodes": 3, "UASC": 1, "Reviews": 2}
    assert from_xml.has("Episodes") and from_xml.has("Header")


def test_xml_date_checks_are_the_csv_ones(tmp_path):
    bad = xml_903(child("C9", "1", "01/01/2010", [("C9", "01/06/2023", "S", "C2", "U1", "01/05/2023")]))
    path = tmp_path / "bad.xml"
    path.write_text(bad)
    tables = read_903_xml(path, secret=SECRET, today=TODAY)
    fatal = [p for t in tables for p in t.problems if p.fatal]
    assert [(p.file, p.child, p.element, p.message) for p in fatal] == [
        ("bad.xml", "C9", "DEC", "Child 1 (CHILD C9) episode 1: DEC 01/05/2023 is before DECOM 01/06/2023")
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<Message><Header/></Message>", "is not an SSDA903 return: its root element is <Message>"),
        (the_xml()[:200], "is not well-formed XML and may be truncated"),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            "<EXPSSDA903>&b;</EXPSSDA903>",
            "declares a DTD",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.org/x.dtd"><EXPSSDA903/>',
            "declares a DTD",
        ),
    ],
)
def test_bad_xml_is_refused_without_reading_further(tmp_path, content, expected):
    path = tmp_path / "x.xml"
    path.write_text(content)
    tables = read_903_file(path, secret=SECRET, today=TODAY)
    messages = [p.message for t in tables for p in t.problems if p.fatal]
    assert len(messages) == 1 and expected in messages[0], messages
    assert not any(t.episodes for t in tables)


def test_progress_is_reported_as_bytes_read(tmp_path):
    path = tmp_path / "return.xml"
    path.write_text(the_xml())
    seen: list[tuple[int, int]] = []
    read_903_xml(path, secret=SECRET, today=TODAY, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen and seen[-1] == (size, size)


def test_the_903_xml_sample_reads_every_child(samples, tmp_path):
    sample = samples.xml_903
    rows = sample.rows
    result = read_903_years([(sample.first_year, sample.files["Header"])], secret=SECRET, today=TODAY)
    assert not result.problems
    assert (len(result.headers), len(result.episodes), len(result.uasc)) == (
        len(rows["Header"]),
        len(rows["Episodes"]),
        len(rows["UASC"]),
    )
    assert {t.table: t.rows for t in result.tables} == {table: len(r) for table, r in rows.items() if r}
    # The same rows as CSV tables give the same records.
    for table in ("Header", "Episodes", "UASC"):
        (tmp_path / f"{table}.csv").write_text(table_csv(table, rows[table]))
    from_csv = read_903_years(
        [(sample.first_year, tmp_path / f"{table}.csv") for table in ("Header", "Episodes", "UASC")],
        secret=SECRET,
        today=TODAY,
    )
    assert (from_csv.episodes, from_csv.headers, from_csv.uasc) == (
        result.episodes,
        result.headers,
        result.uasc,
    )
