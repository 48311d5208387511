// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GitLabInputs.h"
#include "pipeline/GitLabPipeline.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {

using Files = QHash<QString, QByteArray>;

QStringList describe(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != Severity::Info)
            out << QStringLiteral("%1:%2:%3:%4").arg(d.file).arg(d.line).arg(d.column).arg(d.rule);
    }
    return out;
}

// A template with typed inputs, as a component or a shared CI file declares them.
const QByteArray Template
    = "spec:\n"
      "  inputs:\n"
      "    stage:\n"
      "      default: test\n"
      "    retries:\n"
      "      type: number\n"
      "      default: 1\n"
      "    runner_tags:\n"
      "      type: array\n"
      "      default: [docker]\n"
      "    env:\n"
      "      options: [staging, production]\n"
      "      default: staging\n"
      "    version:\n"
      "      regex: /^v\\d+$/\n"
      "      default: v1\n"
      "    lint:\n"
      "      type: boolean\n"
      "      default: false\n"
      "    name:\n"
      "      description: required, no default\n"
      "---\n"
      "build-$[[ inputs.name ]]:\n"
      "  stage: $[[ inputs.stage ]]\n"
      "  retry: $[[ inputs.retries ]]\n"
      "  tags: $[[ inputs.runner_tags ]]\n"
      "  script: echo $[[ inputs.env ]] $[[ inputs.version ]] $[[ inputs.name | truncate(0,3) ]]\n";

} // namespace

class TestGitLabInputs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void interpolation();
    void childPipelineInputs();
    void checkValue_data();
    void checkValue();
};

void TestGitLabInputs::rules_data()
{
    QTest::addColumn<QByteArray>("include");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("expected");

    const QByteArray stages = "stages: [test, deploy]\n";
    QTest::newRow("all inputs valid") << stages + "include:\n  - local: t.yml\n    inputs:\n      name: app\n"
                                      << Template << QStringList();
    QTest::newRow("unknown given input") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      stagee: deploy\n"
                                         << Template
                                         << QStringList{QStringLiteral(".gitlab-ci.yml:6:7:gitlab.input-unknown")};
    QTest::newRow("required input missing")
        << stages + "include:\n  - local: t.yml\n    inputs:\n      stage: test\n"
        << Template << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.input-missing")};
    QTest::newRow("required input, no inputs at all")
        << stages + "include:\n  - local: t.yml\n"
        << Template << QStringList{QStringLiteral("t.yml:20:5:gitlab.input-missing")};
    QTest::newRow("number expected") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      retries: two\n"
                                     << Template
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:6:16:gitlab.input-invalid")};
    QTest::newRow("boolean expected") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      lint: 'yes'\n"
                                      << Template
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:6:13:gitlab.input-invalid")};
    QTest::newRow("array expected") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      runner_tags: docker\n"
                                    << Template
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:6:20:gitlab.input-invalid")};
    QTest::newRow("string expected") << stages + "include:\n  - local: t.yml\n    inputs:\n      name: 12\n"
                                     << Template
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:13:gitlab.input-invalid")};
    QTest::newRow("not an option") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      env: qa\n"
                                   << Template
                                   << QStringList{QStringLiteral(".gitlab-ci.yml:6:12:gitlab.input-invalid")};
    QTest::newRow("regex mismatch") << stages
            + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      version: '1.0'\n"
                                    << Template
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:6:16:gitlab.input-invalid")};
    QTest::newRow("typed value reaches the keyword rules")
        << stages + "include:\n  - local: t.yml\n    inputs:\n      name: app\n      retries: 5\n"
        << Template << QStringList{QStringLiteral("t.yml:25:10:gitlab.out-of-range")};
    QTest::newRow("unknown interpolation")
        << QByteArray("include:\n  - local: t.yml\n")
        << QByteArray(
               "spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  script: echo $[[ inputs.stgae ]]\n")
        << QStringList{QStringLiteral("t.yml:7:11:gitlab.input-unknown")};
    QTest::newRow("malformed interpolation")
        << QByteArray("include:\n  - local: t.yml\n")
        << QByteArray("spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  script: echo $[[ inputs ]]\n")
        << QStringList{QStringLiteral("t.yml:7:11:gitlab.invalid-interpolation")};
    QTest::newRow("unknown function")
        << QByteArray("include:\n  - local: t.yml\n")
        << QByteArray(
               "spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  stage: $[[ inputs.stage | upcase ]]\n"
               "  script: x\n")
        << QStringList{QStringLiteral("t.yml:7:10:gitlab.invalid-interpolation")};
    QTest::newRow("default of the wrong type")
        << QByteArray("include:\n  - local: t.yml\n")
        << QByteArray("spec:\n  inputs:\n    n:\n      type: number\n      default: many\n---\njob:\n  script: x\n")
        << QStringList{QStringLiteral("t.yml:5:16:gitlab.input-invalid")};
    QTest::newRow("regex on a number input")
        << QByteArray("include:\n  - local: t.yml\n")
        << QByteArray("spec:\n  inputs:\n    n:\n      type: number\n      default: 1\n      regex: /^1$/\n---\n"
                      "job:\n  script: x\n")
        << QStringList{QStringLiteral("t.yml:6:7:gitlab.input-invalid")};
    QTest::newRow("inputs for a file without header")
        << QByteArray("include:\n  - local: t.yml\n    inputs:\n      a: b\n") << QByteArray("job:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:5:gitlab.input-unknown")};
    QTest::newRow("no header: blocks stay text")
        << QByteArray("include:\n  - local: t.yml\n") << QByteArray("job:\n  script: echo $[[ inputs.x ]]\n")
        << QStringList();
}

