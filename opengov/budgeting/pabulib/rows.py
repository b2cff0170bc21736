"""Turning the rows of each section into typed META, projects and ballots (with line numbers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from opengov.budgeting.pabulib.errors import FormatWarning, PabulibFormatError
from opengov.budgeting.pabulib.model import (
    INTEGER_META,
    NUMERIC_META,
    POINTS_VOTE_TYPES,
    REQUIRED_META,
    RULES,
    VOTE_TYPES,
    Ballot,
    Project,
)
from opengov.budgeting.pabulib.numbers import format_number, parse_integer, parse_number

# Columns with a typed home in ``Project``; everything else stays text in ``Project.extra``.
PROJECT_TYPED_COLUMNS = ("project_id", "cost", "name", "votes", "score", "category")
PROJECT_LIST_COLUMNS = ("category", "beneficiaries")


@dataclass
class SectionRows:
    """Raw rows of one section and where they were in the file."""

    title: str
    title_line: int
    header: list[str] | None = None
    header_line: int = 0
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def split_list(cell: str) -> tuple[str, ...]:
    """A comma list cell → items, whitespace around items stripped, empty items dropped."""
    return tuple(item for item in (part.strip() for part in cell.split(",")) if item)


def read_meta(section: SectionRows, warnings: list[FormatWarning]) -> dict[str, str]:
    """META rows → ordered key → value (values stripped; comma decimals turned into dots)."""
    header = section.header or []
    if [cell.lower() for cell in header] != ["key", "value"]:
        raise PabulibFormatError(
            section.header_line,
            f'META header is "{";".join(header)}", expected "key;value"',
            f'หัวตาราง META คือ "{";".join(header)}" แต่ต้องเป็น "key;value"',
        )
    meta: dict[str, str] = {}
    lines: dict[str, int] = {}
    for line, row in section.rows:
        if len(row) != 2:
            raise PabulibFormatError(
                line,
                f"META row has {len(row)} fields, expected 2 (key;value)",
                f"แถว META มี {len(row)} ช่อง แต่ต้องมี 2 ช่อง (key;value)",
            )
        key, value = row[0].strip(), row[1].strip()
        if not key:
            raise PabulibFormatError(line, "META row without a key", "แถว META ไม่มีชื่อคีย์")
        if key in meta:
            raise PabulibFormatError(
                line,
                f'META key "{key}" appears twice (first on line {lines[key]})',
                f'คีย์ META "{key}" ซ้ำ (ครั้งแรกที่บรรทัด {lines[key]})',
            )
        meta[key] = value
        lines[key] = line
    _check_meta(meta, lines, section.title_line, warnings)
    return meta


def _check_meta(
    meta: dict[str, str], lines: dict[str, int], title_line: int, warnings: list[FormatWarning]
) -> None:
    for key in REQUIRED_META:
        if not meta.get(key):
            raise PabulibFormatError(
                title_line,
                f'META has no "{key}" (required)',
                f'META ไม่มีคีย์ "{key}" ซึ่งจำเป็นต้องมี',
            )
    if meta["vote_type"] not in VOTE_TYPES:
        raise PabulibFormatError(
            lines["vote_type"],
            f'vote_type "{meta["vote_type"]}" is not one of {", ".join(VOTE_TYPES)}',
            f'vote_type "{meta["vote_type"]}" ไม่ใช่ค่าใดค่าหนึ่งใน {", ".join(VOTE_TYPES)}',
        )
    if meta["rule"] not in RULES:
        raise PabulibFormatError(
            lines["rule"],
            f'rule "{meta["rule"]}" is not one of {", ".join(RULES)}',
            f'rule "{meta["rule"]}" ไม่ใช่ค่าใดค่าหนึ่งใน {", ".join(RULES)}',
        )
    for key in NUMERIC_META:
        if not meta.get(key):
            continue
        parsed = parse_number(meta[key])
        if parsed is None:
            raise PabulibFormatError(
                lines[key],
                f'META {key} is "{meta[key]}", not a number',
                f'ค่า META {key} คือ "{meta[key]}" ซึ่งไม่ใช่ตัวเลข',
            )
        if parsed[1]:
            warnings.append(
                FormatWarning(
                    lines[key],
                    f'META {key} "{meta[key]}" uses a comma as the decimal mark',
                    f'ค่า META {key} "{meta[key]}" ใช้จุลภาคเป็นจุดทศนิยม',
                )
            )
            meta[key] = format_number(parsed[0])
    for key in INTEGER_META:
        if meta.get(key) and parse_integer(meta[key]) is None:
            raise PabulibFormatError(
                lines[key],
                f'META {key} is "{meta[key]}", not a whole number',
                f'ค่า META {key} คือ "{meta[key]}" ซึ่งไม่ใช่จำนวนเต็ม',
            )


def _header(section: SectionRows, required: tuple[str, ...]) -> list[str]:
    header = section.header or []
    seen: set[str] = set()
    for column in header:
        if not column or column in seen:
            raise PabulibFormatError(
                section.header_line,
                f'{section.title} header has an empty or repeated column "{column}"',
                f'หัวตาราง {section.title} มีคอลัมน์ว่างหรือซ้ำ "{column}"',
            )
        seen.add(column)
    for column in required:
        if column not in seen:
            raise PabulibFormatError(
                section.header_line,
                f'{section.title} header has no "{column}" column',
                f'หัวตาราง {section.title} ไม่มีคอลัมน์ "{column}"',
            )
    return header


def _check_width(section: SectionRows, line: int, row: list[str], width: int) -> None:
    if len(row) != width:
        raise PabulibFormatError(
            line,
            f"{section.title} row has {len(row)} fields, the header has {width}",
            f"แถว {section.title} มี {len(row)} ช่อง แต่หัวตารางมี {width} ช่อง",
        )


def read_projects(
    section: SectionRows, warnings: list[FormatWarning]
) -> tuple[tuple[Project, ...], tuple[str, ...]]:
    """PROJECTS rows → projects in file (declared) order, and the column names."""
    header = _header(section, ("project_id", "cost"))
    if "target" in header:
        # Renamed to "beneficiaries" in April 2026; older files are still accepted.
        header = ["beneficiaries" if column == "target" else column for column in header]
        warnings.append(
            FormatWarning(
                section.header_line,
                'column "target" read as "beneficiaries" (renamed in 2026)',
                'อ่านคอลัมน์ "target" เป็น "beneficiaries" (เปลี่ยนชื่อในปี 2026)',
            )
        )
    projects: list[Project] = []
    seen: dict[str, int] = {}
    for line, row in section.rows:
        _check_width(section, line, row, len(header))
        cells = {column: cell.strip() for column, cell in zip(header, row, strict=True)}
        project_id = cells["project_id"]
        if not project_id:
            raise PabulibFormatError(line, "project without an id", "โครงการไม่มีรหัส")
        if project_id in seen:
            raise PabulibFormatError(
                line,
                f"project {project_id} appears twice (first on line {seen[project_id]})",
                f"โครงการ {project_id} ซ้ำ (ครั้งแรกที่บรรทัด {seen[project_id]})",
            )
        seen[project_id] = line
        projects.append(_project(line, cells, warnings))
    return tuple(projects), tuple(header)


def _project(line: int, cells: dict[str, str], warnings: list[FormatWarning]) -> Project:
    project_id = cells["project_id"]
    cost = _number_cell(line, project_id, "cost", cells["cost"], warnings)
    if cost < 0:
        raise PabulibFormatError(
            line,
            f'project {project_id} has cost "{cells["cost"]}", below zero',
            f'โครงการ {project_id} มีงบประมาณ "{cells["cost"]}" ซึ่งติดลบ',
        )
    votes = _optional_integer(line, project_id, "votes", cells.get("votes", ""))
    score_text = cells.get("score", "")
    score = _number_cell(line, project_id, "score", score_text, warnings) if score_text else None
    selected = _optional_integer(line, project_id, "selected", cells.get("selected", ""))
    extra = {
        column: value
        for column, value in cells.items()
        if column not in (*PROJECT_TYPED_COLUMNS, "beneficiaries", "selected")
    }
    return Project(
        project_id=project_id,
        cost=cost,
        name=cells.get("name", ""),
        votes=votes,
        score=score,
        categories=split_list(cells.get("category", "")),
        beneficiaries=split_list(cells.get("beneficiaries", "")),
        selected=selected,
        extra=extra,
    )


def _number_cell(
    line: int, project_id: str, column: str, text: str, warnings: list[FormatWarning]
) -> Fraction:
    parsed = parse_number(text)
    if parsed is None:
        raise PabulibFormatError(
            line,
            f'project {project_id} has {column} "{text}", not a number',
            f'โครงการ {project_id} มีค่า {column} "{text}" ซึ่งไม่ใช่ตัวเลข',
        )
    if parsed[1]:
        warnings.append(
            FormatWarning(
                line,
                f'project {project_id} {column} "{text}" uses a comma as the decimal mark',
                f'ค่า {column} ของโครงการ {project_id} "{text}" ใช้จุลภาคเป็นจุดทศนิยม',
            )
        )
    return parsed[0]


def _optional_integer(line: int, project_id: str, column: str, text: str) -> int | None:
    if not text:
        return None
    value = parse_integer(text)
    if value is None:
        raise PabulibFormatError(
            line,
            f'project {project_id} has {column} "{text}", not a whole number',
            f'โครงการ {project_id} มีค่า {column} "{text}" ซึ่งไม่ใช่จำนวนเต็ม',
        )
    return value


def read_ballots(
    section: SectionRows,
    meta: dict[str, str],
    projects: tuple[Project, ...],
    warnings: list[FormatWarning],
) -> tuple[tuple[Ballot, ...], tuple[str, ...]]:
    """VOTES rows → ballots in file order, and the column names."""
    header = _header(section, ("voter_id", "vote"))
    has_points = "points" in header
    if meta["vote_type"] in POINTS_VOTE_TYPES and not has_points:
        raise PabulibFormatError(
            section.header_line,
            f'{meta["vote_type"]} ballots need a "points" column',
            f'บัตรแบบ {meta["vote_type"]} ต้องมีคอลัมน์ "points"',
        )
    known = {project.project_id for project in projects}
    extra_columns = [column for column in header if column not in ("voter_id", "vote", "points")]
    ballots: list[Ballot] = []
    seen: dict[str, int] = {}
    width = len(header)
    vote_index, voter_index = header.index("vote"), header.index("voter_id")
    points_index = header.index("points") if has_points else -1
    extra_indexes = [(column, header.index(column)) for column in extra_columns]
    for line, row in section.rows:
        if len(row) != width:
            _check_width(section, line, row, width)
        voter_id = row[voter_index].strip()
        if not voter_id:
            raise PabulibFormatError(line, "ballot without a voter_id", "บัตรไม่มี voter_id")
        if voter_id in seen:
            raise PabulibFormatError(
                line,
                f"voter {voter_id} appears twice (first on line {seen[voter_id]})",
                f"ผู้ลงคะแนน {voter_id} ซ้ำ (ครั้งแรกที่บรรทัด {seen[voter_id]})",
            )
        seen[voter_id] = line
        vote = split_list(row[vote_index])
        for project_id in vote:
            if project_id not in known:
                raise PabulibFormatError(
                    line,
                    f"voter {voter_id} votes for project {project_id}, which is not in PROJECTS",
                    f"ผู้ลงคะแนน {voter_id} เลือกโครงการ {project_id} ซึ่งไม่มีในส่วน PROJECTS",
                )
        points = _points(line, voter_id, row[points_index], vote) if has_points else None
        if len(set(vote)) != len(vote):
            vote, points = _deduplicate(line, voter_id, vote, points, warnings)
        extra = {column: row[index].strip() for column, index in extra_indexes}
        ballots.append(Ballot(voter_id=voter_id, vote=vote, points=points, extra=extra))
    return tuple(ballots), tuple(header)


def _points(line: int, voter_id: str, cell: str, vote: tuple[str, ...]) -> tuple[Fraction, ...]:
    items = split_list(cell)
    if len(items) != len(vote):
        raise PabulibFormatError(
            line,
            f"voter {voter_id} lists {len(vote)} projects but {len(items)} points",
            f"ผู้ลงคะแนน {voter_id} เลือก {len(vote)} โครงการ แต่ให้คะแนน {len(items)} ค่า",
        )
    points: list[Fraction] = []
    for item in items:
        parsed = parse_number(item)
        if parsed is None or parsed[1]:
            raise PabulibFormatError(
                line,
                f'voter {voter_id} gives points "{item}", not a number',
                f'ผู้ลงคะแนน {voter_id} ให้คะแนน "{item}" ซึ่งไม่ใช่ตัวเลข',
            )
        points.append(parsed[0])
    return tuple(points)


def _deduplicate(
    line: int,
    voter_id: str,
    vote: tuple[str, ...],
    points: tuple[Fraction, ...] | None,
    warnings: list[FormatWarning],
) -> tuple[tuple[str, ...], tuple[Fraction, ...] | None]:
    """Keep the first mention of each project: a project counts once per ballot (spec §1.6)."""
    first: dict[str, int] = {}
    for position, project_id in enumerate(vote):
        first.setdefault(project_id, position)
    repeated = sorted({project_id for project_id in vote if vote.count(project_id) > 1})
    warnings.append(
        FormatWarning(
            line,
            f"voter {voter_id} lists project(s) {', '.join(repeated)} more than once; counted once",
            f"ผู้ลงคะแนน {voter_id} เลือกโครงการ {', '.join(repeated)} ซ้ำ นับเพียงครั้งเดียว",
        )
    )
    positions = sorted(first.values())
    kept_points = None if points is None else tuple(points[position] for position in positions)
    return tuple(vote[position] for position in positions), kept_points
