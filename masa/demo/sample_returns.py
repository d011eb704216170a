"""Synthetic sample returns for the return readers' tests: the script in the repository that
generates the samples.

``python -m masa.demo.sample_returns FOLDER`` writes them into FOLDER (``write_samples``); the
performance tests build them once per test session (``tests/returns/conftest.py``). Every
LAchildID, CHILD, date and code is invented by seeded random generators (one
``random.Random`` per sample, through the demo generator's helpers), so the same files come out
every time. All samples are for one synthetic LA, :data:`LA_CODE`.

What the samples hold, and what the tests rely on:

- ``cin/cin_2022.xml``: a 2021-22 CIN census on the older layout (``GenderCurrent``, not ``Sex``).
  Its first child has every module the reader knows: referral and closure, the CINdetails-level
  DateOfInitialCPC, an assessment, a section 47 enquiry with its conference, a child protection
  plan with reviews and a CIN plan. One child is unborn (ExpectedPersonBirthDate, no
  PersonBirthDate) and one has died (PersonDeathDate). The file has no problems at all.
- ``cin/cin_2026.xml``: a 2025-26 census on the newer layout (``Sex``, and a
  ``PreProceedingsandFGDM`` block for the first child) with deliberate defects the reader must
  report without crashing (:class:`CINDefects`): stray text after ``</UPNunknown>``, Sex ``M``,
  ReferralNFA ``0``, and one assessment that starts far in the future (fatal) and was authorised
  before it started. Read it with ``today`` = :attr:`CINSample.made`, the day it was made.
- ``ssda903/{2019,2020,2021}-{table}.csv``: three yearly SSDA903 returns (collection years
  2019-20 to 2021-22) in the CSV tables header, episodes, uasc, reviews, oc2, oc3, missing and
  previous_permanence. Every child started to be looked after before April 2019 and each year's
  file carries the full episode history, to that year's 31 March, of the children looked after in
  that year; so each later year's children are a subset of the earlier year's, and merging the
  years finds the same episodes again (with the end dates that were still open filled in).
  The RNE codes S, L, P, T, B and U all occur.
- ``ssda903/tiny-header.csv`` and ``tiny-episodes.csv``: two children, for quick tests; the
  episodes table has one extra column (``COMMENTS``) that the reader ignores with a warning.
- ``ssda903/ssda903_2022.xml``: the same kind of 903 content for 2022-23, other children, in the
  XML export layout (``EXPSSDA903/CHILD/HEADER`` with ``CHILDID``, ``AREVIEW``, ``AMISSING``,
  ``PERMANENCE``, ``OC2`` and the OC3 fields, then ``EPISODE`` elements with ``PL``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from masa.returns.readers.common import CollectionYear
from masa.returns.readers.ssda903 import TABLES

from .returns_generator import (
    _LAC,
    FOSTER,
    OTHER_PLACES,
    UASC_PLACES,
    _Child,
    _child_xml,
    _Episode,
    _Generator,
    _Plan,
    _Section47,
    _uk,
    ssda903_rows,
    table_csv,
    write_cin,
)

LA_CODE = "999"
#: The assessment start date of the 2026 census's defects lies after this (far in the future).
FAR_FUTURE = date(2040, 1, 1)
STRAY_TEXT = "PersonBirthDate"
#: File name part -> 903 table, for the yearly CSV returns.
YEARLY_TABLES = {
    "header": "Header",
    "episodes": "Episodes",
    "uasc": "UASC",
    "reviews": "Reviews",
    "oc2": "OC2",
    "oc3": "OC3",
    "missing": "Missing",
    "previous_permanence": "PrevPerm",
}
SSDA903_YEARS = (2019, 2020, 2021)
LEGAL_STATUSES = ("C1", "C2", "V2", "E1", "D1")
#: RNE codes of the changes after an S row: L keeps the placement, the others start a new one.
CHANGES = ("P", "P", "P", "L", "L", "T", "B", "U")

Rows = dict[str, list[dict[str, str]]]


@dataclass
class CINSample:
    path: Path
    children: list[_Child]
    reference: date
    #: The day the file was made (its Header DateTime): no date in it is later, bar the defects.
    made: date


@dataclass
class CINDefects:
    """The children of the 2026 census that carry each deliberate defect."""

    stray: _Child  # STRAY_TEXT after </UPNunknown>
    bad_sex: _Child  # Sex 'M'
    nfa_zero: _Child  # ReferralNFA '0' in its first episode
    #: Its first assessment starts after FAR_FUTURE and was authorised (in the year) before that.
    future: _Child


@dataclass
class SSDA903Sample:
    first_year: int
    #: Table -> the CSV file that holds it (the XML sample: one file for every table).
    files: dict[str, Path]
    #: Table -> the rows written, each a dict of 903 column to value.
    rows: Rows


@dataclass
class Samples:
    cin_2022: CINSample
    cin_2026: CINSample
    defects: CINDefects
    yearly_903: list[SSDA903Sample]
    #: The yearly returns' children with their whole histories, to 31 March 2022.
    looked_after: list[_LAC]
    tiny_903: SSDA903Sample
    xml_903: SSDA903Sample
    paths: list[Path] = field(default_factory=list)

    def looked_after_on(self, day: date) -> int:
        """How many of the yearly returns' children were looked after on ``day`` (not on the
        day they left)."""
        return sum(
            any(decom <= day and (dec is None or dec > day) for decom, *_, dec, _ in child.episodes)
            for child in self.looked_after
        )


# -- children in need ------------------------------------------------------------------------------


def _every_module(g: _Generator, referral: date, reference: date) -> _Episode:
    """An episode with every CIN module: assessment, S47 and conference, CP plan, CIN plan."""
    ep = _Episode(referral, g.source(), g.need())
    start = g.wd(referral, 1)
    ep.assessments.append((start, g.wd(start, g.rng.randint(15, 40))))
    s47 = _Section47(g.wd(referral, 2), None, False)
    s47.icpc = g.wd(s47.start, g.rng.randint(8, 15))
    ep.s47s.append(s47)
    ep.transfer_icpc = s47.icpc
    plan_end = s47.icpc + timedelta(days=g.rng.randint(90, 140))
    reviews = (s47.icpc + timedelta(days=80),)
    ep.plans.append(_Plan(s47.icpc, plan_end, g.rng.randint(0, 2), reviews))
    cin_end = plan_end + timedelta(days=g.rng.randint(30, 60))
    ep.cin_plans.append((plan_end, cin_end))
    ep.closure = min(reference, cin_end + timedelta(days=g.rng.randint(0, 10)))
    return ep


def _ordinary(g: _Generator, referral: date, reference: date) -> _Episode:
    """A referral that ends in no further action, an assessment, a CIN plan or an S47 enquiry."""
    rng = g.rng
    ep = _Episode(referral, g.source(), g.need())
    kind = rng.choice(("nfa", "assessed", "cin plan", "s47"))
    if kind == "nfa":
        ep.nfa, ep.closure, ep.closure_reason = True, referral, "RC8"
        return ep
    start = g.wd(referral, rng.randint(0, 3))
    authorised = g.wd(start, rng.randint(10, 45))
    ep.assessments.append((start, authorised if authorised <= reference else None))
    if kind == "s47":
        ep.s47s.append(_Section47(g.wd(referral, 1), None, True))
    if kind == "cin plan" and authorised < reference:
        ep.cin_plans.append((authorised, None))
    elif authorised + timedelta(days=20) < reference:
        ep.closure = authorised + timedelta(days=rng.randint(0, 20))
    return ep


def _cin_children(g: _Generator, count: int, year: CollectionYear, sex_element: str) -> list[_Child]:
    """``count`` children referred in ``year``: the first with every module, one unborn, one died."""
    first_day, last_day = year.start, year.end - timedelta(days=60)
    children = []
    for n in range(count):
        if n == 0:  # early in the year, so that every step is over by 31 March
            ep = _every_module(g, g.weekday_between(first_day, first_day + timedelta(days=60)), year.end)
        else:
            ep = _ordinary(g, g.weekday_between(first_day, last_day), year.end)
        referral = ep.referral
        child = _Child(
            g.new_id(), g.birth_for_age(0, 16, on=referral), g.rng.choice("12"), g.ethnicity(), [ep]
        )
        child.sex_element = sex_element
        children.append(child)
    unborn = children[-1]
    unborn.birth = unborn.expected_birth = year.end + timedelta(days=g.rng.randint(10, 90))
    died, ep = children[-2], children[-2].episodes[0]
    latest = max(
        [
            ep.referral,
            *(day for a in ep.assessments for day in a if day),
            *(s.start for s in ep.s47s),
            *(p[0] for p in ep.cin_plans),
        ]
    )
    died.death = ep.closure = g.day_between(latest, year.end)
    ep.closure_reason = "RC2"
    ep.cin_plans = [(start, end or died.death) for start, end in ep.cin_plans]
    return children


def _pre_proceedings(g: _Generator, start: date) -> tuple[tuple[str, str], ...]:
    """A PreProceedingsandFGDM block whose steps follow one another from ``start``."""
    days = [start]
    for gap in (10, 12, 70, 20, 30):
        days.append(days[-1] + timedelta(days=g.rng.randint(gap // 2, gap)))
    pp_start, letter, meeting, decision, court, cp_letter = (day.isoformat() for day in days)
    return (
        ("PPStartDate", pp_start),
        ("LBPSentDate", letter),
        ("FGDMMeetingOffer", "1"),
        ("FGDMMeetingFac", "1"),
        ("InitialPPMeetingDate", meeting),
        ("ReviewMeetingsCount", str(g.rng.randint(1, 4))),
        ("StepDecisionDate", decision),
        ("PPOutcome", "A"),
        ("CourtAppDate", court),
        ("LetterInitCPDate", cp_letter),
    )


def write_cin_2022(path: Path) -> CINSample:
    g = _Generator(seed=2122, id_prefix="CA")
    year = CollectionYear.parse(2021)
    children = _cin_children(g, 14, year, "GenderCurrent")
    made = date(2022, 5, 20)
    write_cin(path, children, lea=LA_CODE, reference=year.end, made=f"{made.isoformat()}T10:00:00")
    return CINSample(path, children, year.end, made)


def write_cin_2026(path: Path) -> tuple[CINSample, CINDefects]:
    g = _Generator(seed=2526, id_prefix="CB")
    year = CollectionYear.parse(2025)
    children = _cin_children(g, 10, year, "Sex")
    ep = children[0].episodes[0]
    ep.pre_proceedings = _pre_proceedings(g, ep.plans[0].start)
    others = children[1:-2]  # not the child with every module, the one who died or the unborn
    stray, bad_sex = g.rng.sample(others, 2)
    nfa_zero, future = g.rng.sample([c for c in others if not c.episodes[0].nfa], 2)
    bad_sex.sex = "M"
    start, _ = future.episodes[0].assessments[0]
    future.episodes[0].assessments[0] = (g.day_between(FAR_FUTURE, FAR_FUTURE + timedelta(days=3000)), start)
    defects = CINDefects(stray, bad_sex, nfa_zero, future)

    def with_defects(child: _Child) -> str:
        text = _child_xml(child)
        if child is stray:
            text = text.replace("</UPNunknown>", f"</UPNunknown>{escape(STRAY_TEXT)}", 1)
        if child is nfa_zero:
            text = text.replace("<ReferralNFA>false</ReferralNFA>", "<ReferralNFA>0</ReferralNFA>", 1)
        return text

    made = date(2026, 5, 14)
    write_cin(
        path,
        children,
        lea=LA_CODE,
        reference=year.end,
        made=f"{made.isoformat()}T11:30:00",
        child_xml=with_defects,
    )
    return CINSample(path, children, year.end, made), defects


# -- children looked after -------------------------------------------------------------------------


def _looked_after(
    g: _Generator,
    *,
    uasc: bool,
    decom_from: date,
    decom_to: date,
    leaves: date,
    busy_year: CollectionYear | None = None,
) -> _LAC:
    """A child looked after from a day between ``decom_from`` and ``decom_to`` until ``leaves``
    (for a UASC child, their 18th birthday in the month of ``leaves``), with placement and legal
    status changes on the way; two more placement moves in ``busy_year`` if it is given."""
    rng = g.rng
    if uasc:
        birth = date(leaves.year - 18, leaves.month, min(leaves.day, 28))
        leaves = date(birth.year + 18, birth.month, birth.day)
        decom_from = max(decom_from, birth + timedelta(days=14 * 366))  # arrived aged 14 or over
    decom = g.day_between(decom_from, min(decom_to, leaves - timedelta(days=30)))
    if not uasc:  # under 18 when leaving care
        birth = g.day_between(date(leaves.year - 17, leaves.month, 1), decom - timedelta(days=30))
    child = _LAC(g.new_id(), birth, "1" if uasc else rng.choice("12"), g.ethnicity(), uasc)
    changes: dict[date, str | None] = {}
    day = decom
    while (day := day + timedelta(days=rng.randint(40, 420))) < leaves:
        changes[day] = None
    if busy_year is not None:
        for _ in range(2):
            changes[
                g.day_between(busy_year.start + timedelta(days=10), busy_year.end - timedelta(days=10))
            ] = "P"
    places = UASC_PLACES if uasc else FOSTER + OTHER_PLACES
    ls, place = ("V2" if uasc else rng.choice(LEGAL_STATUSES)), rng.choice(places)
    rows: list[tuple[date, str, str, str]] = [(decom, "S", ls, place)]
    for day, forced in sorted(changes.items()):
        if not decom < day < leaves:
            continue
        rne = forced or rng.choice(CHANGES)
        if rne in {"L", "T"} and not uasc:
            ls = rng.choice([code for code in LEGAL_STATUSES if code != ls])
        if rne != "L":
            place = rng.choice(places)
        rows.append((day, rne, ls, place))
    for i, (start, rne, ls_i, place_i) in enumerate(rows):
        last = i == len(rows) - 1
        dec = leaves if last else rows[i + 1][0]
        rec = g._reason_ceased(uasc) if last else "X1"
        child.episodes.append((start, rne, ls_i, place_i, rng.choice(("PR1", "PR2", "PR4")), dec, rec))
    return child


def _as_at(child: _LAC, day: date) -> _LAC:
    """The child's history as a return made for the year ending ``day`` shows it."""
    episodes = []
    for decom, rne, ls, place, provider, dec, rec in child.episodes:
        if decom > day:
            break
        still_open = dec is None or dec > day
        episodes.append(
            (decom, rne, ls, place, provider, None if still_open else dec, "" if still_open else rec)
        )
    return replace(child, episodes=episodes)


