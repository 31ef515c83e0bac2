"""Child processes for tests and benchmarks."""

from __future__ import annotations

import subprocess


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate ``proc`` if it still runs; kill it when it has not ended within ten seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
