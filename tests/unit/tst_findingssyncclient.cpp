// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "LocalHttpServer.h"
#include "ScratchRepository.h"
#include "security/ScanNote.h"
#include "security/sync/FindingsSyncClient.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

#include <optional>

using namespace gatehouse;
using gatehouse::test::LocalHttpServer;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"glpat-secret-9876"_s;
using Response = LocalHttpServer::Response;

Response json(const QByteArray& body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    return Response{200, std::move(headers), body};
}

Response notFound()
{
    return Response{404, {}, R"({"message":"404 Not Found"})"};
}

// GitLab's security report (the documented schema's fields Gatehouse reads).
QByteArray gitLabReport(const QByteArray& type, const QByteArray& scanner, const QByteArray& rule,
                        const QByteArray& file)
{
    return R"({"version":"15.0.7","scan":{"type":")" + type + R"(","status":"success","scanner":{"id":")" + scanner
        + R"(","name":"S","vendor":{"name":"GitLab"},"version":"1"}},"vulnerabilities":[{"id":"1","name":"Issue )"
        + rule + R"(","severity":"High","location":{"file":")" + file
        + R"(","start_line":4},"identifiers":[{"type":"rule","name":")" + rule + R"(","value":")" + rule + R"("}]}]})";
}

// GitLab's job object (GET /projects/:id/pipelines/:pipeline_id/jobs) with its `artifacts` list.
QByteArray gitLabJob(int id, const QByteArray& name, const QByteArray& fileType, const QByteArray& file)
{
    return R"({"id":)" + QByteArray::number(id) + R"(,"name":")" + name
        + R"(","status":"success","stage":"test","artifacts":[{"file_type":"archive","size":1000,)"
          R"("filename":"artifacts.zip","file_format":"zip"},{"file_type":"metadata","size":186,)"
          R"("filename":"metadata.gz","file_format":"gzip"},{"file_type":")"
        + fileType + R"(","size":1234,"filename":")" + file + R"(","file_format":"raw"}]})";
}

QByteArray sarif(const QByteArray& rule, const QByteArray& file)
{
    return R"({"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":)"
           R"({"driver":{"name":"CodeQL","rules":[{"id":")"
        + rule + R"("}]}},"results":[{"ruleId":")" + rule
        + R"(","level":"error","message":{"text":"Problem"},"locations":[{"physicalLocation":{"artifactLocation":)"
          R"({"uri":")"
        + file + R"("},"region":{"startLine":7}}}]}]}]})";
}

QByteArray alert(int number, const QByteArray& package, const QByteArray& severity)
{
    return R"({"number":)" + QByteArray::number(number)
        + R"(,"state":"open","dependency":{"package":{"ecosystem":)"
          R"("npm","name":")"
        + package
        + R"("},"manifest_path":"package-lock.json","scope":"runtime"},"security_advisory":{"ghsa_id":)"
          R"("GHSA-aaaa-bbbb-000)"
        + QByteArray::number(number) + R"(","cve_id":null,"summary":"Bad )" + package + R"(","severity":")" + severity
        + R"(","identifiers":[]},"security_vulnerability":{"severity":")" + severity
        + R"(","first_patched_version":{"identifier":"2.0.0"}}})";
}

Result<FindingsSyncReport> runSync(const runs::SyncRequest& request, const QString& token)
{
    FindingsSyncClient client;
    std::optional<Result<FindingsSyncReport>> outcome;
    QObject::connect(&client, &FindingsSyncClient::finished,
                     [&outcome](const Result<FindingsSyncReport>& result) { outcome = result; });
    client.start(request, token);
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return makeError(u"test.timeout"_s, u"no answer within 20 s"_s);
    return *outcome;
}

QStringList noteNames(git::Repository& repo, const git::ObjectId& commit)
{
    const auto note = repo.readNote(u"refs/notes/gatehouse-scans"_s, commit);
    if (!note.ok() || !note.value())
        return {};
    const auto reports = ScanNote::unpack(*note.value());
    QStringList names;
    if (reports.ok())
        for (const NoteReport& r : reports.value())
            names << r.path;
    names.sort();
    return names;
}

const QByteArray kMissing = "ffffffffffffffffffffffffffffffffffffffff";

