// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineHistoryPanel.h"

#include "common/JobTracker.h"
#include "pipeline/workspace/PipelineHistoryModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse {

using pipeline::PipelineHistoryModel;

namespace {

/// Gate regressions get a red tint: the commit a reviewer is looking for.
class RegressionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(PipelineHistoryModel::RegressionRole).toBool()) {
            option->backgroundBrush = QColor(0xff, 0xeb, 0xee);
            if (index.column() == PipelineHistoryModel::GatesColumn) {
                option->palette.setColor(QPalette::Text, QColor(0xb7, 0x1c, 0x1c));
                option->font.setBold(true);
            }
        }
    }
};

QString sparkline(const QList<pipeline::WeeklyChurn>& churn, int weeks)
{
    static const QString bars = QStringLiteral("▁▂▃▄▅▆▇█");
    int max = 1;
    const qsizetype from = qMax<qsizetype>(0, churn.size() - weeks);
    for (qsizetype i = from; i < churn.size(); ++i)
        max = qMax(max, churn.at(i).commits);
    QString line;
    for (qsizetype i = from; i < churn.size(); ++i)
        line += churn.at(i).commits == 0 ? QChar(u' ') : bars.at(qMin(7, (churn.at(i).commits * 7 + max - 1) / max));
    return line;
}

} // namespace

PipelineHistoryPanel::PipelineHistoryPanel(const QString& repositoryPath, const QString& relativePath, QWidget* parent)
    : QWidget(parent)
    , m_repositoryPath(repositoryPath)
    , m_relativePath(relativePath)
    , m_model(new PipelineHistoryModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_job(std::make_unique<JobTracker>(this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RegressionDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->resizeSection(PipelineHistoryModel::TimeColumn, 130);
    header->resizeSection(PipelineHistoryModel::AuthorColumn, 130);
    header->resizeSection(PipelineHistoryModel::SummaryColumn, 300);
    header->resizeSection(PipelineHistoryModel::ChangesColumn, 260);
    header->setStretchLastSection(true);
    m_summary->setContentsMargins(6, 3, 6, 3);
    m_summary->setText(tr("History loads when shown."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT revisionActivated(index.data(PipelineHistoryModel::CommitRole).toString());
    });
}

PipelineHistoryPanel::~PipelineHistoryPanel() = default;

QString PipelineHistoryPanel::summaryText() const
{
    return m_summary->text();
}

void PipelineHistoryPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_requested)
        reload();
}

void PipelineHistoryPanel::reload()
{
    m_requested = true;
    m_summary->setText(tr("Reading the history of %1…").arg(m_relativePath));
    const QString repository = m_repositoryPath;
    const QString path = m_relativePath;
    m_job->start(
        [repository, path](ProgressSink& sink) {
            return pipeline::pipelineHistory(repository, path, QStringLiteral("HEAD"), 150, &sink);
        },
        [this](Result<pipeline::PipelineHistory> result) {
            m_loaded = true;
            if (!result.ok()) {
                m_summary->setText(tr("No history: %1").arg(result.error().toString()));
                m_model->setHistory({});
            } else {
                const pipeline::PipelineHistory& history = result.value();
                m_model->setHistory(history);
                const int regressions = int(history.regressions().size());
                QString text = tr("%1 commits%2 · %3 authors touched CI")
                                   .arg(history.revisions.size())
                                   .arg(history.truncated ? tr(" (newest shown)") : QString())
                                   .arg(history.authors);
                if (regressions > 0)
                    text += QStringLiteral(" · <b style='color:#b71c1c'>")
                        + (regressions == 1 ? tr("1 gate regression") : tr("%1 gate regressions").arg(regressions))
                        + QStringLiteral("</b>");
                if (!history.churn.isEmpty())
                    text += tr(" · commits per week (last %1): <tt>%2</tt>")
                                .arg(qMin<qsizetype>(26, history.churn.size()))
                                .arg(sparkline(history.churn, 26).toHtmlEscaped());
                m_summary->setText(text);
            }
            Q_EMIT loaded();
        });
}

} // namespace gatehouse
