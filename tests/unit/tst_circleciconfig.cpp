// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Corpus.h"
#include "DiagnosticText.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/circleci/CircleCIConfig.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;
using gatehouse::test::describeProblems;
using gatehouse::test::messagesOf;
using gatehouse::test::rows;

namespace {

const QString Path = QStringLiteral(".circleci/config.yml");

QList<Diagnostic> diagnosticsOf(const QByteArray& text)
{
    QList<Diagnostic> diagnostics;
    CircleCIConfig::analyze(text, Path, FileSource(), diagnostics);
    normalizeDiagnostics(diagnostics);
    return diagnostics;
}

/// A configuration: `head` (top-level keys), a job `build` whose body is `job` (indented by four spaces) and a
/// workflow `ci` whose jobs are `workflow` (indented by six spaces). `head` must end with a newline.
QByteArray config(const QByteArray& job, const QByteArray& workflow = "      - build\n", const QByteArray& head = {})
{
    return "version: 2.1\n" + head + "jobs:\n  build:\n" + job + "workflows:\n  ci:\n    jobs:\n" + workflow;
}

const QByteArray docker = "    docker: [{image: cimg/base:2024.01}]\n";
const QByteArray steps = "    steps: [checkout, {run: make}]\n";
const QByteArray job = docker + steps;

/// The job `build` running `list` (each line indented by six spaces).
QByteArray stepsJob(const QByteArray& list)
{
    return docker + "    steps:\n" + list;
}

} // namespace

class TestCircleCIConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void model_data();
    void model();
    void gates_data();
    void gates();
    void workflowKeptApartFromStage();
    void detection_data();
    void detection();
    void robustness();
    void corpus_data();
    void corpus();
};

