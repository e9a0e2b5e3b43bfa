"""The suite in containers, run with the very commands docs/deploy.md gives a city operator
(the blocks marked `<!-- run: NAME -->` there and in docs/operations.md, word for word) in a
copy of this tree: its own .env, images built, every service of the default profile up
behind the load balancer. Then: a worker crashes mid-flow and its restart policy brings it
back with nothing lost or doubled, the console comes from the gateway image, requests are
balanced one by one over scaled gateways, a backup is taken and restored inside the
containers, and every container refuses to start on the development secrets."""
from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import requests
import yaml

from kit.broker import free_port
from ops.idnumbers import id_number
from tests.containers.engine import ROOT, ensure_engine

pytestmark = [pytest.mark.slow, pytest.mark.containers]

def valid_id_number(serial: int) -> str:
    """An ID number born 1945-03-01, female, with a correct MOD 11-2 check digit."""
    return id_number(date(1945, 3, 1), male=False, serial=serial, area="110105")


PUBLIC_IMAGES = os.environ.get("ZHUYU_TEST_PUBLIC_IMAGES") == "1"
SECRETS = ("RABBITMQ_PASSWORD", "POSTGRES_PASSWORD", "ZHUYU_DB_PASSWORD_GATEWAY", "ZHUYU_DB_PASSWORD_REGISTRATION",
           "ZHUYU_DB_PASSWORD_VISITS", "ZHUYU_DB_PASSWORD_COMPLAINTS", "ZHUYU_DB_PASSWORD_NOTIFY",
           "ZHUYU_IDENTITY_SECRET", "ZHUYU_SURVEY_TOKEN_SECRET")
ADMIN_PASSWORD = "container-admin-" + secrets.token_hex(6)


def documented(doc: str, name: str) -> str:
    """The shell block that follows `<!-- run: NAME -->` in docs/<doc>."""
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    found = re.search(rf"<!-- run: {re.escape(name)} -->\s*```sh\n(.*?)```", text, re.S)
    assert found, f"docs/{doc} has no block marked run: {name}"
    return found.group(1)


def set_values(env_file: Path, values: dict[str, str]) -> None:
    """What the operator does by hand in .env: fill in the values the guide asks for."""
    text = env_file.read_text(encoding="utf-8")
    for name, value in values.items():
        text, count = re.subn(rf"^{name}=.*$", f"{name}={value}", text, flags=re.M)
        if not count:
            text += f"{name}={value}\n"
    env_file.write_text(text, encoding="utf-8")


