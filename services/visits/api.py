"""Visits HTTP API."""
from __future__ import annotations

blueprints: list = []
