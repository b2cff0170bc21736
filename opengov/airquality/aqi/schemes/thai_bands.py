"""Thai AQI bands: ranges, colours, names and advice (spec §2.3).

Colours: CCDC ``standard_aqi.json`` (spec §2.3). Names: the 2023 Thai names and PCD English names of
spec §2.3; the same names are used for the pre-2023 scheme (the spec gives no other).

Advice, 2023 scheme:

* band 5 — verbatim Thai and English "everyone" texts (Mahidol University AQI report page, spec §2.3);
  the same text is given to the general public and to at-risk groups.
* bands 1–4 — PROVISIONAL. The spec gives only condensed English (Air4Thai web app / Thai PBS World)
  and says the Thai texts MUST be copied from the Air4Thai web app (webV3 strings ``t1_n1`` …
  ``t1_n5``) before launch. Until then the English is the spec's condensed text and the Thai is our
  translation of it; ``advice_verified`` is ``False``.

Advice, pre-2023 scheme: Thai verbatim from the CMU CCDC definition page (spec §2.3 "Pre-2023 Thai
advice"; band 4 completed from kongkiatchanu/pm2_5@939cdc3b5d936104ff0ee163cff1d83d0216f8f7:
application/views/main/definition.php, where its PDF-extraction typos "ลาบาก", "ทากิจกรรม" and split
words were corrected). English is our translation; ``advice_verified`` is ``False``.
"""

from __future__ import annotations

from opengov.airquality.aqi.model import Band

_RANGES: tuple[tuple[int, int | None], ...] = (
    (0, 25),
    (26, 50),
    (51, 100),
    (101, 200),
    (201, None),
)
_COLOURS = ("#00BFF3", "#00A651", "#FDC04E", "#F26522", "#CD0000")
_NAMES_TH = (
    "คุณภาพอากาศดีมาก",
    "คุณภาพอากาศดี",
    "ปานกลาง",
    "เริ่มมีผลกระทบต่อสุขภาพ",
    "มีผลกระทบต่อสุขภาพ",
)
_NAMES_EN = ("Very good", "Good", "Moderate", "Starting to affect health", "Affects health")

# (general TH, general EN, at-risk TH, at-risk EN, source, verified) per band.
_AdviceRow = tuple[str, str, str, str, str, bool]

_EVERYONE_2023_TH = (
    "ประชาชนทุกคน : - งดกิจกรรมกลางแจ้ง - หากมีความจำเป็นต้องทำกิจกรรมกลางแจ้งให้ใช้อุปกรณ์ป้องกันตนเองทุกครั้ง "
    "เช่น หน้ากากป้องกัน PM2.5 - หากมีอาการผิดปกติให้รีบไปพบแพทย์ - ผู้ที่มีโรคประจำตัว "
    "ควรอยู่ในพื้นที่ปลอดภัยจากมลพิษทางอากาศ ให้เตรียมยาและอุปกรณ์ที่จำเป็นให้พร้อมและปฏิบัติตามคำแนะนำของแพทย์อย่างเคร่งครัด"
)
_EVERYONE_2023_EN = (
    "Everyone: - Should avoid outdoor activities. - Use personal protective equipment such as PM2.5 "
    "protective masks every time you go out. - If you have any health symptoms, you should consult "
    "your doctor. - People with congenital disease should be in a safe area from air pollution. Have "
    "the necessary medicines and equipment ready and strictly follow the doctor's advice."
)
_PROVISIONAL_2023 = (
    "PROVISIONAL: English condensed from the Air4Thai web app strings (spec §2.3), Thai translated by "
    "us; replace with Air4Thai webV3 t1_n1…t1_n5 before launch"
)

