from __future__ import annotations

from datetime import timedelta

import django.db.models.deletion
from django.db import migrations, models

ICT = timedelta(hours=7)


def fill_day_and_confidence(apps, schema_editor):  # type: ignore[no-untyped-def]
    Detection = apps.get_model("hotspots", "Detection")
    batch = []
    for row in Detection.objects.all().iterator(chunk_size=2000):
        row.acquired_day = (row.acquired_at + ICT).date()
        passes = (
            row.confidence_class in ("n", "h")
            if row.instrument == "VIIRS"
            else (row.confidence_pct or 0) >= 30
        )
        row.confident = passes and row.fire_type in (None, 0)
        batch.append(row)
        if len(batch) >= 2000:
            Detection.objects.bulk_update(batch, ["acquired_day", "confident"])
            batch = []
    Detection.objects.bulk_update(batch, ["acquired_day", "confident"])


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0002_feature_layers"),
        ("hotspots", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="detection",
            name="land_use_class",
            field=models.CharField(
                default="unknown", max_length=32, verbose_name="land-use / responsibility class"
            ),
        ),
        migrations.AddField(
            model_name="detection",
            name="risk_place",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="geo.riskplace",
                verbose_name="nearest risk place",
            ),
        ),
        migrations.AddField(
            model_name="detection",
            name="risk_place_km",
            field=models.FloatField(
                blank=True, null=True, verbose_name="distance to the risk place (km)"
            ),
        ),
        migrations.AddField(
            model_name="detection",
            name="acquired_day",
            field=models.DateField(null=True, verbose_name="day of acquisition (Thai time)"),
        ),
        migrations.AddField(
            model_name="detection",
            name="confident",
            field=models.BooleanField(
                null=True,
                help_text="VIIRS nominal or high; MODIS 30 or more; archive type 0 when given",
                verbose_name="passes the default confidence filter",
            ),
        ),
        migrations.RunPython(fill_day_and_confidence, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="detection",
            name="acquired_day",
            field=models.DateField(verbose_name="day of acquisition (Thai time)"),
        ),
        migrations.AlterField(
            model_name="detection",
            name="confident",
            field=models.BooleanField(
                help_text="VIIRS nominal or high; MODIS 30 or more; archive type 0 when given",
                verbose_name="passes the default confidence filter",
            ),
        ),
        migrations.AddIndex(
            model_name="detection",
            index=models.Index(
                fields=["district_code", "acquired_day"], name="hotspots_det_district_day"
            ),
        ),
        migrations.AddIndex(
            model_name="detection",
            index=models.Index(
                fields=["acquired_day", "instrument"], name="hotspots_det_day_instrument"
            ),
        ),
        migrations.CreateModel(
            name="DailyCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(verbose_name="day (Thai time)")),
                ("instrument", models.CharField(max_length=8, verbose_name="instrument")),
                ("satellite", models.CharField(max_length=8, verbose_name="satellite")),
                ("country_code", models.CharField(blank=True, max_length=3, verbose_name="country")),
                ("province_code", models.CharField(blank=True, max_length=16, verbose_name="province code")),
                ("land_use_class", models.CharField(max_length=32, verbose_name="land-use class")),
                ("confident", models.BooleanField(verbose_name="passes the default confidence filter")),
                ("count", models.PositiveIntegerField(verbose_name="detections")),
                ("frp_sum", models.FloatField(verbose_name="total FRP (MW)")),
            ],
            options={
                "verbose_name": "daily hotspot count",
                "verbose_name_plural": "daily hotspot counts",
                "ordering": ("-day", "country_code", "province_code"),
                "indexes": [models.Index(fields=["instrument", "day"], name="hotspots_daily_instr_day")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("day", "instrument", "satellite", "country_code", "province_code", "land_use_class", "confident"),
                        name="hotspots_dailycount_unique",
                    )
                ],
            },
        ),
    ]
