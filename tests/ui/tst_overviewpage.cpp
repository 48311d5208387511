// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Dashboard.h"
#include "ScratchRepository.h"
#include "Theme.h"
#include "demo/DemoRepository.h"
#include "editorview/PipelineEditor.h"
#include "git/Repository.h"
#include "overview/MetricsView.h"
#include "overview/ScorecardView.h"
#include "overview/SourcePreviewDialog.h"
#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"
#include "pipeline/workspace/BufferValidation.h"
#include "pipelineview/PipelineDocumentView.h"
#include "pipelineview/PipelineWorkspace.h"
#include "repo/RepoFormat.h"
#include "repo/RepositoryLoader.h"
#include "runs/RunStore.h"
#include "widgets/KpiTile.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimeZone>
#include <QWaitCondition>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using namespace Qt::StringLiterals;

// The Overview on the demo repository (offscreen): its scorecard equals `gatehouse scorecard`, its tiles show the
// demo's figures as the other commands print them, its links jump to the right page, and run metrics appear once
// runs are imported (in a scratch store, never the user's).
class TestOverviewPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;
    RepositorySnapshot m_snapshot;

    // Runs the real binary with an empty data dir (no imported runs, like the page's scratch store).
    QJsonObject cli(const QStringList& arguments)
    {
        return gatehouse::test::CliRunner()
            .setEnvironment(u"XDG_DATA_HOME"_s, m_dir.path() + u"/cli-data"_s)
            .setEnvironment(u"XDG_CACHE_HOME"_s, m_dir.path() + u"/cli-cache"_s)
            .run(arguments)
            .json();
    }

    static scorecard::CollectOptions scratchOptions(const QString& runStore) { return {runStore, u"-"_s, {}}; }

    // Where the second stage waits until the test opens it: a blocking wait on the worker, never a timed sleep.
    struct Latch
    {
        QMutex mutex;
        QWaitCondition condition;
        bool open = false;
        void wait()
        {
            QMutexLocker locker(&mutex);
            while (!open)
                condition.wait(&mutex);
        }
        void release()
        {
            QMutexLocker locker(&mutex);
            open = true;
            condition.wakeAll();
        }
    };

    // A small repository with a GitLab pipeline and a release tag, its pipeline different per `variant`.
    static void fillScratch(test::ScratchRepository& scratch, const QByteArray& variant)
    {
        scratch.commit(
            u"ci: add the pipeline"_s,
            {{u".gitlab-ci.yml"_s, "stages: [test]\ntest:\n  stage: test\n  script: [make " + variant + "]\n"}});
        const git::ObjectId release = scratch.commit(u"feat: one"_s, {{u"a.txt"_s, variant}});
        scratch.tag(u"v1.0.0"_s, release, u"release"_s);
    }

    static QStringList historyWideTiles()
    {
        return {u"findingsTile"_s, u"deploymentTile"_s, u"incidentTile"_s, u"runsTile"_s};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        applyTheme(*qApp);
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.path() + u"/demo"_s;
        QVERIFY(DemoRepository::create(m_demo).ok());
        RepositoryLoader loader;
        QSignalSpy spy(&loader, &RepositoryLoader::snapshotAvailable);
        loader.load(m_demo);
        QVERIFY(spy.wait(60000));
        m_snapshot = spy.first().first().value<RepositorySnapshot>();
    }

    void scorecardEqualsTheCommandLine()
    {
        if (!QFileInfo::exists(QStringLiteral(GATEHOUSE_BINARY)))
            QSKIP("the gatehouse binary is not built");
        QTemporaryDir store;
        OverviewPage page;
        page.resize(1200, 900);
        page.setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(&page, &OverviewPage::summaryAvailable);
        page.setSnapshot(m_snapshot);
        QVERIFY(page.isComputing());
        QCOMPARE(page.tiles().first()->value(), u"…"_s);
        QVERIFY(delivered.wait(120000));
        QVERIFY(!page.isComputing());
        QVERIFY(page.statusMessage().isEmpty());

        const QJsonObject json = cli({u"scorecard"_s, u"--repo"_s, m_demo, u"--format"_s, u"json"_s});
        const QJsonArray factors = json.value(u"factors"_s).toArray();
        QCOMPARE(factors.size(), 12);
        ScorecardView* view = page.scorecardView();
        QCOMPARE(view->factors().size(), 12);
        for (int row = 0; row < 12; ++row) {
            const QJsonObject factor = factors.at(row).toObject();
            QCOMPARE(view->factors().at(row).id, factor.value(u"id"_s).toString());
            QCOMPARE(view->statusText(row), factor.value(u"status"_s).toString());
            // X counts the last 30 days up to "now", which differs by the seconds between the two runs.
            if (factor.value(u"id"_s).toString() != u"X"_s)
                QCOMPARE(view->evidenceLabel(row)->text(), factor.value(u"evidence"_s).toString());
            const QJsonObject source = factor.value(u"source"_s).toObject();
            const scorecard::SourceLink& link = view->factors().at(row).link;
            QCOMPARE(scorecard::sourceKindName(link.kind), source.value(u"kind"_s).toString());
            QCOMPARE(link.page, source.value(u"page"_s).toString());
            QVERIFY(!view->linkButton(row)->text().isEmpty());
        }
        // The demo is measured everywhere: no factor is n.a.
        for (int row = 0; row < 12; ++row)
            QVERIFY2(view->statusText(row) != u"n.a."_s, qPrintable(view->factors().at(row).id));

        const QJsonArray metrics = json.value(u"metrics"_s).toArray();
        MetricsView* table = page.metricsView();
        QCOMPARE(table->metrics().size(), metrics.size());
        for (const QJsonValue& value : metrics) {
            const QJsonObject metric = value.toObject();
            const int row = table->rowOf(metric.value(u"name"_s).toString());
            QVERIFY2(row >= 0, qPrintable(metric.value(u"name"_s).toString()));
            const QJsonValue met = metric.value(u"met"_s);
            QCOMPARE(table->metText(row), met.isNull() ? u"no data"_s : met.toBool() ? u"met"_s : u"not met"_s);
            QCOMPARE(table->actualText(row) == u"—"_s, metric.value(u"actual"_s).isNull());
        }
        QCOMPARE(table->actualText(table->rowOf(u"scan coverage"_s)), u"100 %"_s);
        // The demo carries a run history in refs/notes/gatehouse-runs, so the run metrics have data.
        QVERIFY(table->metText(table->rowOf(u"pipeline success rate"_s)) != u"no data"_s);
    }

    void tilesShowTheDemosFigures()
    {
        if (!QFileInfo::exists(QStringLiteral(GATEHOUSE_BINARY)))
            QSKIP("the gatehouse binary is not built");
        QTemporaryDir store;
        OverviewPage page;
        page.setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(&page, &OverviewPage::summaryAvailable);
        page.setSnapshot(m_snapshot);
        QVERIFY(delivered.wait(120000));

        const QJsonObject posture = cli({u"posture"_s, u"--repo"_s, m_demo, u"--format"_s, u"json"_s});
        const QJsonObject open = posture.value(u"summary"_s).toObject().value(u"open"_s).toObject();
        QCOMPARE(page.tile(u"findingsTile"_s)->value(),
                 u"%1 / %2"_s.arg(open.value(u"critical"_s).toInt()).arg(open.value(u"high"_s).toInt()));

        const QJsonObject deployments
            = cli({u"deployments"_s, u"--repo"_s, m_demo, u"--env"_s, u"production"_s, u"--format"_s, u"json"_s});
        const QJsonObject last = deployments.value(u"deployments"_s).toArray().last().toObject();
        const QDateTime deployed = QDateTime::fromString(last.value(u"time"_s).toString(), Qt::ISODate);
        QCOMPARE(page.tile(u"deploymentTile"_s)->value(), QLocale::c().toString(deployed.toUTC().date(), u"MMM d"_s));
        QVERIFY2(page.tile(u"deploymentTile"_s)->detail().contains(last.value(u"tag"_s).toString()),
                 qPrintable(page.tile(u"deploymentTile"_s)->detail()));
        const QString band = deployments.value(u"dora"_s).toObject().value(u"band"_s).toString();
        QVERIFY(page.tile(u"deploymentTile"_s)->detail().endsWith(u"DORA "_s + band));

        const QJsonArray incidents
            = cli({u"incidents"_s, u"--repo"_s, m_demo, u"--format"_s, u"json"_s}).value(u"incidents"_s).toArray();
        QVERIFY(!incidents.isEmpty());
        QDateTime latest;
        for (const QJsonValue& incident : incidents)
            latest = qMax(latest, QDateTime::fromString(incident.toObject().value(u"time"_s).toString(), Qt::ISODate));
        QCOMPARE(page.tile(u"incidentTile"_s)->value(), QLocale::c().toString(latest.toUTC().date(), u"MMM d"_s));

        // The main pipeline is the GitLab one; its gates as the summary counted them, all enabled ones passing.
        const auto& main = page.summary()->mainPipeline;
        QVERIFY(main);
        QCOMPARE(main->path, u".gitlab-ci.yml"_s);
        QVERIFY(main->enabled > 0);
        QCOMPARE(page.tile(u"gatesTile"_s)->value(), u"%1 / %2"_s.arg(main->passing).arg(main->enabled));
        // ... which is what the pipeline editor's Gates tab says for that file.
        QFile gitlab(m_demo + u"/.gitlab-ci.yml"_s);
        QVERIFY(gitlab.open(QIODevice::ReadOnly));
        const pipeline::BufferValidation editor
            = pipeline::validateBuffer(gitlab.readAll(), u".gitlab-ci.yml"_s, pipeline::workTreeSource(m_demo)());
        QCOMPARE(main->enabled, editor.gatesApplicable);
        QCOMPARE(main->passing, editor.gatesPassing());
        QVERIFY2(page.tile(u"runsTile"_s)->value().endsWith(u" %"_s), qPrintable(page.tile(u"runsTile"_s)->value()));
        QVERIFY(page.tile(u"runsTile"_s)->detail() != u"no run data imported"_s);
    }

    void runMetricsAppearWithImportedRuns()
    {
        // 19 green runs and one red: 95 % is not above the 95 % target.
        QTemporaryDir store;
        const Result<git::Repository> repository = git::Repository::open(m_demo);
        QVERIFY(repository.ok());
        runs::RunStore runStore(runs::RunStore::storePath(repository->gitDir(), store.path()));
        QList<runs::Run> history;
        const QDateTime start(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
        for (int i = 0; i < 20; ++i) {
            runs::Run run;
            run.source = u"gitlab"_s;
            run.id = QString::number(500 + i);
            run.name = u"parcel-api"_s;
            run.sha = m_snapshot.head.commit.toString();
            run.branch = u"main"_s;
            run.status = i == 7 ? runs::RunStatus::Failed : runs::RunStatus::Success;
            run.started = start.addSecs(3600 * i);
            run.created = run.started;
            run.finished = run.started.addSecs(420);
            run.durationSeconds = 420;
            history.append(run);
        }
        runStore.merge(history);
        QVERIFY(runStore.save().ok());
        // Only the scratch store's runs: drop the demo's archived run history (no later test uses it).
        QCOMPARE(
            QProcess::execute(u"git"_s, {u"-C"_s, m_demo, u"update-ref"_s, u"-d"_s, u"refs/notes/gatehouse-runs"_s}),
            0);

        OverviewPage page;
        page.setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(&page, &OverviewPage::summaryAvailable);
        page.setSnapshot(m_snapshot);
        QVERIFY(delivered.wait(120000));
        QCOMPARE(page.tile(u"runsTile"_s)->value(), u"95.0 %"_s);
        MetricsView* table = page.metricsView();
        const int success = table->rowOf(u"pipeline success rate"_s);
        QCOMPARE(table->actualText(success), u"95.0 %"_s);
        QCOMPARE(table->metText(success), u"not met"_s);
        const int feedback = table->rowOf(u"pipeline feedback time"_s);
        QCOMPARE(table->actualText(feedback), u"7 min"_s);
        QCOMPARE(table->metText(feedback), u"met"_s);
    }

    void staleResultsAreDropped()
    {
        QTemporaryDir store;
        QTemporaryDir other;
        QVERIFY(DemoRepository::create(other.path() + u"/second"_s).ok());
        OverviewPage page;
        page.setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(&page, &OverviewPage::summaryAvailable);
        page.setSnapshot(m_snapshot);
        RepositorySnapshot second = m_snapshot;
        second.path = other.path() + u"/second"_s;
        page.setSnapshot(second);
        QVERIFY(delivered.wait(120000));
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(page.summary()->repositoryPath, second.path);
        QVERIFY(!page.isComputing());
    }

    // The partial snapshot starts the stages; the gates (the revision alone) show while the history-wide stage is
    // held; the complete snapshot of the same load continues the stages; releasing the hold completes every tile.
    void cheapTilesShowBeforeTheHistoryWideOnes()
    {
        test::ScratchRepository scratch;
        fillScratch(scratch, "test");
        auto latch = std::make_shared<Latch>();
        auto release = qScopeGuard([latch] { latch->release(); }); // never leave a worker waiting
        QTemporaryDir store;
        OverviewPage page;
        page.resize(1200, 900);
        scorecard::CollectOptions options = scratchOptions(store.path());
        options.beforeHistoryWide = [latch] { latch->wait(); };
        page.setCollectOptions(options);
        QSignalSpy first(&page, &OverviewPage::firstStageAvailable);
        QSignalSpy complete(&page, &OverviewPage::summaryAvailable);

        RepositoryLoader loader;
        QList<RepositorySnapshot> loaded;
        connect(&loader, &RepositoryLoader::partialSnapshotAvailable, this,
                [&loaded](const RepositorySnapshot& s) { loaded.append(s); });
        connect(&loader, &RepositoryLoader::snapshotAvailable, this,
                [&loaded](const RepositorySnapshot& s) { loaded.append(s); });
        loader.load(scratch.path());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY(loaded.first().partial);
        page.setSnapshot(loaded.first());
        for (KpiTile* tile : page.tiles()) {
            QVERIFY2(tile->isBusy(), qPrintable(tile->objectName()));
            QCOMPARE(tile->value(), u"…"_s);
            QVERIFY2(tile->detail().startsWith(u"computing"_s), qPrintable(tile->detail()));
        }

        QTRY_COMPARE_WITH_TIMEOUT(first.size(), 1, 30000);
        QVERIFY(page.isComputing());
        QVERIFY(!page.summary());
        const auto& main = page.firstStage()->mainPipeline;
        QVERIFY(main);
        QCOMPARE(main->path, u".gitlab-ci.yml"_s);
        KpiTile* gates = page.tile(u"gatesTile"_s);
        QVERIFY(!gates->isBusy());
        QCOMPARE(gates->value(), u"%1 / %2"_s.arg(main->passing).arg(main->enabled));
        for (const QString& name : historyWideTiles()) {
            QVERIFY2(page.tile(name)->isBusy(), qPrintable(name));
            QCOMPARE(page.tile(name)->value(), u"…"_s);
        }
        QVERIFY(page.scorecardView()->isHidden());
        QVERIFY(!page.findChild<QWidget*>(u"scorecardBusy"_s)->isHidden());

        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 30000);
        QVERIFY(!loaded.last().partial);
        page.setSnapshot(loaded.last());
        QVERIFY(!gates->isBusy()); // continued, not started again
        QVERIFY(page.isComputing());

        latch->release();
        QTRY_COMPARE_WITH_TIMEOUT(complete.size(), 1, 60000);
        QCOMPARE(first.size(), 1);
        QVERIFY(page.summary()->complete);
        for (KpiTile* tile : page.tiles()) {
            QVERIFY2(!tile->isBusy(), qPrintable(tile->objectName()));
            QVERIFY2(tile->value() != u"…"_s, qPrintable(tile->objectName()));
        }
        QVERIFY(!page.scorecardView()->isHidden());
        QVERIFY(page.findChild<QWidget*>(u"scorecardBusy"_s)->isHidden());
        QCOMPARE(page.scorecardView()->factors().size(), 12);

        // Staged or whole, the figures are the same.
        const auto whole = scorecard::OverviewSummary::compute(scratch.path(), {}, page.summary()->now, nullptr,
                                                               scratchOptions(store.path()));
        QVERIFY(whole.ok());
        QCOMPARE(page.summary()->productionDeployments, whole->productionDeployments);
        QCOMPARE(page.summary()->incidents, whole->incidents);
        QCOMPARE(page.summary()->mainPipeline->passing, whole->mainPipeline->passing);
        QCOMPARE(page.summary()->report.factors.size(), whole->report.factors.size());
        for (int i = 0; i < whole->report.factors.size(); ++i)
            QCOMPARE(page.summary()->report.factors.at(i).status, whole->report.factors.at(i).status);
    }

    // A second repository opened while the first one's history-wide stage is held: the first one's stage results,
    // delivered later, never reach the page.
    void staleStageResultsAreDropped()
    {
        test::ScratchRepository firstRepository;
        fillScratch(firstRepository, "one");
        test::ScratchRepository secondRepository;
        fillScratch(secondRepository, "two");
        const Result<RepositorySnapshot> a = loadRepositorySnapshot(firstRepository.path(), {});
        const Result<RepositorySnapshot> b = loadRepositorySnapshot(secondRepository.path(), {});
        QVERIFY(a.ok() && b.ok());
        auto latch = std::make_shared<Latch>();
        auto release = qScopeGuard([latch] { latch->release(); });
        // Two held stages take two workers; the second repository's first stage needs a third even on one core.
        JobTracker::pool()->setMaxThreadCount(qMax(JobTracker::pool()->maxThreadCount(), 3));
        QTemporaryDir store;
        OverviewPage page;
        scorecard::CollectOptions options = scratchOptions(store.path());
        options.beforeHistoryWide = [latch] { latch->wait(); };
        page.setCollectOptions(options);
        QSignalSpy first(&page, &OverviewPage::firstStageAvailable);
        QSignalSpy complete(&page, &OverviewPage::summaryAvailable);

        page.setSnapshot(a.value());
        QTRY_COMPARE_WITH_TIMEOUT(first.size(), 1, 30000); // the first repository's second stage is now held
        QCOMPARE(page.firstStage()->repositoryPath, a->path);
        page.setSnapshot(b.value());
        QVERIFY(page.tile(u"gatesTile"_s)->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(first.size(), 2, 30000);
        QCOMPARE(page.firstStage()->repositoryPath, b->path);

        latch->release(); // both held stages run on: only the second repository's may arrive
        QTRY_COMPARE_WITH_TIMEOUT(complete.size(), 1, 60000);
        JobTracker::pool()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(complete.size(), 1);
        QCOMPARE(first.size(), 2);
        QCOMPARE(page.summary()->repositoryPath, b->path);
        QVERIFY(!page.isComputing());
    }

    void linksJumpToTheirPage()
    {
        QTemporaryDir store;
        Dashboard dashboard;
        dashboard.resize(1400, 900);
        dashboard.overviewPage()->setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(dashboard.overviewPage(), &OverviewPage::summaryAvailable);
        dashboard.setSnapshot(m_snapshot);
        dashboard.show();
        QVERIFY(delivered.wait(120000));
        ScorecardView* view = dashboard.overviewPage()->scorecardView();

        // XII: the GitLab stages line, opened in the pipeline editor.
        const scorecard::FactorResult& xii = view->factors().at(11);
        QCOMPARE(xii.link.kind, scorecard::SourceLink::Kind::File);
        QCOMPARE(xii.link.path, u".gitlab-ci.yml"_s);
        QVERIFY(xii.link.line > 0);
        QTest::mouseClick(view->linkButton(11), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Pipelines));
        QCOMPARE(dashboard.pipelinesPage()->currentPath(), u".gitlab-ci.yml"_s);
        PipelineDocumentView* document = dashboard.pipelinesPage()->workspace()->currentDocument();
        QVERIFY(document);
        QCOMPARE(document->editor()->currentLine(), xii.link.line);

        // VI: a deployment tag lands on the Deployments page.
        dashboard.setCurrentPage(Dashboard::Overview);
        QCOMPARE(view->factors().at(5).link.kind, scorecard::SourceLink::Kind::Tag);
        QTest::mouseClick(view->linkButton(5), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Deployments));

        // XI: the triage file is no pipeline: it opens in a preview, read in the background, on the current page.
        dashboard.setCurrentPage(Dashboard::Overview);
        QCOMPARE(view->factors().at(10).link.path, u".gatehouse/triage.yml"_s);
        QTest::mouseClick(view->linkButton(10), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Overview));
        auto* preview = qobject_cast<SourcePreviewDialog*>(dashboard.sourcePreview());
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->isLoading(), 30000);
        QFile triage(m_demo + u"/.gatehouse/triage.yml"_s);
        QVERIFY(triage.open(QIODevice::ReadOnly));
        QCOMPARE(preview->textView()->toPlainText(), QString::fromUtf8(triage.readAll()));
        preview->close();

        // The tiles open the page they summarize.
        dashboard.setCurrentPage(Dashboard::Overview);
        QTest::mouseClick(dashboard.overviewPage()->tile(u"incidentTile"_s), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Incidents));
        dashboard.setCurrentPage(Dashboard::Overview);
        QTest::mouseClick(dashboard.overviewPage()->tile(u"findingsTile"_s), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Security));

        // A security metric with a commit lands on the Security page.
        dashboard.setCurrentPage(Dashboard::Overview);
        MetricsView* metrics = dashboard.overviewPage()->metricsView();
        QTest::mouseClick(metrics->linkButton(metrics->rowOf(u"scan coverage"_s)), Qt::LeftButton);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Security));
    }

    void darkPaletteKeepsTextReadable()
    {
        // A dark mode sets the application palette (widget palettes do not mix with the application's style sheet).
        const QPalette light = qApp->palette();
        auto restore = qScopeGuard([light] { qApp->setPalette(light); });
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x1e, 0x22, 0x28));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe9, 0xee));
        dark.setColor(QPalette::Base, QColor(0x26, 0x2b, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe9, 0xee));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
        qApp->setPalette(dark);
        QTemporaryDir store;
        OverviewPage page;
        page.setCollectOptions(scratchOptions(store.path()));
        QSignalSpy delivered(&page, &OverviewPage::summaryAvailable);
        page.setSnapshot(m_snapshot);
        QVERIFY(delivered.wait(120000));
        // The cards take the palette's base colour, the text its text colour, the links its link colour.
        for (QWidget* card : {static_cast<QWidget*>(page.scorecardView()), static_cast<QWidget*>(page.metricsView())}) {
            const QColor background = card->palette().color(card->backgroundRole());
            QCOMPARE(background, dark.color(QPalette::Base));
        }
        const QLabel* evidence = page.scorecardView()->evidenceLabel(0);
        const QColor text = evidence->palette().color(evidence->foregroundRole());
        QVERIFY2(qAbs(text.lightness() - dark.color(QPalette::Base).lightness()) > 120, qPrintable(text.name()));
        QVERIFY(page.scorecardView()->linkButton(0)->styleSheet().contains(dark.color(QPalette::Link).name()));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOTS"); !dir.isEmpty()) {
            page.resize(1210, 1500);
            page.grab().save(dir + u"/overview-dark.png"_s);
        }
    }

    void brokenRepositorySaysWhy()
    {
        QTemporaryDir empty;
        OverviewPage page;
        QSignalSpy failed(&page, &OverviewPage::computeFailed);
        RepositorySnapshot snapshot = m_snapshot;
        snapshot.path = empty.path();
        page.setSnapshot(snapshot);
        QVERIFY(failed.wait(60000));
        QVERIFY(!page.summary());
        QVERIFY2(page.statusMessage().startsWith(u"The scorecard could not be computed"_s),
                 qPrintable(page.statusMessage()));
        QCOMPARE(page.tile(u"gatesTile"_s)->value(), u"—"_s);
    }
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
