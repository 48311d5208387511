// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/YamlReader.h"
#include "pipeline/YamlWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse::pipeline;

class TestYamlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void json();
};

void TestYamlWriter::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("types") << QByteArray("a: 1\nb: '1'\nc: true\nd: 'true'\ne: ~\nf: '~'\ng: 1.5\nh: text\n");
    QTest::newRow("nested") << QByteArray("job:\n  script:\n    - echo \"a: b\"\n    - |\n      multi\n      line\n"
                                          "  variables: {X: '#not a comment', Y: '@at'}\n");
    QTest::newRow("merged anchors") << QByteArray(".t: &t {image: alpine}\njob:\n  <<: *t\n  script: [x]\n");
    QTest::newRow("empty collections") << QByteArray("a: []\nb: {}\n");
}

void TestYamlWriter::roundTrip()
{
    // What `gatehouse pipeline --merged` prints must read back as the same values with the same types.
    QFETCH(QByteArray, text);
    const YamlDocumentSet original = readYaml(text, QStringLiteral("a.yml"));
    QVERIFY(original.ok);
    const QByteArray written = writeYaml(original.documents[0]);
    const YamlDocumentSet again = readYaml(written, QStringLiteral("b.yml"));
    QVERIFY2(again.ok, written.constData());
    QCOMPARE(toJson(again.documents[0]), toJson(original.documents[0]));
}

void TestYamlWriter::json()
{
    const YamlDocumentSet set = readYaml("a: 1\nb: 'x'\nc: [true, null, 2.5]\n", QStringLiteral("a.yml"));
    const QJsonObject object = toJson(set.documents[0]).toObject();
    QCOMPARE(object.value(QStringLiteral("a")).toInteger(), 1);
    QCOMPARE(object.value(QStringLiteral("b")).toString(), QStringLiteral("x"));
    QCOMPARE(object.value(QStringLiteral("c")).toArray(), (QJsonArray{true, QJsonValue::Null, 2.5}));
    const YamlNode back = fromJson(object);
    QCOMPARE(toJson(back), QJsonValue(object));
}

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "tst_yamlwriter.moc"
