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

# No cycle between the top-level folders of models/: each include of a header in another folder is an edge from the
# including folder to that folder, and the folders must admit an order (tsort finds none when there is a loop). An
# include is resolved as the compiler does: next to the including file first, then from the models/ include root.
# Edges listed in `known` are left out of the graph; each stands for a cycle that is known and not yet broken.
declare -A known=(
)
edges="$(
    cd "$root/models" || exit
    find . -mindepth 2 \( -name '*.h' -o -name '*.cpp' \) | sed 's|^\./||' | sort | while read -r file; do
        from="${file%%/*}"
        dir="$(dirname "$file")"
        sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file" | while read -r header; do
            if [ -e "$dir/$header" ]; then
                resolved="$(realpath -m --relative-to=. "$dir/$header")"
            elif [ -e "$header" ]; then
                resolved="$header"
            else
                continue # a third-party or Qt header
            fi
            to="${resolved%%/*}"
            [ "$to" = "$from" ] || [ -n "${known["$from $header"]:-}" ] || echo "$from $to $file $header"
        done
    done
)"
if ! loop="$(echo "$edges" | awk 'NF { print $1, $2 }' | sort -u | tsort 2>&1 >/dev/null)"; then
    echo "layering: the folders of models/ include each other in a cycle:" >&2
    echo "$loop" | sed -n 's/^tsort: \([a-z]*\)$/  \1/p' | awk '!seen[$0]++' >&2
    echo "the includes between them:" >&2
    folders="$(echo "$loop" | sed -n 's/^tsort: \([a-z]*\)$/\1/p')"
    echo "$edges" | while read -r from to file header; do
        if grep -qx "$from" <<<"$folders" && grep -qx "$to" <<<"$folders"; then
            echo "  models/$file: #include \"$header\"" >&2
        fi
    done
    status=1
fi
exit $status
