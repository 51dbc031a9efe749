"""The comment form: plain text within limits, a paragraph choice and a honeypot."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError

from cablebase.archive.models import Cable
from cablebase.archive.paragraph_numbers import OPENING

BODY_MIN = 2
BODY_MAX = 5000
HONEYPOT_FIELD = "website"
# Control characters (C0, DEL, C1), lone surrogates and the non-characters U+FFFE/U+FFFF;
# a comment body or an excerpt may hold tabs and line breaks, a name or a URL never.
_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_character(value: str, *, multiline: bool = False) -> str | None:
    """The first control character (NUL, \\x01...\\x1f, DEL, C1) in ``value``, if any."""
    found = (_IN_TEXT if multiline else _IN_LINE).search(value)
    return found.group() if found else None


def refuse_control_characters(value: str, *, multiline: bool = False) -> None:
    """Refuse what no one types: control characters break XML and PostgreSQL refuses NUL."""
    char = control_character(value, multiline=multiline)
    if char is not None:
        raise ValidationError(
            "Remove the control character %(char)s: only printable text is accepted.",
            code="control_character",
            params={"char": f"U+{ord(char):04X}"},
        )


def _refuse_in_line(value: str) -> None:
    refuse_control_characters(value)


def _refuse_in_text(value: str) -> None:
    refuse_control_characters(value, multiline=True)


class CommentForm(forms.Form):
    """Name and e-mail are required of anonymous visitors only (see ``__init__``)."""

    name = forms.CharField(max_length=80, required=True, strip=True, validators=[_refuse_in_line])
    email = forms.EmailField(
        max_length=254,
        required=True,
        help_text="Never shown; only for the moderators.",
        validators=[_refuse_in_line],
    )
    paragraph = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, label="On paragraph"
    )
    body = forms.CharField(
        label="Comment",
        min_length=BODY_MIN,
        max_length=BODY_MAX,
        strip=True,
        validators=[_refuse_in_text],
        widget=forms.Textarea(attrs={"rows": 6, "cols": 72, "maxlength": BODY_MAX}),
        help_text=f"Plain text, up to {BODY_MAX} characters; links to http(s) pages are kept.",
        error_messages={
            "max_length": f"Your comment is too long: keep it under {BODY_MAX} characters "
            "(it has %(show_value)d).",
            "min_length": "Your comment is too short.",
            "required": "Write a comment before posting.",
        },
    )
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, cable: Cable, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The cable's own numbers, as the page's "Comment on ¶3" and #par3 name them.
        choices: list[tuple[object, str]] = [("", "The whole cable")]
        for paragraph in cable.paragraphs.only("number").order_by("position"):
            if paragraph.key is not None:
                label = "The opening" if paragraph.key == OPENING else f"¶ {paragraph.number}"
                choices.append((paragraph.key, f"{label} (#{paragraph.anchor})"))
        self.fields["paragraph"].choices = choices
        if user is not None and user.is_authenticated:
            # An account speaks under its own name: whatever name/e-mail is posted is ignored.
            del self.fields["name"]
            del self.fields["email"]

    @property
    def is_spam(self) -> bool:
        """True when the honeypot was filled (only meaningful after validation)."""
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))
