from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.delivery_event_type import DeliveryEventType
from ..models.delivery_function_type_1 import DeliveryFunctionType1
from ..models.delivery_function_type_2_type_1 import DeliveryFunctionType2Type1
from ..models.delivery_function_type_3_type_1 import DeliveryFunctionType3Type1
from ..models.delivery_status import DeliveryStatus

if TYPE_CHECKING:
    from ..models.attempt import Attempt


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        attempts (list[Attempt]):
        created_at (datetime.datetime):
        endpoint_id (int | None):
        event_type (DeliveryEventType):
        function (DeliveryFunctionType1 | DeliveryFunctionType2Type1 | DeliveryFunctionType3Type1 | None):
        id (int):
        next_attempt_at (datetime.datetime | None):
        status (DeliveryStatus): failed: still being retried
        webhook_id (str): The same on every attempt
    """

    attempts: list[Attempt]
    created_at: datetime.datetime
    endpoint_id: int | None
    event_type: DeliveryEventType
    function: DeliveryFunctionType1 | DeliveryFunctionType2Type1 | DeliveryFunctionType3Type1 | None
    id: int
    next_attempt_at: datetime.datetime | None
    status: DeliveryStatus
    webhook_id: str

    def to_dict(self) -> dict[str, Any]:
        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        created_at = self.created_at.isoformat()

        endpoint_id: int | None
        endpoint_id = self.endpoint_id

        event_type = self.event_type.value

        function: None | str
        if isinstance(self.function, DeliveryFunctionType1):
            function = self.function.value
        elif isinstance(self.function, DeliveryFunctionType2Type1):
            function = self.function.value
        elif isinstance(self.function, DeliveryFunctionType3Type1):
            function = self.function.value
        else:
            function = self.function

        id = self.id

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        status = self.status.value

        webhook_id = self.webhook_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "endpoint_id": endpoint_id,
                "event_type": event_type,
                "function": function,
                "id": id,
                "next_attempt_at": next_attempt_at,
                "status": status,
                "webhook_id": webhook_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt  # noqa: PLC0415

        d = dict(src_dict)
        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = Attempt.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_endpoint_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        endpoint_id = _parse_endpoint_id(d.pop("endpoint_id"))

        event_type = DeliveryEventType(d.pop("event_type"))

        def _parse_function(
            data: object,
        ) -> DeliveryFunctionType1 | DeliveryFunctionType2Type1 | DeliveryFunctionType3Type1 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                function_type_1 = DeliveryFunctionType1(data)

                return function_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                function_type_2_type_1 = DeliveryFunctionType2Type1(data)

                return function_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                function_type_3_type_1 = DeliveryFunctionType3Type1(data)

                return function_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryFunctionType1 | DeliveryFunctionType2Type1 | DeliveryFunctionType3Type1 | None, data)

        function = _parse_function(d.pop("function"))

        id = d.pop("id")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        status = DeliveryStatus(d.pop("status"))

        webhook_id = d.pop("webhook_id")

        delivery = cls(
            attempts=attempts,
            created_at=created_at,
            endpoint_id=endpoint_id,
            event_type=event_type,
            function=function,
            id=id,
            next_attempt_at=next_attempt_at,
            status=status,
            webhook_id=webhook_id,
        )

        return delivery
