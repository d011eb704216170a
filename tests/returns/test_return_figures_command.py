"""`manage.py return_figures`: the hand-built LA's known answers, recomputed from what was imported."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masa.returns.models import ReturnImport
from masa.returns.readers.indicators import INDICATORS
from masa.returns.selectors import indicators_for
from tests.factories import PartnershipFactory

from .test_import_return import LA, import_la, run, write_la_files
from .test_indicators import EXPECTED, POPULATION

IDS = {
    "referrals_rate", "re_referrals_pct", "assessments_45wd_pct", "s47_rate", "s47_to_icpc_pct",
    "icpc_15wd_pct", "cp_rate_31mar", "cp_second_pct", "cp_second_2yrs_pct", "cp_ended_2yrs_pct",
    "cin_rate_31mar", "cla_rate_31mar", "placement_3plus_pct", "long_term_stability_pct", "uasc_31mar",
    "referrals", "s47", "icpc", "cp_31mar", "cin_31mar", "cla_31mar",
}  # fmt: skip


def indicators_json(slug: str, year: str = "2023-24") -> dict:
    out = StringIO()
    call_command("return_figures", "--partnership", slug, "--year", year, "--format", "json", stdout=out)
    return json.loads(out.getvalue())  # only JSON on stdout


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="borough", la_code=LA)


def test_every_indicator_has_the_known_answer_after_import(partnership, tmp_path):
    import_la("borough", write_la_files(tmp_path))
    results = indicators_json("borough")
    assert set(results) == IDS == set(INDICATORS)
    assert all(set(v) == {"numerator", "denominator", "value", "children_left_out"} for v in results.values())
    assert not any(v["children_left_out"] for v in results.values())
    got = {k: (v["numerator"], v["denominator"], v["value"]) for k, v in results.items()}
    assert got == EXPECTED


def test_a_partnership_of_two_las_sums_numerators_and_denominators(partnership, tmp_path):
    import_la("borough", write_la_files(tmp_path / "a"), LA)
    import_la("borough", write_la_files(tmp_path / "b", "314"), "314")
    results = indicators_json("borough")
    for ind_id, (numerator, denominator, value) in EXPECTED.items():
        doubled = None if denominator is None else denominator * 2
        expected = (numerator * 2, doubled, value * 2 if denominator is None else value)
        assert (results[ind_id]["numerator"], results[ind_id]["denominator"], results[ind_id]["value"]) == (
            expected
        ), ind_id


def test_the_previous_years_are_needed_for_look_backs_and_903_history(partnership, tmp_path):
    files = write_la_files(tmp_path)
    run("cin", files["cin_2024.xml"], "--partnership", "borough", "--year", "2023-24")
    run(
        "ssda903", files["ep24.csv"], files["hd24.csv"], files["uasc24.csv"],
        "--partnership", "borough", "--year", "2023-24",
    )  # fmt: skip
    results = indicators_for(partnership, "2023-24")
    assert results["re_referrals_pct"]["value"] is None
    assert "previous year" in results["re_referrals_pct"]["reason"]
    assert results["referrals_rate"]["value"] is None  # no population yet
    assert "population" in results["referrals_rate"]["reason"]
    assert results["referrals"]["value"] == 8
    # The 2023-24 903 file carries the full history, so CLA figures do not change.
    assert results["cla_31mar"]["value"] == 6 and results["long_term_stability_pct"]["value"] == 66.7


def test_only_active_imports_count(partnership, tmp_path):
    import_la("borough", write_la_files(tmp_path))
    # Replace the 2023-24 CIN census with one holding only child G: the replaced one no longer counts.
    from .builders import child_xml, cin_xml, episode_xml

    smaller = tmp_path / "smaller.xml"
    smaller.write_text(cin_xml([child_xml("G", [episode_xml("2024-03-01")])], lea=LA))
    run("cin", smaller, "--partnership", "borough", "--year", "2023-24", "--replace")
    assert ReturnImport.objects.filter(kind="cin", year="2023-24").count() == 2
    results = indicators_json("borough")
    assert results["referrals"]["value"] == 1
    assert results["referrals_rate"]["denominator"] == POPULATION  # the population is kept


def test_the_table_format_and_refusals(partnership, tmp_path):
    with pytest.raises(CommandError, match="No returns have been imported for 2023-24"):
        indicators_json("borough")
    with pytest.raises(CommandError, match="no partnership"):
        indicators_json("nobody")
    with pytest.raises(CommandError, match="like 2023-24"):
        indicators_json("borough", "23-24")
    import_la("borough", write_la_files(tmp_path))
    out = StringIO()
    call_command("return_figures", "--partnership", "borough", "--year", "2023-24", stdout=out)
    text = out.getvalue()
    assert "Referrals per 10,000 children" in text and "4.0  (8 / 20000)" in text
    assert len(text.strip().splitlines()) == 1 + len(INDICATORS)