// A GitLab double: project 5 (group/app), default branch main, three successful pipelines on two pages (the oldest
// on a commit the clone lacks), a 429 first, an expired artifact.
LocalHttpServer::Handler gitLabServer(const QByteArray& newer, const QByteArray& older, int* calls)
{
    return [=](const LocalHttpServer::Request& request) {
        ++*calls;
        if (*calls == 1)
            return Response{429, {{"Retry-After", "1"}}, R"({"message":"429 Too Many Requests"})"};
        const QByteArray target = request.target;
        const QString page = QUrlQuery(QUrl(QString::fromLatin1(target))).queryItemValue(u"page"_s);
        const QByteArray base = "/api/v4/projects/group%2Fapp";
        if (target == base)
            return json(R"({"id":5,"path_with_namespace":"group/app","default_branch":"main"})");
        if (target.startsWith(QByteArray(base + "/pipelines?"))) {
            if (page.isEmpty())
                return json(R"([{"id":12,"iid":3,"project_id":5,"sha":")" + newer
                                + R"(","ref":"main","status":"success","source":"push"}])",
                            {{"X-Next-Page", "2"}});
            return json(R"([{"id":11,"iid":2,"project_id":5,"sha":")" + older
                        + R"(","ref":"main","status":"success"},{"id":10,"iid":1,"project_id":5,"sha":")" + kMissing
                        + R"(","ref":"main","status":"success"}])");
        }
        if (target.startsWith(QByteArray(base + "/pipelines/12/jobs")))
            return json("[" + gitLabJob(101, "semgrep-sast", "sast", "gl-sast-report.json") + ","
                        + gitLabJob(102, "gemnasium-dependency_scanning", "dependency_scanning",
                                    "gl-dependency-scanning-report.json")
                        + R"(,{"id":103,"name":"build","status":"success","artifacts":[]}])");
        if (target.startsWith(QByteArray(base + "/pipelines/11/jobs")))
            return json("[" + gitLabJob(91, "semgrep-sast", "sast", "gl-sast-report.json") + ","
                        + gitLabJob(92, "secret_detection", "secret_detection", "gl-secret-detection-report.json")
                        + "]");
        if (target.startsWith(QByteArray(base + "/pipelines/10/jobs")))
            return json("[" + gitLabJob(81, "semgrep-sast", "sast", "gl-sast-report.json") + "]");
        if (target == base + "/jobs/101/artifacts/gl-sast-report.json")
            return json(gitLabReport("sast", "semgrep", "rules.eval-new", "src/new.js"));
        if (target == base + "/jobs/102/artifacts/gl-dependency-scanning-report.json")
            return json(gitLabReport("dependency_scanning", "gemnasium", "CVE-2020-1", "package-lock.json"));
        if (target == base + "/jobs/91/artifacts/gl-sast-report.json")
            return json(gitLabReport("sast", "semgrep", "rules.eval-old", "src/old.js"));
        if (target == base + "/jobs/81/artifacts/gl-sast-report.json")
            return json(gitLabReport("sast", "semgrep", "rules.eval-oldest", "src/oldest.js"));
        return notFound(); // job 92's artifact expired
    };
}

