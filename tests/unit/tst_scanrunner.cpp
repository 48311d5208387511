// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeScanner.h"
#include "security/scan/ScanRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <QtConcurrent>
#include <QtTest>

#include <memory>

using namespace gatehouse;
using gatehouse::test::FakeScanner;

namespace {

ScannerSpec fake(const FakeScanner& scanner, const QString& name, const QStringList& arguments, int timeout = 60)
{
    ScannerSpec spec;
    spec.name = name;
    spec.command = QStringList{scanner.path()} + arguments;
    spec.timeoutSeconds = timeout;
    return spec;
}

ScannerConfig only(const QList<ScannerSpec>& tools)
{
    ScannerConfig config;
    config.tools = tools;
    return config;
}

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestScanRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fakeScanner_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("findings");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("stderrText");
        QTest::newRow("sarif on stdout") << QStringList{QStringLiteral("sarif")} << 60 << int(ScanStatus::Ok) << 2
                                         << QString() << QString();
        QTest::newRow("sarif in {report}") << QStringList{QStringLiteral("sarif-file"), QStringLiteral("{report}")}
                                           << 60 << int(ScanStatus::Ok) << 2 << QString() << QString();
        QTest::newRow("clean") << QStringList{QStringLiteral("clean")} << 60 << int(ScanStatus::Ok) << 0 << QString()
                               << QString();
        QTest::newRow("hangs") << QStringList{QStringLiteral("hang")} << 1 << int(ScanStatus::TimedOut) << 0
                               << QStringLiteral("no result after 1 s") << QString();
        QTest::newRow("crashes") << QStringList{QStringLiteral("crash")} << 60 << int(ScanStatus::Failed) << 0
                                 << QStringLiteral("crashed") << QStringLiteral("fatal: boom");
        QTest::newRow("unexpected exit code")
            << QStringList{QStringLiteral("fail")} << 60 << int(ScanStatus::Failed) << 0
            << QStringLiteral("exited with code 3") << QStringLiteral("cannot read config");
        QTest::newRow("not a report") << QStringList{QStringLiteral("garbage")} << 60 << int(ScanStatus::Failed) << 0
                                      << QStringLiteral("unreadable report") << QString();
    }
    void fakeScanner()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, timeout);
        QFETCH(int, status);
        QFETCH(int, findings);
        QFETCH(QString, message);
        QFETCH(QString, stderrText);
        FakeScanner scanner;
        QVERIFY(scanner.isValid());
        QTemporaryDir workTree;
        QElapsedTimer clock;
        clock.start();
        const QList<ToolRun> runs = ScanRunner::run(
            only({fake(scanner, QStringLiteral("fakescan"), arguments, timeout)}), {workTree.path(), {}, 4});
        QVERIFY(clock.elapsed() < 20000);
        QCOMPARE(runs.size(), 1);
        const ToolRun& run = runs.first();
        QVERIFY2(int(run.status) == status, qPrintable(scanStatusName(run.status) + QLatin1Char(' ') + run.message));
        QCOMPARE(run.program, scanner.path());
        QVERIFY2(run.message.contains(message), qPrintable(run.message));
        QVERIFY2(run.stderrText.contains(stderrText), qPrintable(run.stderrText));
        if (run.status == ScanStatus::Ok) {
            QVERIFY(run.report.has_value());
            QCOMPARE(run.report->findings.size(), findings);
            QCOMPARE(run.reportName, QStringLiteral("fakescan.sarif"));
            QVERIFY(run.reportContent.startsWith("{\"version\":\"2.1.0\""));
            if (findings > 0) {
                QCOMPARE(run.report->findings.first().severity, Severity::High);
                QCOMPARE(run.report->findings.first().location.path, QStringLiteral("app.py"));
            }
        }
    }

    void reportFetchedAfterRun_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("fetch");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("findings");
        QTest::addColumn<QString>("message");
        QTest::newRow("report from the fetch command")
            << QStringList{QStringLiteral("clean")}
            << QStringList{QStringLiteral("sarif"), QStringLiteral("{sonar.projectKey}")} << int(ScanStatus::Ok) << 2
            << QString();
        QTest::newRow("scanner failed: nothing fetched")
            << QStringList{QStringLiteral("fail")} << QStringList{QStringLiteral("sarif")} << int(ScanStatus::Failed)
            << 0 << QStringLiteral("exited with code 3");
        QTest::newRow("fetch failed") << QStringList{QStringLiteral("clean")} << QStringList{QStringLiteral("fail")}
                                      << int(ScanStatus::Failed) << 0
                                      << QStringLiteral("fetching the report exited with code 3");
    }
    void reportFetchedAfterRun()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, fetch);
        QFETCH(int, status);
        FakeScanner scanner;
        QTemporaryDir workTree;
        writeFile(workTree.filePath(QStringLiteral("sonar-project.properties")),
                  "# analysis\nsonar.projectKey = parcel\n");
        ScannerSpec spec = fake(scanner, QStringLiteral("fakescan"), arguments);
        spec.reportCommand = QStringList{scanner.path()} + fetch;
        const QList<ToolRun> runs = ScanRunner::run(only({spec}), {workTree.path(), {}, 4});
        QCOMPARE(runs.size(), 1);
        const ToolRun& run = runs.first();
        QVERIFY2(int(run.status) == status, qPrintable(scanStatusName(run.status) + QLatin1Char(' ') + run.message));
        QFETCH(QString, message);
        QVERIFY2(run.message.contains(message), qPrintable(run.message));
        if (run.status == ScanStatus::Ok) {
            QTEST(int(run.report->findings.size()), "findings");
            QVERIFY2(scanner.log().contains(QStringLiteral("sarif parcel")), qPrintable(scanner.log()));
        }
    }

    void missingFetcher()
    {
        FakeScanner scanner;
        QTemporaryDir workTree;
        ScannerSpec spec = fake(scanner, QStringLiteral("fakescan"), {QStringLiteral("clean")});
        spec.reportCommand = {QStringLiteral("gatehouse-no-such-fetcher")};
        const QList<ToolRun> runs = ScanRunner::run(only({spec}), {workTree.path(), {}, 4});
        QCOMPARE(runs.first().status, ScanStatus::Failed);
        QVERIFY2(runs.first().message.contains(QStringLiteral("the report cannot be fetched")),
                 qPrintable(runs.first().message));
    }

    void sonarQubeBuiltin()
    {
        // Keep the configuration alive: find() points into it.
        const ScannerConfig defaults = ScannerConfig::defaults();
        const ScannerSpec* sonar = defaults.find(QStringLiteral("sonarqube"));
        QVERIFY(sonar);
        QCOMPARE(sonar->command.first(), QStringLiteral("sonar-scanner"));
        QCOMPARE(sonar->requiresAnyOf, QStringList{QStringLiteral("sonar-project.properties")});
        QVERIFY(sonar->reportCommand.join(QLatin1Char(' ')).contains(QStringLiteral("/api/issues/search")));
    }

    void othersFinishWhileOneHangs()
    {
        FakeScanner scanner;
        QTemporaryDir workTree;
        QElapsedTimer clock;
        clock.start();
        const QList<ToolRun> runs
            = ScanRunner::run(only({fake(scanner, QStringLiteral("slow"), {QStringLiteral("hang")}, 5),
                                    fake(scanner, QStringLiteral("crashy"), {QStringLiteral("crash")}),
                                    fake(scanner, QStringLiteral("good"), {QStringLiteral("sarif")})}),
                              {workTree.path(), {}, 4});
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).status, ScanStatus::TimedOut);
        QCOMPARE(runs.at(1).status, ScanStatus::Failed);
        QCOMPARE(runs.at(2).status, ScanStatus::Ok);
        // In parallel: the good one did not wait for the hanging one.
        QVERIFY2(runs.at(2).elapsedMs < 4000, qPrintable(QString::number(runs.at(2).elapsedMs)));
        QVERIFY(clock.elapsed() < 20000);
    }

    void timeoutStopsWhatTheToolStarted()
    {
        if (!QFile::exists(QStringLiteral("/proc/self/stat")))
            QSKIP("needs /proc to see the helper process");
        FakeScanner scanner;
        QTemporaryDir workTree;
        const QList<ToolRun> runs
            = ScanRunner::run(only({fake(scanner, QStringLiteral("parent"), {QStringLiteral("hang-child")}, 1)}),
                              {workTree.path(), {}, 1});
        QCOMPARE(runs.first().status, ScanStatus::TimedOut);
        QFile pidFile(scanner.childPidPath());
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QByteArray pid = pidFile.readAll().trimmed();
        QVERIFY(!pid.isEmpty());
        // Gone, or a zombie waiting for init to reap it: either way no longer running.
        auto running = [&pid]() {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = stat.readAll();
            const qsizetype close = text.lastIndexOf(')');
            return close >= 0 && text.mid(close + 2, 1) != "Z";
        };
        QTRY_VERIFY_WITH_TIMEOUT(!running(), 5000);
    }

    void workingDirectoryAndPlaceholders()
    {
        FakeScanner scanner;
        QTemporaryDir workTree;
        const QList<ToolRun> runs = ScanRunner::run(
            only({fake(scanner, QStringLiteral("args"), {QStringLiteral("clean"), QStringLiteral("--root={repo}")})}),
            {workTree.path(), {}, 1});
        QCOMPARE(runs.first().status, ScanStatus::Ok);
        QCOMPARE(runs.first().arguments,
                 (QStringList{QStringLiteral("clean"), QStringLiteral("--root=") + workTree.path()}));
        QCOMPARE(scanner.log(), QStringLiteral("clean --root=") + workTree.path() + QLatin1Char('\n'));
    }

    void notRun_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("needs");
        QTest::addColumn<int>("status");
        QTest::newRow("not installed") << QStringLiteral("gatehouse-no-such-scanner") << QStringList{}
                                       << int(ScanStatus::NotInstalled);
        QTest::newRow("relative script of the repository")
            << QStringLiteral("./scan.sh") << QStringList{} << int(ScanStatus::Refused);
        QTest::newRow("absolute path inside the repository")
            << QStringLiteral("{repo}/scan.sh") << QStringList{} << int(ScanStatus::Refused);
        QTest::newRow("not applicable") << QStringLiteral("sh") << QStringList{QStringLiteral("package-lock.json")}
                                        << int(ScanStatus::NotApplicable);
    }
    void notRun()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, needs);
        QFETCH(int, status);
        QTemporaryDir workTree;
        // The repository's own script would leave a marker if it ever ran.
        const QString marker = workTree.filePath(QStringLiteral("ran"));
        writeFile(workTree.filePath(QStringLiteral("scan.sh")), "#!/bin/sh\ntouch '" + marker.toUtf8() + "'\n");
        QFile::setPermissions(workTree.filePath(QStringLiteral("scan.sh")), QFile::ReadOwner | QFile::ExeOwner);
        ScannerSpec spec;
        spec.name = QStringLiteral("tool");
        spec.command = {QString(program).replace(QLatin1String("{repo}"), workTree.path()), QStringLiteral("x")};
        spec.requiresAnyOf = needs;
        const QList<ToolRun> runs = ScanRunner::run(only({spec}), {workTree.path(), {}, 1});
        QCOMPARE(runs.size(), 1);
        QVERIFY2(int(runs.first().status) == status, qPrintable(runs.first().message));
        QVERIFY(!runs.first().message.isEmpty());
        QVERIFY(!QFile::exists(marker));
    }

    void selection()
    {
        FakeScanner scanner;
        QTemporaryDir workTree;
        ScannerSpec disabled = fake(scanner, QStringLiteral("off"), {QStringLiteral("clean")});
        disabled.enabled = false;
        const ScannerConfig config = only({fake(scanner, QStringLiteral("on"), {QStringLiteral("clean")}), disabled});
        QList<ToolRun> runs = ScanRunner::run(config, {workTree.path(), {}, 2});
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().tool, QStringLiteral("on"));
        // Named explicitly, a disabled tool runs.
        runs = ScanRunner::run(config, {workTree.path(), {QStringLiteral("off")}, 2});
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().tool, QStringLiteral("off"));
        QCOMPARE(runs.first().status, ScanStatus::Ok);
    }

    void cancel()
    {
        FakeScanner scanner;
        QTemporaryDir workTree;
        ProgressSink sink;
        // run() blocks this thread without an event loop, so the user's "Cancel" comes from another thread, once
        // both parallel scanners have started.
        std::unique_ptr<QThread> canceller(QThread::create([&scanner, &sink]() {
            QElapsedTimer waited;
            waited.start();
            while (scanner.log().count(QLatin1Char('\n')) < 2 && waited.elapsed() < 20000)
                QThread::msleep(10);
            sink.cancel();
        }));
        canceller->start();
        QElapsedTimer clock;
        clock.start();
        const QList<ToolRun> runs
            = ScanRunner::run(only({fake(scanner, QStringLiteral("a"), {QStringLiteral("hang")}),
                                    fake(scanner, QStringLiteral("b"), {QStringLiteral("hang")}),
                                    fake(scanner, QStringLiteral("c"), {QStringLiteral("hang")})}),
                              {workTree.path(), {}, 2}, &sink);
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY(canceller->wait(20000));
        QCOMPARE(runs.size(), 3);
        for (const ToolRun& run : runs)
            QCOMPARE(run.status, ScanStatus::Cancelled);
        QCOMPARE(scanner.log().count(QLatin1Char('\n')), 2); // the third never started
    }

    void onAWorkerThread()
    {
        // How the GUI runs it: on a pool thread, with the progress callback there too.
        FakeScanner scanner;
        QTemporaryDir workTree;
        std::atomic_int reports{0};
        auto sink = std::make_shared<ProgressSink>([&reports](int, const QString&) { ++reports; });
        const ScannerConfig config = only({fake(scanner, QStringLiteral("a"), {QStringLiteral("sarif")}),
                                           fake(scanner, QStringLiteral("b"), {QStringLiteral("clean")})});
        const QString path = workTree.path();
        QFuture<QList<ToolRun>> future = QtConcurrent::run([config, path, sink]() {
            return ScanRunner::run(config, {path, {}, 2}, sink.get());
        });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        const QList<ToolRun> runs = future.result();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).status, ScanStatus::Ok);
        QCOMPARE(runs.at(1).status, ScanStatus::Ok);
        QVERIFY(reports.load() >= 1);
    }

    void bandit()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bandit")).isEmpty())
            QSKIP("bandit is not installed (apt-get install bandit)");
        QTemporaryDir workTree;
        writeFile(workTree.filePath(QStringLiteral("app/run.py")),
                  "import subprocess\n"
                  "\n"
                  "def run(name):\n"
                  "    return subprocess.call('ls ' + name, shell=True)\n");
        writeFile(workTree.filePath(QStringLiteral("app/safe.py")), "def add(a, b):\n    return a + b\n");
        const QList<ToolRun> runs
            = ScanRunner::run(ScannerConfig::defaults(), {workTree.path(), {QStringLiteral("bandit")}, 1});
        QCOMPARE(runs.size(), 1);
        const ToolRun& run = runs.first();
        QVERIFY2(run.status == ScanStatus::Ok, qPrintable(run.message + QLatin1Char('\n') + run.stderrText));
        QCOMPARE(run.exitCode, 1); // bandit's "issues found"
        QCOMPARE(run.reportName, QStringLiteral("bandit.json"));
        QCOMPARE(run.report->format, ReportFormat::Bandit);
        const Finding* shell = nullptr;
        for (const Finding& finding : run.report->findings) {
            if (finding.rule == QLatin1String("B602"))
                shell = &finding;
        }
        QVERIFY2(shell, "bandit reports subprocess with shell=True as B602");
        QCOMPARE(shell->severity, Severity::High);
        QCOMPARE(shell->location.path, QStringLiteral("app/run.py"));
        QCOMPARE(shell->location.line, 4);
    }
};

QTEST_GUILESS_MAIN(TestScanRunner)
#include "tst_scanrunner.moc"
