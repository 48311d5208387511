// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace gatehouse::pipeline::github {

/// One node of a parsed GitHub Actions expression. Nodes live in a flat list and point at their operands by index.
struct ExpressionNode
{
    enum class Kind : quint8
    {
        Null,
        Bool,
        Number,
        String,
        Context, ///< a context name (`github`, `matrix`, or an unknown one): `text` as written
        Property, ///< `operand.text`
        Index, ///< `operand[index]`: children {operand, index}
        Filter, ///< `operand.*` or `operand[*]`
        Call, ///< `text(args…)`
        Not,
        Binary ///< `text` is the operator
    };
    Kind kind = Kind::Null;
    int offset = 0; ///< the token that makes the node (a property's name, an operator), for positions
    int start = 0; ///< where the whole node starts in the expression text
    QString text; ///< name, operator, or the unescaped value of a string literal
    double number = 0;
    bool boolean = false;
    QList<int> children;
};

/// The grammar of GitHub's expressions (literals, `( ) [ ] . ! < <= > >= == != && ||` with GitHub's precedence,
/// index access and `*` filters), parsed into a tree. Syntax errors carry the offset of the offending token.
struct ExpressionSyntax
{
    QList<ExpressionNode> nodes;
    int root = -1;
    bool ok = false;
    QString error;
    int errorOffset = 0;

    static ExpressionSyntax parse(QStringView text);
    const ExpressionNode& node(int index) const { return nodes[index]; }
};

} // namespace gatehouse::pipeline::github
