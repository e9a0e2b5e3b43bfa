"""The alert rules and the dashboard read figures the suite really exports."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OBSERVABILITY = ROOT / "deploy" / "observability"
SOURCES = "\n".join(p.read_text(encoding="utf-8") for folder in ("kit", "services", "gateway")
                    for p in (ROOT / folder).rglob("*.py") if "tests" not in p.parts)


def exported(name: str) -> bool:
    base = re.sub(r"_(bucket|count|sum)$", "", name)
    return f'"{base}"' in SOURCES


def names_in(text: str) -> set[str]:
    return set(re.findall(r"\bzhuyu_[a-z_]+\b", text))


def test_every_alert_reads_an_exported_figure_and_the_required_alerts_exist():
    rules = yaml.safe_load((OBSERVABILITY / "alerts.yml").read_text(encoding="utf-8"))
    alerts = {rule["alert"]: rule["expr"] for group in rules["groups"] for rule in group["rules"]}
    for name, expr in alerts.items():
        for metric in names_in(expr):
            assert exported(metric), f"{name} reads {metric}, which nothing exports"
    assert "> 60" in alerts["OutboxEventsWaiting"] and "zhuyu_outbox_oldest_age_seconds" in alerts["OutboxEventsWaiting"]
    assert r"\\.dead" in alerts["DeadLetteredEvents"]
    assert "consumers" in alerts["ConsumerDown"]
    assert "zhuyu_complaint_deadlines_missed_total" in alerts["ComplaintDeadlineMissed"]
    assert 'status=~"5.."' in alerts["HighErrorRate"]


def test_every_dashboard_panel_reads_an_exported_figure():
    dashboard = json.loads((OBSERVABILITY / "grafana" / "dashboards" / "zhuyu.json").read_text(encoding="utf-8"))
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    assert len(exprs) >= 10
    for expr in exprs:
        for metric in names_in(expr):
            assert exported(metric), f"the dashboard reads {metric}, which nothing exports"


def test_prometheus_scrapes_every_web_process_and_worker():
    config = yaml.safe_load((OBSERVABILITY / "prometheus.yml").read_text(encoding="utf-8"))
    targets = {t for job in config["scrape_configs"] for sc in job.get("static_configs", []) for t in sc["targets"]}
    targets |= {f"{name}:{sd['port']}" for job in config["scrape_configs"] for sd in job.get("dns_sd_configs", [])
                for name in sd["names"]}
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    for name in ("registration", "visits", "complaints", "notify"):
        assert any(t.startswith(f"{name}:") for t in targets)
        assert f"{name}-worker:{compose[name + '-worker']['environment']['ZHUYU_METRICS_PORT']}" in targets
    assert "gateway:8080" in targets and "rabbitmq:15692" in targets
