// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace gatehouse {

/// YAML highlighting for CI files: keys, strings, comments, anchors/aliases, tags (`!reference`), block scalars,
/// GitHub `${{ }}` expressions and GitLab `$VARIABLES`. A single left-to-right scan per line without regular
/// expressions, so rehighlighting stays cheap in files of thousands of lines.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token
    {
        Key,
        String,
        Comment,
        Anchor,
        Tag,
        Expression,
        Variable,
        Literal,
        Punctuation,
        Document
    };

    explicit YamlHighlighter(QTextDocument* document);

    QTextCharFormat format(Token token) const { return m_formats[int(token)]; }
    /// Groovy instead of YAML (a Jenkinsfile): `//` and `/* */` comments, every string form, `${…}` interpolation,
    /// the declarative sections and directives as keys. Rehighlights when the mode changes.
    void setGroovy(bool groovy);

protected:
    void highlightBlock(const QString& text) override;

private:
    void highlightGroovy(const QString& text);
    void highlightValue(const QString& text, qsizetype from, qsizetype to);
    void highlightInterpolations(const QString& text, qsizetype from, qsizetype to);
    void apply(qsizetype from, qsizetype length, Token token);

    QTextCharFormat m_formats[int(Token::Document) + 1];
    bool m_groovy = false;
};

} // namespace gatehouse
