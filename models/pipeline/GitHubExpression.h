// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::pipeline {

/// A parsed GitHub Actions expression (the text inside `${{ }}` or an `if:` condition): whether it parses, and the
/// property paths it reads ("github.event.issue.title", "matrix.os"), for the context and injection checks.
struct GitHubExpression
{
    bool ok = false;
    QString error; ///< what is wrong, when !ok
    int errorOffset = 0; ///< offset of the problem in the expression text
    struct Access
    {
        QString path; ///< dotted path with the context first, lower-case context name
        int offset = 0;
    };
    QList<Access> accesses; ///< every context property read
    QStringList unknownContexts; ///< context names that do not exist
    QList<int> unknownContextOffsets; ///< where each of them starts
    QStringList unknownFunctions;

    /// Parses `text` (without the `${{ }}`).
    static GitHubExpression parse(QStringView text);
    static const QStringList& contexts();
    static const QStringList& functions();

    /// Every `${{ … }}` in a string: (offset of the inner text, inner text). An unterminated one gets offset -1.
    static QList<std::pair<int, QString>> embedded(const QString& value);
};

} // namespace gatehouse::pipeline
