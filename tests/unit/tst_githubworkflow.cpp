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

const QByteArray head = "on: push\njobs:\n";

} // namespace

class TestGitHubWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void model();
    void actionMetadata();
};

void TestGitHubWorkflow::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected"); // line:column:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");
    const QByteArray job = "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";

    QTest::newRow("valid") << head + job << Files() << QStringList() << QString();
    QTest::newRow("unknown job key") << head + "  build:\n    runs-on: ubuntu-latest\n    stpes:\n      - run: make\n"
                                     << Files()
                                     << QStringList{QStringLiteral("3:3:github.missing-key"),
                                                    QStringLiteral("5:5:github.unknown-key")}
                                     << QStringLiteral("did you mean 'steps'");
    QTest::newRow("missing runs-on") << head + "  build:\n    steps:\n      - run: make\n"
                                     << Files() << QStringList{QStringLiteral("3:3:github.missing-key")}
                                     << QStringLiteral("runs-on");
    QTest::newRow("missing on") << QByteArray("jobs:\n") + job << Files()
                                << QStringList{QStringLiteral("1:1:github.missing-key")} << QStringLiteral("'on'");
    QTest::newRow("unknown event") << QByteArray("on: [psuh]\njobs:\n") + job << Files()
                                   << QStringList{QStringLiteral("1:6:github.unknown-event")}
                                   << QStringLiteral("did you mean 'push'");
    QTest::newRow("bad cron") << QByteArray("on:\n  schedule:\n    - cron: '61 * * * *'\njobs:\n") + job << Files()
                              << QStringList{QStringLiteral("3:13:github.invalid-format")}
                              << QStringLiteral("minute 0-59");
    QTest::newRow("bad permission") << QByteArray("on: push\npermissions:\n  contents: rwite\njobs:\n") + job << Files()
                                    << QStringList{QStringLiteral("3:13:github.invalid-value")}
                                    << QStringLiteral("did you mean 'write'");
    QTest::newRow("bad permission shorthand")
        << QByteArray("on: push\npermissions: read_all\njobs:\n") + job << Files()
        << QStringList{QStringLiteral("2:14:github.invalid-value")} << QStringLiteral("did you mean 'read-all'");
    QTest::newRow("invalid job id") << head + "  1build:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n"
                                    << Files() << QStringList{QStringLiteral("3:3:github.invalid-job-id")}
                                    << QStringLiteral("'1build'");
    QTest::newRow("needs unknown") << head + job
            + "  test:\n    needs: [biuld]\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n"
                                   << Files() << QStringList{QStringLiteral("8:13:github.needs-unknown-job")}
                                   << QStringLiteral("did you mean 'build'");
    QTest::newRow("duplicate needs") << head + job
            + "  test:\n    needs: [build, build]\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n"
                                     << Files() << QStringList{QStringLiteral("8:20:github.duplicate-needs")}
                                     << QStringLiteral("twice");
    QTest::newRow("needs cycle") << head
            + "  a:\n    needs: b\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n  b:\n    needs: [a]\n    "
              "runs-on: ubuntu-latest\n"
              "    steps: [{run: a}]\n"
                                 << Files() << QStringList{QStringLiteral("3:3:github.needs-cycle")}
                                 << QStringLiteral("a → b → a");
    QTest::newRow("duplicate step id") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: s\n        run: a\n      - id: s\n        "
              "run: b\n" << Files() << QStringList{QStringLiteral("8:13:github.duplicate-step-id")}
                                       << QStringLiteral("line 6");
    QTest::newRow("uses and run") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
              "        run: make\n"
                                  << Files() << QStringList{QStringLiteral("7:9:github.step-uses-and-run")}
                                  << QStringLiteral("both");
    QTest::newRow("step without action") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: nothing\n"
                                         << Files() << QStringList{QStringLiteral("6:9:github.step-without-action")}
                                         << QStringLiteral("neither");
    QTest::newRow("bad uses") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout\n"
                              << Files() << QStringList{QStringLiteral("6:15:github.invalid-format")}
                              << QStringLiteral("@ref");
    QTest::newRow("matrix exclude no match")
        << head
            + "  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [linux, mac]\n        "
              "exclude:\n"
              "          - os: windows\n    steps: [{run: a}]\n"
        << Files() << QStringList{QStringLiteral("9:17:github.matrix-exclude-no-match")}
        << QStringLiteral("linux, mac");
    QTest::newRow("matrix exclude unknown key")
        << head
            + "  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [linux]\n        "
              "exclude:\n"
              "          - arch: arm\n    steps: [{run: a}]\n"
        << Files() << QStringList{QStringLiteral("9:13:github.matrix-exclude-unknown-key")} << QStringLiteral("'arch'");
    QTest::newRow("expression syntax") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.ref == }}\n"
                                       << Files() << QStringList{QStringLiteral("6:37:github.expression-syntax")}
                                       << QStringLiteral("unexpected end");
    QTest::newRow("unknown context") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ gihtub.ref }}\"\n"
                                     << Files() << QStringList{QStringLiteral("6:24:github.unknown-context")}
                                     << QStringLiteral("did you mean 'github'");
    QTest::newRow("unknown function") << head
            + "  build:\n    runs-on: ubuntu-latest\n    if: contain(github.ref, 'main')\n    steps: [{run: a}]\n"
                                      << Files() << QStringList{QStringLiteral("5:9:github.unknown-function")}
                                      << QStringLiteral("did you mean 'contains'");
    QTest::newRow("condition syntax") << head
            + "  build:\n    runs-on: ubuntu-latest\n    if: github.ref == 'main' &&\n    steps: [{run: a}]\n"
                                      << Files() << QStringList{QStringLiteral("5:32:github.expression-syntax")}
                                      << QStringLiteral("unexpected end");
    QTest::newRow("unclosed expression") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.ref\n"
                                         << Files() << QStringList{QStringLiteral("6:19:github.expression-syntax")}
                                         << QStringLiteral("not closed");
    QTest::newRow("needs context") << head + job
            + "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.build.result }}\n"
                                   << Files() << QStringList{QStringLiteral("10:29:github.needs-context")}
                                   << QStringLiteral("not in the needs of job 'test'");
    QTest::newRow("unknown step id") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: version\n        run: echo v=1 >> "
              "$GITHUB_OUTPUT\n"
              "      - run: echo ${{ steps.verison.outputs.v }}\n"
                                     << Files() << QStringList{QStringLiteral("8:29:github.unknown-step")}
                                     << QStringLiteral("did you mean 'version'");
    QTest::newRow("unknown matrix key") << head
            + "  build:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        OS: [ubuntu-latest]\n"
              "        include:\n          - os: macos-latest\n            arch: arm\n    steps:\n      - run: echo "
              "${{ "
              "matrix.arhc }}\n" << Files()
                                        << QStringList{QStringLiteral("12:30:github.unknown-matrix-key")}
                                        << QStringLiteral("did you mean 'arch'");
    QTest::newRow("computed matrix") << head
            + "  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON(vars.m) }}\n"
              "    steps:\n      - run: echo ${{ matrix.anything }}\n"
                                     << Files() << QStringList() << QString();
    QTest::newRow("block scalar expression") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          make\n          echo ${{ "
              "bogus.x }}\n" << Files() << QStringList{QStringLiteral("8:20:github.unknown-context")}
                                             << QStringLiteral("bogus");

    const Files callee{{QStringLiteral(".github/workflows/reusable.yml"),
                        "on:\n  workflow_call:\n    inputs:\n      version: {type: string, required: true}\n"
                        "      debug: {type: boolean}\n    secrets:\n      token: {required: true}\njobs:\n"
                        "  a:\n    runs-on: ubuntu-latest\n    steps: [{run: a}]\n"}};
    QTest::newRow("reusable call ok") << head
            + "  call:\n    uses: ./.github/workflows/reusable.yml\n    with:\n"
              "      version: '1'\n    secrets:\n      token: ${{ secrets.T }}\n"
                                      << callee << QStringList() << QString();
    const Files withOutputs{
        {QStringLiteral(".github/workflows/build.yml"),
         "on:\n  workflow_call:\n    outputs:\n      digest:\n        value: ${{ jobs.a.outputs.d }}\n"
         "jobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      d: x\n    steps: [{run: a}]\n"}};
    const QByteArray caller = head
        + "  call:\n    uses: ./.github/workflows/build.yml\n  after:\n    needs: call\n    runs-on: ubuntu-latest\n"
          "    steps:\n      - run: echo ${{ needs.call.outputs.";
    QTest::newRow("reusable call output") << caller + "digest }}\n" << withOutputs << QStringList() << QString();
    QTest::newRow("reusable call unknown output")
        << caller + "digset }}\n"
        << withOutputs << QStringList{QStringLiteral("9:42:github.unknown-job-output")}
        << QStringLiteral("did you mean 'digest'");
    QTest::newRow("reusable call mismatch")
        << head
            + "  call:\n    uses: ./.github/workflows/reusable.yml\n    with:\n      verison: '1'\n    secrets:\n"
              "      tokn: x\n"
        << callee
        << QStringList{QStringLiteral("4:11:github.missing-input"), QStringLiteral("4:11:github.missing-secret"),
                       QStringLiteral("6:7:github.unknown-input"), QStringLiteral("8:7:github.unknown-secret")}
        << QStringLiteral("did you mean 'version'");
    QTest::newRow("reusable input type") << head
            + "  call:\n    uses: ./.github/workflows/reusable.yml\n    with:\n"
              "      version: '1'\n      debug: 'yes'\n    secrets: inherit\n"
                                         << callee << QStringList{QStringLiteral("7:14:github.input-type")}
                                         << QStringLiteral("is a boolean");
    QTest::newRow("reusable inherit") << head
            + "  call:\n    uses: ./.github/workflows/reusable.yml\n    with:\n"
              "      version: '1'\n    secrets: inherit\n"
                                      << callee << QStringList() << QString();
    QTest::newRow("reusable missing file") << head + "  call:\n    uses: ./.github/workflows/nope.yml\n"
                                           << Files() << QStringList{QStringLiteral("4:11:github.local-file-not-found")}
                                           << QStringLiteral("does not exist");
    QTest::newRow("reusable with steps") << head
            + "  call:\n    uses: ./.github/workflows/reusable.yml\n    with: {version: '1'}\n"
              "    secrets: inherit\n    runs-on: ubuntu-latest\n"
                                         << callee << QStringList{QStringLiteral("7:5:github.reusable-job-key")}
                                         << QStringLiteral("runs-on");
    QTest::newRow("local action inputs") << head
            + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./tools/act\n        with:\n          "
              "colour: red\n"
                                         << Files{{QStringLiteral("tools/act/action.yml"),
                                                   "name: a\ndescription: d\ninputs:\n  color: {required: "
                                                   "true}\nruns:\n  using: node20\n  main: i.js\n"}}
                                         << QStringList{QStringLiteral("6:15:github.missing-action-input"),
                                                        QStringLiteral("8:11:github.unknown-action-input")}
                                         << QStringLiteral("did you mean 'color'");
    QTest::newRow("duplicate job id") << head + job + job << Files()
                                      << QStringList{QStringLiteral("7:3:github.duplicate-job-id")}
                                      << QStringLiteral("defined twice");
    QTest::newRow("duplicate key") << head
            + "  build:\n    runs-on: ubuntu-latest\n    runs-on: ubuntu-24.04\n    steps: [{run: a}]\n"
                                   << Files() << QStringList{QStringLiteral("5:5:yaml.duplicate-key")}
                                   << QStringLiteral("line 4");
}

void TestGitHubWorkflow::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(Files, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    const QList<Diagnostic> diagnostics = gatehouse::test::githubDiagnostics(text, files);
    QCOMPARE(describeProblems(diagnostics, false), expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messagesOf(diagnostics).contains(messagePart), qPrintable(messagesOf(diagnostics)));
}

void TestGitHubWorkflow::model()
{
    const QByteArray text = head
        + "  build:\n    runs-on: ubuntu-latest\n    container: node:20\n    timeout-minutes: 10\n    steps: [{run: "
          "a}]\n"
          "  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n"
          "    continue-on-error: true\n    steps: [{run: a}]\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = GitHubWorkflow::analyze(text, QStringLiteral(".github/workflows/ci.yml"), {}, diagnostics);
    QCOMPARE(describeProblems(diagnostics, false), QStringList());
    QCOMPARE(model.jobs.size(), 2);
    QCOMPARE(model.jobs[0].image, QStringLiteral("node:20"));
    QCOMPARE(model.jobs[0].timeoutMinutes, 10);
    QCOMPARE(model.jobs[1].needs, QStringList{QStringLiteral("build")});
    QCOMPARE(model.jobs[1].environment, QStringLiteral("production"));
    QVERIFY(model.jobs[1].allowFailure);
    QCOMPARE(model.jobs[1].line, 8);
}

void TestGitHubWorkflow::actionMetadata()
{
    QList<Diagnostic> diagnostics;
    GitHubWorkflow::analyze("name: x\nruns:\n  using: composite\n  steps:\n    - run: a\n      shell: bash\n",
                            QStringLiteral("tools/action.yml"), {}, diagnostics);
    QCOMPARE(describeProblems(diagnostics, false), QStringList{QStringLiteral("1:1:github.missing-key")});
    QVERIFY(messagesOf(diagnostics).contains(QStringLiteral("'description'")));
}

QTEST_GUILESS_MAIN(TestGitHubWorkflow)
#include "tst_githubworkflow.moc"
