// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TableFilterModel.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <limits>

namespace gatehouse {

TableFilterModel::TableFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this, [this] { dropCaches(); });
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
    m_currentKeys = nullptr;
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

void TableFilterModel::applyFilterChange()
{
    invalidate();
}

const QList<TableFilterModel::SortKey>& TableFilterModel::sortKeys(int column) const
{
    const QAbstractItemModel* model = sourceModel();
    const int rows = model->rowCount();
    if (m_sortKeysRole != sortRole()) {
        m_sortKeys.clear();
        m_currentKeys = nullptr;
        m_sortKeysRole = sortRole();
    }
    auto known = m_sortKeys.find(column);
    if (known != m_sortKeys.end() && known->size() == rows)
        return *known;
    m_currentKeys = nullptr; // the hash may move its values
    QList<SortKey>& keys = m_sortKeys[column];
    keys.clear();
    keys.resize(rows);
    QList<QString> texts(rows); // the text of text rows, numbers' text too when the column mixes both
    QList<int> textRows;
    bool numbers = false;
    for (int row = 0; row < rows; ++row) {
        const QVariant value = model->index(row, column).data(sortRole());
        SortKey& key = keys[row];
        switch (value.metaType().id()) {
        case QMetaType::UnknownType:
            continue;
        case QMetaType::QDateTime: {
            const QDateTime time = value.toDateTime();
            key.number = time.isValid() ? double(time.toMSecsSinceEpoch()) : -std::numeric_limits<double>::infinity();
            numbers = true;
            break;
        }
        case QMetaType::QDate: {
            const QDate date = value.toDate();
            key.number = date.isValid() ? double(date.toJulianDay()) : -std::numeric_limits<double>::infinity();
            numbers = true;
            break;
        }
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float:
        case QMetaType::Bool:
            key.number = value.toDouble();
            numbers = true;
            break;
        default:
            texts[row] = value.toString();
            textRows.append(row);
            break;
        }
        key.known = true;
    }
    if (!textRows.isEmpty()) {
        if (numbers) { // a mixed column compares as text
            textRows.clear();
            for (int row = 0; row < rows; ++row) {
                if (!keys.at(row).known)
                    continue;
                if (texts.at(row).isNull())
                    texts[row] = QString::number(keys.at(row).number);
                textRows.append(row);
            }
        }
        const Qt::CaseSensitivity cs = sortCaseSensitivity();
        std::stable_sort(textRows.begin(), textRows.end(),
                         [&texts, cs](int a, int b) { return QString::compare(texts.at(a), texts.at(b), cs) < 0; });
        int rank = 0;
        for (qsizetype i = 0; i < textRows.size(); ++i) {
            if (i > 0 && QString::compare(texts.at(textRows.at(i - 1)), texts.at(textRows.at(i)), cs) != 0)
                ++rank;
            keys[textRows.at(i)].number = rank; // equal texts, equal ranks: the sort stays stable
        }
    }
    return keys;
}

bool TableFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Locale-aware text and tree models keep the base class's comparison.
    if (isSortLocaleAware() || left.parent().isValid() || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    if (!m_currentKeys || m_currentColumn != left.column()
        || m_currentKeys->size() <= std::max(left.row(), right.row())) {
        m_currentKeys = &sortKeys(left.column());
        m_currentColumn = left.column();
    }
    const QList<SortKey>& keys = *m_currentKeys;
    const SortKey& a = keys.at(left.row());
    const SortKey& b = keys.at(right.row());
    if (!a.known)
        return false;
    if (!b.known)
        return true;
    return a.number < b.number;
}

} // namespace gatehouse
