// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GitHubActionCatalog.h"
#include "pipeline/YamlReader.h"

#include <QSet>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

class TestGitHubActionCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coversWidelyUsedActions();
    void lookup_data();
    void lookup();
    void outputs();
    void localMetadata();
};

void TestGitHubActionCatalog::coversWidelyUsedActions()
{
    qsizetype count = 0;
    const ActionRecord* records = actionRecords(&count);
    QSet<QString> actions;
    for (qsizetype i = 0; i < count; ++i) {
        actions.insert(QString::fromLatin1(records[i].uses));
        // Every row says where its data comes from.
        QVERIFY2(qstrlen(records[i].tag) > 0 && qstrlen(records[i].commit) >= 7, records[i].uses);
    }
    QVERIFY2(actions.size() >= 40, qPrintable(QString::number(actions.size())));
    for (const char* required : {"actions/checkout", "actions/setup-node", "actions/cache", "docker/build-push-action",
                                 "github/codeql-action/init", "aquasecurity/trivy-action", "codecov/codecov-action",
                                 "aws-actions/configure-aws-credentials", "gradle/actions/setup-gradle"})
        QVERIFY2(actions.contains(QString::fromLatin1(required)), required);
}

void TestGitHubActionCatalog::lookup_data()
{
    QTest::addColumn<QString>("uses");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("tagPrefix"); // the major version the data was taken from

    QTest::newRow("major tag") << QStringLiteral("actions/checkout@v5") << QString() << true << QStringLiteral("v5.");
    QTest::newRow("full version") << QStringLiteral("actions/checkout@v6.0.1") << QString() << true
                                  << QStringLiteral("v6.");
    QTest::newRow("owner case") << QStringLiteral("Actions/Checkout@v5") << QString() << true << QStringLiteral("v5.");
    QTest::newRow("sub-action") << QStringLiteral("github/codeql-action/analyze@v4") << QString() << true
                                << QStringLiteral("v4.");
    QTest::newRow("sha with comment") << QStringLiteral("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8")
                                      << QStringLiteral(" v5.0.0") << true << QStringLiteral("v5.");
    QTest::newRow("sha without comment") << QStringLiteral("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8")
                                         << QString() << false << QString();
    QTest::newRow("branch is the newest")
        << QStringLiteral("aquasecurity/trivy-action@master") << QString() << true << QStringLiteral("v0.");
    QTest::newRow("major too old") << QStringLiteral("actions/checkout@v1") << QString() << false << QString();
    QTest::newRow("unknown action") << QStringLiteral("someone/thing@v1") << QString() << false << QString();
    QTest::newRow("no ref") << QStringLiteral("actions/checkout") << QString() << false << QString();
}

void TestGitHubActionCatalog::lookup()
{
    QFETCH(QString, uses);
    QFETCH(QString, comment);
    QFETCH(bool, found);
    QFETCH(QString, tagPrefix);
    const std::optional<ActionSpec> spec = knownAction(uses, comment);
    QCOMPARE(spec.has_value(), found);
    if (spec) {
        QVERIFY2(spec->version.startsWith(tagPrefix), qPrintable(spec->version));
        QCOMPARE(spec->uses, uses);
    }
}

void TestGitHubActionCatalog::outputs()
{
    const std::optional<QStringList> checkout = knownActionOutputs(QStringLiteral("actions/checkout@v5"));
    QVERIFY(checkout);
    QVERIFY(checkout->contains(QStringLiteral("commit")));
    const std::optional<QStringList> metadata = knownActionOutputs(QStringLiteral("docker/metadata-action@v5"));
    QVERIFY(metadata);
    QVERIFY(metadata->contains(QStringLiteral("tags")));
    QVERIFY(!knownActionOutputs(QStringLiteral("someone/thing@v1")));
    // A branch may declare other outputs than the newest release; a commit pin reads its version from the comment.
    QVERIFY(!knownActionOutputs(QStringLiteral("docker/metadata-action@master")));
    QVERIFY(knownActionOutputs(QStringLiteral("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8"),
                               QStringLiteral(" v5.0.0")));

    const std::optional<ActionSpec> cache = knownAction(QStringLiteral("actions/cache@v4"));
    QVERIFY(cache);
    QVERIFY(cache->input(QStringLiteral("KEY")) && cache->input(QStringLiteral("key"))->required);
    QVERIFY(cache->input(QStringLiteral("save-always")) && cache->input(QStringLiteral("save-always"))->deprecated);
    QVERIFY(!cache->input(QStringLiteral("restore-keys"))->required);
    QVERIFY(!cache->isDocker());
}

void TestGitHubActionCatalog::localMetadata()
{
    const YamlDocumentSet set = readYaml("name: a\ndescription: d\ninputs:\n  must: {required: 'true'}\n"
                                         "  given: {required: true, default: x}\n  old: {deprecationMessage: gone}\n"
                                         "outputs:\n  result: {description: r}\nruns:\n  using: docker\n  image: x\n",
                                         QStringLiteral("action.yml"));
    QVERIFY(set.ok);
    const ActionSpec spec = actionSpecFromMetadata(set.documents.front(), QStringLiteral("./a"));
    QCOMPARE(spec.inputNames(), (QStringList{QStringLiteral("must"), QStringLiteral("given"), QStringLiteral("old")}));
    QVERIFY(spec.input(QStringLiteral("must"))->required);
    QVERIFY(!spec.input(QStringLiteral("given"))->required);
    QCOMPARE(spec.input(QStringLiteral("old"))->deprecationMessage, QStringLiteral("gone"));
    QCOMPARE(spec.outputs, QStringList{QStringLiteral("result")});
    QVERIFY(spec.isDocker());
}

QTEST_GUILESS_MAIN(TestGitHubActionCatalog)
#include "tst_githubactioncatalog.moc"
