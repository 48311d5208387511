// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GatesPanel.h"

#include "pipeline/workspace/GateTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse {

using pipeline::GateState;
using pipeline::GateTableModel;

namespace {

QColor stateColor(GateState state)
{
    switch (state) {
    case GateState::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case GateState::Fail:
        return QColor(0xc6, 0x28, 0x28);
    case GateState::NotApplicable:
    case GateState::Disabled:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

/// The state as a coloured pill: colour is decided here, the model only says pass/fail/n.a.
class StateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const auto state = GateState(index.data(GateTableModel::StateRole).toInt());
        const QString text = index.data().toString();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const int width = opt.fontMetrics.horizontalAdvance(text) + 14;
        const QRect pill(opt.rect.left() + 6, opt.rect.top() + 3, width, opt.rect.height() - 6);
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor(state));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(Qt::white);
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(pill, Qt::AlignCenter, text);
        painter->restore();
    }
};

} // namespace

GatesPanel::GatesPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new GateTableModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_fix(new QPushButton(tr("Apply quick fix"), this))
    , m_goTo(new QPushButton(tr("Go to evidence"), this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(GateTableModel::StateColumn, new StateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->resizeSection(GateTableModel::StateColumn, 70);
    header->resizeSection(GateTableModel::GateColumn, 260);
    header->setSectionResizeMode(GateTableModel::EvidenceColumn, QHeaderView::Stretch);
    header->resizeSection(GateTableModel::LineColumn, 56);

    m_fix->setToolTip(tr("Apply the mechanical fix for the selected gate as one undoable edit"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_goTo);
    bar->addWidget(m_fix);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GatesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &GatesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GatesPanel::updateButtons);
    auto jump = [this](const QModelIndex& index) {
        if (index.isValid() && index.data(GateTableModel::LineRole).toInt() > 0)
            Q_EMIT evidenceActivated(index.data(GateTableModel::FileRole).toString(),
                                     index.data(GateTableModel::LineRole).toInt());
    };
    connect(m_view, &QTableView::doubleClicked, this, jump);
    connect(m_view, &QTableView::activated, this, jump);
    connect(m_goTo, &QPushButton::clicked, this, [this, jump] { jump(m_view->currentIndex()); });
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (!selectedGate().isEmpty())
            Q_EMIT quickFixRequested(selectedGate());
    });
    updateButtons();
}

void GatesPanel::setValidation(const pipeline::BufferValidation& result)
{
    m_model->setGates(result.gates, result.fixableGates);
    if (!result.parsed)
        m_summary->setText(tr("Gates are judged once the YAML parses again."));
    else if (result.gatesApplicable == 0)
        m_summary->setText(tr("No gate applies to this file."));
    else
        m_summary->setText(tr("<b>%1 of %2 gates pass</b>").arg(result.gatesPassing()).arg(result.gatesApplicable));
}

QString GatesPanel::selectedGate() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(GateTableModel::GateIdRole).toString();
}

void GatesPanel::selectGate(const QString& id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(GateTableModel::GateIdRole).toString() == id) {
            m_view->selectRow(row);
            return;
        }
    }
}

void GatesPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex index = rows.isEmpty() ? QModelIndex() : rows.constFirst();
    m_fix->setEnabled(index.isValid() && index.data(GateTableModel::HasQuickFixRole).toBool());
    m_goTo->setEnabled(index.isValid() && index.data(GateTableModel::LineRole).toInt() > 0);
}

} // namespace gatehouse
