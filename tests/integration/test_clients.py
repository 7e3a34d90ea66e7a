"""The official clients: what is committed is what the document generates; each type-checks
strictly; and a storefront's whole flow runs through each against the running system (the
API and a worker, on the embedded default, as `make run` serves it)."""

from __future__ import annotations

import filecmp
import json
import os
import queue
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.helpers import free_port
from tests.integration.conftest import BIN, ROOT, Process

CLIENTS = ROOT / "clients"
TYPESCRIPT = CLIENTS / "typescript"
sys.path.insert(0, str(ROOT / "scripts"))

import generate_clients  # noqa: E402 (scripts/ is not a package)


def run(args: list[str], cwd: Path, **env: str) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**generate_clients.node_env(), **env})
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def node_modules():
    generate_clients.node_modules()  # npm ci from the lock file when they are missing
    return TYPESCRIPT / "node_modules"


def _differences(expected: Path, actual: Path) -> list[str]:
    comparison = filecmp.dircmp(expected, actual, ignore=["__pycache__", ".ruff_cache"])
    found = [f"only in clients/: {name}" for name in comparison.left_only]
    found += [f"not committed: {name}" for name in comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(expected, actual, comparison.common_files,
                                           shallow=False)
    found += [f"differs: {expected / name}" for name in mismatch + errors]
    for name in comparison.common_dirs:
        found += _differences(expected / name, actual / name)
    return found


def test_the_committed_clients_are_what_the_document_generates(tmp_path, node_modules):
    generate_clients.generate(tmp_path)
    differences = []
    for name in ("openapi.json", "typescript/src/schema.d.ts"):
        if not filecmp.cmp(CLIENTS / name, tmp_path / name, shallow=False):
            differences.append(f"differs: clients/{name}")
    differences += _differences(CLIENTS / "python", tmp_path / "python")
    assert not differences, "run `make clients` and commit the result:\n" + \
        "\n".join(differences)


def test_the_typescript_client_and_its_flow_type_check_strictly(node_modules):
    tsconfig = json.loads((TYPESCRIPT / "tsconfig.json").read_text())
    assert tsconfig["compilerOptions"]["strict"] is True
    run([str(node_modules / ".bin" / "tsc"), "--noEmit"], TYPESCRIPT)
    flow = (TYPESCRIPT / "examples" / "storefront.ts").read_text()
    # No casts and no non-null assertions: the document says what is there.
    assert " as " not in flow.replace(" as const", "") and "!." not in flow


def test_the_python_flow_type_checks_strictly(tmp_path):
    out = run([str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path),
               "examples/storefront.py"], CLIENTS, PYTHONPATH=str(CLIENTS / "python"))
    assert "Success" in out
    flow = (CLIENTS / "examples" / "storefront.py").read_text()
    assert "cast(" not in flow and "type: ignore" not in flow


def test_the_python_client_is_installable_with_pip(tmp_path):
    # Built from a copy: setuptools writes build/ and *.egg-info beside the sources.
    source = shutil.copytree(CLIENTS / "python", tmp_path / "source")
    run([str(BIN / "python"), "-m", "pip", "wheel", "--no-deps", "--quiet",
         "--disable-pip-version-check", "-w", str(tmp_path / "wheels"), str(source)], ROOT)
    (wheel,) = (tmp_path / "wheels").glob("stockroom_client-*.whl")
    import zipfile

    assert "stockroom_client/py.typed" in zipfile.ZipFile(wheel).namelist()


