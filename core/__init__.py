"""The application's frame: configuration, extensions, errors, auth and Celery."""
