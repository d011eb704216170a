"""Rows a whole test module shares, written once rather than before every test."""

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def module_transaction(django_db_blocker) -> Iterator[None]:
    """A transaction kept open for a module-scoped fixture and rolled back after the module.

    A module-scoped fixture is set up before any test's own database transaction, so what it
    writes here sits under every test's savepoint: each test sees it, and what a test changes
    rolls back with that test.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
