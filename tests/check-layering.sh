#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when an include goes against the layering of the core's folders: each pair below may only be used in one
# direction (the right-hand folder builds on the left-hand one).
set -uo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
status=0
forbid() { # FOLDER PATTERN WHY: no include matching PATTERN in FOLDER
    local hits
    hits="$(grep -rnE --include='*.h' --include='*.cpp' "^#include \"$2" "$root/$1" 2>/dev/null)"
    if [ -n "$hits" ]; then
        echo "layering: $1 must not include $2 ($3):" >&2
        echo "$hits" >&2
        status=1
    fi
}
forbid models/pipeline 'delivery/' 'delivery builds on the pipeline engine'

# models/ and ui/ are both include roots: a folder of ui/ named like a folder of models/ would let `security/X.h`
# mean either, and a file of ui/ next to such a folder would see it first. ui's folders take other names.
for folder in "$root"/models/*/; do
    name="$(basename "$folder")"
    shadow="$(find "$root/ui" -type d -name "$name" 2>/dev/null)"
    if [ -n "$shadow" ]; then
        echo "layering: ui folder $shadow shadows models/$name (give it another name, e.g. ${name}view)" >&2
        status=1
    fi
done
exit $status
