// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/YamlNode.h"
#include "pipeline/YamlReader.h"

#include <QTest>

using namespace gatehouse::pipeline;

class TestYamlNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesAreIndependent();
    void mapEditing();
    void scalarConversions_data();
    void scalarConversions();
    void flowText();
    void largeMapLookup_data();
    void largeMapLookup();
};

void TestYamlNode::copiesAreIndependent()
{
    // Children are shared copy-on-write: writing through any non-const access must copy first.
    const YamlDocumentSet set = readYaml("job:\n  script: [a, b]\n  variables: {X: '1'}\n", QStringLiteral("f.yml"));
    const YamlNode original = set.documents[0];
    YamlNode copy = original;
    copy.get(u"job")->get(u"script")->items[0].value = QStringLiteral("changed");
    copy.get(u"job")->set(QStringLiteral("stage"), YamlNode::scalar(QStringLiteral("build")));
    copy.get(u"job")->get(u"variables")->remove(u"X");
    QCOMPARE(original.get(u"job")->get(u"script")->toStringList(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!original.get(u"job")->contains(u"stage"));
    QVERIFY(original.get(u"job")->get(u"variables")->contains(u"X"));
    QCOMPARE(copy.get(u"job")->get(u"script")->toStringList(),
             (QStringList{QStringLiteral("changed"), QStringLiteral("b")}));
    QCOMPARE(copy.get(u"job")->get(u"stage")->value, QStringLiteral("build"));
    QVERIFY(!copy.get(u"job")->get(u"variables")->contains(u"X"));
}

void TestYamlNode::mapEditing()
{
    YamlNode map = YamlNode::map();
    map.set(QStringLiteral("a"), YamlNode::scalar(QStringLiteral("1")));
    map.set(QStringLiteral("b"), YamlNode::scalar(QStringLiteral("2")));
    map.set(QStringLiteral("a"), YamlNode::scalar(QStringLiteral("3")));
    QCOMPARE(map.keyNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(map.get(u"a")->value, QStringLiteral("3"));
    map.remove(u"a");
    QCOMPARE(map.keyNames(), QStringList{QStringLiteral("b")});
    QCOMPARE(map.nodeCount(), 3);
}

void TestYamlNode::scalarConversions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("plain");
    QTest::addColumn<QString>("type");
    QTest::addColumn<qlonglong>("integer");
    QTest::newRow("decimal") << QStringLiteral("1_000") << true << QStringLiteral("integer") << 1000LL;
    QTest::newRow("hex") << QStringLiteral("0x10") << true << QStringLiteral("integer") << 16LL;
    QTest::newRow("negative") << QStringLiteral("-5") << true << QStringLiteral("integer") << -5LL;
    QTest::newRow("quoted number") << QStringLiteral("5") << false << QStringLiteral("string") << 5LL;
    QTest::newRow("float") << QStringLiteral("2.5e3") << true << QStringLiteral("number") << 2500LL;
    QTest::newRow("word") << QStringLiteral("yes") << true << QStringLiteral("string") << 0LL;
}

void TestYamlNode::scalarConversions()
{
    QFETCH(QString, text);
    QFETCH(bool, plain);
    QFETCH(QString, type);
    QFETCH(qlonglong, integer);
    YamlNode node = YamlNode::scalar(text);
    node.plain = plain;
    QCOMPARE(node.typeName(), type);
    QCOMPARE(node.toInteger(), integer);
}

void TestYamlNode::flowText()
{
    const YamlDocumentSet set = readYaml("a: [1, 'x', {b: !reference [.t, s]}]\n", QStringLiteral("f.yml"));
    QCOMPARE(set.documents[0].toFlowText(), QStringLiteral("{a: [1, \"x\", {b: !reference [.t, s]}]}"));
    QCOMPARE(set.documents[0].toFlowText(5), QStringLiteral("{a: [\u2026"));
}

void TestYamlNode::largeMapLookup_data()
{
    // Below and above the size from which a map's keys are looked up through an index.
    QTest::addColumn<int>("size");
    QTest::newRow("small map") << 8;
    QTest::newRow("large map") << 5000;
}

void TestYamlNode::largeMapLookup()
{
    QFETCH(int, size);
    QByteArray text;
    for (int i = 0; i < size; ++i)
        text += "job" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    text += "job1: last\n"; // a repeated key: the last one counts
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    YamlNode map = set.documents[0];
    QCOMPARE(map.get(u"job1")->value, QStringLiteral("last"));
    QCOMPARE(map.get(QStringLiteral("job%1").arg(size - 1))->value, QString::number(size - 1));
    QVERIFY(!map.get(u"job-missing"));
    QCOMPARE(map.keyNode(u"job0")->line, 1);
    // Edits after lookups: set appends or replaces, remove shifts the positions, in-place value edits stay found.
    map.set(QStringLiteral("added"), YamlNode::scalar(QStringLiteral("new")));
    QCOMPARE(map.get(u"added")->value, QStringLiteral("new"));
    map.remove(u"job0");
    QVERIFY(!map.get(u"job0"));
    QCOMPARE(map.get(u"job2")->value, QStringLiteral("2"));
    map.get(u"job3")->value = QStringLiteral("three");
    QCOMPARE(map.get(u"job3")->value, QStringLiteral("three"));
    // A copy taken before an edit keeps its own answers.
    const YamlNode copy = map;
    map.set(QStringLiteral("job2"), YamlNode::scalar(QStringLiteral("changed")));
    QCOMPARE(copy.get(u"job2")->value, QStringLiteral("2"));
    QCOMPARE(map.get(u"job2")->value, QStringLiteral("changed"));
}

QTEST_GUILESS_MAIN(TestYamlNode)
#include "tst_yamlnode.moc"
