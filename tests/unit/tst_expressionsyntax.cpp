// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/github/ExpressionSyntax.h"

#include <QTest>

using namespace gatehouse::pipeline::github;

namespace {

/// The tree in prefix form: "(|| a (&& b c))", properties as "a.b", literals by value.
QString render(const ExpressionSyntax& syntax, int index)
{
    const ExpressionNode& node = syntax.node(index);
    switch (node.kind) {
    case ExpressionNode::Kind::Null:
        return QStringLiteral("null");
    case ExpressionNode::Kind::Bool:
        return node.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case ExpressionNode::Kind::Number:
        return QString::number(node.number);
    case ExpressionNode::Kind::String:
        return u'\'' + node.text + u'\'';
    case ExpressionNode::Kind::Context:
        return node.text;
    case ExpressionNode::Kind::Property:
        return render(syntax, node.children[0]) + u'.' + node.text;
    case ExpressionNode::Kind::Filter:
        return render(syntax, node.children[0]) + QStringLiteral(".*");
    case ExpressionNode::Kind::Index:
        return render(syntax, node.children[0]) + u'[' + render(syntax, node.children[1]) + u']';
    case ExpressionNode::Kind::Not:
        return QStringLiteral("(! %1)").arg(render(syntax, node.children[0]));
    case ExpressionNode::Kind::Call:
    case ExpressionNode::Kind::Binary: {
        QStringList parts{node.text};
        for (int child : node.children)
            parts << render(syntax, child);
        return u'(' + parts.join(u' ') + u')';
    }
    }
    return {};
}

} // namespace

class TestExpressionSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tree_data();
    void tree();
    void positions();
};

void TestExpressionSyntax::tree_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tree"); // empty when the text does not parse
    QTest::newRow("and binds tighter than or") << QStringLiteral("a || b && c") << QStringLiteral("(|| a (&& b c))");
    QTest::newRow("comparison binds tighter than equality")
        << QStringLiteral("a == b < c") << QStringLiteral("(== a (< b c))");
    QTest::newRow("not binds tightest") << QStringLiteral("!a == b") << QStringLiteral("(== (! a) b)");
    QTest::newRow("left associative") << QStringLiteral("a && b && c") << QStringLiteral("(&& (&& a b) c)");
    QTest::newRow("parentheses") << QStringLiteral("(a || b) && c") << QStringLiteral("(&& (|| a b) c)");
    QTest::newRow("index and filter") << QStringLiteral("a['b'].*.c[0]") << QStringLiteral("a['b'].*.c[0]");
    QTest::newRow("call") << QStringLiteral("format('{0}', a.b)") << QStringLiteral("(format '{0}' a.b)");
    QTest::newRow("escaped quote") << QStringLiteral("'it''s'") << QStringLiteral("'it's'");
    QTest::newRow("hex") << QStringLiteral("0xff") << QStringLiteral("255");
    QTest::newRow("exponent") << QStringLiteral("-1.5e2") << QStringLiteral("-150");
    QTest::newRow("keywords ignore case") << QStringLiteral("TRUE != Null") << QStringLiteral("(!= true null)");
    QTest::newRow("dangling operator") << QStringLiteral("a ||") << QString();
    QTest::newRow("single equals") << QStringLiteral("a = b") << QString();
    QTest::newRow("double quotes") << QStringLiteral("a == \"b\"") << QString();
}

void TestExpressionSyntax::tree()
{
    QFETCH(QString, text);
    QFETCH(QString, tree);
    const ExpressionSyntax syntax = ExpressionSyntax::parse(text);
    QCOMPARE(syntax.ok, !tree.isEmpty());
    if (syntax.ok)
        QCOMPARE(render(syntax, syntax.root), tree);
}

void TestExpressionSyntax::positions()
{
    const ExpressionSyntax syntax = ExpressionSyntax::parse(u"github.event.number > 'x'");
    QVERIFY(syntax.ok);
    const ExpressionNode& root = syntax.node(syntax.root);
    QCOMPARE(root.offset, 20); // the operator
    QCOMPARE(root.start, 0);
    const ExpressionNode& property = syntax.node(root.children[0]);
    QCOMPARE(property.offset, 13); // the property name
    QCOMPARE(property.start, 0);
    QCOMPARE(ExpressionSyntax::parse(u"a == 'b").errorOffset, 5);
}

QTEST_GUILESS_MAIN(TestExpressionSyntax)
#include "tst_expressionsyntax.moc"
