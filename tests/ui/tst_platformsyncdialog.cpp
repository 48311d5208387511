// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dashboard.h"
#include "LocalHttpServer.h"
#include "ScratchRepository.h"
#include "delivery/DeliveryLoader.h"
#include "pages/DeploymentsPage.h"
#include "pages/OverviewPage.h"
#include "pages/SecurityPage.h"
#include "repo/RepositoryLoader.h"
#include "runs/sync/RunSyncClient.h"
#include "runs/sync/TokenStore.h"
#include "widgets/PlatformSyncDialog.h"
#include "widgets/SyncSourceForm.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using namespace Qt::StringLiterals;
using test::LocalHttpServer;

namespace {

QByteArray gitLabDeployment(const QString& sha)
{
    return QString::fromUtf8(R"([{"id":31,"iid":31,"ref":"main","sha":"%1","created_at":"2026-11-02T10:00:00Z",)"
                             R"("updated_at":"2026-11-02T10:05:00Z","status":"success",)"
                             R"("user":{"id":1,"name":"Dee Ployer","username":"dee"},)"
                             R"("environment":{"id":9,"name":"production"},)"
                             R"("deployable":{"id":77,"name":"deploy","status":"success",)"
                             R"("finished_at":"2026-11-02T10:05:00Z"}}])")
        .arg(sha)
        .toUtf8();
}

} // namespace

