// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/WeeklySummary.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace gatehouse {
class FindingFilterModel;
class FindingTableModel;
} // namespace gatehouse

namespace gatehouse::ui {

class FindingDetailsView;

/// The findings table of the Security page: filters (text, severity, tool, category, state, the reviewed week's new /
/// fixed / overdue), sortable columns, a details pane, triage actions and "Copy as Markdown".
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Scope
    {
        All,
        NewInWeek,
        FixedInWeek,
        OverdueAtWeekEnd
    };

    explicit FindingsPanel(QWidget* parent = nullptr);

    /// `triageWritable`: decisions can be written to the work tree's triage.yml (else the buttons explain why not).
    void setPosture(const Posture& posture, bool triageWritable);
    void setWeek(const WeeklySummary& week);
    void setScope(Scope scope);
    void setToolFilter(const QString& tool);
    void clearFilters();
    /// Selects the finding with this tool and fingerprint (after clearing filters that hide it); false if absent.
    bool selectFinding(const QString& tool, const QString& fingerprint);
    /// The finding of the current row, or nullptr.
    const FindingLifecycle* currentFinding() const;
    /// The visible rows as Markdown (what "Copy as Markdown" puts on the clipboard).
    QString markdown() const;

    QTreeView* table() const { return m_table; }
    FindingTableModel* tableModel() const { return m_model; }
    FindingFilterModel* filterModel() const { return m_filter; }
    FindingDetailsView* details() const { return m_details; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* severityFilter() const { return m_severity; }
    QComboBox* toolFilter() const { return m_tool; }
    QComboBox* categoryFilter() const { return m_category; }
    QComboBox* stateFilter() const { return m_state; }
    QComboBox* scopeFilter() const { return m_scope; }
    QPushButton* falsePositiveButton() const { return m_falsePositive; }
    QPushButton* acceptRiskButton() const { return m_acceptRisk; }
    QPushButton* copyButton() const { return m_copy; }
    QLabel* countLabel() const { return m_count; }

Q_SIGNALS:
    void triageRequested(const gatehouse::FindingLifecycle& finding, gatehouse::TriageStatus status);
    void commitActivated(const QString& commit);

private:
    void applyFilters();
    void updateDetails();
    void fillCombo(QComboBox* combo, const QStringList& items);

    FindingTableModel* m_model;
    FindingFilterModel* m_filter;
    QTreeView* m_table;
    FindingDetailsView* m_details;
    QLineEdit* m_search;
    QComboBox* m_severity;
    QComboBox* m_tool;
    QComboBox* m_category;
    QComboBox* m_state;
    QComboBox* m_scope;
    QLabel* m_count;
    QPushButton* m_falsePositive;
    QPushButton* m_acceptRisk;
    QPushButton* m_copy;
    Posture m_posture;
    WeeklySummary m_week;
    bool m_triageWritable = false;
};

} // namespace gatehouse::ui
