// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Corpus.h"
#include "DiagnosticText.h"
#include "demo/DemoRepository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScanApplicability.h"
#include "pipeline/jenkins/JenkinsPipeline.h"
#include "pipeline/workspace/PipelineGraphLayout.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;
using gatehouse::test::describeProblems;
using gatehouse::test::messagesOf;

namespace {

QStringList rows(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* item : list)
        out << QString::fromLatin1(item);
    return out;
}

/// A pipeline with `agent any` (line 2) whose stages section (line 3) holds `stages`, which start on line 4.
QByteArray stagesWith(const QByteArray& stages)
{
    return "pipeline {\n  agent any\n  stages {\n" + stages + "  }\n}\n";
}

/// One stage 'A' (line 4) whose body starts on line 5.
QByteArray stageWith(const QByteArray& body)
{
    return stagesWith("    stage('A') {\n" + body + "    }\n");
}

const QByteArray steps = "      steps { sh 'make' }\n";

QList<Diagnostic> diagnosticsOf(const QByteArray& text)
{
    QList<Diagnostic> diagnostics;
    JenkinsPipeline::analyze(text, QStringLiteral("Jenkinsfile"), diagnostics);
    normalizeDiagnostics(diagnostics);
    return diagnostics;
}

QStringList jobNames(const PipelineModel& model)
{
    QStringList names;
    for (const PipelineJob& job : model.jobs)
        names << job.name;
    return names;
}

/// The model of a pipeline; `problems` receives the messages of its errors and warnings (expected none).
PipelineModel modelOf(const QByteArray& text, QString* problems)
{
    QList<Diagnostic> diagnostics;
    const PipelineModel model = JenkinsPipeline::analyze(text, QStringLiteral("Jenkinsfile"), diagnostics);
    *problems = describeProblems(diagnostics).isEmpty() ? QString() : messagesOf(diagnostics);
    return model;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestJenkinsPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void model();
    void matrixCells();
    void sameNamesInBranches();
    void stageGraph();
    void gates_data();
    void gates();
    void shellScripts();
    void notDeclarative_data();
    void notDeclarative();
    void detectAndDiscover();
    void scanFindingOnMainJenkinsfile();
    void demoJenkinsfile();
    void brokenCopiesNeverCrash();
    void largePipelineStaysFast();
    void corpusHasNoErrors_data();
    void corpusHasNoErrors();
};

