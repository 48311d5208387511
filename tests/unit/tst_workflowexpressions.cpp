// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagnosticText.h"
#include "pipeline/GitHubWorkflow.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;
using gatehouse::test::describeProblems;
using gatehouse::test::messagesOf;

namespace {

using Files = QHash<QString, QByteArray>;

/// A workflow on `on` whose one step runs `echo ${{ expression }}`: the expression starts on line 6, column 23.
QByteArray inRun(const QByteArray& expression, const QByteArray& on = "push")
{
    return "on: " + on + "\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ "
        + expression + " }}\n";
}

/// A step `s` that uses `uses`, then a step reading `${{ expression }}` from column 23 of line 8.
QByteArray afterStep(const QByteArray& uses, const QByteArray& expression)
{
    return "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: s\n        uses: " + uses
        + "\n      - run: echo ${{ " + expression + " }}\n";
}

QString e(int column, const char* rule, int line = 6)
{
    return QStringLiteral("%1:%2:error:github.%3").arg(line).arg(column).arg(QLatin1StringView(rule));
}
QString w(int column, const char* rule, int line = 6)
{
    return QStringLiteral("%1:%2:warning:github.%3").arg(line).arg(column).arg(QLatin1StringView(rule));
}

} // namespace

class TestWorkflowExpressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void action_data();
    void action();
    void stepOutputs_data();
    void stepOutputs();
};

