// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoisePanel.h"

#include "security/tuning/NoiseTableModel.h"
#include "security/tuning/TuningApplier.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gatehouse::ui {

NoisePanel::NoisePanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new NoiseTableModel(this))
    , m_summary(new QLabel(this))
    , m_days(new QSpinBox(this))
    , m_view(new QTreeView(this))
    , m_apply(new QPushButton(tr("Apply recommendation…"), this))
{
    setObjectName(QStringLiteral("noisePanel"));
    m_summary->setObjectName(QStringLiteral("noiseSummary"));
    m_summary->setWordWrap(true);
    m_days->setObjectName(QStringLiteral("noiseDays"));
    m_days->setRange(7, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    m_apply->setObjectName(QStringLiteral("applyTuning"));
    m_apply->setToolTip(tr("Writes the rule's exclusion into the tool's own configuration (.trivyignore, "
                           ".gitleaksignore, .bandit, sonar-project.properties, the semgrep command) and commits it "
                           "with the reason."));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(NoiseTableModel::SortRole);
    m_view->setObjectName(QStringLiteral("noiseView"));
    m_view->setModel(proxy);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the model's order: noisiest first

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(new QLabel(tr("Window:"), this));
    top->addWidget(m_days);
    top->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_days, &QSpinBox::valueChanged, this, &NoisePanel::recompute);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NoisePanel::updateButton);
    connect(m_apply, &QPushButton::clicked, this, &NoisePanel::applySelected);
    connect(&m_watcher, &QFutureWatcher<QPair<bool, QString>>::finished, this, [this] {
        const auto [ok, message] = m_watcher.result();
        updateButton();
        Q_EMIT applied(ok, message);
    });
    updateButton();
}

void NoisePanel::setPosture(const Posture& posture, const QString& repositoryPath, bool writable)
{
    m_posture = posture;
    m_repositoryPath = repositoryPath;
    m_writable = writable && !repositoryPath.isEmpty();
    recompute();
}

void NoisePanel::recompute()
{
    if (!m_posture)
        return;
    // A pass over the posture's findings: cheap enough for the GUI thread, unlike reading the history.
    const TuningReport report = ScanTuning::analyse(*m_posture, m_days->value());
    m_model->setReport(report);
    int noisy = 0;
    for (const RuleNoise& rule : report.rules)
        noisy += rule.advice != TuningAdvice::Keep ? 1 : 0;
    m_summary->setText(report.rules.isEmpty()
                           ? tr("No findings were raised in the last %1 days.").arg(report.days)
                           : tr("%1 rule(s) raised findings in the last %2 days; %3 look like noise.")
                                 .arg(report.rules.size())
                                 .arg(report.days)
                                 .arg(noisy));
    updateButton();
}

void NoisePanel::updateButton()
{
    const auto* proxy = static_cast<QSortFilterProxyModel*>(m_view->model());
    const QModelIndex current = proxy->mapToSource(m_view->currentIndex());
    const RuleNoise* rule = current.isValid() ? m_model->rule(current.row()) : nullptr;
    const bool applicable
        = rule && rule->advice != TuningAdvice::Keep && !TuningApplier::configPath(rule->tool).isEmpty();
    m_apply->setEnabled(applicable && m_writable && !m_watcher.isRunning());
}

void NoisePanel::applySelected()
{
    const auto* proxy = static_cast<QSortFilterProxyModel*>(m_view->model());
    const QModelIndex current = proxy->mapToSource(m_view->currentIndex());
    const RuleNoise* rule = current.isValid() ? m_model->rule(current.row()) : nullptr;
    if (!rule || !m_writable || m_watcher.isRunning())
        return;
    m_apply->setEnabled(false);
    // The worker takes values and opens its own repository.
    m_watcher.setFuture(QtConcurrent::run([path = m_repositoryPath, noise = *rule]() -> QPair<bool, QString> {
        auto commit = TuningApplier::apply(path, noise);
        if (!commit)
            return {false, commit.error().toString()};
        return {true,
                QObject::tr("Committed %1: %2 %3 rule %4 in %5.")
                    .arg(commit->shortString(), tuningAdviceName(noise.advice), noise.tool, noise.rule,
                         TuningApplier::configPath(noise.tool))};
    }));
}

} // namespace gatehouse::ui