def _looked_after_in(child: _LAC, year: CollectionYear) -> bool:
    last = child.episodes[-1][5]
    return child.episodes[0][0] <= year.end and (last is None or last >= year.start)


def _other_tables(g: _Generator, children: list[_LAC], year: CollectionYear) -> Rows:
    """Reviews, OC2, OC3, Missing and PrevPerm rows for children as a return for ``year`` has them."""
    rng = g.rng
    tables: Rows = {"Reviews": [], "OC2": [], "OC3": [], "Missing": [], "PrevPerm": []}
    for child in children:
        common = {"CHILD": child.la_id, "DOB": _uk(child.birth)}
        first, left = child.episodes[0][0], child.episodes[-1][5]
        review = max(year.start, first + timedelta(days=20)) + timedelta(days=rng.randint(0, 60))
        while review <= min(left or year.end, year.end):
            code = f"PN{rng.randint(0, 7)}"
            tables["Reviews"].append({**common, "REVIEW": _uk(review), "REVIEW_CODE": code})
            review += timedelta(days=rng.randint(120, 190))
        if left is None and first <= year.end - timedelta(days=365):
            health = {
                name: rng.choice("01")
                # The OC2 yes/no outcomes: every column after the child, DOB and SDQ ones.
                for name in TABLES["OC2"][4:]
            }
            end, born = year.end, child.birth
            age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
            sdq = {"SDQ_SCORE": str(rng.randint(0, 40))} if 4 <= age <= 16 else {"SDQ_REASON": "SDQ1"}
            tables["OC2"].append({**common, **sdq, **health})
        if left is not None and left >= date(child.birth.year + 16, child.birth.month, 1):
            tables["OC3"].append(
                {
                    **common,
                    "IN_TOUCH": rng.choice(("YES", "YES", "NO", "NREQ")),
                    "ACTIV": rng.choice(("F1", "P1", "F2", "G4")),
                    "ACCOM": rng.choice(("S1", "T2", "U1", "V2")),
                }
            )
        permanence = {"PREV_PERM": "Z1"}
        if rng.random() < 0.15:
            permanence = {"PREV_PERM": "P1", "DATE_PERM": _uk(first - timedelta(days=rng.randint(400, 900)))}
        tables["PrevPerm"].append({**common, **permanence})
    in_care = [c for c in children if c.episodes[-1][5] is None]
    for child in rng.sample(in_care, min(2, len(in_care))):
        start = g.day_between(year.start, year.end - timedelta(days=10))
        tables["Missing"].append(
            {
                "CHILD": child.la_id,
                "DOB": _uk(child.birth),
                "MISSING": rng.choice("MA"),
                "MIS_START": _uk(start),
                "MIS_END": _uk(start + timedelta(days=rng.randint(1, 6))),
            }
        )
    return tables


