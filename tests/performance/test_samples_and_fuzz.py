"""The shared synthetic sample returns parse without fatal problems; mutated files never raise."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masa.performance.returns import compute_indicators, read_903_table, read_903_years, read_cin

from .builders import SECRET, TODAY, child_xml, cin_xml, episode_xml, episodes_csv, weekdays_between

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "returns"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"{SAMPLES} is not present")


@needs_samples
@pytest.mark.parametrize("name", ["cin-2022.xml", "CIN_Census_2026.xml"])
def test_cin_samples_parse_without_fatal_problems_but_impossible_dates(name):
    result = read_cin(SAMPLES / "cin" / name, secret=SECRET, today=TODAY)
    assert result.children and result.header.lea == "201"
    # The 2026 sample's deliberate future assessment date is fatal
    # (docs/decisions/0004-refusing-impossible-dates.md); nothing else is.
    assert [p.message for p in result.problems if p.fatal] == (
        ["Child 1 (LAchildID DfEX0000001): AssessmentActualStartDate 28/04/2028 is in the future"]
        if name == "CIN_Census_2026.xml"
        else []
    )


@needs_samples
def test_cin_2026_sample_defects_are_reported():
    result = read_cin(SAMPLES / "cin" / "CIN_Census_2026.xml", secret=SECRET, today=TODAY)
    messages = " | ".join(p.message for p in result.problems)
    assert "stray text 'PersonBirthDate' after <UPNunknown>" in messages
    assert "Sex 'M' is not one of the codes" in messages
    assert "ReferralNFA is '0'; read as false" in messages
    assert "AssessmentActualStartDate 28/04/2028 is in the future" in messages
    assert "AssessmentAuthorisationDate 19/09/2020 is before AssessmentActualStartDate 28/04/2028" in messages


@needs_samples
def test_903_samples_are_recognised_and_merge():
    csvs = sorted((SAMPLES / "ssda903").glob("*.csv"))
    assert csvs
    for path in csvs:
        result = read_903_table(path, secret=SECRET, today=TODAY)
        assert not result.fatal, (path.name, result.problems)
        assert result.table is not None
    files = [
        (int(p.name[:4]), p)
        for p in csvs
        if p.name[:4].isdigit() and p.name.endswith(("-episodes.csv", "-header.csv", "-uasc.csv"))
    ]
    merged = read_903_years(files, secret=SECRET, today=TODAY)
    assert not merged.fatal
    raw = sum(len(t.episodes) for t in merged.tables)
    assert raw == 648 + 402 + 253
    assert len(merged.episodes) < raw  # the years overlap: later years repeat earlier history
    assert len({(e.child, e.decom) for e in merged.episodes}) == len(merged.episodes)
    results = compute_indicators(
        "2020-21", 50_000, episodes=merged.episodes, headers=merged.headers, uasc=merged.uasc
    )
    assert results["cla_31mar"]["value"] > 0
    assert results["placement_3plus_pct"]["value"] is not None


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
