// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/YamlNode.h"

namespace gatehouse::test {

/// Whole trees, positions and all: two ways of reading the same text must give the same nodes.
inline bool sameTree(const pipeline::YamlNode& a, const pipeline::YamlNode& b)
{
    if (a.kind != b.kind || a.plain != b.plain || a.line != b.line || a.column != b.column || a.file != b.file
        || a.value != b.value || a.tag != b.tag || a.keys.size() != b.keys.size() || a.items.size() != b.items.size())
        return false;
    for (size_t i = 0; i < a.keys.size(); ++i) {
        if (!sameTree(a.keys[i], b.keys[i]))
            return false;
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
        if (!sameTree(a.items[i], b.items[i]))
            return false;
    }
    return true;
}

} // namespace gatehouse::test
