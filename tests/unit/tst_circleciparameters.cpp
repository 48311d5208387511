// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/YamlReader.h"
#include "pipeline/circleci/CircleCIParameters.h"

#include <QTest>

using namespace gatehouse::pipeline;
using namespace gatehouse::pipeline::circleci;

namespace {

YamlNode yaml(const QByteArray& text)
{
    YamlDocumentSet set = readYaml(text, QStringLiteral("t.yml"));
    return set.ok && !set.documents.empty() ? set.documents.front() : YamlNode();
}

/// A scope from a YAML mapping `{parameters: {…}, pipeline: {…}, matrix: {…}}`.
Scope scopeOf(const QByteArray& text)
{
    const YamlNode root = yaml(text);
    Scope scope;
    const std::pair<const char16_t*, QHash<QString, YamlNode>*> tables[]
        = {{u"parameters", &scope.parameters}, {u"pipeline", &scope.pipelineParameters}, {u"matrix", &scope.matrix}};
    for (const auto& [key, table] : tables) {
        if (const YamlNode* map = root.get(QStringView(key))) {
            for (size_t i = 0; i < map->keys.size(); ++i)
                table->insert(map->keys[i].value, map->items[i]);
        }
    }
    return scope;
}

} // namespace

class TestCircleCIParameters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substitution_data();
    void substitution();
    void arguments_data();
    void arguments();
    void referenceList();
};

void TestCircleCIParameters::substitution_data()
{
    QTest::addColumn<QByteArray>("scope");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected"); // flow text of the result

    const QByteArray scope = "parameters: {to: world, loud: true, quiet: false, n: 3, extra: [{run: lint}], "
                             "exec: {name: py}}\npipeline: {target: staging}\nmatrix: {os: linux}\n";
    QTest::newRow("embedded") << scope << QByteArray("v: echo hello << parameters.to >>\n")
                              << QStringLiteral("{v: echo hello world}");
    QTest::newRow("no spaces") << scope << QByteArray("v: <<parameters.to>>!\n") << QStringLiteral("{v: world!}");
    QTest::newRow("pipeline parameter") << scope << QByteArray("v: deploy << pipeline.parameters.target >>\n")
                                        << QStringLiteral("{v: deploy staging}");
    QTest::newRow("matrix") << scope << QByteArray("v: build-<< matrix.os >>\n") << QStringLiteral("{v: build-linux}");
    QTest::newRow("run-time value kept") << scope << QByteArray("v: << pipeline.git.branch >>\n")
                                         << QStringLiteral("{v: << pipeline.git.branch >>}");
    QTest::newRow("unknown kept") << scope << QByteArray("v: << parameters.nope >>\n")
                                  << QStringLiteral("{v: << parameters.nope >>}");
    QTest::newRow("whole mapping") << scope << QByteArray("executor: << parameters.exec >>\n")
                                   << QStringLiteral("{executor: {name: py}}");
    QTest::newRow("steps spliced") << scope << QByteArray("steps: [checkout, << parameters.extra >>, {run: make}]\n")
                                   << QStringLiteral("{steps: [checkout, {run: lint}, {run: make}]}");
    QTest::newRow("section true") << scope << QByteArray("v: make <<# parameters.loud >>V=1<</ parameters.loud >>\n")
                                  << QStringLiteral("{v: make V=1}");
    QTest::newRow("section false") << scope
                                   << QByteArray("v: make <<# parameters.quiet >>Q=1<</ parameters.quiet >>end\n")
                                   << QStringLiteral("{v: make end}");
    QTest::newRow("inverted section") << scope
                                      << QByteArray("v: make <<^ parameters.quiet >>-v<</ parameters.quiet >>\n")
                                      << QStringLiteral("{v: make -v}");
}

void TestCircleCIParameters::substitution()
{
    QFETCH(QByteArray, scope);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(substitute(yaml(input), scopeOf(scope)).toFlowText(1000), expected);
}

void TestCircleCIParameters::arguments_data()
{
    QTest::addColumn<QByteArray>("call");
    QTest::addColumn<QStringList>("problems"); // rule ids
    QTest::addColumn<QString>("bound"); // the value bound to `level`

    QTest::newRow("defaults") << QByteArray("{to: x}") << QStringList() << QStringLiteral("low");
    QTest::newRow("given") << QByteArray("{to: x, level: high, n: 2, var: MY_TOKEN}") << QStringList()
                           << QStringLiteral("high");
    QTest::newRow("missing") << QByteArray("{}") << QStringList{QStringLiteral("missing-parameter")}
                             << QStringLiteral("low");
    QTest::newRow("unknown") << QByteArray("{to: x, colour: red}") << QStringList{QStringLiteral("unknown-parameter")}
                             << QStringLiteral("low");
    QTest::newRow("enum") << QByteArray("{to: x, level: mid}") << QStringList{QStringLiteral("invalid-argument")}
                          << QStringLiteral("mid");
    QTest::newRow("integer") << QByteArray("{to: x, n: two}") << QStringList{QStringLiteral("invalid-argument")}
                             << QStringLiteral("low");
    QTest::newRow("env var name") << QByteArray("{to: x, var: 1TOKEN}")
                                  << QStringList{QStringLiteral("invalid-argument")} << QStringLiteral("low");
    QTest::newRow("string given a list") << QByteArray("{to: [a, b]}")
                                         << QStringList{QStringLiteral("invalid-argument")} << QStringLiteral("low");
    QTest::newRow("reference not judged")
        << QByteArray("{to: x, n: << pipeline.parameters.n >>}") << QStringList() << QStringLiteral("low");
}

void TestCircleCIParameters::arguments()
{
    QFETCH(QByteArray, call);
    QFETCH(QStringList, problems);
    QFETCH(QString, bound);
    const YamlNode declarations = yaml("to: {type: string}\nlevel: {type: enum, enum: [low, high], default: low}\n"
                                       "n: {type: integer, default: 1}\nvar: {type: env_var_name, default: TOKEN}\n");
    QStringList reported;
    const Report report
        = [&reported](const YamlNode&, Severity, Category, const QString& rule, const QString&) { reported << rule; };
    const QList<Parameter> declared = readParameters(&declarations, QStringLiteral("command 'c'"), report);
    QCOMPARE(reported, QStringList());
    QCOMPARE(declared.size(), 4);
    const YamlNode callNode = yaml(call);
    const QHash<QString, YamlNode> values
        = bindArguments(declared, &callNode, callNode, {}, QStringLiteral("command 'c'"), report);
    QCOMPARE(reported, problems);
    QCOMPARE(values.value(QStringLiteral("level")).value, bound);
}

void TestCircleCIParameters::referenceList()
{
    const QList<Reference> refs
        = references(QStringLiteral("a << parameters.x >> <<pipeline.git.branch>> <<# matrix.os >>b<</ matrix.os >>"));
    QStringList names;
    for (const Reference& r : refs)
        names << r.ns + u'.' + r.name;
    QCOMPARE(names,
             (QStringList{QStringLiteral("parameters.x"), QStringLiteral("pipeline.git.branch"),
                          QStringLiteral("matrix.os"), QStringLiteral("matrix.os")}));
    QVERIFY(references(QStringLiteral("cat <<EOF >> file")).isEmpty());
    QVERIFY(isPipelineValue(QStringLiteral("git.branch")));
    QVERIFY(isPipelineValue(QStringLiteral("number")));
    QVERIFY(!isPipelineValue(QStringLiteral("branch")));
}

QTEST_GUILESS_MAIN(TestCircleCIParameters)
#include "tst_circleciparameters.moc"