void TestCircleCIConfig::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // line:column:severity:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("valid") << config(job) << rows({}) << QString();
    // Version.
    QTest::newRow("version 2") << QByteArray("version: 2\njobs:\n  build:\n" + job) << rows({}) << QString();
    QTest::newRow("version 3") << QByteArray("version: 3\n" + config(job).mid(13))
                               << rows({"1:10:error:circleci.invalid-version"}) << QStringLiteral("expected 2.1");
    QTest::newRow("orbs need 2.1") << QByteArray("version: 2\norbs:\n  node: circleci/node@5.1.0\njobs:\n  build:\n"
                                                 + job)
                                   << rows({"2:1:error:circleci.needs-version-2.1"}) << QStringLiteral("version: 2.1");
    // Jobs.
    QTest::newRow("unknown job key") << config(job + "    paralelism: 2\n") << rows({"6:5:error:circleci.unknown-key"})
                                     << QStringLiteral("parallelism");
    QTest::newRow("parallelism number") << config(job + "    parallelism: 4\n") << rows({}) << QString();
    QTest::newRow("missing steps") << config(docker) << rows({"3:3:error:circleci.missing-key"})
                                   << QStringLiteral("no steps");
    QTest::newRow("missing executor") << config(steps) << rows({"3:3:error:circleci.missing-executor"})
                                      << QStringLiteral("docker, machine, macos or executor");
    QTest::newRow("machine true") << config("    machine: true\n" + steps) << rows({}) << QString();
    QTest::newRow("machine enabled (2.0)")
        << config("    machine:\n      enabled: true\n" + steps) << rows({}) << QString();
    QTest::newRow("docker image without image")
        << config("    docker: [{name: db}]\n" + steps) << rows({"4:14:error:circleci.missing-key"})
        << QStringLiteral("'image'");
    // Steps.
    QTest::newRow("unknown step") << config(stepsJob("      - chekout\n")) << rows({"6:9:error:circleci.unknown-step"})
                                  << QStringLiteral("did you mean 'checkout'");
    QTest::newRow("step with two keys") << config(stepsJob("      - run: make\n        name: Build\n"))
                                        << rows({"6:9:error:circleci.invalid-step"}) << QStringLiteral("exactly one");
    QTest::newRow("run without command") << config(stepsJob("      - run:\n          name: Build\n"))
                                         << rows({"7:11:error:circleci.missing-key"}) << QStringLiteral("'command'");
    QTest::newRow("run mapping") << config(stepsJob("      - run:\n          name: Build\n          command: make\n"))
                                 << rows({}) << QString();
    QTest::newRow("run when value") << config(
        stepsJob("      - run:\n          command: make\n          when: sometimes\n"))
                                    << rows({"8:17:error:circleci.invalid-value"}) << QStringLiteral("on_fail");
    QTest::newRow("save_cache without key")
        << config(stepsJob("      - save_cache:\n          paths: [node_modules]\n"))
        << rows({"7:11:error:circleci.missing-key"}) << QStringLiteral("'key'");
    QTest::newRow("restore_cache keys") << config(stepsJob("      - restore_cache:\n          keys: [v1-deps]\n"))
                                        << rows({}) << QString();
    QTest::newRow("restore_cache nothing") << config(stepsJob("      - restore_cache:\n          name: r\n"))
                                           << rows({"7:11:error:circleci.missing-key"}) << QStringLiteral("key, keys");
    QTest::newRow("workspace steps") << config(
        stepsJob("      - persist_to_workspace: {root: ., paths: [dist]}\n"
                 "      - attach_workspace: {at: /tmp/ws}\n      - store_artifacts: {path: dist}\n"
                 "      - store_test_results: {path: reports}\n      - add_ssh_keys\n"
                 "      - setup_remote_docker: {docker_layer_caching: true}\n"))
                                     << rows({}) << QString();
    QTest::newRow("when step") << config(
        stepsJob("      - when:\n          condition: {equal: [main, << pipeline.git.branch >>]}\n"
                 "          steps: [{run: make}]\n"))
                               << rows({}) << QString();
    QTest::newRow("when step bad operator")
        << config(stepsJob("      - when:\n          condition: {same: [a, b]}\n          steps: [{run: make}]\n"))
        << rows({"7:23:error:circleci.invalid-condition"}) << QStringLiteral("not a logic operator");
    // Commands and parameters.
    const QByteArray command = "commands:\n  greet:\n    parameters:\n      to: {type: string}\n"
                               "      loud: {type: boolean, default: false}\n"
                               "      level: {type: enum, enum: [low, high], default: low}\n"
                               "    steps:\n      - run: echo hello << parameters.to >>\n";
    QTest::newRow("command call") << config(stepsJob("      - greet: {to: world, loud: true, level: high}\n"),
                                            "      - build\n", command)
                                  << rows({}) << QString();
    QTest::newRow("command unknown argument")
        << config(stepsJob("      - greet: {to: world, colour: red}\n"), "      - build\n", command)
        << rows({"14:28:error:circleci.unknown-parameter"}) << QStringLiteral("no parameter 'colour'");
    QTest::newRow("command missing argument")
        << config(stepsJob("      - greet\n"), "      - build\n", command)
        << rows({"14:9:error:circleci.missing-parameter"}) << QStringLiteral("needs the parameter 'to'");
    QTest::newRow("command boolean argument")
        << config(stepsJob("      - greet: {to: world, loud: maybe}\n"), "      - build\n", command)
        << rows({"14:34:error:circleci.invalid-argument"}) << QStringLiteral("must be a boolean");
    QTest::newRow("command enum argument")
        << config(stepsJob("      - greet: {to: world, level: hihg}\n"), "      - build\n", command)
        << rows({"14:35:error:circleci.invalid-argument"}) << QStringLiteral("did you mean 'high'");
    QTest::newRow("undefined parameter") << config(
        job, "      - build\n", "commands:\n  greet:\n    steps:\n      - run: echo << parameters.who >>\n")
                                         << rows({"5:14:error:circleci.undefined-parameter"})
                                         << QStringLiteral("declares no parameter 'who'");
    QTest::newRow("enum without values") << config(job, "      - build\n", "parameters:\n  level: {type: enum}\n")
                                         << rows({"3:17:error:circleci.invalid-parameter"})
                                         << QStringLiteral("lists no values");
    QTest::newRow("default of wrong type")
        << config(job, "      - build\n", "parameters:\n  n: {type: integer, default: many}\n")
        << rows({"3:31:error:circleci.invalid-parameter"}) << QStringLiteral("must be an integer");
    QTest::newRow("unknown parameter type")
        << config(job, "      - build\n", "parameters:\n  n: {type: number}\n")
        << rows({"3:13:error:circleci.invalid-value"}) << QStringLiteral("env_var_name");
    QTest::newRow("pipeline parameter") << config(stepsJob("      - run: echo << pipeline.parameters.target >>\n"),
                                                  "      - build\n",
                                                  "parameters:\n  target: {type: string, default: staging}\n")
                                        << rows({}) << QString();
    QTest::newRow("undefined pipeline parameter")
        << config(stepsJob("      - run: echo << pipeline.parameters.target >>\n"))
        << rows({"6:14:error:circleci.undefined-parameter"}) << QStringLiteral("pipeline.parameters.target");
    QTest::newRow("pipeline value") << config(
        stepsJob("      - run: echo << pipeline.git.branch >> << pipeline.number >>\n"))
                                    << rows({}) << QString();
    QTest::newRow("unknown pipeline value")
        << config(stepsJob("      - run: echo << pipeline.branch >>\n"))
        << rows({"6:14:warning:circleci.unknown-pipeline-value"}) << QStringLiteral("pipeline.branch");
    QTest::newRow("conditional section") << config(
        "    parameters:\n      verbose: {type: boolean, default: false}\n"
        + stepsJob("      - run: make <<# parameters.verbose >>V=1<</ parameters.verbose >>\n"))
                                         << rows({}) << QString();
    QTest::newRow("matrix outside matrix")
        << config(stepsJob("      - run: echo << matrix.os >>\n"))
        << rows({"6:14:error:circleci.matrix-outside-matrix"}) << QStringLiteral("matrix");
    // Executors and orbs.
    const QByteArray executors = "executors:\n  py:\n    parameters:\n      tag: {type: string, default: \"3.12\"}\n"
                                 "    docker: [{image: \"cimg/python:<< parameters.tag >>\"}]\n";
    QTest::newRow("executor") << config("    executor: {name: py, tag: \"3.11\"}\n" + steps, "      - build\n",
                                        executors)
                              << rows({}) << QString();
    QTest::newRow("executor unknown argument")
        << config("    executor: {name: py, version: \"3.11\"}\n" + steps, "      - build\n", executors)
        << rows({"9:26:error:circleci.unknown-parameter"}) << QStringLiteral("no parameter 'version'");
    const QByteArray executorParameter
        = "    parameters:\n      os: {type: executor}\n    executor: << parameters.os >>\n" + steps;
    QTest::newRow("executor parameter") << config(executorParameter, "      - build: {os: py}\n", executors) << rows({})
                                        << QString();
    QTest::newRow("executor parameter unknown")
        << config(executorParameter, "      - build: {matrix: {parameters: {os: [py, px]}}}\n", executors)
        << rows({"16:48:error:circleci.unknown-executor"}) << QStringLiteral("did you mean 'py'");
    QTest::newRow("unknown executor") << config("    executor: pyy\n" + steps, "      - build\n", executors)
                                      << rows({"9:15:error:circleci.unknown-executor"})
                                      << QStringLiteral("did you mean 'py'");
    const QByteArray orbs = "orbs:\n  node: circleci/node@5.1.0\n";
    QTest::newRow("orb executor and command")
        << config("    executor: node/default\n" + QByteArray("    steps: [checkout, node/install-packages]\n"),
                  "      - build\n      - node/test\n", orbs)
        << rows({}) << QString();
    QTest::newRow("orb not imported") << config(stepsJob("      - ruby/install\n"), "      - build\n", orbs)
                                      << rows({"8:9:error:circleci.unknown-orb"}) << QStringLiteral("'ruby'");
    QTest::newRow("orb reference") << config(job, "      - build\n", "orbs:\n  node: circleci/node\n")
                                   << rows({"3:9:error:circleci.invalid-orb"})
                                   << QStringLiteral("namespace/orb@version");
    // Workflows.
    QTest::newRow("unknown job") << config(job, "      - biuld\n") << rows({"9:9:error:circleci.unknown-job"})
                                 << QStringLiteral("did you mean 'build'");
    QTest::newRow("approval job") << config(job, "      - hold: {type: approval}\n      - build: {requires: [hold]}\n")
                                  << rows({}) << QString();
    QTest::newRow("unknown requires") << config(job, "      - build: {requires: [tset]}\n")
                                      << rows({"9:28:error:circleci.unknown-requires"}) << QStringLiteral("tset");
    QTest::newRow("requires cycle") << config(
        job, "      - build: {name: a, requires: [b]}\n      - build: {name: b, requires: [a]}\n")
                                    << rows({"10:36:error:circleci.requires-cycle"}) << QStringLiteral("a → b → a");
    QTest::newRow("duplicate job name") << config(job, "      - build\n      - build\n")
                                        << rows({"10:9:error:circleci.duplicate-job-name"})
                                        << QStringLiteral("unique name");
    QTest::newRow("same name, other filters") << config(job,
                                                        "      - build: {filters: {branches: {only: main}}}\n"
                                                        "      - build: {filters: {branches: {ignore: main}}}\n")
                                              << rows({}) << QString();
    QTest::newRow("filter regex") << config(job, "      - build: {filters: {tags: {only: \"/^v[0-9+/\"}}}\n")
                                  << rows({"9:40:error:circleci.invalid-regex"})
                                  << QStringLiteral("regular expression");
    QTest::newRow("matrix alias requires")
        << config("    parameters:\n      v: {type: string}\n" + job,
                  "      - build: {matrix: {parameters: {v: [\"1\", \"2\"]}}}\n      - build: {name: last, v: \"3\", "
                  "requires: [build]}\n")
        << rows({}) << QString();
    QTest::newRow("matrix duplicate alias")
        << config("    parameters:\n      v: {type: string}\n" + job,
                  "      - build: {matrix: {alias: all, parameters: {v: [\"1\"]}}}\n"
                  "      - build: {name: b2, matrix: {alias: all, parameters: {v: [\"2\"]}}}\n")
        << rows({"12:43:error:circleci.duplicate-matrix-alias"}) << QStringLiteral("'all'");
    QTest::newRow("matrix exclude unknown parameter")
        << config("    parameters:\n      v: {type: string}\n" + job,
                  "      - build: {matrix: {parameters: {v: [\"1\", \"2\"]}, exclude: [{w: \"1\"}]}}\n")
        << rows({"11:66:error:circleci.matrix-exclude"}) << QStringLiteral("not one of its parameters");
    QTest::newRow("matrix exclude matches nothing")
        << config("    parameters:\n      v: {type: string}\n" + job,
                  "      - build: {matrix: {parameters: {v: [\"1\", \"2\"]}, exclude: [{v: \"3\"}]}}\n")
        << rows({"11:65:warning:circleci.matrix-exclude"}) << QStringLiteral("matches no combination");
    QTest::newRow("matrix missing parameter")
        << config("    parameters:\n      v: {type: string}\n      w: {type: string}\n" + job,
                  "      - build: {matrix: {parameters: {v: [\"1\"]}}}\n")
        << rows({"12:9:error:circleci.missing-parameter"}) << QStringLiteral("'w'");
    QTest::newRow("workflow when") << config(job, "      - build\n    when: {and: [true, {not: false}]}\n") << rows({})
                                   << QString();
    QTest::newRow("workflow when list") << config(job, "      - build\n    when: {or: true}\n")
                                        << rows({"10:16:error:circleci.invalid-condition"}) << QStringLiteral("a list");
    QTest::newRow("schedule cron") << config(
        job,
        "      - build\n    triggers:\n      - schedule:\n          cron: \"61 * * * *\"\n"
        "          filters: {branches: {only: main}}\n")
                                   << rows({"12:17:error:circleci.invalid-format"}) << QStringLiteral("cron");
    QTest::newRow("no workflows, build") << QByteArray("version: 2.1\njobs:\n  build:\n" + job) << rows({})
                                         << QString();
    QTest::newRow("no workflows") << QByteArray("version: 2.1\njobs:\n  test:\n" + job)
                                  << rows({"2:1:error:circleci.no-workflows"}) << QStringLiteral("no workflows");
    QTest::newRow("setup") << QByteArray(
        "version: 2.1\nsetup: true\norbs:\n  continuation: circleci/continuation@1.0.0\n"
        "workflows:\n  setup:\n    jobs:\n      - continuation/continue:\n"
        "          configuration_path: .circleci/main.yml\n")
                           << rows({}) << QString();
    // Syntax.
    QTest::newRow("broken yaml") << QByteArray("version: 2.1\njobs:\n  build:\n    docker: [{image: x\n")
                                 << rows({"5:1:error:yaml.syntax"}) << QString();
    QTest::newRow("not a mapping") << QByteArray("- version\n") << rows({"1:1:error:circleci.wrong-type"})
                                   << QStringLiteral("mapping");
}

