"""Loads Hounslow's made-up 2023-24 CIN census and SSDA903 return into the demo.

The files are written by :mod:`masa.demo.returns_generator` into a temporary directory and
imported through the real service (:func:`masa.returns.services.return_import`), so the
demo's indicators are computed exactly as a real import's would be. Idempotent: if Hounslow
already has an active import of either kind for 2023-24, that kind is not imported again.
"""

from __future__ import annotations

import tempfile
from datetime import date

from masa.demo.actor import DEMO_LOADER
from masa.demo.returns_generator import LA_CODE, YEAR, generate_returns
from masa.partnership.models import Partnership
from masa.returns.models import ImportStatus, ReturnImport, ReturnKind
from masa.returns.services import population_set, return_import

PARTNERSHIP_SLUG = "hounslow"
CHILDREN_0_17 = 68_630  # Hounslow 2023-24 yearly report
# The imports are dated as if made after the census was returned, not on the day of loading.
IMPORTED_ON = date(2024, 6, 3)


def load_returns_demo() -> None:
    partnership = Partnership.objects.filter(slug=PARTNERSHIP_SLUG).first()
    if partnership is None:
        return
    active = set(
        ReturnImport.objects.filter(
            partnership=partnership, la_code=LA_CODE, year=YEAR, status=ImportStatus.ACTIVE
        ).values_list("kind", flat=True)
    )
    if {ReturnKind.CIN, ReturnKind.SSDA903} - active:
        with tempfile.TemporaryDirectory(prefix="masa-demo-returns-") as directory:
            files = generate_returns(directory)
            wanted = ((ReturnKind.CIN, [files.cin]), (ReturnKind.SSDA903, files.ssda903))
            for kind, paths in wanted:
                if kind in active:
                    continue
                return_import(
                    actor=DEMO_LOADER,
                    partnership=partnership,
                    la_code=LA_CODE,
                    year=YEAR,
                    kind=kind,
                    paths=paths,
                    today=IMPORTED_ON,
                )
    population_set(
        actor=DEMO_LOADER, partnership=partnership, la_code=LA_CODE, year=YEAR, children_0_17=CHILDREN_0_17
    )