void TestWorkflowExpressions::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // line:column:severity:rule of errors and warnings

    // Grammar and literals.
    QTest::newRow("literals") << inRun("null == false && 1.5e3 > -2 && 0xff != 1e-3 && 'it''s' == 'x'")
                              << QStringList();
    QTest::newRow("invalid number") << inRun("1.2.3 == 1") << QStringList{e(23, "expression-syntax")};
    QTest::newRow("precedence") << inRun("!(github.ref == 'a') || github.ref < 'b' && true") << QStringList();
    QTest::newRow("missing bracket") << inRun("github['ref'") << QStringList{e(36, "expression-syntax")};
    QByteArray chain = "github.ref == 'a'";
    for (int i = 0; i < 5000; ++i)
        chain += " || github.ref == 'a'";
    QTest::newRow("long operator chain") << inRun(chain) << QStringList();
    // github and its properties.
    QTest::newRow("github property") << inRun("github.ref_name") << QStringList();
    QTest::newRow("unknown github property") << inRun("github.refname") << QStringList{e(30, "unknown-property")};
    QTest::newRow("case-insensitive") << inRun("GitHub.REF_NAME == Runner.OS") << QStringList();
    QTest::newRow("property of a string") << inRun("github.ref.name") << QStringList{e(34, "expression-type")};
    QTest::newRow("index with literal") << inRun("github['sha']") << QStringList();
    QTest::newRow("index unknown") << inRun("github['shaa']") << QStringList{e(29, "unknown-property")};
    QTest::newRow("index a string") << inRun("github.sha[0]") << QStringList{e(33, "expression-type")};
    QTest::newRow("filter") << inRun("join(github.event.commits.*.message, ',')") << QStringList();
    QTest::newRow("filter on a string") << inRun("github.sha.*") << QStringList{e(34, "expression-type")};
    QTest::newRow("event loose") << inRun("github.event.anything.deeper") << QStringList();
    QTest::newRow("push payload typed") << inRun("github.event.head_commit.message.text")
                                        << QStringList{e(56, "expression-type")};
    QTest::newRow("pull_request payload typed")
        << inRun("github.event.pull_request.title.text", "pull_request") << QStringList{e(55, "expression-type")};
    QTest::newRow("pull_request payload")
        << inRun("github.event.pull_request.head.repo.full_name", "pull_request") << QStringList();
    QTest::newRow("issue_comment payload") << inRun("github.event.comment.body", "issue_comment") << QStringList();
    QTest::newRow("runner") << inRun("runner.temp") << QStringList();
    QTest::newRow("unknown runner property") << inRun("runner.oss") << QStringList{e(30, "unknown-property")};
    QTest::newRow("strategy and job") << inRun("strategy.job-index == 0 && job.status") << QStringList();
    QTest::newRow("unknown job property") << inRun("job.stat") << QStringList{e(27, "unknown-property")};
    QTest::newRow("loose maps") << inRun("env.A && vars.B && secrets.C") << QStringList();
    QTest::newRow("unknown context") << inRun("gitub.ref") << QStringList{e(23, "unknown-context")};
    // Comparisons.
    QTest::newRow("object compared with string")
        << inRun("github.event == 'x'") << QStringList{e(36, "expression-type")};
    QTest::newRow("ordering an array") << inRun("github.event.commits > 1") << QStringList{e(44, "expression-type")};
    QTest::newRow("objects compared") << inRun("github.event.commits == github.event.commits") << QStringList();
    // Functions.
    QTest::newRow("contains") << inRun("contains(github.event.commits.*.id, github.sha)") << QStringList();
    QTest::newRow("contains an object") << inRun("contains(github, 'a')") << QStringList{e(32, "function-arguments")};
    QTest::newRow("startsWith arity") << inRun("startsWith('a')") << QStringList{e(23, "function-arguments")};
    QTest::newRow("endsWith") << inRun("endsWith(github.ref, '/main')") << QStringList();
    QTest::newRow("format ok") << inRun("format('{0}-{{x}}-{1}', github.sha, 1)") << QStringList();
    QTest::newRow("format missing argument")
        << inRun("format('{0} {1}', github.sha)") << QStringList{e(30, "function-arguments")};
    QTest::newRow("format malformed") << inRun("format('{0', github.sha)") << QStringList{e(30, "function-arguments")};
    QTest::newRow("format unused argument")
        << inRun("format('{0}', github.sha, 'b')") << QStringList{w(49, "function-arguments")};
    QTest::newRow("join and toJSON") << inRun("join(fromJSON('[1,2]'), toJSON(github.event))") << QStringList();
    QTest::newRow("fromJSON invalid literal")
        << inRun("fromJSON('{\"a\":')") << QStringList{e(32, "function-arguments")};
    QTest::newRow("fromJSON typed") << inRun("fromJSON('\"s\"').x") << QStringList{e(39, "expression-type")};
    QTest::newRow("function names ignore case") << inRun("FromJson('1') == TOJSON(1)") << QStringList();
    QTest::newRow("unknown function") << inRun("contain('a', 'b')") << QStringList{e(23, "unknown-function")};
    QTest::newRow("toJSON arity") << inRun("toJSON()") << QStringList{e(23, "function-arguments")};
    QTest::newRow("hashFiles in a step") << inRun("hashFiles('**/lock')") << QStringList();
    QTest::newRow("hashFiles in runs-on")
        << QByteArray("on: push\njobs:\n  build:\n    runs-on: ${{ hashFiles('x') }}\n    steps: [{run: a}]\n")
        << QStringList{e(18, "function-not-allowed", 4)};
    QTest::newRow("status function in run") << inRun("success()") << QStringList{e(23, "function-not-allowed")};
    QTest::newRow("status function in step if") << QByteArray(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - if: failure()\n        run: a\n")
                                                << QStringList();
    QTest::newRow("status function in job if") << QByteArray(
        "on: push\njobs:\n  build:\n    if: always()\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n")
                                               << QStringList();

    // steps: only the steps before the current one.
    const QByteArray steps
        = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n      v: ${{ steps.late.outputs.v }}\n"
          "    steps:\n      - id: early\n        run: a\n      - run: echo ${{ ";
    QTest::newRow("step before") << steps
            + "steps.early.outputs.any && steps.early.outcome }}\n      - id: late\n"
              "        run: b\n" << QStringList();
    QTest::newRow("step after") << steps + "steps.late.outputs.v }}\n      - id: late\n        run: b\n"
                                << QStringList{w(29, "unknown-step", 10)};
    QTest::newRow("step property") << steps + "steps.early.result }}\n      - id: late\n        run: b\n"
                                   << QStringList{e(35, "unknown-property", 10)};
    // needs: the job's needs and their declared outputs.
    const QByteArray needs
        = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      v: x\n    steps: [{run: a}]\n"
          "  other:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n  b:\n    needs: a\n    runs-on: "
          "ubuntu-latest\n"
          "    steps:\n      - run: echo ${{ ";
    QTest::newRow("needs output") << needs + "needs.a.outputs.v && needs.a.result }}\n" << QStringList();
    QTest::newRow("needs unknown output") << needs + "needs.a.outputs.w }}\n"
                                          << QStringList{w(39, "unknown-job-output", 15)};
    QTest::newRow("needs not listed") << needs + "needs.other.result }}\n" << QStringList{w(29, "needs-context", 15)};
    // matrix: keys, include, computed matrices.
    const QByteArray matrix
        = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [a]\n"
          "        include:\n          - extra: 1\n        exclude:\n          - os: a\n"
          "    steps:\n      - run: echo ${{ ";
    QTest::newRow("matrix keys") << matrix + "matrix.os && matrix.EXTRA }}\n" << QStringList();
    QTest::newRow("matrix unknown key") << matrix + "matrix.arch }}\n" << QStringList{w(30, "unknown-matrix-key", 13)};
    QTest::newRow("no matrix") << inRun("matrix.os") << QStringList{w(30, "unknown-matrix-key")};
    QTest::newRow("computed matrix") << QByteArray(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON(vars.M) }}\n"
        "    steps:\n      - run: echo ${{ matrix.anything }}\n")
                                     << QStringList();
    // inputs: declared by workflow_dispatch / workflow_call.
    const QByteArray dispatch = "\n  workflow_dispatch:\n    inputs:\n      level: {type: number}\n";
    QTest::newRow("declared input") << "on:" + dispatch
            + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.level > 2 }}\n"
                                    << QStringList();
    QTest::newRow("undeclared input") << "on:" + dispatch
            + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.levle }}\n"
                                      << QStringList{w(30, "undefined-input", 9)};
    const QByteArray flag = "on:\n  workflow_dispatch:\n    inputs:\n      debug: {type: boolean}\njobs:\n  build:\n"
                            "    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ ";
    QTest::newRow("boolean input against 'true'") << flag + "inputs.debug == 'true' }}\n"
                                                  << QStringList{w(39, "expression-type", 9)};
    QTest::newRow("boolean input against true")
        << flag + "inputs.debug == true && github.event.inputs.debug == 'true' }}\n"
        << QStringList();
    QTest::newRow("inputs without event") << inRun("inputs.level") << QStringList{e(30, "undefined-input")};
    // jobs: only in workflow_call outputs.
    const QByteArray call = "on:\n  workflow_call:\n    outputs:\n      v:\n        value: ${{ ";
    const QByteArray callJobs
        = " }}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n      out: x\n    steps: [{run: a}]\n";
    QTest::newRow("jobs context") << call + "jobs.build.outputs.out" + callJobs << QStringList();
    QTest::newRow("jobs unknown job") << call + "jobs.biuld.result" + callJobs
                                      << QStringList{e(25, "unknown-property", 5)};
    QTest::newRow("jobs outside workflow_call outputs")
        << inRun("jobs.build") << QStringList{e(23, "context-not-allowed")};
    const QByteArray defaults = "on:\n  workflow_call:\n    inputs:\n      ref:\n        type: string\n"
                                "        default: ${{ ";
    const QByteArray defaultsJobs = " }}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n";
    QTest::newRow("workflow_call input default") << defaults + "github.ref_name" + defaultsJobs << QStringList();
    QTest::newRow("workflow_call input default with env")
        << defaults + "env.REF" + defaultsJobs << QStringList{e(22, "context-not-allowed", 6)};
    // Context availability per key.
    const QByteArray job = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n";
    QTest::newRow("job if with env") << job + "    if: env.A == 'x'\n" << QStringList{e(9, "context-not-allowed", 6)};
    QTest::newRow("job if with needs") << job + "    if: github.ref == 'x' && vars.A\n" << QStringList();
    QTest::newRow("step if with secrets") << QByteArray("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    "
                                                        "steps:\n      - if: secrets.T != ''\n        run: a\n")
                                          << QStringList{e(13, "context-not-allowed")};
    QTest::newRow("step env with secrets") << QByteArray(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - env: {T: '${{ secrets.T }}'}\n"
        "        run: a\n") << QStringList();
    QTest::newRow("workflow env with matrix") << QByteArray("on: push\nenv:\n  A: ${{ matrix.os }}\n") + job.mid(9)
                                              << QStringList{e(10, "context-not-allowed", 3)};
    QTest::newRow("workflow env with secrets")
        << QByteArray("on: push\nenv:\n  A: ${{ secrets.S }}\n") + job.mid(9) << QStringList();
    QTest::newRow("run-name with env") << QByteArray("on: push\nrun-name: ${{ env.A }}\n") + job.mid(9)
                                       << QStringList{e(15, "context-not-allowed", 2)};
    QTest::newRow("strategy with matrix") << job + "    strategy:\n      max-parallel: ${{ matrix.n }}\n"
                                          << QStringList{e(25, "context-not-allowed", 7)};
    QTest::newRow("runs-on with steps") << QByteArray(
        "on: push\njobs:\n  build:\n    runs-on: ${{ steps.a.outputs.b }}\n    steps: [{run: a}]\n")
                                        << QStringList{e(18, "context-not-allowed", 4)};
    QTest::newRow("container env with runner")
        << job + "    container:\n      image: node\n      env:\n        T: ${{ runner.temp }}\n"
        << QStringList();
    QTest::newRow("container image with runner") << job + "    container:\n      image: ${{ runner.temp }}\n"
                                                 << QStringList{e(18, "context-not-allowed", 7)};
    QTest::newRow("service credentials with secrets") << job
            + "    services:\n      db:\n        image: pg\n        credentials:\n          password: ${{ secrets.P "
              "}}\n" << QStringList();
    QTest::newRow("environment url with steps")
        << QByteArray("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    environment:\n      name: prod\n"
                      "      url: ${{ steps.d.outputs.url }}\n    steps:\n      - id: d\n        run: a\n")
        << QStringList();
    QTest::newRow("matrix value typed") << matrix + "matrix.os.name }}\n" << QStringList{e(33, "expression-type", 13)};
    QTest::newRow("matrix include value") << matrix + "matrix.extra > 0 }}\n" << QStringList();
    QTest::newRow("reusable with and secrets")
        << QByteArray("on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@v1\n    with:\n"
                      "      a: ${{ secrets.S }}\n    secrets:\n      s: ${{ secrets.S }}\n")
        << QStringList{e(14, "context-not-allowed", 6)};
    QTest::newRow("job concurrency with matrix")
        << job + "    strategy:\n      matrix:\n        n: [1]\n    concurrency: ${{ matrix.n }}\n"
        << QStringList();
    QTest::newRow("workflow concurrency with matrix") << QByteArray("on: push\nconcurrency: ${{ matrix.n }}\n")
            + job.mid(9) << QStringList{e(18, "context-not-allowed", 2)};
    QTest::newRow("defaults run with env")
        << job + "    defaults:\n      run:\n        working-directory: ${{ env.D }}\n"
        << QStringList();
    QTest::newRow("timeout with steps") << job + "    timeout-minutes: ${{ steps.a.outputs.t }}\n"
                                        << QStringList{e(26, "context-not-allowed", 6)};
    // Positions inside folded and multi-line quoted scalars.
    QTest::newRow("folded condition") << job
            + "    if: >-\n      github.event_name == 'push' &&\n      github.refname == 'x'\n"
                                      << QStringList{e(14, "unknown-property", 8)};
    QTest::newRow("multi-line quoted condition")
        << job + "    if: \"github.event_name == 'push' &&\n      github.ref == 'x' && github.refx\"\n"
        << QStringList{e(35, "unknown-property", 7)};
    QTest::newRow("literal block") << QByteArray(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo a\n"
        "          echo ${{ github.refx }}\n")
                                   << QStringList{e(27, "unknown-property", 8)};
    // if conditions.
    QTest::newRow("if with surrounding text") << job + "    if: ${{ github.ref == 'a' }} && ${{ github.sha }}\n"
                                              << QStringList{e(9, "if-always-true", 6)};
    QTest::newRow("if starting with !") << job + "    if: !cancelled()\n" << QStringList{e(9, "expression-syntax", 6)};
    QTest::newRow("if negation wrapped") << job + "    if: ${{ !cancelled() }}\n" << QStringList();
    QTest::newRow("if wrapped") << job + "    if: ${{ github.ref == 'a' }}\n" << QStringList();
    QTest::newRow("if constant bool") << job + "    if: false\n" << QStringList{w(9, "constant-condition", 6)};
    QTest::newRow("if constant expression") << job + "    if: ${{ true }}\n"
                                            << QStringList{w(13, "constant-condition", 6)};
    QTest::newRow("if not constant") << job + "    if: github.event_name == 'push'\n" << QStringList();
}

