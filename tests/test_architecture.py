"""The house rule, enforced: Dagster lives in assets/, the work lives in pipelines/. pipelines/
never imports Dagster (nor mentions it), and no module imports a module that imports it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGES = ("pipelines", "assets", "schemas")


def modules(package: str) -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Project modules that `name` imports anywhere in its file (top level or inside functions)."""
    is_pkg = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_pkg else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def import_graph() -> dict[str, set[str]]:
    mods = {k: v for p in PACKAGES for k, v in modules(p).items()}
    known = set(mods)
    # a package's __init__ is not an edge target when a submodule was meant
    return {name: imports_of(name, path, known) - {name.rpartition(".")[0]} for name, path in mods.items()}


def test_no_file_in_pipelines_mentions_dagster():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "pipelines").rglob("*.py")
        if "dagster" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_every_pipelines_module_imports_with_dagster_blocked():
    names = sorted(modules("pipelines"))
    code = (
        "import sys, importlib\n"
        "sys.modules['dagster'] = None  # any `import dagster` now raises ImportError\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'dagster' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_no_module_imports_a_module_that_imports_it_back():
    graph = import_graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_the_cycle_finder_sees_a_cycle(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("def f():\n    from .a import g\n")
    known = {"pkg", "pkg.a", "pkg.b"}
    assert imports_of("pkg.a", pkg / "a.py", known) == {"pkg.b", "pkg"}
    assert imports_of("pkg.b", pkg / "b.py", known) == {"pkg.a"}


def test_pipelines_never_imports_assets_at_module_level():
    """pipelines/ may hand over to the orchestration (cli → assets.run) only inside a function."""
    for name, path in modules("pipelines").items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("assets"):
                raise AssertionError(f"{name} imports {node.module} at module level")
            if isinstance(node, ast.Import) and any(a.name.startswith("assets") for a in node.names):
                raise AssertionError(f"{name} imports assets at module level")


def test_the_code_location_loads_without_the_pipeline_or_its_libraries():
    """Start-up (issue 14): importing the code location costs Dagster's own import and little more.
    pandas, pandera, pyarrow and the extractor load with the first step that needs them, so the
    webserver, the daemon and every run's process do not pay for them at start."""
    heavy = ("pandas", "pandera", "pyarrow", "numpy", "httpx", "pipelines.extract.extractor", "pipelines.steps")
    code = f"import sys, assets.definitions; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [], f"loaded at start-up: {out.stdout.strip()}"


def test_a_refresh_with_nothing_new_needs_neither_pandas_nor_the_extractor(tmp_path):
    """The steps that decide a refresh has nothing to do (fetch the sources, digest the inputs,
    check the latest release against its SHA256SUMS and the catalogue) import only file-system code."""
    modules = "pipelines.ingest.fetch, pipelines.ingest.refresh_inputs, pipelines.publish.catalog"
    heavy = ("pandas", "pandera", "pyarrow", "numpy", "duckdb", "pipelines.extract.extractor")
    digest = (  # what the refresh_inputs step computes on every run
        "from pipelines.settings import Paths; from pathlib import Path; t = Path(sys.argv[1]); "
        "pipelines.ingest.refresh_inputs.components(Paths(inbox=t, data=t / 'd', published=t / 'p', sources=t / 's'))"
    )
    code = f"import sys, {modules}; {digest}; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == [], f"loaded: {out.stdout.strip()}"
