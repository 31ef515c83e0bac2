"""Where the Node tools and Chromium the end-to-end tests need are, and skipping without them.

`scripts/setup-node` installs them: the npm packages pinned in ``tools/package-lock.json`` into
``tools/node_modules`` and Debian's ``chromium``. Without them these tests skip and say why;
``.ci/run`` sets ``ARENDEBOT_REQUIRE_NODE_TOOLS=1`` so that there they fail instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "tools"
NODE_MODULES = Path(os.environ.get("ARENDEBOT_NODE_MODULES", TOOLS / "node_modules"))
SETUP_HINT = "run scripts/setup-node (npm packages in tools/, Debian chromium)"


def required() -> bool:
    """True in CI, where a missing tool is a failure rather than a skip."""
    return os.environ.get("ARENDEBOT_REQUIRE_NODE_TOOLS") == "1"


def missing(what: str) -> None:
    """Skip the test (or fail it in CI) because ``what`` is not installed."""
    message = f"{what} is not installed; {SETUP_HINT}"
    if required():
        pytest.fail(f"ARENDEBOT_REQUIRE_NODE_TOOLS=1 but {message}")
    pytest.skip(message)


def node() -> str:
    """The ``node`` executable."""
    found = shutil.which("node")
    if not found:
        missing("Node.js (node)")
    return str(found)


def package_dir(name: str) -> Path:
    """The folder of an npm package installed in tools/node_modules."""
    folder = NODE_MODULES / name
    if not (folder / "package.json").is_file():
        missing(f"the npm package {name}")
    return folder


def chromium() -> str:
    """Debian's Chromium (or ``ARENDEBOT_CHROMIUM``)."""
    candidates = [os.environ.get("ARENDEBOT_CHROMIUM"), "/usr/bin/chromium", "chromium"]
    for candidate in filter(None, candidates):
        found = shutil.which(candidate)
        if found:
            return found
    missing("Chromium (Debian package chromium)")
    raise AssertionError("unreachable")
