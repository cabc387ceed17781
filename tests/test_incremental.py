"""Adding documents run by run gives what one run over all of them gives, and a run does not
redo per-document work it stored before."""

from __future__ import annotations

import os
from pathlib import Path

from triangulate.corpus import Corpus

FILE_DAY = 1_600_000_000  # 2020-09-13, the undated articles' file date

ARTICLES = {
    "undated-1.txt": (
        "Flooding on the Varnel river\n\n"
        "Workers said the Oskar dam on the Varnel river burst on 3 March after heavy rain. "
        "Mayor Ilse Brandvik said 40 homes were flooded.\n",
        FILE_DAY,
    ),
    "undated-2.txt": (
        "Brandvik visits Tolmey\n\n"
        "Brandvik visited Tolmey on 4 March and promised help. She said 35 homes were "
        "flooded and two people were missing.\n",
        FILE_DAY,
    ),
    "dated-1.txt": (
        "By Ann Lee 5 March 2018\n\n"
        "The Oskar dam burst on 3 March, officials said. Ilse Brandvik, the mayor of "
        "Tolmey, said 40 homes were flooded. The Varnel Water Board denied that the dam "
        "was poorly maintained.\n",
        None,
    ),
    "dated-2.txt": (
        "By Tom Hale 7 March 2018\n\n"
        "Rescuers found the two missing people alive on 4 March, the Varnel Water Board "
        "said. Mayor Brandvik said 42 homes were flooded in Tolmey.\n",
        None,
    ),
    "dated-3.txt": (
        "By Ann Lee 9 March 2018\n\n"
        "Engineers began repairing the Oskar dam on 8 March. Brandvik said the repairs "
        "would cost $2 million.\n",
        None,
    ),
}


def _write(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    paths = {}
    for name, (text, stamp) in ARTICLES.items():
        path = folder / name
        path.write_text(text)
        if stamp is not None:
            os.utime(path, (stamp, stamp))
        paths[name] = path
    return paths


def test_documents_added_run_by_run_give_the_results_of_one_run(tmp_path: Path) -> None:
    paths = _write(tmp_path / "news")
    batches = [["undated-1.txt", "undated-2.txt"], ["dated-1.txt"], ["dated-2.txt",
                                                                     "dated-3.txt"]]
    with Corpus.open(tmp_path / "added.db") as corpus:
        for batch in batches:
            summary = corpus.analyze([str(paths[name]) for name in batch], executor="serial")
            assert summary.ok and len(summary.analyzed) == len(batch)
        added = corpus.export_data()
    with Corpus.open(tmp_path / "whole.db") as corpus:
        assert corpus.analyze([str(tmp_path / "news")], executor="serial").ok
        whole = corpus.export_data()
    assert added == whole
    dates = {d["source"]: (d["published"], d["published_basis"]) for d in whole["documents"]}
    assert dates[str(paths["undated-1.txt"])] == ("2018-03-03", "inferred")


def test_any_order_of_runs_and_any_executor_give_the_results_of_one_run(tmp_path: Path) -> None:
    """After every run the stored results are those of reconciling every stored analysis
    afresh; the last run's, whichever order the documents came in and whoever analysed them,
    are those of one serial run over all of them."""
    from triangulate.reconcile import reconcile

    paths = _write(tmp_path / "news")
    with Corpus.open(tmp_path / "whole.db") as corpus:
        assert corpus.analyze([str(tmp_path / "news")], executor="serial").ok
        whole = corpus.export_data()
    orders = {
        "serial": [["dated-3.txt"], ["undated-2.txt", "dated-1.txt"], ["dated-2.txt"],
                   ["undated-1.txt"]],
        "local": [["dated-2.txt", "undated-1.txt"], ["dated-3.txt", "undated-2.txt",
                                                     "dated-1.txt"]],
    }
    for executor, batches in orders.items():
        with Corpus.open(tmp_path / f"{executor}.db") as corpus:
            for batch in batches:
                summary = corpus.analyze([str(paths[name]) for name in batch],
                                         executor=executor, workers=2)
                assert summary.ok and len(summary.analyzed) == len(batch)
                assert corpus.store.reconciliation() == reconcile(corpus.analyses())
            assert corpus.export_data() == whole, executor


def test_a_document_dated_by_its_file_has_its_year_less_dates_read_once(tmp_path: Path) -> None:
    paths = _write(tmp_path / "news")
    with Corpus.open(tmp_path / "t.db") as corpus:
        corpus.analyze([str(paths["undated-2.txt"])], executor="serial")
        (analysis,) = corpus.analyses()
        assert analysis.document.published_basis == "file"
        assert corpus.store.yearless_days() == {}  # read from the undated analysis's own times
        corpus.analyze([str(paths["undated-2.txt"])], executor="serial")
        assert corpus.store.yearless_days() == {analysis.document.id: frozenset({"03-04"})}
        # the next run takes the stored days, not the text's: stored as another day, the
        # document is dated by the dated article that names that day
        corpus.store.put_yearless_days({analysis.document.id: {"03-08"}})
        corpus.analyze([str(paths["dated-3.txt"])], executor="serial")
        redated = next(a for a in corpus.analyses() if a.document.id == analysis.document.id)
        assert (redated.document.published, redated.document.published_basis) == (
            "2018-03-08", "inferred")
        assert analysis.document.id not in corpus.store.yearless_days()  # stored again: forgotten


def test_each_document_s_shingles_are_made_once_and_stored(tmp_path: Path) -> None:
    from triangulate.ingest.lineage import shingle_set

    paths = _write(tmp_path / "news")
    with Corpus.open(tmp_path / "t.db") as corpus:
        corpus.analyze([str(paths["dated-1.txt"]), str(paths["dated-2.txt"])], executor="serial")
        stored = corpus.store.shingles()
        assert stored == {a.document.id: shingle_set(a.document.text) for a in corpus.analyses()}
