"""Property-based fuzzing of the JSON API from its own OpenAPI schema: no input gives a 500.

Schemathesis generates valid and invalid requests for every operation in /api/openapi.json and
sends them, signed in as the Town Clerk (who may call everything), to the WSGI app in-process.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 60


@pytest.fixture
def keep_test_connection():
    """Requests go straight to the WSGI app, not Django's test client, so stop the end of each
    request from closing the database connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.slow
def test_no_api_input_causes_a_server_error(personas, published, bearer, keep_test_connection):
    headers = bearer(personas.clerk)
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        call()
