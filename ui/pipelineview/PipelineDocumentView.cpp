// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineDocumentView.h"

#include "GatesPanel.h"
#include "MergedConfigurationView.h"
#include "PipelineGraphView.h"
#include "PipelineHistoryPanel.h"
#include "ProblemsPanel.h"

#include "editor/AutosaveStore.h"
#include "editor/DocumentFile.h"
#include "editorview/FindReplaceBar.h"
#include "editorview/PipelineEditor.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/workspace/LiveValidator.h"
#include "pipeline/workspace/QuickFix.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse {

using pipeline::BufferValidation;
using pipeline::Diagnostic;

namespace {
constexpr int AutosaveDelayMs = 3000;
}

PipelineDocumentView::PipelineDocumentView(const QString& repositoryPath, const QString& relativePath,
                                           AutosaveStore* autosave, QWidget* parent)
    : QWidget(parent)
    , m_repositoryPath(repositoryPath)
    , m_relativePath(relativePath)
    , m_autosave(autosave)
    , m_validator(new pipeline::LiveValidator(this))
    , m_editor(new PipelineEditor(this))
    , m_find(new FindReplaceBar(m_editor, this))
    , m_graph(new PipelineGraphView(this))
    , m_merged(new MergedConfigurationView(this))
    , m_sideTabs(new QTabWidget(this))
    , m_problems(new ProblemsPanel(this))
    , m_gates(new GatesPanel(this))
    , m_history(new PipelineHistoryPanel(repositoryPath, relativePath, this))
    , m_bottomTabs(new QTabWidget(this))
    , m_status(new QLabel(this))
    , m_notice(new QWidget(this))
    , m_noticeText(new QLabel(m_notice))
    , m_autosaveTimer(new QTimer(this))
{
    buildUi();
    m_validator->setPath(relativePath);
    m_validator->setTextProvider([this] { return m_editor->toPlainText(); });
    connect(m_validator, &pipeline::LiveValidator::validated, this, &PipelineDocumentView::applyValidation);
    connect(m_editor->document(), &QTextDocument::contentsChanged, m_validator,
            &pipeline::LiveValidator::scheduleValidation);
    // The autosave is dropped by save() and discard, not here: setPlainText() also reports "unmodified".
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &PipelineDocumentView::modifiedChanged);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        if (m_autosave && isModified())
            m_autosaveTimer->start();
    });
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(AutosaveDelayMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &PipelineDocumentView::autosaveNow);
    connect(m_editor, &PipelineEditor::cursorLineChanged, this, &PipelineDocumentView::syncGraphSelection);
    connect(m_editor, &PipelineEditor::cursorLineChanged, this, &PipelineDocumentView::updateStatus);
    connect(m_editor, &PipelineEditor::findRequested, m_find, &FindReplaceBar::activate);
    connect(m_graph, &PipelineGraphView::jobActivated, this, [this](const QString& file, int line) {
        if (file.isEmpty() || file == m_relativePath)
            m_editor->goToLine(line);
    });
    connect(m_gates, &GatesPanel::evidenceActivated, this, [this](const QString& file, int line) {
        if (file.isEmpty() || file == m_relativePath)
            m_editor->goToLine(line);
    });
    connect(m_gates, &GatesPanel::quickFixRequested, this, &PipelineDocumentView::applyQuickFix);
    connect(m_problems, &ProblemsPanel::diagnosticActivated, this, [this](const QString& file, int line, int column) {
        if ((file.isEmpty() || file == m_relativePath) && line > 0)
            m_editor->goToLine(line, column);
    });
}

PipelineDocumentView::~PipelineDocumentView() = default;

void PipelineDocumentView::buildUi()
{
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(8, 4, 8, 4);
    m_noticeText->setWordWrap(true);
    noticeLayout->addWidget(m_noticeText, 1);
    m_notice->setAutoFillBackground(true);
    QPalette pal = m_notice->palette();
    pal.setColor(QPalette::Window, QColor(0xff, 0xf8, 0xe1));
    m_notice->setPalette(pal);
    m_notice->hide();

    auto* editorPane = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_find);
    editorLayout->addWidget(m_editor, 1);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(editorPane);
    top->addWidget(buildGraphPane());
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_problems, tr("Problems"));
    m_bottomTabs->addTab(m_gates, tr("Gates"));
    m_bottomTabs->addTab(m_history, tr("History"));
    connect(m_history, &PipelineHistoryPanel::revisionActivated, this, &PipelineDocumentView::revisionRequested);
    vertical->addWidget(m_bottomTabs);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({600, 190});

    m_status->setContentsMargins(8, 3, 8, 3);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_status);
    m_status->setText(tr("Validating…"));
}

