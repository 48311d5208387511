// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace gatehouse {

/// A filter-and-sort proxy for tables of 100,000 rows, where each user change must cost one pass, not one pass per
/// setter nor one QVariant per row and comparison.
///
/// - Free-text search compares case-folded text: each source row's search text is folded once (on the first text
///   filter after the source changed), the typed words once per change.
/// - Sorting reads the sort role of each source row once per sort column and turns it into a number (times,
///   numbers; text becomes its rank among the column's texts, ordered once), so each comparison compares two
///   numbers instead of two data() calls. Order: as QSortFilterProxyModel's for these types (invalid times first,
///   rows without a value last, text by sortCaseSensitivity()).
/// Both caches (sort keys per column) are dropped whenever the source model changes rows or data. Thread affinity: the
/// GUI thread.
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
    /// After a filter change: one pass over every row, then one sort of the rows kept. (Qt's incremental
    /// invalidateFilter() moves each interval of rows that appear or disappear inside the sorted order one at a
    /// time, which grows with the square of the rows on 100,000-row tables.) Selections and the current index
    /// survive through the persistent indexes.
    void applyFilterChange();

    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    struct SortKey
    {
        bool known = false; ///< false: no value (sorts last)
        double number = 0; ///< the value, or the text's rank among the column's texts
    };

    void dropCaches();
    const QList<SortKey>& sortKeys(int column) const;

    mutable QList<QString> m_search;
    // Per column, so going back to a column sorted before reads nothing again; all for the sort role m_sortKeysRole.
    mutable QHash<int, QList<SortKey>> m_sortKeys;
    mutable int m_sortKeysRole = -1;
    // The keys of the column being sorted, looked up once per sort rather than once per comparison.
    mutable const QList<SortKey>* m_currentKeys = nullptr;
    mutable int m_currentColumn = -1;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace gatehouse
