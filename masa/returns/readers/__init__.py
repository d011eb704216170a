"""Readers for statutory children's social care returns and the indicators computed from them.

Pure Python (lxml for XML, csv for the 903 tables): no Django imports here. Storage, the
import command and the pages come later and build on these pieces.

- :mod:`.cin` streams the CIN census XML into small per-child records.
- :mod:`.ssda903` reads the SSDA903 CSV tables and merges years.
- :mod:`.indicators` computes the LSCP indicators and combines LAs into a partnership.
"""

from .cin import CINChild, CINEpisode, CINHeader, CINReader, CINReturn, read_cin
from .common import CollectionYear, ReturnProblem, hmac_pseudonymiser
from .indicators import DEFAULT_OPTIONS, INDICATORS, IndicatorOptions, combine, compute_indicators
from .ssda903 import SSDA903Return, merge_episodes, read_903_table, read_903_years

__all__ = [
    "DEFAULT_OPTIONS",
    "INDICATORS",
    "CINChild",
    "CINEpisode",
    "CINHeader",
    "CINReader",
    "CINReturn",
    "CollectionYear",
    "IndicatorOptions",
    "ReturnProblem",
    "SSDA903Return",
    "combine",
    "compute_indicators",
    "hmac_pseudonymiser",
    "merge_episodes",
    "read_903_table",
    "read_903_years",
    "read_cin",
]
