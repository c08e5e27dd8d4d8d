"""Celery wiring: the app, the analysis task and the dispatcher."""
