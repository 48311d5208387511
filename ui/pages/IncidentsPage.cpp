// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentsPage.h"

#include "../delegates/BadgeDelegate.h"
#include "../widgets/Widgets.h"
#include "repo/IncidentListModel.h"
#include "repo/RepoFormat.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

IncidentsPage::IncidentsPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new IncidentListModel(this))
    , m_details(new QTextBrowser(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_empty(makeEmptyState(this, QStringLiteral("incidentsEmpty")))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("incidentsPage"));
    m_summary->setWordWrap(true);
    m_table = makeTable(m_model, IncidentListModel::SortRole, this, QStringLiteral("incidents"));
    m_table->header()->setSectionResizeMode(IncidentListModel::SummaryColumn, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(false);
    m_table->setItemDelegateForColumn(IncidentListModel::KindColumn,
                                      new BadgeDelegate(
                                          [](const QModelIndex& index) -> BadgeDelegate::Badge {
                                              const QString kind = index.data().toString();
                                              return {kind, BadgeDelegate::kindColor(kind), true};
                                          },
                                          this));
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setOpenLinks(false);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Incidents")));
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showIncident(sourceRow(m_table, current.row())); });
}

void IncidentsPage::setSnapshot(const RepositorySnapshot& s)
{
    m_incidents = s.incidents;
    m_model->setSnapshot(s);
    m_summary->setText(
        tr("%1, %2 and %3 in %4 commits of history.")
            .arg(countText(s.incidentCount(IncidentCommit::Kind::Postmortem), tr("postmortem"), tr("postmortems")),
                 countText(s.incidentCount(IncidentCommit::Kind::Hotfix), tr("hotfix"), tr("hotfixes")),
                 countText(s.incidentCount(IncidentCommit::Kind::Revert), tr("revert"), tr("reverts")))
            .arg(s.commitsWalked));
    m_empty->setText(tr("<b>No postmortem, hotfix or revert commits in the history of %1.</b><br><br>Gatehouse "
                        "recognises commits whose subject starts with <tt>postmortem(scope):</tt>, "
                        "<tt>hotfix</tt> or <tt>Revert</tt>, and reads their <tt>Incident:</tt>, "
                        "<tt>Root cause:</tt> and <tt>Fix:</tt> lines.")
                         .arg(s.commit.shortString()));
    m_stack->setCurrentIndex(s.incidents.isEmpty() ? 1 : 0);
    m_details->clear();
    for (int column :
         {int(IncidentListModel::KindColumn), int(IncidentListModel::DateColumn), int(IncidentListModel::CommitColumn)})
        m_table->resizeColumnToContents(column);
    for (int column : {int(IncidentListModel::IncidentColumn), int(IncidentListModel::RootCauseColumn),
                       int(IncidentListModel::FixColumn)})
        m_table->setColumnWidth(column, 200);
    if (!s.incidents.isEmpty())
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
}

void IncidentsPage::showIncident(int row)
{
    if (row < 0 || row >= m_incidents.size())
        return;
    const IncidentCommit& incident = m_incidents.at(row);
    auto field = [](const QString& name, const QString& value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td style='color:#5d6878;padding-right:12px'><b>%1</b></td>"
                                                "<td>%2</td></tr>")
                                     .arg(name, value.toHtmlEscaped());
    };
    QString html
        = QStringLiteral("<h3 style='margin:0'>%1</h3><p style='color:#5d6878'>%2 · %3 · %4 · %5</p><table>")
              .arg(incident.summary.toHtmlEscaped(), incidentKindName(incident.kind), incident.commit.toString(),
                   incident.author.toHtmlEscaped(), format::dateTime(incident.time));
    html += field(tr("Incident"), incident.incident) + field(tr("Root cause"), incident.rootCause)
        + field(tr("Fix"), incident.fix);
    html += QStringLiteral("</table>");
    if (!incident.factors.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const QString& factor : incident.factors)
            html += QStringLiteral("<li>%1</li>").arg(factor.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (incident.incident.isEmpty() && incident.rootCause.isEmpty() && incident.fix.isEmpty())
        html += tr("<p>This commit has no <tt>Incident:</tt>, <tt>Root cause:</tt> or <tt>Fix:</tt> lines.</p>");
    m_details->setHtml(html);
}

} // namespace gatehouse::ui
