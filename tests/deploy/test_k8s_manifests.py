"""The Kubernetes manifests as a city applies them: each overlay rendered by kustomize
(`kubectl kustomize`, offline) in a copy of deploy/k8s with its secrets made by
make-secrets.sh, every object validated strictly offline (Kubernetes' own schemas; the
operators' resources against the schemas in operator_schemas.yaml, written from their
documentation), and the properties a city relies on checked on what would be applied."""
from __future__ import annotations

import copy
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
VERSION = "1.30.0"
OVERLAYS = ["small", "city"]
SERVICES = {"registration": 8101, "visits": 8102, "complaints": 8103, "notify": 8104}
STORES = [*SERVICES, "gateway"]
CONSUMERS = ["visits", "complaints", "notify"]
SCHEMAS = yaml.safe_load((Path(__file__).with_name("operator_schemas.yaml")).read_text(encoding="utf-8"))
# PostgreSQL connections that are not the pooler's: the operator's instance manager and
# monitoring, PgBouncer's auth_query per pooler instance, a migration Job, and the
# superuser_reserved_connections. Counted generously.
CONNECTIONS_BESIDES_POOLS = 10 + 3 + 3


def kustomize(folder: Path) -> subprocess.CompletedProcess:
    kubectl = shutil.which("kubectl")
    assert kubectl, "kubectl (with its built-in kustomize) is needed to render the overlays"
    return subprocess.run([kubectl, "kustomize", str(folder)], capture_output=True, text=True, timeout=120)


@lru_cache(maxsize=None)
def rendered(name: str) -> tuple[dict, ...]:
    """What `kubectl apply -k deploy/k8s/overlays/<name>` would send, secrets made as the
    guide says (in a scratch copy: the tree's own secrets/ stay untouched)."""
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="zhuyu-k8s-"))
    shutil.copytree(K8S, scratch / "k8s", ignore=shutil.ignore_patterns("secrets"))
    subprocess.run(["bash", str(scratch / "k8s" / "make-secrets.sh"), str(scratch / "k8s" / "overlays" / name)],
                   check=True, capture_output=True)
    done = kustomize(scratch / "k8s" / "overlays" / name)
    shutil.rmtree(scratch, ignore_errors=True)
    assert done.returncode == 0, done.stderr
    return tuple(d for d in yaml.safe_load_all(done.stdout) if d)


def of_kind(documents, kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in documents if d["kind"] == kind}


def base_documents() -> list[dict]:
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        documents.extend(d for d in yaml.safe_load_all((K8S / "base" / resource).read_text()) if d)
    return documents


def operator_schema(document: dict) -> dict | None:
    kind = f"{document['apiVersion']}/{document['kind']}"
    if kind not in SCHEMAS["kinds"]:
        return None
    return {"$defs": SCHEMAS["$defs"], **SCHEMAS["kinds"][kind]}


def validate(document: dict) -> None:
    schema = operator_schema(document)
    if schema is not None:
        jsonschema.Draft202012Validator(schema).validate(document)
    else:
        kubernetes_validate.validate(document, VERSION, strict=True)


# --- rendering and validation ---------------------------------------------------------------

@pytest.mark.parametrize("name", OVERLAYS)
def test_every_object_of_the_overlay_validates_strictly(name):
    documents = rendered(name)
    for document in documents:
        validate(document)
    kinds = {d["kind"] for d in documents}
    assert {"Namespace", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
            "Secret", "Job", "NetworkPolicy", "Ingress", "RabbitmqCluster", "Cluster", "Pooler", "ScheduledBackup",
            "ScaledObject", "TriggerAuthentication"} <= kinds
    assert all(d["metadata"].get("namespace") == "zhuyu" for d in documents if d["kind"] != "Namespace")
    assert of_kind(documents, "Namespace")["zhuyu"]


def test_every_operator_resource_is_checked_against_a_schema():
    kinds = {f"{d['apiVersion']}/{d['kind']}" for d in rendered("city") if "." in d["apiVersion"].split("/")[0]}
    kinds -= {"networking.k8s.io/v1/NetworkPolicy", "networking.k8s.io/v1/Ingress"}
    assert kinds and kinds <= set(SCHEMAS["kinds"]), f"no schema for {kinds - set(SCHEMAS['kinds'])}"


@pytest.mark.parametrize("path, value", [
    (("spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyID"), {"name": "x", "key": "y"}),
    (("spec", "storage", "sizee"), "5Gi"),
    (("spec", "instances"), 0),
])
def test_the_operator_schemas_refuse_what_the_operator_would(path, value):
    cluster = copy.deepcopy(of_kind(rendered("city"), "Cluster")["visits-db"])
    target = cluster
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(cluster)


