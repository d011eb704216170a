"""The indicators masa computes from statutory returns, as catalogue entries.

Definitions: docs/indicators.md, "5. Indicator definitions".

Pure data, no Django: the "Add the DfE-defined indicators" button and the demo data both read it.
Ids match masa.returns.readers.indicators.INDICATORS. Units are the catalogue's unit codes
(count, percent, rate_10k), polarity is higher / lower / neither. `dfe_defined` follows
docs/indicators.md, "7. DfE-defined and local indicators in the catalogue": two of the 21
(s47_to_icpc_pct and cp_second_2yrs_pct) are derived or local measures, not published DfE figures.
"""

from typing import TypedDict


class CatalogueEntry(TypedDict):
    code: str
    title: str
    definition: str
    formula: str
    unit: str
    polarity: str
    frequency: str
    dfe_defined: bool


def _entry(
    code: str, title: str, definition: str, formula: str, unit: str, polarity: str, dfe_defined: bool = True
) -> CatalogueEntry:
    return {
        "code": code,
        "title": title,
        "definition": definition,
        "formula": formula,
        "unit": unit,
        "polarity": polarity,
        "frequency": "yearly",
        "dfe_defined": dfe_defined,
    }


POP = "children aged 0-17 (ONS mid-year estimate) × 10,000"

DFE_CATALOGUE: list[CatalogueEntry] = [
    _entry(
        "referrals_rate",
        "Referrals per 10,000 children",
        "Referrals to children's social care in the year (1 April to 31 March), including referrals "
        "with no further action, for every 10,000 children living in the area.",
        f"Referrals in year ÷ {POP}",
        "rate_10k",
        "neither",
    ),
    _entry(
        "re_referrals_pct",
        "Re-referrals within 12 months (%)",
        "Referrals in the year for a child who had been referred in the 12 months before.",
        "Referrals in year with an earlier referral in the previous 12 months ÷ referrals in year × 100",
        "percent",
        "lower",
    ),
    _entry(
        "assessments_45wd_pct",
        "Assessments completed within 45 working days (%)",
        "Assessments authorised in the year that took 45 working days or fewer from their start "
        "(Working Together 2023 sets 45 working days).",
        "Assessments authorised in year within 45 working days ÷ assessments authorised in year × 100",
        "percent",
        "higher",
    ),
    _entry(
        "s47_rate",
        "Section 47 enquiries per 10,000 children",
        "Child protection enquiries (Children Act 1989 section 47) started in the year, for every "
        "10,000 children.",
        f"Section 47 enquiries started in year ÷ {POP}",
        "rate_10k",
        "neither",
    ),
    _entry(
        "s47_to_icpc_pct",
        "Section 47 enquiries leading to an ICPC (%)",
        "Section 47 enquiries started in the year that led to an initial child protection conference. "
        "A local measure: the DfE publishes the two counts, not this percentage.",
        "Section 47 enquiries started in year with an ICPC ÷ section 47 enquiries started in year × 100",
        "percent",
        "neither",
        dfe_defined=False,
    ),
    _entry(
        "icpc_15wd_pct",
        "ICPCs within 15 working days of the S47 start (%)",
        "Initial child protection conferences in the year held within 15 working days of the start of "
        "the section 47 enquiry.",
        "ICPCs in year within 15 working days ÷ ICPCs in year × 100",
        "percent",
        "higher",
    ),
    _entry(
        "cp_rate_31mar",
        "Children on a CP plan per 10,000 at 31 March",
        "Children on a child protection plan at the end of 31 March, for every 10,000 children.",
        f"Children on a CP plan at 31 March ÷ {POP}",
        "rate_10k",
        "neither",
    ),
    _entry(
        "cp_second_pct",
        "CP plans that are second or subsequent (%)",
        "Children who started a child protection plan in the year and had been on a plan before, "
        "however long ago.",
        "Children starting a plan in year with a previous plan ÷ children starting a plan in year × 100",
        "percent",
        "lower",
    ),
    _entry(
        "cp_second_2yrs_pct",
        "CP plans second or subsequent within 2 years (%)",
        "Children who started a child protection plan in the year and had a previous plan that ended "
        "in the 2 years before. A local measure: no DfE table is known for it.",
        "Children starting a plan in year with a plan ended in the previous 2 years ÷ "
        "children starting a plan in year × 100",
        "percent",
        "lower",
        dfe_defined=False,
    ),
    _entry(
        "cp_ended_2yrs_pct",
        "CP plans ended in year that lasted 2 years or more (%)",
        "Child protection plans that ended in the year after lasting 2 years or more.",
        "Plans ended in year lasting 2 years or more ÷ plans ended in year × 100",
        "percent",
        "lower",
    ),
    _entry(
        "cin_rate_31mar",
        "Children in need per 10,000 at 31 March",
        "Children in need at the end of 31 March (including children on a plan and looked after), "
        "for every 10,000 children.",
        f"Children in need at 31 March ÷ {POP}",
        "rate_10k",
        "neither",
    ),
    _entry(
        "cla_rate_31mar",
        "Children looked after per 10,000 at 31 March",
        "Children looked after at the end of 31 March, not counting agreed series of short breaks, "
        "for every 10,000 children.",
        f"Children looked after at 31 March ÷ {POP}",
        "rate_10k",
        "neither",
    ),
    _entry(
        "placement_3plus_pct",
        "Children looked after with 3 or more placements in year (%)",
        "Children looked after at 31 March who had 3 or more placements during the year.",
        "Children looked after at 31 March with 3 or more placements in year ÷ "
        "children looked after at 31 March × 100",
        "percent",
        "lower",
    ),
    _entry(
        "long_term_stability_pct",
        "Long-term placement stability (%)",
        "Children under 16 looked after for 2 and a half years or more who have lived in the same "
        "placement for at least 2 years, or are placed for adoption.",
        "Children in the cohort in the same placement 2 years or more ÷ children in the cohort × 100",
        "percent",
        "higher",
    ),
    _entry(
        "uasc_31mar",
        "Unaccompanied asylum-seeking children looked after at 31 March",
        "Children looked after at 31 March who are unaccompanied asylum-seeking children.",
        "Count of unaccompanied asylum-seeking children looked after at 31 March",
        "count",
        "neither",
    ),
    _entry(
        "referrals",
        "Referrals in year",
        "Referrals to children's social care in the year (1 April to 31 March).",
        "Count of referrals in year",
        "count",
        "neither",
    ),
    _entry(
        "s47",
        "Section 47 enquiries started in year",
        "Child protection enquiries (Children Act 1989 section 47) started in the year.",
        "Count of section 47 enquiries started in year",
        "count",
        "neither",
    ),
    _entry(
        "icpc",
        "Initial child protection conferences in year",
        "Initial child protection conferences held in the year.",
        "Count of ICPCs in year",
        "count",
        "neither",
    ),
    _entry(
        "cp_31mar",
        "Children on a CP plan at 31 March",
        "Children on a child protection plan at the end of 31 March.",
        "Count of children on a CP plan at 31 March",
        "count",
        "neither",
    ),
    _entry(
        "cin_31mar",
        "Children in need at 31 March",
        "Children in need at the end of 31 March, including children on a plan and looked after.",
        "Count of children in need at 31 March",
        "count",
        "neither",
    ),
    _entry(
        "cla_31mar",
        "Children looked after at 31 March",
        "Children looked after at the end of 31 March, not counting agreed series of short breaks.",
        "Count of children looked after at 31 March",
        "count",
        "neither",
    ),
]

DFE_CODES: tuple[str, ...] = tuple(entry["code"] for entry in DFE_CATALOGUE)
