"""The CIN census reader: fields, problems in plain English, and hostile or broken files."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest

from masa.returns.readers import CINReader, hmac_pseudonymiser, read_cin

from .builders import SECRET, TODAY, child_xml, cin_xml, episode_xml


def write(tmp_path, text: str | bytes, name: str = "cin.xml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def fatal_messages(result) -> list[str]:
    return [p.message for p in result.problems if p.fatal]


def test_reads_header_child_and_every_module(tmp_path):
    path = write(
        tmp_path,
        cin_xml(
            [
                child_xml(
                    "LA-CHILD-1",
                    [
                        episode_xml(
                            "2023-05-02",
                            closure="2024-01-10",
                            nfa="false",
                            transfer_icpc="2023-06-01",
                            assessments=[("2023-05-03", "2023-06-01")],
                            s47s=[("2023-05-04", "2023-05-20", "false")],
                            cpps=[("2023-05-21", "2024-01-10", 2)],
                            cin_plans=[("2023-06-02", "2023-09-01")],
                        )
                    ],
                    birth="2015-06-01",
                    sex_element="GenderCurrent",
                    sex="2",
                )
            ]
        ),
    )
    result = read_cin(path, secret=SECRET, today=TODAY)
    assert result.problems == []
    header = result.header
    assert (header.lea, header.year, header.reference_date) == ("201", 2024, date(2024, 3, 31))
    (child,) = result.children
    assert child.key == hmac_pseudonymiser(SECRET)("LA-CHILD-1") and "CHILD" not in child.key
    assert (child.sex, child.age_at_reference, child.unborn, child.birth_date) == ("2", 8, False, None)
    (ep,) = child.episodes
    assert (ep.referral, ep.closure, ep.nfa, ep.transfer_in_icpc) == (
        date(2023, 5, 2),
        date(2024, 1, 10),
        False,
        date(2023, 6, 1),
    )
    assert ep.assessments[0].start == date(2023, 5, 3) and ep.assessments[0].authorised == date(2023, 6, 1)
    s47 = ep.section47s[0]
    assert (s47.start, s47.icpc, s47.icpc_not_required) == (date(2023, 5, 4), date(2023, 5, 20), False)
    cpp = ep.cp_plans[0]
    assert (cpp.start, cpp.end, cpp.initial_category, cpp.previous_plans) == (
        date(2023, 5, 21),
        date(2024, 1, 10),
        "NEG",
        2,
    )
    assert ep.cin_plans[0].end == date(2023, 9, 1)


def test_sex_element_and_custom_pseudonymiser_and_birth_date_kept_on_request(tmp_path):
    path = write(tmp_path, cin_xml([child_xml("x1", [episode_xml("2023-05-02")], sex="1")]))
    result = CINReader(path, pseudonymise=lambda s: "K-" + s[::-1], today=TODAY, keep_birth_date=True).read()
    (child,) = result.children
    assert (child.key, child.sex, child.birth_date) == ("K-1x", "1", date(2015, 6, 1))


def test_a_reader_needs_a_way_to_pseudonymise(tmp_path):
    with pytest.raises(ValueError):
        CINReader(tmp_path / "x.xml")


def test_bad_values_are_reported_in_plain_english_and_reading_goes_on(tmp_path):
    children = [child_xml(f"ok{i}", [episode_xml("2023-05-02")]) for i in range(11)]
    children.append(
        child_xml(
            "abc",
            [
                episode_xml(
                    "2024-13-01",
                    nfa="0",
                    cpps=[("2023-06-01", "2023-05-01", "two")],
                    assessments=[("2023-07-01", "2023-06-01")],
                    s47s=[("2023-06-01", None, "maybe")],
                )
            ],
        )
    )
    children.append(child_xml("fut", [episode_xml("2031-01-01", closure="2030-01-01")]))
    children.append(child_xml(None, [episode_xml("2023-05-02")]))
    result = read_cin(write(tmp_path, cin_xml(children)), secret=SECRET, today=TODAY)
    messages = [p.message for p in result.problems]
    assert "Child 12 (LAchildID abc): CINreferralDate '2024-13-01' is not a real date" in messages
    assert (
        "Child 12 (LAchildID abc): ReferralNFA is '0'; read as false (the schema expects true or false)"
        in messages
    )
    assert "Child 12 (LAchildID abc): CPPendDate 01/05/2023 is before CPPstartDate 01/06/2023" in messages
    assert "Child 12 (LAchildID abc): NumberOfPreviousCPP 'two' is not a whole number" in messages
    assert (
        "Child 12 (LAchildID abc): AssessmentAuthorisationDate 01/06/2023 is before "
        "AssessmentActualStartDate 01/07/2023"
    ) in messages
    assert "Child 12 (LAchildID abc): ICPCnotRequired 'maybe' is not true or false" in messages
    assert "Child 13 (LAchildID fut): CINreferralDate 01/01/2031 is in the future" in messages
    assert "Child 13 (LAchildID fut): CINclosureDate 01/01/2030 is in the future" in messages
    assert (
        "Child 13 (LAchildID fut): CINclosureDate 01/01/2030 is before CINreferralDate 01/01/2031" in messages
    )
    assert "Child 14: has no LAchildID, so the child was skipped" in messages
    severities = {p.message: p.severity for p in result.problems}
    assert severities["Child 12 (LAchildID abc): CINreferralDate '2024-13-01' is not a real date"] == "error"
    assert (
        severities[
            "Child 12 (LAchildID abc): ReferralNFA is '0'; read as false (the schema expects true or false)"
        ]
        == "warning"
    )
    # Decision (docs/decisions/0004-refusing-impossible-dates.md): future dates and an episode
    # closed before its referral are fatal; the reading goes on so every problem is listed; a
    # plan or assessment out of order is not fatal.
    fatal = {p.message for p in result.problems if p.fatal}
    assert fatal == {
        "Child 13 (LAchildID fut): CINreferralDate 01/01/2031 is in the future",
        "Child 13 (LAchildID fut): CINclosureDate 01/01/2030 is in the future",
        "Child 13 (LAchildID fut): CINclosureDate 01/01/2030 is before CINreferralDate 01/01/2031",
    }
    assert len(result.children) == 13
    bad = result.children[11]
    assert bad.episodes[0].referral is None and bad.episodes[0].nfa is False
    assert bad.episodes[0].cp_plans[0].previous_plans is None
    problem = next(p for p in result.problems if p.element == "CINreferralDate")
    assert (problem.file, problem.child) == ("cin.xml", "abc")


def test_not_a_cin_census(tmp_path):
    result = read_cin(
        write(tmp_path, "<Foo><Child><LAchildID>1</LAchildID></Child></Foo>", "x.xml"), secret=SECRET
    )
    assert fatal_messages(result) == ["The file x.xml is not a CIN census: its root element is <Foo>"]
    assert result.children == []
    result = read_cin(write(tmp_path, "<Foo><Bar/></Foo>", "y.xml"), secret=SECRET)
    assert fatal_messages(result) == ["The file y.xml is not a CIN census: its root element is <Foo>"]


@pytest.mark.parametrize("content", [b"", b"not xml at all", b"\x00\xff\xfe garbage", b"<Message>"])
def test_empty_or_garbage_is_fatal_not_an_exception(tmp_path, content):
    result = read_cin(write(tmp_path, content), secret=SECRET)
    assert result.fatal


def test_truncated_file(tmp_path):
    text = cin_xml([child_xml(f"c{i}", [episode_xml("2023-05-02")]) for i in range(20)])
    result = read_cin(write(tmp_path, text[: len(text) * 2 // 3]), secret=SECRET, today=TODAY)
    (message,) = fatal_messages(result)
    assert message.startswith("The file cin.xml is not well-formed XML and may be truncated or damaged")
    assert 0 < len(result.children) < 20  # the children before the break were read; the file is refused


def test_missing_lea_is_fatal(tmp_path):
    text = cin_xml([child_xml("a", [episode_xml("2023-05-02")])]).replace("<LEA>201</LEA>", "")
    result = read_cin(write(tmp_path, text), secret=SECRET, today=TODAY)
    assert any("no Header/Source/LEA" in m for m in fatal_messages(result))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Message [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Message><Header><Source><LEA>201</LEA></Source></Header><Children>
<Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID></ChildIdentifiers></Child>
</Children></Message>
"""


