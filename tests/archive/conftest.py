"""Shared fixtures for the archive tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.archive.pipeline import InlineExecutor


@pytest.fixture
def inline() -> InlineExecutor:
    """Parse in this process: deterministic and quick for small inputs."""
    return InlineExecutor()


@pytest.fixture
def seeds(samples_dir: Path) -> Path:
    return samples_dir / "seeds"
