"""Uploads go to a private folder per test, checked empty afterwards (files are always deleted)."""

import pytest


@pytest.fixture(autouse=True)
def _private_upload_area(settings, tmp_path):
    folder = tmp_path / "return-uploads"
    settings.MASA_RETURN_UPLOAD_DIR = str(folder)
    yield folder
    leftovers = [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
    assert not leftovers, f"uploaded files were left behind: {leftovers}"
