// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/Finding.h"

#include <QtTest>

using namespace gatehouse;

class TestFinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cvss_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("severity");
        QTest::newRow("10") << 10.0 << "critical";
        QTest::newRow("9.0") << 9.0 << "critical";
        QTest::newRow("8.9") << 8.9 << "high";
        QTest::newRow("7.0") << 7.0 << "high";
        QTest::newRow("6.9") << 6.9 << "medium";
        QTest::newRow("4.0") << 4.0 << "medium";
        QTest::newRow("3.9") << 3.9 << "low";
        QTest::newRow("0.1") << 0.1 << "low";
        QTest::newRow("0") << 0.0 << "info";
    }
    void cvss()
    {
        QFETCH(double, score);
        QFETCH(QString, severity);
        QCOMPARE(severityName(severityFromCvss(score)), severity);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("normalized"); // empty = not a severity
        QTest::newRow("CRITICAL") << "CRITICAL"
                                  << "critical";
        QTest::newRow("High") << "High"
                              << "high";
        QTest::newRow("moderate") << "moderate"
                                  << "medium";
        QTest::newRow("LOW with spaces") << " LOW "
                                         << "low";
        QTest::newRow("Negligible") << "Negligible"
                                    << "info";
        QTest::newRow("UNKNOWN") << "UNKNOWN"
                                 << "info";
        QTest::newRow("informational") << "informational"
                                       << "info";
        QTest::newRow("error is a SARIF level, not a severity") << "error" << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, normalized);
        const auto severity = severityFromName(name);
        QCOMPARE(severity.has_value(), !normalized.isEmpty());
        if (severity)
            QCOMPARE(severityName(*severity), normalized);
    }

    void orderAndCategories()
    {
        QVERIFY(Severity::Critical > Severity::High && Severity::High > Severity::Medium
                && Severity::Medium > Severity::Low && Severity::Low > Severity::Info);
        QCOMPARE(allSeverities().first(), Severity::Critical);
        for (const char* name : {"sast", "dependency", "container", "secret", "dast", "iac"}) {
            const auto category = categoryFromName(QLatin1String(name));
            QVERIFY(category);
            QCOMPARE(categoryName(*category), QLatin1String(name));
        }
        QVERIFY(!categoryFromName(QStringLiteral("misc")));
    }
};

QTEST_GUILESS_MAIN(TestFinding)
#include "tst_finding.moc"
