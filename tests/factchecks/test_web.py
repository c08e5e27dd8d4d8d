"""The editors' list of diverging figures (``/review/figures``): editors only, every value
escaped, no inline script, on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy

from server import create_app
from tests.factchecks.conftest import WRITTEN, insert_written
from tests.review.conftest import PASSWORD, sign_in
from worker.store import session_scope
from worker.store.accounts import create_user


def test_editors_see_diverging_figures_side_by_side(db_url):
    articles = copy.deepcopy(WRITTEN)
    articles[1]["title"] = "<script>alert('toll')</script> Ministry gives Valdera toll"
    for n, article in enumerate(articles):
        insert_written(db_url, article, f"written-{n}")
    with session_scope(db_url) as session:
        create_user(session, "editor@example.org", "editor", PASSWORD)
        create_user(session, "reader@example.org", "reader", PASSWORD)
    app = create_app({"TESTING": True, "DATABASE_URL": db_url})

    reader = app.test_client()
    sign_in(reader, "reader@example.org")
    assert reader.get("/review/figures").status_code == 403
    assert app.test_client().get("/review/figures").status_code == 302  # signed out: to /login

    editor = app.test_client()
    sign_in(editor, "editor@example.org")
    page = editor.get("/review/figures")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;toll&#39;)&lt;/script&gt; Ministry gives Valdera toll" in html
    # one diverging event (the dead: at least 40 / 12 / dozens); the injured agree: not listed
    assert html.count('class="card figure-group"') == 1
    for figure in ("at least 40 dead", "12 dead", "&#39;dozens&#39; dead"):
        assert f"<strong>{figure}</strong>" in html
    assert "53 injured" not in html
    # each figure links to its finding's review page
    assert html.count('href="/review/findings/') == 3
    # inline scripts: only the JSON data block every page has
    assert html.count("<script") == 2 and 'type="application/json"' in html
