"""Write the OpenAPI document the app serves, as the clients are generated from it.

    python scripts/openapi_document.py clients/openapi.json

The app is built on the embedded defaults with the fake payment provider (whose settle
operation storefront demos and the clients' flows use) and nothing on disk; keys are sorted
so that the file changes only when the document does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENVIRON = {"APP_ENV": "development", "PAYMENT_PROVIDER": "fake", "EMAIL_BACKEND": "memory",
           "DATABASE_URL": "sqlite://", "CELERY_BROKER_URL": "memory://"}


def document() -> str:
    from core.app import create_app

    app = create_app(environ=ENVIRON)
    served = app.test_client().get("/api/openapi.json").get_json()
    return json.dumps(served, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = document()
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