void TestJenkinsPipeline::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // line:column:severity:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");

    // Valid forms.
    QTest::newRow("minimal") << stageWith(steps) << rows({}) << QString();
    QTest::newRow("every when condition")
        << stageWith("      when {\n        beforeAgent true\n        beforeInput true\n        beforeOptions true\n"
                     "        anyOf { branch 'main'; tag 'v*'; buildingTag() }\n        not { changeRequest() }\n"
                     "        environment name: 'DEPLOY', value: 'yes'\n        equals expected: 2, actual: "
                     "currentBuild.number\n        expression { return params.RUN }\n        changelog '.*fix.*'\n"
                     "        changeset '**/*.js'\n        allOf { triggeredBy 'TimerTrigger'; branch 'main' }\n"
                     "      }\n"
                     + steps)
        << rows({}) << QString();
    QTest::newRow("every post condition") << stageWith(
        steps
        + "      post {\n        always { echo 'a' }\n        changed { echo 'b' }\n        fixed { echo 'c' }\n"
          "        regression { echo 'd' }\n        aborted { echo 'e' }\n        failure { echo 'f' }\n"
          "        success { echo 'g' }\n        unstable { echo 'h' }\n        unsuccessful { echo 'i' }\n"
          "        cleanup { cleanWs() }\n      }\n")
                                          << rows({}) << QString();
    QTest::newRow("directives") << QByteArray(
        "pipeline {\n  agent { docker { image 'gcc:14'; args '-v /tmp:/tmp' } }\n"
        "  environment {\n    CC = 'gcc'\n    TOKEN = credentials('token')\n  }\n"
        "  options { timeout(time: 1, unit: 'HOURS'); buildDiscarder(logRotator(numToKeepStr: '5')) }\n"
        "  parameters { string(name: 'X', defaultValue: 'a', description: 'x'); booleanParam(name: "
        "'Y', defaultValue: true) }\n"
        "  triggers { cron('H 4 * * 1-5') }\n  tools { maven 'mvn-3' }\n"
        "  stages {\n    stage('A') {\n      agent { label 'linux' }\n"
        "      input { message 'Go?'; ok 'Yes'; submitter 'alice' }\n"
        "      steps {\n        script {\n          def x = 1\n          if (x) { echo 'y' }\n        }\n"
        "        withCredentials([string(credentialsId: 'c', variable: 'T')]) { sh 'make' }\n"
        "      }\n    }\n  }\n}\n")
                                << rows({}) << QString();
    QTest::newRow("parallel and nested stages")
        << stagesWith("    stage('Checks') {\n      failFast true\n      parallel {\n"
                      "        stage('Unit') { steps { sh 'make test' } }\n"
                      "        stage('Lint') { stages { stage('L1') { steps { sh 'lint' } } } }\n      }\n    }\n")
        << rows({}) << QString();
    QTest::newRow("matrix") << stagesWith(
        "    stage('M') {\n      matrix {\n        axes {\n          axis { name 'OS'; values 'linux', "
        "'mac' }\n          axis { name 'JDK'; values '17', '21' }\n        }\n        excludes {\n"
        "          exclude { axis { name 'OS'; values 'mac' }; axis { name 'JDK'; notValues '21' } }\n"
        "        }\n        stages { stage('Build') { steps { sh 'make' } } }\n      }\n    }\n")
                            << rows({}) << QString();

    // Schema.
    QTest::newRow("missing agent") << QByteArray("pipeline {\n  stages { stage('A') { steps { sh 'x' } } }\n}\n")
                                   << rows({"1:1:error:jenkins.missing-agent"}) << QStringLiteral("no agent");
    QTest::newRow("missing stages") << QByteArray("pipeline {\n  agent any\n}\n")
                                    << rows({"1:1:error:jenkins.missing-stages"}) << QStringLiteral("stages");
    QTest::newRow("unknown section") << QByteArray("pipeline {\n  agent any\n  enviroment { A = 'b' }\n"
                                                   "  stages { stage('A') { steps { sh 'x' } } }\n}\n")
                                     << rows({"3:3:error:jenkins.unknown-section"})
                                     << QStringLiteral("did you mean 'environment'");
    QTest::newRow("steps in pipeline") << QByteArray("pipeline {\n  agent any\n  steps { sh 'x' }\n"
                                                     "  stages { stage('A') { steps { sh 'x' } } }\n}\n")
                                       << rows({"3:3:error:jenkins.misplaced-directive"})
                                       << QStringLiteral("belongs in a stage");
    QTest::newRow("triggers in stage") << stageWith("      triggers { cron('H * * * *') }\n" + steps)
                                       << rows({"5:7:error:jenkins.misplaced-directive"})
                                       << QStringLiteral("belongs in pipeline");
    QTest::newRow("stage without steps") << stageWith("      agent any\n") << rows({"4:5:error:jenkins.missing-steps"})
                                         << QStringLiteral("has no steps");
    QTest::newRow("empty steps") << stageWith("      steps {\n      }\n") << rows({"5:7:error:jenkins.missing-steps"})
                                 << QStringLiteral("at least one step");
    QTest::newRow("steps and parallel") << stageWith(steps + "      parallel { stage('B') { steps { sh 'x' } } }\n")
                                        << rows({"6:7:error:jenkins.stage-content"}) << QStringLiteral("only one of");
    QTest::newRow("stage without name") << stagesWith("    stage { steps { sh 'x' } }\n")
                                        << rows({"4:5:error:jenkins.stage-name"}) << QStringLiteral("needs a name");
    QTest::newRow("something else in stages")
        << stagesWith("    steps { sh 'x' }\n") << rows({"4:5:error:jenkins.misplaced-directive"})
        << QStringLiteral("only stage");
    QTest::newRow("duplicate section") << stageWith("      agent any\n      agent any\n" + steps)
                                       << rows({"6:7:error:jenkins.duplicate-section"}) << QStringLiteral("twice");
    QTest::newRow("bad agent") << QByteArray(
        "pipeline {\n  agent anywhere\n  stages { stage('A') { steps { sh 'x' } } }\n}\n")
                               << rows({"2:3:error:jenkins.agent"}) << QStringLiteral("'any', 'none'");
    QTest::newRow("unknown agent type") << stageWith("      agent { dokker { image 'x' } }\n" + steps)
                                        << rows({"5:15:warning:jenkins.agent"}) << QStringLiteral("'docker'");
    QTest::newRow("unknown when condition") << stageWith("      when { brnach 'main' }\n" + steps)
                                            << rows({"5:14:error:jenkins.when"}) << QStringLiteral("'branch'");
    QTest::newRow("branch without pattern") << stageWith("      when { branch() }\n" + steps)
                                            << rows({"5:14:error:jenkins.when"}) << QStringLiteral("a pattern");
    QTest::newRow("environment without value")
        << stageWith("      when { environment name: 'X' }\n" + steps) << rows({"5:14:error:jenkins.when"})
        << QStringLiteral("name: and value:");
    QTest::newRow("beforeAgent without boolean")
        << stageWith("      when { beforeAgent 'yes'; branch 'a' }\n" + steps) << rows({"5:14:error:jenkins.when"})
        << QStringLiteral("true or false");
    QTest::newRow("not with two conditions") << stageWith("      when { not { branch 'a'; branch 'b' } }\n" + steps)
                                             << rows({"5:14:error:jenkins.when"}) << QStringLiteral("exactly one");
    QTest::newRow("beforeAgent nested") << stageWith("      when { anyOf { beforeAgent true; branch 'a' } }\n" + steps)
                                        << rows({"5:22:error:jenkins.when"}) << QStringLiteral("directly in when");
    QTest::newRow("unknown post condition")
        << stageWith(steps + "      post { sucess { echo 'x' } }\n") << rows({"6:14:error:jenkins.post-condition"})
        << QStringLiteral("did you mean 'success'");
    QTest::newRow("groovy in steps") << stageWith("      steps {\n        if (x) { sh 'a' }\n      }\n")
                                     << rows({"6:9:error:jenkins.groovy-in-steps"}) << QStringLiteral("script { }");
    QTest::newRow("assignment in steps") << stageWith("      steps {\n        x = 1\n      }\n")
                                         << rows({"6:9:error:jenkins.groovy-in-steps"}) << QStringLiteral("Groovy");
    QTest::newRow("directive in steps") << stageWith("      steps {\n        when { branch 'a' }\n      }\n")
                                        << rows({"6:9:error:jenkins.misplaced-directive"})
                                        << QStringLiteral("not a step");
    QTest::newRow("environment entry") << stageWith("      environment { FOO 'bar' }\n" + steps)
                                       << rows({"5:21:error:jenkins.environment"}) << QStringLiteral("NAME = value");
    QTest::newRow("input without message") << stageWith("      input { ok 'Yes' }\n" + steps)
                                           << rows({"5:7:error:jenkins.input"}) << QStringLiteral("message");
    QTest::newRow("multiple pipelines") << stageWith(steps) + stageWith(steps)
                                        << rows({"9:1:error:jenkins.multiple-pipelines"}) << QStringLiteral("second");

    // Semantics.
    QTest::newRow("duplicate stage name")
        << stagesWith("    stage('A') {\n" + steps + "    }\n    stage('A') {\n" + steps + "    }\n")
        << rows({"7:5:error:jenkins.duplicate-stage"}) << QStringLiteral("line 4 in the same 'stages'");
    QTest::newRow("same name in two branches")
        << stagesWith("    stage('P') {\n      parallel {\n        stage('Linux') { stages { stage('Build') {\n" + steps
                      + "        } } }\n        stage('Windows') { stages { stage('Build') {\n" + steps
                      + "        } } }\n      }\n    }\n")
        << rows({}) << QString();
    QTest::newRow("parallel inside parallel")
        << stagesWith("    stage('P') {\n      parallel {\n        stage('Q') {\n          parallel {\n"
                      "            stage('R') { steps { sh 'x' } }\n          }\n        }\n      }\n    }\n")
        << rows({"7:11:error:jenkins.nested-parallel"}) << QStringLiteral("one level");
    QTest::newRow("matrix inside parallel") << stagesWith(
        "    stage('P') {\n      parallel {\n        stage('Q') {\n          matrix {\n"
        "            axes { axis { name 'A'; values 'x' } }\n"
        "            stages { stage('R') { steps { sh 'x' } } }\n          }\n        }\n      }\n    }\n")
                                            << rows({"7:11:error:jenkins.nested-parallel"}) << QStringLiteral("matrix");
    QTest::newRow("two branches at once")
        << stageWith("      when {\n        branch 'main'\n        branch 'dev'\n      }\n" + steps)
        << rows({"5:7:warning:jenkins.unreachable-when"}) << QStringLiteral("both 'main' and 'dev'");
    QTest::newRow("branch globs may overlap")
        << stageWith("      when { allOf { branch 'release/*'; branch 'release/1.*' } }\n" + steps) << rows({})
        << QString();
    QTest::newRow("anyOf branches") << stageWith("      when { anyOf { branch 'main'; branch 'dev' } }\n" + steps)
                                    << rows({}) << QString();
    QTest::newRow("condition and its negation")
        << stageWith("      when { allOf { buildingTag(); not { buildingTag() } } }\n" + steps)
        << rows({"5:14:warning:jenkins.unreachable-when"}) << QStringLiteral("negation");
    QTest::newRow("constant equals") << stageWith("      when { equals expected: 1, actual: 2 }\n" + steps)
                                     << rows({"5:14:warning:jenkins.unreachable-when"})
                                     << QStringLiteral("two different constants");
    QTest::newRow("false expression") << stageWith("      when { expression { return false } }\n" + steps)
                                      << rows({"5:14:warning:jenkins.unreachable-when"})
                                      << QStringLiteral("always false");
    QTest::newRow("failFast without parallel")
        << stageWith("      failFast true\n" + steps) << rows({"5:7:warning:jenkins.fail-fast"})
        << QStringLiteral("no effect");
    QTest::newRow("agent none and a shell step")
        << QByteArray("pipeline {\n  agent none\n  stages {\n    stage('A') {\n      steps { sh 'make' }\n    }\n"
                      "    stage('B') {\n      agent { label 'linux' }\n      stages {\n"
                      "        stage('C') { steps { sh 'make' } }\n      }\n    }\n"
                      "    stage('D') { steps { echo 'no workspace needed'; node('x') { sh 'make' } } }\n  }\n}\n")
        << rows({"4:5:warning:jenkins.no-agent"}) << QStringLiteral("runs 'sh' on no agent");
    QTest::newRow("exclude of unknown axis")
        << stagesWith("    stage('M') {\n      matrix {\n        axes { axis { name 'OS'; values 'linux' } }\n"
                      "        excludes { exclude { axis { name 'JDK'; values '8' } } }\n"
                      "        stages { stage('B') { steps { sh 'x' } } }\n      }\n    }\n")
        << rows({"7:37:error:jenkins.matrix"}) << QStringLiteral("does not have");
    QTest::newRow("duplicate parameter") << QByteArray(
        "pipeline {\n  agent any\n  parameters {\n    string(name: 'X')\n    booleanParam(name: 'X')\n  }\n"
        "  stages { stage('A') { steps { sh 'x' } } }\n}\n")
                                         << rows({"5:5:error:jenkins.duplicate-parameter"}) << QStringLiteral("'X'");
}

