"""The examples in the public API's docstrings run and give what they show (from the project folder, where
seeds/ is)."""

from __future__ import annotations

import doctest
import os

import pytest
from conftest import ROOT

import kg.api
import kg.query


@pytest.mark.parametrize("module", [kg.api, kg.query], ids=lambda m: m.__name__)
def test_docstring_examples_run(module, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
    assert os.getcwd() == str(ROOT)
