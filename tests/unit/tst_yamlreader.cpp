// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlTree.h"

#include "pipeline/YamlReader.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gatehouse::pipeline;
using gatehouse::test::sameTree;

namespace {

QStringList describe(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QStringLiteral("%1:%2:%3:%4").arg(d.line).arg(d.column).arg(severityName(d.severity), d.rule);
    return out;
}

QString position(const YamlNode* node)
{
    return node ? QStringLiteral("%1:%2").arg(node->line).arg(node->column) : QStringLiteral("missing");
}

/// `count` GitLab-like jobs at the top level, or GitHub-like ones under `jobs:` (`nested`), named `prefix-000`...
QByteArray jobs(int count, bool nested, char prefix = 'a')
{
    QByteArray text;
    const QByteArray indent = nested ? "  " : "";
    for (int i = 0; i < count; ++i) {
        const QByteArray name = prefix + QByteArray("-") + QByteArray::number(i).rightJustified(3, '0');
        text += indent + name + ":\n";
        text += indent + "  script: \"make " + name + "\"\n";
        text += indent + "  needs: [" + name + "]\n";
    }
    return text;
}

/// A document whose reading in halves is cut exactly at `continuation`: as many bytes of jobs before `opening` as
/// after `continuation`, with `opening` at least as long as `continuation`.
QByteArray cutAt(const QByteArray& opening, const QByteArray& continuation, bool nested = false)
{
    const QByteArray head = nested ? "on: push\njobs:\n" : "stages: [build]\n";
    QByteArray text = head + jobs(200, nested, 'a') + opening + continuation + QByteArray(head.size(), '#') + '\n'
        + jobs(200, nested, 'b');
    return text;
}

} // namespace

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positions();
    void scalarTypes_data();
    void scalarTypes();
    void mergeKeys();
    void duplicateKeys();
    void tagsAndDocuments();
    void diagnostics_data();
    void diagnostics();
    void hostileInput_data();
    void hostileInput();
    void nestingEstimate_data();
    void nestingEstimate();
    void halvesReadAsWhole_data();
    void halvesReadAsWhole();
};

void TestYamlReader::positions()
{
    const QByteArray text = "stages: [build, test]\n"
                            "job:\n"
                            "  script:\n"
                            "    - make\n"
                            "  when: \"manual\"\n"
                            "caf\xC3\xA9: {x: 1}\n";
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY(set.ok);
    QCOMPARE(set.documents.size(), size_t(1));
    const YamlNode& root = set.documents[0];
    QCOMPARE(position(root.keyNode(u"stages")), QStringLiteral("1:1"));
    QCOMPARE(position(&root.get(u"stages")->items[1]), QStringLiteral("1:17"));
    QCOMPARE(position(root.get(u"job")->get(u"script")), QStringLiteral("4:5"));
    QCOMPARE(position(&root.get(u"job")->get(u"script")->items[0]), QStringLiteral("4:7"));
    QCOMPARE(position(root.get(u"job")->get(u"when")), QStringLiteral("5:9"));
    QVERIFY(!root.get(u"job")->get(u"when")->plain);
    // Columns count characters, not UTF-8 bytes: 'x' is the 8th character of "café: {x: 1}".
    QCOMPARE(position(root.get(QStringLiteral("caf\u00e9"))->keyNode(u"x")), QStringLiteral("6:8"));
}

void TestYamlReader::scalarTypes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("type");
    QTest::newRow("int") << QByteArray("v: 12") << QStringLiteral("integer");
    QTest::newRow("hex") << QByteArray("v: 0x1F") << QStringLiteral("integer");
    QTest::newRow("float") << QByteArray("v: 3.10") << QStringLiteral("number");
    QTest::newRow("bool") << QByteArray("v: true") << QStringLiteral("boolean");
    QTest::newRow("quoted bool") << QByteArray("v: 'true'") << QStringLiteral("string");
    QTest::newRow("null tilde") << QByteArray("v: ~") << QStringLiteral("null");
    QTest::newRow("empty") << QByteArray("v:") << QStringLiteral("null");
    QTest::newRow("version") << QByteArray("v: 1.2.3") << QStringLiteral("string");
    QTest::newRow("block") << QByteArray("v: |\n  12\n") << QStringLiteral("string");
    QTest::newRow("seq") << QByteArray("v: [1]") << QStringLiteral("sequence");
    QTest::newRow("map") << QByteArray("v: {a: 1}") << QStringLiteral("mapping");
}

void TestYamlReader::scalarTypes()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, type);
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY(set.ok);
    QCOMPARE(set.documents[0].get(u"v")->typeName(), type);
}