QWidget* PipelineDocumentView::buildGraphPane()
{
    auto* pane = new QWidget(this);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->setSpacing(2);
    auto* title = new QLabel(tr("<b>Graph</b>"), pane);
    bar->addWidget(title);
    bar->addStretch(1);
    auto button = [pane, bar](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(pane);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        QObject::connect(b, &QToolButton::clicked, pane, slot);
        bar->addWidget(b);
        return b;
    };
    button(QStringLiteral("−"), tr("Zoom out (Ctrl+wheel, Ctrl+-)"), [this] { m_graph->zoomBy(1 / 1.25); });
    button(QStringLiteral("+"), tr("Zoom in (Ctrl+wheel, Ctrl++)"), [this] { m_graph->zoomBy(1.25); });
    button(tr("Fit"), tr("Fit the graph in the view (Ctrl+0)"),
           [this] { m_graph->fitToView(PipelineGraphView::FitAll); });
    button(tr("1:1"), tr("Actual size"), [this] { m_graph->resetZoom(); });
    button(tr("Export…"), tr("Save the graph as PNG or SVG"), [this] { exportGraph(); });
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_graph, 1);

    connect(m_merged, &MergedConfigurationView::originActivated, this, [this](const QString& file, int line) {
        if (file.isEmpty() || file == m_relativePath) {
            m_sideTabs->setCurrentIndex(0);
            m_editor->goToLine(line);
        } else {
            Q_EMIT openLocationRequested(file, line);
        }
    });

    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(pane, tr("Graph"));
    m_sideTabs->addTab(m_merged, tr("Full configuration"));
    connect(m_sideTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_sideTabs->widget(index) == m_merged)
            m_merged->ensureRendered();
    });
    return m_sideTabs;
}

PipelineEditor* PipelineDocumentView::mergedView() const
{
    return m_merged->editor();
}

void PipelineDocumentView::goToMergedOrigin(int line)
{
    const pipeline::SourceRef origin = m_merged->origin(line);
    if (origin.line == 0)
        return;
    if (origin.file.isEmpty() || origin.file == m_relativePath) {
        m_sideTabs->setCurrentIndex(0);
        m_editor->goToLine(origin.line);
    } else {
        Q_EMIT openLocationRequested(origin.file, origin.line);
    }
}

QString PipelineDocumentView::absolutePath() const
{
    return QDir(m_repositoryPath).filePath(m_relativePath);
}

bool PipelineDocumentView::isReadOnly() const
{
    return m_editor->isReadOnly();
}

bool PipelineDocumentView::isModified() const
{
    return m_editor->document()->isModified();
}

bool PipelineDocumentView::openWorkTree()
{
    if (!m_file) {
        m_file = new DocumentFile(absolutePath(), this);
        connect(m_file, &DocumentFile::externallyChanged, this, &PipelineDocumentView::onExternalChange);
        connect(m_file, &DocumentFile::externallyRemoved, this, [this] {
            showNotice(tr("%1 was deleted or moved on disk. Saving will create it again.").arg(m_relativePath), {});
        });
    }
    const Result<QString> text = m_file->load();
    if (!text.ok()) {
        m_error = text.error().toString();
        return false;
    }
    m_validator->setFileSourceFactory(pipeline::workTreeSource(m_repositoryPath));
    m_editor->setPipelineKind(pipeline::detectKind(m_relativePath, text.value().left(64 * 1024).toUtf8()));
    m_editor->setPlainText(text.value());
    m_editor->document()->setModified(false);
    if (m_autosave) {
        const auto entry = m_autosave->find(absolutePath());
        if (entry && entry->text != text.value()) {
            // Put the recovered text in as an edit, so Ctrl+Z gets back to the disk version.
            QTextCursor cursor(m_editor->document());
            cursor.select(QTextCursor::Document);
            cursor.insertText(entry->text);
            showNotice(tr("Recovered unsaved changes from %1 (the session ended before they were saved).")
                           .arg(QLocale().toString(entry->savedAt.toLocalTime(), QLocale::ShortFormat)),
                       {{tr("Discard them"),
                         [this] {
                             m_editor->document()->undo();
                             m_editor->document()->setModified(false);
                             discardAutosave();
                             hideNotice();
                         }},
                        {tr("Keep"), [this] { hideNotice(); }}});
        } else if (entry) {
            m_autosave->remove(absolutePath());
        }
    }
    m_validator->validateNow();
    return true;
}

