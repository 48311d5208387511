// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"

#include "Corpus.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {

struct CorpusFile
{
    QString localPath; ///< in the corpus folder
    QString repo; ///< "owner__repo"
    QString path; ///< its path in the source repository
    PipelineKind kind;
};

} // namespace

// Declared before any use: QTest::addColumn instantiates the metatype id.
Q_DECLARE_METATYPE(CorpusFile)

namespace {

/// Corpus files are named owner__repo__path__with__slashes (see SOURCES.md).
QList<CorpusFile> corpusFiles()
{
    QList<CorpusFile> files;
    const QDir root(gatehouse::test::corpusPath(QStringLiteral("pipelines")));
    for (const auto& [dir, kind] : {std::pair{QStringLiteral("gitlab"), PipelineKind::GitLab},
                                    std::pair{QStringLiteral("github"), PipelineKind::GitHub}}) {
        const QDir sub(root.filePath(dir));
        for (const QString& name : sub.entryList(QDir::Files, QDir::Name)) {
            const QStringList parts = name.split(QStringLiteral("__"));
            if (parts.size() < 3)
                continue;
            CorpusFile file;
            file.localPath = sub.filePath(name);
            file.repo = parts[0] + QStringLiteral("__") + parts[1];
            file.path = parts.mid(2).join(u'/');
            if (kind == PipelineKind::GitHub)
                file.path = QStringLiteral(".github/workflows/") + file.path;
            file.kind = kind;
            files.append(file);
        }
    }
    return files;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString describe(const QList<Diagnostic>& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines << QStringLiteral("%1:%2:%3: %4: %5 [%6]")
                     .arg(d.file)
                     .arg(d.line)
                     .arg(d.column)
                     .arg(severityName(d.severity), d.message, d.rule);
    return lines.join(u'\n');
}

} // namespace

class TestPipelineValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusHasNoErrors_data();
    void corpusHasNoErrors();
    void detectKind_data();
    void detectKind();
    void gatesDisabled();
    void concurrentValidation();
    void parallelGatesMatchSequential_data();
    void parallelGatesMatchSequential();
};

void TestPipelineValidator::corpusHasNoErrors_data()
{
    QTest::addColumn<CorpusFile>("file");
    GATEHOUSE_REQUIRE_CORPUS();
    const QList<CorpusFile> files = corpusFiles();
    for (const CorpusFile& file : files)
        QTest::newRow(qPrintable(QFileInfo(file.localPath).fileName())) << file;
}

void TestPipelineValidator::corpusHasNoErrors()
{
    QFETCH(CorpusFile, file);
    // The other corpus files of the same repository stand in for it (gitlab-runner's main file includes its
    // .gitlab/ci/*.gitlab-ci.yml files). The map is not the whole repository (`complete` false), so an include
    // of a file the corpus does not carry is a warning, not an error.
    QHash<QString, QByteArray> siblings;
    for (const CorpusFile& other : corpusFiles()) {
        if (other.repo == file.repo)
            siblings.insert(other.path, readAll(other.localPath));
    }
    ValidationOptions options;
    options.kind = file.kind;
    options.files = FileSource::fromMap(siblings, false);
    QElapsedTimer timer;
    timer.start();
    const ValidationResult result = validatePipeline(readAll(file.localPath), file.path, options);
    QList<Diagnostic> errors;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error && d.category != Category::Gate)
            errors.append(d);
    }
    if (qEnvironmentVariableIsSet("GATEHOUSE_PRINT_DIAGNOSTICS"))
        qInfo().noquote() << describe(result.diagnostics);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QVERIFY(!result.model.jobs.isEmpty() || file.kind == PipelineKind::GitLab);
    QVERIFY2(timer.elapsed() < 5000, "validation must stay fast");
}

void TestPipelineValidator::detectKind_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("gitlab root") << QStringLiteral(".gitlab-ci.yml") << QByteArray("a:\n  script: x\n")
                                 << int(PipelineKind::GitLab);
    QTest::newRow("workflow dir") << QStringLiteral(".github/workflows/ci.yml") << QByteArray("x: 1\n")
                                  << int(PipelineKind::GitHub);
    QTest::newRow("content on+jobs") << QStringLiteral("ci.yml") << QByteArray("on: push\njobs:\n  a: {}\n")
                                     << int(PipelineKind::GitHub);
    QTest::newRow("action") << QStringLiteral("tools/action.yml") << QByteArray("runs:\n  using: node20\n")
                            << int(PipelineKind::GitHub);
    QTest::newRow("other yaml") << QStringLiteral("ci/build.yml") << QByteArray("build:\n  script: make\n")
                                << int(PipelineKind::GitLab);
}

