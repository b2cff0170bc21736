"""Storing processed photos: the public copy and the private original, in the default storage
(local disk or a private S3 bucket; neither is served directly — views stream them)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import get_language

from opengov.reports.models import Report, ReportPhoto
from opengov.reports.photos import MAX_BYTES_DEFAULT, PhotoInvalid, ProcessedPhoto, photo_process

MAX_PHOTOS = 5
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def _max_bytes() -> int:
    return int(getattr(settings, "OPENGOV_REPORT_PHOTO_MAX_BYTES", MAX_BYTES_DEFAULT))


def photos_process(uploads: Sequence[bytes], *, field: str = "photos") -> list[ProcessedPhoto]:
    """Check every upload before anything is stored (raises ``ValidationError`` on ``field``)."""
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(
            {
                field: ValidationError(
                    "At most %(max)d photos." if not _thai() else "แนบรูปได้ไม่เกิน %(max)d รูป",
                    code="too_many_photos",
                    params={"max": MAX_PHOTOS},
                )
            }
        )
    processed = []
    for number, data in enumerate(uploads, start=1):
        try:
            processed.append(photo_process(data, max_bytes=_max_bytes()))
        except PhotoInvalid as invalid:
            message = invalid.message_th if _thai() else invalid.message_en
            label = f"รูปที่ {number}" if _thai() else f"Photo {number}"
            raise ValidationError(
                {field: ValidationError(f"{label}: {message}", code=invalid.code)}
            ) from invalid
    return processed


def _thai() -> bool:
    return not (get_language() or "th").startswith("en")


def photo_store(
    *, report: Report, photo: ProcessedPhoto, kind: str, written: list[str]
) -> ReportPhoto:
    """Write both files and the row; ``written`` collects the paths so a failed transaction's
    caller can delete them (nothing is left behind)."""
    key = uuid.uuid4()
    public_path = default_storage.save(f"reports/public/{key}.jpg", ContentFile(photo.public_jpeg))
    written.append(public_path)
    extension = _EXTENSIONS[photo.original_content_type]
    original_path = default_storage.save(
        f"reports/private/{key}.{extension}", ContentFile(photo.original)
    )
    written.append(original_path)
    return ReportPhoto.objects.create(
        uuid=key,
        report=report,
        kind=kind,
        public_path=public_path,
        public_sha256=photo.public_sha256,
        width=photo.width,
        height=photo.height,
        original_path=original_path,
        original_sha256=photo.original_sha256,
        original_content_type=photo.original_content_type,
        exif_lat=photo.exif_lat,
        exif_lon=photo.exif_lon,
        exif_taken_at=photo.exif_taken_at,
    )


def files_delete(paths: list[str]) -> None:
    for path in paths:
        default_storage.delete(path)
