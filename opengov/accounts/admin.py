"""Django admin for platform admins: users, organisations, consent evidence, deletion requests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Field, QuerySet, URLField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opengov.accounts.access import signed_in_user
from opengov.accounts.models import (
    ConsentRecord,
    DeletionRequest,
    DeletionRequestStatus,
    Membership,
    Organisation,
    User,
)
from opengov.accounts.services import deletion_request_cancel, deletion_request_carry_out
from opengov.core.admin_read_only import ReadOnlyAdmin


class EmailUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class EmailUserChangeForm(UserChangeForm[User]):
    class Meta:
        model = User
        fields = "__all__"


class MembershipOfUserInline(admin.TabularInline[Membership, User]):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    form = EmailUserChangeForm
    add_form = EmailUserCreationForm
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_moderator", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_moderator", "is_staff", "is_superuser", "preferred_language"]
    search_fields = ["email", "display_name", "first_name", "last_name", "phone"]
    readonly_fields = ["last_login", "date_joined", "anonymised_at"]
    inlines = [MembershipOfUserInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Personal details"),
            {"fields": ("display_name", "first_name", "last_name", "phone", "preferred_language")},
        ),
        (
            _("Roles and permissions"),
            {
                "fields": (
                    "is_active",
                    "is_moderator",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined", "anonymised_at")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name_th", "name_en", "type", "parent", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["name_th", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["parent"]
    filter_horizontal = ["areas"]
    list_select_related = ["parent"]
    inlines = [MembershipInline]

    def formfield_for_dbfield(
        self, db_field: Field[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if isinstance(db_field, URLField):
            kwargs["assume_scheme"] = "https"  # Django 6 default; agencies' sites are HTTPS
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    fieldsets = (
        (None, {"fields": ("type", "name_th", "name_en", "slug", "parent", "is_active")}),
        (_("Public contact"), {"fields": ("email", "phone", "website", "address")}),
        (_("Areas of responsibility"), {"fields": ("areas",)}),
    )


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin[ConsentRecord]):
    list_display = ["user", "purpose", "notice_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "notice_version"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    date_hierarchy = "given_at"


@admin.register(DeletionRequest)
class DeletionRequestAdmin(ReadOnlyAdmin[DeletionRequest]):
    list_display = ["user", "status", "requested_at", "completed_at", "completed_by"]
    list_filter = ["status"]
    search_fields = ["user__email"]
    list_select_related = ["user", "completed_by"]
    actions = ["carry_out", "cancel"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[DeletionRequest]:
        return super().get_queryset(request).order_by("status", "requested_at")

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # The actions need change permission; the form itself stays read-only (no editable fields).
        return bool(request.user.is_active and request.user.is_superuser)

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return ["user", "reason", "status", "requested_at", "completed_at", "completed_by"]

    @admin.action(description=_("Carry out the selected deletion requests (anonymise the users)"))
    def carry_out(self, request: HttpRequest, queryset: QuerySet[DeletionRequest]) -> None:
        self._apply(request, queryset, deletion_request_carry_out)

    @admin.action(description=_("Cancel the selected deletion requests (let the users sign in)"))
    def cancel(self, request: HttpRequest, queryset: QuerySet[DeletionRequest]) -> None:
        self._apply(request, queryset, deletion_request_cancel)

    def _apply(
        self,
        request: HttpRequest,
        queryset: QuerySet[DeletionRequest],
        service: Callable[..., None],
    ) -> None:
        performed_by = signed_in_user(request)
        done = 0
        for deletion_request in queryset.filter(status=DeletionRequestStatus.PENDING):
            try:
                service(deletion_request=deletion_request, performed_by=performed_by)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d request handled.", "%(count)d requests handled.", done)
            % {"count": done},
            messages.SUCCESS,
        )
