"""Import one LA's CIN census or SSDA903 return for a collection year (all or nothing)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.core.actors import SystemActor
from masa.partnership.models import Partnership
from masa.returns.readers import ReturnProblem
from masa.returns.readers.leaving_out import children_text
from masa.returns.services import ImportRefused, return_import

#: Problems listed on the terminal; the rest are counted (and, on success, kept on the import).
SHOWN = 200
ACTOR = SystemActor("masa: command import_return")


def describe(problem: ReturnProblem) -> str:
    where = ", ".join(
        part
        for part in (
            problem.file or None,
            f"child {problem.child}" if problem.child else None,
            problem.element,
        )
        if part
    )
    label = "warning" if problem.severity == "warning" else "error"
    return f"{label}: {where + ': ' if where else ''}{problem.message}"


class Command(BaseCommand):
    help = (
        "Import a CIN census (one XML file) or SSDA903 return (its CSV tables) for one local "
        "authority and collection year. A file with fatal problems saves nothing, unless "
        "--exclude-invalid-children leaves out the children they are about."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["cin", "ssda903"])
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--partnership", required=True, help="The partnership's slug")
        parser.add_argument("--la-code", help="The 3-digit DfE LA code (default: the partnership's)")
        parser.add_argument("--year", required=True, help="The collection year, like 2023-24")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace an earlier import of the same year (the earlier one is kept in the history)",
        )
        parser.add_argument(
            "--population", type=int, help="Also record the LA's 0-17 population for the year"
        )
        parser.add_argument(
            "--exclude-invalid-children",
            action="store_true",
            help=(
                "Import a return refused only because of problems attached to particular children "
                "(a date in the future, an episode ending before it starts) without those children: "
                "they are left out of every figure and listed with the import. Problems with the "
                "file itself still refuse it."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership with the slug '{options['partnership']}'")
        la_code = options.get("la_code") or partnership.la_code
        if not la_code:
            raise CommandError("Give the LA's 3-digit DfE code with --la-code (the partnership has none)")
        try:
            imported = return_import(
                actor=ACTOR,
                partnership=partnership,
                la_code=la_code,
                year=options["year"],
                kind=options["kind"],
                paths=options["paths"],
                replace=options["replace"],
                population=options.get("population"),
                leave_out_children=options["exclude_invalid_children"],
            )
        except ImportRefused as refused:
            for problem in refused.problems[:SHOWN]:
                self.stderr.write(describe(problem))
            if len(refused.problems) > SHOWN:
                self.stderr.write(f"... and {len(refused.problems) - SHOWN} more problems")
            hint = ""
            if refused.children_to_leave_out and not options["exclude_invalid_children"]:
                hint = (
                    f" To import the rest without these {children_text(refused.children_to_leave_out)}, "
                    "run the command again with --exclude-invalid-children."
                )
            raise CommandError(f"{refused.message}. Nothing was saved.{hint}") from refused
        counts = imported.counts
        if imported.kind == "cin":
            what = f"{counts['children']} children, {counts['episodes']} episodes of need"
        else:
            tables = ", ".join(f"{name} ({rows} rows)" for name, rows in sorted(counts["tables"].items()))
            what = f"{counts['episodes']} episodes; tables: {tables}"
        for problem in imported.problems[:SHOWN]:
            self.stderr.write(describe(ReturnProblem(**problem_fields(problem))))
        self.stdout.write(
            f"Imported the {imported.get_kind_display()} {imported.year} for LA {imported.la_code}: {what}. "
            f"{counts['errors']} error(s) and {counts['warnings']} warning(s) are kept with the import."
        )
        if imported.children_left_out_count:
            self.stdout.write(f"{imported.children_left_out_text}:")
            for child in imported.children_left_out[:SHOWN]:
                for problem in child["problems"]:
                    where = ", ".join(part for part in (problem.get("file"), problem.get("element")) if part)
                    self.stdout.write(f"  child {child['child_key'][:8]}: {where}: {problem['message']}")
            if imported.children_left_out_count > SHOWN:
                self.stdout.write(f"  ... and {children_text(imported.children_left_out_count - SHOWN)} more")


def problem_fields(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        "file": stored.get("file") or "",
        "child": stored.get("child"),
        "element": stored.get("element"),
        "message": stored.get("message", ""),
        "severity": stored.get("severity", "error"),
    }
