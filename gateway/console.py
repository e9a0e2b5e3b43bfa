"""The staff web console (工作台) at /console/: the files built by `make console` from
`console/`, served from the gateway so the console shares the API's origin and its auth.

The pages and assets need no credentials (the front lets GET /console… through); every
call the console makes to /api/v1 carries the user's bearer token.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Blueprint, Response, jsonify, redirect, send_from_directory
from werkzeug.exceptions import NotFound

from kit.settings import env, timezone_name
from kit.web import problem

PREFIX = "/console"
# Built files carry a content hash in their names under assets/, so they may be cached for long.
HASHED = "assets/"
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
         ".json": "application/json", ".woff2": "font/woff2", ".map": "application/json", ".ico": "image/x-icon",
         ".png": "image/png", ".html": "text/html"}


def built_dir() -> Path:
    """`ZHUYU_CONSOLE_DIR`, else `console/dist` of this checkout."""
    return Path(env.str("ZHUYU_CONSOLE_DIR", "") or Path(__file__).resolve().parent.parent / "console" / "dist")


def console_settings() -> dict:
    """What the console needs before anyone logs in: the deployment's time zone, to show
    local days. The visit limits it shows come from the visits service (`/visits/rules`)."""
    return {"timezone": timezone_name()}


def blueprint() -> Blueprint:
    console = Blueprint("console", __name__)
    root = built_dir()
    settings = console_settings()

    def _send(name: str) -> Response:
        if any(part.startswith(".") for part in name.split("/")):
            return problem(404, "NOT_FOUND", f"No console file {name}.")
        if not root.is_dir():
            return problem(404, "NOT_FOUND", "The console is not built; run `make console`.")
        # send_from_directory refuses any path that leaves the directory, as not found.
        try:
            response = send_from_directory(root, name, mimetype=TYPES.get(Path(name).suffix.lower())
                                           or mimetypes.guess_type(name)[0] or "application/octet-stream")
        except NotFound:
            return problem(404, "NOT_FOUND", f"No console file {name}.")
        if name.startswith(HASHED):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = 31536000
            response.cache_control.immutable = True
        else:
            response.cache_control.no_cache = True
        return response

    @console.get(PREFIX)
    def console_root():
        return redirect(PREFIX + "/", code=308)

    @console.get(PREFIX + "/")
    def console_index():
        return _send("index.html")

    @console.get(PREFIX + "/settings.json")
    def console_config():
        return jsonify(settings)

    @console.get(PREFIX + "/<path:name>")
    def console_asset(name: str):
        return _send(name)

    return console


def register(app) -> None:
    app.register_blueprint(blueprint())
