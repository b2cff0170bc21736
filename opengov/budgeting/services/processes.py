"""Setting up a process: the process itself, its areas and categories (officers only)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from opengov.accounts.models import Organisation
from opengov.accounts.selectors import AnyUser
from opengov.budgeting.models import Category, Process, ProcessArea, Proposal
from opengov.budgeting.selectors import user_can_manage_process, user_can_set_up_for
from opengov.budgeting.services.errors import refusal


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


@transaction.atomic
def category_update(
    *, user: AnyUser, category: Category, name_th: str, name_en: str = ""
) -> Category:
    """Rename a category; proposals filed under it keep it."""
    if not user_can_manage_process(user, category.process):
        raise PermissionDenied
    category.name_th, category.name_en = name_th, name_en
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def category_delete(*, user: AnyUser, category: Category) -> None:
    """Remove a category no proposal uses; one in use is refused (move its proposals first)."""
    if not user_can_manage_process(user, category.process):
        raise PermissionDenied
    locked = Category.objects.select_for_update().get(pk=category.pk)
    used = Proposal.objects.filter(category=locked).count()
    if used:
        raise refusal(
            "__all__",
            f"The category “{locked.name_th}” is used by {used} proposal(s): move them to "
            "another category before removing it.",
            f"หมวดหมู่ “{locked.name_th}” มีข้อเสนอใช้อยู่ {used} รายการ กรุณาย้ายข้อเสนอไปหมวดหมู่อื่นก่อนลบ",
            "in-use",
        )
    locked.delete()
