"""US EPA AQI categories: ranges, colours, names and advice (spec §2.4).

Ranges, English names and colours: spec §2.4 table. The top category is open-ended: 301 and up,
including :data:`~opengov.airquality.aqi.model.BEYOND_US_AQI` ("beyond the AQI").
Thai names and Thai advice: the CMU CCDC definition page, table 3 (US AQI), verbatim
(kongkiatchanu/pm2_5@939cdc3b5d936104ff0ee163cff1d83d0216f8f7:application/views/main/definition.php).
English advice: our condensed wording of the AirNow cautionary statements, matched to the Thai; not in
the spec, so ``advice_verified`` is ``False``.
"""

from __future__ import annotations

from opengov.airquality.aqi.model import Band

_SOURCE = (
    "Thai: CMU CCDC definition page, table 3, verbatim; English: condensed AirNow cautionary "
    "statements (not in spec)"
)

# (aqi_min, aqi_max, colour, name TH, name EN, general TH, general EN, at-risk TH, at-risk EN)
_UsBandRow = tuple[int, int | None, str, str, str, str, str, str, str]

_ROWS: tuple[_UsBandRow, ...] = (
    (
        0,
        50,
        "#00E400",
        "คุณภาพอากาศดี",
        "Good",
        "ประชาชนสามารถดำเนินกิจกรรมต่างๆ ได้ตามปกติ",
        "Air quality is satisfactory; enjoy your usual outdoor activities.",
        "ประชาชนสามารถดำเนินกิจกรรมต่างๆ ได้ตามปกติ",
        "Air quality is satisfactory; enjoy your usual outdoor activities.",
    ),
    (
        51,
        100,
        "#FFFF00",
        "คุณภาพอากาศปานกลาง",
        "Moderate",
        "สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ",
        "Outdoor activities can go on as normal.",
        "ควรลดการออกแรงหนักหรือเป็นเวลานาน และสังเกตอาการไอและเหนื่อยของตัวเอง",
        "Consider reducing prolonged or heavy exertion; watch for coughing or shortness of breath.",
    ),
    (
        101,
        150,
        "#FF7E00",
        "คุณภาพอากาศไม่ดีต่อกลุ่มเสี่ยง",
        "Unhealthy for Sensitive Groups",
        "สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ",
        "Outdoor activities can go on as normal.",
        "ควรลดกิจกรรมนอกอาคารที่ใช้แรงหนักหรือเป็นเวลานาน โดยอาจพักเป็นระยะๆ "
        "หมั่นสังเกตอาการไอ ล้า ใจสั่น และแน่นหน้าอกของตนเอง หากมีโรคประจำตัวให้ปฏิบัติตามที่แพทย์แนะนำ",
        "Reduce prolonged or heavy outdoor exertion and take more breaks; watch for coughing, "
        "fatigue, palpitations or chest tightness; people with heart or lung disease should follow "
        "their doctor's advice.",
    ),
    (
        151,
        200,
        "#FF0000",
        "คุณภาพอากาศไม่ดี",
        "Unhealthy",
        "ควรลดกิจกรรมนอกอาคารที่ใช้แรงงานหนักหรือเป็นเวลานาน อาจพักเป็นระยะๆ",
        "Reduce prolonged or heavy outdoor exertion and take more breaks.",
        "ควรลดกิจกรรมนอกอาคารที่ใช้แรงงานหนักหรือเป็นเวลานาน ให้พักหรือทำงานในอาคาร",
        "Avoid prolonged or heavy outdoor exertion; rest or move activities indoors.",
    ),
    (
        201,
        300,
        "#8F3F97",
        "คุณภาพอากาศไม่ดีอย่างยิ่ง",
        "Very Unhealthy",
        "ควรหลีกเลี่ยงกิจกรรมนอกอาคารที่ใช้แรงหนักหรือเป็นเวลานาน หรือทำกิจกรรมในอาคารแทน",
        "Avoid prolonged or heavy outdoor exertion, or move activities indoors.",
        "ควรงดกิจกรรมนอกอาคารทุกชนิด ทำกิจกรรมในอาคารแทน",
        "Avoid all physical activity outdoors; move activities indoors.",
    ),
    (
        301,
        None,
        "#7E0023",
        "คุณภาพอากาศอันตราย",
        "Hazardous",
        "ควรงดกิจกรรมนอกอาคารทุกชนิด",
        "Avoid all physical activity outdoors.",
        "ควรพักในอาคารเท่านั้น ทำกิจกรรมที่ไม่ออกแรงมาก",
        "Remain indoors and keep activity levels low.",
    ),
)


def us_bands(scheme_id: str) -> tuple[Band, ...]:
    """The six US AQI categories (the same for the 2024 and pre-2024 schemes)."""
    bands: list[Band] = []
    for number, row in enumerate(_ROWS, 1):
        aqi_min, aqi_max, colour, name_th, name_en, gen_th, gen_en, risk_th, risk_en = row
        bands.append(
            Band(
                scheme=scheme_id,
                number=number,
                aqi_min=aqi_min,
                aqi_max=aqi_max,
                colour=colour,
                name_th=name_th,
                name_en=name_en,
                advice_general_th=gen_th,
                advice_general_en=gen_en,
                advice_at_risk_th=risk_th,
                advice_at_risk_en=risk_en,
                advice_source=_SOURCE,
                advice_verified=False,
            )
        )
    return tuple(bands)
