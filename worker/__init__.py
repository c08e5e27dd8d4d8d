"""sourcemark's engine: the analysis pipeline, the store and the Celery tasks (no HTTP here)."""
