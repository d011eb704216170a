"""The synthetic sample returns read as the generator wrote them; mutated files never raise."""

from __future__ import annotations

import os
import tempfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masa.demo.sample_returns import LA_CODE, STRAY_TEXT, write_samples
from masa.returns.readers import compute_indicators, read_903_table, read_903_years, read_cin
from masa.returns.readers.common import hmac_pseudonymiser

from .builders import SECRET, TODAY, child_xml, cin_xml, episode_xml, episodes_csv, weekdays_between


def read_back(episode):
    """A CIN episode as the reader gives it: dates, NFA and previous plans, module by module."""
    return (
        episode.referral,
        episode.closure,
        episode.nfa,
        episode.transfer_in_icpc,
        [(a.start, a.authorised) for a in episode.assessments],
        [(s.start, s.icpc, s.icpc_not_required) for s in episode.section47s],
        [(p.start, p.end, p.previous_plans) for p in episode.cp_plans],
        [(p.start, p.end) for p in episode.cin_plans],
    )


def written(episode):
    """The same for an episode as the sample generator wrote it."""
    return (
        episode.referral,
        episode.closure,
        episode.nfa,
        episode.transfer_icpc,
        list(episode.assessments),
        [(s.start, s.icpc, s.not_required) for s in episode.s47s],
        [(p.start, p.end, p.previous) for p in episode.plans],
        list(episode.cin_plans),
    )


def test_the_2022_layout_sample_reads_every_module_without_problems(samples):
    sample = samples.cin_2022
    result = read_cin(sample.path, secret=SECRET, today=TODAY)
    assert result.problems == []
    assert (result.header.lea, result.header.reference_date) == (LA_CODE, sample.reference)
    assert [[read_back(e) for e in c.episodes] for c in result.children] == [
        [written(e) for e in c.episodes] for c in sample.children
    ]
    assert [(c.sex, c.unborn) for c in result.children] == [
        (c.sex, c.expected_birth is not None) for c in sample.children
    ]
    assert any(c.unborn for c in result.children) and any(c.death for c in sample.children)
    first = result.children[0].episodes[0]
    assert first.closure and first.transfer_in_icpc and first.nfa is False
    assert first.assessments and first.section47s[0].icpc and first.cp_plans and first.cin_plans
    assert sample.path.read_text().count("<GenderCurrent>") == len(sample.children)


def test_the_2026_layout_sample_defects_are_reported(samples):
    sample, defects = samples.cin_2026, samples.defects
    result = read_cin(sample.path, secret=SECRET, today=sample.made)

    def who(child) -> str:
        return f"Child {sample.children.index(child) + 1} (LAchildID {child.la_id})"

    start, authorised = defects.future.episodes[0].assessments[0]
    # Only the future date is fatal (docs/decisions/0004-refusing-impossible-dates.md).
    assert sorted((p.fatal, p.message) for p in result.problems) == sorted(
        [
            (False, f"{who(defects.stray)}: stray text '{STRAY_TEXT}' after <UPNunknown> was ignored"),
            (False, f"{who(defects.bad_sex)}: Sex 'M' is not one of the codes 0, 1, 2 or 9"),
            (
                False,
                f"{who(defects.nfa_zero)}: ReferralNFA is '0'; read as false "
                "(the schema expects true or false)",
            ),
            (True, f"{who(defects.future)}: AssessmentActualStartDate {start:%d/%m/%Y} is in the future"),
            (
                False,
                f"{who(defects.future)}: AssessmentAuthorisationDate {authorised:%d/%m/%Y} is before "
                f"AssessmentActualStartDate {start:%d/%m/%Y}",
            ),
        ]
    )
    # The reader went on past every defect, and the rest of each child is read as written.
    assert [[read_back(e) for e in c.episodes] for c in result.children] == [
        [written(e) for e in c.episodes] for c in sample.children
    ]
    assert result.children[sample.children.index(defects.bad_sex)].sex == "M"
    text = sample.path.read_text()
    assert text.count("<Sex>") == len(sample.children) and "<PreProceedingsandFGDM>" in text