def copy_of_this_tree(destination: Path) -> None:
    """A fresh clone's files (tracked and new ones), plus the console already built here."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    if (ROOT / "console" / "dist").is_dir():  # mtimes kept: `make console` sees it built
        shutil.copytree(ROOT / "console" / "dist", destination / "console" / "dist")


class Deployment:
    def __init__(self, folder: Path, environ: dict[str, str], project: str, port: int, client):
        self.folder, self.environ, self.project, self.client = folder, environ, project, client
        self.base = f"http://127.0.0.1:{port}/api/v1"

    def sh(self, script: str, timeout: float = 900, check: bool = True, **extra) -> subprocess.CompletedProcess:
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=self.folder, env={**self.environ, **extra},
                              capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"{script!r} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return done

    def containers(self, service: str) -> list:
        return self.client.containers.list(all=True, filters={"label": [f"com.docker.compose.project={self.project}",
                                                                        f"com.docker.compose.service={service}"]})

    def wait_healthy(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(f"{self.base}/health", timeout=3).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                logs = self.sh("docker-compose logs --tail 30", check=False).stdout
                raise AssertionError(f"the suite was not healthy in {timeout:.0f} s:\n{logs[-6000:]}")
            time.sleep(2)

    def token(self) -> dict[str, str]:
        response = requests.post(f"{self.base}/auth/token", json={"username": "admin", "password": ADMIN_PASSWORD},
                                 timeout=30)
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture(scope="module")
def deployment():
    client = ensure_engine()
    folder = Path(tempfile.mkdtemp(prefix="zhuyu-compose-"))
    project = f"zhuyutest{uuid.uuid4().hex[:6]}"
    tag = f"test-{project}"
    port = free_port()
    copy_of_this_tree(folder)
    # Variables set in the shell win over .env: leave every one of .env's to the file.
    example = (ROOT / "deploy" / "env.example").read_text(encoding="utf-8")
    declared = set(re.findall(r"^([A-Z_]+)=", example, re.M)) | {"COMPOSE_PROJECT_NAME"}
    declared |= {"PYTHON_IMAGE", "RABBITMQ_IMAGE", "POSTGRES_IMAGE", "REDIS_IMAGE", "LB_IMAGE"}
    environ = {k: v for k, v in os.environ.items() if k not in declared and not k.startswith("COMPOSE_")}
    deployment = Deployment(folder, environ, project, port, client)
    try:
        deployment.sh(documented("deploy.md", "prepare"))
        set_values(folder / ".env", {
            **{name: secrets.token_hex(16) for name in SECRETS},
            "ZHUYU_ADMIN_PASSWORD": ADMIN_PASSWORD, "GATEWAY_PORT": str(port),
            "ZHUYU_PUBLIC_URL": f"http://127.0.0.1:{port}", "RABBITMQ_MANAGEMENT_PORT": str(free_port()),
            # Quiet hours of no length: messages go at once, so delivery itself is checked.
            "ZHUYU_QUIET_HOURS_START": "00:00", "ZHUYU_QUIET_HOURS_END": "00:00",
            "ZHUYU_BACKUP_INTERVAL_SECONDS": "86400", "ZHUYU_TAG": tag, "COMPOSE_PROJECT_NAME": project})
        if not PUBLIC_IMAGES:
            deployment.sh(documented("deploy.md", "offline"))
        started = time.monotonic()
        try:
            deployment.sh(documented("deploy.md", "start"), timeout=1800)
        except AssertionError as failed:
            logs = deployment.sh("docker-compose ps; docker-compose logs --tail 40", check=False).stdout
            raise AssertionError(f"{str(failed)[-3000:]}\n{logs[-8000:]}") from None
        if PUBLIC_IMAGES:  # the optional profiles' images exist only on Docker Hub
            deployment.sh(documented("deploy.md", "optional"), timeout=900)
        deployment.wait_healthy()
        print(f"\nbuilt and healthy in {time.monotonic() - started:.0f} s")
        yield deployment
    finally:
        deployment.sh("docker-compose down -v --remove-orphans", check=False, timeout=300)
        for service in ("registration", "visits", "complaints", "notify", "gateway"):
            # Keep the layers as the build cache of the next run, under one shared tag.
            subprocess.run(f"docker tag zhuyu/{service}:{tag} zhuyu/{service}:test-cache && "
                           f"docker rmi zhuyu/{service}:{tag}", shell=True, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_every_service_runs_with_a_restart_policy(deployment):
    declared = yaml.safe_load((deployment.folder / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    running = [name for name, spec in declared.items() if PUBLIC_IMAGES or not spec.get("profiles")]
    assert {"lb", "redis", "backup", "gateway", "rabbitmq", "postgres"} <= set(running)
    for name in running:
        [container] = deployment.containers(name)
        assert container.status == "running", name
        assert container.attrs["HostConfig"]["RestartPolicy"]["Name"] == "unless-stopped", name
    for name, spec in declared.items():  # the optional ones too, when they run
        assert spec.get("restart") == "unless-stopped", name
    # The city's messaging settings reach notify from .env (the one place they are set).
    for name in ("notify", "notify-worker"):
        [container] = deployment.containers(name)
        environment = dict(item.split("=", 1) for item in container.attrs["Config"]["Env"])
        assert environment["ZHUYU_SURVEY_BASE_URL"] == deployment.base.removesuffix("/api/v1") + "/survey/"
        assert environment["NOTIFY_SMS_PROVIDER"] == "sink" and environment["ZHUYU_QUIET_HOURS_START"] == "00:00"


def register(deployment: Deployment, headers: dict, point_id: str, serial: int) -> str:
    response = requests.post(f"{deployment.base}/elders", headers=headers, timeout=30, json={
        "name": f"老人{serial}", "gender": "female", "birth_date": "1945-03-01", "id_number": valid_id_number(serial),
        "citizen_card_no": f"CT{serial:08d}", "phone": f"139{serial:08d}", "address": "杭州", "district": "拱墅区",
        "service_point_id": point_id,
        "emergency_contacts": [{"name": "家属", "relation": "son", "phone": "13800001111"}]})
    assert response.status_code == 201, response.text
    elder_id = response.json()["id"]
    consent = requests.post(f"{deployment.base}/elders/{elder_id}/consents", headers=headers, timeout=30, json={
        "kind": "sms", "granted": True, "signer_name": f"老人{serial}", "signer_relation": "self"})
    assert consent.status_code == 201, consent.text
    return elder_id


@pytest.fixture(scope="module")
def point(deployment):
    response = requests.post(f"{deployment.base}/service-points", headers=deployment.token(), timeout=30, json={
        "name": "拱墅区助浴点", "address": "杭州市拱墅区", "district": "拱墅区", "bath_capacity": 2, "rest_seats": 4,
        "opening_hours": {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
        "safety_reminders": []})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_a_crashed_worker_comes_back_by_its_restart_policy_and_nothing_is_lost_or_doubled(deployment, point):
    headers = deployment.token()
    [worker] = deployment.containers("notify-worker")
    restarts = worker.attrs["RestartCount"]
    elders = []
    for i in range(20):
        if i == 5:
            # A crash, not `docker kill` (which Docker counts as a deliberate stop): the
            # worker's main process dies by SIGKILL; its unacked messages go back to the queue.
            os.kill(worker.attrs["State"]["Pid"], signal.SIGKILL)
        elders.append(register(deployment, headers, point, i))
    deadline = time.monotonic() + 60
    while True:
        worker.reload()
        if worker.attrs["RestartCount"] > restarts and worker.status == "running":
            break
        assert time.monotonic() < deadline, f"the worker was not restarted: {worker.status}"
        time.sleep(1)
    deadline = time.monotonic() + 120
    while True:
        items = requests.get(f"{deployment.base}/notifications", headers=headers, timeout=30, params={
            "event_type": "registration.elder.registered", "limit": 200}).json()["items"]
        mine = [item for item in items if item["recipient"]["id"] in elders]
        # Each welcome is planned by the worker on registering and kept unsent (no SMS consent
        # is recorded yet then); the consent recorded next lets it go, and it ends sent.
        sent = [item["recipient"]["id"] for item in mine if item["status"] == "sent"]
        held = [item["recipient"]["id"] for item in mine
                if (item["status"], item.get("last_error")) == ("suppressed", "NO_SMS_CONSENT")]
        if set(sent) == set(held) == set(elders) and len(sent) + len(held) == len(mine):
            break
        assert time.monotonic() < deadline, f"not every notification was settled: {[i['status'] for i in mine]}"
        time.sleep(1)
    assert sorted(sent) == sorted(held) == sorted(elders), "a welcome was doubled"


def test_the_console_comes_from_the_gateway_image_through_the_load_balancer(deployment):
    page = requests.get(deployment.base.removesuffix("/api/v1") + "/console/", timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    scripts = re.findall(r'src="(/console/assets/[^"]+\.js)"', page.text)
    assert scripts, page.text[:500]
    asset = requests.get(deployment.base.removesuffix("/api/v1") + scripts[0], timeout=30)
    assert asset.status_code == 200 and "javascript" in asset.headers["Content-Type"] and len(asset.content) > 1000


def requests_per_gateway(deployment: Deployment) -> dict[str, float]:
    """Each gateway container's own count of answered requests (read on the compose
    network, where /metrics is open; the balancer keeps it off the public port)."""
    counts = {}
    for container in deployment.containers("gateway"):
        done = container.exec_run(["python", "-c", "import urllib.request; print(urllib.request.urlopen("
                                   "'http://127.0.0.1:8080/metrics', timeout=5).read().decode())"])
        assert done.exit_code == 0, done.output[-500:]
        counts[container.name] = sum(float(line.rsplit(" ", 1)[1]) for line in done.output.decode().splitlines()
                                     if line.startswith("zhuyu_http_requests_total{")
                                     and 'route="/api/v1/openapi.json"' in line)
    return counts


def test_requests_on_one_connection_are_balanced_one_by_one_over_scaled_gateways(deployment):
    public_metrics = requests.get(deployment.base.removesuffix("/api/v1") + "/metrics", timeout=30)
    assert (public_metrics.status_code, public_metrics.json()["code"]) == (404, "NOT_FOUND")
    deployment.sh("docker-compose up -d --scale gateway=2 gateway", timeout=300)
    deadline = time.monotonic() + 120
    while True:
        gateways = deployment.containers("gateway")
        for container in gateways:
            container.reload()
        if len(gateways) == 2 and all(c.attrs["State"].get("Health", {}).get("Status") == "healthy" for c in gateways):
            break
        assert time.monotonic() < deadline, "the second gateway did not become healthy"
        time.sleep(2)
    session = requests.Session()  # one keep-alive connection to the balancer
    deadline = time.monotonic() + 90
    while True:  # until the balancer has found the new replica and its health check passed
        before = requests_per_gateway(deployment)
        for _ in range(10):
            assert session.get(f"{deployment.base}/openapi.json", timeout=30).status_code == 200
        after = requests_per_gateway(deployment)
        if len(after) == 2 and all(after[name] > before.get(name, 0) for name in after):
            break
        assert time.monotonic() < deadline, f"the second gateway got no request: {before} -> {after}"
        time.sleep(2)
    before = requests_per_gateway(deployment)
    for _ in range(40):
        assert session.get(f"{deployment.base}/openapi.json", timeout=30).status_code == 200
    after = requests_per_gateway(deployment)
    shares = sorted(after[name] - before[name] for name in after)
    assert sum(shares) == 40 and shares[0] >= 15, f"not balanced per request: {shares}"


def test_a_backup_is_taken_and_restored_inside_the_containers(deployment, point):
    headers = deployment.token()
    kept = register(deployment, headers, point, 30)
    # The drill of docs/operations.md: back up, then restore the registration store.
    deployment.sh(documented("operations.md", "backup-drill"))
    listing = deployment.sh("docker-compose exec -T backup cat /var/lib/zhuyu/backups/drill/manifest.json").stdout
    assert all(f'"{store}"' in listing for store in ("registration", "visits", "complaints", "notify", "gateway"))
    lost = register(deployment, headers, point, 31)  # after the backup: the restore takes it away
    deployment.sh(documented("operations.md", "restore-drill"), timeout=300)
    deployment.wait_healthy()
    assert requests.get(f"{deployment.base}/elders/{kept}", headers=headers, timeout=30).status_code == 200
    assert requests.get(f"{deployment.base}/elders/{lost}", headers=headers, timeout=30).status_code == 404


def test_every_container_refuses_to_start_on_the_development_secrets(deployment):
    """A copy of env.example left as it is (every secret empty) falls back to the
    compose file's development values: no zhuyu container may run on them."""
    declared = yaml.safe_load((deployment.folder / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    ours = [name for name, spec in declared.items() if str(spec.get("image", "")).startswith("zhuyu/")]
    assert len(ours) == 10  # four services, their workers, the gateway and the backup schedule
    empty = {name: "" for name in SECRETS}

    def attempt(name: str) -> subprocess.CompletedProcess:
        return deployment.sh(f"docker-compose run --rm --no-deps {name}", check=False, timeout=120, **empty)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(ours, pool.map(attempt, ours)))
    for name, done in results.items():
        assert done.returncode == 78, f"{name} started on development secrets: {done.stdout[-500:]}{done.stderr[-500:]}"
        assert "refusing to start" in done.stdout + done.stderr, name
