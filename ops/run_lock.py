"""One `zhuyu run` per folder: a second one says so and exits instead of starting a half
suite beside the first (its web processes could not bind their ports while its relays and
consumers ran next to the first one's).

The lock is an advisory `flock` on `<var dir>/run.lock`, held for the life of the process:
the kernel releases it however the process ends, so a crashed run never blocks the next.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

LOCK_NAME = "run.lock"


class AlreadyRunning(Exception):
    def __init__(self, path: Path, pid: str):
        self.path, self.pid = path, pid
        super().__init__(f"the suite is already running from this folder (pid {pid or 'unknown'}, lock {path}); "
                         "stop it first (Ctrl-C in its terminal), or set ZHUYU_VAR_DIR to run another copy")


def acquire(var_dir: Path) -> IO[str]:
    """Take the folder's run lock and return its open file (keep it open while running)."""
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / LOCK_NAME
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        pid = handle.read().strip()
        handle.close()
        raise AlreadyRunning(path, pid) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle
