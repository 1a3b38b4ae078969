"""Sequence numbers, keyed hashes and the head row.

Events written before this migration are numbered in id order and re-sealed with the keyed hash:
the earlier chain was unkeyed, so this is the one moment the log is rewritten.
"""

import django.core.serializers.json
from django.db import migrations, models


def seal_existing(apps, schema_editor):
    from smpolicy.web.audit.models import GENESIS
    from smpolicy.web.audit.models import AuditEvent as Live

    Event = apps.get_model("audit", "AuditEvent")
    Head = apps.get_model("audit", "AuditHead")
    previous, seq = GENESIS, 0
    for event in Event.objects.order_by("id"):
        seq += 1
        probe = Live(seq=seq, at=event.at, actor_name=event.actor_name, action=event.action,
                     target=event.target, details=event.details, prev_hash=previous)
        digest = probe.compute_hash()
        Event.objects.filter(pk=event.pk).update(seq=seq, prev_hash=previous, hash=digest)
        previous = digest
    Head.objects.create(pk=1, seq=seq, hash=previous)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(default="0" * 64, max_length=64)),
            ],
        ),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(unique=True),
        ),
        migrations.AlterModelOptions(name="auditevent", options={"ordering": ["seq"]}),
        migrations.AlterField(
            model_name="auditevent",
            name="details",
            field=models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["target"], name="audit_audit_target_38f71e_idx"),
        ),
    ]
