// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/github/ContextAvailability.h"

#include <QTest>

using namespace gatehouse::pipeline::github;

class TestContextAvailability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data();
    void rows();
    void unknownKey();
};

void TestContextAvailability::rows_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("context");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<bool>("statusFunctions");
    QTest::addColumn<bool>("hashFiles");

    QTest::newRow("job if: needs") << QStringLiteral("jobs.<job_id>.if") << QStringLiteral("needs") << true << true
                                   << false;
    QTest::newRow("job if: env") << QStringLiteral("jobs.<job_id>.if") << QStringLiteral("env") << false << true
                                 << false;
    QTest::newRow("job if: secrets") << QStringLiteral("jobs.<job_id>.if") << QStringLiteral("secrets") << false << true
                                     << false;
    QTest::newRow("step if: steps") << QStringLiteral("jobs.<job_id>.steps.if") << QStringLiteral("steps") << true
                                    << true << true;
    QTest::newRow("step if: secrets") << QStringLiteral("jobs.<job_id>.steps.if") << QStringLiteral("secrets") << false
                                      << true << true;
    QTest::newRow("step run: secrets") << QStringLiteral("jobs.<job_id>.steps.run") << QStringLiteral("secrets") << true
                                       << false << true;
    QTest::newRow("run-name: inputs") << QStringLiteral("run-name") << QStringLiteral("inputs") << true << false
                                      << false;
    QTest::newRow("run-name: env") << QStringLiteral("run-name") << QStringLiteral("env") << false << false << false;
    QTest::newRow("workflow env: matrix")
        << QStringLiteral("env") << QStringLiteral("matrix") << false << false << false;
    QTest::newRow("strategy: matrix") << QStringLiteral("jobs.<job_id>.strategy") << QStringLiteral("matrix") << false
                                      << false << false;
    QTest::newRow("runs-on: matrix") << QStringLiteral("jobs.<job_id>.runs-on") << QStringLiteral("matrix") << true
                                     << false << false;
    QTest::newRow("workflow_call outputs: jobs") << QStringLiteral("on.workflow_call.outputs.<output_id>.value")
                                                 << QStringLiteral("jobs") << true << false << false;
    QTest::newRow("job outputs: jobs") << QStringLiteral("jobs.<job_id>.outputs.<output_id>") << QStringLiteral("jobs")
                                       << false << false << false;
}

void TestContextAvailability::rows()
{
    QFETCH(QString, key);
    QFETCH(QString, context);
    QFETCH(bool, allowed);
    QFETCH(bool, statusFunctions);
    QFETCH(bool, hashFiles);
    const ContextAvailability* row = ContextAvailability::find(key);
    QVERIFY(row);
    QCOMPARE(row->contexts.contains(context), allowed);
    QCOMPARE(row->statusFunctions, statusFunctions);
    QCOMPARE(row->hashFiles, hashFiles);
    for (const QString& name : row->contexts)
        QVERIFY2(ContextAvailability::allContexts().contains(name), qPrintable(name));
}

void TestContextAvailability::unknownKey()
{
    QCOMPARE(ContextAvailability::find(QStringLiteral("jobs.<job_id>.permissions")), nullptr);
}

QTEST_GUILESS_MAIN(TestContextAvailability)
#include "tst_contextavailability.moc"