@pytest.fixture(scope="module")
def running_stockroom(tmp_path_factory):
    """The API and a worker on the embedded default (SQLite, filesystem broker, fake
    payments), with the demo catalog, in a folder of their own (one for the module's
    flows: each makes its own account or guest cart)."""
    tmp_path = tmp_path_factory.mktemp("stockroom")
    env = {**os.environ, "APP_ENV": "development", "INSTANCE_PATH": str(tmp_path),
           "EMAIL_BACKEND": "memory", "PYTHONUNBUFFERED": "1"}
    for name in ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "PAYMENT_PROVIDER"):
        env.pop(name, None)
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    # As make run serves it (scripts/run_embedded.py): the API and Socket.io on one origin.
    api = Process([*flask, "realtime", "--host", "127.0.0.1", "--port", str(port),
                   "--with-api"], env)
    worker = Process([str(BIN / "celery"), "-A", "celery_app", "worker", "-l", "info",
                      "-P", "solo", "--without-gossip", "--without-mingle",
                      "--without-heartbeat"], env)
    try:
        api.wait_for_line("Uvicorn running on")
        worker.wait_for_line(" ready.")
        url = f"http://127.0.0.1:{port}"
        assert requests.get(f"{url}/healthz", timeout=5).json() == {"status": "ok"}
        yield url
    finally:
        api.stop()
        worker.stop()


def test_socket_io_answers_on_the_apis_origin(running_stockroom):
    import socketio

    product = requests.get(f"{running_stockroom}/api/v1/products", timeout=10).json()[0]
    answered = queue.Queue()
    client = socketio.Client(reconnection=False)
    client.on("*", lambda event, data=None: answered.put((event, data)))
    client.connect(running_stockroom, transports=["websocket"], wait_timeout=10)
    try:
        client.emit("subscribe", {"product_id": product["id"]})
        assert answered.get(timeout=10) == (
            "subscribed", {"room": f"product:{product['id']}", "since": None})
    finally:
        client.disconnect()


def test_a_storefront_flow_runs_through_each_client(running_stockroom, node_modules):
    run([str(node_modules / ".bin" / "tsc")], TYPESCRIPT)
    through_typescript = json.loads(run(
        [str(BIN / "node"), "dist/examples/storefront.js"], TYPESCRIPT,
        STOCKROOM_URL=running_stockroom))
    through_python = json.loads(run(
        [str(BIN / "python"), "examples/storefront.py"], CLIENTS,
        STOCKROOM_URL=running_stockroom, PYTHONPATH=str(CLIENTS / "python")))
    for seen in (through_typescript, through_python):
        assert seen["products_listed"] == 5 and seen["guest_cart_token"] is True
        assert (seen["paid_status"], seen["cancelled_status"]) == ("paid", "cancelled")
        assert seen["payment_status"] in ("refund_pending", "refunded")
        assert seen["second_cancel_status"] == 409
    assert through_typescript["order_number"] != through_python["order_number"]


def test_a_guest_flow_with_shipping_and_totals_runs_through_the_typescript_client(
        running_stockroom, node_modules):
    # The back office's part: a zone for Germany with one method, and its tax rate.
    login = requests.post(f"{running_stockroom}/api/v1/auth/login", timeout=10, json={
        "email": "admin@stockroom.example", "password": "stockroom-admin-demo"}).json()
    admin = {"Authorization": f"Bearer {login['access_token']}"}
    zone = requests.post(f"{running_stockroom}/api/v1/admin/shipping-zones", headers=admin,
                         json={"name": "Germany", "countries": ["DE"]}, timeout=10).json()
    requests.post(f"{running_stockroom}/api/v1/admin/shipping-zones/{zone['id']}/methods",
                  headers=admin, timeout=10,
                  json={"name": "DHL Paket", "kind": "flat", "price": 499}).raise_for_status()
    requests.post(f"{running_stockroom}/api/v1/admin/tax-rates", headers=admin, timeout=10,
                  json={"country": "DE", "name": "MwSt", "rate_bps": 1900}).raise_for_status()

    run([str(node_modules / ".bin" / "tsc")], TYPESCRIPT)
    seen = json.loads(run([str(BIN / "node"), "dist/examples/guest.js"], TYPESCRIPT,
                          STOCKROOM_URL=running_stockroom))
    assert seen["shipping_method"] == "DHL Paket" and seen["shipping_total"] == 499
    assert seen["tax_total"] > 0 and seen["total"] == seen["totals_total"]
    assert seen["status"] == "paid" and seen["stranger_status"] == 404
