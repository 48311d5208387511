// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalHttpServer.h"
#include "ScratchRepository.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "delivery/sync/DeploymentSyncClient.h"

#include <QTimeZone>
#include <QUrlQuery>
#include <QtTest>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::delivery;
using gatehouse::test::LocalHttpServer;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"glpat-secret-5678"_s;

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 4, day), QTime(hour, 0), QTimeZone::utc());
}

// GitLab's documented deployment object (GET /projects/:id/deployments), the fields Gatehouse reads.
QByteArray gitLabDeployment(int id, const QString& sha, const QString& environment, const QString& status,
                            const QString& finished)
{
    return QString::fromUtf8(R"({"id":%1,"iid":%1,"ref":"main","sha":"%2","created_at":"%5","updated_at":"%5",)"
                             R"("status":"%4","user":{"id":1,"name":"Dee Ployer","username":"dee"},)"
                             R"("environment":{"id":9,"name":"%3"},)"
                             R"("deployable":{"id":%1,"name":"deploy","status":"%4","finished_at":"%5"}})")
        .arg(id)
        .arg(sha, environment, status, finished)
        .toUtf8();
}

Result<DeploymentSyncReport> runSync(const runs::SyncRequest& request, const QString& token)
{
    DeploymentSyncClient client;
    std::optional<Result<DeploymentSyncReport>> outcome;
    QObject::connect(&client, &DeploymentSyncClient::finished,
                     [&outcome](const Result<DeploymentSyncReport>& result) { outcome = result; });
    client.start(request, token);
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return makeError(u"test.timeout"_s, u"no answer within 20 s"_s);
    return *outcome;
}

} // namespace

