from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="cable",
            name="tag_codes",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="ingestrun",
            name="errors",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="sourcefile",
            name="records",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