void TestJenkinsPipeline::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    const QList<Diagnostic> diagnostics = diagnosticsOf(text);
    QCOMPARE(describeProblems(diagnostics), expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messagesOf(diagnostics).contains(messagePart), qPrintable(messagesOf(diagnostics)));
    for (const Diagnostic& d : diagnostics) {
        const bool semantic = d.rule == u"jenkins.duplicate-stage" || d.rule == u"jenkins.nested-parallel"
            || d.rule == u"jenkins.unreachable-when" || d.rule == u"jenkins.duplicate-parameter"
            || d.rule == u"jenkins.fail-fast" || d.rule == u"jenkins.no-agent" || d.message.contains(u"axis '");
        QCOMPARE(d.category, semantic ? Category::Semantic : Category::Schema);
    }
}

void TestJenkinsPipeline::model()
{
    const QByteArray text = stagesWith(
        "    stage('Build') {\n      agent { docker { image 'gcc:14' } }\n      steps { sh 'make' }\n    }\n"
        "    stage('Checks') {\n      parallel {\n        stage('Unit tests') { steps { sh 'make test' } }\n"
        "        stage('Security scan') { steps { sh 'semgrep scan --error' } }\n      }\n    }\n"
        "    stage('Deploy to staging') { steps { sh './deploy.sh staging' } }\n"
        "    stage('Deploy to production') {\n      when { branch 'main' }\n      input { message 'Ship it?' }\n"
        "      steps { sh './deploy.sh production' }\n    }\n");
    QString problems;
    const PipelineModel model = modelOf(text, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(model.kind, PipelineKind::Jenkins);
    QCOMPARE(pipelineKindName(model.kind), QStringLiteral("jenkins"));
    QCOMPARE(model.stages, rows({"Build", "Checks", "Deploy to staging", "Deploy to production"}));
    QCOMPARE(jobNames(model),
             rows({"Build", "Unit tests", "Security scan", "Deploy to staging", "Deploy to production"}));
    QCOMPARE(model.jobs.at(0).image, QStringLiteral("gcc:14"));
    QCOMPARE(model.jobs.at(0).line, 4);
    QCOMPARE(model.jobs.at(1).needs, rows({"Build"}));
    QCOMPARE(model.jobs.at(1).stage, QStringLiteral("Checks"));
    QCOMPARE(model.jobs.at(3).needs, rows({"Unit tests", "Security scan"}));
    QCOMPARE(model.jobs.at(3).environment, QStringLiteral("staging"));
    const PipelineJob& production = model.jobs.at(4);
    QCOMPARE(production.environment, QStringLiteral("production"));
    QCOMPARE(production.when, QStringLiteral("manual"));
    QCOMPARE(production.config.get(u"branches")->toStringList(), rows({"main"}));
    const YamlNode* script = production.config.get(u"script");
    QVERIFY(script && script->size() == 1);
    QCOMPARE(script->items[0].value, QStringLiteral("./deploy.sh production"));
    QCOMPARE(script->items[0].line, 18);
}

void TestJenkinsPipeline::matrixCells()
{
    const QByteArray text = stagesWith(
        "    stage('M') {\n      matrix {\n        axes {\n          axis { name 'OS'; values 'linux', 'mac' }\n"
        "          axis { name 'JDK'; values '17', '21' }\n        }\n"
        "        excludes { exclude { axis { name 'OS'; values 'mac' }; axis { name 'JDK'; values '17' } } }\n"
        "        stages { stage('Build') { steps { sh 'make' } }\n stage('Test') { steps { sh 'make test' } } }\n"
        "      }\n    }\n    stage('After') { steps { sh 'x' } }\n");
    QString problems;
    const PipelineModel model = modelOf(text, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(jobNames(model),
             rows({"Build: [linux, 17]", "Test: [linux, 17]", "Build: [linux, 21]", "Test: [linux, 21]",
                   "Build: [mac, 21]", "Test: [mac, 21]", "After"}));
    QCOMPARE(model.jobs.at(1).needs, rows({"Build: [linux, 17]"}));
    QCOMPARE(model.jobs.at(6).needs, rows({"Test: [linux, 17]", "Test: [linux, 21]", "Test: [mac, 21]"}));
    QCOMPARE(model.jobs.at(4).config.get(u"variables")->get(u"OS")->value, QStringLiteral("mac"));
}

void TestJenkinsPipeline::sameNamesInBranches()
{
    const QByteArray text
        = stagesWith("    stage('P') {\n      parallel {\n"
                     "        stage('Linux') { stages { stage('Build') { steps { sh 'make' } }\n"
                     "          stage('Publish') { steps { sh 'up' } } } }\n"
                     "        stage('Windows') { stages { stage('Build') { steps { sh 'make' } } } }\n"
                     "      }\n    }\n    stage('Done') { steps { echo 'ok' } }\n");
    QString problems;
    const PipelineModel model = modelOf(text, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(jobNames(model), rows({"P / Linux / Build", "Publish", "P / Windows / Build", "Done"}));
    QCOMPARE(model.jobs.at(0).baseName, QStringLiteral("Build"));
    QCOMPARE(model.jobs.at(1).needs, rows({"P / Linux / Build"}));
    QCOMPARE(model.jobs.at(3).needs, rows({"Publish", "P / Windows / Build"}));
}

void TestJenkinsPipeline::stageGraph()
{
    const QByteArray text = stagesWith("    stage('Build') { steps { sh 'make' } }\n"
                                       "    stage('Checks') {\n      parallel {\n"
                                       "        stage('Unit') { stages { stage('Compile tests') { steps { sh 'a' } }\n"
                                       "          stage('Run tests') { steps { sh 'b' } } } }\n"
                                       "        stage('Lint') { steps { sh 'c' } }\n      }\n    }\n"
                                       "    stage('Ship') { steps { sh 'd' } }\n");
    QList<Diagnostic> diagnostics;
    const PipelineModel model = JenkinsPipeline::analyze(text, QStringLiteral("Jenkinsfile"), diagnostics);
    const GraphLayout layout = layoutPipeline(model);
    QStringList columns;
    for (const GraphColumn& column : layout.columns) {
        QStringList cards;
        for (int card : column.cards)
            cards << layout.cards.at(card).name;
        columns << column.title + QStringLiteral(": ") + cards.join(QStringLiteral(", "));
    }
    // Sequential stages inside a parallel branch take their own column; a column of one stage is titled by it.
    QCOMPARE(columns, rows({"Build: Build", "Checks: Compile tests, Lint", "Checks: Run tests", "Ship: Ship"}));
    QCOMPARE(layout.cards.at(4).needs.size(), 2);
    // The editor finds the stage under the cursor by its line.
    QCOMPARE(jobAtLine(model, {}, QStringLiteral("Jenkinsfile"), 9), 3);
    QCOMPARE(jobAtLine(model, {}, QStringLiteral("Jenkinsfile"), 2), -1);
}

void TestJenkinsPipeline::gates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("gate");
    QTest::addColumn<bool>("fails");
    const QByteArray scans = "    stage('Scan') {\n      steps {\n        sh 'semgrep scan --error'\n"
                             "        sh 'trivy fs --exit-code 1 .'\n        sh 'trivy image --exit-code 1 app:1'\n"
                             "        sh 'gitleaks detect'\n      }\n    }\n";
    const QByteArray tests = "    stage('Test') { steps { sh 'make test' } }\n";
    const QByteArray staging = "    stage('Deploy staging') { steps { sh './deploy.sh staging' } }\n";
    const QByteArray production = "    stage('Deploy production') {\n      input { message 'Deploy?' }\n"
                                  "      steps { sh './deploy.sh production' }\n    }\n";
    const QByteArray unguarded = "    stage('Deploy production') { steps { sh './deploy.sh production' } }\n";
    const QByteArray branchOnly = "    stage('Deploy production') {\n      when { branch 'main' }\n"
                                  "      steps { sh './deploy.sh production' }\n    }\n";
    QTest::newRow("approval by input") << stagesWith(tests + scans + staging + production)
                                       << QStringLiteral("production-approval") << false;
    QTest::newRow("approval by protected branch")
        << stagesWith(tests + scans + staging + branchOnly) << QStringLiteral("production-approval") << false;
    QTest::newRow("no approval") << stagesWith(tests + scans + staging + unguarded)
                                 << QStringLiteral("production-approval") << true;
    QTest::newRow("deploy after tests") << stagesWith(tests + scans + staging + production)
                                        << QStringLiteral("deploy-after-validation") << false;
    QTest::newRow("deploy beside tests") << stagesWith("    stage('Checks') {\n      parallel {\n" + tests + staging
                                                       + "      }\n    }\n" + scans + production)
                                         << QStringLiteral("deploy-after-validation") << true;
    QTest::newRow("scans present") << stagesWith(tests + scans) << QStringLiteral("security-scanning") << false;
    QTest::newRow("no scans") << stagesWith(tests) << QStringLiteral("security-scanning") << true;
    QTest::newRow("scan blocking") << stagesWith(tests + scans) << QStringLiteral("security-blocking") << false;
    QTest::newRow("scan in catchError") << stagesWith(
        "    stage('Scan') {\n      steps {\n        catchError(buildResult: 'SUCCESS') {\n"
        "          sh 'semgrep scan --error'\n        }\n      }\n    }\n")
                                        << QStringLiteral("security-blocking") << true;
    QTest::newRow("credentials reference")
        << "pipeline {\n  agent any\n  environment { API_TOKEN = credentials('api-token') }\n  stages {\n" + tests
            + "  }\n}\n"
        << QStringLiteral("no-plaintext-secrets") << false;
    QTest::newRow("plaintext secret in environment")
        << "pipeline {\n  agent any\n  environment { API_TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345' }\n"
           "  stages {\n"
            + tests + "  }\n}\n"
        << QStringLiteral("no-plaintext-secrets") << true;
    QTest::newRow("runner label is no secret")
        << "pipeline {\n  agent any\n  environment { AGENT_LINUX = 'Jenkins-Agent-AL2023-X64-M54xlarge-Docker-Host' }\n"
           "  stages {\n"
            + tests + "  }\n}\n"
        << QStringLiteral("no-plaintext-secrets") << false;
    QTest::newRow("plaintext secret in a stage")
        << stagesWith("    stage('Test') {\n      environment { DB_PASSWORD = 'Sup3rS3cretPassw0rd' }\n"
                      "      steps { sh 'make test' }\n    }\n")
        << QStringLiteral("no-plaintext-secrets") << true;
}

void TestJenkinsPipeline::gates()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, gate);
    QFETCH(bool, fails);
    const ValidationResult result = validatePipeline(text, QStringLiteral("Jenkinsfile"));
    QCOMPARE(result.kind, PipelineKind::Jenkins);
    QList<Diagnostic> found;
    for (const Diagnostic& d : result.diagnostics) {
        QVERIFY2(d.severity != Severity::Error || d.category == Category::Gate, qPrintable(d.message));
        if (d.rule == u"gate." + gate && d.severity != Severity::Info)
            found << d;
    }
    QVERIFY2(found.isEmpty() != fails, qPrintable(messagesOf(result.diagnostics)));
    for (const Diagnostic& d : std::as_const(found))
        QVERIFY(d.line > 0 && d.column > 0);
}

