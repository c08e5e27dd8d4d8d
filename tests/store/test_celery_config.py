"""The Celery app's settings: the reliability contract of the tasks, read from the environment."""

from __future__ import annotations

from worker.tasks.celery_app import make_celery


def test_tasks_are_acknowledged_late_json_only_and_time_limited(monkeypatch):
    monkeypatch.setenv("SOURCEMARK_TASK_SOFT_LIMIT", "30")
    monkeypatch.delenv("SOURCEMARK_TASK_HARD_LIMIT", raising=False)
    monkeypatch.delenv("SOURCEMARK_VISIBILITY_TIMEOUT", raising=False)
    conf = make_celery("redis://127.0.0.1:6379/15").conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.accept_content == ["json"] and conf.task_serializer == "json"
    assert (conf.task_soft_time_limit, conf.task_time_limit) == (30, 45)
    # Redelivery must wait out the hard limit, or a slow healthy task would run twice.
    assert conf.broker_transport_options["visibility_timeout"] == 90
    assert conf.worker_prefetch_multiplier == 1


def test_pool_processes_are_recycled_to_bound_memory(monkeypatch):
    monkeypatch.delenv("SOURCEMARK_WORKER_MAX_TASKS", raising=False)
    monkeypatch.setenv("SOURCEMARK_WORKER_MAX_MEMORY_MB", "512")
    conf = make_celery("redis://127.0.0.1:6379/15").conf
    assert conf.worker_max_tasks_per_child == 1000
    assert conf.worker_max_memory_per_child == 512 * 1024
    monkeypatch.setenv("SOURCEMARK_WORKER_MAX_TASKS", "not a number")
    assert make_celery("redis://127.0.0.1:6379/15").conf.worker_max_tasks_per_child == 1000


def test_rechecks_have_their_own_queue_taken_after_first_analyses():
    import worker.tasks.recheck  # noqa: F401 - registers the task

    app = make_celery("redis://127.0.0.1:6379/15")
    conf = app.conf
    # A worker consumes every declared queue, in this order each time it asks Redis.
    # First analyses, then re-checks, then the second pass of claim matching.
    assert [q.name for q in conf.task_queues] == ["celery", "rechecks", "matching"]
    assert conf.broker_transport_options["queue_order_strategy"] == "priority"
    assert app.amqp.router.route({}, "sourcemark.recheck")["queue"].name == "rechecks"
    assert app.amqp.router.route({}, "sourcemark.analyze")["queue"].name == "celery"
    assert app.amqp.router.route({}, "sourcemark.match_claims")["queue"].name == "matching"
