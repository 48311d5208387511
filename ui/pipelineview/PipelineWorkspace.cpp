// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineWorkspace.h"

#include "CommitDialog.h"
#include "PipelineDocumentView.h"
#include "PipelineHistoryPanel.h"

#include "editor/AutosaveStore.h"
#include "editorview/PipelineEditor.h"
#include "git/Repository.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse {

PipelineWorkspace::PipelineWorkspace(const QString& repositoryPath, QWidget* parent)
    : QWidget(parent)
    , m_repositoryPath(QDir::cleanPath(QFileInfo(repositoryPath).absoluteFilePath()))
    , m_autosave(std::make_unique<AutosaveStore>())
    , m_tabs(new QTabWidget(this))
    , m_recoveryBar(new QWidget(this))
    , m_recoveryText(new QLabel(m_recoveryBar))
    , m_placeholder(new QLabel(this))
    , m_toolbar(new QWidget(this))
{
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) { closeDocument(index); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { Q_EMIT currentDocumentChanged(currentDocument()); });

    m_placeholder->setText(tr("Open a pipeline file from the list to edit it, see its graph and check its gates."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);

    auto* recoveryLayout = new QHBoxLayout(m_recoveryBar);
    recoveryLayout->setContentsMargins(8, 4, 8, 4);
    recoveryLayout->addWidget(m_recoveryText, 1);
    auto* recover = new QPushButton(tr("Open them"), m_recoveryBar);
    recoveryLayout->addWidget(recover);
    m_recoveryBar->setAutoFillBackground(true);
    QPalette pal = m_recoveryBar->palette();
    pal.setColor(QPalette::Window, QColor(0xe3, 0xf2, 0xfd));
    m_recoveryBar->setPalette(pal);
    connect(recover, &QPushButton::clicked, this, [this] {
        for (const QString& file : recoverableFiles())
            openFile(file);
        refreshRecoveryBar();
    });

    auto* tools = new QHBoxLayout(m_toolbar);
    tools->setContentsMargins(4, 2, 4, 2);
    auto tool = [this, tools](const QString& text, const QString& tip, auto slot) {
        auto* button = new QToolButton(m_toolbar);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, slot);
        tools->addWidget(button);
    };
    tool(tr("Save"), tr("Save the file (Ctrl+S), atomically"), [this] { saveCurrent(); });
    tool(tr("Save all"), tr("Save every modified file"), [this] { saveAll(); });
    tool(tr("Commit…"), tr("Commit this file on the current branch"), [this] { commitCurrent(); });
    tools->addStretch(1);
    m_toolbar->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_recoveryBar);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_placeholder, 1);
    m_tabs->hide();

    auto* saveAction = new QAction(tr("Save"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &PipelineWorkspace::saveCurrent);
    addAction(saveAction);
    auto* closeAction = new QAction(tr("Close"), this);
    closeAction->setShortcut(QKeySequence::Close);
    closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(closeAction, &QAction::triggered, this, [this] { closeDocument(m_tabs->currentIndex()); });
    addAction(closeAction);

    refreshRecoveryBar();
}

PipelineWorkspace::~PipelineWorkspace()
{
    // Whatever was not saved stays in the autosave store, so nothing typed is lost even without a question.
    for (int i = 0; i < documentCount(); ++i)
        document(i)->autosaveNow();
}

void PipelineWorkspace::setAutosaveDirectory(const QString& directory)
{
    m_autosave = std::make_unique<AutosaveStore>(directory);
    refreshRecoveryBar();
}

int PipelineWorkspace::documentCount() const
{
    return m_tabs->count();
}

PipelineDocumentView* PipelineWorkspace::document(int index) const
{
    return qobject_cast<PipelineDocumentView*>(m_tabs->widget(index));
}

PipelineDocumentView* PipelineWorkspace::currentDocument() const
{
    return qobject_cast<PipelineDocumentView*>(m_tabs->currentWidget());
}

int PipelineWorkspace::indexOf(const QString& relativePath, const QString& revision) const
{
    for (int i = 0; i < documentCount(); ++i) {
        if (document(i)->relativePath() == relativePath && document(i)->revision() == revision)
            return i;
    }
    return -1;
}

PipelineDocumentView* PipelineWorkspace::addDocument(PipelineDocumentView* view, const QString& title)
{
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(
        index, view->revision().isEmpty() ? view->absolutePath() : view->relativePath() % u" @ " % view->revision());
    connect(view, &PipelineDocumentView::modifiedChanged, this, [this, view] { updateTabTitle(view); });
    connect(view, &PipelineDocumentView::revisionRequested, this,
            [this, view](const QString& commit) { openRevision(commit, view->relativePath()); });
    // A merged key that came from an include: open that file at the line (same revision when read-only).
    connect(view, &PipelineDocumentView::openLocationRequested, this, [this, view](const QString& file, int line) {
        PipelineDocumentView* target
            = view->revision().isEmpty() ? openFile(file) : openRevision(view->revision(), file);
        if (target)
            target->editor()->goToLine(line);
    });
    m_tabs->setCurrentIndex(index);
    m_tabs->show();
    m_toolbar->show();
    m_placeholder->hide();
    view->editor()->setFocus();
    return view;
}

