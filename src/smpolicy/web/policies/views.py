"""Policy pages: the clause-by-clause viewer, versions, upload and publication (8.1)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smpolicy.web import access
from smpolicy.web.audit.models import record
from smpolicy.web.policies.forms import UploadForm
from smpolicy.web.policies.models import PolicyVersion
from smpolicy.web.policies.services import policy_in_force


@access.registered
def clauses(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        version, policy = policy_in_force()
    else:
        version = get_object_or_404(PolicyVersion, pk=pk)
        policy = version.policy
    return render(request, "policies/clauses.html", {"version": version, "policy": policy})


@access.registered
def versions(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/versions.html", {
        "versions": PolicyVersion.objects.all(), "current": PolicyVersion.current(),
    })


@access.role_required(access.OWN_POLICY)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        policy = form.policy
        version = PolicyVersion.objects.create(
            policy_id=policy.id, version=policy.version, title=policy.title,
            document=form.cleaned_data["file"], uploaded_by=request.user,
        )
        record(request.user, "policy.upload", str(version))
        messages.success(request, f"Uploaded {version}. Publish it to ask everyone to read it.")
        return redirect("policies:versions")
    return render(request, "policies/upload.html", {"form": form})


@require_POST
@access.role_required(access.OWN_POLICY)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(PolicyVersion, pk=pk)
    version.publish()
    record(request.user, "policy.publish", str(version))
    messages.success(request, f"Published {version}: everyone is now asked to acknowledge it.")
    return redirect("policies:versions")
