"""Test personas for every app (pytest fixtures). Loaded by the root ``conftest.py``::

    pytest_plugins = ["opengov.accounts.testing"]

Personas, after healthchecks' Alice/Bob/Charlie: ``anonymous``, ``citizen``, ``officer_a`` (editor
of ``agency_a``), ``admin_a`` (admin of ``agency_a``), ``officer_b`` (editor of ``agency_b``),
``moderator``, ``platform_admin``. All signed-in personas have consented to the current privacy
notice and share :data:`PERSONA_PASSWORD`. ``client_as("officer_a")`` returns a ``Client`` signed in
as that persona (``client_as("anonymous")`` a plain one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import translation
from pytest_django.fixtures import Settings

from opengov.accounts.models import Membership, MembershipRole, Organisation, OrganisationType, User
from opengov.accounts.services import consent_give

PERSONA_PASSWORD = "persona-password-2026"  # noqa: S105 - test fixture
PERSONAS: tuple[str, ...] = (
    "anonymous",
    "citizen",
    "officer_a",
    "admin_a",
    "officer_b",
    "moderator",
    "platform_admin",
)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Settings) -> None:
    """MD5 hashing: tests create many users; real hashers would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts in Thai, the default; a request to /en/ must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def persona_create(email: str, display_name: str, **flags: bool) -> User:
    """A user with :data:`PERSONA_PASSWORD` who consented to the current privacy notice."""
    user = User.objects.create_user(email, PERSONA_PASSWORD, display_name=display_name, **flags)
    consent_give(user=user)
    return user


def _organisation(slug: str, name_th: str, name_en: str) -> Organisation:
    return Organisation.objects.create(
        slug=slug,
        type=OrganisationType.GOVERNMENT_AGENCY,
        name_th=name_th,
        name_en=name_en,
        email=f"contact@{slug}.example.org",
    )


@pytest.fixture
def agency_a(db: None) -> Organisation:
    return _organisation("agency-a", "หน่วยงานทดสอบ ก", "Test agency A")


@pytest.fixture
def agency_b(db: None) -> Organisation:
    return _organisation("agency-b", "หน่วยงานทดสอบ ข", "Test agency B")


@pytest.fixture
def anonymous() -> AnonymousUser:
    return AnonymousUser()


@pytest.fixture
def citizen(db: None) -> User:
    return persona_create("citizen@example.org", "Citizen Chai")


@pytest.fixture
def officer_a(agency_a: Organisation) -> User:
    user = persona_create("officer.a@example.org", "Officer A")
    Membership.objects.create(user=user, organisation=agency_a, role=MembershipRole.EDITOR)
    return user


@pytest.fixture
def admin_a(agency_a: Organisation) -> User:
    user = persona_create("admin.a@example.org", "Admin A")
    Membership.objects.create(user=user, organisation=agency_a, role=MembershipRole.ADMIN)
    return user


@pytest.fixture
def officer_b(agency_b: Organisation) -> User:
    user = persona_create("officer.b@example.org", "Officer B")
    Membership.objects.create(user=user, organisation=agency_b, role=MembershipRole.EDITOR)
    return user


@pytest.fixture
def moderator(db: None) -> User:
    return persona_create("moderator@example.org", "Moderator", is_moderator=True)


@pytest.fixture
def platform_admin(db: None) -> User:
    return persona_create(
        "platform.admin@example.org", "Platform admin", is_staff=True, is_superuser=True
    )


@pytest.fixture
def client_as(request: pytest.FixtureRequest, db: None) -> Callable[[str], Client]:
    """``client_as(persona_name)`` → a test ``Client`` signed in as that persona."""

    def signed_in(persona: str) -> Client:
        if persona not in PERSONAS:
            raise ValueError(f"unknown persona {persona!r}; choose one of {PERSONAS}")
        client = Client()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return signed_in
