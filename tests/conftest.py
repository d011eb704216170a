import os

import pytest

os.environ.setdefault("MASA_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; Django's live server is fine with it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo(db):
    """The three demo partnerships, loaded as `make demo` loads them."""
    from masa.demo.loader import load_demo

    return load_demo()
