"""The pipeline benchmark's baseline: a Celery task that does nothing (loaded into the
benchmark's workers with ``--include noop_tasks``)."""

from celery import shared_task


@shared_task(name="bench.noop")
def noop(event_id: int) -> None:
    return None
