"""The Celery entry point: ``celery -A celery_app worker|beat|flower``."""

from core.app import create_app

flask_app = create_app()
celery = flask_app.extensions["celery"]