void TestJenkinsPipeline::shellScripts()
{
    const QByteArray text = stageWith("      steps {\n        sh '''\n          echo $1\n          ls\n        '''\n"
                                      "        sh \"echo ${env.X} \\$HOME\"\n        sh 'ls'\n      }\n");
    const QList<ShellScript> scripts = JenkinsPipeline::shellScripts(text, QStringLiteral("Jenkinsfile"));
    QCOMPARE(scripts.size(), 3);
    const ShellScript& block = scripts.at(0);
    QCOMPARE(block.job, QStringLiteral("A"));
    QCOMPARE(block.shell, QStringLiteral("sh"));
    // Script line 2 is "          echo $1", written on line 7 of the file.
    const ShellScript::Position at = block.map(2, 16);
    QCOMPARE(at.line, 7);
    QCOMPARE(at.column, 16);
    QCOMPARE(at.file, QStringLiteral("Jenkinsfile"));
    // Groovy's ${…} is masked with same-length text; an escaped string maps to its start.
    const ShellScript& interpolated = scripts.at(1);
    QVERIFY(!interpolated.text.contains(u"${"));
    QCOMPARE(interpolated.text.size(), QStringLiteral("echo ${env.X} $HOME\n").size());
    QCOMPARE(interpolated.map(1, 6).line, 10);
    QCOMPARE(scripts.at(2).map(1, 1).column, 13);
}

