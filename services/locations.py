"""Stock locations: warehouses and stores that hold stock, in the order checkout takes from
them (``priority``, lowest first). The ``default`` location exists from the start."""

from __future__ import annotations

import sqlalchemy as sa

from core.errors import Conflict, NotFound
from models import Location, db


class LocationNotFound(NotFound):
    error_code = "location_not_found"


class LocationCodeTaken(Conflict):
    error_code = "location_code_taken"


def locations() -> list[Location]:
    return list(db.session.scalars(sa.select(Location).order_by(Location.priority,
                                                                Location.id)))


def get_location(location_id: int) -> Location:
    location = db.session.get(Location, location_id)
    if location is None:
        raise LocationNotFound("Location not found.")
    return location


def _check_code(code: str, location_id: int | None) -> None:
    clash = sa.select(Location.id).where(Location.code == code)
    if location_id is not None:
        clash = clash.where(Location.id != location_id)
    if db.session.scalar(clash) is not None:
        raise LocationCodeTaken("Another location has this code.",
                                errors={"code": ["Already in use."]})


def create_location(fields: dict) -> Location:
    _check_code(fields["code"], None)
    location = Location(**fields)
    db.session.add(location)
    db.session.flush()
    return location


def update_location(location_id: int, fields: dict) -> Location:
    location = get_location(location_id)
    if "code" in fields:
        if location.code == "default" and fields["code"] != "default":
            raise LocationCodeTaken("The default location keeps its code.",
                                    errors={"code": ["The default location is 'default'."]})
        _check_code(fields["code"], location.id)
    for name, value in fields.items():
        setattr(location, name, value)
    db.session.flush()
    return location
