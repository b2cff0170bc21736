"""``manage.py pb_count FILE.pb [--rule RULE] [--json]``: count a Pabulib file and print the
winners and their cost (the rule META declares, or the one given)."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opengov.budgeting.counting import SUPPORTED_RULES, UnsupportedRule, count
from opengov.budgeting.pabulib import PabulibFormatError, read_pb_file
from opengov.budgeting.pabulib.numbers import format_number


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


class Command(BaseCommand):
    help = "Count a Pabulib .pb file / นับคะแนนไฟล์ Pabulib"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="path of the .pb file")
        parser.add_argument("--rule", choices=SUPPORTED_RULES, help="count with this rule")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path} / ไม่พบไฟล์: {path}")
        try:
            election = read_pb_file(path)
            result = count(election, options["rule"])
        except (PabulibFormatError, UnsupportedRule) as error:
            raise CommandError(str(error)) from error
        cost, budget = format_number(result.total_cost), format_number(result.budget)
        if options["json"]:
            payload = {
                "rule": result.rule,
                "winners": list(result.winners),
                "cost": _number(cost),
                "budget": _number(budget),
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        names = {project.project_id: project.name for project in election.projects}
        costs = {project.project_id: project.cost for project in election.projects}
        self.stdout.write(f"rule: {result.rule}")
        self.stdout.write(f"winners: {len(result.winners)}")
        for project_id in result.winners:
            line = f"  {project_id}\t{format_number(costs[project_id])}\t{names[project_id]}"
            self.stdout.write(line.rstrip())
        self.stdout.write(f"cost: {cost} of budget {budget}")
