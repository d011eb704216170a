"""masa's CIN census reader against liia-tools' `cin-census cleanfile`, on the same files.

Run with `make bench` (or `uv run python bench/liiatools_compare.py`). liia-tools is not a masa
dependency: it needs Python 3.9 or 3.10 (its cchardet pin has no newer wheels) and numpy < 2.
This script makes a separate virtual environment for it under build/bench-liiatools with uv,
from the package registry, when such a Python is on the machine; otherwise it prints why it
skipped. Both tools are timed in-process, excluding interpreter start-up and imports: liia-tools
through its cleanfile command's function, masa through `read_cin` + `compute_indicators`.
Target: masa at least 20 times faster on the same file.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from masa.demo.sample_returns import write_samples  # noqa: E402
from masa.returns.readers import compute_indicators, hmac_pseudonymiser, read_cin  # noqa: E402

VENV = ROOT / "build" / "bench-liiatools"
TARGET_RATIO = 20.0
RUNS = 5
REPEATS = 200  # liia-tools takes minutes on a few hundred children
PYTHONS = [
    "/root/.pyenv/versions/3.10.13/bin/python3.10",
    "/root/.pyenv/versions/3.9.18/bin/python3.9",
    "python3.10",
    "python3.9",
]

# Runs inside the liia-tools environment: the best of RUNS timings of cleanfile on one file.
LIIA_TIMER = """
import json, sys, tempfile, time, logging
logging.disable(logging.CRITICAL)
from liiatools.datasets.cin_census.cin_cli import cleanfile
path, runs = sys.argv[1], int(sys.argv[2])
best = None
for _ in range(runs):
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        cleanfile.callback(path, "HOU", out, out)
        took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps({"seconds": best}))
"""


def liiatools_python() -> Path | None:
    """The Python of the liia-tools environment, made on first use; None when it cannot be."""
    python = VENV / "bin" / "python"
    if python.exists():
        return python
    uv = shutil.which("uv") or str(Path.home() / ".local" / "bin" / "uv")
    base = next((p for p in PYTHONS if shutil.which(p)), None)
    if base is None:
        print("liia-tools comparison skipped: it needs Python 3.9 or 3.10, and neither is installed")
        return None
    steps = [
        [uv, "venv", "-q", "--python", base, str(VENV)],
        [uv, "pip", "install", "-q", "--python", str(python), "liiatools==0.2.0", "numpy<2"],
    ]
    for step in steps:
        if subprocess.run(step, check=False).returncode != 0:
            print(f"liia-tools comparison skipped: `{' '.join(step)}` failed")
            shutil.rmtree(VENV, ignore_errors=True)
            return None
    return python


def masa_seconds(path: Path) -> float:
    pseudonymise = hmac_pseudonymiser("bench-secret")
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        result = read_cin(path, pseudonymise=pseudonymise)
        year_end = result.header.year or 2024
        compute_indicators(f"{year_end - 1}-{year_end % 100:02d}", None, cin=result.children)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    python = liiatools_python()
    if python is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        # The synthetic samples (masa/demo/sample_returns.py) hold a few children each, where
        # fixed costs dominate: also compare on the 2022 sample with its first child repeated
        # (new ids), a layout both tools read.
        samples = write_samples(Path(tmp) / "samples")
        # liia-tools 0.2.0 has no schema for the 2025-26 layout, so only the 2022 one is compared.
        files = [samples.cin_2022.path]
        files.append(repeated(samples.cin_2022.path, Path(tmp) / "cin-2022-repeated.xml", REPEATS))
        compare(python, files)


def repeated(sample: Path, target: Path, times: int) -> Path:
    text = sample.read_text(encoding="utf-8")
    start, end = text.index("<Child>"), text.index("</Child>") + len("</Child>")
    child = text[start:end]
    child_id = re.search(r"<LAchildID>([^<]*)</LAchildID>", child)
    assert child_id is not None, f"{sample.name} has no LAchildID"
    children = "".join(child.replace(child_id.group(1), f"RPT{n:07d}") for n in range(times))
    target.write_text(text[:start] + children + text[end:], encoding="utf-8")
    return target


def compare(python: Path, files: list[Path]) -> None:
    print("CIN census: masa (read + all indicators) against liia-tools cin-census cleanfile (clean to CSV)")
    print(f"best of {RUNS} runs (1 for the repeated file); target: masa {TARGET_RATIO:.0f} times faster")
    print(f"{'file':<24}{'masa ms':>10}{'liia-tools ms':>15}{'ratio':>9}")
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            # cleanfile takes the year from the file name and refuses names without one.
            copy = Path(tmp) / path.name
            shutil.copy(path, copy)
            run = subprocess.run(
                [str(python), "-c", LIIA_TIMER, str(copy), str(1 if "repeated" in path.name else RUNS)],
                capture_output=True,
                text=True,
                check=False,
            )
        if run.returncode != 0 or not run.stdout.strip():
            reason = (run.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{path.name:<24} liia-tools failed: {reason[:150]}")
            continue
        theirs = json.loads(run.stdout.strip().splitlines()[-1])["seconds"]
        ours = masa_seconds(path)
        ratio = theirs / ours if ours else float("inf")
        verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
        print(f"{path.name:<24}{ours * 1000:>10.1f}{theirs * 1000:>15.1f}{ratio:>8.0f}x {verdict} target")


if __name__ == "__main__":
    main()
