"""Officers of the owning organisation (and platform admins) add, rename and remove the categories
of a process; a category still used by a proposal is not removed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from opengov.budgeting.models import Category, Proposal
from opengov.budgeting.services import category_create, category_delete, category_update

pytestmark = pytest.mark.django_db


def _manage(area) -> str:
    return f"/budget/{area.process.slug}/manage/"


def test_officer_adds_renames_and_removes_a_category_from_the_manage_page(
    make_process, client_as, frozen_now
):
    area = make_process("approval")
    client = client_as("officer_a")
    added = client.post(
        _manage(area) + "categories/",
        {"category-name_th": "สวนสาธารณะ", "category-name_en": "Parks"},
    )
    assert added.status_code == 302 and added["Location"] == _manage(area)
    category = Category.objects.get()
    assert (category.process, category.name_th, category.name_en) == (
        area.process,
        "สวนสาธารณะ",
        "Parks",
    )
    page = client.get(_manage(area)).content.decode()
    assert 'value="สวนสาธารณะ"' in page
    assert "ลบหมวดหมู่ “สวนสาธารณะ”" in page
    prefix = f"category-{category.pk}"
    renamed = client.post(
        f"{_manage(area)}categories/{category.pk}/",
        {f"{prefix}-name_th": "สวนและพื้นที่สีเขียว", f"{prefix}-name_en": "Parks and green"},
    )
    assert renamed.status_code == 302
    category.refresh_from_db()
    assert (category.name_th, category.name_en) == ("สวนและพื้นที่สีเขียว", "Parks and green")
    removed = client.post(f"{_manage(area)}categories/{category.pk}/remove/")
    assert removed.status_code == 302
    assert Category.objects.count() == 0


def test_category_in_use_is_not_removed_with_a_thai_and_english_reason(
    make_process, officer_a, client_as, frozen_now
):
    area = make_process("approval")
    category = category_create(user=officer_a, process=area.process, name_th="ถนน", name_en="Roads")
    Proposal.objects.filter(code__in=["A", "B"]).update(category=category)
    with pytest.raises(ValidationError) as thai:
        category_delete(user=officer_a, category=category)
    assert thai.value.message_dict == {
        "__all__": ["หมวดหมู่ “ถนน” มีข้อเสนอใช้อยู่ 2 รายการ กรุณาย้ายข้อเสนอไปหมวดหมู่อื่นก่อนลบ"]
    }
    with translation.override("en"), pytest.raises(ValidationError) as english:
        category_delete(user=officer_a, category=category)
    assert english.value.message_dict == {
        "__all__": [
            "The category “ถนน” is used by 2 proposal(s): move them to another category "
            "before removing it."
        ]
    }
    response = client_as("officer_a").post(
        f"/en{_manage(area)}categories/{category.pk}/remove/", follow=True
    )
    assert "is used by 2 proposal(s)" in response.content.decode()
    assert Category.objects.filter(pk=category.pk).exists()
    assert Proposal.objects.filter(category=category).count() == 2


def test_empty_thai_name_is_refused_on_the_page(make_process, client_as, frozen_now):
    area = make_process("approval")
    response = client_as("officer_a").post(
        _manage(area) + "categories/",
        {"category-name_th": "", "category-name_en": "X"},
        follow=True,
    )
    assert response.status_code == 200
    assert "ชื่อ (ภาษาไทย): ฟิลด์นี้จำเป็น" in response.content.decode()
    assert Category.objects.count() == 0


def test_category_of_another_process_is_404(make_process, officer_a, client_as, frozen_now):
    first = make_process("approval")
    second = make_process("approval", slug="other-pb")
    category = category_create(user=officer_a, process=second.process, name_th="ถนน")
    response = client_as("officer_a").post(f"{_manage(first)}categories/{category.pk}/remove/")
    assert response.status_code == 404
    assert Category.objects.count() == 1


def test_officer_of_another_organisation_cannot_change_categories(
    make_process, officer_a, officer_b, platform_admin, frozen_now
):
    area = make_process("approval")
    category = category_create(user=officer_a, process=area.process, name_th="ถนน")
    with pytest.raises(PermissionDenied):
        category_update(user=officer_b, category=category, name_th="ทางเท้า")
    with pytest.raises(PermissionDenied):
        category_delete(user=officer_b, category=category)
    assert category_update(user=platform_admin, category=category, name_th="ทางเท้า").name_th == (
        "ทางเท้า"
    )
    category_delete(user=platform_admin, category=category)
    assert Category.objects.count() == 0