def test_903_samples_are_recognised_and_merge(samples):
    for sample in (*samples.yearly_903, samples.tiny_903):
        for table, path in sample.files.items():
            result = read_903_table(path, secret=SECRET, today=TODAY)
            assert (result.table, result.rows, result.fatal) == (table, len(sample.rows[table]), False)
            ignored = "COMMENTS" if path.name == "tiny-episodes.csv" else None
            assert [p.message for p in result.problems] == (
                [
                    f"The file {path.name} is the {table} table with extra columns {ignored}, "
                    "which were ignored"
                ]
                if ignored
                else []
            )
    yearly = samples.yearly_903
    children = [{row["CHILD"] for row in sample.rows["Header"]} for sample in yearly]
    assert children[0] > children[1] > children[2]
    merged = read_903_years(
        [(s.first_year, path) for s in yearly for path in s.files.values()], secret=SECRET, today=TODAY
    )
    assert not merged.problems
    rows = [(row["CHILD"], row["DECOM"]) for sample in yearly for row in sample.rows["Episodes"]]
    assert sum(len(t.episodes) for t in merged.tables) == len(rows)
    assert len(merged.episodes) == len(set(rows)) < len(rows)  # later years repeat earlier history
    assert len(merged.headers) == len(children[0])
    # The latest year's row wins: the merge is each child's whole history to 31 March 2022.
    key = hmac_pseudonymiser(SECRET)
    assert sorted((e.child, e.decom, e.rne, e.dec) for e in merged.episodes) == sorted(
        (key(c.la_id), decom, rne, dec) for c in samples.looked_after for decom, rne, *_, dec, _ in c.episodes
    )
    results = compute_indicators(
        "2020-21", 50_000, episodes=merged.episodes, headers=merged.headers, uasc=merged.uasc
    )
    assert results["cla_31mar"]["value"] == samples.looked_after_on(date(2021, 3, 31)) > 0
    assert results["placement_3plus_pct"]["numerator"] > 0


def test_the_samples_are_the_same_every_time(samples, tmp_path):
    again = write_samples(tmp_path)
    assert [p.name for p in again.paths] == [p.name for p in samples.paths]
    assert [p.read_bytes() for p in again.paths] == [p.read_bytes() for p in samples.paths]


VALID_CIN = cin_xml(
    [
        child_xml(
            "a",
            [
                episode_xml(
                    "2023-05-02",
                    assessments=[("2023-05-03", "2023-06-01")],
                    s47s=[("2023-05-04", "2023-05-20", "false")],
                    cpps=[("2023-05-21", None, 1)],
                    cin_plans=[("2023-06-01", None)],
                )
            ],
        ),
        child_xml("b", [episode_xml("2023-07-01", closure="2023-08-01", nfa="true")]),
    ]
).encode()
VALID_903 = episodes_csv(
    [("1", "01/04/2023", "S", "C2", "U1", "05/06/2023"), ("1", "05/06/2023", "P", "C2", "U4", "")]
).encode()


def mutations(valid: bytes):
    return st.lists(
        st.tuples(
            st.integers(0, len(valid) - 1),
            st.sampled_from(["replace", "delete", "insert", "truncate"]),
            st.binary(min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=6,
    )


def mutate(valid: bytes, edits) -> bytes:
    data = bytearray(valid)
    for position, kind, payload in edits:
        if not data:
            break
        position %= len(data)
        if kind == "replace":
            data[position : position + len(payload)] = payload
        elif kind == "delete":
            del data[position : position + len(payload)]
        elif kind == "insert":
            data[position:position] = payload
        else:
            del data[position:]
    return bytes(data)


def read_bytes_as_file(data: bytes, suffix: str, reader):
    handle, name = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        return reader(name)
    finally:
        os.unlink(name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(VALID_CIN))
def test_mutated_cin_never_raises(edits):
    data = mutate(VALID_CIN, edits)
    result = read_bytes_as_file(data, ".xml", lambda p: read_cin(p, secret=SECRET, today=TODAY))
    assert all(p.message for p in result.problems)
    results = compute_indicators(
        "2023-24", 1000, cin=result.children, previous_cin=[], working_days_between=weekdays_between
    )
    assert set(results)


@settings(max_examples=150, deadline=None)
@given(mutations(VALID_903))
def test_mutated_903_never_raises(edits):
    data = mutate(VALID_903, edits)
    result = read_903_table("ep.csv", secret=SECRET, today=TODAY, data=data)
    assert all(p.message for p in result.problems)
    compute_indicators("2023-24", 1000, episodes=result.episodes, headers=[], uasc=[])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data):
    result = read_bytes_as_file(data, ".xml", lambda p: read_cin(p, secret=SECRET, today=TODAY))
    assert result.fatal or result.children is not None
    read_903_table("x.csv", secret=SECRET, today=TODAY, data=data)