void PipelineDocumentView::openRevision(const QString& revision, const QString& text)
{
    m_revision = revision;
    m_validator->setFileSourceFactory(pipeline::revisionSource(m_repositoryPath, revision));
    m_editor->setPipelineKind(pipeline::detectKind(m_relativePath, text.left(64 * 1024).toUtf8()));
    m_editor->setPlainText(text);
    m_editor->setReadOnly(true);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->document()->setModified(false);
    showNotice(tr("%1 at %2 (read-only).").arg(m_relativePath, revision), {});
    m_validator->validateNow();
}

bool PipelineDocumentView::save()
{
    if (isReadOnly() || !m_file)
        return false;
    const Status status = m_file->save(m_editor->toPlainText());
    if (!status.ok()) {
        m_error = status.error().toString();
        showNotice(tr("Could not save: %1. Your text is kept here and in the autosave.").arg(m_error), {});
        autosaveNow();
        return false;
    }
    m_error.clear();
    m_editor->document()->setModified(false);
    m_autosaveTimer->stop();
    if (m_autosave)
        m_autosave->remove(absolutePath());
    hideNotice();
    Q_EMIT saved();
    return true;
}

void PipelineDocumentView::reloadFromDisk()
{
    if (!m_file)
        return;
    const Result<QString> text = m_file->load();
    if (!text.ok()) {
        showNotice(tr("Could not reload: %1").arg(text.error().toString()), {});
        return;
    }
    QTextCursor cursor(m_editor->document());
    const int line = m_editor->currentLine();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text.value());
    m_editor->document()->setModified(false);
    m_editor->goToLine(line);
    hideNotice();
}

void PipelineDocumentView::onExternalChange()
{
    if (!isModified()) {
        // Nothing of the user's to lose: follow the disk, as an undoable edit.
        reloadFromDisk();
        showNotice(tr("%1 was changed by another program and has been reloaded (Ctrl+Z restores the previous "
                      "text).")
                       .arg(m_relativePath),
                   {{tr("OK"), [this] { hideNotice(); }}});
        return;
    }
    showNotice(tr("%1 was changed by another program. You have unsaved changes.").arg(m_relativePath),
               {{tr("Reload (keeps your text on the undo stack)"), [this] { reloadFromDisk(); }},
                {tr("Keep my version"), [this] {
                     m_file->acknowledgeDiskState();
                     hideNotice();
                 }}});
}

void PipelineDocumentView::autosaveNow()
{
    if (m_autosave && isModified() && !isReadOnly())
        (void)m_autosave->store(absolutePath(), m_editor->toPlainText());
}

void PipelineDocumentView::discardAutosave()
{
    if (m_autosave)
        m_autosave->remove(absolutePath());
}

void PipelineDocumentView::showNotice(const QString& text,
                                      const QList<std::pair<QString, std::function<void()>>>& actions)
{
    qDeleteAll(m_noticeButtons);
    m_noticeButtons.clear();
    m_noticeText->setText(text);
    for (const auto& [label, action] : actions) {
        auto* button = new QPushButton(label, m_notice);
        connect(button, &QPushButton::clicked, this, action);
        m_notice->layout()->addWidget(button);
        m_noticeButtons.append(button);
    }
    m_notice->show();
}

void PipelineDocumentView::hideNotice()
{
    // Deferred: this often runs from one of the buttons being deleted.
    for (QPushButton* button : std::as_const(m_noticeButtons))
        button->deleteLater();
    m_noticeButtons.clear();
    m_noticeText->clear();
    m_notice->hide();
}

QString PipelineDocumentView::noticeText() const
{
    return m_notice->isVisibleTo(const_cast<PipelineDocumentView*>(this)) ? m_noticeText->text() : QString();
}

