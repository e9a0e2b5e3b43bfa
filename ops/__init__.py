"""The operators' tooling: the `zhuyu` command line and what its commands drive (accounts,
backups, republishing, dead letters, health, the demo city, `zhuyu run`).

It sits above the services and the gateway, which it starts and reads, and nothing below
imports it; `kit/` stays the plumbing they all share.
"""
