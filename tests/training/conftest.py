import pytest

from tests.module_db import module_transaction
from tests.training.world import make_world


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    """Built once for the module; each test's changes roll back with the test."""
    with module_transaction(django_db_blocker):
        yield make_world("tr"), make_world("tr-other")


@pytest.fixture
def w(_world, db):
    return _world[0]


@pytest.fixture
def other(_world, db):
    """A second partnership, to prove one partnership never sees another's training."""
    return _world[1]
