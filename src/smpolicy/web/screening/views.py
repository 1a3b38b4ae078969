"""The screening page: paste a post, add its images, see findings with clause and reason.

A self-check is private: nothing is stored unless the author ticks "save", and even then only
the findings, never an image or the words read from it. Images are screened in memory
(``uploads.InMemoryImageUploadHandler``) and dropped with the request.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smpolicy.exceptions import ExportError, InputError
from smpolicy.selfaudit import audit_export
from smpolicy.web import access
from smpolicy.web.people.register import service_user_register
from smpolicy.web.screening.engine import rules_screener, screen, screen_post
from smpolicy.web.screening.forms import ScreenForm
from smpolicy.web.screening.highlight import pieces
from smpolicy.web.screening.models import SavedCheck


@access.registered
def screen_view(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ScreenForm(request.POST if posted else None, request.FILES if posted else None)
    result = None
    saved = False
    screened = ""
    status = 200
    refused = getattr(request, "upload_refused", None)  # set while the body was read
    if refused:
        form.is_valid()
        form.add_error("images", f"The images were not checked: {refused}.")
        status = 413
    elif posted and form.is_valid():
        text = form.cleaned_data["text"]
        link = form.cleaned_data["link"]
        screened = f"{text}\n{link}" if link else text  # the link's domain is screened too
        images = [(upload.name or "image", upload.read()) for upload in form.cleaned_data["images"]]
        try:
            result = screen_post(screened, images) if images else screen(screened)
        except InputError as error:
            form.add_error("text", str(error))
        else:
            if form.cleaned_data["save"]:
                person = access.person_of(request.user)
                SavedCheck.objects.create(person=person, text=text, link=link,
                                          verdict=result["verdict"], result=findings_only(result))
                saved = True
    return render(request, "screening/screen.html", {
        "form": form, "result": result, "saved": saved,
        "pieces": pieces(screened, result["findings"]) if result else [],
        "findings": located(result) if result else [],
    }, status=status)


def located(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each finding with ``where``: which image (by number and file name) and the box in it."""
    names = {image["index"]: image["name"] for image in result.get("images", ())}
    out = []
    for finding in result["findings"]:
        where = ""
        if finding.get("image") is not None:
            where = f"image {finding['image'] + 1} ({names.get(finding['image'], '')})"
            if finding.get("box"):
                left, top, right, bottom = finding["box"]
                where += f", the area from ({left}, {top}) to ({right}, {bottom}) in pixels"
        out.append({**finding, "where": where})
    return out


def findings_only(result: dict[str, Any]) -> dict[str, Any]:
    """What a saved check keeps: the findings and each image's name and error, not its words."""
    if "images" not in result:
        return result
    kept = [{k: v for k, v in image.items() if k != "ocr_text"} for image in result["images"]]
    return {**result, "images": kept}


@access.registered
def saved_checks(request: HttpRequest) -> HttpResponse:
    person = access.person_of(request.user)
    return render(request, "screening/saved.html", {
        "checks": SavedCheck.objects.filter(person=person)[:100],
    })


@access.registered
def selfaudit_view(request: HttpRequest) -> HttpResponse:
    """Section 5 and Appendix 1: audit your own data export, privately.

    The zip is held in memory by ``uploads.InMemoryImageUploadHandler`` (never written to disk),
    audited, shown once and dropped with the request; nothing is stored or logged about it.
    """
    report, error, status = None, None, 200
    upload = request.FILES.get("export") if request.method == "POST" else None  # reads the body
    refused = getattr(request, "upload_refused", None)
    if refused:
        error, status = f"The export was not checked: {refused}.", 413
    elif request.method == "POST":
        if upload is None:
            error, status = "Choose the zip file of your data export.", 400
        else:
            try:
                report = audit_export(  # rules only: an export holds thousands of posts
                    upload.read(), service_users=service_user_register(), screener=rules_screener(), workers=1
                ).to_dict()
            except ExportError as problem:
                error, status = str(problem), 400
    return render(request, "screening/selfaudit.html", {"report": report, "error": error}, status=status)
