#!/bin/sh
# Online backup of a Central Command data dir: a consistent copy taken while the server runs (or not).
#
#   backup.sh [--after-snapshot CMD] DATA_DIR BACKUP_DIR
#
# 1. The catalog (central.sqlite3) is copied with SQLite's online backup API: one read transaction, so the
#    copy is a consistent snapshot even while the server commits.
# 2. AFTER that, every segment file under envelopes/ and trajectories/ is copied up to the last byte the
#    snapshot indexes. Segments are append-only, so those bytes are all there; anything past them was written
#    after the snapshot and is left out. The backup is exactly the snapshot: a server started on a restore of
#    it has nothing to cut or re-index, and clients re-send what came later.
# 3. BACKUP_DIR/manifest.json lists every file with its size and sha256, the snapshot's time and counts.
#
# BACKUP_DIR must not exist; the backup is built in BACKUP_DIR.partial and renamed when complete, so a
# BACKUP_DIR that exists is a complete backup. Directories are created 0700, files 0600.
# Run it as root or as the server's user (the catalog is readable by its owner only).
#
# --after-snapshot CMD runs `sh -c CMD` between steps 1 and 2, with GROOVE_BACKUP_STAGE set to the directory
# being built; for example to note the server's stats at the moment of the snapshot. A failing CMD fails
# the backup.
#
# Needs Python 3.11+ (standard library only): GROOVE_BACKUP_PYTHON, else python3 on PATH, else the server's
# virtualenv at /opt/groove-central/.venv. Exits non-zero with a message on stderr on any error.
set -eu
umask 077

me=backup
here=$(cd "$(dirname "$0")" && pwd)
helper="$here/groove_backup.py"
# shellcheck source=deploy/common.sh
. "$here/common.sh"

usage() {
    cat <<'EOF'
usage: backup.sh [--after-snapshot CMD] DATA_DIR BACKUP_DIR

Copies a Central Command data dir (the server may be running) into BACKUP_DIR, which must not exist:
a consistent snapshot of the catalog, the segment files cut at that snapshot, and manifest.json.
EOF
}

after_snapshot=
while [ $# -gt 0 ]; do
    case $1 in
        --after-snapshot)
            [ $# -ge 2 ] || die "--after-snapshot needs a command"
            after_snapshot=$2
            shift 2
            ;;
        --after-snapshot=*)
            after_snapshot=${1#*=}
            shift
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        --)
            shift
            break
            ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
if [ $# -ne 2 ]; then
    usage >&2
    exit 2
fi
data_dir=$1
target=${2%/}

python=$(find_python)
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
    die "$python is not a working Python 3.11 or later"
[ -f "$helper" ] || die "$helper is missing: keep backup.sh next to groove_backup.py"
[ -d "$data_dir" ] || die "data dir $data_dir does not exist"
[ -f "$data_dir/central.sqlite3" ] || die "$data_dir/central.sqlite3 not found: not a Central Command data dir"
[ -r "$data_dir/central.sqlite3" ] || die "cannot read $data_dir/central.sqlite3: run as root or as its owner"
if [ -e "$target" ] || [ -L "$target" ]; then
    die "$target already exists; give a new directory (e.g. named by the date)"
fi
stage="$target.partial"
[ ! -e "$stage" ] || die "$stage exists, left by an interrupted backup: remove it, then retry"

mkdir -p "$(dirname "$target")"
mkdir -m 700 "$stage"
cleanup() {
    if [ -n "$stage" ] && [ -d "$stage" ]; then
        rm -rf "$stage"
        printf '%s: removed the incomplete %s\n' "$me" "$stage" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

holders=$("$python" "$helper" holders "$data_dir" | tr '\n' ' ')
if [ -n "$holders" ]; then
    say "backing up $data_dir into $target while the server runs (pid $holders)"
else
    say "backing up $data_dir into $target (no running server has it open)"
fi

"$python" "$helper" snapshot "$data_dir" "$stage" || die "catalog snapshot failed; nothing was kept"

if [ -n "$after_snapshot" ]; then
    say "running the --after-snapshot command"
    rc=0
    GROOVE_BACKUP_STAGE=$stage sh -c "$after_snapshot" || rc=$?
    [ "$rc" -eq 0 ] || die "the --after-snapshot command failed (exit $rc)"
fi

"$python" "$helper" copy-segments "$data_dir" "$stage" || die "copying the segment files failed; nothing was kept"

mv "$stage" "$target"
stage=
parent=$(dirname "$target")
"$python" -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd)' "$parent" 2>/dev/null || true
say "done: $target (verify it any time with: restore.sh --check $target)"
