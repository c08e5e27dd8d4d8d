"""Every route needs the right credentials; tokens are stored hashed, revocable, cached briefly."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import select, text

from server import cache
from tests.security.conftest import auth, new_token
from worker.store import session_scope
from worker.store.accounts import hash_token, revoke_token
from worker.store.models import ApiToken

PUBLIC_API = {"/api/v1/openapi.json"}
WEB_PREFIXES = ("/review", "/admin")


def _concrete(rule: str) -> str:
    """A path for a URL rule: every variable part filled with something that parses."""
    return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: "1" if m.group(1) == "int" else "x", rule)


def _routes(app, prefix):  # noqa: ANN001, ANN202
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(prefix) and rule.rule not in PUBLIC_API:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, _concrete(rule.rule), rule.endpoint


def test_every_api_route_refuses_missing_invalid_and_revoked_tokens(make_app):
    app = make_app()
    client = app.test_client()
    token = new_token("admin", "admin@example.org")
    with session_scope() as session:
        assert revoke_token(session, session.scalars(select(ApiToken.name)).one()) == 1
    routes = list(_routes(app, "/api/"))
    assert len(routes) >= 9, routes  # the analyses and the review API are all covered
    for method, path, _ in routes:
        for headers in ({}, auth("smk_made-up"), {"Authorization": "Basic YTpi"}, auth(token)):
            response = client.open(path, method=method, headers=headers, json={})
            assert response.status_code == 401, (method, path, headers, response.status_code)
            assert response.get_json()["error"]["code"] in ("unauthorized", "invalid_token")
            assert "Bearer" in response.headers["WWW-Authenticate"]


def test_reader_tokens_get_403_on_review_routes(make_app):
    app = make_app()
    client = app.test_client()
    reader = new_token("reader")
    review = [(m, p) for m, p, endpoint in _routes(app, "/api/") if "review" in endpoint]
    assert review
    for method, path in review:
        response = client.open(path, method=method, headers=auth(reader), json={})
        assert response.status_code == 403, (method, path)
        assert "editor" in response.get_json()["error"]["message"]


def test_web_view_pages_need_a_signed_in_session(make_app):
    app = make_app()
    client = app.test_client()
    routes = [(m, p) for prefix in WEB_PREFIXES for m, p, _ in _routes(app, prefix)]
    assert routes
    for method, path in routes:
        response = client.open(path, method=method, data={})
        # Signed-out people are sent to sign in (or refused); nobody gets the page.
        assert response.status_code in (302, 303, 400, 401, 403), (method, path)
        if response.status_code in (302, 303):
            assert "/login" in response.headers["Location"]
        # A bearer token is for the API, not a way into the web view.
        with_token = client.open(
            path,
            method=method,
            data={},
            headers=auth(new_token("admin", f"a{time.time_ns()}@x.org")),
        )
        assert with_token.status_code != 200, (method, path)


def test_tokens_are_stored_only_as_hashes(make_app, tmp_path):
    make_app()
    token = new_token("reader", "hash@example.org")
    with session_scope() as session:
        row = session.scalars(select(ApiToken)).one()
        assert row.token_hash == hash_token(token) != token
        assert token.startswith(row.prefix) and len(row.prefix) <= 12
        for value in session.execute(text("SELECT * FROM api_tokens")).one():
            assert token not in str(value)
    assert token.encode() not in (tmp_path / "test.db").read_bytes()


def test_revocation_in_this_process_applies_at_once(make_app):
    app = make_app()
    client = app.test_client()
    token = new_token("reader", "now@example.org")
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 404
    with app.app_context():
        assert cache.tokens.get(cache.scoped(hash_token(token))) is not None  # in use
    with session_scope() as session:
        row = session.scalars(select(ApiToken)).one()
        revoke_token(session, row.name)
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 401


def test_revocation_elsewhere_applies_within_the_cache_lifetime(make_app, monkeypatch):
    """Another process (the CLI, another web process) revokes: no event reaches this one."""
    monkeypatch.setattr(cache.tokens, "ttl", 0.5)
    client = make_app().test_client()
    token = new_token("reader", "later@example.org")
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 404
    with session_scope() as session:  # a bare UPDATE, as a separate process's would look
        session.execute(text("UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP"))
    time.sleep(0.6)
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 401


def test_the_token_cache_can_be_turned_off(make_app, monkeypatch):
    monkeypatch.setattr(cache.tokens, "ttl", 0)
    app = make_app()
    client = app.test_client()
    token = new_token("reader", "off@example.org")
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 404
    with app.app_context():
        assert cache.tokens.get(cache.scoped(hash_token(token))) is None
    with session_scope() as session:
        session.execute(text("UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP"))
    assert client.get("/api/v1/analyses/x", headers=auth(token)).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer    ", "bearer", "Token abc", "Bearer " + "x" * 5000, "Bearer smk_\x00abc"],
)
def test_malformed_authorization_headers_are_401(make_app, header):
    client = make_app().test_client()
    response = client.get("/api/v1/analyses/x", headers={"Authorization": header})
    assert response.status_code == 401
