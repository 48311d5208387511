// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingsPanel.h"

#include "FindingDetailsView.h"
#include "charts/ChartTheme.h"
#include "delegates/BadgeDelegate.h"
#include "security/FindingFilterModel.h"
#include "security/FindingTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

QComboBox* combo(QWidget* parent, const QString& name, const QString& tip)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->setToolTip(tip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

/// Dates without the time of day: the table stays narrow, the details pane has the exact times.
class DateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant& value, const QLocale& locale) const override
    {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
        return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd"))
                              : QStyledItemDelegate::displayText(value, locale);
    }
};

QString stateLabel(FindingState state)
{
    return findingStateName(state).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

FindingsPanel::FindingsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new FindingTableModel(this))
    , m_filter(new FindingFilterModel(this))
    , m_table(new QTreeView(this))
    , m_details(new FindingDetailsView(this))
    , m_search(new QLineEdit(this))
    , m_severity(combo(this, QStringLiteral("severityFilter"), tr("Severity")))
    , m_tool(combo(this, QStringLiteral("toolFilter"), tr("Tool")))
    , m_category(combo(this, QStringLiteral("categoryFilter"), tr("Category")))
    , m_state(combo(this, QStringLiteral("stateFilter"), tr("State")))
    , m_scope(combo(this, QStringLiteral("scopeFilter"), tr("Findings of the reviewed week")))
    , m_count(new QLabel(this))
    , m_falsePositive(new QPushButton(tr("False positive…"), this))
    , m_acceptRisk(new QPushButton(tr("Accept risk…"), this))
    , m_copy(new QPushButton(tr("Copy as Markdown"), this))
{
    setObjectName(QStringLiteral("findingsPanel"));
    m_filter->setSourceModel(m_model);
    m_search->setObjectName(QStringLiteral("findingSearch"));
    m_search->setPlaceholderText(tr("Filter by rule, title, path, package, CVE…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    m_severity->addItem(tr("All severities"));
    for (Severity s : allSeverities())
        m_severity->addItem(severityName(s), int(s));
    m_state->addItem(tr("All states"));
    for (FindingState s :
         {FindingState::Open, FindingState::Fixed, FindingState::FalsePositive, FindingState::Accepted})
        m_state->addItem(stateLabel(s), int(s));
    m_state->addItem(tr("overdue"), -1);
    m_scope->addItem(tr("Whole history"), int(Scope::All));
    m_scope->addItem(tr("New in the week"), int(Scope::NewInWeek));
    m_scope->addItem(tr("Fixed in the week"), int(Scope::FixedInWeek));
    m_scope->addItem(tr("Overdue at the week's end"), int(Scope::OverdueAtWeekEnd));
    m_count->setObjectName(QStringLiteral("findingCount"));
    m_count->setProperty("role", QStringLiteral("pageSubtitle"));

    m_table->setObjectName(QStringLiteral("findingTable"));
    m_table->setModel(m_filter);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAllColumnsShowFocus(true);
    m_table->sortByColumn(FindingTableModel::SeverityColumn, Qt::DescendingOrder);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(FindingTableModel::TitleColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(
        FindingTableModel::SeverityColumn,
        new BadgeDelegate(
            [this](const QModelIndex& index) {
                const auto s = Severity(index.data(FindingTableModel::SeverityRole).toInt());
                return BadgeDelegate::Badge{severityName(s).toUpper(), ChartTheme::severityColor(s, palette()), true};
            },
            this));
    m_table->setItemDelegateForColumn(
        FindingTableModel::StateColumn,
        new BadgeDelegate(
            [this](const QModelIndex& index) {
                const auto state = FindingState(index.data(FindingTableModel::StateRole).toInt());
                const bool overdue = index.data(FindingTableModel::OverdueRole).toBool();
                QColor color = ChartTheme::seriesColor(0, palette());
                if (overdue)
                    color = ChartTheme::badColor(palette());
                else if (state == FindingState::Fixed)
                    color = ChartTheme::goodColor(palette());
                else if (state != FindingState::Open)
                    color = ChartTheme::severityColor(Severity::Info, palette());
                return BadgeDelegate::Badge{overdue ? tr("overdue") : stateLabel(state), color, true};
            },
            this));

    // First-seen and due dates are in the details pane; a right click on the header brings any column back.
    m_table->setColumnHidden(FindingTableModel::FirstSeenColumn, true);
    m_table->setColumnHidden(FindingTableModel::DueColumn, true);
    m_table->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->header(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        for (int column = 0; column < FindingTableModel::ColumnCount; ++column) {
            QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_table->isColumnHidden(column));
            action->setEnabled(column != FindingTableModel::TitleColumn);
            connect(action, &QAction::toggled, this,
                    [this, column](bool on) { m_table->setColumnHidden(column, !on); });
        }
        menu.exec(m_table->header()->mapToGlobal(pos));
    });
    m_table->setItemDelegateForColumn(FindingTableModel::FirstSeenColumn, new DateDelegate(this));
    m_table->setItemDelegateForColumn(FindingTableModel::DueColumn, new DateDelegate(this));

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_search, 2);
    for (QComboBox* box : {m_severity, m_tool, m_category, m_state, m_scope})
        filters->addWidget(box);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    for (QPushButton* button : {m_falsePositive, m_acceptRisk, m_copy}) {
        button->setProperty("role", QStringLiteral("secondary"));
        actions->addWidget(button);
    }
    m_falsePositive->setObjectName(QStringLiteral("falsePositiveButton"));
    m_acceptRisk->setObjectName(QStringLiteral("acceptRiskButton"));
    m_copy->setObjectName(QStringLiteral("copyMarkdownButton"));
    m_copy->setToolTip(tr("Copies the selected findings (or all listed ones) as a Markdown table."));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, &FindingsPanel::applyFilters);
    for (QComboBox* box : {m_severity, m_tool, m_category, m_state, m_scope})
        connect(box, &QComboBox::currentIndexChanged, this, &FindingsPanel::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsPanel::updateDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FindingsPanel::updateDetails);
    connect(m_details, &FindingDetailsView::commitActivated, this, &FindingsPanel::commitActivated);
    connect(m_falsePositive, &QPushButton::clicked, this, [this] {
        if (const FindingLifecycle* f = currentFinding())
            Q_EMIT triageRequested(*f, TriageStatus::FalsePositive);
    });
    connect(m_acceptRisk, &QPushButton::clicked, this, [this] {
        if (const FindingLifecycle* f = currentFinding())
            Q_EMIT triageRequested(*f, TriageStatus::AcceptedRisk);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(markdown()); });
    updateDetails();
}

