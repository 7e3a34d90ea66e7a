"""``flask --app wsgi ...`` commands."""

from __future__ import annotations

import contextvars
from datetime import UTC

import click
from flask import Flask

from core.errors import DomainError
from models import db, utcnow
from services import demo, users, webhook_redelivery, webhooks


def register_commands(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--email", required=True)
    @click.option("--password", required=True)
    @click.option("--full-name", default="Administrator", show_default=True)
    def create_admin(email: str, password: str, full_name: str) -> None:
        """Create an admin, or promote an existing user."""
        try:
            user, created = users.create_admin(email, password, full_name)
        except DomainError as exc:
            raise click.ClickException(f"{exc.message} {exc.errors or ''}".strip()) from exc
        db.session.commit()
        click.echo(f"{'created' if created else 'promoted'} admin {user.email} (id {user.id})")

    @app.cli.command("seed-demo")
    @click.option("--products", default=demo.DEFAULT_PRODUCTS, show_default=True,
                  type=click.IntRange(0, 100_000), help="How many demo products to have.")
    def seed_demo(products: int) -> None:
        """Load the demo data (idempotent)."""
        if app.config["APP_ENV"] == "production":
            # The demo accounts have published passwords, an admin's among them.
            raise click.ClickException("seed-demo creates accounts with known passwords "
                                       "(an admin's too) and is refused in production.")
        summary = demo.seed_demo(products)
        db.session.commit()
        for line in summary:
            click.echo(line)

    @app.cli.command("realtime")
    @click.option("--host", default="127.0.0.1", show_default=True)
    @click.option("--port", default=5001, show_default=True, type=click.IntRange(1, 65535))
    @click.option("--with-api", is_flag=True,
                  help="Serve the REST API on the same origin too (make run does).")
    def realtime(host: str, port: int, with_api: bool) -> None:
        """Serve the Socket.io real-time endpoint (/socket.io/)."""
        import uvicorn

        from realtime.server import create_realtime_app

        # Served outside the command's application context (Flask's CLI pushes one): the
        # requests (--with-api) and stream reads each push their own. Inheriting it through
        # their context variables, every request would share one session that none ends,
        # whose open transaction holds SQLite's write lock.
        contextvars.Context().run(
            uvicorn.run, create_realtime_app(app, with_api=with_api), host=host, port=port,
            ws="websockets-sansio", lifespan="on", log_level="info", access_log=False)

    webhooks_group = click.Group("webhooks", help="Outbound webhook deliveries.")
    @app.cli.command("queues")
    def queues() -> None:
        """Print the messages waiting in each Celery queue (any broker)."""
        from core.celery import queue_lengths

        for name, length in queue_lengths(app.extensions["celery"]).items():
            click.echo(f"{name}\t{length}")

    app.cli.add_command(webhooks_group)

    @webhooks_group.command("redeliver")
    @click.option("--status", "statuses", multiple=True, default=("dead",), show_default=True,
                  type=click.Choice(["failed", "dead"]), help="Repeat for both.")
    @click.option("--function", type=click.Choice(webhooks.FUNCTION_NAMES))
    @click.option("--event-type", type=click.Choice(sorted(webhooks.PUBLIC_EVENT_TYPES)))
    @click.option("--since", type=click.DateTime(), help="Created at or after (UTC).")
    @click.option("--until", type=click.DateTime(), help="Created at or before (UTC).")
    def redeliver(statuses, function, event_type, since, until) -> None:
        """Make matching deliveries due now (same webhook-id); beat's sweep sends them."""
        ids = webhook_redelivery.redeliver_matching(
            utcnow(), statuses=statuses, function=function, event_type=event_type,
            since=since.replace(tzinfo=UTC) if since else None,
            until=until.replace(tzinfo=UTC) if until else None)
        db.session.commit()
        click.echo(f"{len(ids)} deliveries due for redelivery"
                   + (f": {', '.join(map(str, ids[:20]))}" if ids else ""))
