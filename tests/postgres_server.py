"""A throwaway PostgreSQL server for the tests (and the store benchmark): initdb into a fresh
folder, started on a unix socket there, stopped and removed at the end.

initdb refuses to run as root: as root the server runs as ``nobody`` (through ``runuser``).
``start_server`` raises ServerUnavailable, saying why, where no server can be started.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "triangulate"
SERVER_USER_WHEN_ROOT = "nobody"


class ServerUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


@dataclass
class PostgresServer:
    folder: Path
    port: int
    run_as: list[str]
    bin: Path
    _names: itertools.count = field(default_factory=itertools.count)

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"{prefix}_{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
             "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def find_server_programs() -> Path:
    """The folder holding initdb and pg_ctl: on the PATH, else Debian's newest."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(os.path.realpath(initdb)).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not found:
        raise ServerUnavailable("PostgreSQL's initdb and pg_ctl are not installed")
    return Path(found[-1]).parent


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ServerUnavailable("running as root, and runuser (to run the server as nobody) "
                                "is missing")
    try:
        pwd.getpwnam(SERVER_USER_WHEN_ROOT)
    except KeyError as error:
        raise ServerUnavailable(
            f"running as root, and there is no user {SERVER_USER_WHEN_ROOT!r} to run the server"
        ) from error
    return [runuser, "-u", SERVER_USER_WHEN_ROOT, "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server() -> PostgresServer:
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise ServerUnavailable("psycopg is not installed (pip install '.[postgres]')") from error
    programs = find_server_programs()
    run_as = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="triangulate-pg-"))
    if run_as:
        user = pwd.getpwnam(SERVER_USER_WHEN_ROOT)
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PostgresServer(folder, _free_port(), run_as, programs)
    steps = [
        [str(programs / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER, "-A", "trust",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        [str(programs / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
         "-t", "60", "-o",
         f"-k {folder} -p {server.port} -c listen_addresses='' -c fsync=off"
         " -c full_page_writes=off -c synchronous_commit=off", "start"],
    ]
    for step in steps:
        try:
            done = subprocess.run(
                [*run_as, *step], capture_output=True, text=True, timeout=120, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            server.stop()
            raise ServerUnavailable(f"{Path(step[0]).name} could not run: {error}") from error
        if done.returncode != 0:
            log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
            server.stop()
            why = (done.stderr or done.stdout or log).strip().splitlines()[-3:]
            raise ServerUnavailable(f"{Path(step[0]).name} failed: {' '.join(why)}")
    return server