def test_a_five_field_backup_schedule_is_refused_as_cloudnativepg_would():
    backup = copy.deepcopy(of_kind(rendered("city"), "ScheduledBackup")["visits-db-nightly"])
    backup["spec"]["schedule"] = "30 2 * * *"
    with pytest.raises(jsonschema.ValidationError):
        validate(backup)


# --- secrets ----------------------------------------------------------------------------------

def test_the_base_holds_no_secret_value():
    for document in base_documents():
        assert document["kind"] != "Secret", document["metadata"]["name"]
        for container in containers(document):
            for variable in container.get("env", []):
                if re.search(r"SECRET|PASSWORD|_PASS$|_DATABASE_URL$|AMQP_URL", variable["name"]):
                    assert "valueFrom" in variable or "$(" in variable.get("value", ""), variable
    assert not re.search(r"(?m)^\s*(stringData|data):", (K8S / "base" / "platform.yaml").read_text())


@pytest.mark.parametrize("name", OVERLAYS)
def test_an_overlay_without_its_secret_files_does_not_build(name, tmp_path):
    shutil.copytree(K8S, tmp_path / "k8s", ignore=shutil.ignore_patterns("secrets"))
    done = kustomize(tmp_path / "k8s" / "overlays" / name)
    assert done.returncode != 0 and "secrets/" in done.stderr


@pytest.mark.parametrize("name", OVERLAYS)
def test_secrets_come_from_the_overlays_files_and_every_process_gets_only_its_own(name):
    documents = rendered(name)
    secrets = {s["metadata"]["name"].rsplit("-", 1)[0] if s["metadata"]["name"] != "zhuyu-backup-store"
               else "zhuyu-backup-store": s for s in of_kind(documents, "Secret").values()}
    assert set(secrets) == {"zhuyu-gateway-secrets", "zhuyu-identity", "zhuyu-complaints-secrets",
                            "zhuyu-notify-secrets", "zhuyu-backup-store"}
    used: dict[str, set[str]] = {}
    for deployment in of_kind(documents, "Deployment").values():
        for container in containers(deployment):
            for variable in container.get("env", []):
                ref = variable.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    used.setdefault(deployment["metadata"]["name"], set()).add(ref["name"].rsplit("-", 1)[0])
    assert any("zhuyu-gateway" in s for s in used["gateway"])
    for process, names in used.items():
        if process != "gateway":
            assert not any(n.startswith("zhuyu-gateway") for n in names), f"{process} gets the gateway's secrets"
        if not process.startswith("complaints"):
            assert not any(n.startswith("zhuyu-complaints") for n in names), process


# --- migrations -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", OVERLAYS)
def test_each_store_has_a_migration_job_and_processes_wait_for_it(name):
    documents = rendered(name)
    jobs = of_kind(documents, "Job")
    assert set(jobs) == {f"migrate-{store}" for store in STORES}
    for store in STORES:
        [container] = containers(jobs[f"migrate-{store}"])
        assert container["command"] == ["zhuyu", "migrate", store]
        assert "envFrom" not in container, "applied alone before the release's ConfigMap exists"
        [url] = [v for v in container["env"] if v["name"] == f"{store.upper()}_DATABASE_URL"]
        assert url["valueFrom"]["secretKeyRef"] == {"name": f"{store}-db-app", "key": "uri"}
        assert jobs[f"migrate-{store}"]["metadata"]["labels"]["app.kubernetes.io/component"] == "migration"
        # A service that handles events declares its queue as it migrates (registration and the
        # gateway handle none).
        assert ("AMQP_URL" in {v["name"] for v in container["env"]}) == (store in ("visits", "complaints", "notify")), store
    [config] = of_kind(documents, "ConfigMap").values()
    assert config["data"]["ZHUYU_MIGRATE_ON_START"] == "false"


# --- probes -----------------------------------------------------------------------------------

def containers(document: dict) -> list[dict]:
    spec = document.get("spec", {})
    template = spec.get("template", spec.get("jobTemplate", {}).get("spec", {}).get("template", {}))
    return template.get("spec", {}).get("containers", [])


@pytest.mark.parametrize("name", OVERLAYS)
def test_readiness_of_the_api_does_not_depend_on_the_broker(name):
    deployments = of_kind(rendered(name), "Deployment")
    for service in SERVICES:
        [container] = containers(deployments[service])
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz?skip=broker"
        assert container["startupProbe"] and container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for deployment in deployments.values():
        for container in containers(deployment):
            assert container["readinessProbe"] and container["livenessProbe"], deployment["metadata"]["name"]
            assert container["resources"]["limits"]["memory"] and container["resources"]["requests"]["cpu"]
            assert container["securityContext"]["runAsNonRoot"] is True


# --- network policies ---------------------------------------------------------------------------