void TestJenkinsPipeline::notDeclarative_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Severity>("severity");
    QTest::newRow("scripted") << QByteArray("node('linux') {\n  stage('Build') {\n    sh 'make'\n  }\n}\n")
                              << QStringLiteral("jenkins.scripted") << Severity::Info;
    QTest::newRow("scripted in a wrapper") << QByteArray("timestamps {\n  node {\n    sh 'make'\n  }\n}\n")
                                           << QStringLiteral("jenkins.scripted") << Severity::Info;
    QTest::newRow("library call") << QByteArray("buildPlugin(useContainerAgent: true, configurations: [\n"
                                                "  [platform: 'linux', jdk: 21]\n])\n")
                                  << QStringLiteral("jenkins.library-call") << Severity::Info;
    QTest::newRow("nothing") << QByteArray("// only a comment\n") << QStringLiteral("jenkins.missing-pipeline")
                             << Severity::Error;
    QTest::newRow("binary") << QByteArray("pipeline {\0\x01\x02", 13) << QStringLiteral("jenkins.syntax")
                            << Severity::Error;
    QTest::newRow("unterminated") << stageWith("      steps { sh '''make }\n") << QStringLiteral("jenkins.syntax")
                                  << Severity::Error;
}

void TestJenkinsPipeline::notDeclarative()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, rule);
    QFETCH(Severity, severity);
    const ValidationResult result = validatePipeline(text, QStringLiteral("Jenkinsfile"));
    QCOMPARE(result.kind, PipelineKind::Jenkins);
    QVERIFY(!result.diagnostics.isEmpty());
    QCOMPARE(result.diagnostics.constFirst().rule, rule);
    QCOMPARE(result.diagnostics.constFirst().severity, severity);
    QVERIFY(result.model.jobs.isEmpty());
    for (const Diagnostic& d : result.diagnostics)
        QVERIFY(d.category != Category::Gate);
}

