"""Lookups shared by the budgeting views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from opengov.budgeting.models import Process, ProcessArea
from opengov.budgeting.selectors import process_get, user_can_manage_process


def process_or_404(slug: str) -> Process:
    process = process_get(slug=slug)
    if process is None:
        raise Http404
    return process


def area_or_404(process: Process, area_id: int) -> ProcessArea:
    area = process.areas.filter(pk=area_id).first()
    if area is None:
        raise Http404
    return area


def require_manager(request: HttpRequest, process: Process) -> None:
    """Officers of the owning organisation and platform admins; others get 403."""
    if not user_can_manage_process(request.user, process):
        raise PermissionDenied
