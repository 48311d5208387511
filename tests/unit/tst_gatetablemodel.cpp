// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GatePolicy.h"
#include "pipeline/workspace/GateTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse::pipeline;

class TestGateTableModel : public QObject
{
    Q_OBJECT

    static QStringList dump(const QAbstractItemModel& model)
    {
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < model.columnCount(); ++c)
                cells << model.index(r, c).data().toString();
            rows << cells.join(u'|');
        }
        return rows;
    }

private Q_SLOTS:
    void fromARealValidation()
    {
        GateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray text = "stages: [test, deploy]\n"
                                "unit:\n  stage: test\n  script: make check\n"
                                "deploy-prod:\n  stage: deploy\n  environment: production\n  script: ./deploy\n";
        const BufferValidation result = validateBuffer(text, QStringLiteral(".gitlab-ci.yml"), FileSource{});
        model.setGates(result.gates, result.fixableGates);
        QCOMPARE(model.rowCount(), int(gateCatalog().size()));

        int production = -1;
        int actions = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString id = model.index(r, 0).data(GateTableModel::GateIdRole).toString();
            if (id == u"production-approval")
                production = r;
            if (id == u"pinned-actions")
                actions = r;
        }
        QVERIFY(production >= 0 && actions >= 0);
        const QModelIndex fail = model.index(production, GateTableModel::StateColumn);
        QCOMPARE(fail.data().toString(), u"fail"_qs);
        QCOMPARE(fail.data(GateTableModel::StateRole).toInt(), int(GateState::Fail));
        QCOMPARE(fail.data(GateTableModel::LineRole).toInt(), 7); // the environment line of deploy-prod
        QVERIFY(fail.data(GateTableModel::HasQuickFixRole).toBool());
        QVERIFY(model.index(production, GateTableModel::EvidenceColumn).data().toString().contains(u"deploy-prod"));
        // GitHub-only gate on a GitLab pipeline.
        QCOMPARE(model.index(actions, GateTableModel::StateColumn).data().toString(), u"n/a"_qs);
        QVERIFY(!model.index(actions, 0).data(GateTableModel::HasQuickFixRole).toBool());
        QVERIFY(!model.index(production, 0).data(Qt::ToolTipRole).toString().isEmpty());

        // Same gates again: cells change in place, no reset (the view keeps its selection).
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setGates(result.gates, {});
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QVERIFY(!model.index(production, 0).data(GateTableModel::HasQuickFixRole).toBool());
        model.setGates({});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void stateNames()
    {
        QCOMPARE(GateTableModel::stateName(GateState::Pass), u"pass"_qs);
        QCOMPARE(GateTableModel::stateName(GateState::Fail), u"fail"_qs);
        QCOMPARE(GateTableModel::stateName(GateState::NotApplicable), u"n/a"_qs);
        QCOMPARE(GateTableModel::stateName(GateState::Disabled), u"off"_qs);
        GateTableModel model;
        GateStatus status;
        status.id = u"x"_qs;
        status.title = u"X gate"_qs;
        status.state = GateState::Pass;
        status.evidence = u"job 'a'"_qs;
        status.line = 3;
        model.setGates({status});
        QCOMPARE(dump(model), QStringList{u"pass|X gate|job 'a'|3"_qs});
    }
};

QTEST_GUILESS_MAIN(TestGateTableModel)
#include "tst_gatetablemodel.moc"
