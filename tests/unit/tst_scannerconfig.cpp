// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/scan/ScannerConfig.h"

#include <QtTest>

using namespace gatehouse;

class TestScannerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtins()
    {
        const ScannerConfig config = ScannerConfig::defaults();
        QStringList names;
        for (const ScannerSpec& spec : config.tools)
            names.append(spec.name);
        QCOMPARE(
            names,
            (QStringList{QStringLiteral("semgrep"), QStringLiteral("trivy"), QStringLiteral("gitleaks"),
                         QStringLiteral("grype"), QStringLiteral("pip-audit"), QStringLiteral("bandit"),
                         QStringLiteral("npm-audit"), QStringLiteral("osv-scanner"), QStringLiteral("sonarqube")}));
        QCOMPARE(config.blocking, Severity::High);
        QCOMPARE(config.find(QStringLiteral("trivy"))->command.mid(0, 2),
                 (QStringList{QStringLiteral("trivy"), QStringLiteral("fs")}));
        QVERIFY(config.find(QStringLiteral("gitleaks"))->writesReportFile());
        QVERIFY(!config.find(QStringLiteral("bandit"))->writesReportFile());
        QCOMPARE(config.find(QStringLiteral("gitleaks"))->category, FindingCategory::Secret);
        QCOMPARE(config.find(QStringLiteral("npm-audit"))->requiresAnyOf.first(), QStringLiteral("package-lock.json"));
    }

    void overrides()
    {
        const QByteArray yaml = "deployments:\n"
                                "  rules: []\n"
                                "scanners:\n"
                                "  blocking: critical\n"
                                "  timeout: 120\n"
                                "  tools:\n"
                                "    bandit:\n"
                                "      command: bandit -r src -f json -x \"tests dir\"\n"
                                "    semgrep:\n"
                                "      enabled: false\n"
                                "    license-check:\n"
                                "      command: [/opt/lc/bin/lc, --sarif, --out, \"{report}\"]\n"
                                "      category: dependency\n"
                                "      exit-codes: [0, 3]\n"
                                "      requires: package.json\n"
                                "      timeout: 30\n";
        auto config = ScannerConfig::parse(yaml);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        QCOMPARE(config->blocking, Severity::Critical);
        QCOMPARE(config->tools.size(), 10); // the nine built-ins and license-check
        const ScannerSpec* bandit = config->find(QStringLiteral("bandit"));
        QCOMPARE(
            bandit->command,
            (QStringList{QStringLiteral("bandit"), QStringLiteral("-r"), QStringLiteral("src"), QStringLiteral("-f"),
                         QStringLiteral("json"), QStringLiteral("-x"), QStringLiteral("tests dir")}));
        QCOMPARE(bandit->timeoutSeconds, 120);
        QCOMPARE(bandit->category, FindingCategory::Sast); // untouched keys keep the built-in values
        QVERIFY(!config->find(QStringLiteral("semgrep"))->enabled);
        const ScannerSpec* custom = config->find(QStringLiteral("license-check"));
        QVERIFY(custom);
        QCOMPARE(custom->category, FindingCategory::Dependency);
        QCOMPARE(custom->okExitCodes, (QList<int>{0, 3}));
        QCOMPARE(custom->requiresAnyOf, QStringList{QStringLiteral("package.json")});
        QCOMPARE(custom->timeoutSeconds, 30);
        QVERIFY(custom->writesReportFile());
    }

    void noSection_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other sections") << QByteArray("sla:\n  high: 7\n");
        QTest::newRow("null scanners") << QByteArray("scanners:\n");
        QTest::newRow("a list document") << QByteArray("- a\n");
    }
    void noSection()
    {
        QFETCH(QByteArray, yaml);
        auto config = ScannerConfig::parse(yaml);
        QVERIFY(config.ok());
        QCOMPARE(config->tools.size(), ScannerConfig::builtinTools().size());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("not yaml") << QByteArray("scanners: [\n") << QStringLiteral(":2:1:");
        QTest::newRow("scanners a list") << QByteArray("scanners:\n  - bandit\n")
                                         << QStringLiteral(":2:3: scanners must be a mapping");
        QTest::newRow("bad severity") << QByteArray("scanners:\n  blocking: severe\n")
                                      << QStringLiteral(":2:13: blocking must be a severity");
        QTest::newRow("unknown key") << QByteArray("scanners:\n  parallel: 3\n")
                                     << QStringLiteral(":2:3: unknown key scanners.parallel");
        QTest::newRow("bad timeout") << QByteArray("scanners:\n  tools:\n    bandit:\n      timeout: -4\n")
                                     << QStringLiteral(":4:16: timeout must be a positive number");
        QTest::newRow("command not strings") << QByteArray("scanners:\n  tools:\n    bandit:\n      command: {a: b}\n")
                                             << QStringLiteral(":4:16: command must be a string or a list");
        QTest::newRow("new tool without command") << QByteArray("scanners:\n  tools:\n    mine:\n      timeout: 5\n")
                                                  << QStringLiteral(":4:7: scanner 'mine' needs a command");
        QTest::newRow("unknown category")
            << QByteArray("scanners:\n  tools:\n    mine:\n      command: x\n      category: magic\n")
            << QStringLiteral(":5:17: unknown category");
        QTest::newRow("unknown tool key") << QByteArray("scanners:\n  tools:\n    bandit:\n      shell: true\n")
                                          << QStringLiteral(":4:7: unknown scanner key 'shell'");
        QTest::newRow("bad exit codes") << QByteArray("scanners:\n  tools:\n    bandit:\n      exit-codes: [0, x]\n")
                                        << QStringLiteral(":4:19: exit-codes must be a list of numbers");
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        auto config = ScannerConfig::parse(yaml);
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, QStringLiteral("config.invalid"));
        QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
    }
};

QTEST_GUILESS_MAIN(TestScannerConfig)
#include "tst_scannerconfig.moc"
