// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityPage.h"

#include "../widgets/Widgets.h"
#include "repo/RepositoryFileModel.h"
#include "repo/ScanCommitModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
QWidget* section(QWidget* parent, QLabel* title, QStackedWidget* stack)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(stack, 1);
    return box;
}
} // namespace

SecurityPage::SecurityPage(QWidget* parent)
    : QWidget(parent)
    , m_reportModel(new RepositoryFileModel(RepositoryFileModel::Category::Reports, this))
    , m_scanModel(new ScanCommitModel(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_reportsTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_scansTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_reportsEmpty(makeEmptyState(this, QStringLiteral("reportsEmpty")))
    , m_scansEmpty(makeEmptyState(this, QStringLiteral("scansEmpty")))
    , m_reportsStack(new QStackedWidget(this))
    , m_scansStack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("securityPage"));
    m_summary->setWordWrap(true);
    m_reports = makeTable(m_reportModel, RepositoryFileModel::SortRole, this, QStringLiteral("reportFiles"));
    m_reports->header()->setSectionResizeMode(RepositoryFileModel::PathColumn, QHeaderView::Stretch);
    m_reports->header()->setStretchLastSection(false);
    m_scans = makeTable(m_scanModel, ScanCommitModel::SortRole, this, QStringLiteral("scanCommits"));
    // The note (often a whole scanner report, summarised) gets the remaining width.
    m_scans->header()->setStretchLastSection(true);
    m_reportsStack->addWidget(m_reports);
    m_reportsStack->addWidget(m_reportsEmpty);
    m_scansStack->addWidget(m_scans);
    m_scansStack->addWidget(m_scansEmpty);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(section(this, m_reportsTitle, m_reportsStack));
    splitter->addWidget(section(this, m_scansTitle, m_scansStack));
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({200, 500});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Security")));
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
}

void SecurityPage::setSnapshot(const RepositorySnapshot& s)
{
    m_reportModel->setSnapshot(s);
    m_scanModel->setSnapshot(s);
    const QString where = s.workTree ? tr("in the work tree") : tr("at %1").arg(s.commit.shortString());
    m_summary->setText(tr("%1 report files %2; %3 of the last %4 commits changed reports; %5 scan notes under %6.")
                           .arg(s.reportFiles.size())
                           .arg(where)
                           .arg(s.reportChangingCommits())
                           .arg(qMin(s.commitsWalked, RepositorySnapshot::kScanHistory))
                           .arg(s.scanNotes)
                           .arg(QLatin1String(RepositorySnapshot::kScanNotesRef)));
    m_reportsTitle->setText(tr("Report files (%1)").arg(s.reportFiles.size()));
    m_scansTitle->setText(tr("Scans per commit (%1)").arg(s.scanCommits.size()));
    m_reportsEmpty->setText(tr("<b>No scan reports found under <tt>reports/</tt>, <tt>**/*.sarif</tt> or "
                               "<tt>gl-*-report.json</tt> %1.</b><br><br>Commit your scanners' output (semgrep, "
                               "trivy, gitleaks JSON or SARIF 2.1.0) under <tt>reports/</tt>, or choose a revision "
                               "that has them.")
                                .arg(where));
    m_scansEmpty->setText(tr("<b>No commit in the last %1 changed a report file, and there are no notes under "
                             "<tt>%2</tt>.</b><br><br>Scans show up here when CI commits its reports or attaches "
                             "them with <tt>git notes --ref=gatehouse-scans add</tt>.")
                              .arg(qMin(s.commitsWalked, RepositorySnapshot::kScanHistory))
                              .arg(QLatin1String(RepositorySnapshot::kScanNotesRef)));
    m_reportsStack->setCurrentIndex(s.reportFiles.isEmpty() ? 1 : 0);
    m_scansStack->setCurrentIndex(s.scanCommits.isEmpty() ? 1 : 0);
    for (int column : {int(RepositoryFileModel::KindColumn), int(RepositoryFileModel::FormatColumn),
                       int(RepositoryFileModel::SizeColumn), int(RepositoryFileModel::LastChangedColumn)})
        m_reports->resizeColumnToContents(column);
    for (int column :
         {int(ScanCommitModel::CommitColumn), int(ScanCommitModel::DateColumn), int(ScanCommitModel::ReportsColumn)})
        m_scans->resizeColumnToContents(column);
    m_scans->setColumnWidth(ScanCommitModel::SummaryColumn, 460);
}

} // namespace gatehouse::ui
