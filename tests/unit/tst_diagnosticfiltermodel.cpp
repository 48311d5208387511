// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/workspace/DiagnosticFilterModel.h"
#include "pipeline/workspace/DiagnosticTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace gatehouse::pipeline;

class TestDiagnosticFilterModel : public QObject
{
    Q_OBJECT

    static Diagnostic make(int line, Severity severity, Category category)
    {
        Diagnostic d;
        d.line = line;
        d.severity = severity;
        d.category = category;
        d.rule = categoryName(category) % u'.' % QString::number(line);
        d.message = QStringLiteral("m");
        return d;
    }
    static QList<int> lines(const QAbstractItemModel& model)
    {
        QList<int> result;
        for (int r = 0; r < model.rowCount(); ++r)
            result << model.index(r, 0).data(DiagnosticTableModel::LineRole).toInt();
        return result;
    }

private Q_SLOTS:
    void filterAndSort()
    {
        DiagnosticTableModel source;
        DiagnosticFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&source);
        source.setDiagnostics({make(12, Severity::Warning, Category::Gate), make(3, Severity::Error, Category::Schema),
                               make(40, Severity::Info, Category::Gate), make(2, Severity::Warning, Category::Syntax)});
        QCOMPARE(lines(filter), (QList<int>{12, 3, 40, 2}));

        filter.setCategoryFilter(Category::Gate);
        QCOMPARE(lines(filter), (QList<int>{12, 40}));
        filter.setCategoryFilter(Category::Syntax);
        QCOMPARE(lines(filter), (QList<int>{2}));
        filter.setCategoryFilter(std::nullopt);
        QCOMPARE(filter.rowCount(), 4);

        // Lines sort numerically (10 after 9), severities by rank (error first), not alphabetically.
        filter.sort(DiagnosticTableModel::LineColumn, Qt::AscendingOrder);
        QCOMPARE(lines(filter), (QList<int>{2, 3, 12, 40}));
        filter.sort(DiagnosticTableModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(lines(filter), (QList<int>{3, 2, 12, 40}));

        // The filter survives a new snapshot.
        filter.setCategoryFilter(Category::Gate);
        source.setDiagnostics({make(7, Severity::Warning, Category::Gate), make(8, Severity::Error, Category::Schema)});
        QCOMPARE(lines(filter), (QList<int>{7}));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticFilterModel)
#include "tst_diagnosticfiltermodel.moc"
