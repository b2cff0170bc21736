"""``manage.py open311_key_create --name APP [--organisation SLUG] [--hourly-limit N]``: create an
Open311 API key and print it once (only its hash is stored)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from opengov.accounts.models import Organisation
from opengov.reports.open311.keys import open311_key_create


class Command(BaseCommand):
    help = "Create an Open311 API key for a client application and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="the client application's name")
        parser.add_argument("--organisation", default="", help="slug of the owner organisation")
        parser.add_argument(
            "--hourly-limit", type=int, default=100, help="new requests per hour (0: no limit)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with the slug {options['organisation']!r}.")
        if options["hourly_limit"] < 0:
            raise CommandError("--hourly-limit must be 0 or more.")
        try:
            created = open311_key_create(
                name=options["name"],
                organisation=organisation,
                hourly_limit=options["hourly_limit"],
            )
        except ValidationError as invalid:
            raise CommandError("; ".join(invalid.messages)) from invalid
        self.stdout.write(
            f"Open311 API key #{created.api_key.pk} for {created.api_key.name!r} "
            "(shown once; store it now):"
        )
        self.stdout.write(created.secret)
