// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/YamlNode.h"

namespace gatehouse::pipeline::github {

struct SourcePosition
{
    int line = 0;
    int column = 0;
};

/// Where the character at `offset` of a scalar's value is written in the file (`lines`: the file's lines), so a
/// problem inside an expression points at its token: exact for one-line scalars and literal blocks (`|`); for
/// folded blocks and multi-line quoted or plain scalars, whose line breaks YAML folds, the token is looked up in the
/// lines the scalar spans.
SourcePosition scalarPosition(const YamlNode& node, int offset, const QStringList& lines);

} // namespace gatehouse::pipeline::github
