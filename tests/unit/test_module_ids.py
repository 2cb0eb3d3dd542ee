"""Module ids: two digits as printed, more without a leading zero once a KB passes 99 modules."""

from __future__ import annotations

import re

import pytest

from wijkmodulen.model.common import MODULE_ID


@pytest.mark.parametrize("identifier", ["wmw-06", "iow-11", "wmw-99", "wmw-100", "iow-112", "wmw-25620"])
def test_valid_module_ids(identifier: str) -> None:
    assert re.match(MODULE_ID, identifier)


@pytest.mark.parametrize("identifier", ["wmw-6", "wmw-006", "wmw-0112", "abc-12", "wmw-12a", "wmw-"])
def test_invalid_module_ids(identifier: str) -> None:
    assert not re.match(MODULE_ID, identifier)
