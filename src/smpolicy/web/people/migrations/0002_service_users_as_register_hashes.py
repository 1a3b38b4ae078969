"""Service users are now held as ``smpolicy.registers`` hash sets, one row per person.

The old rows (one HMAC of a normalised name each) cannot be converted, since the names are not
kept: the table is dropped and made again, and the register must be re-imported
(``/people/service-users/``, or ``load_demo`` for the demo council). See README.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.DeleteModel(name='ServiceUser'),
        migrations.CreateModel(
            name='ServiceUser',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('entry', models.CharField(max_length=64, unique=True)),
                ('hashes', models.JSONField()),
                ('scheme', models.PositiveSmallIntegerField()),
                ('key_check', models.CharField(max_length=32)),
                ('added_at', models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
