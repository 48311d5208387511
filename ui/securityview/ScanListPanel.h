// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"
#include "security/Posture.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace gatehouse {
class RepositoryFileModel;
class ScanCommitModel;
} // namespace gatehouse

namespace gatehouse::ui {

/// The scans of the Security page: commits that changed report files or carry a scan note, the report files at the
/// revision, and the selected scan's reports, counts and the findings it opened and fixed.
class ScanListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScanListPanel(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    void setPosture(const Posture& posture);
    /// Selects the scan of `commit` and shows its details; false when the posture has no scan there.
    bool selectCommit(const QString& commit);
    QString currentCommit() const { return m_current; }

    QTreeView* reportView() const { return m_reports; }
    QTreeView* scanView() const { return m_scans; }
    QLabel* reportsEmptyState() const { return m_reportsEmpty; }
    QLabel* scansEmptyState() const { return m_scansEmpty; }
    QTextBrowser* detailsView() const { return m_details; }

Q_SIGNALS:
    /// A finding link in the details was clicked.
    void findingActivated(const QString& tool, const QString& fingerprint);

private:
    void showDetails(const QString& commit);

    RepositoryFileModel* m_reportModel;
    ScanCommitModel* m_scanModel;
    QTreeView* m_reports;
    QTreeView* m_scans;
    QLabel* m_reportsTitle;
    QLabel* m_scansTitle;
    QLabel* m_reportsEmpty;
    QLabel* m_scansEmpty;
    QStackedWidget* m_reportsStack;
    QStackedWidget* m_scansStack;
    QTextBrowser* m_details;
    Posture m_posture;
    QString m_current;
};

} // namespace gatehouse::ui
