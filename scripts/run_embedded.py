"""`make run`: migrate, load the demo data once, then serve the API and the Socket.io
real-time endpoint on one origin (``flask realtime --with-api``), with a Celery worker and
beat beside it, on whatever the environment says (by default SQLite and the server-less
``filesystem://`` broker under ``instance/``). Ctrl-C stops all three.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST, PORT = "127.0.0.1", "5000"


class Stop(Exception):
    """Ctrl-C or SIGTERM: stop every child."""


def run_once(*args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, check=True)


def main() -> int:
    (ROOT / "instance").mkdir(exist_ok=True)
    run_once("db", "upgrade")
    print("\nDemo accounts (flask --app wsgi seed-demo):")
    run_once("seed-demo")
    print(f"\nAPI on http://{HOST}:{PORT}  (docs: http://{HOST}:{PORT}/api/docs; "
          f"Socket.io: http://{HOST}:{PORT}/socket.io/)\n", flush=True)

    commands = {
        # The storefront's socket.io-client connects to /socket.io/ on the API's origin.
        "api": [str(BIN / "flask"), "--app", "wsgi", "realtime", "--host", HOST, "--port", PORT,
                "--with-api"],
        "worker": [str(BIN / "celery"), "-A", "celery_app", "worker", "-l", "info",
                   "--concurrency", "2", "-n", "worker@%h"],
        "beat": [str(BIN / "celery"), "-A", "celery_app", "beat", "-l", "info"],
    }
    children = {name: subprocess.Popen(cmd, cwd=ROOT, env=os.environ.copy())
                for name, cmd in commands.items()}

    def stop(*_args) -> None:
        raise Stop

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    try:
        # Block until any child exits: if one of the three dies, the system is not whole.
        pid, status = os.wait()
        name = next((n for n, c in children.items() if c.pid == pid), str(pid))
        print(f"{name} exited ({status}); stopping the rest", file=sys.stderr)
        exit_code = 1
    except Stop:
        pass
    finally:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
