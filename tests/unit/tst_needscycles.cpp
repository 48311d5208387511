// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/NeedsCycles.h"

#include <QTest>

using namespace gatehouse::pipeline;

using Edges = QHash<QString, QStringList>;

class TestNeedsCycles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycles_data()
    {
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<Edges>("edges");
        QTest::addColumn<QStringList>("expected"); // each cycle joined by '>'
        QTest::newRow("no cycle") << QStringList{u"a"_qs, u"b"_qs, u"c"_qs}
                                  << Edges{{u"a"_qs, {}}, {u"b"_qs, {u"a"_qs}}, {u"c"_qs, {u"a"_qs, u"b"_qs}}}
                                  << QStringList();
        QTest::newRow("two jobs") << QStringList{u"a"_qs, u"b"_qs} << Edges{{u"a"_qs, {u"b"_qs}}, {u"b"_qs, {u"a"_qs}}}
                                  << QStringList{u"a>b>a"_qs};
        QTest::newRow("itself") << QStringList{u"a"_qs} << Edges{{u"a"_qs, {u"a"_qs}}} << QStringList{u"a>a"_qs};
        QTest::newRow("reached from a chain, the tail left out")
            << QStringList{u"x"_qs, u"a"_qs, u"b"_qs}
            << Edges{{u"x"_qs, {u"a"_qs}}, {u"a"_qs, {u"b"_qs}}, {u"b"_qs, {u"a"_qs}}} << QStringList{u"a>b>a"_qs};
        QTest::newRow("two separate loops")
            << QStringList{u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs}
            << Edges{{u"a"_qs, {u"b"_qs}}, {u"b"_qs, {u"a"_qs}}, {u"c"_qs, {u"d"_qs}}, {u"d"_qs, {u"c"_qs}}}
            << QStringList{u"a>b>a"_qs, u"c>d>c"_qs};
        QTest::newRow("unknown names ignored")
            << QStringList{u"a"_qs} << Edges{{u"a"_qs, {u"other-project-job"_qs}}} << QStringList();
    }
    void cycles()
    {
        QFETCH(QStringList, order);
        QFETCH(Edges, edges);
        QFETCH(QStringList, expected);
        QStringList actual;
        for (const QStringList& cycle : findNeedsCycles(order, edges))
            actual << cycle.join(u'>');
        QCOMPARE(actual, expected);
    }

    // 200,000 jobs in one chain closed into a loop: iterative, so no stack overflow, and linear.
    void longChain()
    {
        const int n = 200000;
        QStringList order;
        Edges edges;
        for (int i = 0; i < n; ++i) {
            order << QString::number(i);
            edges.insert(QString::number(i), {QString::number((i + 1) % n)});
        }
        const QList<QStringList> cycles = findNeedsCycles(order, edges);
        QCOMPARE(cycles.size(), 1);
        QCOMPARE(cycles.first().size(), n + 1);
        QCOMPARE(cycles.first().first(), QStringLiteral("0"));
        QCOMPARE(cycles.first().last(), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestNeedsCycles)
#include "tst_needscycles.moc"
