// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentsView.h"

#include "IncidentDetailPanel.h"
#include "LoadingStrip.h"
#include "TimeDelegate.h"
#include "delegates/BadgeDelegate.h"
#include "delivery/IncidentTableModel.h"
#include "widgets/Widgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace gatehouse::delivery;

IncidentsView::IncidentsView(DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_model(new IncidentTableModel(this))
    , m_searchProxy(new QSortFilterProxyModel(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_loading(new LoadingStrip(loader, tr("incidents"), this))
    , m_search(new QLineEdit(this))
    , m_kindFilter(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(makeEmptyState(this, QStringLiteral("incidentsEmpty")))
    , m_detail(new IncidentDetailPanel(this))
{
    setObjectName(QStringLiteral("incidentsView"));
    m_summary->setWordWrap(true);
    m_searchProxy->setSourceModel(m_model);
    m_searchProxy->setFilterRole(IncidentTableModel::SearchTextRole);
    m_searchProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = makeTable(m_searchProxy, IncidentTableModel::SortRole, this, QStringLiteral("incidents"));
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(IncidentTableModel::TitleColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(
        IncidentTableModel::SeverityColumn,
        new BadgeDelegate(
            [](const QModelIndex& index) -> BadgeDelegate::Badge {
                const QString severity = index.data().toString();
                if (severity.isEmpty())
                    return {};
                return {severity, BadgeDelegate::kindColor(QStringLiteral("hotfix")), true};
            },
            this));
    m_table->setItemDelegateForColumn(IncidentTableModel::DateColumn, new TimeDelegate(this));
    m_search->setObjectName(QStringLiteral("incidentSearch"));
    m_search->setPlaceholderText(tr("Search title, scope, severity, root cause, fix, factor…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(420);
    m_search->setMinimumWidth(160);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({600, 600});
    m_stack->addWidget(split);
    m_stack->addWidget(m_empty);
    m_empty->setText(tr("Open a repository to see its incidents."));
    m_stack->setCurrentWidget(m_empty);

    m_kindFilter->setObjectName(QStringLiteral("incidentKindFilter"));
    m_kindFilter->addItem(tr("Incidents"));
    m_kindFilter->addItem(tr("Reverted before release"));
    m_kindFilter->setToolTip(tr("Reverts of commits that no deployment had shipped are not incidents: they are "
                                "listed here apart and count nowhere."));

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_kindFilter);
    searchRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Incidents")));
    layout->addWidget(m_summary);
    layout->addWidget(m_loading);
    layout->addLayout(searchRow);
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, m_searchProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, &IncidentsView::showSelectedKind);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncidentsView::onCurrentRowChanged);
    connect(m_detail, &IncidentDetailPanel::deploymentRequested, this, &IncidentsView::deploymentRequested);
    connect(loader, &DeliveryLoader::loadCancelled, this, [this] {
        if (m_model->rowCount() == 0)
            m_empty->setText(tr("<b>Reading the incidents was cancelled.</b><br><br>Use File ▸ Reload (F5) to read "
                                "them again."));
    });
    connect(loader, &DeliveryLoader::loadFinished, this, &IncidentsView::onLoaded);
    connect(loader, &DeliveryLoader::cleared, this, [this] {
        onLoaded(DeliveryLoadResult{});
        m_empty->setText(tr("Open a repository to see its incidents."));
    });
    connect(loader, &DeliveryLoader::loadFailed, this, [this](const QString& message) {
        if (m_model->rowCount() > 0)
            return;
        m_empty->setText(tr("<b>Could not read the incidents.</b><br><br>%1").arg(message.toHtmlEscaped()));
        m_stack->setCurrentWidget(m_empty);
    });
    if (loader->hasResult())
        onLoaded(loader->result());
}

void IncidentsView::onLoaded(const DeliveryLoadResult& result)
{
    m_incidents = result.delivery.incidents;
    m_unshippedReverts = result.delivery.unshippedReverts;
    m_detail->setHistory(result.repositoryPath, result.delivery.history);
    m_kindFilter->setItemText(1, tr("Reverted before release (%1)").arg(m_unshippedReverts.size()));
    showSelectedKind();
    QString diagnostics;
    for (const IncidentDiagnostic& d : result.delivery.incidentDiagnostics)
        diagnostics += QStringLiteral("<br><tt>%1</tt>: %2").arg(d.path.toHtmlEscaped(), d.message.toHtmlEscaped());
    m_empty->setText(tr("<b>No incidents recorded in this repository.</b><br><br>Gatehouse finds incidents in "
                        "commits whose subject starts with <tt>postmortem(scope):</tt> or <tt>hotfix</tt>, in "
                        "reverts of commits a deployment had shipped, reading their <tt>Incident:</tt>, <tt>Root "
                        "cause:</tt>, <tt>Fix:</tt>, "
                        "<tt>Severity:</tt> and <tt>Deployment:</tt> lines, and in Markdown postmortems under "
                        "<tt>postmortems/</tt> or <tt>docs/postmortems/</tt>.<br>Write one after your next "
                        "incident: it links to the deployment it blames and counts in the DORA figures.%1")
                         .arg(diagnostics));
}

void IncidentsView::showSelectedKind()
{
    const bool unshipped = m_kindFilter->currentIndex() == 1;
    const QList<Incident>& incidents = unshipped ? m_unshippedReverts : m_incidents;
    m_model->setSnapshot(incidents);
    int linked = 0;
    for (const Incident& incident : incidents)
        linked += incident.blamedDeployment.isEmpty() ? 0 : 1;
    if (unshipped)
        m_summary->setText(tr("%1 of commits that no deployment had shipped: not incidents, not counted in DORA.")
                               .arg(countText(incidents.size(), tr("revert"), tr("reverts"))));
    else
        m_summary->setText(incidents.isEmpty()
                               ? QString()
                               : tr("%1 from postmortem and hotfix commits, reverts of deployed commits and "
                                    "postmortem documents; %2 linked to the deployment they blame.")
                                     .arg(countText(incidents.size(), tr("incident"), tr("incidents")))
                                     .arg(linked));
    m_stack->setCurrentIndex(incidents.isEmpty() ? 1 : 0);
    // Narrow fixed columns leave the title the room (the headers are wider than their values).
    m_table->resizeColumnToContents(IncidentTableModel::DateColumn);
    m_table->setColumnWidth(IncidentTableModel::ScopeColumn, 90);
    m_table->setColumnWidth(IncidentTableModel::SeverityColumn, 72);
    m_table->setColumnWidth(IncidentTableModel::TimeToRestoreColumn, 110);
    // Newest first is what someone on call looks for.
    m_table->sortByColumn(IncidentTableModel::DateColumn, Qt::DescendingOrder);
    if (m_table->model()->rowCount() > 0)
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
}

bool IncidentsView::selectIncident(int incidentIndex)
{
    // Links name incidents, never reverts of unshipped work.
    if (m_kindFilter->currentIndex() != 0)
        m_kindFilter->setCurrentIndex(0);
    if (!m_model->incidentAt(incidentIndex))
        return false;
    auto find = [this, incidentIndex]() {
        const QAbstractItemModel* view = m_table->model();
        for (int row = 0; row < view->rowCount(); ++row) {
            if (view->index(row, 0).data(IncidentTableModel::IncidentIndexRole).toInt() == incidentIndex)
                return row;
        }
        return -1;
    };
    int row = find();
    if (row < 0) {
        m_search->clear();
        row = find();
    }
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_table->model()->index(row, 0));
    m_table->scrollTo(m_table->currentIndex());
    return true;
}

void IncidentsView::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.data(IncidentTableModel::IncidentIndexRole).toInt() : -1;
    m_detail->showIncident(m_model->incidentAt(row));
}

} // namespace gatehouse::ui