// The deployments and findings sync dialogs of the dashboard, against a local GitLab double on 127.0.0.1.
class TestPlatformSyncDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ScratchRepository> m_scratch;
    git::ObjectId m_commit;

    std::unique_ptr<Dashboard> openDashboard()
    {
        auto dashboard = std::make_unique<Dashboard>();
        dashboard->setTokenStore(std::make_unique<runs::InMemoryTokenStore>());
        const Result<RepositorySnapshot> snapshot = loadRepositorySnapshot(m_scratch->path(), {});
        if (snapshot.ok())
            dashboard->setSnapshot(snapshot.value());
        return dashboard;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scratch = std::make_unique<test::ScratchRepository>();
        m_commit = m_scratch->commit(u"feat: first"_s, {{u"app.txt"_s, "1"}});
        m_scratch->tag(u"v1.0.0"_s, m_commit, u"release"_s);
    }

    // From the Deployments page: the GitLab deployment lands as a note, the page reloads and shows it with its
    // source; the token typed once is then read from the keychain.
    void deploymentsFromTheDeploymentsPage()
    {
        const QString sha = m_commit.toString();
        LocalHttpServer server([sha](const LocalHttpServer::Request& request) {
            if (request.headers.value("private-token") != "glpat-ui")
                return LocalHttpServer::Response{401, {}, R"({"message":"401 Unauthorized"})"};
            if (request.target.startsWith("/api/v4/projects/7/deployments"))
                return LocalHttpServer::Response{200, {}, gitLabDeployment(sha)};
            return LocalHttpServer::Response{404, {}, R"({"message":"404 Not Found"})"};
        });
        QVERIFY(server.listen());
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->deliveryLoader()->hasResult(), 30000);

        dashboard->deploymentsPage()->syncButton()->click();
        auto* dialog = dashboard->findChild<PlatformSyncDialog*>(u"deploymentSyncDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->kind(), PlatformSyncDialog::Kind::Deployments);
        QCOMPARE(dialog->repositoryPath(), dashboard->deliveryLoader()->result().repositoryPath);
        QSignalSpy synced(dialog, &PlatformSyncDialog::synced);
        QSignalSpy reloaded(dashboard->deliveryLoader(), &delivery::DeliveryLoader::loadFinished);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->overviewPage()->summary().has_value(), 30000);
        QSignalSpy overview(dashboard->overviewPage(), &OverviewPage::summaryAvailable);
        dialog->sourceForm()->urlEdit()->setText(server.baseUrl());
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->sourceForm()->tokenEdit()->setText(u"glpat-ui"_s);
        dialog->syncButton()->click();
        QVERIFY(dialog->isBusy());
        QVERIFY(synced.wait(30000));
        QVERIFY2(dialog->statusText().startsWith(u"Synced 1 deployments in 1 requests: 1 added"_s),
                 qPrintable(dialog->statusText()));
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->sourceForm()->tokenEdit()->text().isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
        const delivery::DeploymentHistory& history = dashboard->deliveryLoader()->result().delivery.history;
        // Beside the release tag (its own environment), the platform's production deployment, saying where from.
        QCOMPARE(history.deployments.size(), 2);
        const auto synced31 = std::find_if(history.deployments.cbegin(), history.deployments.cend(),
                                           [](const delivery::Deployment& d) { return d.platformId == u"31"_s; });
        QVERIFY(synced31 != history.deployments.cend());
        QCOMPARE(synced31->source, u"gitlab"_s);
        QCOMPARE(synced31->environment, u"production"_s);
        QCOMPARE(synced31->commit, m_commit);
        QTRY_VERIFY_WITH_TIMEOUT(!overview.isEmpty(), 30000); // the Overview computed again

        // Again, the token from the keychain: nothing new.
        dialog->syncButton()->click();
        QVERIFY(synced.wait(30000));
        QVERIFY2(dialog->statusText().contains(u"0 added, 0 updated, 1 unchanged"_s), qPrintable(dialog->statusText()));
    }

    // From the Security page: a GitLab SAST report of the default branch becomes the scan note of its commit, and
    // the page reads the posture again with it.
    void findingsFromTheSecurityPage()
    {
        const QByteArray sha = m_commit.toString().toLatin1();
        LocalHttpServer server([sha](const LocalHttpServer::Request& request) {
            const QByteArray path = request.target.split('?').first();
            auto json = [](const QByteArray& body) { return LocalHttpServer::Response{200, {}, body}; };
            if (path == "/api/v4/projects/7")
                return json(R"({"id":7,"path_with_namespace":"group/app","default_branch":"main"})");
            if (path == "/api/v4/projects/7/pipelines")
                return json(R"([{"id":12,"iid":3,"project_id":7,"sha":")" + sha
                            + R"(","ref":"main","status":"success","source":"push"}])");
            if (path == "/api/v4/projects/7/pipelines/12/jobs")
                return json(R"([{"id":40,"name":"semgrep-sast","status":"success","stage":"test","artifacts":[)"
                            R"({"file_type":"sast","size":1234,"filename":"gl-sast-report.json",)"
                            R"("file_format":"raw"}]}])");
            if (path == "/api/v4/projects/7/jobs/40/artifacts/gl-sast-report.json")
                return json(R"({"version":"15.0.7","scan":{"type":"sast","status":"success","scanner":{"id":)"
                            R"("semgrep","name":"S","vendor":{"name":"GitLab"},"version":"1"}},)"
                            R"("vulnerabilities":[{"id":"1","name":"Issue R1","severity":"High","location":)"
                            R"({"file":"app.txt","start_line":4},"identifiers":[{"type":"rule","name":"R1",)"
                            R"("value":"R1"}]}]})");
            return LocalHttpServer::Response{404, {}, R"({"message":"404 Not Found"})"};
        });
        QVERIFY(server.listen());
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        SecurityPage* page = dashboard->securityPage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 30000);
        const int scansBefore = page->hasPosture() ? int(page->posture().scans.size()) : 0;

        page->syncButton()->click();
        auto* dialog = dashboard->findChild<PlatformSyncDialog*>(u"findingsSyncDialog"_s);
        QVERIFY(dialog);
        QSignalSpy synced(dialog, &PlatformSyncDialog::synced);
        dialog->sourceForm()->urlEdit()->setText(server.baseUrl());
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->syncButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
        QStringList asked;
        for (const LocalHttpServer::Request& request : server.requests())
            asked.append(QString::fromLatin1(request.target));
        QVERIFY2(synced.size() == 1, qPrintable(dialog->statusText() + u' ' + asked.join(u' ')));
        QVERIFY2(
            dialog->statusText().startsWith(u"Synced 1 security reports of main in 4 requests: 1 stored (sast 1)"_s),
            qPrintable(dialog->statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(page->hasPosture() && page->posture().scans.size() == scansBefore + 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 30000);
        QVERIFY(!page->posture().findings.isEmpty());
    }

    // What the server answers, put in words; nothing is written and the dialog can be used again.
    void errorsAreShown_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("expired token") << 401 << QByteArray()
                                       << u"Sync failed: token rejected by 127.0.0.1 (HTTP 401)"_s;
        QTest::newRow("no permission") << 403 << QByteArray() << u"Sync failed: 127.0.0.1 refused access to 7"_s;
        QTest::newRow("no project") << 404 << QByteArray() << u"Sync failed: 127.0.0.1 has no project 7 (HTTP 404)"_s;
        QTest::newRow("rate limit too long")
            << 429 << QByteArray("3600") << u"Sync failed: 127.0.0.1 rate-limited the sync (HTTP 429)"_s;
        QTest::newRow("server error") << 500 << QByteArray() << u"Sync failed: 127.0.0.1 answered HTTP 500"_s;
    }

    void errorsAreShown()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, expected);
        LocalHttpServer server([&](const LocalHttpServer::Request&) {
            LocalHttpServer::Response response{status, {}, R"({"message":"no"})"};
            if (!retryAfter.isEmpty())
                response.headers.append({"Retry-After", retryAfter});
            return response;
        });
        QVERIFY(server.listen());
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        // Findings this time, from the Security page.
        dashboard->securityPage()->syncButton()->click();
        auto* dialog = dashboard->findChild<PlatformSyncDialog*>(u"findingsSyncDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->kind(), PlatformSyncDialog::Kind::Findings);
        QSignalSpy synced(dialog, &PlatformSyncDialog::synced);
        dialog->sourceForm()->urlEdit()->setText(server.baseUrl());
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->sourceForm()->tokenEdit()->setText(u"glpat-x"_s);
        dialog->startSync();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
        QVERIFY2(dialog->statusText().startsWith(expected), qPrintable(dialog->statusText()));
        QVERIFY(!dialog->statusText().contains(u"glpat-x"_s));
        QVERIFY(synced.isEmpty());
        QVERIFY(dialog->syncButton()->isEnabled());
    }

    void unreachableServer()
    {
        QString url;
        {
            LocalHttpServer gone([](const LocalHttpServer::Request&) { return LocalHttpServer::Response{}; });
            QVERIFY(gone.listen());
            url = gone.baseUrl(); // nobody listens there once it is gone
        }
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        PlatformSyncDialog* dialog = dashboard->openPlatformSync(PlatformSyncDialog::Kind::Deployments);
        dialog->sourceForm()->urlEdit()->setText(url);
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->startSync();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
        QVERIFY2(dialog->statusText().startsWith(u"Sync failed: cannot reach 127.0.0.1"_s),
                 qPrintable(dialog->statusText()));
    }

    void formProblems_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no project") << 0 << QString() << u"Sync failed: Enter the project."_s;
        QTest::newRow("GitHub without owner")
            << 1 << u"app"_s << u"Sync failed: Enter the GitHub repository as OWNER/REPO."_s;
    }

    void formProblems()
    {
        QFETCH(int, provider);
        QFETCH(QString, project);
        QFETCH(QString, expected);
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        PlatformSyncDialog* dialog = dashboard->openPlatformSync(PlatformSyncDialog::Kind::Findings);
        dialog->sourceForm()->providerBox()->setCurrentIndex(provider);
        dialog->sourceForm()->projectEdit()->setText(project);
        dialog->startSync();
        QVERIFY(!dialog->isBusy());
        QCOMPARE(dialog->statusText(), expected);
    }

    // Stop while fetching: nothing is written, no reload, and the client's own "canceled" answer is not shown.
    void stopWhileFetching()
    {
        LocalHttpServer server([](const LocalHttpServer::Request&) {
            return LocalHttpServer::Response{200, {}, "[]"};
        });
        QVERIFY(server.listen());
        std::unique_ptr<Dashboard> dashboard = openDashboard();
        PlatformSyncDialog* dialog = dashboard->openPlatformSync(PlatformSyncDialog::Kind::Deployments);
        QSignalSpy synced(dialog, &PlatformSyncDialog::synced);
        dialog->sourceForm()->urlEdit()->setText(server.baseUrl());
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->startSync();
        QVERIFY(dialog->isBusy());
        QVERIFY(dialog->stopButton()->isEnabled());
        dialog->stopButton()->click();
        QVERIFY(!dialog->isBusy());
        QCOMPARE(dialog->statusText(), u"Stopped; nothing was written."_s);
        QTest::qWait(200); // a late answer must change nothing (checked below)
        QCOMPARE(dialog->statusText(), u"Stopped; nothing was written."_s);
        QVERIFY(synced.isEmpty());
    }

    void noRepositoryOpen()
    {
        Dashboard dashboard;
        dashboard.setTokenStore(std::make_unique<runs::InMemoryTokenStore>());
        PlatformSyncDialog* dialog = dashboard.openPlatformSync(PlatformSyncDialog::Kind::Deployments);
        dialog->sourceForm()->projectEdit()->setText(u"7"_s);
        dialog->startSync();
        QCOMPARE(dialog->statusText(), u"Sync failed: Open a repository first: the notes are written to it."_s);
    }
};

QTEST_MAIN(TestPlatformSyncDialog)
#include "tst_platformsyncdialog.moc"
