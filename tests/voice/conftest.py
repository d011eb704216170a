"""The voice test world (tests/voice/world.py), built once per test module."""

import pytest

from tests.module_db import module_transaction
from tests.voice.world import make_world


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    """Built once for the module; each test's changes roll back with the test."""
    with module_transaction(django_db_blocker):
        yield make_world("voice")


@pytest.fixture
def w(_world, db):
    for record in (_world.activity, _world.published, _world.draft):
        record.refresh_from_db()
    return _world
