from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the reference article ../shared/seed is not beside the checkout")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
