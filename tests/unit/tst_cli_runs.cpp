// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "LocalHttpServer.h"
#include "ScratchRepository.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using gatehouse::test::ScratchRepository;
namespace git = gatehouse::git;

// `gatehouse runs import|analyze` through the real binary, headless, with a private XDG data directory.
class TestCliRuns : public QObject
{
    Q_OBJECT

    using Output = gatehouse::test::CliRun;

    Output run(const QStringList& arguments, const QString& dataHome = {}) const
    {
        return gatehouse::test::CliRunner()
            .setEnvironment(QStringLiteral("XDG_DATA_HOME"), dataHome.isEmpty() ? m_dataHome->path() : dataHome)
            .run(arguments);
    }

    QString writeFile(const QString& name, const QByteArray& content) const
    {
        const QString path = m_files->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    static QByteArray workflowRun(int id, int attempt, const git::ObjectId& sha, const char* conclusion,
                                  const char* started, const char* updated)
    {
        return QStringLiteral(R"({"id": %1, "name": "CI", "head_branch": "main", "head_sha": "%2", "event": "push",
                                  "status": "completed", "conclusion": "%3", "workflow_id": 7, "run_attempt": %4,
                                  "created_at": "%5", "run_started_at": "%5", "updated_at": "%6"})")
            .arg(id)
            .arg(sha.toString(), QLatin1String(conclusion))
            .arg(attempt)
            .arg(QLatin1String(started), QLatin1String(updated))
            .toUtf8();
    }

    static QByteArray workflowJob(int id, int runId, int attempt, const git::ObjectId& sha, const char* conclusion,
                                  const char* started, const char* completed)
    {
        return QStringLiteral(R"({"id": %1, "run_id": %2, "run_attempt": %3, "head_sha": "%4", "head_branch": "main",
                                  "workflow_name": "CI", "name": "test", "status": "completed", "conclusion": "%5",
                                  "created_at": "%6", "started_at": "%6", "completed_at": "%7", "steps": []})")
            .arg(id)
            .arg(runId)
            .arg(attempt)
            .arg(sha.toString(), QLatin1String(conclusion), QLatin1String(started), QLatin1String(completed))
            .toUtf8();
    }

    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<ScratchRepository> m_repo;
    QString m_runsFile;
    QString m_jobsFile;

