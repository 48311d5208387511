// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "delivery/DeliveryInspector.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace gatehouse::delivery {
class ChangelogModel;
class FileChangeModel;
} // namespace gatehouse::delivery

namespace gatehouse::ui {

/// One incident: the postmortem rendered as Markdown, links to the blamed, last good and fixing
/// deployments, what changed between the last good deployment and the blamed one, and the fix commit's diff. The
/// git work runs in the background (DeliveryInspector); a newer selection drops the older result.
class IncidentDetailPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentDetailPanel(QWidget* parent = nullptr);

    void setHistory(const QString& repositoryPath, const delivery::DeploymentHistory& history);
    /// Shows an incident; nullptr clears.
    void showIncident(const delivery::Incident* incident);

    bool isLoading() const { return m_jobs.isRunning(); }
    const std::optional<delivery::IncidentDetail>& detail() const { return m_detail; }

    QLabel* titleLabel() const { return m_title; }
    QTextBrowser* postmortem() const { return m_postmortem; }
    QLabel* links() const { return m_links; }
    QTabWidget* tabs() const { return m_tabs; }
    delivery::ChangelogModel* whatChangedModel() const { return m_changelog; }
    delivery::FileChangeModel* whatChangedFiles() const { return m_files; }
    QPlainTextEdit* fixDiff() const { return m_diff; }

Q_SIGNALS:
    void deploymentRequested(const QString& tag);
    void detailLoaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void start();
    void apply(const delivery::IncidentDetail& detail);
    QString deploymentLink(int index) const;

    JobTracker m_jobs{this};
    QString m_repositoryPath;
    delivery::DeploymentHistory m_history;
    std::optional<delivery::Incident> m_incident;
    bool m_startWhenShown = false; ///< an incident was chosen while the panel was hidden
    std::optional<delivery::IncidentDetail> m_detail;

    QLabel* m_title;
    QLabel* m_meta;
    QLabel* m_links;
    QTabWidget* m_tabs;
    QTextBrowser* m_postmortem;
    QLabel* m_changedSummary;
    delivery::ChangelogModel* m_changelog;
    delivery::FileChangeModel* m_files;
    QTreeView* m_changelogView;
    QTreeView* m_fileView;
    QLabel* m_fixSummary;
    QPlainTextEdit* m_diff;
};

} // namespace gatehouse::ui
