// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/github/ExpressionType.h"

#include <QTest>

using namespace gatehouse::pipeline::github;

namespace {

/// The type at a dotted path ("a.b"), or "missing" when a strict object lacks a step of it.
QString typeAt(ExpressionType type, const QString& path)
{
    for (const QString& part : path.split(u'.', Qt::SkipEmptyParts)) {
        // Copy before assigning: the next type lives inside the current one.
        if (type.kind == ExpressionType::Kind::Array && type.element)
            type = ExpressionType(*type.element);
        if (type.kind == ExpressionType::Kind::Any)
            return type.name();
        if (type.kind != ExpressionType::Kind::Object)
            return QStringLiteral("missing");
        if (const ObjectShape::Property* p = type.object->find(part))
            type = ExpressionType(p->type);
        else if (type.object->rest)
            type = ExpressionType(*type.object->rest);
        else
            return QStringLiteral("missing");
    }
    return type.name();
}

} // namespace

class TestExpressionType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spec_data();
    void spec();
    void contexts_data();
    void contexts();
};

void TestExpressionType::spec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("type");
    QTest::newRow("scalar") << QStringLiteral("s") << QString() << QStringLiteral("string");
    QTest::newRow("array") << QStringLiteral("[n]") << QString() << QStringLiteral("array of number");
    QTest::newRow("strict property") << QStringLiteral("{a:b}") << QStringLiteral("a") << QStringLiteral("boolean");
    QTest::newRow("case-insensitive") << QStringLiteral("{Name:s}") << QStringLiteral("NAME")
                                      << QStringLiteral("string");
    QTest::newRow("strict unknown") << QStringLiteral("{a:b}") << QStringLiteral("c") << QStringLiteral("missing");
    QTest::newRow("open object") << QStringLiteral("{a:b,*}") << QStringLiteral("c") << QStringLiteral("any");
    QTest::newRow("map") << QStringLiteral("{*:s}") << QStringLiteral("x") << QStringLiteral("string");
    QTest::newRow("nested") << QStringLiteral("{a:{b:[{c:n}]}}") << QStringLiteral("a.b.c") << QStringLiteral("number");
}

void TestExpressionType::spec()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    QFETCH(QString, type);
    QCOMPARE(typeAt(ExpressionType::fromSpec(spec), path), type);
}

void TestExpressionType::contexts_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("type");
    const QStringList push{QStringLiteral("push")};
    const QStringList pr{QStringLiteral("pull_request")};
    QTest::newRow("github.sha") << push << QStringLiteral("sha") << QStringLiteral("string");
    QTest::newRow("github.ref_protected") << push << QStringLiteral("ref_protected") << QStringLiteral("boolean");
    QTest::newRow("github unknown") << push << QStringLiteral("shaa") << QStringLiteral("missing");
    QTest::newRow("push head_commit") << push << QStringLiteral("event.head_commit.message")
                                      << QStringLiteral("string");
    QTest::newRow("push has no typed pull_request")
        << push << QStringLiteral("event.pull_request") << QStringLiteral("any");
    QTest::newRow("pull_request number") << pr << QStringLiteral("event.pull_request.number")
                                         << QStringLiteral("number");
    QTest::newRow("pull_request labels") << pr << QStringLiteral("event.pull_request.labels")
                                         << QStringLiteral("array of object");
    QTest::newRow("event open beyond known roots")
        << pr << QStringLiteral("event.whatever.deeper") << QStringLiteral("any");
    QTest::newRow("union of events") << QStringList{QStringLiteral("push"), QStringLiteral("release")}
                                     << QStringLiteral("event.release.tag_name") << QStringLiteral("string");
    QTest::newRow("merge_group") << QStringList{QStringLiteral("merge_group")}
                                 << QStringLiteral("event.merge_group.head_sha") << QStringLiteral("string");
    QTest::newRow("workflow_run") << QStringList{QStringLiteral("workflow_run")}
                                  << QStringLiteral("event.workflow_run.conclusion") << QStringLiteral("string");
}

void TestExpressionType::contexts()
{
    QFETCH(QStringList, events);
    QFETCH(QString, path);
    QFETCH(QString, type);
    QCOMPARE(typeAt(contexts::github(events), path), type);
}

QTEST_GUILESS_MAIN(TestExpressionType)
#include "tst_expressiontype.moc"