void TestCircleCIConfig::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    const QList<Diagnostic> diagnostics = diagnosticsOf(text);
    const QStringList actual = describeProblems(diagnostics);
    QCOMPARE(actual, expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messagesOf(diagnostics).contains(messagePart), qPrintable(messagesOf(diagnostics)));
}

void TestCircleCIConfig::model_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("jobs"); // name <- needs|when|environment
    QTest::addColumn<QString>("configPart"); // in the last job's resolved configuration

    QTest::newRow("requires") << config(job, "      - build\n      - build: {name: deploy-prod, requires: [build]}\n")
                              << rows({"build <- ||", "deploy-prod <- build||production"}) << QStringLiteral("make");
    QTest::newRow("matrix names") << config(
        "    parameters:\n      v: {type: string}\n      os: {type: string}\n" + job,
        "      - build: {matrix: {parameters: {v: [\"3.11\", \"3.12\"], os: [linux]}, exclude: [{v: \"3.11\", "
        "os: linux}]}}\n      - hold: {type: approval, requires: [build]}\n")
                                  << rows({"build-3.12-linux <- ||", "hold <- build-3.12-linux|manual|"})
                                  << QStringLiteral("approval");
    QTest::newRow("matrix name template")
        << config("    parameters:\n      v: {type: string}\n" + job,
                  "      - build: {name: \"test-py<< matrix.v >>\", matrix: {parameters: {v: [\"1\", \"2\"]}}}\n")
        << rows({"test-py1 <- ||", "test-py2 <- ||"}) << QStringLiteral("test-py2");
    QTest::newRow("command expanded") << config(stepsJob("      - greet: {to: world}\n"), "      - build\n",
                                                "commands:\n  greet:\n    parameters:\n      to: {type: string}\n"
                                                "    steps:\n      - run: echo hello << parameters.to >>\n")
                                      << rows({"build <- ||"}) << QStringLiteral("echo hello world");
    QTest::newRow("executor merged") << config("    executor: py\n" + steps, "      - build\n",
                                               "executors:\n  py:\n    docker: [{image: cimg/python:3.12}]\n")
                                     << rows({"build <- ||"}) << QStringLiteral("cimg/python:3.12");
    QTest::newRow("steps parameter spliced")
        << config("    parameters:\n      extra: {type: steps, default: []}\n" + docker
                      + "    steps:\n      - checkout\n      - << parameters.extra >>\n",
                  "      - build: {extra: [{run: make lint}]}\n")
        << rows({"build <- ||"}) << QStringLiteral("make lint");
    QTest::newRow("two workflows share a name") << QByteArray(
        "version: 2.1\njobs:\n  build:\n" + job + "workflows:\n  a:\n    jobs: [build]\n  b:\n    jobs: [build]\n")
                                                << rows({"a/build <- ||", "b/build <- ||"}) << QString();
}