// `deployments sync` against a local server answering with GitLab's and GitHub's documented shapes.
class TestDeploymentSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // GitLab: X-Next-Page pagination, a 429 with Retry-After waited out; stored as notes and merged with the tags.
    void gitLabSyncStoresAndMerges()
    {
        test::ScratchRepository s;
        QVERIFY(s.isValid());
        const auto a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}}, at(1, 9));
        s.tag(u"deploy-1"_s, a, u"Production deployment"_s, at(1, 10));
        const auto b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}}, at(2, 9));
        const auto c = s.commit(u"feat: c"_s, {{u"c.txt"_s, "c\n"}}, at(3, 9));

        int calls = 0;
        LocalHttpServer server([&](const LocalHttpServer::Request& request) {
            ++calls;
            const QUrl url(QString::fromLatin1(request.target));
            if (!request.target.startsWith("/api/v4/projects/group%2Fapp/deployments?"))
                return LocalHttpServer::Response{404, {}, R"({"message":"404 Not Found"})"};
            if (calls == 1)
                return LocalHttpServer::Response{429, {{"Retry-After", "1"}}, R"({"message":"slow down"})"};
            const QString page = QUrlQuery(url).queryItemValue(u"page"_s);
            if (page.isEmpty())
                return LocalHttpServer::Response{
                    200,
                    {{"X-Next-Page", "2"}},
                    "[" + gitLabDeployment(3, c.toString(), u"production"_s, u"failed"_s, u"2026-04-03T11:00:00Z"_s)
                        + ","
                        + gitLabDeployment(2, b.toString(), u"production"_s, u"success"_s, u"2026-04-02T11:00:00Z"_s)
                        + "]"};
            return LocalHttpServer::Response{
                200,
                {{"X-Next-Page", ""}},
                "[" + gitLabDeployment(1, a.toString(), u"Production"_s, u"success"_s, u"2026-04-01T10:05:00Z"_s) + ","
                    + gitLabDeployment(4, c.toString(), u"staging"_s, u"running"_s, u"2026-04-03T12:00:00Z"_s) + ","
                    + gitLabDeployment(5, u"ffffffffffffffffffffffffffffffffffffffff"_s, u"production"_s, u"success"_s,
                                       u"2026-04-03T13:00:00Z"_s)
                    + "]"};
        });
        QVERIFY(server.listen());
        runs::SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = u"group/app"_s;
        request.since = at(1, 0);
        const Result<DeploymentSyncReport> result = runSync(request, kToken);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->deployments.size(), 5);
        QCOMPARE(result->rateLimitWaits, 1);
        QCOMPARE(result->requests, 3);
        for (const LocalHttpServer::Request& seen : server.requests()) {
            QCOMPARE(seen.headers.value("private-token"), kToken.toUtf8());
            QVERIFY(!seen.target.contains(kToken.toUtf8()));
            QVERIFY(seen.target.contains("updated_after=2026-04-01T00:00:00Z"));
        }

        const auto stored = PlatformDeployments::store(s.repo(), result->deployments);
        QVERIFY(stored.ok());
        QCOMPARE(stored->added, 4);
        QCOMPARE(stored->skipped, 1); // a commit this clone does not have
        const auto again = PlatformDeployments::store(s.repo(), result->deployments);
        QVERIFY(again.ok());
        QCOMPARE(again->unchanged, 4);
        QCOMPARE(again->added, 0);

        const auto snapshot = DeliveryAnalysis::run(s.path());
        QVERIFY(snapshot.ok());
        QStringList rows;
        for (const Deployment& d : snapshot->history.deployments)
            rows.append(u"%1 %2 %3 %4"_s.arg(d.tag, d.source, d.environment, d.failed ? u"failed"_s : u"ok"_s));
        // deploy-1 and GitLab's deployment 1 are one deployment; the running one is not a deployment yet.
        QCOMPARE(rows,
                 QStringList({u"deploy-1 tag+gitlab production ok"_s, u"gitlab#2 gitlab production ok"_s,
                              u"gitlab#3 gitlab production failed"_s}));
        const DoraSummary dora = DoraMetrics::compute(snapshot->history, u"production"_s);
        QCOMPARE(dora.deployments, 3);
        QCOMPARE(dora.changeFailureRate.value_or(-1), 1.0 / 3.0);
    }

    // GitHub: deployments then each one's statuses (newest first), Link pagination, Bearer token.
    void gitHubStatuses()
    {
        QString base;
        LocalHttpServer server([&](const LocalHttpServer::Request& request) {
            const QUrl url(QString::fromLatin1(request.target));
            const QString path = url.path();
            if (path == u"/repos/acme/app/deployments"_s) {
                if (QUrlQuery(url).queryItemValue(u"page"_s).isEmpty())
                    return LocalHttpServer::Response{
                        200,
                        {{"Link",
                          QString(u"<"_s + base + u"/repos/acme/app/deployments?per_page=50&page=2>; rel=\"next\""_s)
                              .toUtf8()}},
                        R"([{"id":11,"sha":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","ref":"main","task":"deploy",)"
                        R"("environment":"production","creator":{"login":"octo"},"created_at":"2026-04-02T10:00:00Z"}])"};
                return LocalHttpServer::Response{
                    200,
                    {},
                    R"([{"id":10,"sha":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","ref":"main","task":"deploy",)"
                    R"("environment":"Staging","creator":{"login":"octo"},"created_at":"2026-04-01T10:00:00Z"}])"};
            }
            if (path == u"/repos/acme/app/deployments/11/statuses"_s)
                return LocalHttpServer::Response{
                    200,
                    {},
                    R"([{"id":2,"state":"failure","created_at":"2026-04-02T10:07:00Z"},)"
                    R"({"id":1,"state":"in_progress","created_at":"2026-04-02T10:01:00Z"}])"};
            if (path == u"/repos/acme/app/deployments/10/statuses"_s)
                return LocalHttpServer::Response{200, {}, R"([])"};
            return LocalHttpServer::Response{404, {}, R"({"message":"Not Found"})"};
        });
        QVERIFY(server.listen());
        base = server.baseUrl();
        runs::SyncRequest request;
        request.provider = runs::SyncRequest::Provider::GitHub;
        request.baseUrl = QUrl(base);
        request.project = u"acme/app"_s;
        const Result<DeploymentSyncReport> result = runSync(request, u"ghp_token"_s);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->deployments.size(), 2);
        QCOMPARE(result->requests, 4);
        const PlatformDeployment& failed = result->deployments.at(0);
        QCOMPARE(failed.status, u"failed"_s);
        QCOMPARE(failed.finishedAt, QDateTime(QDate(2026, 4, 2), QTime(10, 7), QTimeZone::utc()));
        QCOMPARE(failed.user, u"octo"_s);
        QCOMPARE(result->deployments.at(1).status, u"created"_s); // no status yet: not finished
        QCOMPARE(result->deployments.at(1).environment, u"staging"_s);
        QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer ghp_token"));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("expired token") << 401 << QByteArray(R"({"message":"401 Unauthorized"})")
                                       << u"sync.unauthorized"_s;
        QTest::newRow("no access") << 403 << QByteArray(R"({"message":"403 Forbidden"})") << u"sync.forbidden"_s;
        QTest::newRow("no project") << 404 << QByteArray(R"({"message":"404 Not Found"})") << u"sync.not-found"_s;
        QTest::newRow("truncated body") << 200 << QByteArray("[{\"id\":1,\"sha\":\"ab") << u"sync.truncated"_s;
        QTest::newRow("not a list") << 200 << QByteArray(R"({"message":"hello"})") << u"sync.json"_s;
    }
    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        LocalHttpServer server([&](const LocalHttpServer::Request&) {
            return LocalHttpServer::Response{status, {}, body};
        });
        QVERIFY(server.listen());
        runs::SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = u"42"_s;
        const Result<DeploymentSyncReport> result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.contains(kToken));
    }

    void plainHttpElsewhereIsRefused()
    {
        runs::SyncRequest request;
        request.baseUrl = QUrl(u"http://gitlab.example.com"_s);
        request.project = u"42"_s;
        const Result<DeploymentSyncReport> result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"sync.insecure"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentSyncClient)
#include "tst_deploymentsyncclient.moc"
