// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagnosticText.h"
#include "pipeline/GitHubWorkflow.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;
using gatehouse::test::describeProblems;
using gatehouse::test::messagesOf;
using gatehouse::test::rows;

namespace {

using Files = QHash<QString, QByteArray>;

/// A workflow with one job whose body (indented by four spaces) is `job`.
QByteArray jobWith(const QByteArray& job)
{
    return "on: push\njobs:\n  build:\n" + job;
}

/// A workflow with one job running `steps` (each line indented by six spaces).
QByteArray stepsWith(const QByteArray& steps)
{
    return jobWith("    runs-on: ubuntu-latest\n    steps:\n" + steps);
}

/// A workflow triggered by `on` (a mapping body indented by two spaces).
QByteArray eventsWith(const QByteArray& on)
{
    return "on:\n" + on + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n";
}

} // namespace

class TestGitHubChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void actionMetadata_data();
    void actionMetadata();
    void longNeedsChain();
};

void TestGitHubChecks::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected"); // line:column:severity:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");
    const QByteArray run = "    steps: [{run: make}]\n";
    const QByteArray hosted = "    runs-on: ubuntu-latest\n";
    // A workflow with one job whose inputs t (a number), os and extra (JSON strings) are declared.
    const QByteArray dispatched = "on:\n  workflow_dispatch:\n    inputs:\n      t: {type: number}\n"
                                  "      os: {type: string}\n      extra: {type: string}\njobs:\n  build:\n";

    // Keys and values.
    QTest::newRow("timeout number") << jobWith(hosted + "    timeout-minutes: 30\n" + run) << Files() << rows({})
                                    << QString();
    QTest::newRow("timeout expression") << dispatched + hosted + "    timeout-minutes: ${{ inputs.t }}\n" + run
                                        << Files() << rows({}) << QString();
    QTest::newRow("timeout text") << jobWith(hosted + "    timeout-minutes: half an hour\n" + run) << Files()
                                  << rows({"5:22:error:github.wrong-type"}) << QStringLiteral("must be a number");
    QTest::newRow("max-parallel integer")
        << jobWith(hosted + "    strategy:\n      max-parallel: 2\n      matrix: {a: [1, 2]}\n" + run) << Files()
        << rows({}) << QString();
    QTest::newRow("max-parallel fraction")
        << jobWith(hosted + "    strategy:\n      max-parallel: 1.5\n      matrix: {a: [1, 2]}\n" + run) << Files()
        << rows({"6:21:error:github.wrong-type"}) << QStringLiteral("an integer");
    QTest::newRow("max-parallel zero") << jobWith(
        hosted + "    strategy:\n      max-parallel: 0\n      matrix: {a: [1, 2]}\n" + run)
                                       << Files() << rows({"6:21:error:github.out-of-range"})
                                       << QStringLiteral("between 1");
    QTest::newRow("continue-on-error boolean")
        << jobWith(hosted + "    continue-on-error: true\n" + run) << Files() << rows({}) << QString();
    QTest::newRow("continue-on-error text")
        << jobWith(hosted + "    continue-on-error: maybe\n" + run) << Files() << rows({"5:24:error:github.wrong-type"})
        << QStringLiteral("must be a boolean");
    QTest::newRow("matrix value not a list")
        << jobWith(hosted + "    strategy:\n      matrix:\n        os: linux\n        include:\n          - os: mac\n"
                   + run)
        << Files() << rows({"7:13:error:github.wrong-type"}) << QStringLiteral("must be a sequence");
    QTest::newRow("matrix include not mappings")
        << jobWith(hosted + "    strategy:\n      matrix:\n        os: [linux]\n        include: [mac]\n" + run)
        << Files() << rows({"8:19:error:github.wrong-type"}) << QStringLiteral("must be a mapping");
    QTest::newRow("matrix from expressions") << dispatched + hosted
            + "    strategy:\n      matrix:\n        os: ${{ fromJSON(inputs.os) }}\n"
              "        include: ${{ fromJSON(inputs.extra) }}\n"
            + run << Files() << rows({}) << QString();
    QTest::newRow("matrix of 256") << jobWith(
        hosted
        + "    strategy:\n      matrix:\n        a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\n"
          "        b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\n"
        + run) << Files() << rows({})
                                   << QString();
    QTest::newRow("matrix over 256") << jobWith(
        hosted
        + "    strategy:\n      matrix:\n        a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\n"
          "        b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]\n"
        + run) << Files() << rows({"6:7:error:github.matrix-too-large"})
                                     << QStringLiteral("272 jobs");
    QTest::newRow("fail-fast text") << jobWith(
        hosted + "    strategy:\n      fail-fast: no-way\n      matrix: {a: [1]}\n" + run)
                                    << Files() << rows({"6:18:error:github.wrong-type"}) << QStringLiteral("fail-fast");
    QTest::newRow("step id valid") << stepsWith("      - id: step_1-a\n        run: make\n") << Files() << rows({})
                                   << QString();
    QTest::newRow("step id invalid") << stepsWith("      - id: 1st.step\n        run: make\n") << Files()
                                     << rows({"6:13:error:github.invalid-step-id"}) << QStringLiteral("'1st.step'");
    QTest::newRow("step ids differ in case")
        << stepsWith("      - id: Build\n        run: a\n      - id: build\n        run: b\n") << Files()
        << rows({"8:13:error:github.duplicate-step-id"}) << QStringLiteral("ignore case");
    QTest::newRow("permissions valid") << QByteArray(
        "on: push\npermissions:\n  id-token: write\n  models: read\n  attestations: write\njobs:\n"
        "  build:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n")
                                       << Files() << rows({}) << QString();
    QTest::newRow("permissions unknown scope")
        << QByteArray("on: push\npermissions:\n  content: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                      "    steps: [{run: a}]\n")
        << Files() << rows({"3:3:error:github.unknown-key"}) << QStringLiteral("did you mean 'contents'");
    QTest::newRow("permissions id-token read")
        << jobWith(hosted + "    permissions:\n      id-token: read\n" + run) << Files()
        << rows({"6:17:error:github.invalid-value"}) << QStringLiteral("write, none");
    QTest::newRow("permissions write-all")
        << jobWith(hosted + "    permissions: write-all\n" + run) << Files() << rows({}) << QString();
    QTest::newRow("concurrency string") << jobWith(hosted + "    concurrency: deploy\n" + run) << Files() << rows({})
                                        << QString();
    QTest::newRow("concurrency without group")
        << jobWith(hosted + "    concurrency:\n      cancel-in-progress: true\n" + run) << Files()
        << rows({"6:7:error:github.missing-key"}) << QStringLiteral("'group'");
    QTest::newRow("cancel-in-progress text")
        << jobWith(hosted + "    concurrency:\n      group: g\n      cancel-in-progress: later\n" + run) << Files()
        << rows({"7:27:error:github.wrong-type"}) << QStringLiteral("boolean");
    QTest::newRow("defaults shell custom") << jobWith(
        hosted + "    defaults:\n      run:\n        shell: perl {0}\n        working-directory: src\n" + run)
                                           << Files() << rows({}) << QString();
    QTest::newRow("defaults shell unknown")
        << jobWith(hosted + "    defaults:\n      run:\n        shell: bsh\n" + run) << Files()
        << rows({"7:16:error:github.unknown-shell"}) << QStringLiteral("did you mean 'bash'");
    QTest::newRow("step shell unknown") << stepsWith("      - run: make\n        shell: zsh\n") << Files()
                                        << rows({"7:16:error:github.unknown-shell"}) << QStringLiteral("'{0}'");
    QTest::newRow("step shell pwsh") << stepsWith("      - run: make\n        shell: pwsh\n") << Files() << rows({})
                                     << QString();
    QTest::newRow("env names") << jobWith(hosted + "    env:\n      GOOD_NAME: 1\n      'BAD NAME': 2\n      'A=B': 3\n"
                                          + run)
                               << Files()
                               << rows({"7:7:error:github.invalid-env-name", "8:7:error:github.invalid-env-name"})
                               << QStringLiteral("'BAD NAME'");
    QTest::newRow("working-directory with uses")
        << stepsWith("      - uses: someone/act@v1\n        working-directory: src\n") << Files()
        << rows({"7:9:error:github.working-directory-with-uses"}) << QStringLiteral("only applies to 'run'");
    QTest::newRow("workflow as a step") << stepsWith("      - uses: ./.github/workflows/reusable.yml\n") << Files()
                                        << rows({"6:15:error:github.local-file-not-found",
                                                 "6:15:error:github.workflow-as-step"})
                                        << QStringLiteral("called by a job");
    QTest::newRow("reusable call keys")
        << QByteArray("on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/w.yml@v1\n"
                      "    needs: []\n    if: github.ref_name == 'main'\n    permissions: read-all\n    strategy: "
                      "{matrix: {a: [1]}}\n"
                      "    concurrency: c\n    environment: production\n    continue-on-error: true\n")
        << Files() << rows({"10:5:error:github.reusable-job-key", "11:5:error:github.reusable-job-key"})
        << QStringLiteral("cannot set 'environment'");
    QTest::newRow("working-directory with run")
        << stepsWith("      - run: make\n        working-directory: src\n") << Files() << rows({}) << QString();
    QTest::newRow("container valid") << jobWith(
        hosted
        + "    container:\n      image: node:20\n      credentials:\n        username: u\n"
          "        password: ${{ secrets.P }}\n      ports: [80, '8080:80', 53/udp, '127.0.0.1:5432:5432']\n"
          "      volumes: [/data, 'cache:/cache']\n      options: --cpus 1\n"
        + run) << Files() << rows({}) << QString();
    QTest::newRow("container bad port and credentials")
        << jobWith(hosted
                   + "    container:\n      image: node:20\n      credentials: {user: u}\n"
                     "      ports: [http]\n"
                   + run)
        << Files() << rows({"7:21:error:github.unknown-key", "8:15:error:github.invalid-port"})
        << QStringLiteral("expected one of: username, password");
    QTest::newRow("container on windows")
        << jobWith("    runs-on: windows-latest\n    container: node:20\n    services:\n      db: {image: pg}\n" + run)
        << Files() << rows({"5:5:error:github.container-needs-linux", "6:5:error:github.container-needs-linux"})
        << QStringLiteral("only on Linux");
    QTest::newRow("container on self-hosted windows")
        << jobWith("    runs-on: [self-hosted, windows]\n    container: node:20\n" + run) << Files() << rows({})
        << QString();
    QTest::newRow("container network option")
        << jobWith(hosted + "    container:\n      image: node:20\n      options: --cpus 2 --network host\n" + run)
        << Files() << rows({"7:16:error:github.unsupported-container-option"}) << QStringLiteral("'--network'");
    QTest::newRow("service without image")
        << jobWith(hosted + "    services:\n      db:\n        ports: [5432]\n" + run) << Files()
        << rows({"7:9:error:github.missing-key"}) << QStringLiteral("'image'");

    // Events.
    QTest::newRow("duplicate event") << QByteArray("on: [push, pull_request, push]\njobs:\n  build:\n"
                                                   "    runs-on: ubuntu-latest\n    steps: [{run: a}]\n")
                                     << Files() << rows({"1:26:warning:github.duplicate-event"})
                                     << QStringLiteral("listed twice");
    QTest::newRow("push filters") << eventsWith("  push:\n    branches: [main, 'releases/**']\n    tags: ['v*']\n"
                                                "    paths-ignore: ['docs/**']\n")
                                  << Files() << rows({}) << QString();
    QTest::newRow("push types") << eventsWith("  push:\n    types: [created]\n") << Files()
                                << rows({"3:5:error:github.unknown-key"}) << QStringLiteral("'types'");
    QTest::newRow("pull_request types") << eventsWith("  pull_request:\n    types: [opened, synchronize]\n") << Files()
                                        << rows({}) << QString();
    QTest::newRow("pull_request bad type")
        << eventsWith("  pull_request:\n    types: [opened, synchronise]\n") << Files()
        << rows({"3:21:error:github.invalid-value"}) << QStringLiteral("did you mean 'synchronize'");
    QTest::newRow("pull_request tags") << eventsWith("  pull_request:\n    tags: ['v*']\n") << Files()
                                       << rows({"3:5:error:github.unknown-key"}) << QStringLiteral("'tags'");
    QTest::newRow("issues types") << eventsWith("  issues:\n    types: [opened, labeled]\n") << Files() << rows({})
                                  << QString();
    QTest::newRow("release bad type") << eventsWith("  release:\n    types: published-now\n") << Files()
                                      << rows({"3:12:error:github.invalid-value"}) << QStringLiteral("prereleased");
    QTest::newRow("repository_dispatch custom types")
        << eventsWith("  repository_dispatch:\n    types: [my-own-event]\n") << Files() << rows({}) << QString();
    QTest::newRow("fork takes no keys") << eventsWith("  fork:\n    types: [created]\n") << Files()
                                        << rows({"3:5:error:github.unknown-key"}) << QStringLiteral("no keys");
    QTest::newRow("branches and branches-ignore")
        << eventsWith("  push:\n    branches: [main]\n    branches-ignore: [dev]\n") << Files()
        << rows({"4:5:error:github.filter-conflict"}) << QStringLiteral("cannot be used together");
    QTest::newRow("paths and paths-ignore")
        << eventsWith("  pull_request:\n    paths-ignore: [docs]\n    paths: [src]\n") << Files()
        << rows({"4:5:error:github.filter-conflict"}) << QStringLiteral("'paths'");
    QTest::newRow("glob unclosed set") << eventsWith("  push:\n    branches: ['release/[0-9']\n") << Files()
                                       << rows({"3:16:error:github.invalid-glob"}) << QStringLiteral("never closed");
    QTest::newRow("branch pattern with space")
        << eventsWith("  push:\n    branches: ['release 1.0']\n") << Files()
        << rows({"3:16:warning:github.glob-never-matches"}) << QStringLiteral("never matches");
    QTest::newRow("path pattern with space")
        << eventsWith("  push:\n    paths: ['My Documents/**']\n") << Files() << rows({}) << QString();
    QTest::newRow("only negative patterns")
        << eventsWith("  push:\n    branches: ['!main']\n") << Files()
        << rows({"3:15:warning:github.negative-only-filter"}) << QStringLiteral("matches nothing");
    QTest::newRow("negative after positive")
        << eventsWith("  push:\n    branches: ['**', '!main']\n") << Files() << rows({}) << QString();
    QTest::newRow("workflow_run") << eventsWith("  workflow_run:\n    workflows: [CI]\n    types: [completed]\n")
                                  << Files() << rows({}) << QString();
    QTest::newRow("workflow_run without workflows")
        << eventsWith("  workflow_run:\n    types: [done]\n") << Files()
        << rows({"3:5:error:github.missing-key", "3:13:error:github.invalid-value"}) << QStringLiteral("workflows");
    QTest::newRow("schedule every 5 minutes")
        << eventsWith("  schedule:\n    - cron: '*/5 * * * *'\n") << Files() << rows({}) << QString();
    QTest::newRow("schedule every minute")
        << eventsWith("  schedule:\n    - cron: '* * * * *'\n") << Files()
        << rows({"3:13:warning:github.schedule-interval"}) << QStringLiteral("every 1 minute");
    QTest::newRow("schedule list too close")
        << eventsWith("  schedule:\n    - cron: '0,3 12 * * MON'\n") << Files()
        << rows({"3:13:warning:github.schedule-interval"}) << QStringLiteral("every 3 minute");
    QTest::newRow("schedule bad field") << eventsWith("  schedule:\n    - cron: '0 25 * * *'\n") << Files()
                                        << rows({"3:13:error:github.invalid-format"}) << QStringLiteral("hour 0-23");
    QTest::newRow("dispatch inputs valid")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n"
                      "        options: [info, debug]\n        default: info\n      dry:\n        type: boolean\n"
                      "        default: true\n      count:\n        type: number\n        default: 3\n")
        << Files() << rows({}) << QString();
    QTest::newRow("dispatch choice without options")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n") << Files()
        << rows({"5:9:error:github.choice-without-options"}) << QStringLiteral("non-empty 'options'");
    QTest::newRow("dispatch default not an option")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n"
                      "        options: [info, debug]\n        default: trace\n")
        << Files() << rows({"7:18:error:github.input-default-not-option"}) << QStringLiteral("info, debug");
    QTest::newRow("dispatch boolean default")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      dry:\n        type: boolean\n        default: yes\n")
        << Files() << rows({"6:18:error:github.input-default-type"}) << QStringLiteral("not a boolean");
    QTest::newRow("dispatch number default")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      n:\n        type: number\n        default: many\n")
        << Files() << rows({"6:18:error:github.input-default-type"}) << QStringLiteral("not a number");
    QTest::newRow("dispatch options without choice")
        << eventsWith("  workflow_dispatch:\n    inputs:\n      s:\n        type: string\n        options: [a]\n")
        << Files() << rows({"6:9:error:github.options-without-choice"}) << QStringLiteral("type: choice");
    QTest::newRow("dispatch input id") << eventsWith(
        "  workflow_dispatch:\n    inputs:\n      2fast:\n        type: string\n      ok_id-2: {}\n")
                                       << Files() << rows({"4:7:error:github.invalid-id"}) << QStringLiteral("'2fast'");
    QTest::newRow("call output and secret ids")
        << eventsWith("  workflow_call:\n    outputs:\n      'my output':\n        value: x\n    secrets:\n"
                      "      token: {}\n      9key: {}\n")
        << Files() << rows({"4:7:error:github.invalid-id", "8:7:error:github.invalid-id"})
        << QStringLiteral("'my output'");
    QTest::newRow("job output id") << jobWith(hosted + "    outputs:\n      good-id: x\n      'bad.id': y\n" + run)
                                   << Files() << rows({"7:7:error:github.invalid-id"})
                                   << QStringLiteral("output of job 'build'");
    QTest::newRow("call input default") << eventsWith(
        "  workflow_call:\n    inputs:\n      n:\n        type: number\n        default: x\n")
                                        << Files() << rows({"6:18:error:github.input-default-type"})
                                        << QStringLiteral("workflow_call");
    QTest::newRow("call output without value")
        << eventsWith("  workflow_call:\n    outputs:\n      v:\n        description: d\n") << Files()
        << rows({"5:9:error:github.missing-key"}) << QStringLiteral("'value'");

    // Runner labels.
    QTest::newRow("hosted labels") << jobWith("    runs-on: ubuntu-24.04-arm\n" + run) << Files() << rows({})
                                   << QString();
    QTest::newRow("retired label") << jobWith("    runs-on: ubuntu-20.04\n" + run) << Files()
                                   << rows({"4:14:error:github.runner-retired"}) << QStringLiteral("'ubuntu-24.04'");
    QTest::newRow("retired label in list")
        << jobWith("    runs-on: [windows-2019]\n" + run) << Files() << rows({"4:15:error:github.runner-retired"})
        << QStringLiteral("'windows-2025'");
    QTest::newRow("retired macos-13") << jobWith("    runs-on: macos-13\n" + run) << Files()
                                      << rows({"4:14:error:github.runner-retired"})
                                      << QStringLiteral("'macos-15-intel'");
    QTest::newRow("deprecated macos-14") << jobWith("    runs-on: macos-14\n" + run) << Files()
                                         << rows({"4:14:warning:github.runner-deprecated"})
                                         << QStringLiteral("'macos-15'");
    QTest::newRow("newest labels") << jobWith("    runs-on: windows-2025-vs2026\n" + run) << Files() << rows({})
                                   << QString();
    QTest::newRow("label typo") << jobWith("    runs-on: ubuntu-lastest\n" + run) << Files()
                                << rows({"4:14:error:github.unknown-runner-label"})
                                << QStringLiteral("did you mean 'ubuntu-latest'");
    QTest::newRow("label unknown") << jobWith("    runs-on: build-farm-large\n" + run) << Files()
                                   << rows({"4:14:warning:github.unknown-runner-label"})
                                   << QStringLiteral("self-hosted-labels");
    QTest::newRow("self-hosted undeclared")
        << jobWith("    runs-on: [self-hosted, linux, gpu]\n" + run) << Files() << rows({}) << QString();
    const Files config{{QStringLiteral(".gatehouse/config.yml"), "runners:\n  self-hosted-labels: [gpu, cuda-12]\n"}};
    QTest::newRow("self-hosted declared")
        << jobWith("    runs-on: [self-hosted, Linux, X64, gpu]\n" + run) << config << rows({}) << QString();
    QTest::newRow("self-hosted not declared")
        << jobWith("    runs-on: [self-hosted, cuda-11]\n" + run) << config
        << rows({"4:28:error:github.unknown-runner-label"}) << QStringLiteral("nor declared");
    QTest::newRow("declared label alone") << jobWith("    runs-on: gpu\n" + run) << config << rows({}) << QString();
    QTest::newRow("label expression") << jobWith("    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n"
                                                 "        os: [ubuntu-latest]\n"
                                                 + run)
                                      << Files() << rows({}) << QString();
    QTest::newRow("matrix labels") << jobWith("    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n"
                                              "        os: [ubuntu-latest, macos-12]\n        include:\n"
                                              "          - os: windows-2019\n"
                                              + run)
                                   << Files()
                                   << rows({"7:29:error:github.runner-retired", "9:17:error:github.runner-retired"})
                                   << QStringLiteral("'macos-15'");
    QTest::newRow("runner group") << jobWith("    runs-on:\n      group: big\n      labels: [huge-box]\n" + run)
                                  << Files() << rows({}) << QString();

    // Deprecated workflow commands.
    QTest::newRow("set-output") << stepsWith("      - run: |\n          make\n          echo \"::set-output "
                                             "name=v::1\"\n")
                                << Files() << rows({"8:17:warning:github.deprecated-command"})
                                << QStringLiteral("$GITHUB_OUTPUT");
    QTest::newRow("set-env") << stepsWith("      - run: echo '::set-env name=A::1'\n") << Files()
                             << rows({"6:20:error:github.deprecated-command"}) << QStringLiteral("$GITHUB_ENV");
    QTest::newRow("add-path") << stepsWith("      - run: echo ::add-path::/opt/bin\n") << Files()
                              << rows({"6:19:error:github.deprecated-command"}) << QStringLiteral("$GITHUB_PATH");
    QTest::newRow("save-state") << stepsWith("      - run: echo ::save-state name=s::1\n") << Files()
                                << rows({"6:19:warning:github.deprecated-command"}) << QStringLiteral("$GITHUB_STATE");
    QTest::newRow("output file") << stepsWith("      - run: echo \"v=1\" >> \"$GITHUB_OUTPUT\"\n") << Files()
                                 << rows({}) << QString();

    // Public actions (data from their action.yml).
    QTest::newRow("checkout inputs") << stepsWith("      - uses: actions/checkout@v4\n        with:\n"
                                                  "          fetch-depth: 0\n          submodules: true\n")
                                     << Files() << rows({}) << QString();
    QTest::newRow("checkout unknown input")
        << stepsWith("      - uses: actions/checkout@v4\n        with:\n          fetch-dept: 0\n") << Files()
        << rows({"8:11:warning:github.unknown-action-input"}) << QStringLiteral("did you mean 'fetch-depth'");
    QTest::newRow("input names ignore case")
        << stepsWith("      - uses: actions/checkout@v4\n        with:\n          Fetch-Depth: 0\n") << Files()
        << rows({}) << QString();
    QTest::newRow("required input missing")
        << stepsWith("      - uses: actions/cache@v4\n        with:\n          path: ~/.npm\n") << Files()
        << rows({"6:15:error:github.missing-action-input"}) << QStringLiteral("'key'");
    QTest::newRow("deprecated input") << stepsWith(
        "      - uses: actions/cache@v4\n        with:\n          path: p\n          key: k\n"
        "          save-always: true\n")
                                      << Files() << rows({"10:11:warning:github.deprecated-action-input"})
                                      << QStringLiteral("deprecated");
    QTest::newRow("branch ref may default required inputs")
        << stepsWith("      - uses: taiki-e/install-action@nextest\n") << Files() << rows({}) << QString();
    QTest::newRow("version ref requires inputs")
        << stepsWith("      - uses: taiki-e/install-action@v2\n") << Files()
        << rows({"6:15:error:github.missing-action-input"}) << QStringLiteral("'tool'");
    QTest::newRow("pinned with comment") << stepsWith(
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n"
        "          fetch-dept: 0\n") << Files()
                                         << rows({"8:11:warning:github.unknown-action-input"})
                                         << QStringLiteral("fetch-depth");
    QTest::newRow("pinned without comment")
        << stepsWith("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n"
                     "          fetch-dept: 0\n")
        << Files() << rows({}) << QString();
    QTest::newRow("older major not checked")
        << stepsWith("      - uses: actions/checkout@v1\n        with:\n          anything: 0\n") << Files() << rows({})
        << QString();
    QTest::newRow("unknown action not checked")
        << stepsWith("      - uses: someone/something@v1\n        with:\n          anything: 0\n") << Files()
        << rows({}) << QString();
    QTest::newRow("codeql init") << stepsWith("      - uses: github/codeql-action/init@v3\n        with:\n"
                                              "          languages: cpp\n          queries: security-extended\n")
                                 << Files() << rows({}) << QString();
    QTest::newRow("args on a node action")
        << stepsWith("      - uses: actions/checkout@v4\n        with:\n          args: --x\n") << Files()
        << rows({"8:11:error:github.docker-only-input"}) << QStringLiteral("Docker container actions");

    // Local actions, read from the repository.
    const QByteArray dockerAction
        = "name: d\ndescription: d\ninputs:\n  level: {default: info}\n"
          "  old: {deprecationMessage: use level}\nruns:\n  using: docker\n  image: Dockerfile\n";
    QTest::newRow("local docker args") << stepsWith("      - uses: ./tools/d\n        with:\n          args: -v\n"
                                                    "          entrypoint: /bin/sh\n")
                                       << Files{{QStringLiteral("tools/d/action.yaml"), dockerAction}} << rows({})
                                       << QString();
    QTest::newRow("local deprecated input")
        << stepsWith("      - uses: ./tools/d\n        with:\n          old: x\n")
        << Files{{QStringLiteral("tools/d/action.yml"), dockerAction}}
        << rows({"8:11:warning:github.deprecated-action-input"}) << QStringLiteral("use level");
}