private Q_SLOTS:
    // `runs sync` against a GitLab double on 127.0.0.1: the token comes from the environment variable named by
    // --token-env, travels in a header only, and never reaches the output.
    void syncFromLocalGitLab()
    {
        const QByteArray token = "glpat-cli-secret";
        gatehouse::test::LocalHttpServer server([token](const gatehouse::test::LocalHttpServer::Request& request) {
            const QByteArray path = request.target.left(request.target.indexOf('?'));
            if (request.headers.value("private-token") != token)
                return gatehouse::test::LocalHttpServer::Response{401, {}, R"({"message":"401 Unauthorized"})"};
            if (path == "/api/v4/projects/5/pipelines")
                return gatehouse::test::LocalHttpServer::Response{
                    200,
                    {},
                    R"([{"id":77,"iid":1,"project_id":5,"sha":"0123456789abcdef0123456789abcdef01234567",)"
                    R"("ref":"main","status":"failed","source":"push","created_at":"2026-11-01T10:00:00Z",)"
                    R"("updated_at":"2026-11-01T10:06:00Z"}])"};
            return gatehouse::test::LocalHttpServer::Response{
                200,
                {},
                R"([{"id":770,"name":"unit","stage":"test","status":"failed","duration":61.0,)"
                R"("pipeline":{"id":77}}])"};
        });
        QVERIFY(server.listen());
        const auto sync = [&](const QByteArray& tokenValue) {
            // Waiting runs this thread's event loop, so the server can answer the child.
            return gatehouse::test::CliRunner()
                .setEnvironment(QStringLiteral("XDG_DATA_HOME"), m_dataHome->path())
                .setEnvironment(QStringLiteral("CI_SERVER_TOKEN"), QString::fromLatin1(tokenValue))
                .setTimeout(60000)
                .runWithEventLoop({QStringLiteral("runs"), QStringLiteral("sync"), QStringLiteral("--repo"),
                                   m_repo->path(), QStringLiteral("--gitlab"), server.baseUrl(),
                                   QStringLiteral("--project"), QStringLiteral("5"), QStringLiteral("--token-env"),
                                   QStringLiteral("CI_SERVER_TOKEN"), QStringLiteral("--format"),
                                   QStringLiteral("json")});
        };
        const Output output = sync(token);
        QVERIFY2(output.exitCode == 0, output.err.constData());
        const QJsonObject json = output.json();
        QCOMPARE(json.value(u"runs").toInt(), 1);
        QCOMPARE(json.value(u"requests").toInt(), 2);
        QVERIFY(!output.out.contains(token) && !output.err.contains(token));
        const Output rejected = sync("wrong");
        QCOMPARE(rejected.exitCode, 2);
        QVERIFY2(rejected.err.contains("token rejected by 127.0.0.1 (HTTP 401)"), rejected.err.constData());
        QVERIFY(!rejected.err.contains("wrong"));
    }

    void init()
    {
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_files = std::make_unique<QTemporaryDir>();
        m_repo = std::make_unique<ScratchRepository>();
        const git::ObjectId a = m_repo->commit(QStringLiteral("feat: a"), {{QStringLiteral("a.txt"), "a"}});
        const git::ObjectId b = m_repo->commit(QStringLiteral("feat: b"), {{QStringLiteral("a.txt"), "b"}});
        const git::ObjectId c = m_repo->commit(QStringLiteral("feat: c"), {{QStringLiteral("a.txt"), "c"}});
        // Run 2 fails on B and passes when re-run (attempt 2): one false failure, a 900 s recovery.
        m_runsFile
            = writeFile(QStringLiteral("runs.json"),
                        "{\"total_count\": 4, \"workflow_runs\": ["
                            + workflowRun(1, 1, a, "success", "2026-01-05T10:00:00Z", "2026-01-05T10:05:00Z") + ","
                            + workflowRun(2, 1, b, "failure", "2026-01-05T11:00:00Z", "2026-01-05T11:10:00Z") + ","
                            + workflowRun(2, 2, b, "success", "2026-01-05T11:20:00Z", "2026-01-05T11:25:00Z") + ","
                            + workflowRun(3, 1, c, "success", "2026-01-05T12:00:00Z", "2026-01-05T12:04:00Z") + "]}");
        m_jobsFile = writeFile(
            QStringLiteral("jobs.json"),
            "{\"total_count\": 2, \"jobs\": ["
                + workflowJob(20, 2, 1, b, "failure", "2026-01-05T11:00:10Z", "2026-01-05T11:08:00Z") + ","
                + workflowJob(21, 2, 2, b, "success", "2026-01-05T11:20:10Z", "2026-01-05T11:24:00Z") + "]}");
        QVERIFY(!m_runsFile.isEmpty() && !m_jobsFile.isEmpty());
    }

    void importIsIdempotent()
    {
        Output first = run(
            {QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(), m_runsFile});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("(github-runs): 4 runs, 0 jobs — imported 4, updated 0, skipped 0"),
                 first.out.constData());

        Output again = run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                            QStringLiteral("--format"), QStringLiteral("json"), m_runsFile});
        QCOMPARE(again.exitCode, 0);
        QJsonObject json = again.json();
        QCOMPARE(json.value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("skipped")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("stored_runs")).toInt(), 4);
        const QString store = json.value(QStringLiteral("store")).toString();
        QVERIFY2(store.startsWith(m_dataHome->path()), qPrintable(store));
        QVERIFY(QFile::exists(store));

        Output jobs = run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                           QStringLiteral("--format"), QStringLiteral("json"), m_jobsFile});
        QCOMPARE(jobs.exitCode, 0);
        json = jobs.json();
        QCOMPARE(json.value(QStringLiteral("updated")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("stored_runs")).toInt(), 4);
        const QJsonObject file = json.value(QStringLiteral("files")).toArray().first().toObject();
        QCOMPARE(file.value(QStringLiteral("format")).toString(), QStringLiteral("github-jobs"));
        QCOMPARE(file.value(QStringLiteral("jobs")).toInt(), 2);
    }

    void unreadableFilesExitTwo()
    {
        const QString truncated = writeFile(QStringLiteral("truncated.json"), "{\"workflow_runs\": [{\"id\": 1,");
        Output output = run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                             m_runsFile, truncated, m_files->filePath(QStringLiteral("missing.json"))});
        QCOMPARE(output.exitCode, 2);
        QVERIFY2(output.err.contains("truncated.json: cannot import: line 1, column 29: the JSON ends early"),
                 output.err.constData());
        QVERIFY(output.err.contains("[runs.truncated]"));
        QVERIFY(output.err.contains("missing.json: no such file"));
        // The readable file was still imported.
        QVERIFY(output.out.contains("imported 4"));
    }

    void brokenRecordsAreReported()
    {
        const QString broken = writeFile(QStringLiteral("broken.json"),
                                         R"({"workflow_runs": [{"id": "x", "head_sha": "a", "run_attempt": 1}]})");
        Output output
            = run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(), broken});
        QCOMPARE(output.exitCode, 0);
        QVERIFY2(output.err.contains("/workflow_runs/0/id: expected an integer id, got string (skipped) "
                                     "[runs.wrong-type]"),
                 output.err.constData());
        QVERIFY(output.out.contains("skipped 1 broken records"));
    }

    void analyzeJson()
    {
        QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                      m_runsFile, m_jobsFile})
                     .exitCode,
                 0);
        Output output = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                             m_repo->path(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(output.exitCode, 0);
        const QJsonObject json = output.json();
        const QJsonArray pipelines = json.value(QStringLiteral("pipelines")).toArray();
        QCOMPARE(pipelines.size(), 1);
        const QJsonObject ci = pipelines.first().toObject();
        for (const char* key : {"name", "runs", "success_rate", "duration_p50_s", "duration_p95_s",
                                "false_failure_rate", "recovery_time_median_s", "feedback_time_median_s"})
            QVERIFY2(ci.contains(QLatin1String(key)), key);
        QCOMPARE(ci.value(QStringLiteral("name")).toString(), QStringLiteral("CI"));
        QCOMPARE(ci.value(QStringLiteral("runs")).toInt(), 4);
        QCOMPARE(ci.value(QStringLiteral("success_rate")).toDouble(), 0.75);
        QCOMPARE(ci.value(QStringLiteral("duration_p50_s")).toDouble(), 300.0);
        QCOMPARE(ci.value(QStringLiteral("duration_p95_s")).toDouble(), 600.0);
        QCOMPARE(ci.value(QStringLiteral("false_failure_rate")).toDouble(), 0.25);
        QCOMPARE(ci.value(QStringLiteral("recovery_time_median_s")).toDouble(), 900.0);
        QCOMPARE(ci.value(QStringLiteral("feedback_time_median_s")).toDouble(), 300.0);
        QCOMPARE(ci.value(QStringLiteral("reruns")).toInt(), 1);
        const QJsonArray trend = ci.value(QStringLiteral("trend")).toArray();
        QCOMPARE(trend.size(), 1);
        QCOMPARE(trend.first().toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-01-05T00:00:00Z"));
        QCOMPARE(trend.first().toObject().value(QStringLiteral("runs")).toInt(), 4);
        QCOMPARE(ci.value(QStringLiteral("critical_path")).toObject().value(QStringLiteral("jobs")).toArray().size(),
                 1);

        const QJsonArray jobs = json.value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 1);
        const QJsonObject test = jobs.first().toObject();
        for (const char* key : {"pipeline", "name", "runs", "failure_rate", "flaky_failures", "duration_p50_s"})
            QVERIFY2(test.contains(QLatin1String(key)), key);
        QCOMPARE(test.value(QStringLiteral("pipeline")).toString(), QStringLiteral("CI"));
        QCOMPARE(test.value(QStringLiteral("name")).toString(), QStringLiteral("test"));
        QCOMPARE(test.value(QStringLiteral("runs")).toInt(), 2);
        QCOMPARE(test.value(QStringLiteral("failure_rate")).toDouble(), 0.5);
        QCOMPARE(test.value(QStringLiteral("flaky_failures")).toInt(), 1);
        QCOMPARE(test.value(QStringLiteral("duration_p50_s")).toDouble(), 230.0);

        const QJsonArray suggestions = json.value(QStringLiteral("suggestions")).toArray();
        QVERIFY(!suggestions.isEmpty());
        const QJsonObject flaky = suggestions.first().toObject();
        for (const char* key : {"kind", "job", "evidence", "saving_s"})
            QVERIFY2(flaky.contains(QLatin1String(key)), key);
        QCOMPARE(flaky.value(QStringLiteral("kind")).toString(), QStringLiteral("retry-hides-flakiness"));
        QCOMPARE(flaky.value(QStringLiteral("job")).toString(), QStringLiteral("test"));
        QCOMPARE(flaky.value(QStringLiteral("saving_s")).toDouble(), 470.0);
    }

    void successMetricsGate()
    {
        QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                      m_runsFile, m_jobsFile})
                     .exitCode,
                 0);
        Output output = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                             m_repo->path(), QStringLiteral("--check")});
        QCOMPARE(output.exitCode, 1); // 75 % success misses > 95 %
        const QJsonArray targets = output.json().value(QStringLiteral("targets")).toArray();
        QCOMPARE(targets.size(), 5);
        const QJsonObject success = targets.first().toObject();
        QCOMPARE(success.value(QStringLiteral("metric")).toString(), QStringLiteral("pipeline_success_rate"));
        QCOMPARE(success.value(QStringLiteral("target")).toString(), QStringLiteral("> 0.95"));
        QCOMPARE(success.value(QStringLiteral("actual")).toDouble(), 0.75);
        QCOMPARE(success.value(QStringLiteral("met")).toBool(true), false);
        const QJsonObject recovery = targets.at(2).toObject();
        QCOMPARE(recovery.value(QStringLiteral("actual")).toDouble(), 900.0);
        QCOMPARE(recovery.value(QStringLiteral("met")).toBool(true), false); // 900 s is not < 15 min

        // Without --check the analysis is a report, not a gate.
        QCOMPARE(
            run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"), m_repo->path()}).exitCode,
            0);
        Output text = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"), m_repo->path(),
                           QStringLiteral("--format"), QStringLiteral("text")});
        QVERIFY2(text.out.contains("pipeline_success_rate > 95.0 %: 75.0 % — MISSED"), text.out.constData());
        QVERIFY(text.out.contains("feedback_time_s < 600 s: 300 s — met"));
    }

    void analyzeFilters_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("pipelines");
        QTest::addColumn<int>("runs");
        QTest::newRow("since a date-time")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2026-01-05T11:30:00Z")} << 1 << 1;
        QTest::newRow("since a date") << QStringList{QStringLiteral("--since"), QStringLiteral("2026-01-05")} << 1 << 4;
        QTest::newRow("other branch") << QStringList{QStringLiteral("--branch"), QStringLiteral("feature")} << 0 << 0;
        QTest::newRow("main") << QStringList{QStringLiteral("--branch"), QStringLiteral("main")} << 1 << 4;
    }
    void analyzeFilters()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, pipelines);
        QFETCH(int, runs);
        QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                      m_runsFile})
                     .exitCode,
                 0);
        Output output = run(QStringList{QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                                        m_repo->path(), QStringLiteral("--format"), QStringLiteral("json")}
                            + extra);
        QCOMPARE(output.exitCode, 0);
        const QJsonObject json = output.json();
        QCOMPARE(json.value(QStringLiteral("pipelines")).toArray().size(), pipelines);
        QCOMPARE(json.value(QStringLiteral("window")).toObject().value(QStringLiteral("runs")).toInt(), runs);
    }

    void analyzeText()
    {
        QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(),
                      m_runsFile, m_jobsFile})
                     .exitCode,
                 0);
        Output output = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                             m_repo->path(), QStringLiteral("--format"), QStringLiteral("text")});
        QCOMPARE(output.exitCode, 0);
        QVERIFY2(output.out.contains("CI: 4 runs, success 75.0 %, duration p50 300 s / p95 600 s"),
                 output.out.constData());
        QVERIFY(output.out.contains("[retry-hides-flakiness] test (saves 470 s)"));
        QVERIFY(output.out.contains("Slowest jobs:\n  CI / test: p50 230 s, p95 470 s\n"));
    }

    void notesAreSharedThroughGit()
    {
        Output imported = run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"),
                               m_repo->path(), QStringLiteral("--notes"), m_runsFile});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains("notes refs/notes/gatehouse-runs: 3 written, 4 runs archived, 0 runs without"),
                 imported.out.constData());
        auto notes = m_repo->repo().notes(QStringLiteral("refs/notes/gatehouse-runs"));
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 3);

        // A colleague with an empty store sees the runs from the notes alone.
        QTemporaryDir otherHome;
        Output analyzed
            = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"), m_repo->path()},
                  otherHome.path());
        QCOMPARE(analyzed.exitCode, 0);
        QCOMPARE(analyzed.json().value(QStringLiteral("window")).toObject().value(QStringLiteral("runs")).toInt(), 4);
        Output withoutNotes = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                                   m_repo->path(), QStringLiteral("--no-notes")},
                                  otherHome.path());
        QCOMPARE(withoutNotes.exitCode, 0);
        QVERIFY(withoutNotes.json().value(QStringLiteral("pipelines")).toArray().isEmpty());
        QVERIFY(withoutNotes.err.contains("no runs imported"));
    }

    void configChangeBeforeADrop()
    {
        const git::ObjectId base = m_repo->head();
        const git::ObjectId change = m_repo->commit(QStringLiteral("ci: switch the runner image"),
                                                    {{QStringLiteral(".github/workflows/ci.yml"), "on: push\n"}},
                                                    QDateTime(QDate(2026, 1, 6), QTime(12, 0), Qt::UTC));
        QByteArray runs = "[";
        for (int i = 0; i < 8; ++i) {
            // Four green runs the morning before the change, then one green and three red after it.
            const bool afterChange = i >= 4;
            const bool success = !afterChange || i == 4;
            const QByteArray started = QStringLiteral("2026-01-06T%1:00:00Z")
                                           .arg(afterChange ? 9 + i : 6 + i, 2, 10, QLatin1Char('0'))
                                           .toUtf8();
            const QByteArray updated = started.left(14) + "30:00Z";
            if (i)
                runs += ',';
            runs += QStringLiteral(R"({"databaseId": %1, "workflowName": "CI", "headSha": "%2", "headBranch": "main",
                                       "status": "completed", "conclusion": "%3", "attempt": 1,
                                       "createdAt": "%4", "startedAt": "%4", "updatedAt": "%5"})")
                        .arg(100 + i)
                        .arg((afterChange ? change : base).toString(),
                             success ? QStringLiteral("success") : QStringLiteral("failure"),
                             QString::fromUtf8(started), QString::fromUtf8(updated))
                        .toUtf8();
        }
        runs += ']';
        const QString file = writeFile(QStringLiteral("gh.json"), runs);
        QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("--repo"), m_repo->path(), file})
                     .exitCode,
                 0);
        Output output = run({QStringLiteral("runs"), QStringLiteral("analyze"), QStringLiteral("--repo"),
                             m_repo->path(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(output.exitCode, 0);
        const QJsonArray changes = output.json().value(QStringLiteral("config_changes")).toArray();
        QCOMPARE(changes.size(), 1);
        const QJsonObject correlation = changes.first().toObject();
        QCOMPARE(correlation.value(QStringLiteral("commit")).toString(), change.toString());
        QCOMPARE(correlation.value(QStringLiteral("files")).toArray().first().toString(),
                 QStringLiteral(".github/workflows/ci.yml"));
        QCOMPARE(correlation.value(QStringLiteral("success_rate_before")).toDouble(), 1.0);
        QCOMPARE(correlation.value(QStringLiteral("success_rate_after")).toDouble(), 0.25);
        bool suggested = false;
        for (const QJsonValue& suggestion : output.json().value(QStringLiteral("suggestions")).toArray()) {
            if (suggestion.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("config-change")) {
                suggested = true;
                QVERIFY(suggestion.toObject().value(QStringLiteral("saving_s")).isNull());
                QVERIFY(suggestion.toObject()
                            .value(QStringLiteral("evidence"))
                            .toString()
                            .contains(QLatin1String("ci: switch the runner image")));
            }
        }
        QVERIFY(suggested);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("no action") << QStringList{QStringLiteral("runs")} << "missing action";
        QTest::newRow("unknown action") << QStringList{QStringLiteral("runs"), QStringLiteral("upload")}
                                        << "unknown action 'upload'";
        QTest::newRow("sync without a server")
            << QStringList{QStringLiteral("runs"), QStringLiteral("sync")} << "give either --gitlab URL --project ID";
        QTest::newRow("sync gitlab without project")
            << QStringList{QStringLiteral("runs"), QStringLiteral("sync"), QStringLiteral("--gitlab"),
                           QStringLiteral("https://gitlab.example.com")}
            << "--gitlab needs --project ID";
        QTest::newRow("sync github not owner/repo") << QStringList{QStringLiteral("runs"), QStringLiteral("sync"),
                                                                   QStringLiteral("--github"), QStringLiteral("octo")}
                                                    << "--github takes OWNER/REPO";
        QTest::newRow("import without files")
            << QStringList{QStringLiteral("runs"), QStringLiteral("import")} << "no FILE given";
        QTest::newRow("bad since") << QStringList{QStringLiteral("runs"), QStringLiteral("analyze"),
                                                  QStringLiteral("--since"), QStringLiteral("last tuesday")}
                                   << "is not a date";
        QTest::newRow("bad format") << QStringList{QStringLiteral("runs"), QStringLiteral("analyze"),
                                                   QStringLiteral("--format"), QStringLiteral("xml")}
                                    << "unknown format 'xml'";
        QTest::newRow("not a repository") << QStringList{QStringLiteral("runs"), QStringLiteral("analyze"),
                                                         QStringLiteral("--repo"), QStringLiteral("/")}
                                          << "not inside a git repository";
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrContains);
        Output output = run(arguments);
        QCOMPARE(output.exitCode, 2);
        QVERIFY2(QString::fromUtf8(output.err).contains(stderrContains), output.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"
