"""A customer's address book. Another user's address is "not found", never "forbidden"."""

from __future__ import annotations

from core.errors import NotFound
from models import Address, db


class AddressNotFound(NotFound):
    error_code = "address_not_found"


def list_addresses(user_id: int):
    """The query of the user's addresses, default first, then oldest first."""
    return (db.select(Address).where(Address.user_id == user_id)
            .order_by(Address.is_default.desc(), Address.id))


def get_address(user_id: int, address_id: int) -> Address:
    address = db.session.get(Address, address_id)
    if address is None or address.user_id != user_id:
        raise AddressNotFound("Address not found.")
    return address


def _clear_default(user_id: int, keep_id: int | None = None) -> None:
    statement = db.update(Address).where(Address.user_id == user_id, Address.is_default)
    if keep_id is not None:
        statement = statement.where(Address.id != keep_id)
    db.session.execute(statement.values(is_default=False))


def create_address(user_id: int, fields: dict) -> Address:
    """Add an address; the first one, or one marked ``is_default``, becomes the default."""
    has_any = db.session.scalar(db.select(db.func.count(Address.id))
                                .where(Address.user_id == user_id)) > 0
    make_default = bool(fields.pop("is_default", False)) or not has_any
    if make_default:
        _clear_default(user_id)
    address = Address(user_id=user_id, is_default=make_default, **fields)
    db.session.add(address)
    db.session.flush()
    return address


def update_address(user_id: int, address_id: int, fields: dict) -> Address:
    address = get_address(user_id, address_id)
    make_default = fields.pop("is_default", None)
    for name, value in fields.items():
        setattr(address, name, value)
    if make_default:
        _clear_default(user_id, keep_id=address.id)
        db.session.flush()
        address.is_default = True
    elif make_default is False:
        address.is_default = False
    db.session.flush()
    return address


def delete_address(user_id: int, address_id: int) -> None:
    address = get_address(user_id, address_id)
    db.session.delete(address)
    db.session.flush()
