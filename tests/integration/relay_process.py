"""A relay for the probe store as its own process, so a test can SIGKILL it."""
from __future__ import annotations

import os
import signal
import threading

from testkit import probe

if __name__ == "__main__":
    store = probe.make_store(os.environ["PROBE_DATABASE_URL"])
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    probe.relay(store).run(stop)
