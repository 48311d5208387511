// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace gatehouse {

/// A filter-and-sort proxy for tables of 100,000 rows, where each user change must cost one pass, not one pass per
/// setter nor one QVariant per row and comparison.
///
/// - Free-text search compares case-folded text: each source row's search text is folded once (on the first text
///   filter after the source changed), the typed words once per change.
/// - Sorting reads the sort role of each source row once per sort column (numbers, times and text as plain values)
///   and compares those, instead of two data() calls per comparison. Order: as QSortFilterProxyModel's for these
///   types (invalid times first, rows without a value last, text by sortCaseSensitivity()).
/// Both caches are dropped whenever the source model changes rows or data. Thread affinity: the GUI thread.
class TableFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TableFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    /// `text` trimmed and case-folded, split into words (`wholeText`: one word, spaces included).
    static QStringList foldedWords(const QString& text, bool wholeText = false);

protected:
    /// The text a free-text filter searches in a source row, in any case.
    virtual QString searchText(int sourceRow) const = 0;
    /// True when every one of `foldedWords` occurs in the row's search text (true for no words).
    bool searchMatches(int sourceRow, const QStringList& foldedWords) const;

    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    struct SortKey
    {
        bool known = false; ///< false: no value (sorts last)
        bool isText = false;
        double number = 0;
        QString text;
    };

    void dropCaches();
    void buildSortKeys(int column) const;

    mutable QList<QString> m_search;
    mutable QList<SortKey> m_sortKeys;
    mutable int m_sortKeysColumn = -1;
    mutable int m_sortKeysRole = -1;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace gatehouse
