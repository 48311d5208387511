// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dashboard.h"
#include "ScratchRepository.h"
#include "Theme.h"
#include "cli/Commands.h"
#include "delivery/ChangelogModel.h"
#include "delivery/DeliveryLoader.h"
#include "delivery/IncidentTableModel.h"
#include "delivery/PostmortemMarkdown.h"
#include "deliveryview/DeploymentsView.h"
#include "deliveryview/IncidentDetailPanel.h"
#include "deliveryview/IncidentsView.h"
#include "demo/DemoRepository.h"
#include "pages/DeploymentsPage.h"
#include "pages/IncidentsPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextStream>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using delivery::IncidentTableModel;

// The Incidents page on the demo repository (offscreen): the incidents of `gatehouse incidents`, search, the
// postmortem as Markdown, what changed, the fix diff and the jump to the blamed deployment.
class TestIncidentsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;

    static QJsonArray cliIncidents(const QString& repo)
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code
            = cli::runIncidents({QStringLiteral("--repo"), repo, QStringLiteral("--format"), QStringLiteral("json")},
                                {outStream, errStream});
        outStream.flush();
        if (code != 0)
            qWarning() << "gatehouse incidents failed:" << err;
        return QJsonDocument::fromJson(out.toUtf8()).object().value(u"incidents").toArray();
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

    // Loaded behind another page, the newest incident is chosen but read only once the page is shown.
    void hiddenDetailReadsWhenShown()
    {
        delivery::DeliveryLoader loader;
        IncidentsView view(&loader);
        view.resize(1400, 900);
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        IncidentDetailPanel* detail = view.detail();
        QVERIFY(!detail->isLoading());
        QVERIFY(!detail->detail().has_value());
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value(), 30000);
    }

    void listsAndSearchesTheIncidents()
    {
        delivery::DeliveryLoader loader;
        IncidentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        auto* tester = new QAbstractItemModelTester(view.table()->model(),
                                                    QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        const QJsonArray expected = cliIncidents(m_demo);
        QCOMPARE(expected.size(), 4);
        QCOMPARE(view.table()->model()->rowCount(), 4);
        QVERIFY(view.emptyState()->isHidden());

        // Newest first, and the newest is shown.
        QStringList titles;
        for (const QJsonValue& value : expected)
            titles.prepend(value.toObject().value(u"title").toString());
        QStringList shown;
        for (int row = 0; row < view.table()->model()->rowCount(); ++row)
            shown.append(view.table()->model()->index(row, IncidentTableModel::TitleColumn).data().toString());
        QCOMPARE(shown, titles);
        QCOMPARE(view.table()->currentIndex().row(), 0);

        // Search narrows the list to matching rows only.
        const QString scope = expected.at(0).toObject().value(u"scope").toString();
        QVERIFY(!scope.isEmpty());
        int withScope = 0;
        for (const QJsonValue& value : expected)
            withScope += value.toObject().value(u"scope").toString() == scope ? 1 : 0;
        view.searchField()->setText(scope.toUpper());
        QVERIFY(view.table()->model()->rowCount() >= withScope);
        QVERIFY(view.table()->model()->rowCount() < 4 || withScope == 4);
        view.searchField()->setText(QStringLiteral("no incident says this"));
        QCOMPARE(view.table()->model()->rowCount(), 0);
        view.searchField()->clear();
        QCOMPARE(view.table()->model()->rowCount(), 4);
        delete tester;
    }

    void showsThePostmortemWhatChangedAndTheFix()
    {
        delivery::DeliveryLoader loader;
        IncidentsView view(&loader);
        view.resize(1400, 900);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(m_demo);
        QVERIFY(finished.wait(60000));
        const QJsonArray expected = cliIncidents(m_demo);
        IncidentDetailPanel* detail = view.detail();
        auto* tester = new QAbstractItemModelTester(detail->whatChangedModel(),
                                                    QAbstractItemModelTester::FailureReportingMode::QtTest, this);

        // An incident that blames a deployment with a good one before it.
        bool checkedWhatChanged = false;
        for (int row = 0; row < view.table()->model()->rowCount(); ++row) {
            view.table()->setCurrentIndex(view.table()->model()->index(row, 0));
            const QString title = view.table()->model()->index(row, IncidentTableModel::TitleColumn).data().toString();
            QTRY_VERIFY_WITH_TIMEOUT(detail->detail().has_value(), 30000);

            // Markdown rendered: no raw emphasis or heading marks left, the body's text is there.
            const QTextDocument* document = detail->postmortem()->document();
            const QString markdown = delivery::PostmortemMarkdown::render(*view.model()->incidentAt(
                view.table()->currentIndex().data(IncidentTableModel::IncidentIndexRole).toInt()));
            QVERIFY(!document->isEmpty());
            QVERIFY(!document->toPlainText().contains(QStringLiteral("**")));
            QVERIFY(!document->toPlainText().startsWith(u'#'));
            if (markdown.contains(QStringLiteral("**")))
                QVERIFY(document->toMarkdown().contains(QStringLiteral("**")));
            QCOMPARE(detail->titleLabel()->text(), title);

            // The fix (or the incident's own) commit's diff.
            QVERIFY(!detail->detail()->fixCommit.isNull());
            QVERIFY(detail->fixDiff()->toPlainText().contains(QStringLiteral("diff --git")));

            const QJsonObject json = expected.at(expected.size() - 1 - row).toObject();
            QCOMPARE(json.value(u"title").toString(), title);
            const QString blamed = json.value(u"blamed_deployment").toString();
            if (!blamed.isEmpty())
                QVERIFY(detail->links()->text().contains(QStringLiteral("deployment:") + blamed));
            if (detail->detail()->whatChanged) {
                QVERIFY(detail->whatChangedModel()->rowCount() > 0);
                QCOMPARE(detail->whatChangedModel()->rowCount(), int(detail->detail()->whatChanged->commits.size()));
                checkedWhatChanged = true;
            }
        }
        QVERIFY(checkedWhatChanged);
        delete tester;
    }

    void jumpsToTheBlamedDeployment()
    {
        Dashboard dashboard;
        dashboard.resize(1400, 900);
        dashboard.show();
        delivery::DeliveryLoader* loader = dashboard.deliveryLoader();
        QSignalSpy finished(loader, &delivery::DeliveryLoader::loadFinished);
        loader->load(m_demo);
        QVERIFY(finished.wait(60000));
        dashboard.setCurrentPage(Dashboard::Incidents);
        IncidentsView* incidents = dashboard.incidentsPage()->view();
        QString blamed;
        for (int row = 0; row < incidents->table()->model()->rowCount() && blamed.isEmpty(); ++row) {
            blamed
                = incidents->table()->model()->index(row, 0).data(IncidentTableModel::BlamedDeploymentRole).toString();
            if (!blamed.isEmpty())
                incidents->table()->setCurrentIndex(incidents->table()->model()->index(row, 0));
        }
        QVERIFY(!blamed.isEmpty());
        // What a click on the link does.
        Q_EMIT incidents->detail()->links()->linkActivated(QStringLiteral("deployment:") + blamed);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Deployments));
        QCOMPARE(dashboard.deploymentsPage()->view()->selectedTag(), blamed);

        // And back: an incident marker on the timeline opens that incident.
        Q_EMIT dashboard.deploymentsPage()->view()->incidentRequested(0);
        QCOMPARE(dashboard.currentPage(), int(Dashboard::Incidents));
        QCOMPARE(incidents->table()->currentIndex().data(IncidentTableModel::IncidentIndexRole).toInt(), 0);
        incidents->searchField()->setText(QStringLiteral("no incident says this"));
        QVERIFY(incidents->selectIncident(1));
        QVERIFY(incidents->searchField()->text().isEmpty());
        QCOMPARE(incidents->table()->currentIndex().data(IncidentTableModel::IncidentIndexRole).toInt(), 1);
        QVERIFY(!incidents->selectIncident(99));
    }

    void explainsARepositoryWithoutIncidents()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: start"), {{QStringLiteral("README.md"), "hello\n"}});
        delivery::DeliveryLoader loader;
        IncidentsView view(&loader);
        view.show();
        QSignalSpy finished(&loader, &delivery::DeliveryLoader::loadFinished);
        loader.load(scratch.path());
        QVERIFY(finished.wait(30000));
        QVERIFY(!view.emptyState()->isHidden());
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("No incidents recorded")));
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("postmortems/")));
    }
};

QTEST_MAIN(TestIncidentsPage)
#include "tst_incidentspage.moc"
