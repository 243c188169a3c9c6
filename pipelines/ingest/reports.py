"""One report: bytes → decoded text + metadata + facts. The unit of work that the pipeline
caches by content hash and extractor version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .decode import Decoded, decode_report
from .metadata import ReportMeta, report_metadata

if TYPE_CHECKING:
    from pipelines.extract.extractor import Fact


@dataclass(frozen=True)
class Report:
    name: str
    decoded: Decoded
    meta: ReportMeta

    @property
    def text(self) -> str:
        return self.decoded.text


def read_report(data: bytes, name: str) -> Report:
    decoded = decode_report(data, name)
    return Report(name, decoded, report_metadata(decoded.text, decoded.html_title, decoded.html_meta))


def facts_of_file(path: Path) -> tuple[Report, list[Fact]]:
    from pipelines.extract.extractor import extract_facts  # reading a report needs no extractor

    report = read_report(path.read_bytes(), path.name)
    return report, extract_facts(report.text)
