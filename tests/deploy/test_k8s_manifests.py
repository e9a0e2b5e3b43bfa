"""The Kubernetes manifests validate offline against the Kubernetes schemas (strict), and
each kustomize overlay's patches apply to the base and still validate."""
from __future__ import annotations

from pathlib import Path

import jsonpatch
import kubernetes_validate
import pytest
import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
VERSION = "1.30.0"
# The operators' resources are checked by their operators' admission webhooks; their
# CRD schemas are not shipped with kubernetes-validate, so only their shape is checked here.
OPERATOR_KINDS = {("rabbitmq.com/v1beta1", "RabbitmqCluster"), ("postgresql.cnpg.io/v1", "Cluster")}


def base_documents() -> list[dict]:
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        documents.extend(d for d in yaml.safe_load_all((K8S / "base" / resource).read_text()) if d)
    return documents


def overlay(name: str) -> list[dict]:
    kustomization = yaml.safe_load((K8S / "overlays" / name / "kustomization.yaml").read_text())
    documents = base_documents()
    for entry in kustomization.get("patches", []):
        target = entry["target"]
        patch = jsonpatch.JsonPatch(yaml.safe_load(entry["patch"]))
        selector = dict(part.split("=", 1) for part in target.get("labelSelector", "").split(",") if part)
        matched = 0
        for index, document in enumerate(documents):
            labels = document["metadata"].get("labels", {})
            if document["kind"] == target["kind"] and all(labels.get(k) == v for k, v in selector.items()):
                documents[index] = patch.apply(document)
                matched += 1
        assert matched, f"patch for {target} matches nothing in {name}"
    for document in documents:
        document["metadata"]["namespace"] = kustomization.get("namespace", "default")
    return documents


def check(document: dict) -> None:
    if (document["apiVersion"], document["kind"]) in OPERATOR_KINDS:
        assert document["metadata"]["name"] and isinstance(document["spec"], dict)
        return
    kubernetes_validate.validate(document, VERSION, strict=True)


@pytest.mark.parametrize("document", base_documents(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_base_manifest_is_valid(document):
    check(document)


@pytest.mark.parametrize("name", ["small", "city"])
def test_overlay_renders_valid_manifests(name):
    documents = overlay(name)
    for document in documents:
        check(document)
    kinds = {d["kind"] for d in documents}
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret",
            "RabbitmqCluster", "Cluster"} <= kinds


def test_every_web_and_worker_process_has_a_deployment_with_probes_and_limits():
    deployments = {d["metadata"]["name"]: d for d in base_documents() if d["kind"] == "Deployment"}
    expected = {"gateway"} | {f"{s}{suffix}" for s in ("registration", "visits", "complaints", "notify")
                              for suffix in ("", "-worker")}
    assert set(deployments) == expected
    for deployment in deployments.values():
        [container] = deployment["spec"]["template"]["spec"]["containers"]
        assert container["readinessProbe"] and container["livenessProbe"]
        assert container["resources"]["limits"]["memory"] and container["resources"]["requests"]["cpu"]
        assert container["securityContext"]["runAsNonRoot"] is True