void FindingsPanel::fillCombo(QComboBox* box, const QStringList& items)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const QString& item : items)
        box->addItem(item, item);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void FindingsPanel::setPosture(const Posture& posture, bool triageWritable)
{
    const FindingLifecycle* before = currentFinding();
    const QString tool = before ? before->finding.tool : QString();
    const QString fingerprint = before ? before->finding.fingerprint : QString();
    m_posture = posture;
    m_triageWritable = triageWritable;
    QStringList tools;
    QStringList categories;
    for (const FindingLifecycle& f : posture.findings) {
        if (!tools.contains(f.finding.tool))
            tools << f.finding.tool;
        if (!categories.contains(categoryName(f.finding.category)))
            categories << categoryName(f.finding.category);
    }
    tools.sort();
    categories.sort();
    if (m_tool->count() == 0)
        m_tool->addItem(tr("All tools"));
    if (m_category->count() == 0)
        m_category->addItem(tr("All categories"));
    fillCombo(m_tool, tools);
    fillCombo(m_category, categories);
    m_model->setSnapshot(posture);
    for (int column : {int(FindingTableModel::SeverityColumn), int(FindingTableModel::StateColumn),
                       int(FindingTableModel::ToolColumn), int(FindingTableModel::FirstSeenColumn),
                       int(FindingTableModel::AgeColumn), int(FindingTableModel::DueColumn)})
        m_table->resizeColumnToContents(column);
    m_table->setColumnWidth(FindingTableModel::RuleColumn, 160);
    m_table->setColumnWidth(FindingTableModel::LocationColumn, 170);
    m_table->setColumnWidth(FindingTableModel::AgeColumn, 80);
    applyFilters();
    if (!fingerprint.isEmpty())
        selectFinding(tool, fingerprint);
}

void FindingsPanel::setWeek(const WeeklySummary& week)
{
    m_week = week;
    applyFilters();
}

void FindingsPanel::setScope(Scope scope)
{
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(int(scope))));
}

