// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Validation speed: the editor revalidates on every pause, so a large GitLab pipeline must stay well under a
// frame (16 ms). Also times the GitHub part of the corpus, for comparison with actionlint (see the closing note).
#include "NeedsChain.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/YamlReader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace gatehouse::pipeline;

namespace {

/// A realistic ~3,000-line pipeline: templates with anchors, extends chains, !reference, rules, needs, matrices.
QByteArray generatedPipeline(int lines)
{
    QByteArray text = "stages: [build, test, security, deploy]\n"
                      "variables:\n  GIT_DEPTH: '20'\n  DOCKER_DRIVER: overlay2\n"
                      "default:\n  image: registry.example.com/ci/base:1.4.2\n  interruptible: true\n"
                      ".rules: &rules\n  rules:\n    - if: $CI_PIPELINE_SOURCE == 'merge_request_event'\n"
                      "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
                      ".setup:\n  before_script:\n    - apt-get update -qq\n    - make deps\n"
                      ".base:\n  <<: *rules\n  extends: .setup\n  retry: {max: 2, when: [runner_system_failure]}\n"
                      "  artifacts: {expire_in: 1 week, paths: [out/]}\n";
    int i = 0;
    while (text.count('\n') < lines) {
        const QByteArray n = QByteArray::number(i);
        text += "build-" + n
            + ":\n  extends: .base\n  stage: build\n  script:\n    - !reference [.setup, before_script]\n"
              "    - make -j4 target-"
            + n + "\n    - make install DESTDIR=out\n  variables:\n    TARGET: t" + n + "\n  cache:\n    key: build-"
            + n + "\n    paths: [.cache/]\n";
        text += "test-" + n + ":\n  extends: .base\n  stage: test\n  needs: [build-" + n
            + "]\n  script:\n    - make check\n  parallel:\n    matrix:\n      - OS: [debian, fedora]\n"
              "        ARCH: [amd64, arm64]\n  artifacts:\n    reports:\n      junit: report.xml\n";
        text += "scan-" + n + ":\n  stage: security\n  needs: [build-" + n
            + "]\n  script: semgrep ci\n"
              "  allow_failure: false\n";
        ++i;
    }
    text += "deploy:\n  stage: deploy\n  script: ./deploy.sh\n  environment: {name: production, url: "
            "https://example.com}\n"
            "  when: manual\n";
    return text;
}

} // namespace

class BenchPipelineValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gitlab3000Lines();
    void gitlab3000LinesWithoutGates();
    void gitlab3000LinesYamlOnly();
    void githubCorpus();
    void needsChain40000_data();
    void needsChain40000();
};

void BenchPipelineValidation::gitlab3000Lines()
{
    const QByteArray text = generatedPipeline(3000);
    const ValidationResult check = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
    QVERIFY(check.count(Severity::Error) == 0);
    QVERIFY(check.model.jobs.size() > 500);
    qInfo("pipeline: %lld lines, %lld jobs after matrix expansion", qlonglong(text.count('\n')),
          qlonglong(check.model.jobs.size()));
    QBENCHMARK
    {
        const ValidationResult result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(!result.model.jobs.isEmpty());
    }
}

void BenchPipelineValidation::gitlab3000LinesWithoutGates()
{
    const QByteArray text = generatedPipeline(3000);
    ValidationOptions options;
    options.gates = false;
    QBENCHMARK
    {
        const ValidationResult result = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
        QVERIFY(!result.model.jobs.isEmpty());
    }
}

void BenchPipelineValidation::gitlab3000LinesYamlOnly()
{
    // The share of the time spent in yaml-cpp's parser (with positions, merges and limits).
    const QByteArray text = generatedPipeline(3000);
    QBENCHMARK
    {
        const YamlDocumentSet set = readYaml(text, QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(set.ok);
    }
}

void BenchPipelineValidation::githubCorpus()
{
    const QDir dir(QStringLiteral(GATEHOUSE_CORPUS_DIR "/pipelines/github"));
    QList<QByteArray> texts;
    for (const QString& name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            texts.append(file.readAll());
    }
    if (texts.isEmpty())
        QSKIP("corpus not available");
    qInfo("GitHub corpus: %lld workflows", qlonglong(texts.size()));
    QBENCHMARK
    {
        for (const QByteArray& text : std::as_const(texts))
            validatePipeline(text, QStringLiteral(".github/workflows/w.yml"));
    }
}

void BenchPipelineValidation::needsChain40000_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("gitlab") << int(PipelineKind::GitLab);
    QTest::newRow("github") << int(PipelineKind::GitHub);
}

// 40,000 jobs in one needs chain, with all gates: every check must be linear or n·log n (the goal is under 2 s in a
// release build; a quadratic step takes minutes here).
void BenchPipelineValidation::needsChain40000()
{
    QFETCH(int, kind);
    const QByteArray text = gatehouse::test::needsChainPipeline(PipelineKind(kind), 40000);
    const QString path = kind == int(PipelineKind::GitLab) ? QStringLiteral(".gitlab-ci.yml")
                                                           : QStringLiteral(".github/workflows/chain.yml");
    QElapsedTimer timer;
    timer.start();
    QBENCHMARK_ONCE
    {
        const ValidationResult result = validatePipeline(text, path);
        QCOMPARE(result.model.jobs.size(), 40000);
        QCOMPARE(result.count(Severity::Error), 0);
    }
    qInfo("%s: %lld lines, %lld ms", kind == int(PipelineKind::GitLab) ? "gitlab" : "github",
          qlonglong(text.count('\n')), qlonglong(timer.elapsed()));
}

QTEST_GUILESS_MAIN(BenchPipelineValidation)
#include "bench_pipelinevalidation.moc"
