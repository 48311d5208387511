// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"
#include "pipeline/YamlReader.h"
#include "pipeline/workspace/MergedConfiguration.h"

#include <QTest>

using namespace gatehouse::pipeline;

class TestMergedConfiguration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("plain");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain word") << u"make"_qs << true << u"make"_qs;
        QTest::newRow("quoted true stays quoted") << u"true"_qs << false << u"\"true\""_qs;
        QTest::newRow("plain true") << u"true"_qs << true << u"true"_qs;
        QTest::newRow("colon space") << u"a: b"_qs << true << u"\"a: b\""_qs;
        QTest::newRow("comment marker") << u"x #y"_qs << true << u"\"x #y\""_qs;
        QTest::newRow("leading star") << u"*.log"_qs << true << u"\"*.log\""_qs;
        QTest::newRow("empty") << QString() << false << u"\"\""_qs;
        QTest::newRow("dash option") << u"--werror"_qs << true << u"--werror"_qs;
        QTest::newRow("quote inside") << u"say \"hi\": now"_qs << true << u"\"say \\\"hi\\\": now\""_qs;
        QTest::newRow("variable") << u"${CI_JOB_NAME}"_qs << true << u"${CI_JOB_NAME}"_qs;
    }
    void scalars()
    {
        QFETCH(QString, value);
        QFETCH(bool, plain);
        QFETCH(QString, expected);
        YamlNode node = YamlNode::scalar(value);
        node.plain = plain;
        QCOMPARE(yamlScalar(node), expected);
    }

    void rendersTheResolvedPipeline()
    {
        const QByteArray text = ".base: &base\n" // 1
                                "  image: alpine:3.19\n" // 2
                                "  script:\n" // 3
                                "    - make\n" // 4
                                "    - |\n" // 5
                                "      echo one\n" // 6
                                "      echo two\n" // 7
                                "build:\n" // 8
                                "  extends: .base\n" // 9
                                "  stage: test\n" // 10
                                "  variables: {A: \"1\"}\n"; // 11
        const ValidationResult result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
        const MergedConfiguration merged = renderMergedConfiguration(result.model);
        QVERIFY(!merged.text.isEmpty());
        QCOMPARE(merged.origins.size(), merged.text.count(u'\n'));

        // It reads back as YAML, and the job has what it inherited.
        const YamlDocumentSet back = readYaml(merged.text.toUtf8(), QStringLiteral("merged.yml"));
        QVERIFY2(back.ok, qPrintable(merged.text));
        const YamlNode* build = back.documents.at(0).get(u"build");
        QVERIFY(build);
        QCOMPARE(build->get(u"image")->value, u"alpine:3.19"_qs);
        QCOMPARE(build->get(u"script")->size(), 2);
        QCOMPARE(build->get(u"script")->items[1].value, u"echo one\necho two\n"_qs);
        QCOMPARE(build->get(u"variables")->get(u"A")->value, u"1"_qs);

        // The inherited image line points back at the template's line.
        const QStringList lines = merged.text.split(u'\n');
        int buildLine = -1;
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i) == u"build:")
                buildLine = i;
        }
        QVERIFY(buildLine >= 0);
        bool found = false;
        for (int i = buildLine + 1; i < lines.size() && lines.at(i).startsWith(u' '); ++i) {
            if (lines.at(i).trimmed() == u"image: alpine:3.19") {
                QCOMPARE(merged.origins.at(i).line, 2);
                QCOMPARE(merged.origins.at(i).file, u".gitlab-ci.yml"_qs);
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(merged.text));
    }
};

QTEST_GUILESS_MAIN(TestMergedConfiguration)
#include "tst_mergedconfiguration.moc"
