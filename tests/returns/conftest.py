"""Uploads go to a private folder per test, checked empty afterwards (files are always deleted);
the synthetic sample returns are written once per session."""

import pytest

from masa.demo.sample_returns import Samples, write_samples


@pytest.fixture(autouse=True)
def _private_upload_area(settings, tmp_path):
    folder = tmp_path / "return-uploads"
    settings.MASA_RETURN_UPLOAD_DIR = str(folder)
    yield folder
    leftovers = [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
    assert not leftovers, f"uploaded files were left behind: {leftovers}"


@pytest.fixture(scope="session")
def samples(tmp_path_factory) -> Samples:
    """The synthetic sample returns of masa.demo.sample_returns, written once per test session."""
    return write_samples(tmp_path_factory.mktemp("sample-returns"))
