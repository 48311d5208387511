// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalHttpServer.h"
#include "runs/sync/RunSyncClient.h"

#include <QElapsedTimer>
#include <QUrlQuery>
#include <QtTest>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::runs;
using gatehouse::test::LocalHttpServer;

namespace {

const QString kToken = QStringLiteral("glpat-secret-1234");

QByteArray gitLabPipeline(int id)
{
    return QString::fromUtf8(
               R"({"id":%1,"iid":%1,"project_id":42,"sha":"%2","ref":"main","status":"%3","source":"push",)"
               R"("created_at":"2026-11-0%4T10:00:00.000Z","updated_at":"2026-11-0%4T10:09:00.000Z",)"
               R"("web_url":"https://gitlab.example.com/p/-/pipelines/%1"})")
        .arg(id)
        .arg(QString::number(id).repeated(10).left(40))
        .arg(id % 2 ? QStringLiteral("success") : QStringLiteral("failed"))
        .arg(id % 9 + 1)
        .toUtf8();
}

QByteArray gitLabJobs(int pipeline)
{
    return QString::fromUtf8(R"([{"id":%1,"name":"build","stage":"build","status":"success","allow_failure":false,)"
                             R"("created_at":"2026-11-01T10:00:00.000Z","started_at":"2026-11-01T10:00:10.000Z",)"
                             R"("finished_at":"2026-11-01T10:02:10.000Z","duration":120.0,"queued_duration":10.0,)"
                             R"("pipeline":{"id":%2,"sha":"abc","ref":"main","status":"success"}}])")
        .arg(pipeline * 10)
        .arg(pipeline)
        .toUtf8();
}

QByteArray gitHubRun(int id)
{
    return QString::fromUtf8(R"({"total_count":2,"workflow_runs":[{"id":%1,"name":"CI","head_branch":"main",)"
                             R"("head_sha":"%2","run_attempt":1,"event":"push","status":"completed",)"
                             R"("conclusion":"success","created_at":"2026-11-01T10:00:00Z",)"
                             R"("run_started_at":"2026-11-01T10:00:05Z","updated_at":"2026-11-01T10:05:00Z"}]})")
        .arg(id)
        .arg(QString::number(id).repeated(10).left(40))
        .toUtf8();
}

QByteArray gitHubJobs(int run)
{
    return QString::fromUtf8(R"({"total_count":1,"jobs":[{"id":%1,"run_id":%2,"run_attempt":1,"name":"test",)"
                             R"("status":"completed","conclusion":"success","started_at":"2026-11-01T10:00:10Z",)"
                             R"("completed_at":"2026-11-01T10:04:10Z","steps":[]}]})")
        .arg(run * 10)
        .arg(run)
        .toUtf8();
}

Result<SyncReport> runSync(const SyncRequest& request, const QString& token, QStringList* progress = nullptr)
{
    RunSyncClient client;
    std::optional<Result<SyncReport>> outcome;
    QObject::connect(&client, &RunSyncClient::finished,
                     [&outcome](const Result<SyncReport>& result) { outcome = result; });
    if (progress)
        QObject::connect(&client, &RunSyncClient::progressed, [progress](const QString& m) { progress->append(m); });
    client.start(request, token);
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer within 20 s"));
    return *outcome;
}

} // namespace

class TestRunSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // GitLab: the pipelines list over two pages (X-Next-Page), then each pipeline's jobs; the token in a header.
    void gitLabPagination()
    {
        LocalHttpServer server([](const LocalHttpServer::Request& request) {
            const QUrl url(QString::fromLatin1(request.target));
            const QString page = QUrlQuery(url).queryItemValue(QStringLiteral("page"));
            if (url.path() == QLatin1String("/api/v4/projects/42/pipelines")) {
                if (page.isEmpty() || page == QLatin1String("1"))
                    return LocalHttpServer::Response{200,
                                                     {{"X-Next-Page", "2"}, {"X-Page", "1"}},
                                                     "[" + gitLabPipeline(101) + "," + gitLabPipeline(102) + "]"};
                return LocalHttpServer::Response{
                    200, {{"X-Next-Page", ""}, {"X-Page", "2"}}, "[" + gitLabPipeline(103) + "]"};
            }
            const QStringList parts = url.path().split(QLatin1Char('/'));
            if (parts.size() == 8 && parts.at(7) == QLatin1String("jobs"))
                return LocalHttpServer::Response{200, {}, gitLabJobs(parts.at(6).toInt())};
            return LocalHttpServer::Response{404, {}, R"({"message":"404 Not Found"})"};
        });
        QVERIFY(server.listen());
        SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = QStringLiteral("42");
        request.perPage = 2;
        auto result = runSync(request, kToken);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->runs.size(), 3);
        QCOMPARE(result->requests, 5); // 2 pages + 3 job lists
        for (const Run& run : result->runs) {
            QCOMPARE(run.jobs.size(), 1);
            QCOMPARE(run.jobs.first().durationSeconds, 120.0);
        }
        QCOMPARE(result->runs.at(1).status, RunStatus::Failed);
        for (const LocalHttpServer::Request& seen : server.requests()) {
            QCOMPARE(seen.headers.value("private-token"), kToken.toUtf8());
            QVERIFY(!seen.target.contains(kToken.toUtf8()));
        }
        QVERIFY(server.requests().at(1).target.contains("page=2"));
    }

    // GitHub: a 429 with Retry-After is waited out, then the Link header leads to page 2.
    void gitHubRateLimitAndLink()
    {
        int listCalls = 0;
        QString base;
        LocalHttpServer server([&listCalls, &base](const LocalHttpServer::Request& request) {
            const QUrl url(QString::fromLatin1(request.target));
            if (url.path() == QLatin1String("/repos/octo/app/actions/runs")) {
                if (++listCalls == 1)
                    return LocalHttpServer::Response{429, {{"Retry-After", "1"}}, R"({"message":"slow down"})"};
                if (QUrlQuery(url).queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
                    return LocalHttpServer::Response{200, {{"X-RateLimit-Remaining", "4990"}}, gitHubRun(7002)};
                const QByteArray next = "<" + base.toUtf8()
                    + "/repos/octo/app/actions/runs?per_page=1&page=2>; rel=\"next\", <" + base.toUtf8()
                    + "/repos/octo/app/actions/runs?per_page=1&page=2>; rel=\"last\"";
                return LocalHttpServer::Response{200, {{"Link", next}}, gitHubRun(7001)};
            }
            const QStringList parts = url.path().split(QLatin1Char('/'));
            if (parts.size() == 8 && parts.at(7) == QLatin1String("jobs"))
                return LocalHttpServer::Response{200, {}, gitHubJobs(parts.at(6).toInt())};
            return LocalHttpServer::Response{404, {}, R"({"message":"Not Found"})"};
        });
        QVERIFY(server.listen());
        base = server.baseUrl();
        SyncRequest request;
        request.provider = SyncRequest::Provider::GitHub;
        request.baseUrl = QUrl(base);
        request.project = QStringLiteral("octo/app");
        request.perPage = 1;
        QStringList progress;
        QElapsedTimer timer;
        timer.start();
        auto result = runSync(request, kToken, &progress);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QVERIFY(timer.elapsed() >= 900); // the Retry-After second was honoured
        QCOMPARE(result->rateLimitWaits, 1);
        QCOMPARE(result->runs.size(), 2);
        QCOMPARE(result->runs.at(0).id, QStringLiteral("7001"));
        QCOMPARE(result->runs.at(1).id, QStringLiteral("7002"));
        QCOMPARE(result->runs.at(1).jobs.size(), 1);
        QVERIFY(progress.contains(QStringLiteral("rate-limited by 127.0.0.1: waiting 1 s")));
        QCOMPARE(server.requests().first().headers.value("authorization"), "Bearer " + kToken.toUtf8());
        for (const QString& message : std::as_const(progress))
            QVERIFY(!message.contains(kToken));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("401 token rejected") << 401 << QByteArray() << QStringLiteral("sync.unauthorized")
                                            << QStringLiteral("token rejected by 127.0.0.1 (HTTP 401)");
        QTest::newRow("404 project") << 404 << QByteArray() << QStringLiteral("sync.not-found")
                                     << QStringLiteral("127.0.0.1 has no project 42 (HTTP 404)");
        QTest::newRow("429 too long") << 429 << QByteArray("3600") << QStringLiteral("sync.rate-limited")
                                      << QStringLiteral("127.0.0.1 rate-limited the sync (HTTP 429)");
        QTest::newRow("500") << 500 << QByteArray() << QStringLiteral("sync.http")
                             << QStringLiteral("127.0.0.1 answered HTTP 500");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, code);
        QFETCH(QString, messageStart);
        LocalHttpServer server([&](const LocalHttpServer::Request&) {
            LocalHttpServer::Response response{status, {}, R"({"message":"no"})"};
            if (!retryAfter.isEmpty())
                response.headers.append({"Retry-After", retryAfter});
            return response;
        });
        QVERIFY(server.listen());
        SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = QStringLiteral("42");
        auto result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.startsWith(messageStart), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(kToken));
        QCOMPARE(server.requests().size(), 1);
    }

    void brokenPage()
    {
        LocalHttpServer server([](const LocalHttpServer::Request&) {
            return LocalHttpServer::Response{200, {}, "[{\"id\": 1, \"sha\": "};
        });
        QVERIFY(server.listen());
        SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = QStringLiteral("42");
        auto result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("runs.truncated"));
    }

    void plainHttpElsewhereIsRefused()
    {
        SyncRequest request;
        request.baseUrl = QUrl(QStringLiteral("http://gitlab.example.com"));
        request.project = QStringLiteral("42");
        auto result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("sync.insecure"));
    }

    void urls()
    {
        SyncRequest request;
        request.baseUrl = QUrl(QStringLiteral("https://gitlab.example.com/"));
        request.project = QStringLiteral("group/sub project");
        QCOMPARE(
            RunSyncClient::runsUrl(request).toString(QUrl::FullyEncoded),
            QStringLiteral("https://gitlab.example.com/api/v4/projects/group%2Fsub%20project/pipelines?per_page=50"));
        request.provider = SyncRequest::Provider::GitHub;
        request.baseUrl = QUrl(QStringLiteral("https://api.github.com"));
        request.project = QStringLiteral("octo/app");
        QCOMPARE(RunSyncClient::runsUrl(request).toString(QUrl::FullyEncoded),
                 QStringLiteral("https://api.github.com/repos/octo/app/actions/runs?per_page=50"));
    }
};

QTEST_GUILESS_MAIN(TestRunSyncClient)
#include "tst_runsyncclient.moc"