void TestYamlReader::mergeKeys()
{
    const QByteArray text = ".base: &base\n"
                            "  image: alpine\n"
                            "  tags: [a]\n"
                            ".more: &more\n"
                            "  image: debian\n"
                            "  retry: 2\n"
                            "job:\n"
                            "  <<: [*base, *more]\n"
                            "  tags: [b]\n";
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY(set.ok);
    QVERIFY(set.diagnostics.isEmpty());
    const YamlNode* job = set.documents[0].get(u"job");
    QVERIFY(job);
    QCOMPARE(job->keyNames(), (QStringList{QStringLiteral("image"), QStringLiteral("retry"), QStringLiteral("tags")}));
    // Explicit keys win over merged ones; the first merged map wins over later ones.
    QCOMPARE(job->get(u"image")->value, QStringLiteral("alpine"));
    QCOMPARE(job->get(u"tags")->toStringList(), QStringList{QStringLiteral("b")});
    QCOMPARE(job->get(u"retry")->value, QStringLiteral("2"));
    // A merged value keeps the position where it was written.
    QCOMPARE(position(job->get(u"image")), QStringLiteral("2:10"));
}

void TestYamlReader::duplicateKeys()
{
    const QByteArray text = "job:\n  script: a\n  stage: build\n  script: b\n";
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY(set.ok);
    QCOMPARE(describe(set.diagnostics), QStringList{QStringLiteral("4:3:warning:yaml.duplicate-key")});
    QVERIFY(set.diagnostics[0].message.contains(QStringLiteral("line 2")));
    const YamlNode* job = set.documents[0].get(u"job");
    QCOMPARE(job->size(), 2);
    QCOMPARE(job->get(u"script")->value, QStringLiteral("b"));
}

void TestYamlReader::tagsAndDocuments()
{
    const QByteArray text = "spec:\n  inputs:\n    x: {}\n---\njob:\n  script: !reference [.setup, script]\n";
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY(set.ok);
    QCOMPARE(set.documents.size(), size_t(2));
    const YamlNode* script = set.documents[1].get(u"job")->get(u"script");
    QCOMPARE(script->tag, QStringLiteral("!reference"));
    QCOMPARE(script->toStringList(), (QStringList{QStringLiteral(".setup"), QStringLiteral("script")}));
    QCOMPARE(position(script), QStringLiteral("6:11"));
}

void TestYamlReader::diagnostics_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ok");
    QTest::newRow("unclosed flow") << QByteArray("a: [1, 2\nb: 3\n")
                                   << QStringList{QStringLiteral("2:2:error:yaml.syntax")} << false;
    QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n")
                                     << QStringList{QStringLiteral("3:2:error:yaml.syntax")} << false;
    QTest::newRow("tab indentation") << QByteArray("a:\n\tb: 1\n")
                                     << QStringList{QStringLiteral("2:3:error:yaml.syntax")} << false;
    QTest::newRow("unknown alias") << QByteArray("a: *nope\n") << QStringList{QStringLiteral("1:4:error:yaml.syntax")}
                                   << false;
    QTest::newRow("bad merge") << QByteArray("a:\n  <<: 3\n  b: 1\n")
                               << QStringList{QStringLiteral("2:7:error:yaml.invalid-merge")} << true;
    QTest::newRow("duplicate in flow") << QByteArray("{a: 1, a: 2}\n")
                                       << QStringList{QStringLiteral("1:8:warning:yaml.duplicate-key")} << true;
    QTest::newRow("error after non-ascii") << QByteArray("\xC3\xA9t\xC3\xA9: [1, 2\nb: 3\n")
                                           << QStringList{QStringLiteral("2:2:error:yaml.syntax")} << false;
    QTest::newRow("column in characters") << QByteArray("\xC3\xA9\xC3\xA9: {a: 1, a: 2}\n")
                                          << QStringList{QStringLiteral("1:12:warning:yaml.duplicate-key")} << true;
    QTest::newRow("recursive alias") << QByteArray("a: &x [1, *x]\n")
                                     << QStringList{QStringLiteral("1:11:error:yaml.recursive-alias")} << false;
}

void TestYamlReader::diagnostics()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(bool, ok);
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QCOMPARE(describe(set.diagnostics), expected);
    QCOMPARE(set.ok, ok);
    for (const Diagnostic& d : set.diagnostics) {
        QCOMPARE(d.file, QStringLiteral("f.yml"));
        QCOMPARE(d.category, Category::Syntax);
        QVERIFY(!d.message.isEmpty());
    }
}

void TestYamlReader::hostileInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("only comments") << QByteArray("# nothing\n") << QString();
    QByteArray big;
    big.reserve(50 << 20);
    while (big.size() < (50 << 20))
        big += "key: value value value value value value value value value value value value\n";
    QTest::newRow("50 MB") << big << QStringLiteral("0:0:error:yaml.too-large");
    QByteArray laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 9; ++i)
            laughs += QByteArray(i ? ",*" : "*") + QByteArray(1, char(c - 1));
        laughs += "]\n";
    }
    QTest::newRow("billion laughs") << laughs << QStringLiteral("too-many-nodes");
    QTest::newRow("10000 flow levels") << QByteArray(10000, '[') + QByteArray(10000, ']')
                                       << QStringLiteral("1:1:error:yaml.too-deep");
    // 10,000 indentation levels need 50 MB of spaces (refused by size); 2,000 fit and are refused by depth.
    QByteArray block;
    for (int i = 0; i < 2000; ++i)
        block += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("2000 block levels") << block << QStringLiteral("1:1:error:yaml.too-deep");
    QByteArray dashes;
    for (int i = 0; i < 10000; ++i)
        dashes += "- ";
    QTest::newRow("10000 sequence levels") << dashes + "x\n" << QStringLiteral("1:1:error:yaml.too-deep");
    QTest::newRow("invalid utf-8") << QByteArray("a: 1\nb: caf\xC3(\n")
                                   << QStringLiteral("2:7:error:yaml.invalid-utf8");
    QTest::newRow("overlong utf-8") << QByteArray("a: \xC0\xAF\n") << QStringLiteral("1:4:error:yaml.invalid-utf8");
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\x00\x00\x00",
                                          10)
                            << QStringLiteral("1:8:error:yaml.binary");
}

