// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GitLabPipeline.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {

using Files = QHash<QString, QByteArray>;

PipelineModel analyze(const QByteArray& text, QList<Diagnostic>& diagnostics, const Files& files = {},
                      const QString& path = QStringLiteral(".gitlab-ci.yml"))
{
    return GitLabPipeline::analyze(text, path, FileSource::fromMap(files, true), diagnostics);
}

QStringList describe(const QList<Diagnostic>& diagnostics, Severity minimum = Severity::Warning)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (int(d.severity) > int(minimum))
            continue;
        out << QStringLiteral("%1:%2:%3:%4").arg(d.file).arg(d.line).arg(d.column).arg(d.rule);
    }
    return out;
}

QString messages(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << d.message;
    return out.join(u'\n');
}

const PipelineJob* job(const PipelineModel& model, const QString& name)
{
    return model.job(name);
}

} // namespace

class TestGitLabPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void deepExtendsMerge();
    void referencesInScriptsAndRules();
    void anchorsWithMergeKeys();
    void matrixNames_data();
    void matrixNames();
    void needsOnParallelJob();
    void defaultsAndInherit();
    void stages();
    void includeLocalMerge();
    void includeWildcard();
    void specHeader();
    void fragmentIsLenient();
};

void TestGitLabPipeline::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected"); // file:line:column:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("undefined stage") << QByteArray("stages: [build]\njob:\n  stage: tests\n  script: x\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:3:10:gitlab.undefined-stage")}
                                     << QStringLiteral("available stages: .pre, build, .post");
    QTest::newRow("default stage missing")
        << QByteArray("stages: [build]\njob:\n  script: x\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:1:gitlab.undefined-stage")} << QStringLiteral("'test'");
    QTest::newRow("needs unknown job") << QByteArray("a:\n  script: x\nb:\n  script: x\n  needs: [c]\n") << Files()
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-unknown-job")}
                                       << QStringLiteral("needs 'c'");
    QTest::newRow("needs hidden job") << QByteArray(".a:\n  script: x\nb:\n  script: x\n  needs: [.a]\n") << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-unknown-job")}
                                      << QStringLiteral("hidden");
    QTest::newRow("optional needs") << QByteArray("b:\n  script: x\n  needs:\n    - job: c\n      optional: true\n")
                                    << Files() << QStringList() << QString();
    QTest::newRow("needs later stage") << QByteArray(
        "stages: [build, test]\na:\n  stage: build\n  script: x\n  needs: [b]\nb:\n  stage: test\n  "
        "script: x\n") << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-later-stage")}
                                       << QStringLiteral("later stage test");
    QTest::newRow("duplicate needs") << QByteArray("a:\n  script: x\nb:\n  script: x\n  needs: [a, a]\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.duplicate-needs")}
                                     << QStringLiteral("twice");
    QTest::newRow("needs cycle") << QByteArray("a:\n  script: x\n  needs: [b]\nb:\n  script: x\n  needs: [a]\n")
                                 << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.needs-cycle")}
                                 << QStringLiteral("a → b → a");
    QTest::newRow("needs matrix instance")
        << QByteArray(
               "build:\n  stage: build\n  script: x\n  parallel:\n    matrix:\n      - OS: [linux, mac]\n"
               "test:\n  script: x\n  needs:\n    - job: build\n      parallel:\n        matrix:\n"
               "          - OS: linux\n    - job: build\n      parallel:\n        matrix:\n          - OS: win\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:15:7:gitlab.needs-unknown-instance")}
        << QStringLiteral("'build: [win]'");
    QTest::newRow("dependencies unknown")
        << QByteArray("a:\n  script: x\n  dependencies: [zz]\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:18:gitlab.dependencies-unknown-job")} << QStringLiteral("'zz'");
    QTest::newRow("dependencies later stage")
        << QByteArray("a:\n  stage: build\n  script: x\n  dependencies: [b]\nb:\n  stage: deploy\n  script: x\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:4:18:gitlab.dependencies-later-stage")}
        << QStringLiteral("later stage deploy");
    QTest::newRow("dependencies not in needs")
        << QByteArray("a:\n  stage: build\n  script: x\nb:\n  stage: test\n  script: x\n  needs: []\n  "
                      "dependencies: [a]\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:8:18:gitlab.dependencies-not-in-needs")}
        << QStringLiteral("subset");
    QTest::newRow("extends unknown") << QByteArray(".base:\n  image: a\njob:\n  extends: .bsae\n  script: x\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:4:12:gitlab.extends-unknown")}
                                     << QStringLiteral("did you mean '.base'");
    QTest::newRow("extends loop") << QByteArray(
        ".a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: x\n")
                                  << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:4:12:gitlab.extends-cycle")}
                                  << QStringLiteral(".a → .b → .a");
    QByteArray deep = "job:\n  extends: .t1\n  script: x\n";
    for (int i = 1; i <= 12; ++i)
        deep += QStringLiteral(".t%1:\n  extends: .t%2\n").arg(i).arg(i + 1).toUtf8();
    deep += ".t13:\n  image: a\n";
    QTest::newRow("extends too deep") << deep << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:25:12:gitlab.extends-too-deep")}
                                      << QStringLiteral("GitLab allows 11");
    QTest::newRow("rules with only") << QByteArray("job:\n  script: x\n  rules:\n    - when: always\n  only: [main]\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:3:gitlab.rules-with-only-except")}
                                     << QStringLiteral("rules");
    QTest::newRow("rules with when") << QByteArray("job:\n  script: x\n  rules:\n    - if: $A\n  when: manual\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:3:gitlab.rules-with-when")}
                                     << QStringLiteral("inside the rules");
    QTest::newRow("no visible job") << QByteArray(".hidden:\n  script: x\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.no-visible-job")}
                                    << QStringLiteral("visible");
    QTest::newRow("missing script") << QByteArray("job:\n  stage: test\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.missing-script")}
                                    << QStringLiteral("script, trigger or run");
    QTest::newRow("trigger job") << QByteArray("job:\n  trigger: group/project\n") << Files() << QStringList()
                                 << QString();
    QTest::newRow("on_stop unknown") << QByteArray(
        "deploy:\n  script: x\n  environment:\n    name: review\n    on_stop: stop_reveiw\nstop_review:\n  "
        "script: x\n  environment:\n    name: review\n    action: stop\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.on-stop-unknown-job")}
                                     << QStringLiteral("did you mean 'stop_review'");
    QTest::newRow("on_stop inconsistent")
        << QByteArray("deploy:\n  script: x\n  environment:\n    name: review\n    on_stop: stop\nstop:\n  script: x\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.on-stop-inconsistent")}
        << QStringLiteral("action: stop");
    QTest::newRow("delayed without start_in")
        << QByteArray("job:\n  script: x\n  when: delayed\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.delayed-without-start-in")}
        << QStringLiteral("start_in");
    QTest::newRow("unknown key") << QByteArray("job:\n  scirpt: x\n  script: y\n") << Files()
                                 << QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.unknown-key")}
                                 << QStringLiteral("did you mean 'script'");
    QTest::newRow("invalid when") << QByteArray("job:\n  script: y\n  when: manul\n") << Files()
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.invalid-value")}
                                  << QStringLiteral("did you mean 'manual'");
    QTest::newRow("wrong type") << QByteArray("job:\n  script: y\n  tags: {a: 1}\n") << Files()
                                << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.wrong-type")}
                                << QStringLiteral("a string or a sequence");
    QTest::newRow("parallel range") << QByteArray("job:\n  script: y\n  parallel: 500\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.out-of-range")}
                                    << QStringLiteral("between 1 and 200");
    QTest::newRow("environment needs name")
        << QByteArray("job:\n  script: y\n  environment:\n    url: https://x\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.missing-key")} << QStringLiteral("'name'");
    QTest::newRow("misspelt top-level keyword") << QByteArray("stage: [a]\njob:\n  script: y\n") << Files()
                                                << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.unknown-key")}
                                                << QStringLiteral("did you mean 'stages'");
    QTest::newRow("reference not found")
        << QByteArray(".setup:\n  script: [a]\njob:\n  script: !reference [.setup, scirpt]\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:11:gitlab.reference-not-found")}
        << QStringLiteral("did you mean 'script'");
    QTest::newRow("include cycle") << QByteArray("include: a.yml\njob:\n  script: x\n")
                                   << Files{{QStringLiteral("a.yml"), "include: b.yml\n"},
                                            {QStringLiteral("b.yml"), "include:\n  - local: a.yml\n"}}
                                   << QStringList{QStringLiteral("b.yml:2:5:gitlab.include-cycle")}
                                   << QStringLiteral(".gitlab-ci.yml → a.yml → b.yml → a.yml");
    QTest::newRow("include missing") << QByteArray("include:\n  - local: /ci/nope.yml\njob:\n  script: x\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:2:5:gitlab.include-not-found")}
                                     << QStringLiteral("ci/nope.yml");
    QTest::newRow("child pipeline missing")
        << QByteArray("child:\n  trigger:\n    include: ci/child.yml\nother:\n  trigger:\n    include:\n"
                      "      - local: ci/there.yml\n")
        << Files{{QStringLiteral("ci/there.yml"), "a:\n  script: x\n"}}
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:14:gitlab.include-not-found")}
        << QStringLiteral("ci/child.yml");
    QTest::newRow("variable options") << QByteArray(
        "variables:\n  ENV:\n    value: prod\n    options: [staging, production]\njob:\n  script: x\n"
        "  variables:\n    X:\n      value: '1'\n      description: no\n")
                                      << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:3:12:gitlab.invalid-value"),
                                                     QStringLiteral(".gitlab-ci.yml:10:7:gitlab.unknown-key")}
                                      << QStringLiteral("staging, production");
    QTest::newRow("error inside include")
        << QByteArray("include: ci/jobs.yml\n")
        << Files{{QStringLiteral("ci/jobs.yml"), "job:\n  script: x\n  when: sometimes\n"}}
        << QStringList{QStringLiteral("ci/jobs.yml:3:9:gitlab.invalid-value")} << QStringLiteral("sometimes");
    QTest::newRow("syntax error") << QByteArray("job:\n  script: [x\n") << Files()
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:3:1:yaml.syntax")} << QString();
}

