// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewPage.h"

#include "../overview/MetricsView.h"
#include "../overview/OverviewFormat.h"
#include "../overview/ScorecardView.h"
#include "../widgets/ActivityBars.h"
#include "../widgets/KpiTile.h"
#include "../widgets/Widgets.h"
#include "repo/RepoFormat.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gatehouse::ui {

namespace {

// "Nov 19": the year is in the tooltip and the age in the detail; a tile's value must stay short.
QString shortDate(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC().date(), QStringLiteral("MMM d"));
}

QString percent(double ratio)
{
    return QStringLiteral("%1 %").arg(ratio * 100, 0, 'f', ratio >= 0.995 ? 0 : 1);
}

// A card saying what is still being computed, with a busy bar: stands in for a section until its figures arrive.
QWidget* busyCard(const QString& objectName, const QString& text, QWidget* parent)
{
    auto* card = new QFrame(parent);
    card->setObjectName(objectName);
    overview::makeCard(card);
    auto* label = makeLabel(QStringLiteral("tileDetail"), card, text);
    label->setWordWrap(true);
    auto* bar = new QProgressBar(card);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedSize(120, 4);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);
    layout->addWidget(label);
    layout->addWidget(bar);
    card->hide();
    return card;
}

// One key per repository state shown: a complete snapshot continues the stages its partial one started.
QString snapshotKey(const RepositorySnapshot& s)
{
    return s.path + QLatin1Char('\n') + s.revision + QLatin1Char('\n') + s.commit.toString();
}

} // namespace

/// "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago": short enough for a tile's value.
QString OverviewPage::ageText(const QDateTime& time, const QDateTime& now)
{
    const qint64 days = time.toUTC().date().daysTo(now.toUTC().date());
    if (days <= 0)
        return tr("today");
    if (days == 1)
        return tr("yesterday");
    if (days < 14)
        return tr("%1 days ago").arg(days);
    if (days < 61)
        return tr("%1 weeks ago").arg(days / 7);
    return tr("%1 months ago").arg(days / 30);
}