def _return_rows(g: _Generator, children: list[_LAC], year: CollectionYear) -> Rows:
    """Every table of one year's 903 return for the children looked after in it."""
    shown = [_as_at(child, year.end) for child in children if _looked_after_in(child, year)]
    return {**ssda903_rows(shown), **_other_tables(g, shown, year)}


def write_yearly_903(folder: Path) -> tuple[list[SSDA903Sample], list[_LAC]]:
    g = _Generator(seed=1922, id_prefix="LA")
    years = [CollectionYear.parse(first) for first in SSDA903_YEARS]
    children = []
    for n in range(40):
        # Children leave care in turn in each year, or (fate len(years)) are still looked after.
        fate = n % (len(years) + 1)
        if fate < len(years):
            leaves = g.day_between(years[fate].start, years[fate].end - timedelta(days=1))
        else:
            leaves = g.day_between(years[-1].end + timedelta(days=1), years[-1].end + timedelta(days=330))
        # Every other child still looked after has 3 or more placements in 2020-21.
        busy = years[1] if fate == len(years) and n % 8 < 4 else None
        child = _looked_after(
            g,
            uasc=n % 5 == 1,
            decom_from=date(2015, 4, 1),
            decom_to=date(2019, 3, 15),
            leaves=leaves,
            busy_year=busy,
        )
        children.append(_as_at(child, years[-1].end))
    samples = []
    for year in years:
        rows = _return_rows(g, children, year)
        files = {}
        for name, table in YEARLY_TABLES.items():
            files[table] = folder / f"{year.first_year}-{name}.csv"
            files[table].write_text(table_csv(table, rows[table]), encoding="utf-8")
        samples.append(SSDA903Sample(year.first_year, files, rows))
    return samples, children


