// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/workspace/KeywordContext.h"

#include <QTest>

using namespace gatehouse::pipeline;

class TestKeywordContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void path_data()
    {
        QTest::addColumn<QString>("text"); // the cursor is at the end, marked by nothing
        QTest::addColumn<QString>("expected");
        QTest::newRow("top level") << u"stages: [a]\n"_qs << QString();
        QTest::newRow("in a job") << u"build:\n  script: make\n  "_qs << u"build"_qs;
        QTest::newRow("nested map") << u"build:\n  artifacts:\n    "_qs << u"build/artifacts"_qs;
        QTest::newRow("sibling ignored") << u"a:\n  x: 1\nb:\n  "_qs << u"b"_qs;
        QTest::newRow("comment and blank skipped") << u"build:\n  # note\n\n  "_qs << u"build"_qs;
        QTest::newRow("github step item") << u"jobs:\n  build:\n    steps:\n      - "_qs << u"jobs/build/steps/[]"_qs;
        QTest::newRow("github step continuation")
            << u"jobs:\n  build:\n    steps:\n      - name: x\n        "_qs << u"jobs/build/steps/[]"_qs;
        QTest::newRow("sequence at key indent") << u"build:\n  rules:\n  - if: $X\n    "_qs << u"build/rules/[]"_qs;
        QTest::newRow("map inside item") << u"jobs:\n  b:\n    steps:\n      - uses: x\n        with:\n          "_qs
                                         << u"jobs/b/steps/[]/with"_qs;
    }
    void path()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QStringList lines = text.split(u'\n');
        QCOMPARE(yamlPathAt(lines, int(lines.constLast().size())).join(u'/'), expected);
    }

    void completions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valuePosition");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("mustContain");
        QTest::addColumn<QStringList>("mustNotContain");
        const int gitlab = int(PipelineKind::GitLab);
        const int github = int(PipelineKind::GitHub);
        QTest::newRow("gitlab job keys") << gitlab << u"build:\n  scr"_qs << false << u"scr"_qs
                                         << QStringList{u"script"_qs, u"allow_failure"_qs, u"needs"_qs}
                                         << QStringList{u"stages"_qs, u"runs-on"_qs};
        QTest::newRow("gitlab root keys") << gitlab << u"sta"_qs << false << u"sta"_qs
                                          << QStringList{u"stages"_qs, u"variables"_qs} << QStringList{u"script"_qs};
        QTest::newRow("gitlab when values") << gitlab << u"deploy:\n  when: ma"_qs << true << u"ma"_qs
                                            << QStringList{u"manual"_qs, u"on_success"_qs} << QStringList{};
        QTest::newRow("gitlab artifacts keys")
            << gitlab << u"b:\n  artifacts:\n    "_qs << false << QString() << QStringList{u"paths"_qs, u"expire_in"_qs}
            << QStringList{u"script"_qs};
        QTest::newRow("github job keys") << github << u"on: push\njobs:\n  build:\n    "_qs << false << QString()
                                         << QStringList{u"runs-on"_qs, u"steps"_qs, u"timeout-minutes"_qs}
                                         << QStringList{u"script"_qs};
        QTest::newRow("github step keys") << github << u"jobs:\n  b:\n    steps:\n      - na"_qs << false << u"na"_qs
                                          << QStringList{u"name"_qs, u"uses"_qs, u"run"_qs} << QStringList{};
        const int circleci = int(PipelineKind::CircleCI);
        QTest::newRow("circleci root keys")
            << circleci << u"wor"_qs << false << u"wor"_qs << QStringList{u"workflows"_qs, u"orbs"_qs, u"executors"_qs}
            << QStringList{u"stages"_qs};
        QTest::newRow("circleci job keys")
            << circleci << u"version: 2.1\njobs:\n  build:\n    "_qs << false << QString()
            << QStringList{u"docker"_qs, u"steps"_qs, u"resource_class"_qs} << QStringList{u"script"_qs, u"runs-on"_qs};
        QTest::newRow("circleci parameter types")
            << circleci << u"parameters:\n  v:\n    type: en"_qs << true << u"en"_qs
            << QStringList{u"enum"_qs, u"env_var_name"_qs} << QStringList{};
        QTest::newRow("unknown place") << gitlab << u"build:\n  script:\n    - "_qs << false << QString()
                                       << QStringList{} << QStringList{u"script"_qs};
    }
    void completions()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(bool, valuePosition);
        QFETCH(QString, prefix);
        QFETCH(QStringList, mustContain);
        QFETCH(QStringList, mustNotContain);
        const KeywordCompletion c = completionAt(PipelineKind(kind), text.split(u'\n'));
        QCOMPARE(c.valuePosition, valuePosition);
        QCOMPARE(c.prefix, prefix);
        for (const QString& name : mustContain)
            QVERIFY2(c.candidates.contains(name), qPrintable(name + u" in " + c.candidates.join(u',')));
        for (const QString& name : mustNotContain)
            QVERIFY2(!c.candidates.contains(name), qPrintable(name));
    }

    void help()
    {
        const KeywordHelp h = keywordHelp(PipelineKind::GitLab, {u"deploy:"_qs, u"  when: manual"_qs});
        QCOMPARE(h.key, u"when"_qs);
        QVERIFY(!h.description.isEmpty());
        QVERIFY(h.values.contains(u"manual"_qs));
        QVERIFY(keywordHelp(PipelineKind::GitLab, {u"deploy:"_qs, u"  bogus: 1"_qs}).key.isEmpty());
        // The hover shows the table's value rules: the cache limit and the key rules of cache:key.
        const KeywordHelp cache = keywordHelp(PipelineKind::GitLab, {u"deploy:"_qs, u"  cache:"_qs});
        QVERIFY2(cache.rules.contains(u"at most 4 entries"_qs), qPrintable(cache.rules));
        QVERIFY2(cache.rules.contains(u"policy"_qs), qPrintable(cache.rules));
        const KeywordHelp key = keywordHelp(PipelineKind::GitLab, {u"deploy:"_qs, u"  cache:"_qs, u"    key:"_qs});
        QVERIFY2(key.rules.contains(u"only one of: files/files_commits"_qs), qPrintable(key.rules));
        QCOMPARE(
            keywordHelp(PipelineKind::GitHub, {u"jobs:"_qs, u"  b:"_qs, u"    steps:"_qs, u"      - uses: x"_qs}).key,
            u"uses"_qs);
    }
};

QTEST_GUILESS_MAIN(TestKeywordContext)
#include "tst_keywordcontext.moc"
