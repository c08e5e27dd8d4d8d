"""schemathesis against /api/v1/openapi.json: generated requests never produce a 500.

Bounded: a fixed number of examples per operation, derandomized so CI runs are repeatable.
(The schemathesis pytest plugin does not work with this pytest, so each operation's Hypothesis
strategy is driven directly.)
"""

from __future__ import annotations

from collections.abc import Callable

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance

EXAMPLES = 25
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _operations(app):  # noqa: ANN001, ANN202
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9, [op.label for op in operations]
    return operations


def _fuzz(operation, check: Callable, examples: int = EXAMPLES) -> None:  # noqa: ANN001
    @settings(BOUNDED, max_examples=examples)
    @given(case=operation.as_strategy())
    def run(case) -> None:  # noqa: ANN001
        check(operation.label, case)

    run()


def test_no_request_the_spec_allows_makes_a_500(fuzz_app):
    app, token = fuzz_app
    seen: dict[str, set[int]] = {}

    def check(label: str, case) -> None:  # noqa: ANN001
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        case.validate_response(response, checks=[not_a_server_error, content_type_conformance])
        seen.setdefault(label, set()).add(response.status_code)
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and body["error"]["message"], (label, body)

    for operation in _operations(app):
        _fuzz(operation, check)
    # The token worked: generated requests got past authentication on every operation.
    assert all(codes - {401, 403} for codes in seen.values()), seen


def test_without_a_token_every_operation_is_401(fuzz_app):
    app, _ = fuzz_app

    def check(label: str, case) -> None:  # noqa: ANN001
        response = case.call(headers={"Authorization": ""})
        assert response.status_code == 401, (label, response.status_code, response.text)

    for operation in _operations(app):
        _fuzz(operation, check, examples=5)
