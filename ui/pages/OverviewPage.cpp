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

namespace { } // namespace

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

    const QList<WeekActivity> recent = s.weeks.mid(qMax<qsizetype>(0, s.weeks.size() - 12));
    m_barsTitle->setText(tr("Commits per week"));
    m_bars->setWeeks(recent);
    const QString branch = s.head.detached ? tr("detached HEAD") : tr("branch %1").arg(s.head.branch);
    m_repositoryFacts->setText(
        tr("%1 commits in the 12 weeks up to %2 · %3 · %4 active of %5 contributors · %6 branches · %7 tags")
            .arg(s.commitsInLastWeeks(12))
            .arg(format::date(s.commitTime), branch)
            .arg(s.contributorsInLastWeeks(12))
            .arg(s.contributors.size())
            .arg(s.branches.size())
            .arg(s.tags.size()));

    startJob(s.path, s.workTree ? QString() : s.revision);
}

void OverviewPage::showPending()
{
    for (KpiTile* tile : std::as_const(m_tiles))
        tile->setValue(QStringLiteral("…"), tr("computing"));
}

void OverviewPage::startJob(const QString& path, const QString& revision)
{
    m_summary.reset();
    showPending();
    m_status->setText(tr("Computing the scorecard, gates, security posture and delivery metrics…"));
    m_status->show();
    const scorecard::CollectOptions options = m_options;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_job.start(
        [path, revision, now, options](ProgressSink& sink) {
            return scorecard::OverviewSummary::compute(path, revision, now, &sink, options);
        },
        [this](Result<scorecard::OverviewSummary> result) {
            if (!result.ok()) {
                m_status->setText(tr("The scorecard could not be computed: %1").arg(result.error().message));
                for (KpiTile* tile : std::as_const(m_tiles))
                    tile->setValue(QStringLiteral("—"), tr("not computed"));
                Q_EMIT computeFailed(result.error().message);
                return;
            }
            applySummary(result.value());
        },
        [this](int permille, const QString& stage) {
            if (!stage.isEmpty())
                m_status->setText(tr("Computing the overview… %1 (%2 %)").arg(stage).arg(permille / 10));
        });
}

void OverviewPage::applySummary(const scorecard::OverviewSummary& s)
{
    m_summary = s;
    // Each tile opens the page it summarizes.
    m_tileLinks.clear();
    m_tileLinks.insert(m_gates,
                       s.mainPipeline ? scorecard::SourceLink::file(u"pipelines"_s, s.mainPipeline->path)
                                      : scorecard::SourceLink::toPage(u"pipelines"_s));
    m_tileLinks.insert(m_findings, scorecard::SourceLink::toPage(u"security"_s));
    m_tileLinks.insert(m_deployment,
                       s.lastProduction ? scorecard::SourceLink::tag(u"deployments"_s, s.lastProduction->tag)
                                        : scorecard::SourceLink::toPage(u"deployments"_s));
    m_tileLinks.insert(m_incident, scorecard::SourceLink::toPage(u"incidents"_s));
    m_tileLinks.insert(m_runs, scorecard::SourceLink::toPage(u"runs"_s));
    for (KpiTile* tile : std::as_const(m_tiles))
        tile->setCursor(Qt::PointingHandCursor);
    QStringList problems;
    if (!s.postureError.isEmpty())
        problems.append(tr("security posture: %1").arg(s.postureError));
    if (!s.runsError.isEmpty())
        problems.append(tr("run history: %1").arg(s.runsError));
    m_status->setText(problems.join(QStringLiteral("; ")));
    m_status->setVisible(!problems.isEmpty());

    if (s.mainPipeline) {
        m_gates->setValue(QStringLiteral("%1 / %2").arg(s.mainPipeline->passing).arg(s.mainPipeline->enabled),
                          tr("%1 · gates passing%2")
                              .arg(s.mainPipeline->path,
                                   s.pipelines > 1 ? tr(" · %1 more pipelines").arg(s.pipelines - 1) : QString()),
                          s.mainPipeline->firstProblem);
    } else {
        m_gates->setValue(QStringLiteral("—"), tr("no pipeline configuration"));
    }

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
    Q_EMIT summaryAvailable();
}

} // namespace gatehouse::ui
