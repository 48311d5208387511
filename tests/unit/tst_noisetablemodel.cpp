// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/tuning/NoiseTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

namespace {

RuleNoise noise(const char* tool, const char* rule, TuningAdvice advice, double fpRate)
{
    RuleNoise r;
    r.tool = QString::fromLatin1(tool);
    r.rule = QString::fromLatin1(rule);
    r.raised = 4;
    r.falsePositive = int(fpRate * 4);
    r.fpRate = fpRate;
    r.advice = advice;
    r.reason = QStringLiteral("because");
    return r;
}

} // namespace

class TestNoiseTableModel : public QObject
{
    Q_OBJECT

private slots:
    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("tool") << 0 << int(NoiseTableModel::ToolColumn) << "sonarqube";
        QTest::newRow("rule") << 0 << int(NoiseTableModel::RuleColumn) << "python:S2068";
        QTest::newRow("fp rate as percent") << 0 << int(NoiseTableModel::FpRateColumn) << "75%";
        QTest::newRow("recommendation") << 0 << int(NoiseTableModel::RecommendationColumn) << "disable";
        QTest::newRow("keep") << 1 << int(NoiseTableModel::RecommendationColumn) << "keep";
        QTest::newRow("raised") << 1 << int(NoiseTableModel::RaisedColumn) << "4";
    }
    void cells()
    {
        NoiseTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TuningReport report;
        report.rules << noise("sonarqube", "python:S2068", TuningAdvice::Disable, 0.75)
                     << noise("bandit", "B101", TuningAdvice::Keep, 0);
        model.setReport(report);
        QFETCH(int, row);
        QFETCH(int, column);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(NoiseTableModel::ColumnCount));
        QTEST(model.index(row, column).data().toString(), "text");
        QCOMPARE(model.index(row, 0).data(NoiseTableModel::AdviceRole).toInt(), int(model.rule(row)->advice));
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.rule(2));
    }

    void reset()
    {
        NoiseTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy spy(&model, &QAbstractItemModel::modelReset);
        TuningReport report;
        report.rules << noise("trivy", "CVE-1", TuningAdvice::RaiseThreshold, 0.25);
        model.setReport(report);
        QCOMPARE(spy.count(), 1);
        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(spy.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNoiseTableModel)
#include "tst_noisetablemodel.moc"