void TestGitHubChecks::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(Files, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    const QList<Diagnostic> diagnostics = gatehouse::test::githubDiagnostics(text, files);
    QCOMPARE(describeProblems(diagnostics), expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messagesOf(diagnostics).contains(messagePart), qPrintable(messagesOf(diagnostics)));
}

void TestGitHubChecks::actionMetadata_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    const QByteArray head = "name: a\ndescription: d\nruns:\n";
    QTest::newRow("node") << head + "  using: node24\n  main: index.js\n" << rows({});
    QTest::newRow("node without main") << head + "  using: node20\n" << rows({"4:3:error:github.missing-key"});
    QTest::newRow("retired node") << head + "  using: node16\n  main: index.js\n"
                                  << rows({"4:10:warning:github.deprecated-runtime"});
    QTest::newRow("unknown runtime") << head + "  using: node22\n  main: index.js\n"
                                     << rows({"4:10:error:github.invalid-value"});
    QTest::newRow("docker without image") << head + "  using: docker\n" << rows({"4:3:error:github.missing-key"});
    QTest::newRow("composite") << head + "  using: composite\n  steps:\n    - run: make\n      shell: bash\n"
                               << rows({});
    QTest::newRow("composite run without shell") << head + "  using: composite\n  steps:\n    - run: make\n"
                                                 << rows({"6:7:error:github.composite-run-without-shell"});
}

