// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include <QWidget>

class QComboBox;
class QTableView;

namespace gatehouse {
namespace pipeline {
class DiagnosticFilterModel;
class DiagnosticTableModel;
} // namespace pipeline

/// The Problems list under the editor: severity, line, category, rule, message; a category filter; clicking
/// (or Enter on) a row reports its position.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget* parent = nullptr);

    void setDiagnostics(const QList<pipeline::Diagnostic>& diagnostics);
    pipeline::DiagnosticTableModel* model() const { return m_model; }
    pipeline::DiagnosticFilterModel* filterModel() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QComboBox* categoryFilter() const { return m_category; }

Q_SIGNALS:
    void diagnosticActivated(const QString& file, int line, int column);

private:
    void activate(const QModelIndex& index);

    pipeline::DiagnosticTableModel* m_model;
    pipeline::DiagnosticFilterModel* m_filter;
    QTableView* m_view;
    QComboBox* m_category;
};

} // namespace gatehouse
