"""When a comment or trackback last changed (saved or moderated).

The page cache keyed a cable's page on its approved rows' count and id sum, which
two different sets can share (approve 3 and 4; reject them; approve 2 and 5). Each
approval now moves ``changed``, so the newest approved ``changed`` tells the sets apart.
Existing rows take the time of the migration.
"""

from __future__ import annotations

from django.db import migrations, models
from django.utils import timezone


class Migration(migrations.Migration):
    dependencies = [("discussion", "0004_paragraph_numbers")]

    operations = [
        migrations.AddField(
            model_name=model,
            name="changed",
            field=models.DateTimeField(auto_now=True, default=timezone.now),
            preserve_default=False,
        )
        for model in ("comment", "trackback")
    ]
