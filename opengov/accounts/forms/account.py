"""Forms for signing up, the profile, consent and account deletion."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opengov.accounts.forms.accessible import AccessibleFormMixin
from opengov.accounts.forms.fields import ThaiPhoneField
from opengov.accounts.models import User


class SignUpForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("You sign in with this address; it is never shown to other people."),
    )
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=150,
        required=False,
        help_text=_("Shown next to what you post. Leave empty to stay anonymous."),
    )
    phone = ThaiPhoneField(
        label=_("Phone"),
        help_text=_("A Thai number, e.g. 081-234-5678. Agencies may call you about your reports."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing it describes."),
        error_messages={
            "required": _("Consent: you must agree to the privacy notice to create an account.")
        },
    )

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address already exists; sign in instead."),
                code="email_taken",
            )
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            probe = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignInForm(AccessibleFormMixin, AuthenticationForm):
    """Django's sign-in form; the username field is the e-mail address."""


class ProfileForm(AccessibleFormMixin, forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=150, required=False)
    phone = ThaiPhoneField(label=_("Phone"), help_text=_("A Thai number, e.g. 081-234-5678."))
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )


class ConsentForm(AccessibleFormMixin, forms.Form):
    consent = forms.BooleanField(
        label=_("I have read this version of the privacy notice and agree to it."),
        error_messages={"required": _("Consent: tick the box to continue using your account.")},
    )


class DeletionRequestForm(AccessibleFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("We ask for it so that nobody else can delete your account."),
    )
    reason = forms.CharField(
        label=_("Why are you leaving?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Password: this is not the password of your account."), code="wrong_password"
            )
        return password


class OnCommitPasswordResetForm(AccessibleFormMixin, PasswordResetForm):
    """Django's reset form; the mail leaves only after the request's transaction commits.

    Unknown addresses get no mail and the page says the same thing either way, so the form does not
    reveal which addresses have accounts.
    """

    def send_mail(self, *args: Any, **kwargs: Any) -> None:
        send = super().send_mail
        transaction.on_commit(lambda: send(*args, **kwargs))
