"""Per-token rate limits: the rate setting, the counters, and the 429 the API answers."""

from __future__ import annotations

import time

import pytest

from server.ratelimit import Limiter, MemoryCounter, Rate, RedisCounter, parse_rate
from tests.security.conftest import auth, new_token
from tests.support.services import free_port, fresh_redis_db


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("120/minute", Rate(120, 60)),
        ("10/second", Rate(10, 1)),
        ("5000/hour", Rate(5000, 3600)),
        ("2/day", Rate(2, 86400)),
        ("30/minutes", Rate(30, 60)),
        ("100/5minutes", Rate(100, 300)),
        (" 7 / s ", Rate(7, 1)),
        ("off", None),
        ("0", None),
        ("0/minute", None),
    ],
)
def test_parse_rate(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["fast", "120", "120/fortnight", "-3/minute", "x/minute"])
def test_a_bad_rate_is_refused_with_a_message(text):
    with pytest.raises(ValueError, match="SOURCEMARK_RATE_LIMIT"):
        parse_rate(text)


def test_fixed_window_counts_then_resets():
    limiter = Limiter(Rate(3, 60), redis_url=None)
    verdicts = [limiter.check("t:a", now=1200.0 + i) for i in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert [v.remaining for v in verdicts] == [2, 1, 0, 0]
    assert verdicts[-1].retry_after == 57  # the window [1200, 1260) ends 57 s after 1203
    assert limiter.check("t:b", now=1203.0).allowed, "another token has its own budget"
    assert limiter.check("t:a", now=1260.0).allowed, "a new window starts afresh"


def test_memory_counter_forgets_old_windows():
    counter = MemoryCounter()
    for i in range(100):
        counter.hit(f"k{i}", Rate(1, 1), now=10.0)
    counter.hit("k0", Rate(1, 1), now=12.0)
    assert len(counter._counts) == 1


def test_redis_counter_is_shared_between_limiters():
    with fresh_redis_db() as url:
        one, two = Limiter(Rate(4, 3600), url), Limiter(Rate(4, 3600), url)
        assert isinstance(one.redis, RedisCounter)
        allowed = [(one if i % 2 else two).check("t:shared").allowed for i in range(6)]
        assert allowed == [True, True, True, True, False, False]


def test_redis_down_falls_back_to_memory_without_failing_requests():
    limiter = Limiter(Rate(2, 3600), f"redis://127.0.0.1:{free_port()}/0")
    assert [limiter.check("t:x").allowed for _ in range(3)] == [True, True, False]


# Hour-long windows: a burst of test requests never straddles a window boundary.
def test_api_answers_429_with_retry_after_and_json(make_app):
    app = make_app(RATE_LIMIT="3/hour")
    client = app.test_client()
    token, other = new_token(), new_token()
    for _ in range(3):
        response = client.get("/api/v1/analyses/none", headers=auth(token))
        assert response.status_code == 404
        assert int(response.headers["RateLimit-Limit"]) == 3
    limited = client.get("/api/v1/analyses/none", headers=auth(token))
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert "3 per hour" in limited.get_json()["error"]["message"]
    assert 1 <= int(limited.headers["Retry-After"]) <= 3600
    assert limited.headers["RateLimit-Remaining"] == "0"
    # Posting is limited too, before the body is even read.
    assert client.post("/api/v1/analyses", headers=auth(token), json={}).status_code == 429
    assert client.get("/api/v1/analyses/none", headers=auth(other)).status_code == 404
    # Pages outside the API are not counted.
    assert client.get("/healthz").status_code == 200


def test_requests_without_a_token_are_limited_per_address(make_app):
    client = make_app(RATE_LIMIT="2/hour").test_client()
    codes = [client.get("/api/v1/analyses/x").status_code for _ in range(3)]
    assert codes == [401, 401, 429]


def test_limit_is_shared_by_web_processes_through_redis(make_app):
    with fresh_redis_db() as url:
        first = make_app(RATE_LIMIT="4/hour", REDIS_URL=url).test_client()
        second = make_app(RATE_LIMIT="4/hour", REDIS_URL=url).test_client()
        token = new_token()
        codes = [
            (first if i % 2 else second).get("/api/v1/analyses/n", headers=auth(token)).status_code
            for i in range(6)
        ]
        assert codes == [404, 404, 404, 404, 429, 429]


def test_default_limit_is_generous_and_off_disables(make_app, monkeypatch):
    from server.ratelimit import DEFAULT_LIMIT, limiter_of

    default = parse_rate(DEFAULT_LIMIT)
    assert default is not None and default.limit / default.period >= 1000
    assert limiter_of(make_app()).rate == default
    monkeypatch.setenv("SOURCEMARK_RATE_LIMIT", "off")
    client = make_app().test_client()
    token = new_token()
    assert all(
        client.get("/api/v1/analyses/n", headers=auth(token)).status_code == 404 for _ in range(30)
    )
    assert "RateLimit-Limit" not in client.get("/api/v1/analyses/n", headers=auth(token)).headers


def test_a_bad_setting_stops_the_app_at_start(make_app):
    with pytest.raises(ValueError, match="120/minute"):
        make_app(RATE_LIMIT="lots")


def test_invalid_tokens_are_limited_per_address(make_app):
    # Random tokens must not each get a budget of their own.
    app = make_app(AUTH_FAILURE_LIMIT="3/hour")
    client = app.test_client()
    for guess in range(3):
        assert client.get("/api/v1/me", headers=auth(f"smk_guess-{guess}")).status_code == 401
    blocked = client.get("/api/v1/me", headers=auth("smk_yet-another-guess"))
    assert blocked.status_code == 429
    assert blocked.get_json()["error"]["code"] == "rate_limited"
    assert "invalid API tokens" in blocked.get_json()["error"]["message"]
    assert int(blocked.headers["Retry-After"]) >= 1
    # Another address is not affected.
    other = client.get(
        "/api/v1/me", headers=auth(new_token()), environ_base={"REMOTE_ADDR": "10.0.0.9"}
    )
    assert other.status_code == 200


def test_peek_does_not_count():
    limiter = Limiter(Rate(2, 3600), redis_url=None)
    assert limiter.peek("k", now=100.0).allowed
    limiter.check("k", now=100.0)
    limiter.check("k", now=100.0)
    assert not limiter.peek("k", now=100.0).allowed
    assert limiter.peek("k", now=3700.0).allowed


def test_a_generous_limit_is_counted_in_blocks_and_holds_across_processes():
    with fresh_redis_db() as url:
        rate = Rate(5000, 3600)
        one, two = Limiter(rate, url), Limiter(rate, url)
        assert one.block == 5
        now = 7200.0
        trips = []
        for limiter in (one, two):  # count the real counter's round trips
            real = limiter.redis.hit
            limiter.redis.hit = lambda *a, real=real, **k: trips.append(1) or real(*a, **k)
        allowed = [(one if i % 3 else two).check("t:shared", now=now).allowed for i in range(6000)]
        # Every count is handed out once across both: exactly the limit passes (a block a
        # limiter reserved last may be partly unused, so at most one block fewer).
        assert rate.limit - 2 * one.block <= sum(allowed) <= rate.limit
        assert not any(allowed[sum(allowed) + 2 * one.block :])
        assert len(trips) <= 6000 // one.block + 2  # one round trip per block, not per request
        # A new window starts afresh.
        assert one.check("t:shared", now=now + 3600).allowed


def test_peeks_at_a_shared_counter_are_trusted_for_a_second_but_blocking_is_seen_at_once():
    with fresh_redis_db() as url:
        here, there = Limiter(Rate(3, 3600), url), Limiter(Rate(3, 3600), url)
        assert here.peek_recent("authfail:a").allowed
        for _ in range(3):
            there.check("authfail:a")  # another process counts three failures
        assert here.peek_recent("authfail:a").allowed  # not asked again within the second
        time.sleep(1.1)
        assert not here.peek_recent("authfail:a").allowed
        # Failures counted by this process block its next peek without waiting.
        assert here.peek_recent("authfail:b").allowed
        for _ in range(3):
            here.check("authfail:b")
        assert not here.peek_recent("authfail:b").allowed
        # In memory (embedded), peeks are exact.
        local = Limiter(Rate(1, 3600), None)
        assert local.peek_recent("k").allowed
        local.check("k")
        assert not local.peek_recent("k").allowed
