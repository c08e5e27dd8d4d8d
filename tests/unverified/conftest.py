"""Fixtures for the unverified-claims tests: the seed body as the extractor produces it."""

from __future__ import annotations

import pytest


def seed_body_of(seed_text: str) -> str:
    """The article body: the lines from "UN Secretary-General…" to "…said Dujarric.", joined by
    blank lines as the extractor joins paragraphs."""
    lines = [line.strip() for line in seed_text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("UN Secretary-General"))
    end = next(i for i, line in enumerate(lines) if line.endswith("said Dujarric."))
    return "\n\n".join(line for line in lines[start : end + 1] if line)


@pytest.fixture(scope="session")
def seed_body(seed_text: str) -> str:
    return seed_body_of(seed_text)
