// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/SecurityConfig.h"

#include <QtTest>

using namespace gatehouse;

class TestSecurityConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("sla"); // critical/high/medium/low
        QTest::addColumn<QStringList>("globs");
        QTest::addColumn<QString>("notesRef");
        QTest::addColumn<QString>("error"); // message part, empty = ok

        const QStringList defaults{QStringLiteral("reports/**"), QStringLiteral("**/*.sarif"),
                                   QStringLiteral("gl-*-report.json")};
        const QString ref = QStringLiteral("refs/notes/gatehouse-scans");
        QTest::newRow("empty file") << QByteArray() << "1/7/30/90" << defaults << ref << QString();
        QTest::newRow("other sections only")
            << QByteArray("deployments:\n  tags: []\n") << "1/7/30/90" << defaults << ref << QString();
        QTest::newRow("demo style") << QByteArray("version: 1\nsla:\n  critical: 2\n  high: 14\nreports:\n"
                                                  "  - \"reports/**/*.json\"\n  - \"reports/**/*.sarif\"\n"
                                                  "notes:\n  ref: refs/notes/scans\n")
                                    << "2/14/30/90"
                                    << QStringList{QStringLiteral("reports/**/*.json"),
                                                   QStringLiteral("reports/**/*.sarif")}
                                    << "refs/notes/scans" << QString();
        QTest::newRow("notes as a plain ref")
            << QByteArray("notes: refs/notes/x\n") << "1/7/30/90" << defaults << "refs/notes/x" << QString();
        QTest::newRow("moderate is medium")
            << QByteArray("sla: {moderate: 45}\n") << "1/7/45/90" << defaults << ref << QString();
        QTest::newRow("unknown severity") << QByteArray("sla:\n  urgent: 1\n") << QString() << QStringList()
                                          << QString() << "line 2, column 3: unknown severity 'urgent'";
        QTest::newRow("days not a number") << QByteArray("sla:\n  high: soon\n") << QString() << QStringList()
                                           << QString() << "line 2, column 9: the SLA of 'high' must be a number";
        QTest::newRow("sla not a map") << QByteArray("sla: 7\n") << QString() << QStringList() << QString()
                                       << "line 1, column 6: 'sla' must map";
        QTest::newRow("reports not a list") << QByteArray("reports: reports/**\n") << QString() << QStringList()
                                            << QString() << "'reports' must be a list";
        QTest::newRow("broken yaml") << QByteArray("sla: [critical: 1\n") << QString() << QStringList() << QString()
                                     << "config.yml line";
        QTest::newRow("top level list") << QByteArray("- a\n") << QString() << QStringList() << QString()
                                        << "top level must be a mapping";
    }
    void parse()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, sla);
        QFETCH(QStringList, globs);
        QFETCH(QString, notesRef);
        QFETCH(QString, error);
        const auto config = SecurityConfig::parse(yaml);
        if (!error.isEmpty()) {
            QVERIFY(!config.ok());
            QCOMPARE(config.error().code, QStringLiteral("config.invalid"));
            QVERIFY2(config.error().message.contains(error), qPrintable(config.error().message));
            return;
        }
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(QStringLiteral("%1/%2/%3/%4")
                     .arg(*config->sla(Severity::Critical))
                     .arg(*config->sla(Severity::High))
                     .arg(*config->sla(Severity::Medium))
                     .arg(*config->sla(Severity::Low)),
                 sla);
        QVERIFY(!config->sla(Severity::Info));
        QCOMPARE(config->reportGlobs, globs);
        QCOMPARE(config->notesRef, notesRef);
    }

    void zeroDaysMeansNoSla()
    {
        const auto config = SecurityConfig::parse("sla:\n  low: 0\n");
        QVERIFY(config.ok());
        QVERIFY(!config->sla(Severity::Low));
    }
};

QTEST_GUILESS_MAIN(TestSecurityConfig)
#include "tst_securityconfig.moc"
