// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/github/ExpressionChecker.h"

#include <QTest>

using namespace gatehouse::pipeline;
using namespace gatehouse::pipeline::github;

class TestExpressionChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
};

void TestExpressionChecker::check_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("statusFunctions");
    QTest::addColumn<QStringList>("problems"); // offset:rule
    QTest::addColumn<QString>("type");

    QTest::newRow("string literal") << QStringLiteral("'a'") << false << QStringList() << QStringLiteral("string");
    QTest::newRow("comparison is boolean")
        << QStringLiteral("1 < 2") << false << QStringList() << QStringLiteral("boolean");
    QTest::newRow("or of strings") << QStringLiteral("'a' || 'b'") << false << QStringList()
                                   << QStringLiteral("string");
    QTest::newRow("typed property") << QStringLiteral("github.run_id") << false << QStringList()
                                    << QStringLiteral("string");
    QTest::newRow("unknown property") << QStringLiteral("github.run") << false
                                      << QStringList{QStringLiteral("7:unknown-property")} << QStringLiteral("any");
    QTest::newRow("not available") << QStringLiteral("secrets.A") << false
                                   << QStringList{QStringLiteral("0:context-not-allowed")} << QStringLiteral("any");
    QTest::newRow("status allowed") << QStringLiteral("failure()") << true << QStringList()
                                    << QStringLiteral("boolean");
    QTest::newRow("status refused") << QStringLiteral("failure()") << false
                                    << QStringList{QStringLiteral("0:function-not-allowed")}
                                    << QStringLiteral("boolean");
    QTest::newRow("hashFiles refused") << QStringLiteral("hashFiles('a')") << false
                                       << QStringList{QStringLiteral("0:function-not-allowed")}
                                       << QStringLiteral("string");
    QTest::newRow("fromJSON literal typed")
        << QStringLiteral("fromJSON('[\"a\"]')") << false << QStringList() << QStringLiteral("array of string");
    QTest::newRow("case") << QStringLiteral("case(github.ref == 'a', 'x', 'y')") << false << QStringList()
                          << QStringLiteral("any");
    QTest::newRow("case with even arguments")
        << QStringLiteral("case(true, 'x')") << false << QStringList{QStringLiteral("0:function-arguments")}
        << QStringLiteral("any");
    QTest::newRow("filter of object") << QStringLiteral("github.*") << false << QStringList()
                                      << QStringLiteral("array");
    QTest::newRow("array compared with string")
        << QStringLiteral("fromJSON('[1]') == 'a'") << false << QStringList{QStringLiteral("16:expression-type")}
        << QStringLiteral("boolean");
}

void TestExpressionChecker::check()
{
    QFETCH(QString, text);
    QFETCH(bool, statusFunctions);
    QFETCH(QStringList, problems);
    QFETCH(QString, type);
    ExpressionScope scope;
    scope.where = QStringLiteral("test");
    scope.contexts.insert(QStringLiteral("github"), contexts::github({QStringLiteral("push")}));
    scope.statusFunctions = statusFunctions;
    const ExpressionSyntax syntax = ExpressionSyntax::parse(text);
    QVERIFY2(syntax.ok, qPrintable(syntax.error));
    const ExpressionChecker::Result result = ExpressionChecker::check(syntax, scope);
    QStringList actual;
    for (const ExpressionProblem& problem : result.problems)
        actual << QStringLiteral("%1:%2").arg(problem.offset).arg(problem.rule);
    QCOMPARE(actual, problems);
    QCOMPARE(result.type.name(), type);
}

QTEST_GUILESS_MAIN(TestExpressionChecker)
#include "tst_expressionchecker.moc"