void TestJenkinsPipeline::detectAndDiscover()
{
    const QByteArray declarative = stageWith(steps);
    QCOMPARE(detectKind(QStringLiteral("Jenkinsfile"), "node {}"), PipelineKind::Jenkins);
    QCOMPARE(detectKind(QStringLiteral("ci/release.Jenkinsfile"), ""), PipelineKind::Jenkins);
    QCOMPARE(detectKind(QStringLiteral("jenkins/jobs/deploy.groovy"), declarative), PipelineKind::Jenkins);
    QCOMPARE(detectKind(QStringLiteral("pipelines/build.groovy"), declarative), PipelineKind::Jenkins);
    QCOMPARE(detectKind(QStringLiteral("ci.yml"), "pipeline {\n"), PipelineKind::GitLab);
    QCOMPARE(detectKind(QStringLiteral("src/Main.groovy"), "class Main {}"), PipelineKind::GitLab);
    const FileSource files = FileSource::fromMap({{QStringLiteral("Jenkinsfile"), declarative},
                                                  {QStringLiteral("ci/nightly.Jenkinsfile"), declarative},
                                                  {QStringLiteral("jenkins/jobs/deploy.groovy"), declarative},
                                                  {QStringLiteral("jenkins/lib/Util.groovy"), "class Util {}"},
                                                  {QStringLiteral("src/Jenkins.java"), "class J {}"}});
    QCOMPARE(PipelineDiscovery::discover(files),
             rows({"Jenkinsfile", "ci/nightly.Jenkinsfile", "jenkins/jobs/deploy.groovy"}));
}

