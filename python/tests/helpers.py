"""Shared fixtures for the khabar Python tests: the invented articles under tests/c/data."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "c" / "data"
FIXTURES = sorted(DATA.glob("*.txt"))


def texts():
    """(name, text) for every fixture article."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in FIXTURES]
