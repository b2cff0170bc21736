from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from opengov.core.thai_dates import buddhist_year, format_date


def test_buddhist_year_adds_543():
    assert buddhist_year(date(2026, 11, 23)) == 2569
    assert buddhist_year(date(1999, 1, 1)) == 2542


@pytest.mark.parametrize(
    ("value", "language", "short", "expected"),
    [
        (date(2026, 11, 23), "th", False, "23 พฤศจิกายน 2569"),
        (date(2026, 11, 23), "th", True, "23 พ.ย. 69"),
        (date(2023, 6, 1), "en", False, "1 June 2023"),
        (date(2023, 6, 1), "en", True, "1 Jun 2023"),
        # 17:30 UTC on 31 December is already New Year's Day in Thailand (UTC+7).
        (datetime(2025, 12, 31, 17, 30, tzinfo=UTC), "th", False, "1 มกราคม 2569 เวลา 00:30 น."),
        (datetime(2025, 12, 31, 17, 30, tzinfo=UTC), "en", False, "1 January 2026, 00:30"),
    ],
)
def test_format_date(value, language, short, expected):
    assert format_date(value, language=language, short=short) == expected


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive datetime"):
        format_date(datetime(2026, 1, 1, 12, 0), language="th")  # noqa: DTZ001


def test_template_filter_follows_active_language():
    template = Template(
        "{% load thaidate %}{{ when|thaidate }}|{{ when|thaidate:'short' }}|{{ none|thaidate }}"
    )
    context = Context({"when": date(2024, 2, 29), "none": None})
    with translation.override("th"):
        assert template.render(context) == "29 กุมภาพันธ์ 2567|29 ก.พ. 67|"
    with translation.override("en"):
        assert template.render(context) == "29 February 2024|29 Feb 2024|"


def test_template_filter_date_style_drops_the_time_in_thai_time():
    template = Template(
        "{% load thaidate %}{{ when|thaidate:'date' }}|{{ when|thaidate:'short date' }}"
    )
    context = Context({"when": datetime(2025, 12, 31, 17, 30, tzinfo=UTC)})
    with translation.override("th"):
        assert template.render(context) == "1 มกราคม 2569|1 ม.ค. 69"
