"""``flask --app wsgi ...`` commands."""

from __future__ import annotations

import click
from flask import Flask

from core.errors import DomainError
from models import db
from services import demo, users


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
        summary = demo.seed_demo(products)
        db.session.commit()
        for line in summary:
            click.echo(line)
