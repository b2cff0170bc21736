from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_page_is_a_thai_404_with_the_site_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    # Django admin's catalogue (listed first) supplies this Thai string.
    assert "<h1>ไม่พบหน้านี้</h1>" in page
    assert 'href="#main"' in page


def test_unknown_page_in_english(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_post_without_csrf_token_gets_the_explained_403(rf):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 403
    assert "<h1>ส่งแบบฟอร์มไม่สำเร็จ</h1>" in response.content.decode()
