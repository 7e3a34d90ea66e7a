"""Demo data for ``make run`` and ``flask seed-demo``; running it again changes nothing."""

from __future__ import annotations

from models import Role
from services import users

DEMO_ADMIN = ("admin@stockroom.example", "stockroom-admin-demo", "Demo Admin")
DEMO_SELLER = ("seller@stockroom.example", "stockroom-seller-demo", "Demo Seller")
DEMO_CUSTOMER = ("customer@stockroom.example", "stockroom-customer-demo", "Demo Customer")


def _ensure_user(email: str, password: str, full_name: str, role: str) -> bool:
    if users.find_user_by_email(email) is not None:
        return False
    users.register_user(email, password, full_name, role=role)
    return True


def seed_demo() -> list[str]:
    """Create the demo accounts when missing. Returns lines describing what exists."""
    lines = []
    for (email, password, name), role in ((DEMO_ADMIN, Role.ADMIN), (DEMO_SELLER, Role.SELLER),
                                          (DEMO_CUSTOMER, Role.CUSTOMER)):
        created = _ensure_user(email, password, name, role.value)
        state = "created" if created else "exists"
        lines.append(f"{role.value:<8} {email} / {password} ({state})")
    return lines
