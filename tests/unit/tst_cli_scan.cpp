// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "FakeScanner.h"
#include "ScratchRepository.h"
#include "security/ScanNote.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using gatehouse::test::FakeScanner;
using gatehouse::test::ScratchRepository;

// `gatehouse scan` through the real binary, headless.
class TestCliScan : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments) { return gatehouse::test::runCli(arguments); }
    // The notes need an identity; a scratch repository has none of its own.
    static void setIdentity(ScratchRepository& scratch)
    {
        QFile config(scratch.path() + QStringLiteral("/.git/config"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Alice Example\n\temail = alice@example.com\n");
    }
    static void configure(ScratchRepository& scratch, const QByteArray& scanners)
    {
        scratch.writeWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), "scanners:\n" + scanners);
    }

private Q_SLOTS:
    void banditArchiveThenCompare()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bandit")).isEmpty())
            QSKIP("bandit is not installed (apt-get install bandit)");
        ScratchRepository scratch;
        setIdentity(scratch);
        const QByteArray app
            = "import subprocess\n\n\ndef run(name):\n    return subprocess.call('ls ' + name, shell=True)\n";
        const auto head = scratch.commit(QStringLiteral("app"), {{QStringLiteral("app/run.py"), app}});
        scratch.writeWorkTreeFile(QStringLiteral("app/run.py"), app);

        Run result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--tools"),
                          QStringLiteral("bandit"), QStringLiteral("--archive"), QStringLiteral("--format"),
                          QStringLiteral("json")});
        QVERIFY2(result.exitCode == 1, result.err.constData()); // B602 is high: blocking
        QJsonObject json = result.json();
        const QJsonObject tool = json.value(QStringLiteral("tools")).toArray().at(0).toObject();
        QCOMPARE(tool.value(QStringLiteral("tool")).toString(), QStringLiteral("bandit"));
        QCOMPARE(tool.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(tool.value(QStringLiteral("format")).toString(), QStringLiteral("bandit-json"));
        QVERIFY(json.value(QStringLiteral("blocking")).toInt() >= 1);
        QVERIFY(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("high")).toInt() >= 1);
        QVERIFY(json.value(QStringLiteral("new")).isNull()); // nothing archived before
        QCOMPARE(json.value(QStringLiteral("archived")).toObject().value(QStringLiteral("commit")).toString(),
                 head.toString());
        QCOMPARE(json.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("covered")).toArray(),
                 QJsonArray{QStringLiteral("sast")});

        auto note = scratch.repo().readNote(QStringLiteral("refs/notes/gatehouse-scans"), head);
        QVERIFY(note.ok() && note->has_value());
        auto reports = gatehouse::ScanNote::unpack(**note);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 1);
        QCOMPARE(reports->first().path, QStringLiteral("bandit.json"));
        QVERIFY(reports->first().content.contains("\"test_id\": \"B602\""));

        // The same code again: nothing new against the archived scan.
        result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--tools"),
                      QStringLiteral("bandit"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 1);
        json = result.json();
        QCOMPARE(json.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("bandit")).toString(),
                 head.toString());
        QCOMPARE(json.value(QStringLiteral("new")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("not_compared")).toArray(), QJsonArray());
        QCOMPARE(json.value(QStringLiteral("archived")), QJsonValue(QJsonValue::Null));
    }

    void newFindingAgainstTheArchivedScan()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bandit")).isEmpty())
            QSKIP("bandit is not installed (apt-get install bandit)");
        ScratchRepository scratch;
        setIdentity(scratch);
        scratch.commit(QStringLiteral("app"), {{QStringLiteral("README"), "x\n"}});
        scratch.writeWorkTreeFile(
            QStringLiteral("app/run.py"),
            "import subprocess\n\n\ndef run(name):\n    return subprocess.call(name, shell=True)\n");
        Run result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--tools"),
                          QStringLiteral("bandit"), QStringLiteral("--archive"), QStringLiteral("--format=json")});
        QVERIFY2(result.exitCode == 1, result.err.constData());
        // A new problem in the work tree: only it is new.
        scratch.writeWorkTreeFile(QStringLiteral("app/calc.py"), "def calc(text):\n    return eval(text)\n");
        result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--tools"),
                      QStringLiteral("bandit"), QStringLiteral("--format=json")});
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("new")).toInt(), 1);
        QStringList newRules;
        for (const QJsonValue& value : json.value(QStringLiteral("findings")).toArray()) {
            if (value.toObject().value(QStringLiteral("new")).toBool())
                newRules.append(value.toObject().value(QStringLiteral("rule")).toString());
        }
        QCOMPARE(newRules, QStringList{QStringLiteral("B307")});
    }

    void fakeScannerThroughConfig()
    {
        FakeScanner scanner;
        QVERIFY(scanner.isValid());
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("app.py"), "x = 1\n"}});
        configure(scratch,
                  "  tools:\n"
                  "    fake:\n"
                  "      command: [\""
                      + scanner.path().toUtf8()
                      + "\", sarif]\n"
                        "    stuck:\n"
                        "      command: [\""
                      + scanner.path().toUtf8()
                      + "\", hang]\n"
                        "      timeout: 1\n"
                        "    broken:\n"
                        "      command: '\""
                      + scanner.path().toUtf8() + "\" crash'\n");
        const Run result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(),
                                QStringLiteral("--tools"), QStringLiteral("fake,stuck,broken")});
        QVERIFY2(result.exitCode == 1, result.err.constData()); // FAKE001 is an error → high
        const QString out = QString::fromUtf8(result.out);
        QVERIFY2(out.contains(QStringLiteral("fake         ok             2 findings")), result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("stuck        timed-out      no result after 1 s")),
                 result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("broken       failed         crashed")), result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("    | fatal: boom")), result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("findings: 0 critical, 1 high, 1 medium, 0 low, 0 info")),
                 result.out.constData());
        // All three ran, in parallel (so in any order).
        QStringList ran = scanner.log().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        ran.sort();
        QCOMPARE(ran, (QStringList{QStringLiteral("crash"), QStringLiteral("hang"), QStringLiteral("sarif")}));
    }

    void blockingPolicy()
    {
        FakeScanner scanner;
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("app.py"), "x = 1\n"}});
        configure(scratch,
                  "  blocking: critical\n  tools:\n    fake:\n      command: [\"" + scanner.path().toUtf8()
                      + "\", sarif]\n");
        const Run result = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(),
                                QStringLiteral("--tools"), QStringLiteral("fake"), QStringLiteral("--format=json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().value(QStringLiteral("blocking")).toInt(), 0);
        QCOMPARE(result.json().value(QStringLiteral("blocking_severity")).toString(), QStringLiteral("critical"));
        const QJsonArray findings = result.json().value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).toObject().value(QStringLiteral("blocking")).toBool(), false);
    }

    void nothingCouldRun_data()
    {
        QTest::addColumn<QByteArray>("scanners");
        QTest::addColumn<QString>("tools");
        QTest::addColumn<QString>("stdoutContains");
        QTest::newRow("not installed") << QByteArray("  tools:\n    ghost:\n      command: gatehouse-no-such-tool\n")
                                       << QStringLiteral("ghost") << QStringLiteral("not-installed");
        QTest::newRow("repository script refused") << QByteArray("  tools:\n    own:\n      command: ./tools/scan.sh\n")
                                                   << QStringLiteral("own") << QStringLiteral("refused");
        QTest::newRow("fails") << QByteArray() << QStringLiteral("fake") << QStringLiteral("exited with code 3");
    }
    void nothingCouldRun()
    {
        QFETCH(QByteArray, scanners);
        QFETCH(QString, tools);
        QFETCH(QString, stdoutContains);
        FakeScanner scanner;
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("app.py"), "x = 1\n"}});
        scratch.writeWorkTreeFile(QStringLiteral("tools/scan.sh"), "#!/bin/sh\ntouch ran\n");
        configure(scratch,
                  scanners.isEmpty()
                      ? "  tools:\n    fake:\n      command: [\"" + scanner.path().toUtf8() + "\", fail]\n"
                      : scanners);
        const Run result
            = run({QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--tools"), tools});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.out).contains(stdoutContains), result.out.constData());
        QVERIFY2(result.err.contains("no scanner could run"), result.err.constData());
        QVERIFY(!QFile::exists(scratch.path() + QStringLiteral("/ran")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("unknown tool") << QStringList{QStringLiteral("--tools"), QStringLiteral("nosuch")}
                                      << QByteArray() << QStringLiteral("unknown scanner 'nosuch'");
        QTest::newRow("rev") << QStringList{QStringLiteral("--rev"), QStringLiteral("HEAD")} << QByteArray()
                             << QStringLiteral("--rev is not supported");
        QTest::newRow("bad config") << QStringList{} << QByteArray("  blocking: whenever\n")
                                    << QStringLiteral(".gatehouse/config.yml:2:13: blocking must be a severity");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, config);
        QFETCH(QString, stderrContains);
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("app.py"), "x = 1\n"}});
        if (!config.isEmpty())
            configure(scratch, config);
        const Run result
            = run(QStringList{QStringLiteral("scan"), QStringLiteral("--repo"), scratch.path()} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliScan)
#include "tst_cli_scan.moc"
