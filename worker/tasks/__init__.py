"""Celery wiring: the app, the analysis task, the dispatcher and the sweeper."""
