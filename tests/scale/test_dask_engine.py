"""The Dask engine gives the local engine's results, byte for byte, and writes nothing twice."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.config import load_config
from marsad.ingest import resolve_inputs
from marsad.scale.dask import run_dask
from marsad.scale.sinks import ParquetSink, StoreSink
from tests.scale.samples import local_lines, stored_ids, stored_lines, write_sample


def _pipeline_id() -> int:
    import marsad.scale.dask
    return id(marsad.scale.dask._PIPELINE)


def _run(client: Any, inputs: list[str], sink: StoreSink | ParquetSink, **kw: Any) -> Any:
    return run_dask(resolve_inputs(inputs), load_config(), sink, client=client, **kw)


def test_dask_store_equals_local_on_200_ant_articles(dask_client: Any, sample200: tuple[Path, list[str]],
                                                     tmp_path: Path) -> None:
    path, expected = sample200
    db = tmp_path / "dask.db"
    report = _run(dask_client, [str(path)], StoreSink(str(db)), partition_size=16)
    assert report.partitions == 13 and report.processed == 200 and report.written == 200
    assert len({r.worker_pid for r in report.reports.values()}) == 2  # both workers took partitions
    assert sorted(stored_lines(db)) == sorted(expected)
    pipelines = dask_client.run(_pipeline_id)  # the pipeline (models loaded) each worker built
    # a re-run writes nothing; with resume it does not even run the pipeline
    assert _run(dask_client, [str(path)], StoreSink(str(db)), partition_size=16).written == 0
    again = _run(dask_client, [str(path)], StoreSink(str(db)), partition_size=50, resume=True)
    assert (again.processed, again.skipped, again.written) == (0, 200, 0)
    assert sorted(stored_lines(db)) == sorted(expected)
    assert dask_client.run(_pipeline_id) == pipelines  # built once per worker, kept across partitions and runs


@pytest.mark.slow
def test_dask_store_equals_local_on_2000_ant_articles(dask_client: Any, tmp_path: Path) -> None:
    path = write_sample(tmp_path / "ant2000.jsonl", 2000)
    expected = local_lines([str(path)])
    db = tmp_path / "dask.db"
    report = _run(dask_client, [str(path)], StoreSink(str(db)))
    assert report.processed == report.written == 2000
    assert sorted(stored_lines(db)) == sorted(expected)
    assert len(set(stored_ids(db))) == 2000


def test_parquet_in_and_out_equals_local_and_resumes_by_partition(dask_client: Any, sample200: tuple[Path, list[str]],
                                                                  tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    path, _ = sample200
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:60]]
    for i in range(0, 60, 3):
        records[i].pop("id")  # ids made from row numbers must match the local read's
    columns = ("id", "text", "title", "published", "url", "source")
    table = pa.table({c: [r.get(c) for r in records] for c in columns})
    source = tmp_path / "in.parquet"
    pq.write_table(table, source, row_group_size=25)
    expected = local_lines([str(source)])
    out = tmp_path / "out"
    report = _run(dask_client, [str(source)], ParquetSink(str(out)), partition_size=16)
    assert report.partitions == 4 and report.written == 60
    files = sorted(out.glob("part-*.parquet"))
    assert len(files) == 4
    rows = pa.concat_tables([pq.read_table(f) for f in files])
    assert rows.column("result").to_pylist() == expected  # partition files in order = input order
    assert len(set(rows.column("id").to_pylist())) == 60
    before = [f.stat().st_mtime_ns for f in files]
    again = _run(dask_client, [str(source)], ParquetSink(str(out)), partition_size=16, resume=True)
    assert (again.skipped, again.written) == (60, 0)
    assert [f.stat().st_mtime_ns for f in files] == before
    with pytest.raises(Exception, match="another partition size"):
        _run(dask_client, [str(source)], ParquetSink(str(out)), partition_size=10, resume=True)
    fresh = _run(dask_client, [str(source)], ParquetSink(str(out)), partition_size=10)
    assert fresh.partitions == 6 and len(list(out.glob("part-*.parquet"))) == 6  # no file of the old plan left


def test_folder_input_equals_local(dask_client: Any, sample200: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, _ = sample200
    folder = tmp_path / "articles"
    (folder / "html").mkdir(parents=True)
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()[:24]):
        rec = json.loads(line)
        if i % 2:
            (folder / f"a{i}.txt").write_text(rec["text"], encoding="utf-8")
        else:
            body = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n"))
            (folder / "html" / f"a{i}.html").write_text(
                f"<html><head><title>{rec['title']}</title></head><body><article>{body}</article></body></html>",
                encoding="utf-8")
    expected = local_lines([str(folder)])
    db = tmp_path / "dask.db"
    report = _run(dask_client, [str(folder)], StoreSink(str(db)), partition_size=5)
    assert report.partitions == 5 and report.processed == 24
    assert sorted(stored_lines(db)) == sorted(expected)


def test_cli_dask_engine_writes_output_in_input_order(sample200: tuple[Path, list[str]], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path, expected = sample200
    small = tmp_path / "ant40.jsonl"
    small.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:40]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(small), "--engine", "dask", "--workers", "1", "--partition-size", "8",
                 "--db", str(tmp_path / "r.db"), "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_text(encoding="utf-8").splitlines() == expected[:40]
    assert "dask: 1 workers, 5 partitions" in capsys.readouterr().err


def test_cli_without_the_dask_extra_gives_the_install_hint(sample200: tuple[Path, list[str]], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    code = main(["extract", str(sample200[0]), "--engine", "dask", "--db", str(tmp_path / "r.db"), "-o", "-"])
    assert code == 2
    assert "pip install 'marsad[dask]'" in capsys.readouterr().err
    assert not (tmp_path / "r.db").exists()


def test_cli_refuses_dask_options_with_the_local_engine(sample200: tuple[Path, list[str]],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(sample200[0]), "--scheduler", "tcp://127.0.0.1:1", "-o", "-"]) == 2
    assert "need --engine dask" in capsys.readouterr().err
