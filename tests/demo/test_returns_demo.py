"""The Hounslow returns demo: a made-up 2023-24 CIN census and SSDA903 return whose indicators
match the Hounslow 2023-24 yearly report."""

import pytest

from masa.demo.loader import load_demo
from masa.demo.returns_generator import generate_returns
from masa.partnership.models import Partnership
from masa.returns.models import ImportedRecord, ImportStatus, Population, ReturnImport
from masa.returns.selectors import indicators_for

pytestmark = pytest.mark.django_db


def _values(year: str = "2023-24") -> dict:
    hounslow = Partnership.objects.get(slug="hounslow")
    return {key: result["value"] for key, result in indicators_for(hounslow, year).items()}


def test_demo_indicators_match_the_yearly_report(demo):
    values = _values()
    assert 2400 <= values["referrals"] <= 2600
    assert values["s47"] >= 1000
    assert values["icpc"] == 430
    assert values["cp_31mar"] == 250
    assert values["cla_31mar"] == 290
    assert values["uasc_31mar"] == 53
    assert values["referrals_rate"] == pytest.approx(2500 / 68630 * 10_000, rel=0.05)
    assert values["cp_second_pct"] == pytest.approx(42 / 301 * 100, abs=0.1)
    assert 8 <= values["placement_3plus_pct"] <= 12
    assert 75 <= values["icpc_15wd_pct"] <= 85


def test_demo_imports_are_clean_and_not_duplicated(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    imports = ReturnImport.objects.filter(partnership=hounslow, year="2023-24")
    assert sorted(imports.values_list("kind", flat=True)) == ["cin", "ssda903"]
    assert all(i.counts["errors"] == 0 and i.counts["warnings"] == 0 for i in imports)
    records = ImportedRecord.objects.count()
    load_demo()
    assert imports.count() == 2
    assert imports.filter(status=ImportStatus.ACTIVE).count() == 2
    assert ImportedRecord.objects.count() == records
    assert Population.objects.get(partnership=hounslow, year="2023-24").children_0_17 == 68_630


def test_generated_files_are_deterministic(tmp_path):
    first = generate_returns(tmp_path / "a")
    second = generate_returns(tmp_path / "b")
    assert first.cin.read_bytes() == second.cin.read_bytes()
    for a, b in zip(first.ssda903, second.ssda903, strict=True):
        assert a.read_bytes() == b.read_bytes()
