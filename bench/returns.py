"""Benchmark of the statutory-return readers: a 100,000-child CIN census, parsed and measured.

Run with `uv run python bench/returns.py [children]`. Writes a synthetic CIN census (every
module of the layout, streamed to a temp file) for the current and the previous year, then
streams both through the reader into `compute_indicators` and prints the time and the peak
memory (resident set size, from getrusage) against the targets: 30 s and 300 MB. Also prints
the parse time of the synthetic sample returns (masa/demo/sample_returns.py). Prints figures;
asserts nothing (tests do that).
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from masa.demo.sample_returns import write_samples  # noqa: E402
from masa.returns.readers import (  # noqa: E402
    CINReader,
    compute_indicators,
    hmac_pseudonymiser,
    read_903_table,
    read_cin,
)

TARGET_SECONDS = 30.0
TARGET_MB = 300.0
SECRET = "bench-secret"


def _d(day: date) -> str:
    return day.isoformat()


def write_cin_census(path: Path, children: int, first_year: int, seed: int) -> None:
    """A CIN census for the year starting 1 April `first_year`, written element by element."""
    rng = random.Random(seed)
    start = date(first_year, 4, 1)
    ref = date(first_year + 1, 3, 31)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<Message>\n<Header><CollectionDetails>'
            f"<Collection>CIN</Collection><Year>{first_year + 1}</Year>"
            f"<ReferenceDate>{_d(ref)}</ReferenceDate></CollectionDetails><Source>"
            "<SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>Bench</SoftwareCode>"
            "<Release>1</Release><SerialNo>001</SerialNo>"
            f"<DateTime>{first_year + 1}-05-01T09:00:00</DateTime></Source></Header>\n<Children>\n"
        )
        for i in range(children):
            born = start - timedelta(days=rng.randint(30, 17 * 365))
            parts = [
                "<Child><ChildIdentifiers>",
                f"<LAchildID>BENCH{i:07d}</LAchildID><UPN>A{i:012d}</UPN>",
                f"<PersonBirthDate>{_d(born)}</PersonBirthDate><Sex>{rng.choice('12')}</Sex>",
                "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
                "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>",
            ]
            for _ in range(rng.choice((1, 1, 1, 2))):
                referral = start + timedelta(days=rng.randint(-200, 364))
                closed = rng.random() < 0.6
                closure = referral + timedelta(days=rng.randint(0, 300)) if closed else None
                if closure and closure > ref:
                    closure = None
                nfa = rng.random() < 0.1
                parts.append(
                    f"<CINdetails><CINreferralDate>{_d(referral)}</CINreferralDate>"
                    f"<ReferralSource>{rng.choice(['1A', '3A', '5B', '10'])}</ReferralSource>"
                    f"<PrimaryNeedCode>N{rng.randint(0, 9)}</PrimaryNeedCode>"
                )
                if closure:
                    parts.append(
                        f"<CINclosureDate>{_d(closure)}</CINclosureDate>"
                        "<ReasonForClosure>RC1</ReasonForClosure>"
                    )
                if not nfa:
                    a_start = referral + timedelta(days=rng.randint(0, 5))
                    a_auth = a_start + timedelta(days=rng.randint(0, 80))
                    parts.append(
                        f"<Assessments><AssessmentActualStartDate>{_d(a_start)}</AssessmentActualStartDate>"
                        f"<AssessmentAuthorisationDate>{_d(a_auth)}</AssessmentAuthorisationDate>"
                        "<FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors>"
                        "<AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment>"
                        "</Assessments>"
                    )
                    parts.append(
                        f"<CINPlanDates><CINPlanStartDate>{_d(a_auth)}</CINPlanStartDate>"
                        + (
                            f"<CINPlanEndDate>{_d(closure)}</CINPlanEndDate>"
                            if closure and closure >= a_auth
                            else ""
                        )
                        + "</CINPlanDates>"
                    )
                cpp_start = None
                if not nfa and rng.random() < 0.3:
                    s47 = referral + timedelta(days=rng.randint(0, 10))
                    icpc = s47 + timedelta(days=rng.randint(5, 30)) if rng.random() < 0.5 else None
                    parts.append(
                        f"<Section47><S47ActualStartDate>{_d(s47)}</S47ActualStartDate>"
                        f"<InitialCPCtarget>{_d(s47 + timedelta(days=21))}</InitialCPCtarget>"
                        + (f"<DateOfInitialCPC>{_d(icpc)}</DateOfInitialCPC>" if icpc else "")
                        + f"<ICPCnotRequired>{'false' if icpc else 'true'}</ICPCnotRequired>"
                        "</Section47>"
                    )
                    cpp_start = icpc
                parts.append(f"<ReferralNFA>{'true' if nfa else 'false'}</ReferralNFA>")
                if cpp_start:
                    cpp_end = cpp_start + timedelta(days=rng.randint(30, 900)) if rng.random() < 0.5 else None
                    if cpp_end and cpp_end > ref:
                        cpp_end = None
                    parts.append(
                        f"<ChildProtectionPlans><CPPstartDate>{_d(cpp_start)}</CPPstartDate>"
                        + (f"<CPPendDate>{_d(cpp_end)}</CPPendDate>" if cpp_end else "")
                        + "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
                        "<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>"
                        f"<NumberOfPreviousCPP>{rng.choice((0, 0, 0, 1, 2))}</NumberOfPreviousCPP>"
                        "<Reviews><CPPreviewDate>"
                        f"{_d(cpp_start + timedelta(days=90))}</CPPreviewDate>"
                        "</Reviews></ChildProtectionPlans>"
                    )
                parts.append("</CINdetails>")
            parts.append("</Child>\n")
            out.write("".join(parts))
        out.write("</Children>\n</Message>\n")


def working_days() -> tuple[object, str]:
    try:
        from masa.clocks.calendar import working_days_between
    except ImportError:

        def weekdays(start: date, end: date) -> int:
            if end <= start:
                return 0
            days = (end - start).days
            weeks, rest = divmod(days, 7)
            return weeks * 5 + sum(1 for k in range(1, rest + 1) if (start + timedelta(days=k)).weekday() < 5)

        return weekdays, "weekdays only (masa.clocks.calendar not importable)"
    return working_days_between, "masa.clocks.calendar (England and Wales bank holidays)"


def main() -> None:
    children = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    wd, wd_name = working_days()
    pseudonymise = hmac_pseudonymiser(SECRET)
    with tempfile.TemporaryDirectory() as tmp:
        current, previous = Path(tmp) / "cin_2024.xml", Path(tmp) / "cin_2023.xml"
        t0 = time.perf_counter()
        write_cin_census(current, children, 2023, seed=1)
        write_cin_census(previous, children, 2022, seed=2)
        gen = time.perf_counter() - t0
        size_mb = current.stat().st_size / 1e6
        print(f"Generated 2 x {children:,} children ({size_mb:.1f} MB each) in {gen:.1f} s")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        t0 = time.perf_counter()
        parse_only = CINReader(current, pseudonymise=pseudonymise)
        n = sum(1 for _ in parse_only)
        parse_seconds = time.perf_counter() - t0
        print(
            f"Parse only (stream, {n:,} children, {len(parse_only.problems)} problems): {parse_seconds:.1f} s"
        )

        t0 = time.perf_counter()
        reader = CINReader(current, pseudonymise=pseudonymise)
        prev_reader = CINReader(previous, pseudonymise=pseudonymise)
        results = compute_indicators(
            "2023-24", 1_000_000, cin=reader, previous_cin=prev_reader, working_days_between=wd
        )  # type: ignore[arg-type]
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        fatal = reader.fatal or prev_reader.fatal
        print(
            f"Parse 2 files + compute all indicators ({wd_name}): {seconds:.1f} s "
            f"(target {TARGET_SECONDS:.0f} s, {seconds / TARGET_SECONDS:.0%} of it)"
            f"{' FATAL' if fatal else ''}"
        )
        print(
            f"Peak RSS: {peak_mb:.0f} MB (before parsing {rss_before:.0f} MB; target {TARGET_MB:.0f} MB, "
            f"{peak_mb / TARGET_MB:.0%} of it)"
        )
        for key in (
            "referrals",
            "re_referrals_pct",
            "assessments_45wd_pct",
            "icpc_15wd_pct",
            "cp_31mar",
            "cin_31mar",
        ):
            r = results[key]
            print(f"  {key}: {r['value']} ({r['numerator']}/{r['denominator']})")

    with tempfile.TemporaryDirectory() as tmp:
        samples = Path(tmp)
        write_samples(samples)
        for path in sorted((samples / "cin").glob("*.xml")):
            t0 = time.perf_counter()
            result = read_cin(path, pseudonymise=pseudonymise)
            print(
                f"Sample {path.name}: {len(result.children)} children, {len(result.problems)} problems, "
                f"{(time.perf_counter() - t0) * 1000:.1f} ms"
            )
        t0 = time.perf_counter()
        csvs = sorted((samples / "ssda903").glob("*.csv"))
        tables = [read_903_table(p, pseudonymise=pseudonymise) for p in csvs]
        print(
            f"Sample 903 CSVs: {len(tables)} files, {sum(t.rows for t in tables):,} rows, "
            f"{(time.perf_counter() - t0) * 1000:.1f} ms"
        )

    print("liia-tools comparison: see bench/liiatools_compare.py (run by make bench)")


if __name__ == "__main__":
    main()