void PipelineWorkspace::updateTabTitle(PipelineDocumentView* view)
{
    const int index = m_tabs->indexOf(view);
    if (index < 0)
        return;
    QString title = QFileInfo(view->relativePath()).fileName();
    if (!view->revision().isEmpty())
        title += u" @ " % view->revision().left(10);
    if (view->isModified())
        title = u"● " % title;
    m_tabs->setTabText(index, title);
}

PipelineDocumentView* PipelineWorkspace::openFile(const QString& relativePath)
{
    const QString path = QDir::cleanPath(relativePath);
    if (const int existing = indexOf(path); existing >= 0) {
        m_tabs->setCurrentIndex(existing);
        return document(existing);
    }
    auto* view = new PipelineDocumentView(m_repositoryPath, path, m_autosave.get(), this);
    if (!view->openWorkTree()) {
        m_lastError = view->errorString();
        delete view;
        return nullptr;
    }
    addDocument(view, QFileInfo(path).fileName());
    updateTabTitle(view);
    refreshRecoveryBar();
    return view;
}

PipelineDocumentView* PipelineWorkspace::openRevision(const QString& revision, const QString& relativePath)
{
    const QString path = QDir::cleanPath(relativePath);
    // One blob read, not a history walk: cheap enough for the GUI thread.
    auto repository = git::Repository::open(m_repositoryPath);
    if (!repository.ok()) {
        m_lastError = repository.error().toString();
        return nullptr;
    }
    const auto commit = repository->resolve(revision);
    if (!commit.ok()) {
        m_lastError = commit.error().toString();
        return nullptr;
    }
    const QString label = commit->toString().left(10);
    if (const int existing = indexOf(path, label); existing >= 0) {
        m_tabs->setCurrentIndex(existing);
        return document(existing);
    }
    const auto data = repository->readFile(commit.value(), path, 8 << 20);
    if (!data.ok()) {
        m_lastError = data.error().toString();
        return nullptr;
    }
    auto* view = new PipelineDocumentView(m_repositoryPath, path, nullptr, this);
    view->openRevision(label, QString::fromUtf8(data.value()));
    addDocument(view, QFileInfo(path).fileName());
    updateTabTitle(view);
    return view;
}

bool PipelineWorkspace::saveCurrent()
{
    PipelineDocumentView* view = currentDocument();
    return view && view->save();
}

CommitDialog* PipelineWorkspace::commitCurrent()
{
    PipelineDocumentView* view = currentDocument();
    if (!view || view->isReadOnly())
        return nullptr;
    // What is committed is what is on disk too: the work tree and the new HEAD agree.
    if (view->isModified() && !view->save())
        return nullptr;
    auto* dialog = new CommitDialog(m_repositoryPath, view->relativePath(), view->editor()->toPlainText(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CommitDialog::committed, view, [view] { view->historyPanel()->reload(); });
    dialog->open();
    return dialog;
}

bool PipelineWorkspace::saveAll()
{
    bool ok = true;
    for (int i = 0; i < documentCount(); ++i) {
        if (document(i)->isModified())
            ok = document(i)->save() && ok;
    }
    return ok;
}

PipelineWorkspace::CloseAnswer PipelineWorkspace::ask(const PipelineDocumentView& document) const
{
    if (m_closeQuestion)
        return m_closeQuestion(document);
    const auto button
        = QMessageBox::question(const_cast<PipelineWorkspace*>(this), tr("Unsaved changes"),
                                tr("%1 has unsaved changes. Save them?").arg(document.relativePath()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (button == QMessageBox::Save)
        return CloseAnswer::Save;
    if (button == QMessageBox::Discard)
        return CloseAnswer::Discard;
    return CloseAnswer::Cancel;
}

bool PipelineWorkspace::closeDocument(int index)
{
    PipelineDocumentView* view = document(index);
    if (!view)
        return true;
    if (view->isModified()) {
        switch (ask(*view)) {
        case CloseAnswer::Cancel:
            return false;
        case CloseAnswer::Save:
            if (!view->save())
                return false;
            break;
        case CloseAnswer::Discard:
            view->discardAutosave();
            break;
        }
    }
    m_tabs->removeTab(index);
    // Discarded: the document must not be autosaved again by the destructor.
    view->editor()->document()->setModified(false);
    view->deleteLater();
    if (m_tabs->count() == 0) {
        m_tabs->hide();
        m_toolbar->hide();
        m_placeholder->show();
    }
    return true;
}

bool PipelineWorkspace::maybeCloseAll()
{
    for (int i = documentCount() - 1; i >= 0; --i) {
        if (!closeDocument(i))
            return false;
    }
    return true;
}

bool PipelineWorkspace::hasUnsavedChanges() const
{
    for (int i = 0; i < documentCount(); ++i) {
        if (document(i)->isModified())
            return true;
    }
    return false;
}

QStringList PipelineWorkspace::recoverableFiles() const
{
    QStringList files;
    const QDir root(m_repositoryPath);
    for (const AutosaveStore::Entry& entry : m_autosave->entries()) {
        const QString relative = root.relativeFilePath(entry.originalPath);
        if (relative.startsWith(u"../") || QDir::isAbsolutePath(relative) || indexOf(relative) >= 0)
            continue;
        files.append(relative);
    }
    return files;
}

void PipelineWorkspace::refreshRecoveryBar()
{
    const QStringList files = recoverableFiles();
    m_recoveryText->setText(tr("Unsaved changes from a previous session: %1").arg(files.join(QStringLiteral(", "))));
    m_recoveryBar->setVisible(!files.isEmpty());
}

} // namespace gatehouse