void PipelineDocumentView::applyValidation(const BufferValidation& result)
{
    m_last = result;
    m_hasResult = true;
    if (result.model.kind != pipeline::PipelineKind::Unknown)
        m_editor->setPipelineKind(result.model.kind);
    QList<Diagnostic> own;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.file.isEmpty() || d.file == m_relativePath)
            own.append(d);
    }
    m_editor->setDiagnostics(own);
    m_problems->setDiagnostics(result.diagnostics);
    m_gates->setValidation(result);
    if (result.parsed)
        m_merged->setConfiguration(result.merged);
    m_bottomTabs->setTabText(
        0, result.diagnostics.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(result.diagnostics.size()));
    m_bottomTabs->setTabText(1,
                             result.parsed && result.gatesApplicable > 0
                                 ? tr("Gates %1/%2").arg(result.gatesPassing()).arg(result.gatesApplicable)
                                 : tr("Gates"));
    if (result.parsed)
        m_graph->setGraph(result.layout);
    else
        m_graph->setStale(true, result.failureReason);
    syncGraphSelection(m_editor->currentLine());
    updateStatus();
    Q_EMIT validated();
}

bool PipelineDocumentView::applyQuickFix(const QString& gate)
{
    if (isReadOnly() || !m_hasResult)
        return false;
    if (m_validator->isPending()) {
        // Lines may have moved since the last check: check again first.
        m_validator->validateNow();
        return false;
    }
    const auto fix = pipeline::quickFixForGate(gate, m_last, m_editor->toPlainText());
    if (!fix)
        return false;
    QTextDocument* document = m_editor->document();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    const QTextBlock first = document->findBlockByNumber(fix->edit.line - 1);
    if (first.isValid()) {
        cursor.setPosition(first.position());
        if (fix->edit.removeLines > 0) {
            const QTextBlock last = document->findBlockByNumber(fix->edit.line - 2 + fix->edit.removeLines);
            cursor.setPosition(last.isValid() ? last.position() + last.length() - 1 : document->characterCount() - 1,
                               QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
            cursor.insertText(fix->edit.insertLines.join(u'\n'));
        } else {
            cursor.insertText(fix->edit.insertLines.join(u'\n') + u'\n');
        }
    } else {
        // Past the end: append.
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(u'\n' + fix->edit.insertLines.join(u'\n'));
    }
    cursor.endEditBlock();
    m_editor->goToLine(fix->edit.line);
    m_status->setText(tr("Applied: %1 (Ctrl+Z undoes it)").arg(fix->title));
    return true;
}

void PipelineDocumentView::syncGraphSelection(int line)
{
    if (!m_hasResult || !m_last.parsed)
        return;
    const int job = pipeline::jobAtLine(m_last.model, m_last.topLevelKeyLines, m_relativePath, line);
    int card = -1;
    for (int i = 0; i < m_last.layout.cards.size() && job >= 0; ++i) {
        if (m_last.layout.cards.at(i).job == job) {
            card = i;
            break;
        }
    }
    m_graph->selectCard(card);
}

QString PipelineDocumentView::formatStatus(const BufferValidation& result)
{
    QStringList parts;
    if (result.errors == 0 && result.warnings == 0)
        parts << tr("No problems");
    if (result.errors > 0)
        parts << (result.errors == 1 ? tr("1 error") : tr("%1 errors").arg(result.errors));
    if (result.warnings > 0)
        parts << (result.warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(result.warnings));
    if (!result.parsed)
        parts << tr("YAML does not parse");
    else if (result.gatesApplicable > 0)
        parts << tr("gates %1/%2").arg(result.gatesPassing()).arg(result.gatesApplicable);
    return parts.join(QStringLiteral(" · "));
}

QString PipelineDocumentView::statusText() const
{
    return m_status->text();
}

void PipelineDocumentView::updateStatus()
{
    if (!m_hasResult)
        return;
    QString text = formatStatus(m_last);
    text += QStringLiteral("   —   ")
        + (m_graph->jobCount() == 1 ? tr("1 job") : tr("%1 jobs").arg(m_graph->jobCount())) + QStringLiteral(" · ")
        + tr("Ln %1").arg(m_editor->currentLine()) + QStringLiteral(" · ")
        + tr("checked in %1 ms").arg(m_last.elapsedMs);
    m_status->setText(text);
}

void PipelineDocumentView::exportGraph()
{
    QString selectedFilter;
    const QString base = QDir::home().filePath(QFileInfo(m_relativePath).completeBaseName() + QStringLiteral("-graph"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), base + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(u".svg", Qt::CaseInsensitive) ? m_graph->exportSvg(path) : m_graph->exportPng(path);
    if (!ok)
        showNotice(tr("Could not export the graph to %1.").arg(path), {});
}

} // namespace gatehouse
