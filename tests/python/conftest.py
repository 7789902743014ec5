"""Fixtures for the Python API tests: the repository root, the bundled examples, the built CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"


def _find_cli() -> Optional[str]:
    """``NEWSGRAPH_BIN``, else the newest built binary under ``target/``, else ``newsgraph`` on PATH."""
    env = os.environ.get("NEWSGRAPH_BIN")
    if env:
        return env
    built = [ROOT / "target" / p / "newsgraph" for p in ("debug", "release")]
    built = [b for b in built if b.is_file()]
    if built:
        return str(max(built, key=lambda b: b.stat().st_mtime))
    return shutil.which("newsgraph")


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess]:
    """Runs the ``newsgraph`` binary from the repository root."""
    binary = _find_cli()
    if binary is None:
        pytest.skip("the newsgraph binary is not built (cargo build -p newsgraph-cli)")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [binary, *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL
        )

    return run


@pytest.fixture(scope="session")
def example_texts() -> List[Path]:
    """The bundled plain-text example articles."""
    return sorted(EXAMPLES.glob("*.txt"))