OverviewPage::OverviewPage(QWidget* parent)
    : QWidget(parent)
    , m_title(makeLabel(QStringLiteral("pageTitle"), this))
    , m_subtitle(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_warnings(makeLabel(QStringLiteral("info"), this))
    , m_status(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_scorecardTitle(makeLabel(QStringLiteral("sectionTitle"), this, tr("12-Factor scorecard")))
    , m_scorecard(new ScorecardView(this))
    , m_metrics(new MetricsView(this))
    , m_bars(new ActivityBars(this))
    , m_barsTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_repositoryFacts(makeLabel(QStringLiteral("tileDetail"), this))
    , m_scorecardBusy(busyCard(QStringLiteral("scorecardBusy"),
                               tr("computing… the scorecard reads the whole history (deployments, scans, runs)"), this))
    , m_metricsBusy(busyCard(QStringLiteral("metricsBusy"), tr("computing… the metrics read the whole history"), this))
{
    setObjectName(QStringLiteral("overviewPage"));
    for (QLabel* label : {m_subtitle, m_warnings, m_status, m_repositoryFacts}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();
    m_status->setObjectName(QStringLiteral("overviewStatus"));

    auto* grid = new QGridLayout;
    grid->setSpacing(12);
    auto addTile = [&](const QString& objectName, const QString& caption) {
        auto* tile = new KpiTile(caption, this);
        tile->setObjectName(objectName);
        tile->setMinimumWidth(150);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // one height for the row
        grid->setColumnStretch(int(m_tiles.size()), 1);
        grid->addWidget(tile, 0, int(m_tiles.size()));
        tile->installEventFilter(this);
        m_tiles.append(tile);
        return tile;
    };
    m_gates = addTile(QStringLiteral("gatesTile"), tr("Gates · main pipeline"));
    m_findings = addTile(QStringLiteral("findingsTile"), tr("Critical / high open"));
    m_deployment = addTile(QStringLiteral("deploymentTile"), tr("Production deploy"));
    m_incident = addTile(QStringLiteral("incidentTile"), tr("Last incident"));
    m_runs = addTile(QStringLiteral("runsTile"), tr("Pipeline success"));

    connect(m_scorecard, &ScorecardView::linkActivated, this, &OverviewPage::linkActivated);
    connect(m_metrics, &MetricsView::linkActivated, this, &OverviewPage::linkActivated);

    auto* metricsColumn = new QVBoxLayout;
    metricsColumn->setSpacing(8);
    metricsColumn->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Success metrics")));
    metricsColumn->addWidget(m_metrics);
    metricsColumn->addWidget(m_metricsBusy);
    metricsColumn->addStretch(1);
    auto* activity = new QFrame(this);
    overview::makeCard(activity);
    auto* activityLayout = new QVBoxLayout(activity);
    activityLayout->setContentsMargins(16, 12, 16, 12);
    activityLayout->addWidget(m_bars);
    activityLayout->addWidget(m_repositoryFacts);
    auto* activityColumn = new QVBoxLayout;
    activityColumn->setSpacing(8);
    activityColumn->addWidget(m_barsTitle);
    activityColumn->addWidget(activity);
    activityColumn->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->setSpacing(16);
    bottom->addLayout(metricsColumn, 3);
    bottom->addLayout(activityColumn, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_warnings);
    layout->addWidget(m_status);
    layout->addSpacing(2);
    layout->addLayout(grid);
    layout->addWidget(m_scorecardTitle);
    layout->addWidget(m_scorecard);
    layout->addWidget(m_scorecardBusy);
    layout->addLayout(bottom);
    layout->addStretch(1);
    showPending();
}

bool OverviewPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto* tile = static_cast<KpiTile*>(watched);
        if (const auto link = m_tileLinks.constFind(tile); link != m_tileLinks.constEnd()) {
            Q_EMIT linkActivated(link.value());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

KpiTile* OverviewPage::tile(const QString& objectName) const
{
    for (KpiTile* tile : m_tiles) {
        if (tile->objectName() == objectName)
            return tile;
    }
    return nullptr;
}

QString OverviewPage::statusMessage() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void OverviewPage::setSnapshot(const RepositorySnapshot& s)
{
    m_title->setText(s.displayName);
    const QString revision = s.workTree ? tr("work tree") : s.revision.isEmpty() ? tr("HEAD") : s.revision;
    m_subtitle->setText(tr("%1  ·  %2 at %3 “%4”, %5")
                            .arg(displayPath(s.path), revision, s.commit.shortString(), s.commitSummary,
                                 format::dateTime(s.commitTime)));
    m_warnings->setText(tr("Loaded with %1: %2")
                            .arg(countText(s.warnings.size(), tr("warning"), tr("warnings")),
                                 s.warnings.mid(0, 3).join(QStringLiteral("; "))));
    m_warnings->setVisible(!s.warnings.isEmpty());

    const QString branch = s.head.detached ? tr("detached HEAD") : tr("branch %1").arg(s.head.branch);
    m_barsTitle->setText(tr("Commits per week"));
    m_bars->setVisible(!s.partial);
    if (s.partial) {
        m_repositoryFacts->setText(tr("%1 · %2 branches · %3 tags · computing… the history is being read")
                                       .arg(branch)
                                       .arg(s.branches.size())
                                       .arg(s.tags.size()));
    } else {
        m_bars->setWeeks(s.weeks.mid(qMax<qsizetype>(0, s.weeks.size() - 12)));
        m_repositoryFacts->setText(
            tr("%1 commits in the 12 weeks up to %2 · %3 · %4 active of %5 contributors · %6 branches · %7 tags")
                .arg(s.commitsInLastWeeks(12))
                .arg(format::date(s.commitTime), branch)
                .arg(s.contributorsInLastWeeks(12))
                .arg(s.contributors.size())
                .arg(s.branches.size())
                .arg(s.tags.size()));
    }

    const QString key = snapshotKey(s);
    const bool continues = !s.partial && key == std::exchange(m_partialKey, QString());
    if (s.partial)
        m_partialKey = key;
    if (!continues)
        startJob(s.path, s.workTree ? QString() : s.revision);
}

void OverviewPage::recompute()
{
    if (!m_path.isEmpty())
        startJob(m_path, m_revision);
}

void OverviewPage::showPending()
{
    m_gates->setBusy(tr("computing… the gates of the pipelines"));
    m_findings->setBusy(tr("computing… the security posture"));
    m_deployment->setBusy(tr("computing… deployments over the history"));
    m_incident->setBusy(tr("computing… incidents over the history"));
    m_runs->setBusy(tr("computing… the pipeline runs"));
    m_tileLinks.clear();
    for (KpiTile* tile : std::as_const(m_tiles))
        tile->unsetCursor();
    setHistoryBusy(true);
}

void OverviewPage::setHistoryBusy(bool busy)
{
    m_scorecard->setVisible(!busy);
    m_scorecardBusy->setVisible(busy);
    m_metrics->setVisible(!busy);
    m_metricsBusy->setVisible(busy);
}

void OverviewPage::setTileLink(KpiTile* tile, const scorecard::SourceLink& link)
{
    m_tileLinks.insert(tile, link);
    tile->setCursor(Qt::PointingHandCursor);
}

void OverviewPage::showFailure(const QString& message)
{
    m_status->setText(tr("The scorecard could not be computed: %1").arg(message));
    m_status->show();
    for (KpiTile* tile : std::as_const(m_tiles)) {
        if (tile->isBusy())
            tile->setValue(QStringLiteral("—"), tr("not computed"));
    }
    setHistoryBusy(false);
    Q_EMIT computeFailed(message);
}

void OverviewPage::startJob(const QString& path, const QString& revision)
{
    m_path = path;
    m_revision = revision;
    m_firstStage.reset();
    m_summary.reset();
    showPending();
    m_status->setText(tr("Computing the gates of the pipelines…"));
    m_status->show();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Stage one reads the revision alone; its delivery starts stage two in the same tracker, so a newer snapshot
    // cancels whichever stage runs and drops its result.
    m_job.start(
        [path, revision, now](ProgressSink& sink) {
            return scorecard::OverviewSummary::computeFirstStage(path, revision, now, &sink);
        },
        [this](Result<scorecard::OverviewFirstStage> result) {
            if (!result.ok()) {
                showFailure(result.error().message);
                return;
            }
            applyFirstStage(result.value().summary);
            startSecondStage(result.value());
        });
}

void OverviewPage::startSecondStage(const scorecard::OverviewFirstStage& first)
{
    m_status->setText(tr("Computing deployments, incidents, findings and the scorecard over the history…"));
    const scorecard::CollectOptions options = m_options;
    m_job.start(
        [first, options](ProgressSink& sink) {
            return scorecard::OverviewSummary::computeSecondStage(first, &sink, options);
        },
        [this](Result<scorecard::OverviewSummary> result) {
            if (!result.ok()) {
                showFailure(result.error().message);
                return;
            }
            applySummary(result.value());
        },
        [this](int permille, const QString& stage) {
            if (!stage.isEmpty())
                m_status->setText(tr("Computing the history-wide figures… %1 (%2 %)").arg(stage).arg(permille / 10));
        });
}

void OverviewPage::applyFirstStage(const scorecard::OverviewSummary& s)
{
    m_firstStage = s;
    setTileLink(m_gates,
                s.mainPipeline ? scorecard::SourceLink::file(u"pipelines"_s, s.mainPipeline->path)
                               : scorecard::SourceLink::toPage(u"pipelines"_s));
    if (s.mainPipeline) {
        m_gates->setValue(QStringLiteral("%1 / %2").arg(s.mainPipeline->passing).arg(s.mainPipeline->enabled),
                          tr("%1 · gates passing%2")
                              .arg(s.mainPipeline->path,
                                   s.pipelines > 1 ? tr(" · %1 more pipelines").arg(s.pipelines - 1) : QString()),
                          s.mainPipeline->firstProblem);
    } else {
        m_gates->setValue(QStringLiteral("—"), tr("no pipeline configuration"));
    }
    Q_EMIT firstStageAvailable();
}

void OverviewPage::applySummary(const scorecard::OverviewSummary& s)
{
    m_summary = s; // the gates tile shows the first stage's figures, which are the same
    // Each tile opens the page it summarizes.
    setTileLink(m_findings, scorecard::SourceLink::toPage(u"security"_s));
    setTileLink(m_deployment,
                s.lastProduction ? scorecard::SourceLink::tag(u"deployments"_s, s.lastProduction->tag)
                                 : scorecard::SourceLink::toPage(u"deployments"_s));
    setTileLink(m_incident, scorecard::SourceLink::toPage(u"incidents"_s));
    setTileLink(m_runs, scorecard::SourceLink::toPage(u"runs"_s));
    QStringList problems;
    if (!s.postureError.isEmpty())
        problems.append(tr("security posture: %1").arg(s.postureError));
    if (!s.runsError.isEmpty())
        problems.append(tr("run history: %1").arg(s.runsError));
    m_status->setText(problems.join(QStringLiteral("; ")));
    m_status->setVisible(!problems.isEmpty());

    if (s.posture) {
        m_findings->setValue(QStringLiteral("%1 / %2").arg(s.openCritical).arg(s.openHigh),
                             s.posture->scans.isEmpty()
                                 ? tr("no scan recorded")
                                 : tr("%1 overdue · %2 scans").arg(s.overdue).arg(s.posture->scans.size()));
    } else {
        m_findings->setValue(QStringLiteral("—"), tr("posture not computed"), s.postureError);
    }

    if (s.lastProduction) {
        const QString band = s.dora.band ? delivery::doraBandName(*s.dora.band) : tr("no band");
        m_deployment->setValue(
            shortDate(s.lastProduction->time),
            tr("%1 · %2 · DORA %3").arg(ageText(s.lastProduction->time, s.now), s.lastProduction->tag, band),
            tr("%1 · %2 production deployments; %3")
                .arg(format::dateTime(s.lastProduction->time))
                .arg(s.productionDeployments)
                .arg(s.lastProduction->message));
    } else {
        m_deployment->setValue(QStringLiteral("—"), tr("no production deployment tag"));
    }

    if (s.lastIncident) {
        const delivery::Incident& incident = *s.lastIncident;
        m_incident->setValue(shortDate(incident.time),
                             tr("%1 · %2").arg(ageText(incident.time, s.now), elided(incident.title, 34)),
                             tr("%1 incidents; the last: %2")
                                 .arg(s.incidents)
                                 .arg(incident.incident.isEmpty() ? incident.title : incident.incident));
    } else {
        m_incident->setValue(QStringLiteral("0"), tr("no postmortem, hotfix or revert"));
    }

    if (s.runs && s.runs->runs > 0 && s.runs->overall.successRate >= 0) {
        m_runs->setValue(percent(s.runs->overall.successRate), tr("%1 runs · target > 95 %").arg(s.runs->overall.runs));
    } else if (s.runs && s.runs->runs > 0) {
        m_runs->setValue(QStringLiteral("—"), tr("%1 runs, none concluded").arg(s.runs->runs));
    } else {
        m_runs->setValue(QStringLiteral("—"), s.runs ? tr("no run data imported") : tr("run history unreadable"),
                         s.runsError);
    }

    m_scorecard->setFactors(s.report.factors);
    m_metrics->setMetrics(s.report.metrics);
    setHistoryBusy(false);
    Q_EMIT summaryAvailable();
}

} // namespace gatehouse::ui