def test_billion_laughs_is_refused_quickly_and_without_memory(tmp_path):
    tracemalloc.start()
    try:
        result = read_cin(write(tmp_path, BILLION_LAUGHS), secret=SECRET)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.fatal and result.children == []
    assert "declares a DTD" in fatal_messages(result)[0]
    assert peak < 20_000_000


def test_external_entities_are_never_fetched(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("TOP SECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x SYSTEM "file://{secret_file}">]>'
        "<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID></ChildIdentifiers>"
        "</Child></Children></Message>"
    )
    result = read_cin(write(tmp_path, xxe), pseudonymise=lambda s: s)
    assert result.fatal
    assert all("TOP SECRET" not in c.key for c in result.children)


def test_namespaced_file_is_read(tmp_path):
    text = cin_xml([child_xml("a", [episode_xml("2023-05-02")])]).replace(
        "<Message>", '<Message xmlns="http://www.dfe.gov.uk/CIN">'
    )
    result = read_cin(write(tmp_path, text), secret=SECRET, today=TODAY)
    assert not result.problems and len(result.children) == 1


def test_memory_stays_flat_while_streaming(tmp_path):
    child = child_xml("c", [episode_xml("2023-05-02", assessments=[("2023-05-03", "2023-06-01")])])
    path = write(tmp_path, cin_xml([child.replace(">c<", f">c{i}<") for i in range(5_000)]))
    reader = CINReader(path, secret=SECRET, today=TODAY)
    tracemalloc.start()
    try:
        count = sum(1 for _ in reader)  # children are dropped as they are read
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5_000 and not reader.problems
    assert peak < 5_000_000, peak


def test_a_child_recorded_twice_is_warned_about_and_counted_once(tmp_path):
    from masa.returns.readers import compute_indicators

    from .builders import weekdays_between

    children = [
        child_xml("dup", [episode_xml("2023-05-02", cpps=[("2023-06-01", None, 0)])]),
        child_xml("dup", [episode_xml("2023-07-02")]),
    ]
    reader = CINReader(write(tmp_path, cin_xml(children)), secret=SECRET, today=TODAY)
    results = compute_indicators("2023-24", 100, cin=reader, working_days_between=weekdays_between)
    assert [p.message for p in reader.problems] == [
        "Child 2 (LAchildID dup): the same LAchildID is also Child 1; each child should appear once, "
        "with one CINdetails per episode"
    ]
    values = [results[k]["value"] for k in ("referrals", "cin_31mar", "cp_31mar")]
    assert values == [2, 1, 1]
    assert list(reader) and len(reader.problems) == 1  # a second pass starts afresh
