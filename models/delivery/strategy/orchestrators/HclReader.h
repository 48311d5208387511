// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace gatehouse::delivery {

/// A value of an HCL attribute. Expressions Gatehouse does not evaluate (`var.count`, `"${a}"` templates are kept as
/// strings) come back as Expression with their text.
struct HclValue
{
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        List,
        Object,
        Expression,
    };
    Kind kind = Kind::Null;
    QString text; ///< strings, expressions, and the literal of numbers and bools
    double number = 0;
    bool boolean = false;
    QList<HclValue> items; ///< lists
    QList<QPair<QString, HclValue>> fields; ///< objects, in order
    int line = 0;

    std::optional<double> toNumber() const; ///< numbers and numeric strings
    std::optional<bool> toBool() const; ///< bools and "true"/"false" strings
};

struct HclAttribute
{
    QString name;
    HclValue value;
    int line = 0;
};

/// A block (`group "web" { … }`) or the file's body (empty type).
struct HclBlock
{
    QString type;
    QStringList labels;
    int line = 0;
    QList<HclAttribute> attributes;
    QList<HclBlock> blocks;

    const HclAttribute* attribute(const QString& name) const;
    const HclBlock* block(const QString& type) const; ///< the first one
    QList<const HclBlock*> blocksOf(const QString& type) const;
};

/// A problem in the text, with a 1-based line and column.
struct HclError
{
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const;
};

/// Reads the subset of HCL (HashiCorp Configuration Language, native syntax) that job specifications use: blocks
/// with labels, attributes, strings (with escapes, `${…}` templates kept as written), heredocs (`<<EOF`, `<<-EOF`),
/// numbers, bools, null, lists, objects, `#`, `//` and `/* */` comments; other expressions (references, function
/// calls, operators) are kept as text up to the end of the line or the closing bracket. Never throws; nesting is
/// limited. Pure function, any thread.
class HclReader
{
public:
    static constexpr int MaxDepth = 64;
    struct Parsed
    {
        HclBlock body;
        std::optional<HclError> error; ///< set when the text is not HCL; `body` then holds what came before
    };
    static Parsed parse(const QString& text);
};

} // namespace gatehouse::delivery