def selects(selector: dict, labels: dict) -> bool:
    for key, value in selector.get("matchLabels", {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions", []):
        key, operator, values = expression["key"], expression["operator"], expression.get("values", [])
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def pod_labels(document: dict) -> dict:
    return document["spec"]["template"]["metadata"]["labels"]


def peers_allowed(policies, labels: dict, port: int) -> list[dict]:
    """Every `from` entry of every policy that selects these pods and opens this port."""
    found = []
    for policy in policies:
        if not selects(policy["spec"]["podSelector"], labels):
            continue
        for rule in policy["spec"].get("ingress", []):
            ports = [p["port"] for p in rule.get("ports", [])]
            if not ports or port in ports:
                found.extend(rule.get("from", [{}]))
    return found


@pytest.mark.parametrize("name", OVERLAYS)
def test_network_policies_deny_by_default_and_cover_every_workload(name):
    documents = rendered(name)
    policies = list(of_kind(documents, "NetworkPolicy").values())
    defaults = [p for p in policies if p["spec"]["podSelector"] == {} and "ingress" not in p["spec"]]
    assert defaults and defaults[0]["spec"]["policyTypes"] == ["Ingress"]
    workloads = [*of_kind(documents, "Deployment").values(), *of_kind(documents, "Job").values()]
    assert len(workloads) >= 5 + 4 + 5 + 1
    for workload in workloads:
        labels = pod_labels(workload)
        assert any(selects(p["spec"]["podSelector"], labels) for p in defaults), workload["metadata"]["name"]


@pytest.mark.parametrize("name", OVERLAYS)
def test_only_the_gateway_reaches_the_services(name):
    documents = rendered(name)
    policies = list(of_kind(documents, "NetworkPolicy").values())
    deployments = of_kind(documents, "Deployment")
    gateway = pod_labels(deployments["gateway"])
    for service, port in SERVICES.items():
        peers = peers_allowed(policies, pod_labels(deployments[service]), port)
        assert peers, f"nothing reaches {service}"
        for peer in peers:
            assert peer, f"{service} is open to everyone"
            if "namespaceSelector" in peer:  # Prometheus, from its own namespace only
                assert peer["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}
                assert "podSelector" not in peer
                continue
            selector = peer["podSelector"]
            # registration is also asked by visits (check-in) and by complaints' web (the elder a complaint names)
            askers = ("visits", "visits-worker", "complaints") if service == "registration" else ()
            allowed = [gateway] + [pod_labels(deployments[asker]) for asker in askers]
            assert any(selects(selector, labels) for labels in allowed) and selector.get("matchLabels"), \
                f"{service} is open to {selector}"
            for other, labels in ((n, pod_labels(d)) for n, d in deployments.items()):
                if selects(selector, labels):
                    assert other == "gateway" or other in askers, f"{other} reaches {service}"
    redis = of_kind(documents, "Deployment")["zhuyu-redis"]
    for peer in peers_allowed(policies, pod_labels(redis), 6379):
        for other, deployment in deployments.items():
            if "podSelector" in peer and selects(peer["podSelector"], pod_labels(deployment)):
                assert other == "gateway", f"{other} reaches Redis"


# --- scaling ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", OVERLAYS)
def test_replica_counts_agree_with_their_autoscalers(name):
    documents = rendered(name)
    deployments = of_kind(documents, "Deployment")
    hpas = {h["spec"]["scaleTargetRef"]["name"]: h for h in of_kind(documents, "HorizontalPodAutoscaler").values()}
    scaled = {s["spec"]["scaleTargetRef"]["name"]: s for s in of_kind(documents, "ScaledObject").values()}
    assert set(hpas) == {"gateway", *SERVICES}
    assert set(scaled) == {f"{s}-worker" for s in SERVICES}
    assert not set(hpas) & set(scaled), "one autoscaler per Deployment"
    for target, hpa in hpas.items():
        low, high = hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]
        assert 1 <= low <= high and deployments[target]["spec"]["replicas"] == low, target
    for target, scaled_object in scaled.items():
        low, high = scaled_object["spec"]["minReplicaCount"], scaled_object["spec"]["maxReplicaCount"]
        assert 1 <= low <= high and deployments[target]["spec"]["replicas"] == low, target
        triggers = {t["type"]: t for t in scaled_object["spec"]["triggers"]}
        assert triggers["cpu"]["metricType"] == "Utilization"
        service = target.removesuffix("-worker")
        if service in CONSUMERS:
            queue = triggers["rabbitmq"]
            assert queue["metadata"]["queueName"] == f"{service}.events" and queue["metadata"]["mode"] == "QueueLength"
            assert queue["authenticationRef"]["name"] in of_kind(documents, "TriggerAuthentication")


@pytest.mark.parametrize("name", OVERLAYS)
def test_the_connection_budget_at_maximum_scale_fits_the_servers(name):
    """Every process keeps a pool of ZHUYU_DB_POOL_SIZE + ZHUYU_DB_MAX_OVERFLOW client
    connections per gunicorn worker (web) or per worker process; at the autoscalers'
    maximum they must fit one PgBouncer instance (so a pooler pod can fail), and the
    poolers' server connections plus everything else must fit max_connections."""
    documents = rendered(name)
    [config] = of_kind(documents, "ConfigMap").values()
    per_process = int(config["data"]["ZHUYU_DB_POOL_SIZE"]) + int(config["data"]["ZHUYU_DB_MAX_OVERFLOW"])
    web_workers = int(config["data"]["ZHUYU_WEB_WORKERS"])
    hpas = {h["spec"]["scaleTargetRef"]["name"]: h["spec"]["maxReplicas"]
            for h in of_kind(documents, "HorizontalPodAutoscaler").values()}
    keda = {s["spec"]["scaleTargetRef"]["name"]: s["spec"]["maxReplicaCount"]
            for s in of_kind(documents, "ScaledObject").values()}
    poolers = of_kind(documents, "Pooler")
    clusters = of_kind(documents, "Cluster")
    for store in STORES:
        pooler = poolers[f"{store}-db-pooler"]
        assert pooler["spec"]["cluster"]["name"] == f"{store}-db" and pooler["spec"]["pgbouncer"]["poolMode"] == "transaction"
        parameters = pooler["spec"]["pgbouncer"]["parameters"]
        clients = hpas[store] * web_workers * per_process + keda.get(f"{store}-worker", 0) * per_process
        assert clients <= int(parameters["max_client_conn"]), f"{store}: {clients} clients at maximum scale"
        servers = pooler["spec"]["instances"] * int(parameters["default_pool_size"]) + CONNECTIONS_BESIDES_POOLS
        limit = int(clusters[f"{store}-db"]["spec"]["postgresql"]["parameters"]["max_connections"])
        assert servers <= limit, f"{store}: {servers} server connections over max_connections {limit}"
        for deployment in of_kind(documents, "Deployment").values():
            for container in containers(deployment):
                for variable in container.get("env", []):
                    if variable["name"] == f"{store.upper()}_DATABASE_URL":
                        assert f"@{store}-db-pooler:5432/" in variable["value"], deployment["metadata"]["name"]


# --- backups, images, the city's values -----------------------------------------------------------

@pytest.mark.parametrize("name", OVERLAYS)
def test_every_store_is_backed_up_on_a_schedule_with_wal_archiving(name):
    documents = rendered(name)
    backups = {b["spec"]["cluster"]["name"] for b in of_kind(documents, "ScheduledBackup").values()}
    assert backups == {f"{store}-db" for store in STORES}
    [config] = of_kind(documents, "ConfigMap").values()
    for cluster in of_kind(documents, "Cluster").values():
        store = cluster["spec"]["backup"]["barmanObjectStore"]
        assert store["destinationPath"] == f"s3://{config['data']['ZHUYU_BACKUP_BUCKET']}/{cluster['spec']['bootstrap']['initdb']['database']}"
        assert store["endpointURL"] == config["data"]["ZHUYU_BACKUP_ENDPOINT"]
        assert store["s3Credentials"]["accessKeyId"]["name"] in of_kind(documents, "Secret")


@pytest.mark.parametrize("name", OVERLAYS)
def test_every_image_is_pinned_to_a_release(name):
    documents = rendered(name)
    images = [c["image"] for d in documents for c in containers(d)]
    images += [d["spec"]["image"] for d in documents if d["kind"] == "RabbitmqCluster"]
    images += [d["spec"]["imageName"] for d in documents if d["kind"] == "Cluster"]
    assert len(images) > 10
    for image in images:
        tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else ""
        assert tag and tag != "latest", image


@pytest.mark.parametrize("name", OVERLAYS)
def test_the_citys_values_come_from_its_overlay(name):
    documents = rendered(name)
    city = dict(line.split("=", 1) for line in (K8S / "overlays" / name / "city.env").read_text().splitlines()
                if line and not line.startswith("#"))
    [config] = of_kind(documents, "ConfigMap").values()
    for key in ("ZHUYU_TIMEZONE", "NOTIFY_SMS_PROVIDER", "NOTIFY_SMS_GATEWAY_URL", "ZHUYU_QUIET_HOURS_START"):
        assert config["data"][key] == city[key]
    host = city["ZHUYU_PUBLIC_HOST"]
    assert config["data"]["ZHUYU_SURVEY_BASE_URL"] == f"https://{host}/survey/"
    [ingress] = of_kind(documents, "Ingress").values()
    assert ingress["spec"]["rules"][0]["host"] == host and ingress["spec"]["tls"][0]["hosts"] == [host]
    assert ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"] == "gateway"
    assert config["data"]["ZHUYU_RATE_LIMIT_STORAGE_URI"].startswith("redis://zhuyu-redis:")
