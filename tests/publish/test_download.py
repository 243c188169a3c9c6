"""`chanjiao download` and `chanjiao datasets list`: from a local published/ folder and from one
served by `serve()`, every file verified; tampered, truncated and path-escaping input refused
with a clear error and nothing left under a final name."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from pipelines.publish.download import DownloadError, download, list_versions
from pipelines.publish.files import read_csv

from release_helpers import DATASET, free_port, publish_two_versions, served

DOCS = {"datapackage.json", "README.md", "CHANGELOG.md", "SHA256SUMS"}
TABLES = {"facts", "reports", "report_texts", "institutions", "indicators", "quarantine"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """published/ with two versions of ie-facts: 1.0.0 (two reports) and 1.1.0 (one more)."""
    return publish_two_versions(tmp_path_factory.mktemp("download"))


@pytest.fixture
def pub(built, tmp_path) -> Path:
    """A private copy of the published folder, free to tamper with."""
    return Path(shutil.copytree(built, tmp_path / "published"))


@pytest.fixture(params=["local", "http"])
def source(request, pub):
    """The copy as a local folder or as the URL of serve() running on it."""
    if request.param == "local":
        yield str(pub)
    else:
        with served(pub) as url:
            yield url


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_lists_every_version_latest_first(source):
    rows = list_versions(source)
    assert [(r["dataset"], r["version"], r["latest"]) for r in rows] == [
        (DATASET, "1.1.0", True),
        (DATASET, "1.0.0", False),
    ]
    assert rows[0]["created"] == "2024-08-01"
    assert rows[0]["rows"]["facts"] == rows[1]["rows"]["facts"] + 4
    assert rows[0]["rows"]["reports"] == 3


def test_downloads_the_latest_parquet_release_verified(source, tmp_path, pub):
    target = tmp_path / "dl"
    result = download(DATASET, source, target=target)
    assert result.version == "1.1.0" and result.path == target and result.unverified == []
    assert {f.name for f in result.files} == set(leftovers(target))
    assert set(leftovers(target)) == {f"{t}.parquet" for t in TABLES} | DOCS
    for name in set(leftovers(target)) - {"datapackage.json", "SHA256SUMS"}:  # those two describe the download
        assert (target / name).read_bytes() == (pub / DATASET / "1.1.0" / name).read_bytes(), name
    sums = dict(line.split("  ")[::-1] for line in (target / "SHA256SUMS").read_text().splitlines())
    for name in leftovers(target):
        if name != "SHA256SUMS":
            assert sums[name] == sha256(target / name), name
    facts = pq.read_table(target / "facts.parquet").to_pandas()
    assert "襄阳工业职业技术学院" in set(facts["institution"])


def test_downloads_an_older_version_as_csv(source, tmp_path):
    target = tmp_path / "dl"
    result = download(DATASET, source, version="1.0.0", fmt="csv", target=target)
    assert result.version == "1.0.0"
    assert set(leftovers(target)) == {f"{t}.csv" for t in TABLES} | DOCS
    facts = read_csv(target / "facts.csv", "facts")
    assert set(facts["institution"]) == {"江陵职业技术学院", "汉水职业学院"}
    assert (target / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("name", ["facts.parquet", "reports.parquet", "README.md", "CHANGELOG.md"])
def test_a_corrupted_file_is_refused_and_nothing_is_left(source, pub, tmp_path, name):
    path = pub / DATASET / "1.1.0" / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit, same size
    path.write_bytes(bytes(data))
    target = tmp_path / "dl"
    with pytest.raises(DownloadError, match=rf"{name}: sha256 .* corrupted or tampered, refused"):
        download(DATASET, source, target=target)
    assert leftovers(target) == []  # no file of this download under its final name, no temporary file


@pytest.mark.parametrize("name,fmt", [("facts.csv", "csv"), ("facts.parquet", "parquet")])
def test_a_truncated_file_is_refused(source, pub, tmp_path, name, fmt):
    path = pub / DATASET / "1.1.0" / name
    path.write_bytes(path.read_bytes()[:-100])
    target = tmp_path / "dl"
    with pytest.raises(DownloadError, match=rf"{name}: \d+ bytes, but \d+ are listed for it: truncated"):
        download(DATASET, source, fmt=fmt, target=target)
    assert leftovers(target) == []


def test_a_file_grown_on_the_server_is_refused(source, pub, tmp_path):
    path = pub / DATASET / "1.1.0" / "facts.csv"
    path.write_bytes(path.read_bytes() + b"extra,row\n")
    with pytest.raises(DownloadError, match="facts.csv: larger than the .* bytes listed"):
        download(DATASET, source, fmt="csv", target=tmp_path / "dl")


def test_an_existing_good_file_is_not_replaced_by_a_bad_one(pub, tmp_path):
    target = tmp_path / "dl"
    download(DATASET, str(pub), target=target)
    good = (target / "facts.parquet").read_bytes()
    path = pub / DATASET / "1.1.0" / "facts.parquet"
    path.write_bytes(path.read_bytes()[:10])
    with pytest.raises(DownloadError):
        download(DATASET, str(pub), target=target)
    assert (target / "facts.parquet").read_bytes() == good
    assert not [n for n in leftovers(target) if n.startswith(".")]


def test_descriptor_and_checksums_must_agree(pub, tmp_path):
    dp_path = pub / DATASET / "1.1.0" / "datapackage.json"
    dp = json.loads(dp_path.read_text(encoding="utf-8"))
    dp["resources"][0]["hash"] = "sha256:" + "0" * 64
    dp_path.write_text(json.dumps(dp), encoding="utf-8")
    # the edited descriptor no longer matches its own line in SHA256SUMS
    with pytest.raises(DownloadError, match="datapackage.json: sha256 does not match the one in SHA256SUMS"):
        download(DATASET, str(pub), target=tmp_path / "dl")
    _drop_descriptor_checksums(pub)
    with pytest.raises(DownloadError, match="datapackage.json and SHA256SUMS disagree"):
        download(DATASET, str(pub), fmt=dp["resources"][0]["format"], target=tmp_path / "dl")


def test_checksums_file_must_match_the_catalogue(pub, tmp_path):
    sums = pub / DATASET / "1.1.0" / "SHA256SUMS"
    sums.write_text(sums.read_text() + "\n")
    with pytest.raises(DownloadError, match="SHA256SUMS: sha256 does not match the one in catalog.json"):
        download(DATASET, str(pub), target=tmp_path / "dl")


ESCAPES = [
    "../evil.parquet",
    "/tmp/evil.parquet",
    "..\\evil.parquet",
    "sub/../../evil.parquet",
    ".hidden.parquet",
    "C:evil.parquet",
]


@pytest.mark.parametrize("bad", ESCAPES)
def test_descriptor_paths_that_leave_the_folder_are_refused(pub, tmp_path, bad):
    vdir = pub / DATASET / "1.1.0"
    dp = json.loads((vdir / "datapackage.json").read_text(encoding="utf-8"))
    dp["resources"][1]["path"] = bad
    (vdir / "datapackage.json").write_text(json.dumps(dp), encoding="utf-8")
    _drop_descriptor_checksums(pub)  # so that the name check, not the checksum, is what refuses it
    target = tmp_path / "deep" / "dl"
    with pytest.raises(DownloadError, match="refused"):
        download(DATASET, str(pub), target=target)
    assert leftovers(target) == [] and not (tmp_path / "deep" / "evil.parquet").exists()


@pytest.mark.parametrize("bad", ESCAPES)
def test_checksum_names_that_leave_the_folder_are_refused(pub, tmp_path, bad):
    sums = pub / DATASET / "1.1.0" / "SHA256SUMS"
    sums.write_text(sums.read_text() + f"{'0' * 64}  {bad}\n")
    _drop_descriptor_checksums(pub)
    with pytest.raises(DownloadError, match="refused"):
        download(DATASET, str(pub), target=tmp_path / "dl")


@pytest.mark.parametrize("where", ["dataset", "version", "latest"])
def test_catalogue_names_that_leave_the_folder_are_refused(pub, tmp_path, where):
    catalog = pub / "catalog.json"
    data = json.loads(catalog.read_text(encoding="utf-8"))
    if where == "dataset":
        data["datasets"]["../../outside"] = data["datasets"][DATASET]
    elif where == "version":
        data["datasets"][DATASET]["versions"][0]["version"] = "../../1.1.0"
    else:
        data["datasets"][DATASET]["latest"] = "/etc"
    catalog.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DownloadError, match="refused|not MAJOR.MINOR.PATCH"):
        download(DATASET, str(pub), target=tmp_path / "dl")
    with pytest.raises(DownloadError):
        list_versions(str(pub))


@pytest.mark.parametrize(
    "dataset,version", [("../ie-facts", None), ("ie-facts", "../1.1.0"), ("/etc", None), ("ie-facts", "1.1")]
)
def test_requested_names_that_leave_the_folder_are_refused(pub, tmp_path, dataset, version):
    with pytest.raises(DownloadError):
        download(dataset, str(pub), version=version, target=tmp_path / "dl")
    assert not (tmp_path / "dl").exists()


def test_unknown_dataset_version_and_source_have_clear_errors(pub, tmp_path):
    with pytest.raises(DownloadError, match=r"no dataset 'nope' in the catalogue \(datasets: ie-facts\)"):
        download("nope", str(pub), target=tmp_path / "dl")
    with pytest.raises(DownloadError, match=r"no version 9.9.9 of ie-facts .*versions: 1.1.0, 1.0.0"):
        download(DATASET, str(pub), version="9.9.9", target=tmp_path / "dl")
    with pytest.raises(DownloadError, match="no such folder"):
        download(DATASET, str(tmp_path / "absent"), target=tmp_path / "dl")
    with pytest.raises(DownloadError, match="no catalog.json"):
        download(DATASET, str(pub / DATASET), target=tmp_path / "dl")
    with pytest.raises(DownloadError, match="format 'xlsx'"):
        download(DATASET, str(pub), fmt="xlsx", target=tmp_path / "dl")


def test_http_errors_are_download_errors(pub, tmp_path):
    (pub / DATASET / "1.1.0" / "facts.parquet").unlink()
    with served(pub) as url:
        with pytest.raises(DownloadError, match=r"facts.parquet: HTTP 404 \(missing\)"):
            download(DATASET, url, target=tmp_path / "dl")
        assert httpx.get(url + f"{DATASET}/.staging-x/facts.csv").status_code == 404  # hidden entries not served
    with pytest.raises(DownloadError, match="cannot connect .*chanjiao serve|timed out"):
        download(DATASET, url, target=tmp_path / "dl")  # the server has stopped
    assert leftovers(tmp_path / "dl") == []


def test_cli_lists_and_downloads(pub, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CHANJIAO_PUBLISHED", str(pub))  # the default --from
    monkeypatch.chdir(tmp_path)  # the default --to is ./<dataset>-<version>
    assert main(["datasets", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == ["dataset", "version", "latest", "created", "size", "rows"]
    assert out[1].split("\t")[:4] == [DATASET, "1.1.0", "latest", "2024-08-01"]
    assert out[2].split("\t")[:3] == [DATASET, "1.0.0", "-"]

    assert main(["download", DATASET]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(tmp_path / f"{DATASET}-1.1.0")
    assert "10 of 10 files verified" in captured.err
    assert (tmp_path / f"{DATASET}-1.1.0" / "facts.parquet").exists()

    with served(pub) as url:
        assert (
            main(
                [
                    "download",
                    DATASET,
                    "--version",
                    "1.0.0",
                    "--format",
                    "csv",
                    "--from",
                    url,
                    "--to",
                    str(tmp_path / "csv"),
                ]
            )
            == 0
        )
        assert main(["datasets", "list", "--from", url]) == 0
    assert (tmp_path / "csv" / "facts.csv").exists()


def test_cli_refuses_a_tampered_download_on_stderr(pub, tmp_path, capsys):
    path = pub / DATASET / "1.1.0" / "institutions.parquet"
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")
    code = main(["download", DATASET, "--from", str(pub), "--to", str(tmp_path / "dl")])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.startswith("chanjiao download: institutions.parquet: sha256")
    assert "Traceback" not in captured.err
    assert main(["datasets", "list", "--from", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err


def _drop_descriptor_checksums(pub: Path) -> None:
    """Simulate a release whose SHA256SUMS predates listing datapackage.json (and a catalogue without
    the SHA256SUMS hash), so that an edited descriptor is read rather than refused by checksum."""
    sums = pub / DATASET / "1.1.0" / "SHA256SUMS"
    sums.write_text("".join(ln + "\n" for ln in sums.read_text().splitlines() if not ln.endswith("datapackage.json")))
    catalog = pub / "catalog.json"
    data = json.loads(catalog.read_text(encoding="utf-8"))
    for v in data["datasets"][DATASET]["versions"]:
        v.pop("checksums", None)
    catalog.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_cli_serve_binds_to_localhost_and_stops_cleanly(pub, sig):
    port = free_port()
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "chanjiao"), "serve", "--port", str(port), "--dir", str(pub)],
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a test run started in the background (`make test &`) has Ctrl-C
        # ignored, which its children would inherit, and the server would rightly not stop
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        first = proc.stderr.readline()
        assert first.startswith(f"serving {pub} on http://127.0.0.1:{port}/"), first
        resp = httpx.get(f"http://127.0.0.1:{port}/catalog.json", timeout=10)
        assert resp.status_code == 200 and resp.json()["datasets"][DATASET]["latest"] == "1.1.0"
        assert resp.headers["content-type"].startswith("application/json")
        proc.send_signal(sig)
        assert proc.wait(30) == 0  # generous: the machine may be busy with other tests
        assert "serve: stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stderr.close()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/catalog.json", timeout=5)


def test_cli_serve_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["serve", "--dir", str(tmp_path / "absent")]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_a_one_format_download_is_a_valid_data_package_of_its_own(pub, tmp_path, fmt):
    from frictionless import Package

    target = tmp_path / "dl"
    download(DATASET, str(pub), fmt=fmt, target=target)
    dp = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["name"] for r in dp["resources"]) == sorted(t.replace("_", "-") for t in TABLES)
    assert {r["path"] for r in dp["resources"]} == {f"{t}.{fmt}" for t in TABLES}
    facts = next(r for r in dp["resources"] if r["name"] == "facts")
    refs = {fk["fields"]: fk["reference"]["resource"] for fk in facts["schema"]["foreignKeys"]}
    assert refs == {"report_id": "reports", "indicator_code": "indicators"}
    report = Package(str(target / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=target, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_latest_is_a_version_and_a_folder(pub, tmp_path):
    result = download(DATASET, str(pub), version="latest", target=tmp_path / "dl")
    assert result.version == "1.1.0"
    assert (pub / DATASET / "latest" / "facts.parquet").read_bytes() == (
        pub / DATASET / "1.1.0" / "facts.parquet"
    ).read_bytes()
    with served(pub) as url:
        assert httpx.get(url + f"{DATASET}/latest/datapackage.json").json()["version"] == "1.1.0"
        assert main(["download", DATASET, "--version", "latest", "--from", url, "--to", str(tmp_path / "d2")]) == 0
    assert (tmp_path / "d2" / "facts.parquet").exists()


def test_cli_errors_are_one_clear_line(pub, tmp_path, capsys):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    cases = [
        (["download", DATASET, "--from", str(pub), "--to", str(a_file)], "is a file, not a folder"),
        (["download", DATASET, "--from", f"http://127.0.0.1:{free_port()}/"], "chanjiao serve"),
        (["datasets", "list", "--from", "ftp://example.org/x"], "unsupported source"),
        (["serve", "--port", "99999"], "out of range"),
        (["ui", "--port", "abc"], "not a port number"),
    ]
    for argv, message in cases:
        with pytest.raises(SystemExit) if argv[0] in ("serve", "ui") else _no_exit():
            code = main(argv)
            assert code != 0
        err = capsys.readouterr().err
        assert message in err, (argv, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, (argv, err)


class _no_exit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_sources_given_as_the_page_or_a_file_url_work(pub, tmp_path, capsys):
    assert main(["datasets", "list", "--from", (pub / "index.html").as_uri()]) == 0
    assert DATASET in capsys.readouterr().out
    with served(pub) as url:
        assert main(["download", DATASET, "--from", url + "index.html", "--to", str(tmp_path / "dl")]) == 0
    assert (tmp_path / "dl" / "facts.parquet").exists()