void TestCircleCIConfig::model()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, jobs);
    QFETCH(QString, configPart);
    QList<Diagnostic> diagnostics;
    const PipelineModel model = CircleCIConfig::analyze(text, Path, FileSource(), diagnostics);
    QCOMPARE(model.kind, PipelineKind::CircleCI);
    QStringList actual;
    for (const PipelineJob& j : model.jobs)
        actual << QStringLiteral("%1 <- %2|%3|%4").arg(j.name, j.needs.join(u','), j.when, j.environment);
    QCOMPARE(actual, jobs);
    QCOMPARE(describeProblems(diagnostics), QStringList());
    if (!configPart.isEmpty())
        QVERIFY2(model.jobs.constLast().config.toFlowText(100000).contains(configPart),
                 qPrintable(model.jobs.constLast().config.toFlowText(100000)));
}

void TestCircleCIConfig::gates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("gate");
    QTest::addColumn<bool>("fails"); // a warning or error of that gate

    const QByteArray jobs = "version: 2.1\njobs:\n  test:\n" + job + "  deploy:\n" + job;
    QTest::newRow("deploy after tests") << QByteArray(jobs
                                                      + "workflows:\n  ci:\n    jobs:\n      - test\n"
                                                        "      - deploy: {requires: [test]}\n")
                                        << QStringLiteral("deploy-after-validation") << false;
    // The workflow's name says nothing about what each of its jobs does.
    QTest::newRow("deploy after tests, workflow named deploy")
        << QByteArray(jobs
                      + "workflows:\n  build-test-deploy:\n    jobs:\n      - test\n"
                        "      - deploy: {requires: [test]}\n")
        << QStringLiteral("deploy-after-validation") << false;
    QTest::newRow("deploy beside tests") << QByteArray(jobs
                                                       + "workflows:\n  ci:\n    jobs:\n      - test\n      - deploy\n")
                                         << QStringLiteral("deploy-after-validation") << true;
    const QByteArray staged = jobs
        + "workflows:\n  ci:\n    jobs:\n      - test\n"
          "      - deploy: {name: deploy-staging, requires: [test]}\n";
    QTest::newRow("production behind approval")
        << QByteArray(staged
                      + "      - hold: {type: approval, requires: [deploy-staging]}\n"
                        "      - deploy: {name: deploy-production, requires: [hold]}\n")
        << QStringLiteral("production-approval") << false;
    QTest::newRow("production without approval")
        << QByteArray(staged + "      - deploy: {name: deploy-production, requires: [deploy-staging]}\n")
        << QStringLiteral("production-approval") << true;
    QTest::newRow("production on main only")
        << QByteArray(staged
                      + "      - deploy: {name: deploy-production, requires: [deploy-staging], "
                        "filters: {branches: {only: main}}}\n")
        << QStringLiteral("production-approval") << false;
    QTest::newRow("secret in environment")
        << QByteArray("version: 2.1\njobs:\n  build:\n" + job
                      + "    environment: {API_TOKEN: \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"}\n"
                        "workflows:\n  ci:\n    jobs: [build]\n")
        << QStringLiteral("no-plaintext-secrets") << true;
    QTest::newRow("variable in environment")
        << QByteArray("version: 2.1\njobs:\n  build:\n" + job
                      + "    environment: {MODE: release}\nworkflows:\n  ci:\n    jobs: [build]\n")
        << QStringLiteral("no-plaintext-secrets") << false;
    const QByteArray scan = "version: 2.1\njobs:\n  scan:\n" + docker + "    steps:\n      - run: semgrep scan --error";
    QTest::newRow("scan blocking") << QByteArray(scan + "\nworkflows:\n  ci:\n    jobs: [scan]\n")
                                   << QStringLiteral("security-blocking") << false;
    QTest::newRow("scan ignored") << QByteArray(scan + " || true\nworkflows:\n  ci:\n    jobs: [scan]\n")
                                  << QStringLiteral("security-blocking") << true;
    QTest::newRow("floating image") << QByteArray("version: 2.1\njobs:\n  build:\n    docker: [{image: node:latest}]\n"
                                                  + steps + "workflows:\n  ci:\n    jobs: [build]\n")
                                    << QStringLiteral("pinned-images") << true;
}

