// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelinesPage.h"

#include "../Theme.h"
#include "../widgets/Widgets.h"
#include "repo/RepoFormat.h"
#include "repo/RepositoryFileModel.h"
#include "repo/RepositoryLoader.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

PipelinesPage::PipelinesPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new RepositoryFileModel(RepositoryFileModel::Category::Pipelines, this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_previewTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(makeEmptyState(this, QStringLiteral("pipelinesEmpty")))
{
    setObjectName(QStringLiteral("pipelinesPage"));
    m_files = makeTable(m_model, RepositoryFileModel::SortRole, this, QStringLiteral("pipelineFiles"));
    m_files->hideColumn(RepositoryFileModel::FormatColumn);
    m_files->hideColumn(RepositoryFileModel::LastChangedColumn);
    m_files->header()->setSectionResizeMode(RepositoryFileModel::PathColumn, QHeaderView::Stretch);
    m_files->header()->setStretchLastSection(false);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(monospaceFont());
    m_preview->setTabStopDistance(QFontMetricsF(m_preview->font()).horizontalAdvance(QLatin1Char(' ')) * 2);
    m_previewTitle->setTextFormat(Qt::PlainText);

    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_preview, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_files);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({460, 740});
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Pipelines")));
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_files->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showFile(sourceRow(m_files, current.row())); });
}

void PipelinesPage::setSnapshot(const RepositorySnapshot& s)
{
    m_jobs.cancel();
    m_repoPath = s.path;
    m_revision = s.workTree ? QString() : s.commit.toString();
    m_entries = s.pipelineFiles;
    m_model->setSnapshot(s);
    m_files->resizeColumnToContents(RepositoryFileModel::KindColumn);
    const QString where = s.workTree ? tr("in the work tree") : tr("at %1").arg(s.commit.shortString());
    m_summary->setText(tr("%1 %2: GitLab CI configuration and its local includes, GitHub Actions "
                          "workflows and actions.")
                           .arg(countText(s.pipelineFiles.size(), tr("pipeline file"), tr("pipeline files")), where));
    m_empty->setText(tr("<b>No pipeline files %1.</b><br><br>Gatehouse looks for <tt>.gitlab-ci.yml</tt> (and the "
                        "local files it includes), <tt>.github/workflows/*.yml</tt> and <tt>action.yml</tt>.<br>"
                        "Add one of them, or pick another branch or tag in the revision selector.")
                         .arg(where));
    m_stack->setCurrentWidget(s.pipelineFiles.isEmpty() ? static_cast<QWidget*>(m_empty) : m_stack->widget(0));
    m_preview->clear();
    m_previewTitle->clear();
    m_previewPath.clear();
    if (!s.pipelineFiles.isEmpty())
        m_files->setCurrentIndex(m_files->model()->index(0, 0));
}

void PipelinesPage::showFile(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const PipelineFile file = m_entries.at(row);
    m_previewTitle->setText(
        tr("%1  ·  %2  ·  %3").arg(file.path, pipelineKindName(file.kind), format::size(file.size)));
    m_preview->setPlainText(tr("Reading %1…").arg(file.path));
    m_preview->setEnabled(false);
    const QString repo = m_repoPath;
    const QString revision = m_revision;
    const QString path = file.path;
    m_jobs.start([repo, revision, path](ProgressSink&) { return readRepositoryTextFile(repo, revision, path); },
                 [this, path](Result<QString> text) {
                     m_preview->setEnabled(true);
                     m_preview->setPlainText(text.ok() ? text.value()
                                                       : tr("%1 cannot be shown: %2").arg(path, text.error().message));
                     m_previewPath = path;
                     Q_EMIT previewLoaded(path);
                 });
}

} // namespace gatehouse::ui
