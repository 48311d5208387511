// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GitHubExpression.h"

#include <QTest>

using namespace gatehouse::pipeline;

class TestGitHubExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void embedded();
};

void TestGitHubExpression::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("error"); // empty when ok
    QTest::addColumn<QStringList>("accesses");
    QTest::addColumn<QStringList>("unknown");

    QTest::newRow("property") << QStringLiteral("github.event.pull_request.title") << true << QString()
                              << QStringList{QStringLiteral("github.event.pull_request.title")} << QStringList();
    QTest::newRow("index and filter") << QStringLiteral("matrix['os'] == 'linux' && steps.*.outcome") << true
                                      << QString()
                                      << QStringList{QStringLiteral("matrix.os"), QStringLiteral("steps.*.outcome")}
                                      << QStringList();
    QTest::newRow("functions") << QStringLiteral("contains(fromJSON('[\"a\"]'), 'a') || startsWith(github.ref, 'v')")
                               << true << QString() << QStringList{QStringLiteral("github.ref")} << QStringList();
    QTest::newRow("status function") << QStringLiteral("!cancelled() && (success() || failure())") << true << QString()
                                     << QStringList() << QStringList();
    QTest::newRow("literals") << QStringLiteral("null == false && 1.5e3 > -2 && 0xff != NaN && 'it''s'") << true
                              << QString() << QStringList() << QStringList();
    QTest::newRow("case-insensitive context") << QStringLiteral("GitHub.Ref") << true << QString()
                                              << QStringList{QStringLiteral("github.Ref")} << QStringList();
    QTest::newRow("unknown context") << QStringLiteral("foo.bar") << true << QString()
                                     << QStringList{QStringLiteral("foo.bar")} << QStringList{QStringLiteral("foo")};
    QTest::newRow("dangling operator") << QStringLiteral("a.b ==") << false
                                       << QStringLiteral("unexpected end of expression") << QStringList()
                                       << QStringList();
    QTest::newRow("unclosed paren") << QStringLiteral("(github.ref") << false << QStringLiteral("expected ')'")
                                    << QStringList() << QStringList();
    QTest::newRow("unterminated string") << QStringLiteral("'abc") << false << QStringLiteral("unterminated string")
                                         << QStringList() << QStringList();
    QTest::newRow("bad character") << QStringLiteral("github.ref = 'a'") << false << QStringLiteral("unexpected '='")
                                   << QStringList() << QStringList();
    QTest::newRow("hex and exponent") << QStringLiteral("0x1F == 31 && 2E+2 == 200 && -1.5e-1 < 0") << true << QString()
                                      << QStringList() << QStringList();
    QTest::newRow("invalid number") << QStringLiteral("1.2.3") << false << QStringLiteral("invalid number '1.2.3'")
                                    << QStringList() << QStringList();
    QTest::newRow("index inside index") << QStringLiteral("needs[matrix.job].outputs") << true << QString()
                                        << QStringList{QStringLiteral("needs.*.outputs"), QStringLiteral("matrix.job")}
                                        << QStringList();
    QTest::newRow("property of a call") << QStringLiteral("fromJSON(env.J).a") << true << QString()
                                        << QStringList{QStringLiteral("env.J")} << QStringList();
    QTest::newRow("missing property") << QStringLiteral("github.") << false
                                      << QStringLiteral("expected a property name after '.'") << QStringList()
                                      << QStringList();
    QTest::newRow("missing bracket") << QStringLiteral("github['a'") << false << QStringLiteral("expected ']'")
                                     << QStringList() << QStringList();
    QTest::newRow("empty") << QStringLiteral("  ") << false << QStringLiteral("empty expression") << QStringList()
                           << QStringList();
    // Found by fuzz_github: unbounded nesting overflowed the stack.
    const QString tooDeep = QString(20000, u'(') + u"true" + QString(20000, u')');
    QTest::newRow("nesting over the limit") << tooDeep << false
                                            << QStringLiteral("the expression is nested more than 50 levels deep "
                                                              "(GitHub's limit)")
                                            << QStringList() << QStringList();
    QTest::newRow("nesting at the limit") << QString(49, u'(') + u"github.ref" + QString(49, u')') << true << QString()
                                          << QStringList{QStringLiteral("github.ref")} << QStringList();
    QTest::newRow("many negations") << QString(20000, u'!') + u"github.ref" << true << QString()
                                    << QStringList{QStringLiteral("github.ref")} << QStringList();
}

void TestGitHubExpression::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, error);
    QFETCH(QStringList, accesses);
    QFETCH(QStringList, unknown);
    const GitHubExpression expression = GitHubExpression::parse(text);
    QCOMPARE(expression.ok, ok);
    QCOMPARE(expression.error, error);
    if (!ok)
        return;
    QStringList paths;
    for (const GitHubExpression::Access& access : expression.accesses)
        paths << access.path;
    QCOMPARE(paths, accesses);
    QCOMPARE(expression.unknownContexts, unknown);
}

void TestGitHubExpression::embedded()
{
    const auto parts = GitHubExpression::embedded(QStringLiteral("a ${{ x }} b ${{ format('}}', y) }} c ${{ z"));
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0].first, 5);
    QCOMPARE(parts[0].second, QStringLiteral(" x "));
    QCOMPARE(parts[1].second, QStringLiteral(" format('}}', y) "));
    QCOMPARE(parts[2].first, -1);
}

QTEST_GUILESS_MAIN(TestGitHubExpression)
#include "tst_githubexpression.moc"
