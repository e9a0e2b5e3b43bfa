"""Shared plumbing of the Zhuyu services: settings, app factory, problem+json errors,
the CloudEvent envelope, bus topology, outbox relay, inbox consumer and logging.

No domain rule lives here; every service imports what it needs from this kit.
"""