void TestJenkinsPipeline::scanFindingOnMainJenkinsfile()
{
    QCOMPARE(ScanApplicability::mainPipeline(rows({"Jenkinsfile", "ci/a.Jenkinsfile"}), {}, {}),
             QStringLiteral("Jenkinsfile"));
    QCOMPARE(ScanApplicability::mainPipeline(rows({"ci/a.Jenkinsfile", "ci/b.Jenkinsfile"}), {}, {}),
             QStringLiteral("ci/a.Jenkinsfile"));
    QCOMPARE(ScanApplicability::mainPipeline(rows({".gitlab-ci.yml", "Jenkinsfile"}), {}, {}),
             QStringLiteral(".gitlab-ci.yml"));
    // A repository-wide requirement is said once, on the main pipeline, not on every Jenkinsfile.
    const QByteArray text = stageWith(steps);
    ValidationOptions options;
    options.files = FileSource::fromMap({{QStringLiteral("Jenkinsfile"), text},
                                         {QStringLiteral("ci/nightly.Jenkinsfile"), text},
                                         {QStringLiteral("requirements.txt"), "flask\n"}});
    auto scanning = [&options, &text](const QString& path) {
        int count = 0;
        for (const Diagnostic& d : validatePipeline(text, path, options).diagnostics)
            count += d.rule == u"gate.security-scanning" && d.severity != Severity::Info ? 1 : 0;
        return count;
    };
    QVERIFY(scanning(QStringLiteral("Jenkinsfile")) > 0);
    QCOMPARE(scanning(QStringLiteral("ci/nightly.Jenkinsfile")), 0);
}

