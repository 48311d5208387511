// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanListPanel.h"

#include "repo/RepositoryFileModel.h"
#include "repo/ScanCommitModel.h"
#include "widgets/Widgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

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

QString findingLink(const FindingLifecycle& f)
{
    QUrl url;
    url.setScheme(QStringLiteral("finding"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("tool"), f.finding.tool);
    query.addQueryItem(QStringLiteral("fingerprint"), f.finding.fingerprint);
    url.setQuery(query);
    return QStringLiteral("<li><b>%1</b> <a href='%2'>%3</a> <span style='color:gray'>%4</span></li>")
        .arg(severityName(f.finding.severity), url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
             (f.finding.title.isEmpty() ? f.finding.rule : f.finding.title).toHtmlEscaped(),
             f.finding.tool.toHtmlEscaped());
}

} // namespace

ScanListPanel::ScanListPanel(QWidget* parent)
    : QWidget(parent)
    , m_reportModel(new RepositoryFileModel(RepositoryFileModel::Category::Reports, this))
    , m_scanModel(new ScanCommitModel(this))
    , m_reportsTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_scansTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_reportsEmpty(makeEmptyState(this, QStringLiteral("reportsEmpty")))
    , m_scansEmpty(makeEmptyState(this, QStringLiteral("scansEmpty")))
    , m_reportsStack(new QStackedWidget(this))
    , m_scansStack(new QStackedWidget(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("scanListPanel"));
    m_reports = makeTable(m_reportModel, RepositoryFileModel::SortRole, this, QStringLiteral("reportFiles"));
    m_reports->header()->setSectionResizeMode(RepositoryFileModel::PathColumn, QHeaderView::Stretch);
    m_reports->header()->setStretchLastSection(false);
    m_scans = makeTable(m_scanModel, ScanCommitModel::SortRole, this, QStringLiteral("scanCommits"));
    m_scans->header()->setStretchLastSection(true);
    m_reportsStack->addWidget(m_reports);
    m_reportsStack->addWidget(m_reportsEmpty);
    m_scansStack->addWidget(m_scans);
    m_scansStack->addWidget(m_scansEmpty);
    m_details->setObjectName(QStringLiteral("scanDetails"));
    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(320);

    auto* lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(section(this, m_scansTitle, m_scansStack));
    lists->addWidget(section(this, m_reportsTitle, m_reportsStack));
    lists->setChildrenCollapsible(false);
    lists->setSizes({500, 200});
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(lists);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_scans->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showDetails(current.data(ScanCommitModel::CommitIdRole).toString());
            });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() != QLatin1String("finding"))
            return;
        const QUrlQuery query(url);
        Q_EMIT findingActivated(query.queryItemValue(QStringLiteral("tool"), QUrl::FullyDecoded),
                                query.queryItemValue(QStringLiteral("fingerprint"), QUrl::FullyDecoded));
    });
}

void ScanListPanel::setSnapshot(const RepositorySnapshot& s)
{
    m_reportModel->setSnapshot(s);
    m_scanModel->setSnapshot(s);
    const QString where = s.workTree ? tr("in the work tree") : tr("at %1").arg(s.commit.shortString());
    m_reportsTitle->setText(tr("Report files %1 (%2)").arg(where).arg(s.reportFiles.size()));
    m_scansTitle->setText(tr("Commits with reports or scan notes (%1)").arg(s.scanCommits.size()));
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
    m_scans->setColumnWidth(ScanCommitModel::SummaryColumn, 300);
}

void ScanListPanel::setPosture(const Posture& posture)
{
    m_posture = posture;
    if (!m_current.isEmpty())
        showDetails(m_current);
    else if (!posture.scans.isEmpty())
        showDetails(posture.scans.constLast().commit.toString());
    else
        m_details->setHtml(tr("<p style='color:gray'>No scan in the history of this revision yet.</p>"));
}

bool ScanListPanel::selectCommit(const QString& commit)
{
    auto* proxy = m_scans->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(ScanCommitModel::CommitIdRole).toString() == commit) {
            m_scans->setCurrentIndex(index);
            m_scans->scrollTo(index);
            break;
        }
    }
    showDetails(commit);
    return std::any_of(m_posture.scans.cbegin(), m_posture.scans.cend(),
                       [&](const ScanSummary& s) { return s.commit.toString() == commit; });
}

void ScanListPanel::showDetails(const QString& commit)
{
    m_current = commit;
    const auto it = std::find_if(m_posture.scans.cbegin(), m_posture.scans.cend(),
                                 [&](const ScanSummary& s) { return s.commit.toString() == commit; });
    if (it == m_posture.scans.cend()) {
        m_details->setHtml(tr("<p style='color:gray'>Commit %1 has no scan in the posture of this revision (a report "
                              "that could not be read, or a note outside the first-parent history).</p>")
                               .arg(commit.left(10)));
        return;
    }
    const ScanSummary& s = *it;
    QString h
        = tr("<h3>Scan %1</h3><p>%2</p>")
              .arg(s.commit.shortString(), s.time.toUTC().toString(QStringLiteral("dddd d MMMM yyyy, HH:mm 'UTC'")));
    QStringList open;
    for (Severity severity : allSeverities())
        open << tr("%1 %2").arg(s.open.value(severity, 0)).arg(severityName(severity));
    h += tr("<p><b>Open after this scan:</b> %1<br><b>New:</b> %2 &nbsp; <b>Fixed:</b> %3</p>")
             .arg(open.join(QStringLiteral(", ")))
             .arg(s.newFindings)
             .arg(s.fixedFindings);
    h += tr("<h4>Reports</h4><table cellspacing='0' cellpadding='3'><tr><th align='left'>Report</th>"
            "<th align='left'>Tool</th><th align='right'>Findings</th><th align='left'>From</th></tr>");
    for (const ScanSummary::Report& r : s.reports) {
        h += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td align='right'>%3</td><td>%4</td></tr>")
                 .arg(r.path.toHtmlEscaped(), r.tool.toHtmlEscaped())
                 .arg(r.findings)
                 .arg(r.fromNote ? tr("note") : tr("commit"));
    }
    h += QStringLiteral("</table>");
    QString opened;
    QString fixed;
    for (const FindingLifecycle& f : std::as_const(m_posture.findings)) {
        for (const FindingEpisode& e : f.episodes()) {
            if (e.opened.commit == s.commit)
                opened += findingLink(f);
            if (e.fixed.isValid() && e.fixed.commit == s.commit)
                fixed += findingLink(f);
        }
    }
    if (!opened.isEmpty())
        h += tr("<h4>New in this scan</h4><ul>%1</ul>").arg(opened);
    if (!fixed.isEmpty())
        h += tr("<h4>Fixed in this scan</h4><ul>%1</ul>").arg(fixed);
    m_details->setHtml(h);
}

} // namespace gatehouse::ui
