# Shared by backup.sh and restore.sh (sourced, not run): messages and the Python that runs groove_backup.py.
# Each script sets `me` (its name in messages) before sourcing this file.
# shellcheck disable=SC2154

say() { printf '%s: %s\n' "$me" "$*"; }
die() {
    printf '%s: error: %s\n' "$me" "$*" >&2
    exit 1
}

find_python() {
    if [ -n "${GROOVE_BACKUP_PYTHON:-}" ]; then
        printf '%s\n' "$GROOVE_BACKUP_PYTHON"
    elif command -v python3 >/dev/null 2>&1; then
        command -v python3
    elif [ -x /opt/groove-central/.venv/bin/python ]; then
        printf '%s\n' /opt/groove-central/.venv/bin/python
    else
        die "no Python found: install python3 or set GROOVE_BACKUP_PYTHON"
    fi
}
