"""The web view through the test client: sign-in, roles, CSRF, queue, review, escaping."""

from __future__ import annotations

from tests.review.conftest import csrf_from, sign_in

QUOTE = '"We will not allow <script>alert(1)</script> here," Jane Doe said.'


def test_signed_out_visitors_are_sent_to_login(client, users):
    response = client.get("/review?status=new")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_wrong_password_is_refused(client, users):
    response = sign_in(client, users["editor"]["email"], "not the password")
    assert response.status_code == 401
    assert client.get("/review").status_code == 302


def test_reader_signed_in_gets_403_on_review(client, users):
    assert sign_in(client, users["reader"]["email"]).status_code == 302
    response = client.get("/review")
    assert response.status_code == 403
    assert "needs the" in response.get_data(as_text=True)


def test_editor_cannot_reach_admin_pages(client, users):
    sign_in(client, users["editor"]["email"])
    assert client.get("/review").status_code == 200
    assert client.get("/admin/users").status_code == 403


def test_login_redirect_stays_on_this_site(client, users):
    page = client.get("/login?next=//evil.example/x")
    token = csrf_from(page.get_data(as_text=True))
    response = client.post(
        "/login",
        data={
            "email": users["editor"]["email"],
            "password": "correct horse battery",
            "csrf_token": token,
            "next": "//evil.example/x",
        },
    )
    assert response.headers["Location"] == "/review"


def test_form_without_csrf_token_is_refused(client, users, seed_store):
    ids = seed_store([('"A," Jane Doe said.', {})])["finding_ids"]
    sign_in(client, users["editor"]["email"])
    response = client.post(f"/review/findings/{ids[0]}", data={"status": "confirmed"})
    assert response.status_code == 400
    response = client.post(f"/review/findings/{ids[0]}/review", json={"status": "confirmed"})
    assert response.status_code == 400
    assert (
        client.post("/login", data={"email": "x@example.org", "password": "y"}).status_code == 400
    )


