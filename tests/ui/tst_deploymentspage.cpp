// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "Theme.h"
#include "charts/DeliveryTrafficChart.h"
#include "charts/DeploymentTimelineChart.h"
#include "cli/Commands.h"
#include "delivery/ChangelogModel.h"
#include "delivery/DeliveryLoader.h"
#include "delivery/DeploymentTableModel.h"
#include "delivery/FileChangeModel.h"
#include "deliveryview/DeliveryFilterBar.h"
#include "deliveryview/DeploymentDetailPanel.h"
#include "deliveryview/DeploymentsView.h"
#include "deliveryview/DoraTiles.h"
#include "deliveryview/LoadingStrip.h"
#include "deliveryview/StrategyCard.h"
#include "demo/DemoRepository.h"
#include "pages/DeploymentsPage.h"
#include "widgets/KpiTile.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextStream>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using delivery::DeploymentTableModel;

// The Deployments page on the demo repository (offscreen): the same deployments and DORA figures as
// `gatehouse deployments --format json`, filters, the detail of a deployment, comparisons, strategies, cancel and
// the empty state.
class TestDeploymentsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;

    // The command line's own code, in process: the page must show exactly what it prints.
    static QJsonObject cli(const QStringList& arguments)
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code = cli::runDeployments(
            arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")}, {outStream, errStream});
        outStream.flush();
        if (code != 0)
            qWarning() << "gatehouse deployments failed:" << err;
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }

    static QStringList column(QAbstractItemModel* model, int column)
    {
        QStringList values;
        for (int row = 0; row < model->rowCount(); ++row)
            values.append(model->index(row, column).data().toString());
        return values;
    }

    // The figures the tiles show must be those of the JSON, formatted.
    static void compareDora(const DoraTiles* tiles, const QJsonObject& dora)
    {
        const delivery::DoraSummary& s = tiles->summary();
        QCOMPARE(s.environment, dora.value(u"environment").toString());
        QCOMPARE(s.deployments, dora.value(u"deployments").toInt());
        auto same = [](std::optional<double> shown, const QJsonValue& expected) {
            if (expected.isNull())
                return !shown.has_value();
            return shown && qFuzzyCompare(1.0 + *shown, 1.0 + expected.toDouble());
        };
        QVERIFY(same(s.deploymentFrequencyPerWeek, dora.value(u"deployment_frequency_per_week")));
        QVERIFY(same(s.leadTimeMedianSeconds, dora.value(u"lead_time_median_s")));
        QVERIFY(same(s.leadTimeP90Seconds, dora.value(u"lead_time_p90_s")));
        QVERIFY(same(s.changeFailureRate, dora.value(u"change_failure_rate")));
        QVERIFY(same(s.rollbackRate, dora.value(u"rollback_rate")));
        QVERIFY(same(s.timeToRestoreMedianSeconds, dora.value(u"time_to_restore_median_s")));
        QCOMPARE(s.band ? delivery::doraBandName(*s.band) : QString(), dora.value(u"band").toString());
        QCOMPARE(tiles->tiles().at(0)->value(), DoraTiles::frequencyText(s.deploymentFrequencyPerWeek));
        QCOMPARE(tiles->tiles().at(2)->value(), DoraTiles::ratioText(s.changeFailureRate));
        QCOMPARE(tiles->tiles().at(4)->value(), DoraTiles::bandText(s.band));
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme(*qApp);
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.path() + QStringLiteral("/demo");
        const auto created = DemoRepository::create(m_demo);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    }

    void showsTheDemoLikeTheCommandLine()
    {
        delivery::DeliveryLoader loader;
        DeploymentsPage page(&loader);
        page.resize(1400, 900);
        page.show();
        DeploymentsView* view = page.view();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(!view->loadingStrip()->isHidden());
        QVERIFY(finished.wait(60000));
        QVERIFY(view->loadingStrip()->isHidden());
        QVERIFY(view->emptyState()->isHidden());

        const QJsonObject all = cli({QStringLiteral("--repo"), m_demo});
        const QJsonArray deployments = all.value(u"deployments").toArray();
        QCOMPARE(view->table()->model()->rowCount(), int(deployments.size()));
        QStringList expectedTags;
        for (const QJsonValue& d : deployments)
            expectedTags.append(d.toObject().value(u"tag").toString());
        QStringList shownTags = column(view->table()->model(), DeploymentTableModel::TagColumn);
        // Newest first on screen; the command line lists them oldest first.
        QCOMPARE(view->table()->model()->index(0, DeploymentTableModel::TagColumn).data().toString(),
                 expectedTags.last());
        std::sort(shownTags.begin(), shownTags.end());
        std::sort(expectedTags.begin(), expectedTags.end());
        QCOMPARE(shownTags, expectedTags);

        // Production: 14 deployments, one rollback, DORA as the command line computes it.
        view->filters()->setEnvironment(QStringLiteral("production"));
        QCOMPARE(view->table()->model()->rowCount(), 14);
        int rollbacks = 0;
        for (int row = 0; row < view->table()->model()->rowCount(); ++row) {
            const QString status
                = view->table()->model()->index(row, DeploymentTableModel::StatusColumn).data().toString();
            rollbacks += status.contains(QStringLiteral("rollback")) ? 1 : 0;
        }
        QCOMPARE(rollbacks, 1);
        QCOMPARE(view->doraEnvironment(), QStringLiteral("production"));
        compareDora(view->doraTiles(), all.value(u"dora").toObject());
        QVERIFY(view->doraTiles()->tiles().at(0)->toolTip().contains(QStringLiteral("2023 Accelerate")));
        QVERIFY(view->doraTiles()->legend()->text().contains(QStringLiteral("DORA")));

        // The timeline: one lane per environment, the rollback and the four incidents marked.
        QCOMPARE(view->timeline()->lanes(), QStringList{QStringLiteral("production")});
        QCOMPARE(view->timeline()->markerCount(QStringLiteral("rollback"))
                     + view->timeline()->markerCount(QStringLiteral("failed"))
                     + view->timeline()->markerCount(QStringLiteral("ok"))
                     + view->timeline()->markerCount(QStringLiteral("redeploy")),
                 14);
        QVERIFY(view->timeline()->markerCount(QStringLiteral("rollback")) >= 1);
        QCOMPARE(view->timeline()->markerCount(QStringLiteral("incident")), 4);

        // Staging: its own rows and figures.
        view->filters()->setEnvironment(QStringLiteral("staging"));
        const QJsonObject staging
            = cli({QStringLiteral("--repo"), m_demo, QStringLiteral("--env"), QStringLiteral("staging")});
        QCOMPARE(view->table()->model()->rowCount(), int(staging.value(u"deployments").toArray().size()));
        compareDora(view->doraTiles(), staging.value(u"dora").toObject());

        // A window of whole days, like --since/--until.
        view->filters()->setEnvironment(QStringLiteral("production"));
        const QDate first
            = QDateTime::fromString(deployments.first().toObject().value(u"time").toString(), Qt::ISODate).date();
        const QDate since = first.addDays(14);
        const QDate until = first.addDays(60);
        view->filters()->setWindow(since, until);
        const QJsonObject window
            = cli({QStringLiteral("--repo"), m_demo, QStringLiteral("--env"), QStringLiteral("production"),
                   QStringLiteral("--since"), since.toString(Qt::ISODate), QStringLiteral("--until"),
                   until.toString(Qt::ISODate)});
        QCOMPARE(view->table()->model()->rowCount(), int(window.value(u"deployments").toArray().size()));
        QVERIFY(view->table()->model()->rowCount() < 14);
        compareDora(view->doraTiles(), window.value(u"dora").toObject());
        view->filters()->resetWindow();
        QCOMPARE(view->table()->model()->rowCount(), 14);
        compareDora(view->doraTiles(), all.value(u"dora").toObject());
    }

    // On a first open the Deployments page is loaded behind the Overview: its first row is chosen, but the
    // comparison waits until the page is shown (the cores have history-wide work meanwhile).
    void hiddenDetailComparesWhenShown()
    {
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        view.resize(1400, 900);
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        DeploymentDetailPanel* detail = view.detail();
        QVERIFY(!view.selectedTag().isEmpty());
        QVERIFY(detail->currentIndex() >= 0);
        QVERIFY(!detail->isLoading());
        QVERIFY(!detail->detail().has_value());
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value(), 30000);
        QVERIFY(detail->headline().startsWith(view.selectedTag()));
    }

    void showsWhatADeploymentShipped()
    {
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        const delivery::DeploymentHistory& history = loader.result().delivery.history;
        const QJsonObject json = cli({QStringLiteral("--repo"), m_demo});

        // Pick a production deployment with changes and compare with what the command line counted.
        QString tag;
        int changes = 0;
        for (const QJsonValue& value : json.value(u"deployments").toArray()) {
            const QJsonObject d = value.toObject();
            if (d.value(u"environment").toString() == QLatin1String("production") && d.value(u"changes").toInt() > 1
                && !d.value(u"rollback").toBool()) {
                tag = d.value(u"tag").toString();
                changes = d.value(u"changes").toInt();
            }
        }
        QVERIFY(!tag.isEmpty());
        DeploymentDetailPanel* detail = view.detail();
        auto* tester = new QAbstractItemModelTester(detail->changelogModel(),
                                                    QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        auto* fileTester = new QAbstractItemModelTester(detail->fileModel(),
                                                        QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QVERIFY(view.selectDeployment(tag));
        QCOMPARE(view.selectedTag(), tag);
        QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value(), 30000);
        QCOMPARE(detail->changelogModel()->rowCount(), changes);
        QVERIFY(detail->fileModel()->rowCount() > 0);
        QVERIFY(detail->headline().startsWith(tag));
        QVERIFY(!detail->gatesView()->toPlainText().isEmpty());
        QVERIFY(detail->detail()->strategy.has_value());
        QVERIFY(!detail->strategyCard()->headline().isEmpty());

        // Compare with the first deployment: more commits than since the previous one.
        const int index = history.indexOfTag(tag);
        const int firstProduction = history.indexesOf(QStringLiteral("production")).first();
        QSignalSpy loaded(detail, &DeploymentDetailPanel::detailLoaded);
        const int item = detail->baseSelector()->findData(firstProduction);
        QVERIFY(item > 0);
        detail->baseSelector()->setCurrentIndex(item);
        Q_EMIT detail->baseSelector()->activated(item);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(detail->baseIndex(), firstProduction);
        QCOMPARE(detail->currentIndex(), index);
        QVERIFY(detail->changelogModel()->rowCount() > changes);
        QCOMPARE(detail->detail()->from, history.deployments.at(firstProduction).commit);

        // The rollback takes commits back out.
        for (int i = 0; i < history.deployments.size(); ++i) {
            if (history.deployments.at(i).rollback && history.deployments.at(i).environment == u"production") {
                QVERIFY(view.selectDeployment(history.deployments.at(i).tag));
                QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value() && detail->currentIndex() == i, 30000);
                QVERIFY(detail->detail()->diff.backwards);
                break;
            }
        }
        delete tester;
        delete fileTester;
    }

    void showsAStrategyCardPerEnvironment()
    {
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        const delivery::StrategyReport& report = loader.result().strategies;
        QCOMPARE(view.strategyCards().size(), int(report.environments.size()));
        for (StrategyCard* card : view.strategyCards()) {
            const delivery::EnvironmentStrategy* strategy = report.environment(card->strategy().environment);
            QVERIFY(strategy);
            QVERIFY(card->headline().contains(delivery::strategyKindName(strategy->strategy).mid(1)));
            QCOMPARE(card->chart()->curve(), delivery::TrafficShift::curve(*strategy));
        }
        // The demo: a Flagger canary for production (production's card first), a rolling update for staging.
        QCOMPARE(view.strategyCards().first()->strategy().environment, QStringLiteral("production"));
        QCOMPARE(view.strategyCards().first()->headline(), QStringLiteral("Canary · automatic rollback"));
        QCOMPARE(view.strategyCards().first()->chart()->curve().constLast().weight, 100);
        QCOMPARE(view.strategyCards().first()->strategy().metrics.size(), 2);
        QCOMPARE(view.strategyCards().at(1)->strategy().strategy, delivery::StrategyKind::Rolling);

        // The strategy in force at a deployment's commit: the demo's canary predates its first production deployment.
        const delivery::DeploymentHistory& history = loader.result().delivery.history;
        const QList<int> production = history.indexesOf(QStringLiteral("production"));
        DeploymentDetailPanel* detail = view.detail();
        QVERIFY(view.selectDeployment(history.deployments.at(production.first()).tag));
        QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value() && detail->currentIndex() == production.first(), 30000);
        QVERIFY(detail->detail()->strategy.has_value());
        QCOMPARE(detail->detail()->strategy->strategy, delivery::StrategyKind::Canary);
        QVERIFY(view.selectDeployment(history.deployments.at(production.last()).tag));
        QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value() && detail->currentIndex() == production.last(), 30000);
        QCOMPARE(detail->detail()->strategy->strategy, delivery::StrategyKind::Canary);
        QCOMPARE(detail->strategyCard()->headline(), QStringLiteral("Canary · automatic rollback"));
    }

    // An environment given by an expression: a card per value it resolves to; an unresolved one keeps the
    // expression as written (never in capitals) and says it is chosen at run time.
    void expressionEnvironmentsOnCards()
    {
        test::ScratchRepository scratch;
        const auto commit
            = scratch.commit(QStringLiteral("ci: deployment"),
                             {{QStringLiteral(".github/workflows/deployment.yml"),
                               "on:\n  workflow_dispatch:\n    inputs:\n"
                               "      environment: {type: environment, default: production}\n"
                               "jobs:\n  release:\n    runs-on: x\n    environment: ${{ inputs.environment }}\n"
                               "    steps: [{run: script/release}]\n"
                               "  preview:\n    runs-on: x\n    environment: ${{ github.head_ref }}\n"
                               "    steps: [{run: script/preview}]\n"}});
        scratch.tag(QStringLiteral("deploy-1"), commit, QStringLiteral("Production deployment"));
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(scratch.path(), QStringLiteral("HEAD")); // the scratch repository has no work tree
        QVERIFY(finished.wait(60000));
        QStringList captions;
        for (StrategyCard* card : view.strategyCards())
            captions << card->caption();
        QCOMPARE(captions, QStringList({QStringLiteral("PRODUCTION"), QStringLiteral("${{ github.head_ref }}")}));
        QVERIFY2(view.strategyCards().at(0)->details().contains(QStringLiteral("${{ inputs.environment }}")),
                 qPrintable(view.strategyCards().at(0)->details()));
        QVERIFY2(view.strategyCards().at(1)->details().contains(QStringLiteral("chosen at run time")),
                 qPrintable(view.strategyCards().at(1)->details()));
    }

    void cancelsAndDropsStaleResults()
    {
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        QSignalSpy cancelled(&loader, &delivery::DeliveryLoader::loadCancelled);
        loader.load(m_demo);
        QVERIFY(loader.isLoading());
        QTest::mouseClick(view.loadingStrip()->cancelButton(), Qt::LeftButton);
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!loader.isLoading());
        QVERIFY(view.loadingStrip()->isHidden());

        // Two loads in a row: only the second one's result arrives.
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        loader.load(m_demo);
        loader.load(scratch.path());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(loader.result().repositoryPath, scratch.path());
    }

    void explainsARepositoryWithoutTags()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        delivery::DeliveryLoader loader;
        DeploymentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(scratch.path());
        QVERIFY(finished.wait(30000));
        QVERIFY(!view.emptyState()->isHidden());
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("No deployment tags")));
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("git tag -a deploy-")));
        QVERIFY(view.emptyState()->text().contains(QStringLiteral(".gatehouse/config.yml")));
        QCOMPARE(view.table()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestDeploymentsPage)
#include "tst_deploymentspage.moc"
