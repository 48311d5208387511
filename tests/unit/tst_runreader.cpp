// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunReader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::runs;

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestRunReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("jobs");
        QTest::addColumn<QString>("firstKey");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("firstBranch");
        QTest::addColumn<QString>("firstStatus");
        QTest::addColumn<double>("firstDuration");
        QTest::addColumn<double>("firstQueue");

        QTest::newRow("gitlab pipelines list") << "gitlab-pipelines.json"
                                               << "gitlab-pipelines" << 3 << 0 << "gitlab:47#1"
                                               << "Build pipeline"
                                               << "main"
                                               << "success" << 241.084 << -1.0;
        QTest::newRow("gitlab single pipeline") << "gitlab-pipeline.json"
                                                << "gitlab-pipelines" << 1 << 0 << "gitlab:287#1"
                                                << "Build pipeline"
                                                << "main"
                                                << "success" << 34.0 << 6.0;
        QTest::newRow("gitlab pipeline jobs") << "gitlab-jobs.json"
                                              << "gitlab-jobs" << 1 << 4 << "gitlab:6#1"
                                              << "gitlab-ci"
                                              << "main"
                                              << "success" << 320.0 << -1.0;
        QTest::newRow("github workflow runs") << "github-runs.json"
                                              << "github-runs" << 3 << 0 << "github:30433642#1"
                                              << "Build"
                                              << "master"
                                              << "failed" << 390.0 << 30.0;
        QTest::newRow("github run jobs") << "github-jobs.json"
                                         << "github-jobs" << 1 << 2 << "github:29679449#1"
                                         << "CI"
                                         << "main"
                                         << "failed" << 260.0 << -1.0;
        QTest::newRow("gh run list") << "gh-run-list.json"
                                     << "gh-run-list" << 3 << 0 << "github:8921345671#1"
                                     << "CI"
                                     << "main"
                                     << "success" << 420.0 << 5.0;
        QTest::newRow("gh run view") << "gh-run-view.json"
                                     << "gh-run-view" << 1 << 2 << "github:8921345600#2"
                                     << "CI"
                                     << "feature/flag"
                                     << "success" << 362.0 << -1.0;
        QTest::newRow("junit") << "junit.xml"
                               << "junit" << 1 << 2 << QString() << "pytest tests" << QString() << "failed" << 3.75
                               << -1.0;
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, runs);
        QFETCH(int, jobs);
        QFETCH(QString, firstKey);
        QFETCH(QString, firstName);
        QFETCH(QString, firstBranch);
        QFETCH(QString, firstStatus);
        QFETCH(double, firstDuration);
        QFETCH(double, firstQueue);

        const QByteArray data = fixture(file);
        QVERIFY(!data.isEmpty());
        const auto result = RunReader::read(data);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(formatName(result->format), format);
        QCOMPARE(result->runs.size(), runs);
        QCOMPARE(result->jobCount, jobs);
        QVERIFY(result->diagnostics.isEmpty());
        const Run& first = result->runs.first();
        if (!firstKey.isEmpty())
            QCOMPARE(first.key(), firstKey);
        QCOMPARE(first.pipelineName(), firstName);
        QCOMPARE(first.branch, firstBranch);
        QCOMPARE(statusName(first.status), firstStatus);
        QCOMPARE(first.durationSeconds, firstDuration);
        QCOMPARE(first.queueSeconds, firstQueue);
    }

    void gitLabJobDetails()
    {
        const auto result = RunReader::read(fixture(QStringLiteral("gitlab-jobs.json")));
        QVERIFY(result.ok());
        const Run& run = result->runs.first();
        QVERIFY(!run.hasRunRecord);
        QCOMPARE(run.sha, QStringLiteral("0ff3ae198f8601a285adcf5c0fff204ee6fba5fd"));
        QCOMPARE(run.started, QDateTime::fromString(QStringLiteral("2015-12-24T17:50:00Z"), Qt::ISODate));
        QCOMPARE(run.jobs.size(), 4);
        const Job& build = run.jobs.at(0);
        QCOMPARE(build.name, QStringLiteral("build"));
        QCOMPARE(build.stage, QStringLiteral("build"));
        QCOMPARE(build.runner, QStringLiteral("shared-runner-1"));
        QCOMPARE(build.durationSeconds, 120.0);
        const Job& firstTeaspoon = run.jobs.at(1);
        QCOMPARE(firstTeaspoon.status, RunStatus::Failed);
        QVERIFY(firstTeaspoon.retried);
        QCOMPARE(firstTeaspoon.runner, QString());
        QCOMPARE(firstTeaspoon.queueSeconds, 10.0);
        const Job& deploy = run.jobs.at(3);
        QVERIFY(deploy.manual);
        QCOMPARE(deploy.status, RunStatus::Manual);
        QCOMPARE(deploy.durationSeconds, -1.0);
    }

    void gitHubJobDetails()
    {
        const auto result = RunReader::read(fixture(QStringLiteral("github-jobs.json")));
        QVERIFY(result.ok());
        const Job& build = result->runs.first().jobs.first();
        QCOMPARE(build.id, QStringLiteral("399444496"));
        QCOMPARE(build.runId, QStringLiteral("29679449"));
        QCOMPARE(build.durationSeconds, 119.0);
        QCOMPARE(build.queueSeconds, 20.0);
        QCOMPARE(build.runner, QStringLiteral("my runner"));
        QCOMPARE(build.steps.size(), 10);
        QCOMPARE(build.steps.at(7).name, QStringLiteral("Deploy to Heroku"));
        // Offsets (-08:00) are honoured: 09:42:59-08:00 → 09:44:39-08:00.
        QCOMPARE(build.steps.at(7).durationSeconds, 100.0);
        QCOMPARE(build.steps.at(8).number, 16);
    }

    void junitDetails()
    {
        const QByteArray data = fixture(QStringLiteral("junit.xml"));
        const auto result = RunReader::read(data);
        QVERIFY(result.ok());
        const Run& run = result->runs.first();
        QCOMPARE(run.source, QStringLiteral("junit"));
        QCOMPARE(run.id.size(), 16);
        QCOMPARE(run.jobs.at(0).name, QStringLiteral("tests.test_config"));
        QCOMPARE(run.jobs.at(0).status, RunStatus::Failed);
        QCOMPARE(run.jobs.at(0).steps.size(), 3);
        QCOMPARE(run.jobs.at(0).steps.at(1).name, QStringLiteral("tests.test_config.test_nested"));
        QCOMPARE(run.jobs.at(0).steps.at(1).status, RunStatus::Failed);
        QCOMPARE(run.jobs.at(0).steps.at(1).durationSeconds, 1.5);
        QCOMPARE(run.jobs.at(0).runner, QStringLiteral("runner-7"));
        QCOMPARE(run.jobs.at(1).status, RunStatus::Success);
        QCOMPARE(run.jobs.at(1).steps.at(1).status, RunStatus::Skipped);
        QCOMPARE(run.started, QDateTime::fromString(QStringLiteral("2024-05-02T09:12:00Z"), Qt::ISODate));
        // The id is derived from the content: reading the same report twice gives the same run.
        QCOMPARE(RunReader::read(data)->runs.first().key(), run.key());
    }

    void brokenInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messageContains");

        const QByteArray pipelines = fixture(QStringLiteral("gitlab-pipelines.json"));
        const QByteArray junit = fixture(QStringLiteral("junit.xml"));
        QTest::newRow("truncated json") << pipelines.left(200) << "runs.truncated"
                                        << "ends early";
        QTest::newRow("truncated xml") << junit.left(300) << "runs.truncated"
                                       << "line ";
        QTest::newRow("syntax error") << QByteArray("[\n  {\"id\": 1,,}\n]") << "runs.syntax"
                                      << "line 2, column 12";
        QTest::newRow("not json or xml") << QByteArray("id,status\n1,success\n") << "runs.unknown-format"
                                         << "neither JSON nor XML";
        QTest::newRow("empty file") << QByteArray(" \n") << "runs.unknown-format"
                                    << "empty";
        QTest::newRow("unknown object") << QByteArray("{\"message\": \"Not Found\"}") << "runs.unknown-format"
                                        << "message";
        QTest::newRow("array of numbers") << QByteArray("[1, 2, 3]") << "runs.unknown-format"
                                          << "number";
        QTest::newRow("workflow_runs not an array")
            << QByteArray("{\"total_count\": 1, \"workflow_runs\": {}}") << "runs.wrong-type"
            << "/workflow_runs";
        QTest::newRow("jobs not an array") << QByteArray("{\"total_count\": 1, \"jobs\": 3}") << "runs.wrong-type"
                                           << "/jobs";
        QTest::newRow("gh view without run id")
            << QByteArray("{\"jobs\": [{\"databaseId\": 1, \"name\": \"x\"}]}") << "runs.missing-field"
            << "databaseId";
        QTest::newRow("single run with string id")
            << QByteArray("{\"id\": \"abc\", \"head_sha\": \"x\", \"run_attempt\": 1}") << "runs.wrong-type"
            << "/id";
        QTest::newRow("too deep") << QByteArray(200, '[') + QByteArray(200, ']') << "runs.too-deep"
                                  << "64";
        QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\x00\x00\x00", 6) << "runs.binary"
                                << "NUL";
        QTest::newRow("html") << QByteArray("<html><body/></html>") << "runs.unknown-format"
                              << "<html>";
        QTest::newRow("malformed xml") << QByteArray("<testsuite><testcase></testsuite>") << "runs.xml"
                                       << "line 1";
    }
    void brokenInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        QFETCH(QString, messageContains);
        const auto result = RunReader::read(data);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.contains(messageContains), qPrintable(result.error().message));
    }

    void brokenRecordsAreSkippedWithADiagnostic_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("runs");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("path");

        QTest::newRow("run id is a word")
            << QByteArray(R"({"workflow_runs": [{"id": "abc", "head_sha": "a", "run_attempt": 1},
                                                {"id": 2, "head_sha": "b", "run_attempt": 1}]})")
            << 1 << "runs.wrong-type"
            << "/workflow_runs/0/id";
        QTest::newRow("duration is a string")
            << QByteArray(R"([{"id": 1, "stage": "test", "pipeline": {"id": 5}, "duration": 3},
                              {"id": 2, "stage": "test", "pipeline": {"id": 5}, "duration": "12"}])")
            << 1 << "runs.wrong-type"
            << "/1/duration";
        QTest::newRow("bad time") << QByteArray(R"([{"id": 1, "sha": "a", "ref": "main", "status": "success",
                                                     "web_url": "u", "created_at": "yesterday"}])")
                                  << 0 << "runs.bad-time"
                                  << "/0/created_at";
        QTest::newRow("job without pipeline")
            << QByteArray(R"([{"id": 1, "stage": "test", "pipeline": {"id": 5}}, {"id": 2, "stage": "test",
                              "pipeline": null}])")
            << 1 << "runs.missing-field"
            << "/1/pipeline";
        QTest::newRow("element not an object") << QByteArray(R"([{"databaseId": 1}, "oops"])") << 1 << "runs.wrong-type"
                                               << "/1";
        QTest::newRow("steps not an array")
            << QByteArray(R"({"jobs": [{"id": 1, "run_id": 9, "steps": {}}, {"id": 2, "run_id": 9, "steps": []}]})")
            << 1 << "runs.wrong-type"
            << "/jobs/0/steps";
    }
    void brokenRecordsAreSkippedWithADiagnostic()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, runs);
        QFETCH(QString, code);
        QFETCH(QString, path);
        const auto result = RunReader::read(data);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->runs.size(), runs);
        QCOMPARE(result->diagnostics.size(), 1);
        QCOMPARE(result->diagnostics.first().code, code);
        QCOMPARE(result->diagnostics.first().path, path);
        QVERIFY(result->diagnostics.first().message.contains(QLatin1String("skipped")));
    }

    void limits()
    {
        RunReaderLimits limits;
        limits.maxBytes = 100;
        const QByteArray pipelines = fixture(QStringLiteral("gitlab-pipelines.json"));
        auto result = RunReader::read(pipelines, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("runs.too-large"));

        limits = RunReaderLimits();
        limits.maxRecords = 2;
        result = RunReader::read(pipelines, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("runs.too-many"));

        limits = RunReaderLimits();
        limits.maxValues = 10;
        result = RunReader::read(pipelines, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("runs.too-many"));
    }

    void emptyArrayIsEmpty()
    {
        const auto result = RunReader::read("[]");
        QVERIFY(result.ok());
        QCOMPARE(result->format, RunFormat::Empty);
        QVERIFY(result->runs.isEmpty());
    }

    void missingFile()
    {
        const auto result = RunReader::readFile(QStringLiteral("/nonexistent/runs.json"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("io.not-found"));
    }

    // Deterministic mutations of every fixture (flipped, dropped and duplicated bytes, cuts): each read ends in a
    // result or an Error with a code, never a crash or an exception.
    void mutatedInputsNeverCrash()
    {
        QRandomGenerator random(7);
        const QStringList files{QStringLiteral("gitlab-pipelines.json"), QStringLiteral("gitlab-pipeline.json"),
                                QStringLiteral("gitlab-jobs.json"),      QStringLiteral("github-runs.json"),
                                QStringLiteral("github-jobs.json"),      QStringLiteral("gh-run-list.json"),
                                QStringLiteral("gh-run-view.json"),      QStringLiteral("junit.xml")};
        const char alphabet[] = "{}[]\",:0123456789.-aeflnrstu <>/=\\\n";
        int errors = 0;
        int reads = 0;
        for (const QString& name : files) {
            const QByteArray original = fixture(name);
            QVERIFY(!original.isEmpty());
            for (int round = 0; round < 150; ++round) {
                QByteArray data = original;
                const int edits = 1 + int(random.bounded(4));
                for (int e = 0; e < edits && !data.isEmpty(); ++e) {
                    const qsizetype at = qsizetype(random.bounded(quint32(data.size())));
                    switch (random.bounded(4)) {
                    case 0:
                        data[at] = alphabet[random.bounded(quint32(sizeof(alphabet) - 1))];
                        break;
                    case 1:
                        data.remove(at, 1 + qsizetype(random.bounded(8)));
                        break;
                    case 2:
                        data.insert(at, data.mid(at, 1 + qsizetype(random.bounded(16))));
                        break;
                    default:
                        data.truncate(at);
                        break;
                    }
                }
                const auto result = RunReader::read(data);
                ++reads;
                if (!result.ok()) {
                    ++errors;
                    QVERIFY(result.error().code.startsWith(QLatin1String("runs.")));
                    QVERIFY(!result.error().message.isEmpty());
                }
            }
        }
        QVERIFY(errors > 0);
        QVERIFY(errors < reads);
    }

    // A 100,000-run `gh run list` export: read whole, every run kept.
    void largeExport()
    {
        const int kLargeRuns = qEnvironmentVariableIntValue("RUNS_N") ? qEnvironmentVariableIntValue("RUNS_N") : 100000;
        QByteArray data = "[";
        for (int i = 0; i < kLargeRuns; ++i) {
            if (i)
                data += ',';
            data += QStringLiteral(R"({"attempt":1,"conclusion":"%1","createdAt":"2024-05-02T10:00:00Z",)"
                                   R"("databaseId":%2,"event":"push","headBranch":"main","headSha":"%3",)"
                                   R"("startedAt":"2024-05-02T10:00:05Z","status":"completed",)"
                                   R"("updatedAt":"2024-05-02T10:07:05Z","workflowName":"CI"})")
                        .arg(i % 10 ? QStringLiteral("success") : QStringLiteral("failure"))
                        .arg(1000000 + i)
                        .arg(i, 40, 16, QLatin1Char('0'))
                        .toUtf8();
        }
        data += ']';
        QElapsedTimer timer;
        timer.start();
        const auto result = RunReader::read(data);
        QVERIFY(result.ok());
        QCOMPARE(result->runs.size(), kLargeRuns);
        QCOMPARE(result->runs.at(10).status, RunStatus::Failed);
        QCOMPARE(result->runs.at(11).status, RunStatus::Success);
        qInfo("read %lld bytes, %d runs in %lld ms", qint64(data.size()), kLargeRuns, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestRunReader)
#include "tst_runreader.moc"
