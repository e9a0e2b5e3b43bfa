"""Registration HTTP API: parse, call the use case, render."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.paging import PageArgs, page
from services.registration import service
from services.registration.models import elders, service_points
from services.registration.schemas import (
    ElderIn, ElderListArgs, ElderOut, ElderPage, ServicePointIn, ServicePointOut, ServicePointPage,
)

points = Blueprint("service_points", __name__, url_prefix="/service-points", description="Service points (助浴点)")
elders_bp = Blueprint("elders", __name__, url_prefix="/elders", description="Elders (老人登记)")


def _svc():
    return current_app.extensions["zhuyu.service"]


def _elder_view(row: Any) -> dict:
    view = dict(row._mapping)
    # Assessments and commitments arrive with the registration issue's full model.
    view["eligible_for_bathing"] = False
    view["safety_commitment_current"] = False
    return view


@points.route("")
class ServicePoints(MethodView):
    @points.arguments(ServicePointIn)
    @points.response(201, ServicePointOut)
    def post(self, body):
        svc = _svc()
        with svc.store.begin() as session:
            return service.create_service_point(session, svc.outbox, body)._mapping

    @points.arguments(PageArgs, location="query")
    @points.response(200, ServicePointPage)
    def get(self, args):
        with _svc().store.begin() as session:
            rows, cursor = page(session, sa.select(service_points), service_points, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@points.route("/<uuid:point_id>")
class ServicePoint(MethodView):
    @points.response(200, ServicePointOut)
    def get(self, point_id):
        with _svc().store.begin() as session:
            return service.get_service_point(session, str(point_id))._mapping

    @points.arguments(ServicePointIn(partial=True))
    @points.response(200, ServicePointOut)
    def patch(self, body, point_id):
        svc = _svc()
        with svc.store.begin() as session:
            return service.update_service_point(session, svc.outbox, str(point_id), body)._mapping


@elders_bp.route("")
class Elders(MethodView):
    @elders_bp.arguments(ElderIn)
    @elders_bp.response(201, ElderOut)
    def post(self, body):
        svc = _svc()
        with svc.store.begin() as session:
            return _elder_view(service.register_elder(session, svc.outbox, body))

    @elders_bp.arguments(ElderListArgs, location="query")
    @elders_bp.response(200, ElderPage)
    def get(self, args):
        query = sa.select(elders)
        if args.get("citizen_card_no"):
            query = query.where(elders.c.citizen_card_no == args["citizen_card_no"])
        if args.get("service_point_id"):
            query = query.where(elders.c.service_point_id == str(args["service_point_id"]))
        if args.get("q"):
            query = query.where(elders.c.name.startswith(args["q"], autoescape=True))
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, elders, args["limit"], args["cursor"])
        return {"items": [_elder_view(r) for r in rows], "next_cursor": cursor}


@elders_bp.route("/<uuid:elder_id>")
class Elder(MethodView):
    @elders_bp.response(200, ElderOut)
    def get(self, elder_id):
        with _svc().store.begin() as session:
            return _elder_view(service.get_elder(session, str(elder_id)))


blueprints = [points, elders_bp]
