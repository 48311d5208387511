// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/KeywordTables.h"

#include <QRegularExpression>
#include <QTest>

using namespace gatehouse::pipeline;

class TestKeywordTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaAt_data();
    void schemaAt();
    void keywordAt();
    void tablesAreConsistent();
};

void TestKeywordTables::schemaAt_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("schema"); // empty: none
    QTest::newRow("gitlab root") << QStringLiteral("gitlab") << QStringList() << QStringLiteral("root");
    QTest::newRow("gitlab job") << QStringLiteral("gitlab") << QStringList{QStringLiteral("build")}
                                << QStringLiteral("job");
    QTest::newRow("gitlab artifacts") << QStringLiteral("gitlab")
                                      << QStringList{QStringLiteral("build"), QStringLiteral("artifacts")}
                                      << QStringLiteral("artifacts");
    QTest::newRow("gitlab reports") << QStringLiteral(
        "gitlab") << QStringList{QStringLiteral("build"), QStringLiteral("artifacts"), QStringLiteral("reports")}
                                    << QStringLiteral("reports");
    QTest::newRow("gitlab rule item") << QStringLiteral("gitlab")
                                      << QStringList{QStringLiteral("build"), QStringLiteral("rules")}
                                      << QStringLiteral("rule");
    QTest::newRow("gitlab default") << QStringLiteral("gitlab") << QStringList{QStringLiteral("default")}
                                    << QStringLiteral("default");
    QTest::newRow("gitlab script is text")
        << QStringLiteral("gitlab") << QStringList{QStringLiteral("build"), QStringLiteral("script")} << QString();
    QTest::newRow("github job") << QStringLiteral("github")
                                << QStringList{QStringLiteral("jobs"), QStringLiteral("test")} << QStringLiteral("job");
    QTest::newRow("github step") << QStringLiteral("github")
                                 << QStringList{QStringLiteral("jobs"), QStringLiteral("test"), QStringLiteral("steps")}
                                 << QStringLiteral("step");
    QTest::newRow("github push filters") << QStringLiteral("github")
                                         << QStringList{QStringLiteral("on"), QStringLiteral("push")}
                                         << QStringLiteral("push-filters");
    QTest::newRow("github unknown") << QStringLiteral("github") << QStringList{QStringLiteral("nope")} << QString();
}

void TestKeywordTables::schemaAt()
{
    QFETCH(QString, system);
    QFETCH(QStringList, path);
    QFETCH(QString, schema);
    const KeywordTables& tables = system == u"gitlab" ? KeywordTables::gitlab() : KeywordTables::github();
    const MapSchema* found = tables.schemaAt(path);
    QCOMPARE(found ? found->id : QString(), schema);
}

void TestKeywordTables::keywordAt()
{
    const KeySpec* when = KeywordTables::gitlab().keywordAt({QStringLiteral("deploy"), QStringLiteral("when")});
    QVERIFY(when);
    QVERIFY(KeywordTables::enumNames(when->value.enumValues).contains(QStringLiteral("manual")));
    QVERIFY(QByteArray(when->description).contains("When"));
    const KeySpec* timeout = KeywordTables::github().keywordAt(
        {QStringLiteral("jobs"), QStringLiteral("a"), QStringLiteral("timeout-minutes")});
    QVERIFY(timeout);
    QVERIFY(timeout->value.types & TypeNumber);
}

void TestKeywordTables::tablesAreConsistent()
{
    // Every schema or item id a keyword refers to exists, so no check silently skips a subtree.
    for (const KeywordTables* tables : {&KeywordTables::gitlab(), &KeywordTables::github()}) {
        QStringList missing;
        const auto checkSpec = [&](const ValueSpec& spec, const QString& where) {
            if (spec.map && !tables->map(QString::fromLatin1(spec.map)))
                missing << where + QStringLiteral(" map ") + QString::fromLatin1(spec.map);
            if (spec.items && !tables->value(QString::fromLatin1(spec.items)))
                missing << where + QStringLiteral(" items ") + QString::fromLatin1(spec.items);
        };
        QVERIFY(tables->mapIds().size() > 20);
        for (const QString& id : tables->mapIds()) {
            const MapSchema* schema = tables->map(id);
            for (const KeySpec& key : schema->keys) {
                checkSpec(key.value, id + u'.' + QLatin1StringView(key.name));
                QVERIFY2(key.description, key.name);
            }
            if (schema->open)
                checkSpec(schema->otherValue, id + QStringLiteral(".*"));
            // The keys named by the rules between keys are keys of the mapping (a typo would disable a rule).
            QStringList named;
            for (const char* rule : {schema->exclusive, schema->requireOne, schema->dependsOn}) {
                if (rule)
                    named << QString::fromLatin1(rule).split(QRegularExpression(QStringLiteral("[|,;>]")));
            }
            for (const QString& name : std::as_const(named)) {
                if (!schema->key(name))
                    missing << id + QStringLiteral(" rule key ") + name;
            }
        }
        for (const QString& id : tables->valueIds())
            checkSpec(*tables->value(id), QStringLiteral("value ") + id);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    } // GitLab: the keywords inherit:default may name are those of default:, and the keywords a trigger job may use
    // are job keywords.
    const KeywordTables& gitlab = KeywordTables::gitlab();
    QStringList inheritable = KeywordTables::enumNames(gitlab.value(QStringLiteral("default-keyword"))->enumValues);
    QStringList defaults = gitlab.map(QStringLiteral("default"))->keyNames();
    inheritable.sort();
    defaults.sort();
    QCOMPARE(inheritable, defaults);
    for (const QString& name :
         KeywordTables::enumNames(gitlab.value(QStringLiteral("trigger-job-keyword"))->enumValues))
        QVERIFY2(gitlab.map(QStringLiteral("job"))->key(name), qPrintable(name));
}

QTEST_GUILESS_MAIN(TestKeywordTables)
#include "tst_keywordtables.moc"
