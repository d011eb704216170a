"""Streaming reader for the DfE Children in Need (CIN) census XML.

``CINReader(path, pseudonymise=...)`` walks the file with ``lxml.etree.iterparse``, handing
back one small :class:`CINChild` per ``<Child>`` and clearing the element tree behind it, so
memory stays flat however many children the file holds. Only the fields the indicators need
are read: no names, UPNs, postcodes, ethnicity or disabilities. The LA's child identifier
is replaced by a pseudonymous key as soon as it is read.

Problems are collected in ``reader.problems`` as :class:`ReturnProblem` values; nothing the
file contains makes the reader raise. A *fatal* problem (not a CIN census, not well-formed,
truncated, a DTD or entity bomb) means the whole file must be rejected, even if some
children were handed back before the problem was reached.

Decision: a date in the future and an episode of need ending before it starts (CINclosureDate
before CINreferralDate) are *fatal* too. They are impossible, not merely unusual: counting them
would put wrong figures in front of the partnership (children "in need" on days that have not
come, negative episode lengths), so the LA corrects its return and uploads it again, as the DfE
validator would ask. Inside an episode, an assessment authorised or a plan ended before it
started stays a (non-fatal) error: the item is still counted but not timed, so one keying slip
does not stop a whole census. Implausibly early dates, stray text and 0/1 booleans are warnings,
so the known defects of real files do not stop an import.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from masa.clocks.calendar import today_in_england

from .common import CountingFile, Progress, Pseudonymiser, ReturnProblem, hmac_pseudonymiser, parse_iso_date

#: Dates before this are reported as warnings (the liia-tools sample is dated 1966-1971).
EARLIEST_PLAUSIBLE = date(1990, 1, 1)
#: Sex/GenderCurrent codes in the DfE CIN specification (0 unknown, 1 male, 2 female, 9 not stated).
SEX_CODES = frozenset({"0", "1", "2", "9"})
_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


@dataclass(frozen=True, slots=True)
class CINHeader:
    lea: str | None = None
    collection: str | None = None
    year: int | None = None
    reference_date: date | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    start: date | None
    authorised: date | None


@dataclass(frozen=True, slots=True)
class Section47:
    start: date | None
    icpc: date | None
    icpc_not_required: bool | None


@dataclass(frozen=True, slots=True)
class CPPlan:
    start: date | None
    end: date | None
    initial_category: str | None
    latest_category: str | None
    previous_plans: int | None


@dataclass(frozen=True, slots=True)
class CINPlan:
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class CINEpisode:
    """One CINdetails block: an episode of need opened by a referral."""

    referral: date | None
    closure: date | None
    nfa: bool | None
    #: CINdetails-level DateOfInitialCPC, read as a transfer-in conference (unverified).
    transfer_in_icpc: date | None = None
    assessments: tuple[Assessment, ...] = ()
    section47s: tuple[Section47, ...] = ()
    cp_plans: tuple[CPPlan, ...] = ()
    cin_plans: tuple[CINPlan, ...] = ()


@dataclass(frozen=True, slots=True)
class CINChild:
    key: str
    position: int
    sex: str | None
    #: Whole years at the header's reference date; None when unborn or unknown.
    age_at_reference: int | None
    unborn: bool
    episodes: tuple[CINEpisode, ...]
    #: Only kept when the reader is asked to (``keep_birth_date=True``).
    birth_date: date | None = None


@dataclass
class CINReturn:
    path: str
    header: CINHeader
    children: list[CINChild]
    problems: list[ReturnProblem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


def _local(tag: Any) -> str:
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _text(elem: Any) -> str:
    return (elem.text or "").strip()


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class CINReader:
    """Iterate over the children of one CIN census file.

    ``pseudonymise`` maps an LAchildID to a key; give it, or ``secret`` for the default keyed
    HMAC-SHA256. ``today`` is the date after which any date is "in the future".
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        pseudonymise: Pseudonymiser | None = None,
        secret: bytes | str | None = None,
        today: date | None = None,
        earliest_plausible: date = EARLIEST_PLAUSIBLE,
        keep_birth_date: bool = False,
        progress: Progress | None = None,
    ) -> None:
        if pseudonymise is None:
            if secret is None:
                raise ValueError("CINReader needs a pseudonymise callable or a secret")
            pseudonymise = hmac_pseudonymiser(secret)
        self.path = os.fspath(path)
        self.name = os.path.basename(self.path)
        self.pseudonymise = pseudonymise
        self.today = today or today_in_england()
        self.earliest_plausible = earliest_plausible
        self.keep_birth_date = keep_birth_date
        self.progress = progress
        self.header = CINHeader()
        self.problems: list[ReturnProblem] = []
        self.children_read = 0

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)

    # -- problems ---------------------------------------------------------------------------

    def _fatal(self, message: str) -> None:
        self.problems.append(ReturnProblem(self.name, None, None, message, "error", fatal=True))

    def _child_problem(
        self,
        who: str,
        label: str | None,
        element: str | None,
        message: str,
        severity: str = "error",
        fatal: bool = False,
    ) -> None:
        self.problems.append(
            ReturnProblem(
                self.name,
                label,
                element,
                f"{who}: {message}",
                "warning" if severity == "warning" else "error",
                fatal,
            )
        )

    # -- the walk ---------------------------------------------------------------------------

    def __iter__(self) -> Iterator[CINChild]:
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            self._fatal(f"The file {self.name} could not be opened: {exc.strerror or exc}")
            return
        try:
            yield from self._walk(CountingFile(handle, os.fstat(handle.fileno()).st_size, self.progress))
        finally:
            handle.close()

    def _walk(self, source: CountingFile) -> Iterator[CINChild]:
        try:
            context = etree.iterparse(
                source,
                events=("start", "end"),
                tag=("{*}Message", "{*}Header", "{*}Child"),
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
                load_dtd=False,
                remove_comments=True,
                remove_pis=True,
            )
        except (OSError, etree.LxmlError) as exc:  # pragma: no cover - unreadable path
            self._fatal(f"The file {self.name} could not be opened: {exc}")
            return
        self.problems = []
        self.children_read = 0
        seen_ids: dict[str, int] = {}
        seen_root = False
        position = 0
        try:
            for event, elem in context:
                if not seen_root:
                    root = elem.getroottree().getroot()
                    if _local(root.tag) != "Message" or event != "start":
                        self._fatal(
                            f"The file {self.name} is not a CIN census: its root element is "
                            f"<{_local(root.tag)}>"
                        )
                        return
                    if elem.getroottree().docinfo.internalDTD is not None:
                        self._fatal(
                            f"The file {self.name} declares a DTD (<!DOCTYPE>). CIN census files never "
                            "do, and entity declarations can be used to attack the importer, so the "
                            "file was refused."
                        )
                        return
                    seen_root = True
                    continue
                if event != "end":
                    continue
                name = _local(elem.tag)
                if name == "Header":
                    self._read_header(elem)
                    elem.clear(keep_tail=True)
                elif name == "Child":
                    position += 1
                    child = self._read_child(elem, position, seen_ids)
                    elem.clear(keep_tail=True)
                    parent = elem.getparent()
                    if parent is not None:
                        while elem.getprevious() is not None:
                            del parent[0]
                    if child is not None:
                        self.children_read += 1
                        yield child
        except etree.XMLSyntaxError as exc:
            detail = str(exc.msg if getattr(exc, "msg", None) else exc)
            line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else None)
            where = f" (line {line})" if line else ""
            if "amplification" in detail or "entity" in detail.lower():
                self._fatal(
                    f"The file {self.name} uses XML entities in a way that could exhaust memory "
                    f"and was refused{where}: {detail}"
                )
            else:
                self._fatal(
                    f"The file {self.name} is not well-formed XML and may be truncated or "
                    f"damaged{where}: {detail}"
                )
            return
        except (etree.LxmlError, ValueError, MemoryError, RecursionError) as exc:
            self._fatal(f"The file {self.name} could not be read: {exc}")
            return
        if not seen_root:
            root_tag = _local(context.root.tag) if context.root is not None else ""
            found = f"its root element is <{root_tag}>" if root_tag else "it has no root element"
            self._fatal(f"The file {self.name} is not a CIN census: {found}")
            return
        if self.header.lea is None:
            self._fatal(f"The file {self.name} has no Header/Source/LEA, so the local authority is unknown")
        elif position == 0:
            self.problems.append(
                ReturnProblem(self.name, None, "Children", "The file has no <Child> records", "warning")
            )

    def read(self) -> CINReturn:
        """Read the whole file into memory (fine for one LA's return; use iteration for more)."""
        children = list(self)
        return CINReturn(self.path, self.header, children, self.problems)

    # -- header -----------------------------------------------------------------------------

    def _read_header(self, elem: Any) -> None:
        values: dict[str, str] = {}
        for sub in elem.iter():
            name = _local(sub.tag)
            if name in {"Collection", "Year", "ReferenceDate", "LEA"}:
                values[name] = _text(sub)
        collection = values.get("Collection")
        if collection is not None and collection.upper() != "CIN":
            self.problems.append(
                ReturnProblem(
                    self.name,
                    None,
                    "Collection",
                    f"The header says the collection is '{collection}', not CIN",
                    "warning",
                )
            )
        year = None
        if values.get("Year", "").isdigit():
            year = int(values["Year"])
        elif "Year" in values:
            self.problems.append(
                ReturnProblem(self.name, None, "Year", f"The header Year '{values['Year']}' is not a year")
            )
        reference = None
        if "ReferenceDate" in values:
            reference = parse_iso_date(values["ReferenceDate"])
            if reference is None:
                self.problems.append(
                    ReturnProblem(
                        self.name,
                        None,
                        "ReferenceDate",
                        f"The header ReferenceDate '{values['ReferenceDate']}' is not a real date",
                    )
                )
        lea = values.get("LEA") or None
        if lea is not None and not (lea.isdigit() and len(lea) == 3):
            self.problems.append(
                ReturnProblem(
                    self.name, None, "LEA", f"The header LEA '{lea}' is not a 3-digit LA code", "warning"
                )
            )
        self.header = CINHeader(lea=lea, collection=collection, year=year, reference_date=reference)

    # -- one child --------------------------------------------------------------------------

    def _read_child(self, elem: Any, position: int, seen_ids: dict[str, int]) -> CINChild | None:
        la_id: str | None = None
        sex: str | None = None
        birth_text: str | None = None
        expected_birth = False
        sex_element = None
        for sub in elem:
            if _local(sub.tag) != "ChildIdentifiers":
                continue
            for ident in sub:
                name = _local(ident.tag)
                if name == "LAchildID":
                    la_id = _text(ident) or None
                elif name in {"Sex", "GenderCurrent"}:
                    sex, sex_element = _text(ident) or None, name
                elif name == "PersonBirthDate":
                    birth_text = _text(ident) or None
                elif name == "ExpectedPersonBirthDate":
                    expected_birth = True
                tail = (ident.tail or "").strip()
                if tail:
                    who_so_far = f"Child {position}" + (f" (LAchildID {la_id})" if la_id else "")
                    self.problems.append(
                        ReturnProblem(
                            self.name,
                            la_id,
                            name,
                            f"{who_so_far}: stray text '{tail[:40]}' after <{name}> was ignored",
                            "warning",
                        )
                    )
        who = f"Child {position}" + (f" (LAchildID {la_id})" if la_id else "")
        label = la_id or f"Child {position}"
        if la_id is None:
            self._child_problem(who, label, "LAchildID", "has no LAchildID, so the child was skipped")
            return None
        ctx = _ChildContext(self, who, label)
        if la_id in seen_ids:
            ctx.warn(
                "LAchildID",
                f"the same LAchildID is also Child {seen_ids[la_id]}; each child should "
                "appear once, with one CINdetails per episode",
            )
        else:
            seen_ids[la_id] = position
        if sex is not None and sex not in SEX_CODES:
            ctx.warn(sex_element, f"{sex_element} '{sex}' is not one of the codes 0, 1, 2 or 9")
        birth = ctx.day(birth_text, "PersonBirthDate") if birth_text else None
        reference = self.header.reference_date
        age = _age(birth, reference) if birth and reference and birth <= reference else None
        episodes = tuple(
            ep for sub in elem if _local(sub.tag) == "CINdetails" for ep in [self._read_episode(sub, ctx)]
        )
        if not episodes:
            ctx.error("CINdetails", "has no CINdetails (episode of need)")
        return CINChild(
            key=self.pseudonymise(la_id),
            position=position,
            sex=sex,
            age_at_reference=age,
            unborn=birth is None and expected_birth,
            episodes=episodes,
            birth_date=birth if self.keep_birth_date else None,
        )

    def _read_episode(self, elem: Any, ctx: _ChildContext) -> CINEpisode:
        referral = closure = transfer_icpc = None
        nfa: bool | None = None
        nfa_seen = referral_seen = False
        assessments: list[Assessment] = []
        s47s: list[Section47] = []
        cpps: list[CPPlan] = []
        cin_plans: list[CINPlan] = []
        for sub in elem:
            name = _local(sub.tag)
            if name == "CINreferralDate":
                referral_seen = True
                referral = ctx.day(_text(sub), name)
            elif name == "CINclosureDate":
                closure = ctx.day(_text(sub), name)
            elif name == "DateOfInitialCPC":
                transfer_icpc = ctx.day(_text(sub), name)
            elif name == "ReferralNFA":
                nfa_seen = True
                nfa = ctx.boolean(_text(sub), name)
            elif name == "Assessments":
                fields = ctx.fields(sub, ("AssessmentActualStartDate", "AssessmentAuthorisationDate"))
                start = ctx.day(fields[0], "AssessmentActualStartDate")
                auth = ctx.day(fields[1], "AssessmentAuthorisationDate")
                ctx.order(start, auth, "AssessmentActualStartDate", "AssessmentAuthorisationDate")
                assessments.append(Assessment(start, auth))
            elif name == "Section47":
                fields = ctx.fields(sub, ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"))
                start = ctx.day(fields[0], "S47ActualStartDate")
                icpc = ctx.day(fields[1], "Section47/DateOfInitialCPC")
                if start and icpc and icpc < start:
                    ctx.warn(
                        "DateOfInitialCPC",
                        f"the ICPC ({icpc:%d/%m/%Y}) is before the S47 enquiry "
                        f"started ({start:%d/%m/%Y}); it is counted but not timed",
                    )
                not_required = ctx.boolean(fields[2], "ICPCnotRequired")
                s47s.append(Section47(start, icpc, not_required))
            elif name == "ChildProtectionPlans":
                fields = ctx.fields(
                    sub,
                    (
                        "CPPstartDate",
                        "CPPendDate",
                        "InitialCategoryOfAbuse",
                        "LatestCategoryOfAbuse",
                        "NumberOfPreviousCPP",
                    ),
                )
                start = ctx.day(fields[0], "CPPstartDate")
                end = ctx.day(fields[1], "CPPendDate")
                ctx.order(start, end, "CPPstartDate", "CPPendDate")
                previous = None
                if fields[4]:
                    if fields[4].isdigit():
                        previous = int(fields[4])
                    else:
                        ctx.error(
                            "NumberOfPreviousCPP",
                            f"NumberOfPreviousCPP '{fields[4][:20]}' is not a whole number",
                        )
                cpps.append(
                    CPPlan(
                        start,
                        end,
                        sys.intern(fields[2][:8]) if fields[2] else None,
                        sys.intern(fields[3][:8]) if fields[3] else None,
                        previous,
                    )
                )
            elif name == "CINPlanDates":
                fields = ctx.fields(sub, ("CINPlanStartDate", "CINPlanEndDate"))
                start = ctx.day(fields[0], "CINPlanStartDate")
                end = ctx.day(fields[1], "CINPlanEndDate")
                ctx.order(start, end, "CINPlanStartDate", "CINPlanEndDate")
                cin_plans.append(CINPlan(start, end))
        if not referral_seen:
            ctx.error("CINreferralDate", "a CINdetails has no CINreferralDate")
        if not nfa_seen:
            ctx.warn("ReferralNFA", "a CINdetails has no ReferralNFA; read as not NFA")
        ctx.order(referral, closure, "CINreferralDate", "CINclosureDate", fatal=True)
        return CINEpisode(
            referral,
            closure,
            nfa,
            transfer_icpc,
            tuple(assessments),
            tuple(s47s),
            tuple(cpps),
            tuple(cin_plans),
        )


class _ChildContext:
    """Checks one child's values and words the problems found."""

    __slots__ = ("reader", "who", "label")

    def __init__(self, reader: CINReader, who: str, label: str) -> None:
        self.reader, self.who, self.label = reader, who, label

    def error(self, element: str | None, message: str, fatal: bool = False) -> None:
        self.reader._child_problem(self.who, self.label, element, message, fatal=fatal)

    def warn(self, element: str | None, message: str) -> None:
        self.reader._child_problem(self.who, self.label, element, message, "warning")

    @staticmethod
    def fields(elem: Any, names: tuple[str, ...]) -> list[str]:
        found = dict.fromkeys(names, "")
        for sub in elem:
            name = _local(sub.tag)
            if name in found:
                found[name] = _text(sub)
        return [found[n] for n in names]

    def day(self, text: str, element: str) -> date | None:
        if not text:
            return None
        value = parse_iso_date(text)
        short = element.rsplit("/", 1)[-1]
        if value is None:
            self.error(short, f"{short} '{text[:30]}' is not a real date")
            return None
        if value > self.reader.today:
            self.error(short, f"{short} {value:%d/%m/%Y} is in the future", fatal=True)
        elif value < self.reader.earliest_plausible:
            self.warn(
                short,
                f"{short} {value:%d/%m/%Y} is implausibly early "
                f"(before {self.reader.earliest_plausible:%d/%m/%Y})",
            )
        return value

    def boolean(self, text: str, element: str) -> bool | None:
        if not text:
            return None
        lowered = text.lower()
        if lowered in _TRUE or lowered in _FALSE:
            value = lowered in _TRUE
            if lowered in {"0", "1"}:
                self.warn(
                    element,
                    f"{element} is '{text}'; read as {str(value).lower()} (the schema expects true or false)",
                )
            return value
        self.error(element, f"{element} '{text[:20]}' is not true or false")
        return None

    def order(
        self, start: date | None, end: date | None, start_name: str, end_name: str, fatal: bool = False
    ) -> None:
        if start and end and end < start:
            self.error(
                end_name, f"{end_name} {end:%d/%m/%Y} is before {start_name} {start:%d/%m/%Y}", fatal=fatal
            )


def read_cin(path: str | os.PathLike[str], **kwargs: Any) -> CINReturn:
    """Convenience: read a whole CIN census file. See :class:`CINReader` for the arguments."""
    return CINReader(path, **kwargs).read()


__all__ = [
    "Assessment",
    "CINChild",
    "CINEpisode",
    "CINHeader",
    "CINPlan",
    "CINReader",
    "CINReturn",
    "CPPlan",
    "Section47",
    "read_cin",
]
