// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/workspace/BufferValidation.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace gatehouse {
namespace pipeline {
class GateTableModel;
}

/// The Gates panel: each gate of the policy with pass / fail / not applicable, its evidence, a jump to the line
/// and, where the fix is mechanical, a quick-fix button.
class GatesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GatesPanel(QWidget* parent = nullptr);

    void setValidation(const pipeline::BufferValidation& result);
    pipeline::GateTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// The gate of the selected row, empty when none.
    QString selectedGate() const;
    void selectGate(const QString& id);

Q_SIGNALS:
    void evidenceActivated(const QString& file, int line);
    void quickFixRequested(const QString& gate);

private:
    void updateButtons();

    pipeline::GateTableModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QPushButton* m_fix;
    QPushButton* m_goTo;
};

} // namespace gatehouse
