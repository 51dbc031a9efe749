"""The parse stage on a Dask cluster: a local one with two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.archive.ingest import ingest
from cablebase.archive.models import Cable

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_ingest_on_a_local_dask_cluster(samples_dir: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = ingest(
            [samples_dir / "seeds", samples_dir / "wikileaks-html"],
            executor=client.get_executor(),
            batch_size=2,
        )
        workers_used = len(client.scheduler_info()["workers"])
    assert workers_used == 2
    assert (report.new, report.failed) == (4, 0)
    assert Cable.objects.filter(reference_id="06MOSCOW1323").exists()


def test_cli_scheduler_option(samples_dir: Path, capsys) -> None:
    from cablebase.cli import main

    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        code = main(
            ["ingest", "--scheduler", cluster.scheduler_address, str(samples_dir / "seeds")]
        )
    assert code == 0
    assert "new" in capsys.readouterr().out
    assert Cable.objects.count() == 2
