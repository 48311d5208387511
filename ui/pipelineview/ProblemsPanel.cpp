// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProblemsPanel.h"

#include "editorview/PipelineEditor.h"
#include "pipeline/workspace/DiagnosticFilterModel.h"
#include "pipeline/workspace/DiagnosticTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse {

using pipeline::DiagnosticTableModel;

namespace {

/// Paints the severity as a coloured dot before its name: colour is a ui decision, the model only says which.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const auto severity = pipeline::Severity(index.data(DiagnosticTableModel::SeverityRole).toInt());
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const int size = 9;
        const QRect dot(opt.rect.left() + 6, opt.rect.center().y() - size / 2, size, size);
        painter->setPen(Qt::NoPen);
        painter->setBrush(severityColor(severity));
        painter->drawEllipse(dot);
        painter->setPen(
            opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(opt.rect.adjusted(size + 12, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.data().toString());
        painter->restore();
    }
};

} // namespace

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new DiagnosticTableModel(this))
    , m_filter(new pipeline::DiagnosticFilterModel(this))
    , m_view(new QTableView(this))
    , m_category(new QComboBox(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(DiagnosticTableModel::SeverityColumn, new SeverityDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DiagnosticTableModel::LineColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(DiagnosticTableModel::SeverityColumn, 90);
    header->resizeSection(DiagnosticTableModel::LineColumn, 56);
    header->resizeSection(DiagnosticTableModel::CategoryColumn, 80);
    header->resizeSection(DiagnosticTableModel::RuleColumn, 210);

    m_category->addItem(tr("All categories"));
    for (auto c : {pipeline::Category::Syntax, pipeline::Category::Schema, pipeline::Category::Semantic,
                   pipeline::Category::Gate})
        m_category->addItem(pipeline::categoryName(c), int(c));
    connect(m_category, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant data = m_category->itemData(index);
        m_filter->setCategoryFilter(data.isValid() ? std::optional(pipeline::Category(data.toInt())) : std::nullopt);
    });

    auto* title = new QLabel(tr("<b>Problems</b>"), this);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_category);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_view, &QTableView::clicked, this, &ProblemsPanel::activate);
    connect(m_view, &QTableView::activated, this, &ProblemsPanel::activate);
}

void ProblemsPanel::setDiagnostics(const QList<pipeline::Diagnostic>& diagnostics)
{
    m_model->setDiagnostics(diagnostics);
}

void ProblemsPanel::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    Q_EMIT diagnosticActivated(index.data(DiagnosticTableModel::FileRole).toString(),
                               index.data(DiagnosticTableModel::LineRole).toInt(),
                               index.data(DiagnosticTableModel::ColumnRole).toInt());
}

} // namespace gatehouse
