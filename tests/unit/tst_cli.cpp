// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using gatehouse::test::ScratchRepository;

// The real binary, headless: no DISPLAY, no platform plugin may be needed for subcommands.
class TestCli : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments, const QString& workingDirectory = {})
    {
        return gatehouse::test::runCli(arguments, workingDirectory);
    }

private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutContains");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral("gatehouse 0.")
                                 << QString();
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("Subcommands:")
                              << QString();
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("frobnicate")} << 2 << QString()
                                            << QStringLiteral("unknown subcommand 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--bogus")} << 2
                                        << QString() << QStringLiteral("Unknown option 'bogus'");
        QTest::newRow("bad format") << QStringList{QStringLiteral("info"), QStringLiteral("--format=xml")} << 2
                                    << QString() << QStringLiteral("unknown format 'xml'");
        QTest::newRow("subcommand help") << QStringList{QStringLiteral("info"), QStringLiteral("--help")} << 0
                                         << QStringLiteral("--repo <DIR>") << QString();
        QTest::newRow("subcommand usage names the command, not the binary's path")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--help")} << 0
            << QStringLiteral("Usage: gatehouse validate [options]") << QString();
        QTest::newRow("sync usage names the sync subcommand")
            << QStringList{QStringLiteral("findings"), QStringLiteral("sync"), QStringLiteral("--help")} << 0
            << QStringLiteral("Usage: gatehouse findings sync [options]") << QString();
        QTest::newRow("not a repository")
            << QStringList{QStringLiteral("info"), QStringLiteral("--repo"), QStringLiteral("/")} << 2 << QString()
            << QStringLiteral("not inside a git repository");
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutContains);
        QFETCH(QString, stderrContains);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(result.out).contains(stdoutContains), result.out.constData());
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }

    void infoJson()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        const auto head = scratch.commit(QStringLiteral("feat: two"), {{QStringLiteral("a.txt"), "2"}});
        scratch.tag(QStringLiteral("v1.0"), head, QStringLiteral("Release"));
        const Run result
            = run({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("json")}, scratch.path());
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json.value(QStringLiteral("head")).toString(), head.toString());
        QCOMPARE(json.value(QStringLiteral("commits")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("tags")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
    }

    void emptyRepositoryIsAnInputError()
    {
        ScratchRepository scratch;
        const Run result = run({QStringLiteral("info"), QStringLiteral("--repo"), scratch.path()});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("no commits"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
