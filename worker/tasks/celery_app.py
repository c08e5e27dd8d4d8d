"""The Celery application, configured from the environment (REDIS_URL)."""

from __future__ import annotations

from celery import Celery
from kombu import Queue

from worker.config import int_setting, redis_url, task_limits

# First analyses go to Celery's default queue; re-checks of pages already analysed to their own;
# the second pass of claim matching to a third, taken only when neither of the others waits.
ANALYSIS_QUEUE = "celery"
RECHECK_QUEUE = "rechecks"
MATCH_QUEUE = "matching"


def make_celery(broker: str | None = None) -> Celery:
    broker = broker or redis_url() or "redis://127.0.0.1:6379/0"
    limits = task_limits()
    app = Celery(
        "sourcemark",
        broker=broker,
        backend=broker,
        include=[
            "worker.tasks.analysis",
            "worker.tasks.recheck",
            "worker.tasks.match_step",
            "worker.tasks.sweep",
        ],
    )
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        # Results live in the database; the backend only stores failures' tracebacks briefly.
        task_ignore_result=True,
        result_expires=3600,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # One message at a time per process: a killed process strands at most one task.
        worker_prefetch_multiplier=1,
        # spaCy's string store grows with every new word it sees; recycling a pool process now
        # and then (about a second to reload the model) keeps a long-running worker's memory flat.
        worker_max_tasks_per_child=int_setting("SOURCEMARK_WORKER_MAX_TASKS", 1000),
        worker_max_memory_per_child=int_setting("SOURCEMARK_WORKER_MAX_MEMORY_MB", 1024) * 1024,
        task_soft_time_limit=limits.soft_seconds,
        task_time_limit=limits.hard_seconds,
        # Every worker consumes both queues (``sourcemark worker``, compose), asking Redis for
        # them in this order each time: a re-check is taken only when no first analysis waits,
        # and the second matching pass only when neither does.
        task_queues=[Queue(ANALYSIS_QUEUE), Queue(RECHECK_QUEUE), Queue(MATCH_QUEUE)],
        task_default_queue=ANALYSIS_QUEUE,
        task_routes={
            "sourcemark.recheck": {"queue": RECHECK_QUEUE},
            "sourcemark.match_claims": {"queue": MATCH_QUEUE},
        },
        broker_transport_options={
            "visibility_timeout": limits.visibility_seconds,
            "queue_order_strategy": "priority",
        },
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=3,
        worker_hijack_root_logger=False,
        beat_schedule={
            "sweep-stale-analyses": {
                "task": "sourcemark.sweep",
                "schedule": float(max(2, min(30, limits.hard_seconds // 2))),
            }
        },
        timezone="UTC",
    )
    return app


celery_app = make_celery()