// A GitHub double: octo/app, default branch trunk, two code-scanning analyses, Dependabot alerts on two Link pages.
// The moc does not parse raw strings with unbalanced braces inside a class, hence a free function.
LocalHttpServer::Handler gitHubServer(const QByteArray& olderSha, const QByteArray& newerSha, const QString* base)
{
    return [=](const LocalHttpServer::Request& request) {
        const QByteArray t = request.target;
        if (t == "/repos/octo/app")
            return json(R"({"id":1,"full_name":"octo/app","default_branch":"trunk"})");
        if (t.startsWith("/repos/octo/app/code-scanning/analyses?"))
            return json(R"([{"id":201,"ref":"refs/heads/trunk","commit_sha":")" + newerSha
                        + R"(","analysis_key":".github/workflows/codeql.yml:analyze","category":)"
                          R"(".github/workflows/codeql.yml:analyze/language:javascript","created_at":)"
                          R"("2026-04-03T10:00:00Z","results_count":1,"tool":{"name":"CodeQL"}},)"
                          R"({"id":200,"ref":"refs/heads/trunk","commit_sha":")"
                        + olderSha
                        + R"(","category":".github/workflows/codeql.yml:analyze/language:javascript",)"
                          R"("created_at":"2026-04-02T10:00:00Z","tool":{"name":"CodeQL"}}])");
        if (t == "/repos/octo/app/code-scanning/analyses/201") {
            if (request.headers.value("accept") != "application/sarif+json")
                return Response{406, {}, R"({"message":"not acceptable"})"};
            return json(sarif("js/sql-injection", "src/db.js"));
        }
        if (t == "/repos/octo/app/code-scanning/analyses/200")
            return json(sarif("js/xss", "src/view.js"));
        if (t.startsWith("/repos/octo/app/dependabot/alerts?")) {
            if (!t.contains("after=cursor1"))
                return json("[" + alert(1, "lodash", "high") + "]",
                            {{"Link",
                              "<" + base->toLatin1()
                                  + "/repos/octo/app/dependabot/alerts?state=open&per_page=100"
                                    "&after=cursor1>; rel=\"next\""}});
            return json("[" + alert(2, "minimist", "critical") + "]");
        }
        if (t == "/repos/octo/app/branches/trunk")
            return json(R"({"name":"trunk","commit":{"sha":")" + newerSha + R"("}})");
        return notFound();
    };
}

} // namespace