void TestGitHubChecks::actionMetadata()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QList<Diagnostic> diagnostics;
    GitHubWorkflow::analyze(text, QStringLiteral("tools/a/action.yml"), {}, diagnostics);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describeProblems(diagnostics), expected);
}

void TestGitHubChecks::longNeedsChain()
{
    // Each job needs the one before; the last one closes a cycle back to the first. Linear, no deep recursion.
    const int count = 20000;
    QByteArray text = "on: push\njobs:\n";
    text.reserve(count * 80);
    for (int i = 0; i < count; ++i) {
        text += "  j" + QByteArray::number(i) + ":\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n";
        text += "    needs: j" + QByteArray::number(i == 0 ? count - 1 : i - 1) + "\n";
    }
    QElapsedTimer timer;
    timer.start();
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = GitHubWorkflow::analyze(text, QStringLiteral(".github/workflows/ci.yml"), {}, diagnostics);
    QCOMPARE(model.jobs.size(), count);
    QStringList rules;
    for (const Diagnostic& d : diagnostics)
        rules << d.rule;
    QCOMPARE(rules, QStringList{QStringLiteral("github.needs-cycle")});
    qInfo() << count << "jobs in" << timer.elapsed() << "ms";
}

QTEST_GUILESS_MAIN(TestGitHubChecks)
#include "tst_githubchecks.moc"
