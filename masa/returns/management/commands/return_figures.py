"""Print a partnership's safeguarding indicators for a collection year, from its imported returns."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.partnership.models import Partnership
from masa.returns.readers import CollectionYear
from masa.returns.readers.indicators import INDICATORS
from masa.returns.readers.leaving_out import left_out_text
from masa.returns.selectors import indicators_for, la_codes_for


class Command(BaseCommand):
    help = (
        "Compute every indicator for a partnership and collection year from its imported CIN census "
        "and SSDA903 returns (partnership figures are sums of numerators over sums of denominators)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--partnership", required=True, help="The partnership's slug")
        parser.add_argument("--year", required=True, help="The collection year, like 2023-24")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership with the slug '{options['partnership']}'")
        try:
            year = CollectionYear.parse(options["year"]).label
        except ValueError as error:
            raise CommandError(f"Give the year like 2023-24: {error}") from error
        la_codes = la_codes_for(partnership, year)
        if not la_codes:
            raise CommandError(f"No returns have been imported for {year} in {partnership.slug}")
        results = indicators_for(partnership, year)
        if options["format"] == "json":
            data = {
                ind_id: {
                    **{key: result[key] for key in ("numerator", "denominator", "value")},
                    "children_left_out": result.get("children_left_out", 0),
                }
                for ind_id, result in results.items()
            }
            self.stdout.write(json.dumps(data, indent=2))
            return
        self.stdout.write(f"{partnership.name}, {year}, LA {', '.join(la_codes)}")
        for ind_id, result in results.items():
            value = "-" if result["value"] is None else str(result["value"])
            if result["denominator"] is not None:
                value += f"  ({result['numerator']} / {result['denominator']})"
            line = f"{INDICATORS[ind_id].title:<66} {value}"
            if result["reason"]:
                line += f"  [{result['reason']}]"
            if result.get("children_left_out"):
                line += f"  [{left_out_text(result['children_left_out'])}]"
            self.stdout.write(line)
