"""Celery wiring: the app, the analysis task (extraction and NLP), the re-check task, the
dispatcher and the sweeper."""
