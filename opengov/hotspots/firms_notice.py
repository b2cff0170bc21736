"""The FIRMS acknowledgement and disclaimer (spec air-quality §4.7): required wherever FIRMS data
or anything derived from it is shown — pages, API answers and exports."""

from __future__ import annotations

from typing import Final

FIRMS_ACKNOWLEDGEMENT: Final = (
    "We acknowledge the use of data and/or imagery from NASA's Fire Information for Resource "
    "Management System (FIRMS) (https://earthdata.nasa.gov/firms), part of NASA's Earth "
    "Observing System Data and Information System (EOSDIS)."
)
FIRMS_ACKNOWLEDGEMENT_TH: Final = (
    "ใช้ข้อมูลและ/หรือภาพจากระบบข้อมูลไฟเพื่อการจัดการทรัพยากร (FIRMS) ของ NASA "
    "(https://earthdata.nasa.gov/firms) ซึ่งเป็นส่วนหนึ่งของระบบข้อมูลการสังเกตการณ์โลกของ NASA (EOSDIS)"
)
FIRMS_DISCLAIMER: Final = (
    "Satellite detections have limited accuracy, may come from non-fire heat sources, and "
    "clouds hide fires; not for the preservation of life or property."
)
FIRMS_DISCLAIMER_TH: Final = (
    "จุดความร้อนจากดาวเทียมมีความแม่นยำจำกัด อาจมาจากแหล่งความร้อนที่ไม่ใช่ไฟ และเมฆอาจบังไฟได้ "
    "ห้ามใช้เพื่อการปกป้องชีวิตหรือทรัพย์สิน"
)
