"""The pure photo module: metadata stripped from the public copy, EXIF GPS read from the original,
bad files refused with a bilingual message."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from opengov.reports.photos import PhotoInvalid, photo_process
from opengov.reports.tests.conftest import jpeg_with_gps, png_bytes


def test_public_copy_has_no_exif_and_original_keeps_gps():
    original = jpeg_with_gps(lat=18.81, lon=98.95)
    photo = photo_process(original)
    with Image.open(io.BytesIO(photo.public_jpeg)) as public:
        assert public.format == "JPEG"
        assert dict(public.getexif()) == {}
        assert "exif" not in public.info
    assert b"PhoneMaker" not in photo.public_jpeg
    assert b"PhoneMaker" in photo.original
    assert photo.original == original
    assert photo.exif_lat == pytest.approx(18.81, abs=1e-3)
    assert photo.exif_lon == pytest.approx(98.95, abs=1e-3)
    assert photo.exif_taken_at is not None
    assert photo.exif_taken_at.isoformat() == "2026-12-05T09:30:00+07:00"
    assert (photo.width, photo.height) == (64, 48)
    assert len(photo.public_sha256) == 64 and photo.public_sha256 != photo.original_sha256


def test_png_is_re_encoded_as_jpeg_without_location():
    photo = photo_process(png_bytes())
    assert photo.original_content_type == "image/png"
    assert photo.public_jpeg[:3] == b"\xff\xd8\xff"
    assert photo.exif_lat is None and photo.exif_taken_at is None


def test_large_photo_is_shrunk_to_1600_px():
    out = io.BytesIO()
    Image.new("RGB", (3200, 1000), "white").save(out, format="JPEG")
    photo = photo_process(out.getvalue())
    assert (photo.width, photo.height) == (1600, 500)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"this is not an image", "not_an_image"),
        (jpeg_with_gps()[:200], "not_an_image"),
        (b"GIF89a" + b"\x00" * 40, "not_an_image"),
    ],
)
def test_bad_files_are_refused(data, code):
    with pytest.raises(PhotoInvalid) as caught:
        photo_process(data)
    assert caught.value.code == code
    assert caught.value.message_th == "ไฟล์ไม่ใช่รูปภาพ JPEG, PNG หรือ WebP หรือไฟล์เสียหาย"


def test_oversized_file_is_refused_before_decoding():
    with pytest.raises(PhotoInvalid) as caught:
        photo_process(b"\xff" * 2048, max_bytes=1024)
    assert caught.value.code == "too_large"
    assert caught.value.message_en.startswith("The photo is larger than")