def write_tiny_903(folder: Path) -> SSDA903Sample:
    g = _Generator(seed=20, id_prefix="TY")
    year = CollectionYear.parse(2020)
    children = [
        _as_at(
            _looked_after(g, uasc=False, decom_from=year.start, decom_to=year.start, leaves=leaves), year.end
        )
        for leaves in (date(2021, 2, 1), date(2021, 9, 1))
    ]
    rows = ssda903_rows(children)
    files = {"Header": folder / "tiny-header.csv", "Episodes": folder / "tiny-episodes.csv"}
    files["Header"].write_text(table_csv("Header", rows["Header"]), encoding="utf-8")
    notes = [{**row, "COMMENTS": "made up"} for row in rows["Episodes"]]
    files["Episodes"].write_text(table_csv("Episodes", notes, extra=("COMMENTS",)), encoding="utf-8")
    return SSDA903Sample(year.first_year, files, {"Header": rows["Header"], "Episodes": rows["Episodes"]})


#: 903 columns whose XML element name differs.
_XML_NAMES = {"CHILD": "CHILDID", "PLACE": "PL"}
#: Tables whose rows sit inside HEADER as a repeated element.
_XML_BLOCKS = {"Reviews": "AREVIEW", "Missing": "AMISSING", "PrevPerm": "PERMANENCE", "OC2": "OC2"}


