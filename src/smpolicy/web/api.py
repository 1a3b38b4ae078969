"""The JSON API (django-ninja), mounted at /api/; schema at /api/openapi.json.

Every operation authenticates (bearer token or session with CSRF) and checks the caller's role.
Engine errors become 4xx responses with a ``detail`` message here, never a 500.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from smpolicy import __version__
from smpolicy.exceptions import InputError, SmpolicyError, WorkflowError
from smpolicy.web.acknowledgements.api import router as acknowledgements
from smpolicy.web.api_auth import AUTH
from smpolicy.web.cases.api import router as cases
from smpolicy.web.concerns.api import router as concerns
from smpolicy.web.people.api import router as people
from smpolicy.web.policies.api import router as policies
from smpolicy.web.reports.api import router as reports
from smpolicy.web.screening.api import router as screening

api = NinjaAPI(
    title="smpolicy",
    version=__version__,
    description="Screen posts and run the people side of a social-media policy.",
    auth=AUTH,
    urls_namespace="api",
)
api.add_router("", screening)
api.add_router("", people)
api.add_router("", acknowledgements)
api.add_router("", policies)
api.add_router("", reports)
api.add_router("", concerns)
api.add_router("", cases)


@api.exception_handler(InputError)
def input_error(request: HttpRequest, error: InputError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=400)


@api.exception_handler(WorkflowError)
def workflow_error(request: HttpRequest, error: WorkflowError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=409)


@api.exception_handler(SmpolicyError)
def smpolicy_error(request: HttpRequest, error: SmpolicyError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=400)
