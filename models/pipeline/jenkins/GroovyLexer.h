// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include <QString>

#include <vector>

namespace gatehouse::pipeline::jenkins {

struct Token
{
    enum class Type
    {
        Identifier,
        String,
        Number,
        Punctuation,
        Newline,
        End
    };
    Type type = Type::End;
    QString text; ///< identifier, decoded string, number or operator
    qsizetype begin = 0; ///< offset of the token in the source
    qsizetype end = 0;
    int line = 0;
    int column = 0;
    bool interpolated = false;
    bool verbatim = true;
    int contentLine = 0;
    int contentColumn = 0;

    bool is(QStringView punctuation) const { return type == Type::Punctuation && text == punctuation; }
};

/// Splits Groovy source into tokens: comments dropped, newlines kept (they end statements), strings decoded.
/// A broken string or comment ends the token list with a syntax diagnostic.
class GroovyLexer
{
public:
    GroovyLexer(const QString& source, const QString& path, QList<Diagnostic>& diagnostics);
    std::vector<Token> tokens();
    /// 1-based line and column of an offset.
    std::pair<int, int> position(qsizetype offset) const;

private:
    /// A string token starting at `start` whose text begins after `open` delimiter characters.
    Token stringToken(qsizetype start, qsizetype open) const;
    /// Ends a string token at `end` with its decoded `value`.
    void finishString(std::vector<Token>& out, Token& token, const QString& value, qsizetype end);
    bool lexString(std::vector<Token>& out);
    bool lexSlashy(std::vector<Token>& out, bool dollar);
    /// The end of a `${ … }` interpolation starting at `at` (on the `{`), or -1 when it is not closed.
    qsizetype skipInterpolation(qsizetype at, int depth) const;
    /// The end of a quoted literal starting at `at`, or -1 (for nested strings inside interpolations).
    qsizetype skipQuoted(qsizetype at, int depth) const;
    void error(qsizetype offset, const QString& message);
    QChar at(qsizetype i) const { return i < m_source.size() ? m_source.at(i) : QChar(); }

    const QString& m_source;
    QString m_path;
    QList<Diagnostic>& m_diagnostics;
    std::vector<qsizetype> m_lineStarts;
    qsizetype m_pos = 0;
};

} // namespace gatehouse::pipeline::jenkins