void TestCircleCIConfig::gates()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, gate);
    QFETCH(bool, fails);
    const ValidationResult result = validatePipeline(text, Path);
    QCOMPARE(result.kind, PipelineKind::CircleCI);
    bool found = false;
    for (const Diagnostic& d : result.diagnostics)
        found = found || (d.rule == u"gate." + gate && d.severity != Severity::Info);
    QVERIFY2(found == fails, qPrintable(messagesOf(result.diagnostics)));
}

void TestCircleCIConfig::workflowKeptApartFromStage()
{
    const QByteArray text = "version: 2.1\njobs:\n  test:\n" + job + "  deploy:\n" + job
        + "workflows:\n  ci:\n    jobs: [test]\n  ship-deploy:\n    jobs:\n      - test\n"
          "      - deploy: {requires: [test]}\n";
    const ValidationResult result = validatePipeline(text, Path);
    QStringList actual;
    for (const PipelineJob& j : result.model.jobs)
        actual << QStringLiteral("%1 in %2, stage '%3'").arg(j.name, j.workflow, j.stage);
    QCOMPARE(actual,
             (QStringList{QStringLiteral("ci/test in ci, stage ''"),
                          QStringLiteral("ship-deploy/test in ship-deploy, stage ''"),
                          QStringLiteral("deploy in ship-deploy, stage ''")}));
}