void TestWorkflowExpressions::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QList<Diagnostic> diagnostics;
    GitHubWorkflow::analyze(text, QStringLiteral(".github/workflows/ci.yml"), {}, diagnostics);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describeProblems(diagnostics), expected);
}

void TestWorkflowExpressions::action_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    const QByteArray head = "name: a\ndescription: b\ninputs:\n  level: {description: c}\nruns:\n  using: composite\n"
                            "  steps:\n    - id: first\n      shell: bash\n      run: echo ${{ ";
    QTest::newRow("declared input and earlier step")
        << head + "inputs.level }}\n    - shell: bash\n      run: echo ${{ steps.first.outputs.x }}\n"
        << QStringList();
    QTest::newRow("undeclared input") << head + "inputs.levle }}\n" << QStringList{w(28, "undefined-input", 10)};
    QTest::newRow("later step") << head + "steps.second.outcome }}\n    - id: second\n      shell: bash\n      run: b\n"
                                << QStringList{w(27, "unknown-step", 10)};
    QTest::newRow("status function in step if")
        << QByteArray("name: a\ndescription: b\nruns:\n  using: composite\n  steps:\n    - if: failure()\n"
                      "      shell: bash\n      run: a\n")
        << QStringList();
    const QByteArray composite
        = "name: a\ndescription: b\nruns:\n  using: composite\n  steps:\n    - id: s\n"
          "      uses: actions/checkout@v5\n    - shell: bash\n      run: echo ${{ steps.s.outputs.";
    QTest::newRow("composite step known output") << composite + "commit }}\n" << QStringList();
    QTest::newRow("composite step unknown output") << composite + "comit }}\n"
                                                   << QStringList{w(37, "unknown-step-output", 9)};
}