void TestPipelineValidator::detectKind()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QCOMPARE(int(pipeline::detectKind(path, text)), kind);
}

void TestPipelineValidator::gatesDisabled()
{
    const QByteArray text = "build:\n  image: alpine\n  script: make\n";
    ValidationOptions options;
    const ValidationResult withGates = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
    options.gates = false;
    const ValidationResult withoutGates = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
    const auto gateCount = [](const ValidationResult& r) {
        return std::count_if(r.diagnostics.cbegin(), r.diagnostics.cend(),
                             [](const Diagnostic& d) { return d.category == Category::Gate; });
    };
    QVERIFY(gateCount(withGates) > 0); // no scans, untagged image
    QCOMPARE(gateCount(withoutGates), 0);
}

void TestPipelineValidator::concurrentValidation()
{
    // The editor validates on worker threads: results must not depend on which thread or how many run at once.
    GATEHOUSE_REQUIRE_CORPUS();
    QList<CorpusFile> files = corpusFiles();
    files += files; // the same inputs twice, in parallel
    const auto validate = [](const CorpusFile& file) {
        ValidationOptions options;
        options.kind = file.kind;
        return describe(validatePipeline(readAll(file.localPath), file.path, options).diagnostics);
    };
    QStringList sequential;
    for (const CorpusFile& file : std::as_const(files))
        sequential << validate(file);
    const QStringList parallel = QtConcurrent::blockingMapped<QStringList>(files, validate);
    QCOMPARE(parallel, sequential);
}

void TestPipelineValidator::parallelGatesMatchSequential_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<bool>("syntaxError");
    QTest::newRow("below the threshold") << 20 << false;
    QTest::newRow("large pipeline") << 600 << false;
    QTest::newRow("large pipeline with a syntax error") << 600 << true;
}

void TestPipelineValidator::parallelGatesMatchSequential()
{
    // A large pipeline runs its gates on a second thread beside the analyzer's checks: same diagnostics, same
    // satisfied gates on every job, as when everything runs on one thread.
    QFETCH(int, jobs);
    QFETCH(bool, syntaxError);
    QByteArray text = "stages: [build, test, deploy]\nvariables:\n  API_TOKEN: Zq8mR2vLx9TfK3wPb7Yc1NdH5sJg\n";
    for (int i = 0; i < jobs; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 3 == 0)
            text += "build-" + n + ":\n  stage: build\n  image: alpine:3.19\n  script: make part-" + n + "\n";
        else if (i % 3 == 1)
            text += "test-" + n + ":\n  stage: test\n  image: python@sha256:" + QByteArray(64, 'a')
                + "\n  script: [pip-audit, semgrep --config auto]\n  needs: [build-" + QByteArray::number(i - 1)
                + "]\n  allow_failure: true\n  timeout: 3h\n";
        else
            text += "deploy-" + n
                + ":\n  stage: deploy\n  image: node:latest\n  script: ./deploy.sh --prod\n"
                  "  environment: production\n  needs: [build-"
                + QByteArray::number(i - 2) + "]\n";
    }
    if (syntaxError)
        text += "broken: [unclosed\n";
    ValidationOptions options;
    const ValidationResult parallel = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
    options.parallel = false;
    const ValidationResult sequential = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"), options);
    QCOMPARE(describe(parallel.diagnostics), describe(sequential.diagnostics));
    QCOMPARE(parallel.model.jobs.size(), sequential.model.jobs.size());
    for (qsizetype i = 0; i < parallel.model.jobs.size(); ++i)
        QCOMPARE(parallel.model.jobs.at(i).gates, sequential.model.jobs.at(i).gates);
    const bool hasGates = std::any_of(parallel.diagnostics.cbegin(), parallel.diagnostics.cend(),
                                      [](const Diagnostic& d) { return d.category == Category::Gate; });
    QCOMPARE(hasGates, !syntaxError);
}

QTEST_GUILESS_MAIN(TestPipelineValidator)
#include "tst_pipelinevalidator.moc"