_ADVICE_2023: tuple[_AdviceRow, ...] = (
    (
        "คุณภาพอากาศดีมาก เหมาะสำหรับกิจกรรมกลางแจ้งและการท่องเที่ยว ทุกคนใช้ชีวิตได้ตามปกติ",
        "Very good air quality, suitable for all outdoor activities and tourism. "
        "Everyone can live their life normally.",
        "คุณภาพอากาศดีมาก เหมาะสำหรับกิจกรรมกลางแจ้งและการท่องเที่ยว ทุกคนใช้ชีวิตได้ตามปกติ",
        "Very good air quality, suitable for all outdoor activities and tourism. "
        "Everyone can live their life normally.",
        _PROVISIONAL_2023,
        False,
    ),
    (
        "สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ",
        "Able to do outdoor activities normally.",
        "สามารถทำกิจกรรมกลางแจ้งได้ แต่ควรสังเกตอาการผิดปกติ เช่น ไอบ่อย หายใจลำบาก",
        "Able to do outdoor activities; watch for symptoms such as frequent coughing or "
        "difficulty breathing.",
        _PROVISIONAL_2023,
        False,
    ),
    (
        "ควรลดระยะเวลาการทำกิจกรรมกลางแจ้งที่ใช้แรงมาก",
        "Reduce the amount of time spent doing strenuous outdoor activities.",
        "ควรสวมหน้ากากป้องกันฝุ่นทุกครั้งที่ออกนอกอาคาร ลดกิจกรรมกลางแจ้งที่ใช้แรงมาก หากมีอาการผิดปกติควรไปพบแพทย์",
        "Wear a mask every time you go outdoors, reduce strenuous outdoor activity, and see a "
        "doctor if symptoms appear.",
        _PROVISIONAL_2023,
        False,
    ),
    (
        "ควรสวมหน้ากากป้องกันฝุ่น จำกัดระยะเวลาการทำกิจกรรมกลางแจ้งที่ใช้แรงมาก และสังเกตอาการของตนเอง",
        "Wear a mask, limit the time spent on strenuous outdoor activity and watch for symptoms.",
        "ควรสวมหน้ากากป้องกันฝุ่น หลีกเลี่ยงกิจกรรมหรือการออกกำลังกายกลางแจ้งที่ใช้แรงมาก "
        "และปฏิบัติตามคำแนะนำของแพทย์",
        "Wear a mask. Avoid activities or outdoor exercise that requires a lot of energy. "
        "Follow the doctor's advice.",
        _PROVISIONAL_2023,
        False,
    ),
    (
        _EVERYONE_2023_TH,
        _EVERYONE_2023_EN,
        _EVERYONE_2023_TH,
        _EVERYONE_2023_EN,
        "Mahidol University AQI report page, Jan 2025 (spec §2.3), verbatim, audience: everyone",
        True,
    ),
)

_PRE_2023_SOURCE = "Thai: CMU CCDC definition page, verbatim (spec §2.3); English: our translation"
_PRE_2023_BAND_1_TH = "คุณภาพอากาศดีมาก เหมาะสำหรับกิจกรรมกลางแจ้งและการท่องเที่ยว"
_PRE_2023_BAND_1_EN = "Very good air quality, suitable for outdoor activities and tourism."
_PRE_2023_BAND_2_TH = "คุณภาพอากาศดี สามารถทำกิจกรรมกลางแจ้งและท่องเที่ยวได้ตามปกติ"
_PRE_2023_BAND_2_EN = "Good air quality; outdoor activities and travel can go on as normal."
_PRE_2023_BAND_5_TH = (
    "ประชาชนทุกคนควรหลีกเลี่ยงกิจกรรมกลางแจ้ง หลีกเลี่ยงพื้นที่ที่มีมลพิษทางอากาศสูง "
    "หรือใช้อุปกรณ์ป้องกันตนเองหากมีความจำเป็น หากมีอาการทางสุขภาพควรพบแพทย์"
)
_PRE_2023_BAND_5_EN = (
    "Everyone should avoid outdoor activities and areas with high air pollution, or use personal "
    "protective equipment if necessary. See a doctor if you have health symptoms."
)