void TestCircleCIConfig::detection_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("path") << QStringLiteral(".circleci/config.yml") << QByteArray("jobs: {}\n")
                          << int(PipelineKind::CircleCI);
    QTest::newRow("content") << QStringLiteral("ci.yml") << config(job) << int(PipelineKind::CircleCI);
    QTest::newRow("gitlab content") << QStringLiteral("ci.yml") << QByteArray("build:\n  script: make\n")
                                    << int(PipelineKind::GitLab);
    QTest::newRow("compose is not circleci")
        << QStringLiteral("ci.yml") << QByteArray("version: '3'\nservices:\n  web: {image: x}\n")
        << int(PipelineKind::GitLab);
}

void TestCircleCIConfig::detection()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QCOMPARE(int(detectKind(path, text)), kind);
}

void TestCircleCIConfig::robustness()
{
    // A huge file is refused with a clear message, not parsed.
    QByteArray huge = "version: 2.1\njobs:\n";
    while (huge.size() < 12 * 1024 * 1024)
        huge += "  # padding padding padding padding padding padding padding padding padding padding\n";
    const QList<Diagnostic> big = diagnosticsOf(huge);
    QVERIFY(!big.isEmpty());
    QCOMPARE(big.first().severity, Severity::Error);
    // Deep nesting of commands calling themselves ends with a diagnostic.
    const QByteArray recursive
        = config(stepsJob("      - again\n"), "      - build\n", "commands:\n  again:\n    steps: [again]\n");
    const ValidationResult result = validatePipeline(recursive, Path);
    QVERIFY(messagesOf(result.diagnostics).contains(QStringLiteral("call itself")));
    // Commands that call each other twice at every level would expand to 2^16 steps: bounded, with an error.
    QByteArray doubling = "commands:\n  c0:\n    steps: [{run: make}]\n";
    for (int i = 1; i <= 15; ++i)
        doubling += "  c" + QByteArray::number(i) + ":\n    steps: [c" + QByteArray::number(i - 1) + ", c"
            + QByteArray::number(i - 1) + "]\n";
    const QByteArray exploding = config(stepsJob("      - c15\n"), "      - build\n", doubling);
    QVERIFY(describeProblems(diagnosticsOf(exploding)).join(u' ').contains(QStringLiteral("circleci.too-many-steps")));
    // A matrix whose product is absurd is cut with an error.
    QByteArray values = "[";
    for (int i = 0; i < 40; ++i)
        values += QByteArray::number(i) + ",";
    values += "x]";
    const QByteArray matrix = config("    parameters:\n      a: {type: string}\n      b: {type: string}\n" + job,
                                     "      - build: {matrix: {parameters: {a: " + values + ", b: " + values + "}}}\n");
    QVERIFY(describeProblems(diagnosticsOf(matrix)).join(u' ').contains(QStringLiteral("circleci.matrix-too-large")));
}

void TestCircleCIConfig::corpus_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(gatehouse::test::corpusPath(QStringLiteral("pipelines/circleci")));
    const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QTest::newRow("absent") << QString();
    for (const QString& name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestCircleCIConfig::corpus()
{
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP(gatehouse::test::corpusMissingReason());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    ValidationOptions options;
    options.kind = PipelineKind::CircleCI;
    const ValidationResult result = validatePipeline(f.readAll(), file, options);
    QStringList errors;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error)
            errors << QStringLiteral("%1:%2 %3 %4").arg(d.line).arg(d.column).arg(d.rule, d.message);
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(!result.model.jobs.isEmpty());
}

QTEST_GUILESS_MAIN(TestCircleCIConfig)
#include "tst_circleciconfig.moc"
