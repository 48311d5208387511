// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QThread>

#include <utility>

namespace gatehouse {

/// A flat table whose rows are values of type Row and whose columns are fixed by a header list. Row and column
/// bookkeeping, header text and the snapshot swap are written once here; a subclass supplies only the cell data.
///
/// Thread affinity: the thread it lives on (the GUI thread); setRows() takes a value built by a worker.
template <typename Row> class RowTableModel : public QAbstractTableModel
{
public:
    /// What headerData() gives outside the horizontal display headers: Qt's default (row numbers) or nothing.
    enum class OtherHeaders
    {
        QtDefault,
        None
    };

    int rowCount(const QModelIndex& parent = {}) const final { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const final { return parent.isValid() ? 0 : int(m_headers.size()); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cellData(m_rows.at(index.row()), index, role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
            return m_headers.at(section);
        if (m_otherHeaders == OtherHeaders::None)
            return {};
        return QAbstractTableModel::headerData(section, orientation, role);
    }

    const Row* rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }
    const QList<Row>& rows() const { return m_rows; }

protected:
    RowTableModel(QStringList headers, OtherHeaders otherHeaders, QObject* parent)
        : QAbstractTableModel(parent)
        , m_headers(std::move(headers))
        , m_otherHeaders(otherHeaders)
    { }

    /// Replaces every row at once (a model reset), so views never see a half-updated table.
    void setRows(QList<Row> rows)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }

    /// Replaces the values of rows that stay the same rows (same count, same order): every cell is reported changed
    /// and no reset happens, so a view keeps its selection and scroll position.
    void updateRows(QList<Row> rows)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        Q_ASSERT(rows.size() == m_rows.size());
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT this->dataChanged(this->index(0, 0), this->index(rowCount() - 1, columnCount() - 1));
    }

    /// The value of one cell for one role; called only with valid indexes of this table (row is its value).
    virtual QVariant cellData(const Row& row, const QModelIndex& index, int role) const = 0;

    /// For tables that show and sort by column: Qt::DisplayRole and `sortRole` (the raw value a column sorts by)
    /// go to columnValue(), every other role to roleValue(). A subclass's cellData() can simply return this.
    QVariant byColumn(const Row& row, const QModelIndex& index, int role, int sortRole) const
    {
        if (role == Qt::DisplayRole || role == sortRole)
            return columnValue(row, index.column(), role == sortRole);
        return roleValue(row, index, role);
    }
    virtual QVariant columnValue(const Row& /*row*/, int /*column*/, bool /*sort*/) const { return {}; }
    virtual QVariant roleValue(const Row& /*row*/, const QModelIndex& /*index*/, int /*role*/) const { return {}; }

private:
    QList<Row> m_rows;
    QStringList m_headers;
    OtherHeaders m_otherHeaders;
};

} // namespace gatehouse
