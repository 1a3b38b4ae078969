"""The screening page: paste a post, see findings highlighted with clause and reason.

A self-check is private: nothing is stored unless the author ticks "save".
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smpolicy.exceptions import InputError
from smpolicy.web import access
from smpolicy.web.screening.engine import screen
from smpolicy.web.screening.forms import ScreenForm
from smpolicy.web.screening.highlight import pieces
from smpolicy.web.screening.models import SavedCheck


@access.registered
def screen_view(request: HttpRequest) -> HttpResponse:
    form = ScreenForm(request.POST or None)
    result = None
    saved = False
    screened = ""
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        link = form.cleaned_data["link"]
        screened = f"{text}\n{link}" if link else text  # the link's domain is screened too
        try:
            result = screen(screened)
        except InputError as error:
            form.add_error("text", str(error))
        else:
            if form.cleaned_data["save"]:
                person = access.person_of(request.user)
                SavedCheck.objects.create(person=person, text=text, link=link,
                                          verdict=result["verdict"], result=result)
                saved = True
    return render(request, "screening/screen.html", {
        "form": form, "result": result, "saved": saved,
        "pieces": pieces(screened, result["findings"]) if result else [],
    })


@access.registered
def saved_checks(request: HttpRequest) -> HttpResponse:
    person = access.person_of(request.user)
    return render(request, "screening/saved.html", {
        "checks": SavedCheck.objects.filter(person=person)[:100],
    })
