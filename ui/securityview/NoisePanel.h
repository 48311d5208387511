// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/Posture.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace gatehouse {
class NoiseTableModel;
}

namespace gatehouse::ui {

/// The Security page's "Noise" view: per tool and rule over a window, how many findings were raised, triaged false
/// positive, accepted and fixed, and what to do with the rule. "Apply" writes the recommendation into the tool's
/// configuration in a commit (on a worker) and asks for the posture to be read again.
class NoisePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NoisePanel(QWidget* parent = nullptr);

    /// `repositoryPath` empty or `writable` false: the recommendations are shown but cannot be applied.
    void setPosture(const Posture& posture, const QString& repositoryPath, bool writable);

    NoiseTableModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QSpinBox* daysBox() const { return m_days; }
    QPushButton* applyButton() const { return m_apply; }
    QLabel* summary() const { return m_summary; }

public Q_SLOTS:
    /// Applies the selected rule's recommendation (asynchronously; see applied()).
    void applySelected();

Q_SIGNALS:
    /// After an apply: `ok` and the message to show (the commit, or why it was refused).
    void applied(bool ok, const QString& message);

private:
    void recompute();
    void updateButton();

    std::optional<Posture> m_posture;
    QString m_repositoryPath;
    bool m_writable = false;
    NoiseTableModel* m_model;
    QLabel* m_summary;
    QSpinBox* m_days;
    QTreeView* m_view;
    QPushButton* m_apply;
    QFutureWatcher<QPair<bool, QString>> m_watcher;
};

} // namespace gatehouse::ui