// `findings sync` against a local server answering with GitLab's and GitHub's documented shapes.
class TestFindingsSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gitLabPipelinesReportsStored()
    {
        test::ScratchRepository s;
        QVERIFY(s.isValid());
        const git::ObjectId a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}});
        const git::ObjectId b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}});
        int calls = 0;
        LocalHttpServer server(gitLabServer(b.toString().toLatin1(), a.toString().toLatin1(), &calls));
        QVERIFY(server.listen());
        runs::SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = u"group/app"_s;
        request.maxRuns = 10;
        request.since = QDateTime(QDate(2026, 4, 1), QTime(0, 0), QTimeZone::utc());
        const Result<FindingsSyncReport> result = runSync(request, kToken);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->defaultBranch, u"main"_s);
        QCOMPARE(result->pipelines, 3);
        QCOMPARE(result->missing, 1);
        QCOMPARE(result->rateLimitWaits, 1);
        QStringList fetched;
        for (const SyncedReport& r : result->reports)
            fetched << u"%1 %2 %3"_s.arg(r.kind, r.name).arg(r.findings);
        QCOMPARE(fetched,
                 QStringList({u"sast gitlab-sast-semgrep-sast.json 1"_s,
                              u"dependency_scanning gitlab-dependency_scanning-gemnasium-dependency_scanning.json 1"_s,
                              u"sast gitlab-sast-semgrep-sast.json 1"_s, u"sast gitlab-sast-semgrep-sast.json 1"_s}));
        // project (+1 for the 429), 2 pipeline pages, 3 job lists, 5 artifacts (one 404).
        QCOMPARE(result->requests, 12);
        bool pipelinesAsked = false;
        for (const LocalHttpServer::Request& seen : server.requests()) {
            QCOMPARE(seen.headers.value("private-token"), kToken.toUtf8());
            QVERIFY(!seen.target.contains(kToken.toUtf8()));
            if (seen.target.contains("/pipelines?")) {
                const QUrlQuery query(QUrl(QString::fromLatin1(seen.target)));
                QCOMPARE(query.queryItemValue(u"ref"_s), u"main"_s);
                QCOMPARE(query.queryItemValue(u"status"_s), u"success"_s);
                QCOMPARE(query.queryItemValue(u"order_by"_s), u"id"_s);
                QCOMPARE(query.queryItemValue(u"sort"_s), u"desc"_s);
                QCOMPARE(query.queryItemValue(u"updated_after"_s), u"2026-04-01T00:00:00Z"_s);
                pipelinesAsked = true;
            }
        }
        QVERIFY(pipelinesAsked);

        const auto stored = FindingsSyncClient::store(s.repo(), result->reports);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
        QCOMPARE(stored->stored.value(u"sast"_s), 2);
        QCOMPARE(stored->stored.value(u"dependency_scanning"_s), 1);
        QCOMPARE(stored->skipped, 1);
        QCOMPARE(stored->skippedCommits, 1);
        QCOMPARE(noteNames(s.repo(), b),
                 QStringList({u"gitlab-dependency_scanning-gemnasium-dependency_scanning.json"_s,
                              u"gitlab-sast-semgrep-sast.json"_s}));
        QCOMPARE(noteNames(s.repo(), a), QStringList({u"gitlab-sast-semgrep-sast.json"_s}));
        const auto again = FindingsSyncClient::store(s.repo(), result->reports);
        QVERIFY(again.ok());
        QCOMPARE(again->unchanged, 3);
        QVERIFY(again->stored.isEmpty());
    }

    // GitHub: code-scanning analyses as SARIF (Accept header), Dependabot alerts over two Link pages on the head.
    void gitHubCodeScanningAndDependabot()
    {
        test::ScratchRepository s;
        QVERIFY(s.isValid());
        const git::ObjectId a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}});
        const git::ObjectId b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}});
        QString base;
        LocalHttpServer server(gitHubServer(a.toString().toLatin1(), b.toString().toLatin1(), &base));
        QVERIFY(server.listen());
        base = server.baseUrl();
        runs::SyncRequest request;
        request.provider = runs::SyncRequest::Provider::GitHub;
        request.baseUrl = QUrl(base);
        request.project = u"octo/app"_s;
        const Result<FindingsSyncReport> result = runSync(request, kToken);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->defaultBranch, u"trunk"_s);
        QCOMPARE(result->pipelines, 2);
        QCOMPARE(result->requests, 7);
        QStringList fetched;
        for (const SyncedReport& r : result->reports)
            fetched << u"%1 %2 %3"_s.arg(r.kind, r.name).arg(r.findings);
        const QString sarifName
            = u"github-code-scanning--github-workflows-codeql-yml-analyze-language-javascript.sarif"_s;
        QCOMPARE(fetched,
                 QStringList({u"code_scanning %1 1"_s.arg(sarifName), u"code_scanning %1 1"_s.arg(sarifName),
                              u"dependabot github-dependabot-alerts.json 2"_s}));
        for (const LocalHttpServer::Request& seen : server.requests()) {
            QCOMPARE(seen.headers.value("authorization"), "Bearer " + kToken.toUtf8());
            if (seen.target.contains("/code-scanning/analyses?"))
                QVERIFY(seen.target.contains("ref=refs/heads/trunk"));
        }
        const auto stored = FindingsSyncClient::store(s.repo(), result->reports);
        QVERIFY(stored.ok());
        QCOMPARE(stored->stored.value(u"code_scanning"_s), 2);
        QCOMPARE(stored->stored.value(u"dependabot"_s), 1);
        QCOMPARE(stored->skipped, 0);
        QCOMPARE(noteNames(s.repo(), b), QStringList({sarifName, u"github-dependabot-alerts.json"_s}));
        QCOMPARE(noteNames(s.repo(), a), QStringList({sarifName}));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("failingPath"); // the request answered with `status` and `body`
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QByteArray project = "/api/v4/projects/42";
        QTest::newRow("expired token") << project << 401 << QByteArray(R"({"message":"401 Unauthorized"})")
                                       << u"sync.unauthorized"_s << u"token rejected"_s;
        QTest::newRow("no access") << project << 403 << QByteArray(R"({"message":"403 Forbidden"})")
                                   << u"sync.forbidden"_s << u"HTTP 403"_s;
        QTest::newRow("no project") << project << 404 << QByteArray(R"({"message":"404 Not Found"})")
                                    << u"sync.not-found"_s << u"has no project 42"_s;
        QTest::newRow("truncated pipeline list")
            << project + "/pipelines" << 200 << QByteArray("[{\"id\":1,\"sha\":\"ab") << u"sync.truncated"_s
            << u"not complete JSON"_s;
        QTest::newRow("truncated report") << project + "/jobs/7/artifacts/gl-sast-report.json" << 200
                                          << gitLabReport("sast", "semgrep", "r", "a.js").left(120)
                                          << u"report.truncated"_s << u"/jobs/7/artifacts/gl-sast-report.json"_s;
        QTest::newRow("report of no known format")
            << project + "/jobs/7/artifacts/gl-sast-report.json" << 200 << QByteArray(R"({"hello":"world"})")
            << u"report.unknown-format"_s << u"gl-sast-report.json"_s;
    }
    void errors()
    {
        QFETCH(QByteArray, failingPath);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        LocalHttpServer server([&](const LocalHttpServer::Request& request) {
            const QByteArray path = request.target.left(request.target.indexOf('?') < 0 ? request.target.size()
                                                                                        : request.target.indexOf('?'));
            if (path == failingPath)
                return Response{status, {}, body};
            if (path == "/api/v4/projects/42")
                return json(R"({"id":42,"default_branch":"main"})");
            if (path == "/api/v4/projects/42/pipelines")
                return json(R"([{"id":1,"sha":"0123456789012345678901234567890123456789","ref":"main"}])");
            if (path == "/api/v4/projects/42/pipelines/1/jobs")
                return json("[" + gitLabJob(7, "sast", "sast", "gl-sast-report.json") + "]");
            return notFound();
        });
        QVERIFY(server.listen());
        runs::SyncRequest request;
        request.baseUrl = QUrl(server.baseUrl());
        request.project = u"42"_s;
        const Result<FindingsSyncReport> result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(kToken));
    }

    void plainHttpElsewhereIsRefused()
    {
        runs::SyncRequest request;
        request.baseUrl = QUrl(u"http://gitlab.example.com"_s);
        request.project = u"42"_s;
        const Result<FindingsSyncReport> result = runSync(request, kToken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"sync.insecure"_s);
    }

    // End to end: `gatehouse findings sync` stores the notes, `gatehouse posture` then counts their findings.
    void cliSyncThenPosture()
    {
        test::ScratchRepository s;
        QVERIFY(s.isValid());
        const git::ObjectId a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}});
        const git::ObjectId b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}});
        int calls = 0;
        LocalHttpServer server(gitLabServer(b.toString().toLatin1(), a.toString().toLatin1(), &calls));
        QVERIFY(server.listen());
        const test::CliRun sync = test::CliRunner()
                                      .setEnvironment(u"SCAN_TOKEN"_s, kToken)
                                      .setTimeout(60000)
                                      .runWithEventLoop({u"findings"_s, u"sync"_s, u"--repo"_s, s.path(), u"--gitlab"_s,
                                                         server.baseUrl(), u"--project"_s, u"group/app"_s,
                                                         u"--token-env"_s, u"SCAN_TOKEN"_s, u"--format"_s, u"json"_s});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY(!sync.out.contains(kToken.toUtf8()) && !sync.err.contains(kToken.toUtf8()));
        const QJsonObject out = sync.json();
        QCOMPARE(out.value(u"stored"_s).toObject().value(u"sast"_s).toInt(), 2);
        QCOMPARE(out.value(u"stored"_s).toObject().value(u"dependency_scanning"_s).toInt(), 1);
        QCOMPARE(out.value(u"skipped_commits"_s).toInt(), 1);
        QCOMPARE(out.value(u"requests"_s).toInt(), 12);
        QVERIFY2(sync.err.contains("1 report(s) of 1 commit(s) this repository does not have"), sync.err.constData());

        const test::CliRun posture = test::CliRunner().run(
            {u"posture"_s, u"--repo"_s, s.path(), u"--format"_s, u"json"_s, u"--now"_s, u"2026-02-01T00:00:00Z"_s});
        QVERIFY2(posture.exitCode == 0, posture.err.constData());
        QStringList open;
        for (const QJsonValue& f : posture.json().value(u"findings"_s).toArray()) {
            const QJsonObject o = f.toObject();
            open << u"%1 %2 %3 %4"_s.arg(o.value(u"tool"_s).toString(), o.value(u"category"_s).toString(),
                                         o.value(u"rule"_s).toString(), o.value(u"state"_s).toString());
        }
        open.sort();
        // rules.eval-old was in a's report and is gone from b's: fixed by b.
        QCOMPARE(open,
                 QStringList({u"gemnasium dependency CVE-2020-1 open"_s, u"semgrep sast rules.eval-new open"_s,
                              u"semgrep sast rules.eval-old fixed"_s}));
        QCOMPARE(posture.json().value(u"scans"_s).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFindingsSyncClient)
#include "tst_findingssyncclient.moc"
