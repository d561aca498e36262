"""The files in deploy/ pass the tools that read them: systemd-analyze, nginx, Hypercorn's loader, sh and bash.

Missing tools are fetched when that is possible (root and apt-get), else the test is skipped saying why:
systemd-analyze by installing the `systemd` package; nginx by extracting the Debian package's binary into a
private directory (`apt-get download` + `dpkg-deb -x`), which starts no system nginx on port 80 and changes
nothing on the machine. Every server started here listens on 127.0.0.1 (or ::1) and an ephemeral port.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import ipaddress
import json
import logging
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from pathlib import Path

import httpx
import pytest
import trio
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypercorn.config import Config as HypercornConfig
from packaging.requirements import Requirement

from groove_actors import compose
from groove_actors.cli import build_parser
from groove_actors.compose import SHUTDOWN_GRACE_S
from groove_actors.protocol.limits import MAX_BODY_BYTES
from tests.support.client import ingest, open_session
from tests.support.ports import held_port
from tests.support.server import ServerProcess, start_server

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
UNIT = DEPLOY / "groove-central.service"
ADMIN_DROP_IN = DEPLOY / "admin-token.conf"
ENV_FILE = DEPLOY / "groove-central.env"
SITE = DEPLOY / "nginx" / "groove-central.conf"
README = DEPLOY.parent / "README.md"
CONSTRAINTS = DEPLOY.parent / "constraints.txt"
HYPERCORN_TOML = DEPLOY / "hypercorn.toml"
SCRIPTS = (DEPLOY / "backup.sh", DEPLOY / "restore.sh")
INSTALLED_BINARY = "/opt/groove-central/.venv/bin/groove-central"
CERT = "/etc/letsencrypt/live/api.groovedev.ai/fullchain.pem"
KEY = "/etc/letsencrypt/live/api.groovedev.ai/privkey.pem"
UPSTREAM = "http://127.0.0.1:8443"
TOOL_TIMEOUT_S = 100


# --- tools ---------------------------------------------------------------------------------------------


def why_apt_cannot() -> str | None:
    if os.geteuid() != 0:
        return "not running as root"
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        return "apt-get/dpkg-deb are not available"
    return None


def apt(*args: str, cwd: Path | None = None) -> bool:
    """Run an apt-get command, refreshing the package lists once if it fails; True if it worked."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for attempt in range(2):
        try:
            done = subprocess.run(
                ["apt-get", *args], cwd=cwd, env=env, capture_output=True, timeout=TOOL_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            return False
        if done.returncode == 0:
            return True
        if attempt == 0:
            subprocess.run(
                ["apt-get", "update"], env=env, capture_output=True, timeout=TOOL_TIMEOUT_S, check=False
            )
    return False


@pytest.fixture(scope="session")
def systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        reason = why_apt_cannot()
        if reason:
            pytest.skip(f"systemd-analyze is not installed and cannot be installed here: {reason}")
        if not apt("install", "-y", "--no-install-recommends", "systemd"):
            pytest.skip("systemd-analyze is not installed and `apt-get install systemd` failed")
        found = shutil.which("systemd-analyze")
        if found is None:
            pytest.skip("the systemd package did not provide systemd-analyze")
    return found


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return Path(candidate)
    reason = why_apt_cannot()
    if reason:
        pytest.skip(f"nginx is not installed and cannot be fetched here: {reason}")
    where = tmp_path_factory.mktemp("nginx-package")
    if not apt("download", "nginx", cwd=where):
        pytest.skip("nginx is not installed and `apt-get download nginx` failed")
    package = next(where.glob("nginx_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(package), str(where / "root")], check=True, timeout=TOOL_TIMEOUT_S)
    binary = where / "root" / "usr" / "sbin" / "nginx"
    works = subprocess.run([str(binary), "-v"], capture_output=True, timeout=TOOL_TIMEOUT_S, check=False)
    if works.returncode != 0:
        pytest.skip(f"the nginx binary from the Debian package does not run here: {works.stderr.decode()}")
    return binary


# --- scripts -------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["sh", "bash"])
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_parse(script: Path, shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    done = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert script.read_text().startswith("#!/bin/sh\n")
    assert "\nset -eu\n" in script.read_text()
    assert os.access(script, os.X_OK)


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_answer_help_and_refuse_bad_arguments(script: Path, tmp_path: Path) -> None:
    env = {**os.environ, "GROOVE_BACKUP_PYTHON": sys.executable}
    shown = subprocess.run([str(script), "--help"], capture_output=True, text=True, env=env, check=False)
    assert shown.returncode == 0 and shown.stdout.startswith("usage:"), shown
    for args, status, message in (
        ([], 2, "usage:"),
        (["--bogus", "a", "b"], 1, "unknown option --bogus"),
        ([str(tmp_path / "absent"), str(tmp_path / "x")], 1, "does not exist"),
    ):
        done = subprocess.run([str(script), *args], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == status, (args, done)
        assert message in done.stderr, (args, done.stderr)


@pytest.mark.slow
def test_scripts_pass_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        reason = why_apt_cannot()
        if reason:
            pytest.skip(f"shellcheck is not installed and cannot be installed here: {reason}")
        if not apt("install", "-y", "--no-install-recommends", "shellcheck"):
            pytest.skip("shellcheck is not installed and `apt-get install shellcheck` failed")
    done = subprocess.run(
        ["shellcheck", "--shell=sh", "--external-sources", *map(str, SCRIPTS), str(DEPLOY / "common.sh")],
        capture_output=True, text=True, check=False, cwd=DEPLOY.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout


# --- systemd -------------------------------------------------------------------------------------------


def unit_for_verify(directory: Path) -> Path:
    """The unit with ExecStart's binary pointing at this checkout's (verify checks that it exists)."""
    text = UNIT.read_text()
    assert INSTALLED_BINARY in text
    executable = Path(sys.executable).parent / "groove-central"
    if not executable.exists():
        pytest.skip(f"{executable} is not installed (pip install -e . provides it)")
    unit = directory / UNIT.name
    unit.write_text(text.replace(INSTALLED_BINARY, str(executable)))
    return unit


@pytest.mark.slow
def test_systemd_unit_verifies(systemd_analyze: str, tmp_path: Path) -> None:
    unit = unit_for_verify(tmp_path)
    (tmp_path / f"{UNIT.name}.d").mkdir()
    shutil.copy(ADMIN_DROP_IN, tmp_path / f"{UNIT.name}.d" / ADMIN_DROP_IN.name)
    for drop_ins in (False, True):
        # SYSTEMD_UNIT_PATH puts the temporary directory (and so the drop-in beside the unit) in the search
        # path; the trailing colon keeps the system's directories for network.target and the like.
        env = {**os.environ, "SYSTEMD_UNIT_PATH": f"{tmp_path}:"} if drop_ins else dict(os.environ)
        done = subprocess.run(
            [systemd_analyze, "verify", "--man=no", UNIT.name if drop_ins else str(unit)],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False,
        )  # fmt: skip
        # Unknown keys and bad values are only warnings (exit 0): any output at all is a finding.
        assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr


@pytest.mark.slow
def test_systemd_unit_exposure_is_low(systemd_analyze: str, tmp_path: Path) -> None:
    unit = unit_for_verify(tmp_path)
    done = subprocess.run(
        [systemd_analyze, "security", "--offline=true", "--no-pager", str(unit)],
        capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False,
    )  # fmt: skip
    if "--offline" in done.stderr:
        pytest.skip(f"this systemd-analyze has no offline security analysis: {done.stderr.strip()}")
    score = re.search(r"Overall exposure level for \S+: ([0-9.]+)", done.stdout)
    assert score is not None, done.stdout + done.stderr
    assert float(score.group(1)) <= 2.0, done.stdout


def unit_settings(text: str) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key, []).append(value)
    return settings


def unit_command_line(*, with_admin_drop_in: bool) -> argparse.Namespace:
    """ExecStart's arguments as groove-central parses them, $VARIABLES expanded as systemd would."""
    (exec_start,) = unit_settings(UNIT.read_text())["ExecStart"]
    binary, *args = shlex.split(exec_start)
    assert binary == INSTALLED_BINARY
    admin = []
    if with_admin_drop_in:
        environment = unit_settings(ADMIN_DROP_IN.read_text())["Environment"]
        (value,) = (v.partition("=")[2] for v in environment if v.startswith("GROOVE_ADMIN_ARGS="))
        admin = [value]
    variables = {"$GROOVE_CENTRAL_ARGS": [], "$GROOVE_ADMIN_ARGS": admin}
    return build_parser().parse_args([word for arg in args for word in variables.get(arg, [arg])])


def test_systemd_unit_runs_the_cli_as_documented() -> None:
    settings = unit_settings(UNIT.read_text())
    drop_in = unit_settings(ADMIN_DROP_IN.read_text())
    assert unit_command_line(with_admin_drop_in=False).admin_token_file is None
    parsed = unit_command_line(with_admin_drop_in=True)
    assert (parsed.command, parsed.host, parsed.port) == ("serve", "127.0.0.1", 8443)
    assert parsed.data_dir == Path("/var/lib/groove-central")
    assert parsed.trusted_proxy == ["127.0.0.1"]
    assert parsed.admin_token_file == Path("/etc/groove-central/admin-token")
    assert "LoadCredential" not in drop_in, (
        "systemd's copy of a credential never changes: SIGHUP could not rotate it"
    )
    assert settings["ExecReload"] == ["/bin/kill -HUP $MAINPID"]
    stop_timeout = float(settings["TimeoutStopSec"][0].removesuffix("s"))
    assert stop_timeout > SHUTDOWN_GRACE_S + 10, "leave room after Hypercorn's drain to close the store"
    assert settings["KillSignal"] == ["SIGTERM"]
    assert settings["User"] == ["groove"] and settings["UMask"] == ["0077"]
    assert settings["StateDirectory"] == ["groove-central"]
    assert settings["ReadWritePaths"] == [str(parsed.data_dir)]
    assert settings["RestrictAddressFamilies"] == ["AF_INET AF_INET6 AF_UNIX"]
    assert settings["CapabilityBoundingSet"] == [""]
    assert settings["SystemCallFilter"] == ["@system-service"]


def environment_file_settings() -> dict[str, str]:
    """The VAR=value lines of the environment file, as systemd reads them."""
    lines = ENV_FILE.read_text().splitlines()
    return dict(line.partition("=")[::2] for line in lines if line and not line.startswith("#"))


def test_environment_file_sets_what_groove_central_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = environment_file_settings()
    assert set(settings) == {"GROOVE_LOG_LEVEL", "GROOVE_QUOTA_GB", "GROOVE_CENTRAL_ARGS"}
    assert "$GROOVE_CENTRAL_ARGS" in UNIT.read_text()
    # Each variable changes what `groove-central serve` runs with: a value other than its default shows it.
    for name, option, value, parsed in (
        ("GROOVE_LOG_LEVEL", "log_level", "warning", "WARNING"),
        ("GROOVE_QUOTA_GB", "quota_gb", "7", 7.0),
    ):
        monkeypatch.setenv(name, value)
        assert getattr(build_parser().parse_args(["serve"]), option) == parsed, name
        monkeypatch.setenv(name, settings[name])
        build_parser().parse_args(["serve"])  # the file's own value is accepted
    fixed_in_unit = {"--host", "--port", "--data-dir", "--full"}
    options = set(re.findall(r"(--[a-z-]+)", ENV_FILE.read_text())) - fixed_in_unit
    assert options and options <= serve_options(), options - serve_options()


def test_env_file_log_level_shows_every_alert_in_the_runbook(monkeypatch: pytest.MonkeyPatch) -> None:
    """The env file, the unit and the runbook agree: the shipped level, and WARNING, which the unit names as the
    quietest that keeps the alerts, let through every alert-worthy event at the level the runbook gives it."""
    alerts = runbook_alerts()
    assert {level for _, level in alerts} == {"warning", "error"}
    for level in (environment_file_settings()["GROOVE_LOG_LEVEL"], "WARNING"):
        monkeypatch.setenv("GROOVE_LOG_LEVEL", level)
        threshold = logging.getLevelName(build_parser().parse_args(["serve"]).log_level)
        for name, at in alerts:
            assert logging.getLevelName(at.upper()) >= threshold, (level, name)
    monkeypatch.setenv("GROOVE_LOG_LEVEL", "ERROR")  # and a quieter level would hide some: the unit says so
    threshold = logging.getLevelName(build_parser().parse_args(["serve"]).log_level)
    assert any(logging.getLevelName(at.upper()) < threshold for _, at in alerts)
    assert "WARNING keeps the alert-worthy events" in UNIT.read_text()


def serve_options() -> set[str]:
    """Every option `groove-central serve` accepts."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {option for action in commands.choices["serve"]._actions for option in action.option_strings}


# --- MemoryDenyWriteExecute ------------------------------------------------------------------------------

# Installs, then execs its arguments under, a seccomp filter refusing what systemd's MemoryDenyWriteExecute=
# refuses: mmap with PROT_WRITE and PROT_EXEC together, mprotect/pkey_mprotect adding PROT_EXEC, and shmat
# with SHM_EXEC (all with EPERM). Checks that the filter bites (mmap W+X, mprotect +X) before it execs.
MDWE_LAUNCHER = textwrap.dedent(
    """
    import ctypes, mmap, os, platform, struct, sys

    AUDIT_ARCH, MMAP, MPROTECT, PKEY_MPROTECT, SHMAT = {
        "x86_64": (0xC000003E, 9, 10, 329, 30),
        "aarch64": (0xC00000B7, 222, 226, 288, 196),
    }[platform.machine()]
    LD_ABS, JEQ, AND, RET = 0x20, 0x15, 0x54, 0x06
    ALLOW, DENY = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    NR, ARCH, ARG2 = 0, 4, 32  # offsets in struct seccomp_data (args[2], low word)

    def op(code, k, jt=0, jf=0):
        return struct.pack("HBBI", code, jt, jf, k)

    program = [
        op(LD_ABS, ARCH), op(JEQ, AUDIT_ARCH, 1, 0), op(RET, ALLOW),           # 0-2
        op(LD_ABS, NR),                                                         # 3
        op(JEQ, MMAP, 4), op(JEQ, MPROTECT, 6), op(JEQ, PKEY_MPROTECT, 5),      # 4-6
        op(JEQ, SHMAT, 7), op(RET, ALLOW),                                      # 7-8
        op(LD_ABS, ARG2), op(AND, 0x6), op(JEQ, 0x6, 7, 6),                     # 9-11: mmap W+X
        op(LD_ABS, ARG2), op(AND, 0x4), op(JEQ, 0x4, 4, 3),                     # 12-14: +X
        op(LD_ABS, ARG2), op(AND, 0o100000), op(JEQ, 0o100000, 1, 0),           # 15-17: SHM_EXEC
        op(RET, ALLOW), op(RET, DENY),                                          # 18-19
    ]
    code = ctypes.create_string_buffer(b"".join(program))

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        sys.exit(f"PR_SET_NO_NEW_PRIVS failed: errno {ctypes.get_errno()}")
    if libc.prctl(22, 2, ctypes.byref(Program(len(program), ctypes.addressof(code))), 0, 0) != 0:
        sys.exit(f"PR_SET_SECCOMP failed: errno {ctypes.get_errno()}")
    try:
        mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    except PermissionError:
        pass
    else:
        sys.exit("the filter let a writable and executable mapping through")
    page = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE)
    address = ctypes.addressof(ctypes.c_char.from_buffer(page))
    if libc.mprotect(ctypes.c_void_p(address), 4096, mmap.PROT_READ | mmap.PROT_EXEC) == 0:
        sys.exit("the filter let a mapping become executable")
    os.execv(sys.argv[1], sys.argv[1:])
    """
)


@asynccontextmanager
async def server_under_filter(tmp_path: Path) -> AsyncIterator[ServerProcess]:
    launcher = tmp_path / "mdwe_launcher.py"
    launcher.write_text(MDWE_LAUNCHER)
    async with start_server(
        tmp_path / "data", launcher=(sys.executable, str(launcher), sys.executable)
    ) as server:
        yield server


def assert_filtered(pid: int) -> None:
    status = Path(f"/proc/{pid}/status").read_text()
    assert re.search(r"^Seccomp:\s+2$", status, re.M), status  # 2: a seccomp filter is in force
    assert re.search(r"^NoNewPrivs:\s+1$", status, re.M), status


@pytest.mark.slow
async def test_server_works_under_memory_deny_write_execute(tmp_path: Path) -> None:
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "aarch64"):
        pytest.skip("the seccomp filter here is written for Linux on x86_64 and aarch64")
    async with (
        server_under_filter(tmp_path) as server,
        httpx.AsyncClient(base_url=server.url, timeout=30) as http,
    ):
        assert_filtered(server.process.pid)
        client = await open_session(http)  # ECDH through cryptography
        for body in (client.chunk_body(5), client.close_body()):
            response = await ingest(http, body)  # HMAC, JSON, fsync, SQLite
            assert response.status_code == 200, response.text
        with trio.fail_after(30):
            await server.log.wait_for("ledger.credited")  # stitching, scoring, trajectory append
        summary = (await http.get("/v1/stats/summary")).json()
        assert summary["totalEnvelopes"] == 2 and summary["totalPointsAwarded"] > 0
    assert server.process.returncode == 0  # and a graceful stop
    assert server.events_named("server.stopped")


# --- Hypercorn -----------------------------------------------------------------------------------------


def test_hypercorn_toml_is_what_the_embedded_server_runs_with() -> None:
    with open(HYPERCORN_TOML, "rb") as handle:
        values = tomllib.load(handle)
    loaded = HypercornConfig.from_toml(HYPERCORN_TOML)
    for key, value in values.items():
        assert hasattr(HypercornConfig, key), f"{key} is not a Hypercorn setting"
        assert getattr(loaded, key) == value
    args = unit_command_line(with_admin_drop_in=False)
    running = compose.hypercorn_config(args.host, args.port)
    # Every setting, not only those the file names: one the server sets and the file lacks is found too.
    settings = {
        key
        for key, value in vars(HypercornConfig).items()
        if not key.startswith("_") and not callable(value) and not isinstance(value, property)
    }
    assert {"graceful_timeout", "keep_alive_timeout", "backlog"} <= settings
    for key in settings | {"bind"}:
        if key in ("accesslog", "errorlog"):  # off in the server (None): TOML cannot say so; see the comment
            assert getattr(running, key) is None and key not in values
            continue
        assert getattr(loaded, key) == getattr(running, key), key
    assert values["graceful_timeout"] == SHUTDOWN_GRACE_S
    # The file's comment states the server's body limit, in MiB and in bytes.
    mib = MAX_BODY_BYTES // 2**20
    assert mib * 2**20 == MAX_BODY_BYTES
    comment = " ".join(
        line.lstrip("# ") for line in HYPERCORN_TOML.read_text().splitlines() if line.startswith("#")
    )
    assert f"The {mib} MiB body limit" in comment and f"bodies over {mib} * 1024 * 1024 bytes" in comment


# --- nginx ---------------------------------------------------------------------------------------------


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def loopback_hosts() -> tuple[str, ...]:
    """The addresses the site's listeners have in these tests (`nginx_config`)."""
    return ("127.0.0.1", "::1") if has_ipv6_loopback() else ("127.0.0.1",)


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "api.groovedev.ai")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("api.groovedev.ai"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def nginx_version(binary: Path) -> tuple[int, ...]:
    shown = subprocess.run(
        [str(binary), "-v"], capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=True
    )
    found = re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", shown.stderr)
    assert found is not None, shown.stderr
    return tuple(int(part) for part in found.groups())


def site_for(version: tuple[int, ...]) -> str:
    """The site as an operator installs it on this nginx: as shipped from 1.25.1 (`http2 on;`); before, with the
    runbook's rewrite ("Fresh machine": the same two sed expressions) to `listen ... ssl http2;`."""
    if version >= (1, 25, 1):
        return SITE.read_text()
    done = subprocess.run(
        ["sed", "-e", r"s/^\( *listen .*443 ssl\);/\1 http2;/", "-e", "/^ *http2 on;/d", str(SITE)],
        capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=True,
    )  # fmt: skip
    assert not re.search(r"^\s*http2 on;", done.stdout, re.M), done.stdout
    assert len(re.findall(r"^\s*listen \S+ ssl http2;", done.stdout, re.M)) == 2, done.stdout
    return done.stdout


def nginx_config(
    binary: Path, directory: Path, *, http_port: int, https_port: int, upstream_port: int
) -> Path:
    """The site as installed, with loopback listeners, a test certificate and the test server as upstream,
    inside a minimal main configuration that keeps every path in `directory`."""
    cert, key = self_signed(directory)
    ipv6 = has_ipv6_loopback()
    site = site_for(nginx_version(binary))
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", f"listen [::1]:{http_port};" if ipv6 else ""),
        ("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl"),
        ("listen [::]:443 ssl", f"listen [::1]:{https_port} ssl" if ipv6 else ""),
        (CERT, str(cert)),
        (KEY, str(key)),
        (f"proxy_pass {UPSTREAM};", f"proxy_pass http://127.0.0.1:{upstream_port};"),
    ):
        assert old in site, f"{SITE} no longer contains {old!r}; update this test's substitutions"
        site = site.replace(old, new)
    assert re.search(r"listen (?!127\.0\.0\.1:|\[::1\]:)", site) is None, "a listener left off loopback"
    (directory / "site.conf").write_text(site)
    temp = {name: directory / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    main = directory / "nginx.conf"
    main.write_text(
        textwrap.dedent(
            f"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {directory}/nginx.pid;
            error_log stderr;
            events {{ worker_connections 64; }}
            http {{
                access_log off;
                client_body_temp_path {temp["body"]};
                proxy_temp_path {temp["proxy"]};
                fastcgi_temp_path {temp["fastcgi"]};
                uwsgi_temp_path {temp["uwsgi"]};
                scgi_temp_path {temp["scgi"]};
                include {directory}/site.conf;
            }}
            """
        )
    )
    return main


def nginx_command(binary: Path, main: Path, *extra: str) -> list[str]:
    return [str(binary), "-p", str(main.parent), "-c", str(main), "-e", "stderr", *extra]


@pytest.mark.slow
def test_nginx_site_passes_nginx_t(nginx: Path, tmp_path: Path) -> None:
    with held_port(*loopback_hosts()) as http_port, held_port(*loopback_hosts()) as https_port:
        main = nginx_config(nginx, tmp_path, http_port=http_port, https_port=https_port, upstream_port=8443)
        done = subprocess.run(
            nginx_command(nginx, main, "-t"),
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr
    # Not even a warning: nginx 1.25.1 and later would warn of a deprecated "listen ... http2".
    findings = [line for line in done.stderr.splitlines() if re.search(r"\[(warn|emerg|alert|crit)\]", line)]
    assert findings == [], done.stderr


def test_nginx_site_states_the_servers_limits() -> None:
    site = SITE.read_text()
    assert re.search(rf"^\s*client_max_body_size {MAX_BODY_BYTES // 2**20}m;", site, re.M)
    assert MAX_BODY_BYTES % 2**20 == 0  # nginx's m is MiB: a limit in whole MiB is the server's exactly
    assert len(re.findall(r"^\s*proxy_pass http://127\.0\.0\.1:8443;", site, re.M)) == 2
    assert re.findall(r"^\s*location\s+(.*?)\s*\{", site, re.M) == [
        "/", "/v1/", "= /health", "= /v1", "/", "@too_large", "@unavailable",
    ]  # fmt: skip
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    for directive in ("proxy_read_timeout", "proxy_send_timeout"):
        assert set(re.findall(rf"{directive} (\S+);", site)) == {"30s"}


@asynccontextmanager
async def running_nginx(binary: Path, main: Path, port: int) -> AsyncIterator[trio.Process]:
    log = os.open(main.parent / "nginx.stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        process = await trio.lowlevel.open_process(nginx_command(binary, main), stderr=log)
    finally:
        os.close(log)
    try:
        with trio.fail_after(10):
            while True:
                try:
                    stream = await trio.open_tcp_stream("127.0.0.1", port)
                except OSError:
                    if process.poll() is not None:
                        pytest.fail(f"nginx exited: {(main.parent / 'nginx.stderr').read_text()}")
                    await trio.sleep(0.05)
                    continue
                await stream.aclose()
                break
        yield process
    finally:
        with trio.CancelScope(shield=True):
            if process.returncode is None:
                process.send_signal(signal.SIGQUIT)
            with trio.move_on_after(10):
                await process.wait()
            if process.returncode is None:
                process.kill()
                await process.wait()


def upstream_saw(server: ServerProcess, path: str) -> bool:
    return any(e.get("event") == "request" and e.get("path") == path for e in server.events)


@pytest.mark.slow
async def test_nginx_site_proxies_only_v1_and_health(nginx: Path, tmp_path: Path) -> None:
    # Ports held for the test: nginx's stay its own, and the server's, once stopped, stays refused (a 503).
    with ExitStack() as held:
        http_port, https_port = (held.enter_context(held_port(*loopback_hosts())) for _ in range(2))
        upstream_port = held.enter_context(held_port())
        await nginx_proxies_only_v1_and_health(nginx, tmp_path, http_port, https_port, upstream_port)


async def nginx_proxies_only_v1_and_health(
    nginx: Path, tmp_path: Path, http_port: int, https_port: int, upstream_port: int
) -> None:
    async with start_server(tmp_path / "data", "--port", str(upstream_port)) as server:
        main = nginx_config(
            nginx, tmp_path, http_port=http_port, https_port=https_port, upstream_port=upstream_port
        )
        context = ssl.create_default_context(cafile=str(tmp_path / "fullchain.pem"))
        async with (
            running_nginx(nginx, main, https_port),
            httpx.AsyncClient(
                base_url=f"https://127.0.0.1:{https_port}", verify=context, timeout=30
            ) as https,
        ):
            health = await https.get("/health")
            assert health.status_code == 200 and health.json()["status"] == "ok"
            summary = await https.get("/v1/stats/summary")
            assert summary.status_code == 200 and "totalEnvelopes" in summary.json()

            # A whole session through the proxy: bodies reach the server byte for byte (HMAC verifies).
            client = await open_session(https)
            for body in (client.chunk_body(3), client.close_body()):
                response = await ingest(https, body)
                assert response.status_code == 200 and response.json()["accepted"] is True, response.text

            for path in ("/metrics", "/", "/healthz", "/v1", "/admin"):
                response = await https.get(path)
                assert response.status_code == 404, path
                assert response.json() == {"accepted": False, "reason": "no such endpoint"}
                assert not upstream_saw(server, path), f"{path} reached the server"

            too_big = await https.post(
                "/v1/training/ingest",
                content=b"x" * (MAX_BODY_BYTES + 1),
                headers={"Content-Type": "application/json"},
            )
            assert too_big.status_code == 413
            assert too_big.json()["accepted"] is False
            posts = sum(1 for e in server.events if e.get("path") == "/v1/training/ingest")
            assert posts == 2, "the oversized body reached the server"

            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{http_port}") as plain:
                moved = await plain.get("/v1/stats/summary?x=1")
            assert moved.status_code == 301
            assert moved.headers["location"] == "https://api.groovedev.ai/v1/stats/summary?x=1"

            server.process.send_signal(signal.SIGTERM)
            with trio.fail_after(30):
                await server.process.wait()
            down = await https.get("/health")
            assert down.status_code == 503 and down.headers["retry-after"] == "5"
            assert down.json() == {"accepted": False, "reason": "Central Command is unavailable; retry later"}
            # Every HTTPS answer says HTTPS only, errors nginx makes itself included.
            for answer in (health, summary, response, too_big, down):
                assert answer.headers["strict-transport-security"] == "max-age=31536000", answer


# --- runbook -------------------------------------------------------------------------------------------


def runbook_alerts() -> list[tuple[str, str]]:
    """The runbook's table of alert-worthy events: (event, level)."""
    runbook = README.read_text()
    return re.findall(r"^\| `([a-z_.]+)` \| (info|warning|error) \|", runbook, re.M)


def test_runbook_lists_the_alert_worthy_events() -> None:
    assert {name for name, _ in runbook_alerts()} == {
        "server.failed", "store.recovered", "store.quota_exhausted", "verifier.failed", "credit.failed",
        "request.failed", "store.catalog_behind", "connection.failed",
    }  # fmt: skip


@pytest.mark.slow
def test_server_failed_is_logged_at_the_runbooks_level(tmp_path: Path) -> None:
    """A server that cannot listen (its port taken) logs server.failed at the level the runbook gives, and
    exits 1, as the table says."""
    executable = Path(sys.executable).parent / "groove-central"
    if not executable.exists():
        pytest.skip(f"{executable} is not installed (pip install -e . provides it)")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("GROOVE_")}
        done = subprocess.run(
            [str(executable), "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path / "d")],
            capture_output=True, text=True, env=env, timeout=TOOL_TIMEOUT_S, check=False,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    events = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    failed = [e for e in events if e.get("event") == "server.failed"]
    assert failed and {e["level"] for e in failed} == {dict(runbook_alerts())["server.failed"]}, done.stderr


@pytest.mark.slow
async def test_quota_exhausted_is_logged_at_the_runbooks_level(tmp_path: Path) -> None:
    """An envelope past the storage quota is answered 507 and logged as store.quota_exhausted at the level the
    runbook gives (warning: what GROOVE_LOG_LEVEL=WARNING still shows)."""
    async with (
        start_server(
            tmp_path / "data", "--quota-gb", "0.00002"
        ) as server,  # 20 kB: a session and a few chunks
        httpx.AsyncClient(base_url=server.url, timeout=30) as http,
    ):
        client = await open_session(http)
        for _ in range(50):  # chunks until the quota is reached (each one a few kB)
            response = await ingest(http, client.chunk_body(20))
            if response.status_code != 200:
                break
        assert response.status_code == 507, response.text
        with trio.fail_after(30):
            event = await server.log.wait_for("store.quota_exhausted")
    assert event["level"] == dict(runbook_alerts())["store.quota_exhausted"]


def test_readme_sections_named_by_deploy_files_exist() -> None:
    """Every `README.md, "Section"` that deploy/ and constraints.txt send an operator to is a heading there."""
    headings = {line.lstrip("#").strip() for line in README.read_text().splitlines() if line.startswith("#")}
    files = [*DEPLOY.rglob("*"), CONSTRAINTS]
    named = {
        (path.name, section)
        for path in files
        if path.is_file()
        for section in re.findall(r'README(?:\.md)?,\s+"([^"]+)"', path.read_text())
    }
    assert any(path == CONSTRAINTS.name for path, _ in named)
    assert [(path, section) for path, section in sorted(named) if section not in headings] == []


def test_constraints_pin_every_installed_package() -> None:
    """constraints.txt pins, at the version installed, every distribution the project needs to run and to be
    developed: its dependencies and those of its `dev` extra, and theirs in turn (what `pip freeze` lists after
    `make install`; a package someone installed by hand is no business of this test)."""
    pins: dict[str, str] = {}
    for line in CONSTRAINTS.read_text().splitlines():
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version, f"not an exact pin: {line}"
            pins[canonical(name)] = version
    needed = requirement_closure("groove-actors", extras=("dev",))
    assert {"trio", "hypercorn", "pytest", "mypy", "ruff", "attrs", "idna"} <= needed
    installed = {name: importlib.metadata.version(name) for name in needed}
    wrong = {name: version for name, version in installed.items() if pins.get(name) != version}
    assert wrong == {}, "installed, not pinned at that version: regenerate constraints.txt as its header says"


def requirement_closure(project: str, *, extras: tuple[str, ...]) -> set[str]:
    """The canonical names of the distributions `project` (with `extras`) requires, directly or not."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(project, extras)]
    while todo:
        name, wanted = todo.pop()
        for text in importlib.metadata.requires(name) or []:
            requirement = Requirement(text)
            environments = [{"extra": extra} for extra in wanted] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(env) for env in environments):
                continue
            key = canonical(requirement.name)
            if key not in seen:
                seen.add(key)
                todo.append((key, tuple(requirement.extras)))
    return seen


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
