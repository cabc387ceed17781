"""A Dask cluster's workers analyse and store the documents themselves in a PostgreSQL store;
the results are those of a serial run into SQLite. Skips, saying why, without dask.distributed
or a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.corpus import Corpus
from triangulate.model import Analysis

from .postgres_server import PostgresServer

ARTICLES = {
    "a.txt": "By Ann Lee 5 March 2018\n\nThe Oskar dam burst on 3 March, officials said. "
    "Mayor Ilse Brandvik said 40 homes were flooded.\n",
    "b.txt": "By Tom Hale 7 March 2018\n\nMayor Ilse Brandvik said 42 homes were flooded in "
    "Tolmey after the Oskar dam burst.\n",
    "c.txt": "By Ann Lee 9 March 2018\n\nEngineers began repairing the Oskar dam on 8 March. "
    "Brandvik said the repairs would cost $2 million.\n",
}


def test_dask_workers_store_their_analyses_in_postgresql(
    postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, Corpus.open(postgres_server.new_database()) as corpus:
        stored_here: list[str] = []
        own_put = corpus.store.put_analysis

        def put_here(analysis: Analysis) -> None:
            stored_here.append(analysis.document.id)
            own_put(analysis)

        monkeypatch.setattr(corpus.store, "put_analysis", put_here)
        address = cluster.scheduler_address.removeprefix("tcp://")
        summary = corpus.analyze([str(folder)], executor=f"dask://{address}")
        assert summary.ok and len(summary.analyzed) == 3 and summary.documents_in_store == 3
        assert stored_here == []  # every analysis was stored by the worker that made it
        by_cluster = corpus.export_data()
    with Corpus.open(tmp_path / "serial.db") as corpus:
        assert corpus.analyze([str(folder)], executor="serial").ok
        assert corpus.export_data() == by_cluster