void FindingsPanel::setToolFilter(const QString& tool)
{
    m_tool->setCurrentIndex(std::max(0, m_tool->findData(tool)));
}

void FindingsPanel::clearFilters()
{
    for (QComboBox* box : {m_severity, m_tool, m_category, m_state, m_scope}) {
        const QSignalBlocker blocker(box);
        box->setCurrentIndex(0);
    }
    const QSignalBlocker blocker(m_search);
    m_search->clear();
    applyFilters();
}

bool FindingsPanel::selectFinding(const QString& tool, const QString& fingerprint)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex index = m_filter->index(row, 0);
            if (index.data(FindingTableModel::ToolRole).toString() == tool
                && index.data(FindingTableModel::FingerprintRole).toString() == fingerprint) {
                m_table->setCurrentIndex(index);
                m_table->scrollTo(index);
                return true;
            }
        }
        clearFilters();
    }
    return false;
}

const FindingLifecycle* FindingsPanel::currentFinding() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return nullptr;
    return m_model->lifecycleAt(m_filter->mapToSource(index).row());
}

QString FindingsPanel::markdown() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.size() > 1) {
        for (const QModelIndex& index : selected)
            rows << m_filter->mapToSource(index).row();
        std::sort(rows.begin(), rows.end());
    } else {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            rows << m_filter->mapToSource(m_filter->index(row, 0)).row();
    }
    if (rows.isEmpty())
        return {};
    return m_model->toMarkdown(rows);
}

void FindingsPanel::applyFilters()
{
    FindingFilterModel::Filter filter;
    filter.text = m_search->text();
    const QVariant severity = m_severity->currentData();
    filter.severity = severity.isValid() ? std::optional<Severity>(Severity(severity.toInt())) : std::nullopt;
    filter.tool = m_tool->currentData().toString();
    filter.category = categoryFromName(m_category->currentData().toString());
    const QVariant state = m_state->currentData();
    filter.overdueOnly = state.isValid() && state.toInt() < 0;
    filter.state = state.isValid() && state.toInt() >= 0 ? std::optional<FindingState>(FindingState(state.toInt()))
                                                         : std::nullopt;
    m_filter->setFilter(filter); // one pass for the whole change
    const auto scope = Scope(m_scope->currentData().toInt());
    const QList<WeeklyFinding>* listed = scope == Scope::NewInWeek ? &m_week.newFindings
        : scope == Scope::FixedInWeek                              ? &m_week.fixedFindings
        : scope == Scope::OverdueAtWeekEnd                         ? &m_week.overdue
                                                                   : nullptr;
    if (listed) {
        QSet<QString> keys;
        for (const WeeklyFinding& f : *listed)
            keys.insert(f.finding.tool + QLatin1Char('\x1f') + f.finding.fingerprint);
        QSet<int> rows;
        for (int row = 0; row < m_posture.findings.size(); ++row) {
            const Finding& f = m_posture.findings.at(row).finding;
            if (keys.contains(f.tool + QLatin1Char('\x1f') + f.fingerprint))
                rows.insert(row);
        }
        m_filter->setRows(rows);
    } else {
        m_filter->setRows(std::nullopt);
    }
    const QString week = m_week.week.isValid() ? m_week.week.toString() : tr("the week");
    m_scope->setItemText(1, tr("New in %1").arg(week));
    m_scope->setItemText(2, tr("Fixed in %1").arg(week));
    m_scope->setItemText(3, tr("Overdue at the end of %1").arg(week));
    m_count->setText(tr("%1 of %2 findings").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0));
    updateDetails();
}

void FindingsPanel::updateDetails()
{
    const FindingLifecycle* f = currentFinding();
    m_details->setFinding(f, f ? Triage(m_posture.triage).matching(f->finding) : QList<TriageEntry>(), m_posture.now);
    const bool present = f && f->state != FindingState::Fixed;
    for (QPushButton* button : {m_falsePositive, m_acceptRisk}) {
        button->setEnabled(present && m_triageWritable);
        button->setToolTip(!m_triageWritable ? tr("Decisions are written to .gatehouse/triage.yml in the work tree: "
                                                  "open the work tree (not a revision) to triage.")
                               : !present    ? tr("Select a finding that is still reported.")
                                             : tr("Records a decision in .gatehouse/triage.yml."));
    }
    m_copy->setEnabled(m_filter->rowCount() > 0);
}

} // namespace gatehouse::ui
