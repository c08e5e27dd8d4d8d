"""Hypothesis-driven submissions and bodies through the app: a 4xx or an accepted analysis,
never a 500, whatever the JSON, the bytes or the page."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.strategies import any_text, pages

BOUNDED = settings(
    deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
ALLOWED = {200, 202, 400, 413, 415, 422}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=12,
)
urls = st.one_of(
    any_text,
    st.sampled_from(
        [
            "https://example.org/a",
            "http://127.0.0.1/x",
            "javascript:alert(1)",
            "https://\u0430pple.com/",
            "https://example.org/" + "a" * 3000,
            "http:///",
            "https://[::1]:80/x",
            "https://example.org/%00",
            "HTTPS://EXAMPLE.ORG/",
        ]
    ),
)
submissions = st.fixed_dictionaries(
    {"url": urls | json_values, "html": pages | json_values},
    optional={"title": any_text | json_values, "extra": json_values},
)


def _check(response) -> None:  # noqa: ANN001
    assert response.status_code in ALLOWED, (response.status_code, response.get_data()[:300])
    body = response.get_json()
    assert isinstance(body, dict)
    if response.status_code >= 400:
        assert set(body) == {"error"} and body["error"]["message"]


@settings(BOUNDED, max_examples=120)
@given(body=submissions)
def test_any_submission_gets_a_clear_answer(fuzz_app, body):
    app, token = fuzz_app
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    response = app.test_client().post(
        "/api/v1/analyses",
        data=raw,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    _check(response)


@settings(BOUNDED, max_examples=120)
@given(
    raw=st.binary(max_size=2000),
    encoding=st.sampled_from(["", "gzip", "deflate", "identity", "br", "gzip, gzip", "x"]),
    gzipped=st.booleans(),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json; charset=latin-1",
            "text/plain",
            "application/JSON",
            "",
        ]
    ),
)
def test_any_bytes_get_a_clear_answer(fuzz_app, raw, encoding, gzipped, content_type):
    app, token = fuzz_app
    data = gzip.compress(raw) if gzipped else raw
    headers = {"Authorization": f"Bearer {token}"}
    if encoding:
        headers["Content-Encoding"] = encoding
    if content_type:
        headers["Content-Type"] = content_type
    _check(app.test_client().post("/api/v1/analyses", data=data, headers=headers))


@settings(BOUNDED, max_examples=60)
@given(analysis_id=any_text, fid=any_text)
def test_any_path_gets_a_clear_answer(fuzz_app, analysis_id, fid):
    app, token = fuzz_app
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    for response in (
        client.get(f"/api/v1/analyses/{analysis_id}", headers=headers),
        client.post(
            f"/api/v1/analyses/{analysis_id}/findings/{fid}/reports", json={}, headers=headers
        ),
    ):
        assert response.status_code in {400, 404, 405, 422}, response.status_code
