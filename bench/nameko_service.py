"""The nameko side of `bench/nameko_peer.py`, run by nameko's own interpreter (it imports
nothing from the project): a service whose event handler stores each event it receives
in PostgreSQL, and, run as a script, a standalone publisher of N events.

  nameko run --config CONFIG nameko_service      the handler
  python nameko_service.py AMQP_URI N            publish N events, print the seconds taken
"""
from __future__ import annotations

import os
import sys
import time
import uuid

SOURCE, TYPE = "bench_publisher", "thing_happened"
_connection = None


def connection():
    global _connection
    if _connection is None:
        import psycopg

        _connection = psycopg.connect(os.environ["PEER_DATABASE_URL"], autocommit=True)
    return _connection


try:
    from nameko.events import event_handler
except ImportError:  # imported by the project's interpreter: only the constants matter
    event_handler = None

if event_handler is not None:
    class Recorder:
        name = "bench_recorder"

        @event_handler(SOURCE, TYPE)
        def record(self, payload):
            # One row per event, idempotent on the event's id (a redelivery stores nothing).
            connection().execute("INSERT INTO effects (event_id, n) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                                 (payload["id"], payload["n"]))


def publish(amqp_uri: str, n: int) -> float:
    from nameko.standalone.events import event_dispatcher

    dispatch = event_dispatcher({"AMQP_URI": amqp_uri})
    started = time.perf_counter()
    for i in range(n):
        dispatch(SOURCE, TYPE, {"id": str(uuid.uuid4()), "n": i})
    return time.perf_counter() - started


if __name__ == "__main__":
    print(publish(sys.argv[1], int(sys.argv[2])))