def _xml_values(row: dict[str, str], skip: tuple[str, ...] = ()) -> str:
    parts = []
    for column, value in row.items():
        if column not in skip:
            name = _XML_NAMES.get(column, column)
            parts.append(f"<{name}>{escape(value)}</{name}>" if value else f"<{name} />")
    return "".join(parts)


def ssda903_xml(rows: Rows) -> str:
    """The 903 XML export of ``rows`` (table -> rows, as :func:`_return_rows` gives them)."""
    own: dict[str, dict[str, list[dict[str, str]]]] = {}
    for table, table_rows in rows.items():
        for row in table_rows:
            own.setdefault(row["CHILD"], {}).setdefault(table, []).append(row)
    parts = ["<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>"]
    for header in rows["Header"]:
        mine = own[header["CHILD"]]
        uasc = mine.get("UASC", [])
        parts.append("<CHILD><HEADER>" + _xml_values(header))
        parts.append(f"<UASC>1</UASC><DUC>{uasc[0]['DUC']}</DUC>" if uasc else "<UASC />")
        for table, element in _XML_BLOCKS.items():
            for row in mine.get(table, []):
                parts.append(f"<{element}>{_xml_values(row, skip=('CHILD', 'DOB'))}</{element}>")
        for row in mine.get("OC3", []):
            parts.append(_xml_values(row, skip=("CHILD", "DOB")))
        parts.append("</HEADER>")
        for row in mine.get("Episodes", []):
            parts.append(f"<EPISODE>{_xml_values(row, skip=('CHILD',))}</EPISODE>")
        parts.append("</CHILD>\n")
    parts.append("</EXPSSDA903>\n")
    return "".join(parts)


