"""found_or_404: the one way a view turns "not found in your scope" into a 404."""

import pytest
from django.http import Http404

from masa.core.shortcuts import found_or_404


def test_a_found_record_is_returned_as_it_is():
    record = object()
    assert found_or_404(record) is record


def test_falsy_but_found_values_are_not_missing():
    assert found_or_404(0) == 0
    assert found_or_404("") == ""


def test_missing_is_a_404_that_reveals_nothing():
    with pytest.raises(Http404, match="Not found in this partnership"):
        found_or_404(None)
    with pytest.raises(Http404, match="No such published briefing"):
        found_or_404(None, "No such published briefing")
