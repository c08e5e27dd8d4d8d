"""A newcomer finds the editors' view from the home page: the link, the sign-in it leads to, the
queue after it; and every page names its icon, so no page requests a favicon that 404s."""

from __future__ import annotations

import re
from urllib.parse import unquote

from tests.review.conftest import csrf_from


def _links(html: str) -> dict[str, str]:
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    }


def test_home_page_leads_editors_to_sign_in_and_then_to_the_queue(client, users):
    home = client.get("/").get_data(as_text=True)
    href = _links(home)["Editors: sign in"]
    assert "For editors" in home and "sourcemark user create" in home
    first = client.get(href)
    assert first.status_code == 302
    login_url = first.headers["Location"]
    assert login_url.startswith("/login?next=") and unquote(login_url).endswith(href)
    form = client.get(login_url).get_data(as_text=True)
    answer = client.post(
        login_url,
        data={
            "email": users["editor"]["email"],
            "password": "correct horse battery",
            "csrf_token": csrf_from(form),
        },
    )
    assert answer.status_code == 302 and answer.headers["Location"] == href
    queue = client.get(href)
    assert queue.status_code == 200 and "Queue" in queue.get_data(as_text=True)