void TestYamlReader::hostileInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const YamlDocumentSet set = readYaml(text, QStringLiteral("f.yml"));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    const QStringList got = describe(set.diagnostics);
    if (expected.isEmpty()) {
        QVERIFY(set.ok);
        QVERIFY(got.isEmpty());
        return;
    }
    QVERIFY(!set.ok);
    QCOMPARE(got.size(), 1);
    QVERIFY2(got[0].endsWith(expected), qPrintable(got[0]));
    QVERIFY(!set.diagnostics[0].message.isEmpty());
}

void TestYamlReader::nestingEstimate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("depth");
    QTest::newRow("flat") << QByteArray("a: 1\nb: 2\n") << 1;
    QTest::newRow("nested block") << QByteArray("a:\n  b:\n    c: 1\n") << 3;
    QTest::newRow("flow in block") << QByteArray("a: {b: [1]}\n") << 3;
    QTest::newRow("brackets in quotes") << QByteArray("a: \"[[[[\"\n") << 1;
    QTest::newRow("block scalar body") << QByteArray("a: |\n      [[[[\n        x\nb: 1\n") << 1;
    QTest::newRow("comment") << QByteArray("a: 1 # [[[[\n") << 1;
}

void TestYamlReader::nestingEstimate()
{
    QFETCH(QByteArray, text);
    QFETCH(int, depth);
    QCOMPARE(estimateNestingDepth(text, 1000), depth);
}

void TestYamlReader::halvesReadAsWhole_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    const QByteArray top = "stages: [build]\n" + jobs(400, false);
    const QByteArray nested = "on: push\njobs:\n" + jobs(400, true);
    QTest::newRow("top-level jobs") << top << true;
    QTest::newRow("jobs under jobs:") << nested << true;
    QTest::newRow("a top-level key after jobs:") << nested + "env:\n  A: b\n" << true;
    QTest::newRow("a key in both halves") << top + "a-003:\n  script: again\n" << true;
    QTest::newRow("a duplicate key inside a job") << cutAt("x:\n  script: one\n", "  script: two\n") << true;
    QTest::newRow("key at the cut") << cutAt("last-of-the-first-half: value\n", "cut: here\n") << true;
    QTest::newRow("nested key at the cut") << cutAt("  last-of-the-first-half: value\n", "  cut: here\n", true) << true;
    // yaml-cpp reads a flow collection whose line starts in column 0; the first half alone does not.
    QTest::newRow("flow sequence over the cut") << cutAt("list: [aaaaaaaaaaaaaaa,\n", "b: c]\n") << true;
    QTest::newRow("quoted scalar over the cut") << cutAt("quoted: \"aaaaaaaaaaaaaaaaa\n", "b: c\"\n") << true;
    QTest::newRow("nested flow mapping over the cut")
        << cutAt("  map: {aaaaaaaaaaaaaaaaaaa: 1,\n", "  b: 2}\n", true) << true;
    QTest::newRow("block scalar before the cut") << cutAt("text: |\n  one\n  two\n", "after: x\n") << true;
    QTest::newRow("anchors and aliases") << top + ".base: &base {a: 1}\nuse: *base\n" << true;
    QTest::newRow("two documents") << top + "---\nsecond: doc\n" << true;
    QTest::newRow("syntax error in the second half") << top + "bad: [unclosed\n" << false;
    QTest::newRow("non-ASCII columns") << cutAt("  jöb-é: {script: \"ü\"}\n", "  ä: {script: \"ö\"}\n", true) << true;
    QTest::newRow("a sequence at the top") << QByteArray("- a\n- b\n").repeated(2000) << true;
    QTest::newRow("a list under the last key") << "list:\n" + QByteArray("  - a: 1\n").repeated(2000) << true;
}

void TestYamlReader::halvesReadAsWhole()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    YamlLimits halves;
    halves.splitAbove = 1;
    YamlLimits whole;
    whole.splitAbove = 0;
    const YamlDocumentSet split = readYaml(text, QStringLiteral("x.yml"), halves);
    const YamlDocumentSet once = readYaml(text, QStringLiteral("x.yml"), whole);
    QCOMPARE(once.ok, ok);
    QCOMPARE(split.ok, once.ok);
    QCOMPARE(split.diagnostics, once.diagnostics);
    QCOMPARE(split.documents.size(), once.documents.size());
    for (size_t i = 0; i < once.documents.size(); ++i)
        QVERIFY(sameTree(split.documents[i], once.documents[i]));
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
