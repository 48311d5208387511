// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagnosticTableModel.h"

#include <QThread>

namespace gatehouse::pipeline {

DiagnosticTableModel::DiagnosticTableModel(QObject* parent)
    : RowTableModel({tr("Severity"), tr("Line"), tr("Category"), tr("Rule"), tr("Message")}, OtherHeaders::None, parent)
{ }

void DiagnosticTableModel::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (diagnostics == rows())
        return; // a keystroke that changes nothing must not reset the view's selection and scroll position
    setRows(diagnostics);
}

QVariant DiagnosticTableModel::cellData(const Diagnostic& d, const QModelIndex& index, int role) const
{
    switch (role) {
    case SeverityRole:
        return int(d.severity);
    case CategoryRole:
        return int(d.category);
    case RuleRole:
        return d.rule;
    case MessageRole:
        return d.message;
    case FileRole:
        return d.file;
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityName(d.severity);
        case LineColumn:
            return d.line > 0 ? QVariant(d.line) : QVariant(QString());
        case CategoryColumn:
            return categoryName(d.category);
        case RuleColumn:
            return d.rule;
        case MessageColumn:
            return d.message;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return d.message;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QHash<int, QByteArray> DiagnosticTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(CategoryRole, "category");
    names.insert(RuleRole, "rule");
    names.insert(MessageRole, "message");
    names.insert(FileRole, "file");
    names.insert(LineRole, "line");
    names.insert(ColumnRole, "column");
    return names;
}

} // namespace gatehouse::pipeline