void TestGitLabInputs::rules()
{
    QFETCH(QByteArray, include);
    QFETCH(QByteArray, file);
    QFETCH(QStringList, expected);
    QList<Diagnostic> diagnostics;
    GitLabPipeline::analyze(include, QStringLiteral(".gitlab-ci.yml"),
                            FileSource::fromMap(Files{{QStringLiteral("t.yml"), file}}, true), diagnostics);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describe(diagnostics).join(u' '), expected.join(u' '));
}

void TestGitLabInputs::interpolation()
{
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = GitLabPipeline::analyze("stages: [test, deploy]\ninclude:\n  - local: t.yml\n    inputs:\n      name: "
                                  "application\n      stage: deploy\n"
                                  "      runner_tags: [a, b]\n      env: production\n",
                                  QStringLiteral(".gitlab-ci.yml"),
                                  FileSource::fromMap(Files{{QStringLiteral("t.yml"), Template}}, true), diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* job = model.job(QStringLiteral("build-application"));
    QVERIFY(job);
    QCOMPARE(job->stage, QStringLiteral("deploy"));
    // Whole-value blocks keep the input's type; blocks inside text are replaced as text, functions applied.
    QVERIFY(job->config.get(u"retry")->isInteger());
    QCOMPARE(job->config.get(u"tags")->toStringList(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(job->config.get(u"script")->value, QStringLiteral("echo production v1 app"));

    // The root file: a required input without default only warns (a run may give it).
    diagnostics.clear();
    GitLabPipeline::analyze("spec:\n  inputs:\n    env:\n---\njob:\n  script: echo $[[ inputs.env ]]\n",
                            QStringLiteral(".gitlab-ci.yml"), FileSource::fromMap({}, true), diagnostics);
    QCOMPARE(describe(diagnostics), QStringList{QStringLiteral(".gitlab-ci.yml:3:5:gitlab.input-missing")});
    QCOMPARE(diagnostics.first().severity, Severity::Warning);
}

void TestGitLabInputs::childPipelineInputs()
{
    // trigger:include of a local child pipeline: GitLab runs it with these inputs, so they are checked against the
    // child's header (artifact/job includes are generated at run time and cannot be).
    const QByteArray child
        = "spec:\n  inputs:\n    env:\n      options: [staging, production]\n---\njob:\n  script: x\n";
    const auto run = [&](const QByteArray& parent) {
        QList<Diagnostic> diagnostics;
        GitLabPipeline::analyze(parent, QStringLiteral(".gitlab-ci.yml"),
                                FileSource::fromMap(Files{{QStringLiteral("child.yml"), child}}, true), diagnostics);
        normalizeDiagnostics(diagnostics);
        return describe(diagnostics);
    };
    QCOMPARE(run("deploy:\n  trigger:\n    include:\n      - local: child.yml\n        inputs: {env: production}\n"
                 "gen:\n  script: x\nrun:\n  trigger:\n    include:\n      - artifact: gen.yml\n        job: gen\n"
                 "        inputs: {anything: 1}\n"),
             QStringList());
    QCOMPARE(run("deploy:\n  trigger:\n    include:\n      - local: child.yml\n        inputs: {env: qa}\n"),
             QStringList{QStringLiteral(".gitlab-ci.yml:5:23:gitlab.input-invalid")});
    QCOMPARE(run("deploy:\n  trigger:\n    include:\n      - local: child.yml\n        inputs: {region: eu}\n"),
             (QStringList{QStringLiteral(".gitlab-ci.yml:5:17:gitlab.input-missing"),
                          QStringLiteral(".gitlab-ci.yml:5:18:gitlab.input-unknown")}));
}

void TestGitLabInputs::checkValue_data()
{
    QTest::addColumn<QByteArray>("declaration");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("string") << QByteArray("{}") << QByteArray("abc") << true;
    QTest::newRow("string, number given") << QByteArray("{}") << QByteArray("3") << false;
    QTest::newRow("number float") << QByteArray("{type: number}") << QByteArray("2.5") << true;
    QTest::newRow("number, text given") << QByteArray("{type: number}") << QByteArray("x") << false;
    QTest::newRow("boolean") << QByteArray("{type: boolean}") << QByteArray("true") << true;
    QTest::newRow("boolean, quoted") << QByteArray("{type: boolean}") << QByteArray("'true'") << false;
    QTest::newRow("array") << QByteArray("{type: array}") << QByteArray("[1, a]") << true;
    QTest::newRow("array, scalar given") << QByteArray("{type: array}") << QByteArray("a") << false;
    QTest::newRow("option") << QByteArray("{options: [a, b]}") << QByteArray("b") << true;
    QTest::newRow("not an option") << QByteArray("{options: [a, b]}") << QByteArray("c") << false;
    QTest::newRow("regex") << QByteArray("{regex: '/^[a-z]+$/'}") << QByteArray("abc") << true;
    QTest::newRow("regex mismatch") << QByteArray("{regex: '/^[a-z]+$/'}") << QByteArray("ABC") << false;
    QTest::newRow("includer's input") << QByteArray("{type: number}") << QByteArray("$[[ inputs.n ]]") << true;
}

void TestGitLabInputs::checkValue()
{
    QFETCH(QByteArray, declaration);
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    // Read both through the pipeline reader: a job's variables hold them as plain YAML values.
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = GitLabPipeline::analyze("job:\n  script: x\n  variables:\n    D: " + declaration + "\n    V: " + value + "\n",
                                  QStringLiteral(".gitlab-ci.yml"), FileSource::fromMap({}, true), diagnostics);
    const YamlNode* variables = model.merged.get(u"job")->get(u"variables");
    QVERIFY(variables);
    QCOMPARE(GitLabInputs::checkValue(*variables->get(u"D"), *variables->get(u"V")).isEmpty(), valid);
}

QTEST_GUILESS_MAIN(TestGitLabInputs)
#include "tst_gitlabinputs.moc"
