// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TableFilterModel.h"

#include <QDate>
#include <QDateTime>

#include <limits>

namespace gatehouse {

TableFilterModel::TableFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this, [this] { m_sortKeysColumn = -1; });
}

void TableFilterModel::setSourceModel(QAbstractItemModel* model)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    dropCaches();
    if (model) {
        // Connected before the base class's own handlers, so a re-sort after a change never sees stale keys.
        const auto drop = [this] { dropCaches(); };
        m_connections = {
            connect(model, &QAbstractItemModel::modelReset, this, drop),
            connect(model, &QAbstractItemModel::rowsInserted, this, drop),
            connect(model, &QAbstractItemModel::rowsRemoved, this, drop),
            connect(model, &QAbstractItemModel::rowsMoved, this, drop),
            connect(model, &QAbstractItemModel::dataChanged, this, drop),
            connect(model, &QAbstractItemModel::layoutChanged, this, drop),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void TableFilterModel::dropCaches()
{
    m_search.clear();
    m_sortKeys.clear();
    m_sortKeysColumn = -1;
}

QStringList TableFilterModel::foldedWords(const QString& text, bool wholeText)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded.isEmpty())
        return {};
    return wholeText ? QStringList{folded} : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool TableFilterModel::searchMatches(int sourceRow, const QStringList& foldedWords) const
{
    if (foldedWords.isEmpty())
        return true;
    if (m_search.isEmpty()) {
        const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
        m_search.reserve(rows);
        for (int row = 0; row < rows; ++row)
            m_search.append(searchText(row).toCaseFolded());
    }
    if (sourceRow < 0 || sourceRow >= m_search.size())
        return false;
    const QString& haystack = m_search.at(sourceRow);
    for (const QString& word : foldedWords) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

void TableFilterModel::buildSortKeys(int column) const
{
    const QAbstractItemModel* model = sourceModel();
    const int rows = model->rowCount();
    m_sortKeys.clear();
    m_sortKeys.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QVariant value = model->index(row, column).data(sortRole());
        SortKey key;
        switch (value.metaType().id()) {
        case QMetaType::UnknownType:
            break;
        case QMetaType::QDateTime: {
            const QDateTime time = value.toDateTime();
            key.known = true;
            key.number = time.isValid() ? double(time.toMSecsSinceEpoch()) : -std::numeric_limits<double>::infinity();
            break;
        }
        case QMetaType::QDate: {
            const QDate date = value.toDate();
            key.known = true;
            key.number = date.isValid() ? double(date.toJulianDay()) : -std::numeric_limits<double>::infinity();
            break;
        }
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float:
        case QMetaType::Bool:
            key.known = true;
            key.number = value.toDouble();
            break;
        default:
            key.known = true;
            key.isText = true;
            key.text = value.toString();
            break;
        }
        m_sortKeys.append(std::move(key));
    }
    m_sortKeysColumn = column;
    m_sortKeysRole = sortRole();
}

bool TableFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Locale-aware text and tree models keep the base class's comparison.
    if (isSortLocaleAware() || left.parent().isValid() || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_sortKeysColumn != left.column() || m_sortKeysRole != sortRole()
        || m_sortKeys.size() != sourceModel()->rowCount())
        buildSortKeys(left.column());
    const SortKey& a = m_sortKeys.at(left.row());
    const SortKey& b = m_sortKeys.at(right.row());
    if (!a.known)
        return false;
    if (!b.known)
        return true;
    if (a.isText || b.isText)
        return QString::compare(a.isText ? a.text : QString::number(a.number),
                                b.isText ? b.text : QString::number(b.number), sortCaseSensitivity())
            < 0;
    return a.number < b.number;
}

} // namespace gatehouse
