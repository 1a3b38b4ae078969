"""Apply one named case step from validated form or API data: views and API share this."""

from __future__ import annotations

from typing import Any

from smpolicy.exceptions import InputError, WorkflowError
from smpolicy.web.cases import forms
from smpolicy.web.cases.models import Case
from smpolicy.web.people.models import Person

FORMS: dict[str, type[Any]] = {
    "note": forms.NoteForm, "proceed": forms.ProceedForm, "notify": type(None),
    "meeting": forms.MeetingForm, "outcome": forms.OutcomeForm, "appeal": forms.AppealForm,
    "appeal_outcome": forms.AppealOutcomeForm, "close": type(None),
    "exclude": forms.ExcludeForm,
}


def apply_step(case: Case, actor: Person, step: str, data: dict[str, Any]) -> None:
    """Run ``step`` with cleaned data; raises InvalidTransition (or WorkflowError)."""
    if step == "note":
        case.add_note(actor, data["text"])
    elif step == "proceed":
        case.decide_to_proceed(actor, bool(data["proceed"]), data["reason"])
    elif step == "notify":
        case.notify(actor)
    elif step == "meeting":
        case.schedule_meeting(actor, at=data["at"], place=data["place"],
                              companion_right_given=bool(data["companion_right_given"]),
                              companion_name=data.get("companion_name", ""))
    elif step == "outcome":
        case.decide_outcome(actor, data["outcome"], data["reason"],
                            data.get("consistency_reason", ""))
    elif step == "appeal":
        case.appeal(actor, data["grounds"])
    elif step == "appeal_outcome":
        case.decide_appeal(actor, data["result"], data["reason"], data.get("new_outcome", ""))
    elif step == "close":
        case.close(actor)
    elif step == "exclude":
        case.exclude(actor, data["procedure"], data.get("link", ""))
    else:
        raise WorkflowError(f"unknown step {step!r}")


def validate(step: str, data: Any) -> dict[str, Any]:
    """Validate raw data for a step with its form; the message names each bad field."""
    form_class = FORMS.get(step)
    if form_class is None:
        raise WorkflowError(f"unknown step {step!r}; steps: {', '.join(FORMS)}")
    if form_class is type(None):
        return {}
    form = form_class(data)
    if not form.is_valid():
        raise InputError("; ".join(f"{name}: {' '.join(errors)}"
                                          for name, errors in form.errors.items()))
    return dict(form.cleaned_data)
