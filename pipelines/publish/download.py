"""List and download published releases, verified, from a local published/ folder or from an
http(s) URL of one being served (e.g. by `chanjiao serve`).

Every file is written under a temporary name in the target folder, its size and sha256 checked
against SHA256SUMS and datapackage.json (and catalog.json), and only when every file of the
download passes are they renamed to their final names: a tampered or truncated file is refused
and leaves nothing behind. Names from the catalogue or the descriptor that would leave the folder
(absolute paths, `..`, backslashes, subfolders) are refused before anything is fetched.

No server can hang or fill us: every request has a timeout, the whole download a deadline
(`deadline`, default DEADLINE seconds, checked at every chunk, so a trickling server is cut off),
every file a size cap (its listed size; README.md and CHANGELOG.md, which no listing sizes, at
most MAX_DOC_BYTES), and partial `.part` files are removed on any failure or interruption, and
swept from the target folder at the next download when a kill left one behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from pipelines.signals import interrupt_on_sigterm  # noqa: F401  (the CLI stops a download with it)

from . import versioning

FORMATS = ("parquet", "csv")
DESCRIPTOR = "datapackage.json"
CHECKSUMS = "SHA256SUMS"
DOCS = ("README.md", "CHANGELOG.md")
CATALOG = "catalog.json"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_METADATA_BYTES = 16 << 20  # catalog.json, datapackage.json, SHA256SUMS are small
MAX_DOC_BYTES = 16 << 20  # README.md and CHANGELOG.md: no listing gives their size
DEADLINE = 3600.0  # seconds for one whole download or listing
PART_SUFFIX = ".part"
CHUNK = 1 << 16
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class DownloadError(Exception):
    """A listing or download that cannot be done, or whose files do not verify."""


@dataclass(frozen=True)
class Expected:
    name: str
    sha256: str | None  # None only for a doc an older release's SHA256SUMS does not list
    size: int | None
    cap: int | None = None  # the most bytes accepted when the size is not known


@dataclass
class DownloadResult:
    dataset: str
    version: str
    path: Path
    files: list[Expected] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)


# --- names ---------------------------------------------------------------------------------------


def safe_name(name: object, what: str) -> str:
    """One path segment that stays inside its folder, or DownloadError."""
    if not isinstance(name, str) or not name:
        raise DownloadError(f"{what}: expected a file or folder name, got {name!r}")
    if "\\" in name or "/" in name or "\x00" in name or ":" in name:
        raise DownloadError(
            f"{what} {name!r} is not a plain name (absolute path, subfolder, backslash or "
            f"drive): refused, it could leave the download folder"
        )
    if name in (".", "..") or name.startswith("."):
        raise DownloadError(
            f"{what} {name!r} refused: names starting with '.' (such as '..') could leave "
            f"the download folder or hide files"
        )
    return name


def safe_version(version: object, what: str = "version") -> str:
    safe_name(version, what)
    if not versioning.SEMVER.match(version):  # type: ignore[arg-type]
        raise DownloadError(f"{what} {version!r} is not MAJOR.MINOR.PATCH")
    return version  # type: ignore[return-value]


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def normalise_source(source: str | Path) -> str | Path:
    """What a user may paste as a source, made into a published/ folder or its base URL: a
    `file://` URL becomes its path; a URL or path of the catalogue page (index.html) or of
    catalog.json becomes the folder holding it."""
    text = str(source)
    if text.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        text = unquote(urlsplit(text).path) or "/"
        source = text
    elif text.lower().startswith(("ftp://", "s3://", "gs://")) or ("://" in text and not is_url(text)):
        raise DownloadError(f"{text}: unsupported source (use a published/ folder, file:// or an http(s) URL)")
    if is_url(text):
        base = text.split("?", 1)[0].split("#", 1)[0]
        if base.rsplit("/", 1)[-1] in ("index.html", CATALOG):
            return base.rsplit("/", 1)[0] + "/"
        return text
    path = Path(text)
    if path.name in ("index.html", CATALOG) and path.is_file():
        return path.parent
    return source if isinstance(source, Path) else text


# --- reading from a folder or a URL ----------------------------------------------------------------


class Source:
    """A published/ folder, local or served: read small files, stream big ones."""

    def __init__(self, location: str | Path, client: httpx.Client | None = None, deadline: float = DEADLINE):
        self.location = location
        self.deadline = deadline
        self.until = time.monotonic() + deadline
        self.remote = is_url(location)
        if self.remote:
            self.base = str(location).rstrip("/") + "/"
            self.client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=True)
            self._own_client = client is None
        else:
            self.root = Path(location)
            if not self.root.is_dir():
                raise DownloadError(f"{location}: no such folder (expected a published/ folder or an http(s) URL)")

    def close(self) -> None:
        if self.remote and self._own_client:
            self.client.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def where(self, parts: list[str]) -> str:
        return self.base + "/".join(parts) if self.remote else str(self.root.joinpath(*parts))

    @contextmanager
    def open(self, parts: list[str]) -> Iterator[Iterator[bytes]]:
        """Chunks of the file at parts (each a checked name) under the source."""
        where = self.where(parts)
        if not self.remote:
            path = self.root.joinpath(*parts)
            try:
                fh = path.open("rb")
            except FileNotFoundError:
                raise DownloadError(f"{where}: missing") from None
            except OSError as exc:
                raise DownloadError(f"{where}: {exc.strerror or exc}") from None
            with fh:
                yield iter(lambda: fh.read(CHUNK), b"")
            return
        try:
            self._check_deadline(where)
            timeout = httpx.Timeout(min(TIMEOUT.read, self._left()), connect=min(TIMEOUT.connect, self._left()))
            with self.client.stream("GET", where, timeout=timeout) as resp:
                if resp.status_code != 200:
                    raise DownloadError(
                        f"{where}: HTTP {resp.status_code}" + (" (missing)" if resp.status_code == 404 else "")
                    )
                yield self._within_deadline(resp.iter_bytes(), where)  # as received: the deadline is checked per read
        except httpx.TimeoutException:
            self._check_deadline(where)
            raise DownloadError(f"{where}: timed out") from None
        except httpx.ConnectError as exc:
            raise DownloadError(
                f"{where}: cannot connect ({_reason(exc)}); is a server running there? "
                f"Serve a published/ folder with `chanjiao serve`"
            ) from None
        except httpx.HTTPError as exc:
            raise DownloadError(f"{where}: {type(exc).__name__}: {exc}") from None

    def _left(self) -> float:
        return max(0.01, self.until - time.monotonic())

    def _check_deadline(self, where: str) -> None:
        if time.monotonic() >= self.until:
            raise DownloadError(f"{where}: the download's deadline of {self.deadline:g} s passed: refused")

    def _within_deadline(self, chunks: Iterator[bytes], where: str) -> Iterator[bytes]:
        for chunk in chunks:
            self._check_deadline(where)
            yield chunk

    def read(self, parts: list[str], limit: int = MAX_METADATA_BYTES) -> bytes:
        buf = bytearray()
        with self.open(parts) as chunks:
            for chunk in chunks:
                buf += chunk
                if len(buf) > limit:
                    raise DownloadError(f"{self.where(parts)}: larger than {limit} bytes, refused")
        return bytes(buf)

    def read_json(self, parts: list[str]) -> dict:
        try:
            data = json.loads(self.read(parts).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DownloadError(f"{self.where(parts)}: not valid JSON ({exc})") from None
        if not isinstance(data, dict):
            raise DownloadError(f"{self.where(parts)}: expected a JSON object")
        return data


# --- the catalogue -------------------------------------------------------------------------------


def read_catalog(source: Source) -> dict:
    """catalog.json, its dataset names and versions checked."""
    if not source.remote and not (source.root / CATALOG).exists():
        raise DownloadError(f"{source.root}: no {CATALOG}, not a published folder (run `chanjiao refresh`)")
    data = source.read_json([CATALOG])
    datasets = data.get("datasets")
    if not isinstance(datasets, dict):
        raise DownloadError(f"{source.where([CATALOG])}: no 'datasets' object")
    for name, ds in datasets.items():
        safe_name(name, "dataset name in catalog.json")
        if not isinstance(ds, dict) or not isinstance(ds.get("versions"), list):
            raise DownloadError(f"{source.where([CATALOG])}: dataset {name!r} has no list of versions")
        for v in ds["versions"]:
            safe_version(v.get("version") if isinstance(v, dict) else v, f"version of {name} in catalog.json")
        if ds.get("latest") is not None:
            safe_version(ds["latest"], f"latest version of {name} in catalog.json")
    return data


def list_versions(location: str | Path, client: httpx.Client | None = None) -> list[dict]:
    """One row per dataset version: dataset, version, latest, created, bytes, rows."""
    with Source(location, client) as source:
        data = read_catalog(source)
    out = []
    for name, ds in sorted(data["datasets"].items()):
        for v in sorted(ds["versions"], key=lambda v: versioning.parse(v["version"]), reverse=True):
            out.append(
                {
                    "dataset": name,
                    "version": v["version"],
                    "latest": v["version"] == ds.get("latest"),
                    "created": v.get("created"),
                    "bytes": v.get("bytes"),
                    "rows": v.get("rows") or {},
                }
            )
    return out


def _version_entry(data: dict, dataset: str, version: str | None) -> dict:
    datasets = data["datasets"]
    if dataset not in datasets:
        known = ", ".join(sorted(datasets)) or "none"
        raise DownloadError(f"no dataset {dataset!r} in the catalogue (datasets: {known})")
    ds = datasets[dataset]
    version = version or ds.get("latest") or versioning.latest([v["version"] for v in ds["versions"]])
    for v in ds["versions"]:
        if v["version"] == version:
            return v
    known = ", ".join(v["version"] for v in ds["versions"]) or "none"
    raise DownloadError(f"no version {version} of {dataset} in the catalogue (versions: {known})")


# --- what to expect of each file -----------------------------------------------------------------


def parse_sums(text: str, where: str) -> dict[str, str]:
    sums: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        sha, sep, name = line.partition("  ")
        if not sep or not _SHA256.match(sha):
            raise DownloadError(f"{where} line {n}: not '<sha256>  <name>': {line[:80]!r}")
        sums[safe_name(name.lstrip("*"), f"file name in {where}")] = sha
    return sums


def expected_files(dp: dict, sums: dict[str, str], fmt: str, catalog_files: list[dict], where: str) -> list[Expected]:
    """The data files of one format, each with the sha256 and size that all sources agree on."""
    sizes = {str(f.get("path", "")).rsplit("/", 1)[-1]: f.get("bytes") for f in catalog_files if isinstance(f, dict)}
    resources = dp.get("resources")
    if not isinstance(resources, list):
        raise DownloadError(f"{where}: no list of resources")
    out = []
    for res in resources:
        if not isinstance(res, dict):
            raise DownloadError(f"{where}: a resource is not an object")
        name = safe_name(res.get("path"), f"resource path in {where}")
        if res.get("format") != fmt:
            continue
        digest = str(res.get("hash", ""))
        if not digest.startswith("sha256:") or not _SHA256.match(digest[7:]):
            raise DownloadError(f"{where}: {name} has no sha256 hash")
        listed = sums.get(name)
        if listed is None:
            raise DownloadError(f"{name} is in {DESCRIPTOR} but not in {CHECKSUMS}")
        if listed != digest[7:]:
            raise DownloadError(f"{name}: {DESCRIPTOR} and {CHECKSUMS} disagree about its sha256")
        size = res.get("bytes", sizes.get(name))
        if size is not None and (not isinstance(size, int) or size < 0):
            raise DownloadError(f"{where}: {name} has an invalid size {size!r}")
        if res.get("bytes") is not None and sizes.get(name) is not None and res["bytes"] != sizes[name]:
            raise DownloadError(f"{name}: {DESCRIPTOR} and {CATALOG} disagree about its size")
        out.append(Expected(name, listed, size))
    if not out:
        raise DownloadError(f"{where}: no {fmt} files in this release")
    return out


# --- fetching and verifying ----------------------------------------------------------------------


def fetch_verified(source: Source, parts: list[str], exp: Expected, folder: Path) -> Path:
    """Stream one file into a temporary file in folder, checking size and sha256; the temporary
    path on success. On any failure the temporary file is removed and DownloadError raised."""
    where = source.where(parts)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{exp.name}.", suffix=PART_SUFFIX)
    try:
        h, n = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as out, source.open(parts) as chunks:
            for chunk in chunks:
                n += len(chunk)
                if exp.size is not None and n > exp.size:
                    raise DownloadError(
                        f"{exp.name}: larger than the {exp.size} bytes listed for it: refused ({where})"
                    )
                if exp.size is None and exp.cap is not None and n > exp.cap:
                    raise DownloadError(f"{exp.name}: larger than {exp.cap} bytes: refused ({where})")
                h.update(chunk)
                out.write(chunk)
        if exp.size is not None and n != exp.size:
            raise DownloadError(
                f"{exp.name}: {n} bytes, but {exp.size} are listed for it: truncated or tampered, refused ({where})"
            )
        if exp.sha256 is not None and h.hexdigest() != exp.sha256:
            raise DownloadError(
                f"{exp.name}: sha256 {h.hexdigest()} does not match {exp.sha256} in "
                f"{CHECKSUMS}: corrupted or tampered, refused ({where})"
            )
        os.chmod(tmp, 0o644)
        return Path(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _verify_bytes(data: bytes, exp: Expected, where: str) -> None:
    """A small file read whole: its sha256 against the listing one level up (catalog.json lists
    SHA256SUMS, SHA256SUMS lists datapackage.json)."""
    if exp.sha256 is not None and hashlib.sha256(data).hexdigest() != exp.sha256:
        lister = CATALOG if exp.name == CHECKSUMS else CHECKSUMS
        raise DownloadError(
            f"{exp.name}: sha256 does not match the one in {lister}: corrupted or tampered, refused ({where})"
        )


def read_checksums(source: Source, base: list[str], entry: dict) -> tuple[bytes, Expected, dict[str, str]]:
    """SHA256SUMS, checked against the hash catalog.json lists for it (when it does), and parsed."""
    where = source.where(base + [CHECKSUMS])
    data = source.read(base + [CHECKSUMS])
    listed = entry.get("checksums") if isinstance(entry.get("checksums"), dict) else {}
    exp = Expected(CHECKSUMS, str(listed["hash"]).removeprefix("sha256:") if "hash" in listed else None, len(data))
    _verify_bytes(data, exp, where)
    try:
        return data, exp, parse_sums(data.decode("utf-8"), where)
    except UnicodeDecodeError:
        raise DownloadError(f"{where}: not UTF-8 text") from None


def read_descriptor(source: Source, base: list[str], sums: dict[str, str]) -> tuple[bytes, Expected, dict]:
    """datapackage.json, checked against SHA256SUMS (when it lists it) and against the release asked for."""
    where = source.where(base + [DESCRIPTOR])
    data = source.read(base + [DESCRIPTOR])
    exp = Expected(DESCRIPTOR, sums.get(DESCRIPTOR), len(data))
    _verify_bytes(data, exp, where)
    try:
        dp = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DownloadError(f"{where}: not valid JSON ({exc})") from None
    described = (dp.get("name"), dp.get("version")) if isinstance(dp, dict) else (None, None)
    if described != tuple(base):
        raise DownloadError(f"{where}: describes {described[0]} {described[1]}, not {base[0]} {base[1]}")
    return data, exp, dp


def download(
    dataset: str,
    location: str | Path,
    version: str | None = None,
    fmt: str = "parquet",
    target: Path | None = None,
    client: httpx.Client | None = None,
    deadline: float = DEADLINE,
) -> DownloadResult:
    """Download one version (default: the latest) of a dataset in one format, with its
    datapackage.json, README.md, CHANGELOG.md and SHA256SUMS, into target, verified."""
    if fmt not in FORMATS:
        raise DownloadError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")
    safe_name(dataset, "dataset")
    if version == "latest":
        version = None
    if version is not None:
        safe_version(version)
    with Source(location, client, deadline) as source:
        entry = _version_entry(read_catalog(source), dataset, version)
        base = [dataset, entry["version"]]
        sums_bytes, sums_exp, sums = read_checksums(source, base, entry)
        dp_bytes, dp_exp, dp = read_descriptor(source, base, sums)
        files = expected_files(dp, sums, fmt, entry.get("files") or [], source.where(base + [DESCRIPTOR]))
        files += [Expected(name, sums.get(name), None, MAX_DOC_BYTES) for name in DOCS]
        target = Path(target) if target is not None else Path.cwd() / f"{dataset}-{entry['version']}"
        made = not target.exists()
        target.mkdir(parents=True, exist_ok=True)
        sweep_parts(target)
        done: list[tuple[Path, str]] = []
        try:
            for exp in files:
                done.append((fetch_verified(source, base + [exp.name], exp, target), exp.name))
            local_dp, local_sums = local_docs(dp, sums, fmt, {f.name for f in files})
            for name, data in ((DESCRIPTOR, local_dp), (CHECKSUMS, local_sums)):
                done.append((_write_temp(target, name, data), name))
        except BaseException:
            for tmp, _ in done:
                tmp.unlink(missing_ok=True)
            if made and not any(target.iterdir()):
                target.rmdir()
            raise
    for tmp, name in done:  # every file verified: only now do they take their names
        os.replace(tmp, target / name)
    every = files + [dp_exp, sums_exp]
    return DownloadResult(
        dataset, entry["version"], target, every, unverified=[f.name for f in every if f.sha256 is None]
    )


def sweep_parts(folder: Path) -> list[str]:
    """Remove the `.<name>.*.part` files a killed download left in folder (ours only: hidden,
    named after a file we download)."""
    names = (DESCRIPTOR, CHECKSUMS, *DOCS)
    removed = []
    for p in Path(folder).iterdir():
        if (
            p.name.startswith(".")
            and p.name.endswith(PART_SUFFIX)
            and (p.name[1:].startswith(names) or p.name[1:].split(".")[-3:-2] in (["parquet"], ["csv"]))
            and p.is_file()
            and not p.is_symlink()
        ):
            p.unlink(missing_ok=True)
            removed.append(p.name)
    return removed


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "connection refused" if "refused" in text.lower() else (text or type(exc).__name__)


def local_docs(dp: dict, sums: dict[str, str], fmt: str, downloaded) -> tuple[bytes, bytes]:
    """datapackage.json and SHA256SUMS for the downloaded folder: only the resources of the
    format downloaded, each named after its table (foreign keys pointing at those names), so
    that the folder validates as a Data Package on its own; SHA256SUMS lists the folder's files."""
    keep = []
    for res in dp.get("resources", []):
        if res.get("format") != fmt:
            continue
        res = json.loads(json.dumps(res))
        table = str(res["path"]).rsplit(".", 1)[0]
        res["name"] = table.replace("_", "-")  # Data Package names allow no underscore
        for fk in res.get("schema", {}).get("foreignKeys", []):
            ref = fk.get("reference", {})
            name = str(ref.get("resource", ""))
            for suffix in ("-parquet", "-csv"):
                name = name.removesuffix(suffix)
            ref["resource"] = name
        keep.append(res)
    out = {**dp, "resources": keep}
    out["description"] = (
        f"The {fmt} files of {dp.get('name')} {dp.get('version')}, as downloaded by `chanjiao download`; "
        "the release itself has both formats."
    )
    dp_bytes = (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    names = set(downloaded or ()) | {r["path"] for r in keep}
    lines = {n: sha for n, sha in sums.items() if n in names and n != DESCRIPTOR}
    lines[DESCRIPTOR] = hashlib.sha256(dp_bytes).hexdigest()
    sums_bytes = "".join(f"{sha}  {n}\n" for n, sha in sorted(lines.items())).encode("utf-8")
    return dp_bytes, sums_bytes


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=PART_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)