void TestJenkinsPipeline::demoJenkinsfile()
{
    // The demo's Jenkinsfile is found, valid, and meets the gates its story tells: tests and scans before the
    // deploys, production behind an input step after staging.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(DemoRepository::create(dir.path()).ok());
    Result<FileSource> files = PipelineDiscovery::fileSource(dir.path(), QStringLiteral("HEAD"));
    QVERIFY(files.ok());
    QVERIFY(PipelineDiscovery::discover(files.value()).contains(QStringLiteral("Jenkinsfile")));
    ValidationOptions options;
    options.files = files.value();
    const ValidationResult result = validatePipeline(files->read(QStringLiteral("Jenkinsfile")).valueOr({}),
                                                     QStringLiteral("Jenkinsfile"), options);
    QCOMPARE(result.kind, PipelineKind::Jenkins);
    QCOMPARE(result.count(Severity::Error), 0);
    QCOMPARE(result.count(Severity::Warning), 0);
    const PipelineJob* production = result.model.job(QStringLiteral("Deploy to production"));
    QVERIFY(production);
    for (const char* gate : {"deploy-after-validation", "production-approval"})
        QVERIFY2(production->gates.contains(QLatin1StringView(gate)), gate);
    const PipelineJob* scan = result.model.job(QStringLiteral("Security scan"));
    QVERIFY(scan && scan->gates.contains(QStringLiteral("security-blocking")));
}

void TestJenkinsPipeline::brokenCopiesNeverCrash()
{
    // Every prefix of a real pipeline, and copies with a run of characters removed, go through the whole validator
    // (reader, rules, model, gates, shell extraction) without a crash; what is broken is said with a position.
    const QByteArray text = stagesWith(
        "    stage('Build') {\n      agent { docker { image 'gcc:14' } }\n      environment { T = credentials('t') }\n"
        "      steps {\n        sh '''\n          make \"${X}\"\n        '''\n        script { if (a) { b() } }\n"
        "      }\n      post { always { junit 'r.xml' } }\n    }\n    stage('M') {\n      matrix {\n"
        "        axes { axis { name 'OS'; values 'linux', 'mac' } }\n        stages { stage('T') { steps { sh 'x' } } "
        "}\n"
        "      }\n    }\n    stage('Deploy production') {\n      when { allOf { branch 'main'; not { tag '*' } } }\n"
        "      input { message 'Go?' }\n      steps { sh $/./deploy.sh prod/$ }\n    }\n");
    QRandomGenerator random(7);
    for (int round = 0; round < 400; ++round) {
        QByteArray copy = text;
        if (round < text.size() / 4) {
            copy = text.left(round * 4);
        } else {
            const int at = int(random.bounded(int(text.size())));
            copy.remove(at, int(random.bounded(8)) + 1);
        }
        const ValidationResult result = validatePipeline(copy, QStringLiteral("Jenkinsfile"));
        for (const Diagnostic& d : result.diagnostics)
            QVERIFY2(d.line >= 1 && d.column >= 1, qPrintable(d.message));
        JenkinsPipeline::shellScripts(copy, QStringLiteral("Jenkinsfile"));
    }
}

void TestJenkinsPipeline::largePipelineStaysFast()
{
    QByteArray stages;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 3 == 0)
            stages += "    stage('P" + n + "') {\n      parallel {\n        stage('A" + n
                + "') { steps { sh 'make a' } }\n        stage('B" + n
                + "') { steps { sh 'make test' } }\n      }\n    }\n";
        else
            stages += "    stage('S" + n + "') { steps { sh './deploy.sh staging' } }\n";
    }
    QElapsedTimer timer;
    timer.start();
    const ValidationResult result = validatePipeline(stagesWith(stages), QStringLiteral("Jenkinsfile"));
    QCOMPARE(result.model.jobs.size(), 4000);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void TestJenkinsPipeline::corpusHasNoErrors_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(gatehouse::test::corpusPath(QStringLiteral("pipelines/jenkins")));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    if (names.isEmpty())
        QTest::newRow("corpus absent") << QString();
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestJenkinsPipeline::corpusHasNoErrors()
{
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP(gatehouse::test::corpusMissingReason());
    const QByteArray text = readAll(file);
    ValidationOptions options;
    options.kind = PipelineKind::Jenkins;
    const ValidationResult result = validatePipeline(text, QStringLiteral("Jenkinsfile"), options);
    QStringList errors;
    for (const Diagnostic& d : result.diagnostics) {
        if (qEnvironmentVariableIsSet("GATEHOUSE_PRINT_DIAGNOSTICS"))
            qInfo().noquote() << QStringLiteral("%1:%2: %3: %4 [%5]")
                                     .arg(d.line)
                                     .arg(d.column)
                                     .arg(severityName(d.severity), d.message, d.rule);
        if (d.severity == Severity::Error && d.category != Category::Gate)
            errors << QStringLiteral("%1:%2: %3 [%4]").arg(d.line).arg(d.column).arg(d.message, d.rule);
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const bool declarative = JenkinsPipeline::hasPipelineBlock(text);
    QVERIFY(!declarative || !result.model.jobs.isEmpty());
}

QTEST_GUILESS_MAIN(TestJenkinsPipeline)
#include "tst_jenkinspipeline.moc"
