// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/strategy/orchestrators/HclReader.h"

#include <QtTest>

using namespace gatehouse::delivery;

class TestHclReader : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        QTest::newRow("string") << "a = \"web\"" << int(HclValue::Kind::String) << "web";
        QTest::newRow("escapes") << "a = \"x\\\"y\\\\z\\n\"" << int(HclValue::Kind::String) << "x\"y\\z\n";
        QTest::newRow("template kept") << R"(a = "${NOMAD_ALLOC_ID}-${lookup("x", "y")}")"
                                       << int(HclValue::Kind::String) << R"(${NOMAD_ALLOC_ID}-${lookup("x", "y")})";
        QTest::newRow("integer") << "a = 3" << int(HclValue::Kind::Number) << "3";
        QTest::newRow("float exponent") << "a = 1.5e3" << int(HclValue::Kind::Number) << "1.5e3";
        QTest::newRow("negative") << "a = -2" << int(HclValue::Kind::Number) << "-2";
        QTest::newRow("bool") << "a = true" << int(HclValue::Kind::Bool) << "true";
        QTest::newRow("null") << "a = null" << int(HclValue::Kind::Null) << "null";
        QTest::newRow("reference") << "a = var.count" << int(HclValue::Kind::Expression) << "var.count";
        QTest::newRow("arithmetic is not a number")
            << "a = 1 + var.x" << int(HclValue::Kind::Expression) << "1 + var.x";
        QTest::newRow("function call") << "a = max(1, 2)" << int(HclValue::Kind::Expression) << "max(1, 2)";
        QTest::newRow("trailing comment") << "a = 3 # three" << int(HclValue::Kind::Number) << "3";
        QTest::newRow("trailing slash comment") << "a = 3 // three" << int(HclValue::Kind::Number) << "3";
        QTest::newRow("heredoc") << "a = <<EOF\nline one\n  two\nEOF\n"
                                 << int(HclValue::Kind::String) << "line one\n  two\n";
        QTest::newRow("indented heredoc") << "a = <<-EOT\n    one\n      two\n    EOT\n"
                                          << int(HclValue::Kind::String) << "one\n  two\n";
    }
    void values()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, value);
        const auto parsed = HclReader::parse(text);
        QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->toString() : QString()));
        const HclAttribute* a = parsed.body.attribute(QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(int(a->value.kind), kind);
        QCOMPARE(a->value.text, value);
    }

    void structure()
    {
        const QString text = QStringLiteral(R"(# a Nomad job
job "web" {
  datacenters = ["dc1", "dc2",]
  /* block
     comment */
  meta = { owner = "team", "tier" : "front" }
  update {
    canary       = 1
    auto_promote = false
  }
  group "api" {
    count = 4
    task "server" { driver = "docker" }
  }
  group "worker" {}
}
)");
        const auto parsed = HclReader::parse(text);
        QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->toString() : QString()));
        const HclBlock* job = parsed.body.block(QStringLiteral("job"));
        QVERIFY(job);
        QCOMPARE(job->labels, QStringList{QStringLiteral("web")});
        QCOMPARE(job->line, 2);
        QCOMPARE(job->attribute(QStringLiteral("datacenters"))->value.items.size(), 2);
        const HclValue& meta = job->attribute(QStringLiteral("meta"))->value;
        QCOMPARE(meta.fields.size(), 2);
        QCOMPARE(meta.fields.at(1).first, QStringLiteral("tier"));
        const HclBlock* update = job->block(QStringLiteral("update"));
        QCOMPARE(update->line, 7);
        QCOMPARE(*update->attribute(QStringLiteral("canary"))->value.toNumber(), 1.0);
        QCOMPARE(*update->attribute(QStringLiteral("auto_promote"))->value.toBool(), false);
        QCOMPARE(update->attribute(QStringLiteral("canary"))->line, 8);
        const auto groups = job->blocksOf(QStringLiteral("group"));
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.first()->block(QStringLiteral("task"))->attribute(QStringLiteral("driver"))->value.text,
                 QStringLiteral("docker"));
        QVERIFY(groups.last()->blocks.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed block") << "job \"a\" {\n  group \"b\" {\n  }\n" << 4 << "is not closed";
        QTest::newRow("stray brace") << "a = 1\n}\n" << 2 << "unexpected '}'";
        QTest::newRow("unclosed string") << "a = \"abc\nb = 1\n" << 1 << "string opened at line 1";
        QTest::newRow("missing value") << "a =\n" << 1 << "expected a value";
        QTest::newRow("two attributes on a line") << "a = 1 b = 2\n" << 1 << "expected a new line";
        QTest::newRow("unclosed list") << "a = [1, 2\n" << 2 << "list opened at line 1";
        QTest::newRow("list without comma") << "a = [1 2]\n" << 1 << "expected ',' or ']'";
        QTest::newRow("block without brace") << "job \"a\"\n" << 1 << "expected '=' or '{'";
        QTest::newRow("unclosed comment") << "/* never\n" << 1 << "comment opened at line 1";
        QTest::newRow("unclosed heredoc") << "a = <<EOF\ntext\n" << 3 << "heredoc opened at line 1";
        QTest::newRow("bad escape") << R"(a = "\q")" << 1 << "unknown escape";
        QTest::newRow("junk") << "@@@\n" << 1 << "expected an attribute or a block";
        QTest::newRow("too deep") << QString(QStringLiteral("a {\n")).repeated(70) << 65 << "nested deeper";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = HclReader::parse(text);
        QVERIFY(parsed.error);
        QTEST(parsed.error->line, "line");
        QVERIFY2(parsed.error->message.contains(message), qPrintable(parsed.error->message));
        QVERIFY(parsed.error->column >= 1);
    }
};

QTEST_GUILESS_MAIN(TestHclReader)
#include "tst_hclreader.moc"
