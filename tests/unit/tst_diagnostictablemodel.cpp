// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/workspace/DiagnosticTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse::pipeline;

namespace {
Diagnostic make(int line, Severity severity, Category category, const QString& rule, const QString& message)
{
    Diagnostic d;
    d.file = QStringLiteral(".gitlab-ci.yml");
    d.line = line;
    d.column = 3;
    d.severity = severity;
    d.category = category;
    d.rule = rule;
    d.message = message;
    return d;
}

QStringList dump(const QAbstractItemModel& model)
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
} // namespace

class TestDiagnosticTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void displayAndRoles()
    {
        DiagnosticTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics({make(4, Severity::Error, Category::Schema, QStringLiteral("gitlab.unknown-key"),
                                   QStringLiteral("unknown key 'scirpt'")),
                              make(9, Severity::Warning, Category::Gate, QStringLiteral("gate.timeout"),
                                   QStringLiteral("job 'deploy' has no timeout")),
                              make(0, Severity::Info, Category::Semantic, QStringLiteral("gitlab.no-jobs"),
                                   QStringLiteral("whole file"))});
        QCOMPARE(dump(model),
                 (QStringList{
                     u"error|4|schema|gitlab.unknown-key|unknown key 'scirpt'"_qs,
                     u"warning|9|gate|gate.timeout|job 'deploy' has no timeout"_qs,
                     u"info||semantic|gitlab.no-jobs|whole file"_qs,
                 }));
        const QModelIndex index = model.index(1, DiagnosticTableModel::MessageColumn);
        QCOMPARE(index.data(DiagnosticTableModel::SeverityRole).toInt(), int(Severity::Warning));
        QCOMPARE(index.data(DiagnosticTableModel::CategoryRole).toInt(), int(Category::Gate));
        QCOMPARE(index.data(DiagnosticTableModel::LineRole).toInt(), 9);
        QCOMPARE(index.data(DiagnosticTableModel::ColumnRole).toInt(), 3);
        QCOMPARE(index.data(DiagnosticTableModel::RuleRole).toString(), u"gate.timeout"_qs);
        QCOMPARE(index.data(DiagnosticTableModel::FileRole).toString(), u".gitlab-ci.yml"_qs);
        QCOMPARE(model.headerData(DiagnosticTableModel::LineColumn, Qt::Horizontal).toString(), u"Line"_qs);
        QVERIFY(model.roleNames().contains(DiagnosticTableModel::SeverityRole));
    }

    void unchangedSnapshotDoesNotReset()
    {
        DiagnosticTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Diagnostic> list{make(1, Severity::Error, Category::Syntax, u"yaml.syntax"_qs, u"x"_qs)};
        model.setDiagnostics(list);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setDiagnostics(list);
        QCOMPARE(resets.size(), 0);
        model.setDiagnostics({});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticTableModel)
#include "tst_diagnostictablemodel.moc"
