"""Setting up a process: the process itself, its areas and categories (officers only)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from opengov.accounts.models import Organisation
from opengov.accounts.selectors import AnyUser
from opengov.budgeting.models import Category, Process, ProcessArea
from opengov.budgeting.selectors import user_can_manage_process, user_can_set_up_for


@transaction.atomic
def process_create(*, user: AnyUser, organisation: Organisation, **fields: Any) -> Process:
    """A new process of ``organisation``; ``fields`` are ``Process`` fields (dates, ballot…)."""
    if not user_can_set_up_for(user, organisation):
        raise PermissionDenied
    process = Process(organisation=organisation, **fields)
    if user.is_authenticated:
        process.created_by_id = user.pk
    process.full_clean()
    process.save()
    return process


@transaction.atomic
def process_update(*, user: AnyUser, process: Process, **fields: Any) -> Process:
    if not user_can_manage_process(user, process):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(process, name, value)
    process.full_clean()
    process.save()
    return process


@transaction.atomic
def area_create(
    *,
    user: AnyUser,
    process: Process,
    name_th: str,
    budget: Decimal,
    name_en: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
) -> ProcessArea:
    """A new area (heading) with its own budget."""
    if not user_can_manage_process(user, process):
        raise PermissionDenied
    area = ProcessArea(
        process=process,
        name_th=name_th,
        name_en=name_en,
        budget=budget,
        latitude=latitude,
        longitude=longitude,
    )
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def category_create(
    *, user: AnyUser, process: Process, name_th: str, name_en: str = ""
) -> Category:
    if not user_can_manage_process(user, process):
        raise PermissionDenied
    category = Category(process=process, name_th=name_th, name_en=name_en)
    category.full_clean()
    category.save()
    return category