def write_xml_903(path: Path) -> SSDA903Sample:
    g = _Generator(seed=2223, id_prefix="XM")
    year = CollectionYear.parse(2022)
    children = []
    for n in range(24):
        leaves = g.day_between(year.start, year.end + timedelta(days=400))
        child = _looked_after(
            g, uasc=n % 4 == 2, decom_from=date(2017, 4, 1), decom_to=date(2023, 1, 31), leaves=leaves
        )
        children.append(child)
    rows = _return_rows(g, children, year)
    path.write_text(ssda903_xml(rows), encoding="ascii")
    return SSDA903Sample(year.first_year, dict.fromkeys(rows, path), rows)


def write_samples(folder: str | Path) -> Samples:
    """Write every sample return into ``folder`` (``cin/`` and ``ssda903/`` below it)."""
    folder = Path(folder)
    (folder / "cin").mkdir(parents=True, exist_ok=True)
    (folder / "ssda903").mkdir(parents=True, exist_ok=True)
    cin_2022 = write_cin_2022(folder / "cin" / "cin_2022.xml")
    cin_2026, defects = write_cin_2026(folder / "cin" / "cin_2026.xml")
    yearly, looked_after = write_yearly_903(folder / "ssda903")
    tiny = write_tiny_903(folder / "ssda903")
    xml = write_xml_903(folder / "ssda903" / "ssda903_2022.xml")
    paths = [cin_2022.path, cin_2026.path]
    for sample in (*yearly, tiny):
        paths += sample.files.values()
    paths.append(xml.files["Header"])
    return Samples(cin_2022, cin_2026, defects, yearly, looked_after, tiny, xml, paths)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m masa.demo.sample_returns FOLDER")
    for written in write_samples(sys.argv[1]).paths:
        print(written)
