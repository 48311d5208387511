// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace gatehouse {
class RepositoryFileModel;
class ScanCommitModel;
} // namespace gatehouse

namespace gatehouse::ui {

/// Scan report files at the revision, and per commit: which commits changed reports or carry a scan note.
class SecurityPage : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QTreeView* reportView() const { return m_reports; }
    QTreeView* scanView() const { return m_scans; }
    QLabel* reportsEmptyState() const { return m_reportsEmpty; }
    QLabel* scansEmptyState() const { return m_scansEmpty; }

private:
    RepositoryFileModel* m_reportModel;
    ScanCommitModel* m_scanModel;
    QTreeView* m_reports;
    QTreeView* m_scans;
    QLabel* m_summary;
    QLabel* m_reportsTitle;
    QLabel* m_scansTitle;
    QLabel* m_reportsEmpty;
    QLabel* m_scansEmpty;
    QStackedWidget* m_reportsStack;
    QStackedWidget* m_scansStack;
};

} // namespace gatehouse::ui
