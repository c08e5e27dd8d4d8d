"""Fixtures for every test package: the seed article and its expected findings (``tests/data``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.data import EXTRACTION_DIR, SEED_DIR

ROOT = Path(__file__).resolve().parent.parent
__all__ = ["EXTRACTION_DIR", "ROOT", "SEED_DIR"]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "un-kazakhstan-2022-01-07.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[object]:
    """One Playwright for the whole run: its sync API keeps an event loop running while it lives,
    so a second ``sync_playwright()`` opened by another test package would refuse to start."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p
