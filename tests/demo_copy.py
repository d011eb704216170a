"""A copy of the rows a loader added, to paste into later test modules' databases."""

from collections.abc import Callable
from typing import Any


class DemoCopy:
    """The rows the demo loader added, per model, and the logins it returned."""

    def __init__(self, load: Callable[[], Any]) -> None:
        from django.apps import apps

        models = [
            m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy
        ]
        before = {m: set(m._base_manager.values_list("pk", flat=True)) for m in models}
        self.logins = load()
        self.rows = []
        for model in models:
            added = [obj for obj in model._base_manager.all() if obj.pk not in before[model]]
            if added:
                self.rows.append((model, added))

    def paste(self) -> Any:
        """Insert the rows as they were (raw, so timestamps are kept), then move each sequence on
        past the copied keys (PostgreSQL)."""
        from django.core.management.color import no_style
        from django.db import connection, transaction

        # One transaction, so the foreign keys (deferred) are checked once every row is in.
        with transaction.atomic():
            for model, objs in self.rows:
                # A child model (a rapid review is a review) inserts only its own table's
                # columns: the parent's rows are copied as the parent model's.
                fields = model._meta.local_concrete_fields
                size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
                for start in range(0, len(objs), size):
                    model._base_manager._insert(objs[start : start + size], fields=fields, raw=True)
            reset = connection.ops.sequence_reset_sql(no_style(), [model for model, _ in self.rows])
            with connection.cursor() as cursor:
                for sql in reset:
                    cursor.execute(sql)
        return self.logins
