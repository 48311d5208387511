// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "delivery/DeliveryInspector.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace gatehouse::delivery {
class ChangelogModel;
class FileChangeModel;
} // namespace gatehouse::delivery

namespace gatehouse::ui {

class StrategyCard;

/// The selected deployment against the previous one of its environment, or against any deployment chosen in
/// "Compare with": changelog, files changed, pipeline and gate changes, and the rollout strategy in force at its
/// commit. The comparison runs in the background (DeliveryInspector); a newer selection drops the older result.
class DeploymentDetailPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentDetailPanel(QWidget* parent = nullptr);

    void setHistory(const QString& repositoryPath, const delivery::DeploymentHistory& history);
    /// Shows a deployment (index into the history) against its previous deployment; -1 clears.
    void showDeployment(int index);
    /// Shows `index` against `baseIndex` (any deployment of any environment).
    void compare(int baseIndex, int index);

    int currentIndex() const { return m_index; }
    int baseIndex() const { return m_base; }
    bool isLoading() const { return m_jobs.isRunning(); }
    const std::optional<delivery::DeploymentDetail>& detail() const { return m_detail; }

    QComboBox* baseSelector() const { return m_baseSelector; }
    QTabWidget* tabs() const { return m_tabs; }
    delivery::ChangelogModel* changelogModel() const { return m_changelog; }
    delivery::FileChangeModel* fileModel() const { return m_files; }
    QTextBrowser* gatesView() const { return m_gates; }
    StrategyCard* strategyCard() const { return m_strategy; }
    QString headline() const;

Q_SIGNALS:
    void detailLoaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void start();
    void apply(const delivery::DeploymentDetail& detail);
    void fillBaseSelector();
    QString gatesHtml(const delivery::DeploymentDetail& detail) const;

    JobTracker m_jobs{this};
    bool m_startWhenShown = false; ///< a deployment was chosen while the panel was hidden
    QString m_repositoryPath;
    delivery::DeploymentHistory m_history;
    int m_index = -1;
    int m_base = -1; ///< -1: the previous deployment of the same environment
    std::optional<delivery::DeploymentDetail> m_detail;

    QLabel* m_headline;
    QLabel* m_status;
    QComboBox* m_baseSelector;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QTabWidget* m_tabs;
    delivery::ChangelogModel* m_changelog;
    delivery::FileChangeModel* m_files;
    QTreeView* m_changelogView;
    QTreeView* m_fileView;
    QTextBrowser* m_gates;
    StrategyCard* m_strategy;
    QLabel* m_noStrategy;
};

} // namespace gatehouse::ui