_ADVICE_PRE_2023: tuple[_AdviceRow, ...] = (
    (
        _PRE_2023_BAND_1_TH,
        _PRE_2023_BAND_1_EN,
        _PRE_2023_BAND_1_TH,
        _PRE_2023_BAND_1_EN,
        _PRE_2023_SOURCE,
        False,
    ),
    (
        _PRE_2023_BAND_2_TH,
        _PRE_2023_BAND_2_EN,
        _PRE_2023_BAND_2_TH,
        _PRE_2023_BAND_2_EN,
        _PRE_2023_SOURCE,
        False,
    ),
    (
        "สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ",
        "Outdoor activities can go on as normal.",
        "หากมีอาการเบื้องต้น เช่น ไอ หายใจลำบาก ระคายเคือง ตา ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง",
        "If you have early symptoms such as coughing, difficulty breathing or eye irritation, "
        "reduce the time spent on outdoor activities.",
        _PRE_2023_SOURCE,
        False,
    ),
    (
        "ควรเฝ้าระวังสุขภาพ ถ้ามีอาการเบื้องต้น เช่น ไอ หายใจลำบาก ระคายเคืองตา "
        "ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง หรือใช้อุปกรณ์ป้องกันตนเองหากมีความจำเป็น",
        "Watch your health. If you have early symptoms such as coughing, difficulty breathing or "
        "eye irritation, reduce the time spent on outdoor activities or use personal protective "
        "equipment if necessary.",
        "ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง หรือใช้อุปกรณ์ป้องกันตนเองหากมีความจำเป็น "
        "ถ้ามีอาการทางสุขภาพ เช่น ไอ หายใจลำบาก ตาอักเสบ แน่นหน้าอก ปวดศีรษะ หัวใจเต้นไม่เป็นปกติ "
        "คลื่นไส้ อ่อนเพลีย ควรพบแพทย์",
        "Reduce the time spent on outdoor activities or use personal protective equipment if "
        "necessary. If you have health symptoms such as coughing, difficulty breathing, inflamed "
        "eyes, chest tightness, headache, irregular heartbeat, nausea or fatigue, see a doctor.",
        _PRE_2023_SOURCE,
        False,
    ),
    (
        _PRE_2023_BAND_5_TH,
        _PRE_2023_BAND_5_EN,
        _PRE_2023_BAND_5_TH,
        _PRE_2023_BAND_5_EN,
        _PRE_2023_SOURCE,
        False,
    ),
)


def _thai_bands(scheme_id: str, advice: tuple[_AdviceRow, ...]) -> tuple[Band, ...]:
    bands: list[Band] = []
    rows = zip(_RANGES, _COLOURS, _NAMES_TH, _NAMES_EN, advice, strict=True)
    for number, ((aqi_min, aqi_max), colour, name_th, name_en, advice_row) in enumerate(rows, 1):
        general_th, general_en, at_risk_th, at_risk_en, source, verified = advice_row
        bands.append(
            Band(
                scheme=scheme_id,
                number=number,
                aqi_min=aqi_min,
                aqi_max=aqi_max,
                colour=colour,
                name_th=name_th,
                name_en=name_en,
                advice_general_th=general_th,
                advice_general_en=general_en,
                advice_at_risk_th=at_risk_th,
                advice_at_risk_en=at_risk_en,
                advice_source=source,
                advice_verified=verified,
            )
        )
    return tuple(bands)


def thai_bands_2023(scheme_id: str) -> tuple[Band, ...]:
    """The five Thai bands with the 2023 advice."""
    return _thai_bands(scheme_id, _ADVICE_2023)


def thai_bands_pre_2023(scheme_id: str) -> tuple[Band, ...]:
    """The five Thai bands with the pre-2023 (CCDC) advice."""
    return _thai_bands(scheme_id, _ADVICE_PRE_2023)
