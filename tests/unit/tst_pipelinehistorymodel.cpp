// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"

#include "pipeline/workspace/PipelineHistoryModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {
const QByteArray V1 = "stages: [test, deploy]\n"
                      "unit:\n  stage: test\n  script: make check\n"
                      "ship:\n  stage: deploy\n  environment: production\n  when: manual\n  script: ./deploy\n";
} // namespace

class TestPipelineHistoryModel : public QObject
{
    Q_OBJECT

    static QStringList dump(const QAbstractItemModel& model)
    {
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            QStringList cells;
            for (int c = 1; c < model.columnCount(); ++c) // time column left out: it is the fixture's clock
                cells << model.index(r, c).data().toString();
            if (model.index(r, 0).data(PipelineHistoryModel::RegressionRole).toBool())
                cells << u"REGRESSION"_qs;
            rows << cells.join(u'|');
        }
        return rows;
    }

private Q_SLOTS:
    void historyOfAFile()
    {
        test::ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        scratch.commit(u"ci: add pipeline"_qs, {{u".gitlab-ci.yml"_qs, V1}}, start, u"Alice Example"_qs);
        scratch.commit(u"docs: readme"_qs, {{u"README"_qs, "x\n"}}, start.addDays(1));
        QByteArray v2 = V1;
        v2.replace("  when: manual\n", "");
        const auto regression = scratch.commit(u"ci: deploy automatically"_qs, {{u".gitlab-ci.yml"_qs, v2}},
                                               start.addDays(2), u"Bob Builder"_qs);
        QByteArray v3 = v2 + "lint:\n  stage: test\n  script: make lint\n";
        v3.replace("stages: [test, deploy]", "stages: [build, test, deploy]");
        scratch.commit(u"ci: add lint"_qs, {{u".gitlab-ci.yml"_qs, v3}}, start.addDays(15), u"Alice Example"_qs);

        const auto history = pipelineHistory(scratch.path(), u".gitlab-ci.yml"_qs);
        QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().toString()));
        QCOMPARE(history->revisions.size(), 3); // the README commit did not touch the file
        QCOMPARE(history->regressions(), QList<int>{1});
        QCOMPARE(history->revisions.at(1).commit, regression);
        QCOMPARE(history->authors, 2);
        // Weeks of 2026-03-02, 03-09 (none) and 03-16.
        QCOMPARE(history->churn.size(), 3);
        QCOMPARE(history->churn.at(0).week, QDate(2026, 3, 2));
        QCOMPARE(history->churn.at(0).commits, 2);
        QCOMPARE(history->churn.at(1).commits, 0);
        QCOMPARE(history->churn.at(2).commits, 1);

        PipelineHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(history.value());
        QCOMPARE(dump(model),
                 (QStringList{
                     u"Alice Example|ci: add lint|+lint · stages: test,deploy → build,test,deploy|"_qs,
                     u"Bob Builder|ci: deploy automatically||✗ production-approval|REGRESSION"_qs,
                     u"Alice Example|ci: add pipeline|+unit · +ship|"_qs,
                 }));
        QCOMPARE(model.index(1, 0).data(PipelineHistoryModel::CommitRole).toString(), regression.toString());
        QCOMPARE(model.index(1, 0).data(PipelineHistoryModel::RegressedGatesRole).toStringList(),
                 QStringList{u"production-approval"_qs});
    }

    void missingFileHasNoHistory()
    {
        test::ScratchRepository scratch;
        scratch.commit(u"init"_qs, {{u"README"_qs, "x\n"}});
        const auto history = pipelineHistory(scratch.path(), u".gitlab-ci.yml"_qs);
        QVERIFY(history.ok());
        QVERIFY(history->revisions.isEmpty());
        QVERIFY(!pipelineHistory(scratch.path(), u".gitlab-ci.yml"_qs, u"no-such-rev"_qs).ok());
    }
};

QTEST_GUILESS_MAIN(TestPipelineHistoryModel)
#include "tst_pipelinehistorymodel.moc"
