#!/bin/sh
# Restore a backup made by backup.sh into a Central Command data dir.
#
#   restore.sh [--force] [--owner USER[:GROUP]] BACKUP_DIR DATA_DIR
#   restore.sh --check BACKUP_DIR
#
# First the backup is verified: every file the manifest lists must be there with its size and sha256, no
# other file may be, the catalog must pass SQLite's quick_check and index nothing past the end of the
# segment files. Nothing is touched unless that passes. --check stops there.
#
# DATA_DIR must be empty or absent, and no process may have its catalog open (stop the server first).
# --force moves what DATA_DIR holds aside, into DATA_DIR.replaced-<UTC time> next to it (never deletes).
# Files are copied into a staging directory inside DATA_DIR, checked again, then renamed into place.
# Directories are 0700, files 0600. Run as root, restored files belong to --owner, else to DATA_DIR's
# owner (so `restore.sh --owner groove BACKUP /var/lib/groove-central` for the systemd unit).
#
# Needs Python 3.11+ (standard library only): GROOVE_BACKUP_PYTHON, else python3 on PATH, else the server's
# virtualenv at /opt/groove-central/.venv. Exits non-zero with a message on stderr on any error.
set -eu
umask 077

me=restore
here=$(cd "$(dirname "$0")" && pwd)
helper="$here/groove_backup.py"
# shellcheck source=deploy/common.sh
. "$here/common.sh"

usage() {
    cat <<'EOF'
usage: restore.sh [--force] [--owner USER[:GROUP]] BACKUP_DIR DATA_DIR
       restore.sh --check BACKUP_DIR

Verifies BACKUP_DIR against its manifest, then restores it into DATA_DIR (empty, or --force to move its
contents aside). The server must be stopped.
EOF
}

force=
check=
owner=
while [ $# -gt 0 ]; do
    case $1 in
        --force)
            force=--force
            shift
            ;;
        --check)
            check=1
            shift
            ;;
        --owner)
            [ $# -ge 2 ] || die "--owner needs USER[:GROUP]"
            owner=$2
            shift 2
            ;;
        --owner=*)
            owner=${1#*=}
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

python=$(find_python)
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
    die "$python is not a working Python 3.11 or later"
[ -f "$helper" ] || die "$helper is missing: keep restore.sh next to groove_backup.py"

if [ -n "$check" ]; then
    if [ $# -ne 1 ]; then
        usage >&2
        exit 2
    fi
    "$python" "$helper" verify "$1" || die "$1 failed verification"
    say "$1 is complete and intact"
    exit 0
fi

if [ $# -ne 2 ]; then
    usage >&2
    exit 2
fi
backup=$1
data_dir=$2
[ -d "$backup" ] || die "backup $backup does not exist"

say "restoring $backup into $data_dir"
set -- restore "$backup" "$data_dir"
[ -z "$force" ] || set -- "$@" --force
[ -z "$owner" ] || set -- "$@" --owner "$owner"
"$python" "$helper" "$@" || die "restore of $backup into $data_dir failed"
say "done: start the server on $data_dir (systemctl start groove-central)"
