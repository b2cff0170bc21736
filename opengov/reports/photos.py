"""Photo checks and re-encoding (pure: Pillow only, no Django import).

:func:`photo_process` opens an upload, refuses what is not a real JPEG, PNG or WebP image (or is
too large in bytes or pixels), reads the EXIF GPS position and capture time of the original, and
makes the public copy: EXIF orientation applied, at most :data:`PUBLIC_MAX_SIDE` pixels on a side,
re-encoded as JPEG with no metadata at all (EXIF, GPS, XMP, ICC, comments)."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Final

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS: Final[dict[str, str]] = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
}
MAX_BYTES_DEFAULT: Final = 8 * 1024 * 1024
MAX_PIXELS: Final = 40_000_000
PUBLIC_MAX_SIDE: Final = 1600
PUBLIC_QUALITY: Final = 82
_GPS_IFD: Final = 0x8825
_EXIF_IFD: Final = 0x8769
_DATETIME_ORIGINAL: Final = 0x9003
_OFFSET_TIME_ORIGINAL: Final = 0x9011
_ICT: Final = timezone(timedelta(hours=7))


class PhotoInvalid(ValueError):
    """The upload is refused; the message is given in English and Thai."""

    def __init__(self, code: str, message_en: str, message_th: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_en = message_en
        self.message_th = message_th


@dataclass(frozen=True)
class ProcessedPhoto:
    public_jpeg: bytes
    public_sha256: str
    width: int
    height: int
    original: bytes
    original_sha256: str
    original_content_type: str
    exif_lat: float | None
    exif_lon: float | None
    exif_taken_at: datetime | None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _degrees(value: object, ref: object, negative: str) -> float | None:
    try:
        d, m, s = (float(part) for part in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    return -result if str(ref).upper().startswith(negative) else result


def _exif_location(image: Image.Image) -> tuple[float | None, float | None, datetime | None]:
    exif = image.getexif()
    gps = exif.get_ifd(_GPS_IFD)
    lat = lon = None
    if gps:
        lat = _degrees(gps.get(2), gps.get(1, "N"), "S")
        lon = _degrees(gps.get(4), gps.get(3, "E"), "W")
        if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None
    taken_at = None
    details = exif.get_ifd(_EXIF_IFD)
    raw = details.get(_DATETIME_ORIGINAL)
    if isinstance(raw, str):
        try:
            naive = datetime.strptime(raw.strip(), "%Y:%m:%d %H:%M:%S")  # noqa: DTZ007
        except ValueError:
            naive = None
        if naive is not None:
            offset = details.get(_OFFSET_TIME_ORIGINAL)
            zone = _ICT  # a phone's clock in Thailand when the camera wrote no offset
            if isinstance(offset, str) and len(offset) == 6 and offset[0] in "+-":
                sign = -1 if offset[0] == "-" else 1
                try:
                    zone = timezone(
                        sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
                    )
                except ValueError:
                    zone = _ICT
            taken_at = naive.replace(tzinfo=zone)
    return lat, lon, taken_at


def photo_process(data: bytes, *, max_bytes: int = MAX_BYTES_DEFAULT) -> ProcessedPhoto:
    """Check one upload and make its public copy (raises :class:`PhotoInvalid`)."""
    if len(data) > max_bytes:
        mb = max_bytes / (1024 * 1024)
        raise PhotoInvalid(
            "too_large",
            f"The photo is larger than {mb:g} MB.",
            f"รูปภาพมีขนาดใหญ่เกิน {mb:g} MB",
        )
    bad = PhotoInvalid(
        "not_an_image",
        "The file is not a JPEG, PNG or WebP image, or it is damaged.",
        "ไฟล์ไม่ใช่รูปภาพ JPEG, PNG หรือ WebP หรือไฟล์เสียหาย",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format or ""
                if kind not in ALLOWED_FORMATS:
                    raise bad
                if probe.width * probe.height > MAX_PIXELS:
                    raise PhotoInvalid(
                        "too_many_pixels",
                        "The photo has too many pixels (at most 40 megapixels).",
                        "รูปภาพมีจำนวนพิกเซลมากเกินไป (ไม่เกิน 40 ล้านพิกเซล)",
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                lat, lon, taken_at = _exif_location(image)
                upright = ImageOps.exif_transpose(image)
                rgb = upright.convert("RGB")
    except PhotoInvalid:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise bad from error
    rgb.thumbnail((PUBLIC_MAX_SIDE, PUBLIC_MAX_SIDE))
    out = io.BytesIO()
    # A fresh image carries no info dict: nothing of the original's metadata can be written.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    clean.save(out, format="JPEG", quality=PUBLIC_QUALITY, optimize=True)
    public = out.getvalue()
    return ProcessedPhoto(
        public_jpeg=public,
        public_sha256=_sha256(public),
        width=clean.width,
        height=clean.height,
        original=data,
        original_sha256=_sha256(data),
        original_content_type=ALLOWED_FORMATS[kind],
        exif_lat=lat,
        exif_lon=lon,
        exif_taken_at=taken_at,
    )
