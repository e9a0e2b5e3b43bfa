"""The probe consumer as its own process, as it runs in production (no shared GIL)."""
from __future__ import annotations

import os
import signal
import threading

from testkit import probe

if __name__ == "__main__":
    store = probe.make_store(os.environ["PROBE_DATABASE_URL"])
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    probe.consumer(store, {"probe.thing.happened": probe.record_effect}).run(stop)
