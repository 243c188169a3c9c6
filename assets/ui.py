"""`chanjiao ui`: `dagster dev` (webserver + daemon, so the sensor and schedule can run) for the
code location `chanjiao` (assets.definitions, named in pyproject.toml's [tool.dagster]) on 127.0.0.1, stopped cleanly by Ctrl-C or SIGTERM.

The child runs in its own process group (session). SIGINT, SIGTERM and SIGHUP received here are
forwarded to that whole group as SIGINT — `dagster dev` treats SIGINT (and SIGTERM, which it maps
onto its SIGINT handler) as "shut down the webserver, daemon and code server". A second signal,
or the grace period running out, kills the group. The child's SIGINT disposition is reset to the
default before exec: a shell starts background jobs with SIGINT ignored, and an ignored SIGINT
would make `dagster dev` ignore SIGTERM too.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

HOST = "127.0.0.1"
PROJECT_DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
GRACE_SECONDS = 30.0
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def ui_command(port: int, host: str = HOST) -> list[str]:
    """`dagster dev` run in the project folder, which reads the code location (module and name)
    from pyproject.toml's [tool.dagster]."""
    return [sys.executable, "-m", "dagster", "dev", "-h", host, "-p", str(port)]


def ui_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The child's environment: DAGSTER_HOME defaults to the project's .dagster_home."""
    env = dict(environ)
    env.setdefault("DAGSTER_HOME", str(PROJECT_DAGSTER_HOME))
    return env


def prepare_home(home: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """Create the instance folder. The project's own gets the dagster.yaml of the environment
    back if it was lost or the environment changed (SQLite, or PostgreSQL when DAGSTER_PG_URL
    is set: assets/instance.py); another folder (a DAGSTER_HOME of the user's) gets one when
    DAGSTER_PG_URL is set, else only where it has none: the project's SQLite config, so that a
    fresh folder runs as the project's does (telemetry and the welcome notice off, one run at a
    time) instead of Dagster's defaults, while a config of the user's own is left as it is."""
    from .instance import PG_URL_ENV, write_config

    home.mkdir(parents=True, exist_ok=True)
    own = home.resolve() == PROJECT_DAGSTER_HOME.resolve()
    write_config(home, environ, replace=own or bool(environ.get(PG_URL_ENV)))
    return home


def _child_setup() -> None:  # runs in the child between fork and exec
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def signal_group(pgid: int, sig: int) -> bool:
    """Send sig to a process group; False when the group is gone."""
    try:
        os.killpg(pgid, sig)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def supervise(child: subprocess.Popen, grace: float = GRACE_SECONDS) -> int:
    """Wait for child, forwarding stop signals to its process group; its exit status, or 0 when
    it stopped because we asked it to."""
    stop: dict[str, float | None] = {"at": None}

    def forward(signum, _frame):
        if stop["at"] is None:
            stop["at"] = time.monotonic()
            print(f"\nchanjiao ui: {signal.Signals(signum).name} received, stopping Dagster …", file=sys.stderr)
            signal_group(child.pid, signal.SIGINT)
        else:
            signal_group(child.pid, signal.SIGKILL)

    previous = {sig: signal.signal(sig, forward) for sig in FORWARDED}
    try:
        while True:
            try:
                code = child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if stop["at"] is not None and time.monotonic() - stop["at"] > grace:
                    print("chanjiao ui: Dagster did not stop in time, killing it", file=sys.stderr)
                    signal_group(child.pid, signal.SIGKILL)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:
            signal_group(child.pid, signal.SIGKILL)
            child.wait()
        signal_group(child.pid, signal.SIGKILL)  # any grandchild left behind in the group
    return 0 if stop["at"] is not None else code


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def run_ui(port: int = 3000, host: str = HOST) -> int:
    if port_in_use(host, port):
        print(f"chanjiao ui: {host}:{port} is already in use (another `chanjiao ui`?); try --port", file=sys.stderr)
        return 1
    env = ui_environment(os.environ)
    home = prepare_home(Path(env["DAGSTER_HOME"]), env)
    print(f"chanjiao ui: Dagster on http://{host}:{port} (DAGSTER_HOME={home}); Ctrl-C stops it", file=sys.stderr)
    child = subprocess.Popen(
        ui_command(port, host), env=env, cwd=PROJECT_ROOT, start_new_session=True, preexec_fn=_child_setup
    )
    return supervise(child)