void TestWorkflowExpressions::stepOutputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("messagePart");
    const QByteArray metadata = "docker/metadata-action@v5";
    // Public actions in the data: their outputs are known.
    QTest::newRow("known action output") << afterStep(metadata, "steps.s.outputs.tags") << Files() << QStringList()
                                         << QString();
    QTest::newRow("known action output ignores case")
        << afterStep(metadata, "steps.s.outputs.TAGS && steps.s.outcome") << Files() << QStringList() << QString();
    QTest::newRow("known action unknown output")
        << afterStep(metadata, "steps.s.outputs.tag") << Files() << QStringList{w(39, "unknown-step-output", 8)}
        << QStringLiteral("did you mean 'tags'");
    QTest::newRow("commit pin with its version")
        << afterStep("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0", "steps.s.outputs.comit")
        << Files() << QStringList{w(39, "unknown-step-output", 8)} << QStringLiteral("did you mean 'commit'");
    // Outputs that are not known stay open.
    QTest::newRow("commit pin without version")
        << afterStep("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8", "steps.s.outputs.anything") << Files()
        << QStringList() << QString();
    QTest::newRow("branch of a known action") << afterStep("docker/metadata-action@master", "steps.s.outputs.anything")
                                              << Files() << QStringList() << QString();
    QTest::newRow("unknown action") << afterStep("someone/thing@v1", "steps.s.outputs.anything") << Files()
                                    << QStringList() << QString();
    QTest::newRow("docker image") << afterStep("docker://alpine:3", "steps.s.outputs.anything") << Files()
                                  << QStringList() << QString();
    // Local actions: the outputs of their action.yml.
    const Files local{{QStringLiteral("tools/act/action.yml"),
                       "name: a\ndescription: d\noutputs:\n  result: {description: r}\nruns:\n  using: node20\n"
                       "  main: i.js\n"}};
    QTest::newRow("local action output") << afterStep("./tools/act", "steps.s.outputs.result") << local << QStringList()
                                         << QString();
    QTest::newRow("local action unknown output")
        << afterStep("./tools/act/", "steps.s.outputs.reslt") << local << QStringList{w(39, "unknown-step-output", 8)}
        << QStringLiteral("did you mean 'result'");
    QTest::newRow("local action without outputs")
        << afterStep("./tools/act", "steps.s.outputs.result")
        << Files{{QStringLiteral("tools/act/action.yaml"),
                  "name: a\ndescription: d\nruns:\n  using: node20\n  main: i.js\n"}}
        << QStringList{w(39, "unknown-step-output", 8)} << QStringLiteral("declares no outputs");
    QTest::newRow("local action missing")
        << afterStep("./tools/nope", "steps.s.outputs.result") << Files()
        << QStringList{e(15, "local-file-not-found", 7)} << QStringLiteral("has no action.yml");
    // Job outputs are evaluated after every step.
    QTest::newRow("job output from an action output")
        << QByteArray("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n"
                      "      t: ${{ steps.s.outputs.tagz }}\n    steps:\n      - id: s\n"
                      "        uses: docker/metadata-action@v5\n")
        << Files() << QStringList{w(30, "unknown-step-output", 6)} << QStringLiteral("its outputs:");
}

void TestWorkflowExpressions::stepOutputs()
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

void TestWorkflowExpressions::action()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QList<Diagnostic> diagnostics;
    GitHubWorkflow::analyze(text, QStringLiteral("tools/action.yml"), {}, diagnostics);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describeProblems(diagnostics), expected);
}

QTEST_GUILESS_MAIN(TestWorkflowExpressions)
#include "tst_workflowexpressions.moc"
