"""What any service built by the kit's app factory does with bodies it cannot read, and the
access line it writes for each request."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import marshmallow as ma
import pytest
from flask_smorest import Blueprint

from kit import jsonbody
from kit.access import EVERYONE, access
from kit.db import Store
from kit.logs import JsonFormatter
from kit.web import create_app
from tests.callers import ADMIN


class NoteIn(ma.Schema):
    text = ma.fields.String(required=True)
    extra = ma.fields.Raw()


@pytest.fixture
def client(tmp_path):
    notes = Blueprint("notes", __name__)

    @notes.post("/notes/<note_id>")
    @access(EVERYONE)
    @notes.arguments(NoteIn)
    def post_note(body, note_id):
        return {"id": note_id, "text": body["text"]}

    app = create_app("probe", Store(f"sqlite:///{tmp_path / 'probe.db'}", Path(tmp_path)), [notes], None, None)
    return app.test_client()


def nested(depth: int) -> str:
    return '{"text": "x", "extra": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("body", [
    nested(5000),
    nested(100_000),
    '{"text": "\\ud800"}',
    '{"\\udfff": 1, "text": "x"}',
    '{"text": "x", "extra": NaN}',
    b'{"text": "\xff"}',
    '{"text": ',
])
def test_a_body_that_cannot_be_read_is_400_malformed_request(client, body):
    response = client.post("/notes/n1", data=body, headers=ADMIN | {"Content-Type": "application/json"})
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == "MALFORMED_REQUEST"


def test_pairs_of_surrogates_and_reasonable_nesting_are_read(client):
    body = '{"text": "\\ud83d\\ude00 老人", "extra": ' + "[" * 20 + "]" * 20 + "}"
    response = client.post("/notes/n1", data=body, headers=ADMIN | {"Content-Type": "application/json"})
    assert response.status_code == 200 and response.get_json()["text"] == "😀 老人"


def test_media_types_are_case_insensitive(client):
    response = client.post("/notes/n1", data=json.dumps({"text": "x"}), headers=ADMIN | {"Content-Type": "APPLICATION/JSON"})
    assert response.status_code == 200


def test_the_decoder_refuses_what_it_cannot_read_and_reads_the_rest():
    assert jsonbody.loads(b'{"a": [1, {"b": "\\u4e2d"}]}') == {"a": [1, {"b": "中"}]}
    for bad in (b"[" * 70 + b"]" * 70, b'"\\udc00"', b"Infinity", b"\xfe"):
        with pytest.raises(jsonbody.MalformedJson):
            jsonbody.loads(bad)
