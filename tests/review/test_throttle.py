"""Password guessing on /login is slowed down per account."""

from __future__ import annotations

from server.review.throttle import LoginThrottle, throttle
from tests.review.conftest import sign_in


def test_throttle_counts_failures_in_a_window():
    t = LoginThrottle(limit=3, window=60)
    for now in (0, 1, 2):
        assert t.retry_after("a", now) == 0
        t.failed("a", now)
    assert t.retry_after("a", 3) == 58
    assert t.retry_after("b", 3) == 0
    assert t.retry_after("a", 61) == 0  # the first failure left the window
    t.succeeded("a")
    assert t.retry_after("a", 3) == 0


def test_login_refuses_after_too_many_failures(client, users):
    email = users["editor"]["email"]
    try:
        for _ in range(throttle.limit):
            assert sign_in(client, email, "wrong password").status_code == 401
        response = sign_in(client, email)  # even the right password waits now
        assert response.status_code == 429
        assert int(response.headers["Retry-After"]) > 0
        assert sign_in(client, users["admin"]["email"]).status_code == 302
    finally:
        throttle.succeeded(email)