void TestGitLabPipeline::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(Files, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics, files);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describe(diagnostics), expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messages(diagnostics).contains(messagePart), qPrintable(messages(diagnostics)));
}

void TestGitLabPipeline::deepExtendsMerge()
{
    const QByteArray text = ".base:\n"
                            "  image: alpine:3.19\n"
                            "  variables: {A: '1', B: '1'}\n"
                            "  script: [base]\n"
                            "  artifacts: {paths: [a], when: always}\n"
                            ".mid:\n"
                            "  extends: .base\n"
                            "  variables: {B: '2'}\n"
                            "  artifacts: {paths: [m]}\n"
                            ".other:\n"
                            "  image: debian:12\n"
                            "job:\n"
                            "  extends: [.mid, .other]\n"
                            "  variables: {C: '3'}\n"
                            "  script: [own]\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    // Hashes merge key by key, arrays and scalars replace; later parents win over earlier ones.
    QCOMPARE(j->config.get(u"variables")->keyNames(),
             (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(j->config.get(u"variables")->get(u"B")->value, QStringLiteral("2"));
    QCOMPARE(j->config.get(u"script")->toStringList(), QStringList{QStringLiteral("own")});
    QCOMPARE(j->config.get(u"artifacts")->get(u"paths")->toStringList(), QStringList{QStringLiteral("m")});
    QCOMPARE(j->config.get(u"artifacts")->get(u"when")->value, QStringLiteral("always"));
    QCOMPARE(j->image, QStringLiteral("debian:12"));
    QVERIFY(!j->config.contains(u"extends"));
    // The inherited value still points at its definition.
    QCOMPARE(j->config.get(u"variables")->get(u"A")->line, 3);
}

void TestGitLabPipeline::referencesInScriptsAndRules()
{
    const QByteArray text = ".setup:\n"
                            "  script:\n"
                            "    - echo one\n"
                            "    - echo two\n"
                            ".rules:\n"
                            "  rules:\n"
                            "    - if: $CI_COMMIT_TAG\n"
                            "      when: manual\n"
                            ".tmpl:\n"
                            "  extends: .setup\n"
                            "job:\n"
                            "  script:\n"
                            "    - !reference [.tmpl, script]\n"
                            "    - echo three\n"
                            "  rules:\n"
                            "    - !reference [.rules, rules]\n"
                            "    - when: never\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    QCOMPARE(j->config.get(u"script")->toStringList(),
             (QStringList{QStringLiteral("echo one"), QStringLiteral("echo two"), QStringLiteral("echo three")}));
    const YamlNode* rules = j->config.get(u"rules");
    QCOMPARE(rules->size(), 2);
    QCOMPARE(rules->items[0].get(u"when")->value, QStringLiteral("manual"));
    QCOMPARE(rules->items[0].line, 7);
}

void TestGitLabPipeline::anchorsWithMergeKeys()
{
    const QByteArray text = ".tmpl: &tmpl\n"
                            "  image: alpine:3\n"
                            "  tags: [docker]\n"
                            "  script: [a]\n"
                            "job:\n"
                            "  <<: *tmpl\n"
                            "  tags: [shell]\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    QCOMPARE(j->image, QStringLiteral("alpine:3"));
    QCOMPARE(j->config.get(u"tags")->toStringList(), QStringList{QStringLiteral("shell")});
    QCOMPARE(j->config.get(u"script")->toStringList(), QStringList{QStringLiteral("a")});
}

void TestGitLabPipeline::matrixNames_data()
{
    QTest::addColumn<QByteArray>("parallel");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("number") << QByteArray(
        "3") << QStringList{QStringLiteral("job 1/3"), QStringLiteral("job 2/3"), QStringLiteral("job 3/3")};
    QTest::newRow("matrix product") << QByteArray(
        "\n    matrix:\n      - PROVIDER: [aws, gcp]\n        STACK: [a, b]\n")
                                    << QStringList{QStringLiteral("job: [aws, a]"), QStringLiteral("job: [aws, b]"),
                                                   QStringLiteral("job: [gcp, a]"), QStringLiteral("job: [gcp, b]")};
    QTest::newRow("matrix scalars and entries")
        << QByteArray("\n    matrix:\n      - PROVIDER: ovh\n        STACK: [x]\n      - PROVIDER: [aws]\n")
        << QStringList{QStringLiteral("job: [ovh, x]"), QStringLiteral("job: [aws]")};
}

void TestGitLabPipeline::matrixNames()
{
    QFETCH(QByteArray, parallel);
    QFETCH(QStringList, names);
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze("job:\n  script: x\n  parallel: " + parallel + "\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QStringList got;
    for (const PipelineJob& j : model.jobs) {
        got << j.name;
        QCOMPARE(j.baseName, QStringLiteral("job"));
    }
    QCOMPARE(got, names);
}

void TestGitLabPipeline::needsOnParallelJob()
{
    const QByteArray text = "stages: [build, test]\n"
                            "build:\n  stage: build\n  script: x\n  parallel: 2\n"
                            "test:\n  stage: test\n  script: x\n  needs: [build, 'build 1/2']\n";
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
}

void TestGitLabPipeline::defaultsAndInherit()
{
    const QByteArray text = "default:\n  image: ruby:3.3\n  before_script: [setup]\n"
                            "a:\n  script: x\n"
                            "b:\n  script: x\n  inherit:\n    default: [before_script]\n"
                            "c:\n  script: x\n  image: alpine:3\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(job(model, QStringLiteral("a"))->image, QStringLiteral("ruby:3.3"));
    QVERIFY(job(model, QStringLiteral("a"))->config.contains(u"before_script"));
    QCOMPARE(job(model, QStringLiteral("b"))->image, QString());
    QVERIFY(job(model, QStringLiteral("b"))->config.contains(u"before_script"));
    QCOMPARE(job(model, QStringLiteral("c"))->image, QStringLiteral("alpine:3"));
}

void TestGitLabPipeline::stages()
{
    QList<Diagnostic> diagnostics;
    PipelineModel model = analyze("job:\n  script: x\n", diagnostics);
    QCOMPARE(model.stages,
             (QStringList{QStringLiteral(".pre"), QStringLiteral("build"), QStringLiteral("test"),
                          QStringLiteral("deploy"), QStringLiteral(".post")}));
    QCOMPARE(model.jobs.first().stage, QStringLiteral("test"));
    model = analyze("stages: [lint, .post, ship]\njob:\n  stage: ship\n  script: x\n", diagnostics);
    QCOMPARE(
        model.stages,
        (QStringList{QStringLiteral(".pre"), QStringLiteral("lint"), QStringLiteral("ship"), QStringLiteral(".post")}));
}

void TestGitLabPipeline::includeLocalMerge()
{
    const Files files{{QStringLiteral("ci/base.yml"),
                       "variables:\n  A: base\n  B: base\nbuild:\n  script: [make]\n  variables: {X: '1'}\n"}};
    const QByteArray text = "include:\n  - local: ci/base.yml\nvariables:\n  B: main\nbuild:\n  variables: {Y: '2'}\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics, files);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(model.files, (QStringList{QStringLiteral(".gitlab-ci.yml"), QStringLiteral("ci/base.yml")}));
    const PipelineJob* build = job(model, QStringLiteral("build"));
    QVERIFY(build);
    QCOMPARE(build->file, QStringLiteral(".gitlab-ci.yml"));
    QCOMPARE(build->config.get(u"script")->toStringList(), QStringList{QStringLiteral("make")});
    QCOMPARE(build->config.get(u"variables")->keyNames(), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
    QCOMPARE(model.merged.get(u"variables")->get(u"B")->value, QStringLiteral("main"));
    QCOMPARE(model.merged.get(u"variables")->get(u"A")->value, QStringLiteral("base"));
    QVERIFY(!model.merged.contains(u"include"));
}

void TestGitLabPipeline::includeWildcard()
{
    const Files files{{QStringLiteral(".gitlab/ci/a.gitlab-ci.yml"), "a:\n  script: x\n"},
                      {QStringLiteral(".gitlab/ci/b.gitlab-ci.yml"), "b:\n  script: x\n"},
                      {QStringLiteral(".gitlab/other.yml"), "c:\n  script: x\n"}};
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze("include: '.gitlab/ci/*.gitlab-ci.yml'\n", diagnostics, files);
    QCOMPARE(describe(diagnostics), QStringList());
    QStringList names;
    for (const PipelineJob& j : model.jobs)
        names << j.name;
    QCOMPARE(names, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestGitLabPipeline::specHeader()
{
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = analyze("spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  script: x\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(model.jobs.size(), 1);
    analyze("spec:\n  inputz: {}\n---\njob:\n  script: x\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.unknown-key")});
}

void TestGitLabPipeline::fragmentIsLenient()
{
    // An included fragment may use templates, stages and jobs of the file that includes it.
    const QByteArray text = "test:\n  extends: .defined-elsewhere\n  stage: verify\n  needs: [build]\n";
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics, {}, QStringLiteral(".gitlab/ci/test.gitlab-ci.yml"));
    QCOMPARE(describe(diagnostics, Severity::Error), QStringList());
    QCOMPARE(describe(diagnostics).size(), 3);
    diagnostics.clear();
    analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics, Severity::Error).size(), 3);
}

QTEST_GUILESS_MAIN(TestGitLabPipeline)
#include "tst_gitlabpipeline.moc"