def test_keyboard_endpoint_reviews_with_the_csrf_header(client, users, seed_store):
    ids = seed_store([('"A," Jane Doe said.', {})])["finding_ids"]
    sign_in(client, users["editor"]["email"])
    token = csrf_from(client.get("/review").get_data(as_text=True))
    response = client.post(
        f"/review/findings/{ids[0]}/review",
        json={"status": "confirmed"},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert response.get_json()["finding"]["status"] == "confirmed"
    bad = client.post(
        f"/review/findings/{ids[0]}/review",
        json={"status": "maybe"},
        headers={"X-CSRFToken": token},
    )
    assert bad.status_code == 422
    page = client.get(f"/review/findings/{ids[0]}").get_data(as_text=True)
    assert "editor@example.org" in page and "Confirmed" in page


def test_queue_filters_and_search(client, users, seed_store):
    seed_store(
        [
            ('"Taxes will fall," Jane Doe said.', {}),
            (
                "Officials said hundreds were hurt.",
                {
                    "kind": "unverified",
                    "type": "anonymous_source",
                    "speaker": "officials",
                    "anonymous": True,
                },
            ),
        ],
        site="Daily One",
    )
    seed_store([('"Rain is coming," Bob Roe said.', {"speaker": "Bob Roe"})], site="Other Times")
    sign_in(client, users["editor"]["email"])
    page = client.get("/review").get_data(as_text=True)
    assert "Taxes will fall" in page and "Rain is coming" in page
    page = client.get("/review?site=Other+Times").get_data(as_text=True)
    assert "Rain is coming" in page and "Taxes will fall" not in page
    page = client.get("/review?q=taxes").get_data(as_text=True)
    assert "Taxes will fall" in page and "Rain is coming" not in page
    page = client.get("/review?q=bob").get_data(as_text=True)
    assert "Rain is coming" in page and "Taxes will fall" not in page
    page = client.get("/review?kind=unverified").get_data(as_text=True)
    assert "hundreds were hurt" in page and "Rain is coming" not in page
    page = client.get("/review?from=not-a-date").get_data(as_text=True)
    assert "must be a date" in page


def test_bulk_dismiss(client, users, seed_store):
    ids = seed_store(
        [('"A," Jane Doe said.', {}), ('"B," Jane Doe said.', {}), ('"C," Jane Doe said.', {})]
    )["finding_ids"]
    sign_in(client, users["editor"]["email"])
    token = csrf_from(client.get("/review").get_data(as_text=True))
    response = client.post(
        "/review/bulk",
        data={
            "csrf_token": token,
            "action": "dismissed",
            "ids": [str(ids[0]), str(ids[1])],
            "back": "/review",
        },
    )
    assert response.status_code == 302
    page = client.get("/review?status=dismissed").get_data(as_text=True)
    assert '"A,"' not in page  # escaped quotes
    assert page.count('class="finding-row st-dismissed"') == 2


def test_script_in_a_finding_renders_inert(client, users, seed_store):
    ids = seed_store([(QUOTE, {})])
    sign_in(client, users["editor"]["email"])
    for path in (
        "/review",
        f"/review/findings/{ids['finding_ids'][0]}",
        f"/review/articles/{ids['analysis_id']}",
    ):
        page = client.get(path).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path


def test_pages_carry_a_strict_csp(client, users):
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<script>" not in response.get_data(as_text=True)
    assert "style=" not in response.get_data(as_text=True)


def test_admin_creates_a_user_and_revokes_a_token(client, users):
    sign_in(client, users["admin"]["email"])
    page = client.get("/admin/users").get_data(as_text=True)
    token = csrf_from(page)
    response = client.post(
        "/admin/users",
        data={
            "csrf_token": token,
            "email": "new@example.org",
            "role": "editor",
            "password": "long enough",
        },
    )
    assert response.status_code == 302
    assert "new@example.org" in client.get("/admin/users").get_data(as_text=True)
    response = client.get(
        "/api/v1/findings", headers={"Authorization": f"Bearer {users['editor']['token']}"}
    )
    assert response.status_code == 200
    from worker.store import session_scope
    from worker.store.models import ApiToken

    with session_scope() as session:
        token_id = session.query(ApiToken).filter_by(name="editor-token").one().id
    client.post(f"/admin/tokens/{token_id}/revoke", data={"csrf_token": token})
    response = client.get(
        "/api/v1/findings", headers={"Authorization": f"Bearer {users['editor']['token']}"}
    )
    assert response.status_code == 401


def test_sign_out_ends_the_session(client, users):
    sign_in(client, users["editor"]["email"])
    token = csrf_from(client.get("/review").get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/review").status_code == 302


def test_dashboard_draws_charts(client, users, seed_store):
    seed_store(
        [
            ('"A," Jane Doe said.', {}),
            (
                "Officials said 40 died.",
                {"kind": "unverified", "type": "anonymous_source", "speaker": None},
            ),
            (
                "Officials said it was calm.",
                {"speaker": "Officials", "anonymous": True, "type": "indirect"},
            ),
        ],
        site="Daily One",
    )
    seed_store([('"B," Bob Roe said.', {"speaker": "Bob Roe"})], site="Other", days_ago=3)
    sign_in(client, users["editor"]["email"])
    page = client.get("/review/dashboard").get_data(as_text=True)
    assert page.count('<svg class="chart"') == 4
    assert "Jane Doe" in page and "Daily One" in page and "33%" in page
    assert "Officials" not in page.split("Most-quoted speakers")[1].split("</section>")[0]


def test_changing_the_password_or_deactivating_ends_sessions(client, users):
    from sqlalchemy import select

    from worker.store import session_scope
    from worker.store.accounts import set_password
    from worker.store.models import User

    sign_in(client, users["editor"]["email"])
    assert client.get("/review").status_code == 200
    with session_scope() as session:
        user = session.scalars(select(User).where(User.email == users["editor"]["email"])).one()
        set_password(user, "a brand new password")
    assert client.get("/review").status_code == 302
    sign_in(client, users["editor"]["email"], "a brand new password")
    assert client.get("/review").status_code == 200
    with session_scope() as session:
        session.scalars(
            select(User).where(User.email == users["editor"]["email"])
        ).one().active = False
    assert client.get("/review").status_code == 302


def test_the_session_cookie_is_http_only_and_same_site(client, users):
    response = sign_in(client, users["editor"]["email"])
    cookies = [v for k, v in response.headers.items() if k.lower() == "set-cookie"]
    session = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session
    # Secure only behind HTTPS (SOURCEMARK_SECURE_COOKIES=1): `serve` speaks plain HTTP.
    assert "Secure" not in session


def test_secure_cookies_behind_https(tmp_path, monkeypatch):
    from server import create_app

    monkeypatch.setenv("SOURCEMARK_SECURE_COOKIES", "1")
    monkeypatch.setenv("SOURCEMARK_INSTANCE", str(tmp_path))
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_dashboard_counts_a_reanalysed_article_once(client, users, seed_store):
    from server.review.dashboard import top_speakers, weak_sourcing
    from worker.store import session_scope

    url = "https://news.example.org/twice"
    seed_store([('"A," Jane Doe said.', {})], url=url, site="Twice", days_ago=2)
    seed_store([('"A," Jane Doe said.', {})], url=url, site="Twice", days_ago=0)

    with session_scope() as session:
        assert dict(top_speakers(session))["Jane Doe"] == 1.0
        assert {site: total for site, _, total in weak_sourcing(session)}["Twice"] == 1
