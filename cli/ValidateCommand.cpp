// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ValidationReport.h"
#include "pipeline/script/ShellCheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace gatehouse::cli {

using namespace gatehouse::pipeline;

namespace {

/// Reads a file given on the command line: from the repository source when it lies inside it, else from disk.
struct InputFile
{
    QString displayPath; ///< repository-relative when inside the repository
    QByteArray text;
    QString error; ///< set when unreadable
    bool outsideRepository = false; ///< its includes and local actions cannot be looked up in the repository
};

InputFile readInput(const QString& argument, const QString& workDir, const QString& revision, const FileSource& files)
{
    InputFile input;
    const QFileInfo info(QDir::current().absoluteFilePath(argument));
    QString relative = argument;
    if (!workDir.isEmpty()) {
        const QString candidate = QDir(workDir).relativeFilePath(info.absoluteFilePath());
        if (!candidate.startsWith(u"..") && (info.exists() || !revision.isEmpty()))
            relative = candidate;
    }
    if (!revision.isEmpty() && files.isValid()) {
        input.displayPath = relative;
        const Result<QByteArray> text = files.read(relative);
        if (!text)
            input.error = text.error().toString();
        else
            input.text = text.value();
        return input;
    }
    input.outsideRepository = workDir.isEmpty() || relative.startsWith(u"..") || QDir::isAbsolutePath(relative);
    input.displayPath = input.outsideRepository ? argument : relative;
    if (info.isDir()) {
        input.error = QStringLiteral("%1 is a directory; expected a pipeline file").arg(argument);
        return input;
    }
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        input.error = QStringLiteral("cannot read %1: %2").arg(argument, file.errorString());
        return input;
    }
    // Up to 64 MB is read and then judged by the validator (which refuses above 10 MB with a diagnostic).
    if (file.size() > (qint64(64) << 20)) {
        input.error
            = QStringLiteral("%1 is %2 MB; too large to be a pipeline file").arg(argument).arg(file.size() >> 20);
        return input;
    }
    input.text = file.readAll();
    return input;
}

struct FileOutcome
{
    ValidationResult result;
    ShellCheck::Scripts scripts;
};

/// What a run validated, kept past its end: freeing a 40,000-job model node by node takes longer than writing its
/// report, just before the process ends anyway. The last run's is held (reachable, so leak checkers stay quiet) and
/// freed when the next run of the same process hands over its own.
struct Validated
{
    QList<FileOutcome> outcomes;
    QList<ReportFile> report;
};

void keepUntilExit(Validated validated)
{
    static Validated* last = nullptr;
    delete last;
    last = new Validated(std::move(validated));
}

/// The JSON report straight to the output's device when it has one (the bytes are UTF-8 already).
void writeReportJson(QTextStream& out, const QList<ReportFile>& report)
{
    QIODevice* device = out.device();
    out.flush();
    ValidationReport::writeJson(report, [&out, device](const QByteArray& piece) {
        if (device)
            device->write(piece);
        else
            out << QString::fromUtf8(piece);
    });
}

} // namespace

// `gatehouse validate`: syntax, schema, semantic and gate checks of the repository's pipelines.
int runValidate(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const QCommandLineOption policyOption(QStringLiteral("policy"),
                                          QStringLiteral("Gate policy file (default: .gatehouse/policy.yml)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        QStringLiteral("auto|gitlab|github|circleci|jenkins (default: auto)."),
                                        QStringLiteral("KIND"), QStringLiteral("auto"));
    const QCommandLineOption categoriesOption(
        QStringLiteral("categories"),
        QStringLiteral("Comma list of syntax,schema,semantic,gate,script (default: all; script needs shellcheck)."),
        QStringLiteral("LIST"));
    const QCommandLineOption noGatesOption(QStringLiteral("no-gates"), QStringLiteral("Skip the gate checks."));
    const QCommandLineOption failOnOption(
        QStringLiteral("fail-on"),
        QStringLiteral("error|warning|info: the lowest severity that makes the exit status 1 (default: error)."),
        QStringLiteral("SEVERITY"), QStringLiteral("error"));
    parser.addOptions({policyOption, kindOption, categoriesOption, noGatesOption, failOnOption});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Pipeline files (default: every pipeline of the repository)."),
                                 QStringLiteral("[FILE…]"));
    CommonOptions options;
    if (int code
        = parseArguments(parser, QStringLiteral("validate"), arguments,
                         {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("sarif")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    ValidationOptions validation;
    const QString kind = parser.value(kindOption);
    if (kind == u"gitlab")
        validation.kind = PipelineKind::GitLab;
    else if (kind == u"github")
        validation.kind = PipelineKind::GitHub;
    else if (kind == u"circleci")
        validation.kind = PipelineKind::CircleCI;
    else if (kind == u"jenkins")
        validation.kind = PipelineKind::Jenkins;
    else if (kind != u"auto") {
        io.err << "gatehouse validate: unknown kind '" << kind << "' (expected auto|gitlab|github|circleci|jenkins)\n";
        return ExitUsage;
    }
    QSet<Category> categories
        = {Category::Syntax, Category::Schema, Category::Semantic, Category::Gate, Category::Script};
    if (parser.isSet(categoriesOption)) {
        categories.clear();
        for (const QString& name : parser.value(categoriesOption).split(u',', Qt::SkipEmptyParts)) {
            Category category;
            if (!parseCategory(name, &category)) {
                io.err << "gatehouse validate: unknown category '" << name
                       << "' (expected syntax, schema, semantic, gate, script)\n";
                return ExitUsage;
            }
            categories.insert(category);
        }
    }
    // Severities are ordered Error < Warning < Info: a finding fails the run when it is at least as severe.
    Severity failOn = Severity::Error;
    if (const QString name = parser.value(failOnOption); name == u"warning")
        failOn = Severity::Warning;
    else if (name == u"info")
        failOn = Severity::Info;
    else if (name != u"error") {
        io.err << "gatehouse validate: unknown severity '" << name << "' for --fail-on (expected error|warning|info)\n";
        return ExitUsage;
    }
    validation.gates = !parser.isSet(noGatesOption) && categories.contains(Category::Gate);
    const QStringList fileArguments = parser.positionalArguments();

    // The repository gives the included files, the file list and the policy; single files work without one.
    Result<FileSource> source = PipelineDiscovery::fileSource(options.repo, options.rev);
    QString workDir;
    if (!source) {
        if (fileArguments.isEmpty() || !options.rev.isEmpty()) {
            io.err << "gatehouse validate: " << source.error().toString() << '\n';
            return ExitUsage;
        }
    } else {
        validation.files = source.value();
        if (options.rev.isEmpty()) {
            if (Result<git::Repository> repo = git::Repository::open(options.repo))
                workDir = repo->workDir();
        }
    }

    QList<Diagnostic> policyDiagnostics;
    if (parser.isSet(policyOption)) {
        QFile file(parser.value(policyOption));
        if (!file.open(QIODevice::ReadOnly)) {
            io.err << "gatehouse validate: cannot read the policy " << parser.value(policyOption) << ": "
                   << file.errorString() << '\n';
            return ExitUsage;
        }
        validation.policy = GatePolicy::parse(file.read(1 << 20), parser.value(policyOption), &policyDiagnostics);
    } else if (validation.files.isValid()) {
        if (Result<QByteArray> text = validation.files.read(PipelineDiscovery::policyPath()))
            validation.policy = GatePolicy::parse(text.value(), PipelineDiscovery::policyPath(), &policyDiagnostics);
    }
    bool policyBroken = false;
    for (const Diagnostic& d : std::as_const(policyDiagnostics)) {
        io.err << d.file << ':' << d.line << ':' << d.column << ": " << severityName(d.severity) << ": " << d.message
               << " [" << d.rule << "]\n";
        policyBroken = policyBroken || d.severity == Severity::Error;
    }
    if (policyBroken)
        return ExitUsage;

    QList<InputFile> inputs;
    if (fileArguments.isEmpty()) {
        const QStringList discovered = PipelineDiscovery::discover(validation.files);
        if (discovered.isEmpty())
            io.err << "gatehouse validate: no pipeline found (.gitlab-ci.yml, .github/workflows/*.yml, "
                      ".circleci/config.yml)\n";
        for (const QString& path : discovered) {
            InputFile input;
            input.displayPath = path;
            const Result<QByteArray> text = validation.files.read(path);
            if (text)
                input.text = text.value();
            else
                input.error = text.error().toString();
            inputs.append(input);
        }
    } else {
        for (const QString& argument : fileArguments)
            inputs.append(readInput(argument, workDir, options.rev, validation.files));
    }

    // Each file is validated on its own, in parallel, one thread per core; the output keeps the order of the
    // inputs. The scripts of all files then go to shellcheck together (one process per core, not one per file).
    const bool scripts = categories.contains(Category::Script);
    const QString repoPath = options.repo;
    const QString revision = options.rev;
    // Reads use a repository handle of each thread's own (git handles are not shared between threads); the file
    // list stays the shared one, computed once (discovery may have done it already) and serialized by a mutex.
    QMutex listMutex; // also guards the shared handle's reads when a thread cannot open its own
    const std::function<QStringList()> sharedList = validation.files.list;
    auto validateOne = [&validation, &listMutex, &sharedList, scripts, repoPath, revision](const InputFile& input) {
        FileOutcome outcome;
        if (!input.error.isEmpty())
            return outcome;
        ValidationOptions fileOptions = validation;
        if (input.outsideRepository) {
            fileOptions.files = FileSource(); // another repository's file: its references are not checked here
        } else if (fileOptions.files.isValid()) {
            if (Result<FileSource> own = PipelineDiscovery::fileSource(repoPath, revision)) {
                fileOptions.files.read = own->read;
            } else {
                const auto sharedRead = validation.files.read; // could not reopen: the shared handle, one at a time
                fileOptions.files.read = [&listMutex, sharedRead](const QString& path) {
                    QMutexLocker lock(&listMutex);
                    return sharedRead(path);
                };
            }
            if (sharedList) {
                fileOptions.files.list = [&listMutex, &sharedList]() {
                    QMutexLocker lock(&listMutex);
                    return sharedList();
                };
            }
        }
        outcome.result = validatePipeline(input.text, input.displayPath, fileOptions);
        if (scripts)
            outcome.scripts = ShellCheck::extract(outcome.result.model, input.text, fileOptions.files);
        return outcome;
    };
    QList<FileOutcome> outcomes;
    if (inputs.size() <= 1) {
        for (const InputFile& input : std::as_const(inputs))
            outcomes.append(validateOne(input));
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        outcomes = QtConcurrent::blockingMapped<QList<FileOutcome>>(&pool, inputs, validateOne);
    }
    // The shell of the jobs, when shellcheck is installed (an explicit request without it is reported).
    QList<ShellCheck::Result> shellResults(outcomes.size());
    if (scripts) {
        QList<ShellCheck::Scripts> extracted;
        extracted.reserve(outcomes.size());
        for (const FileOutcome& outcome : std::as_const(outcomes))
            extracted.append(outcome.scripts);
        shellResults = ShellCheck::checkAll(extracted, Category::Script);
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            if (!inputs.at(i).error.isEmpty())
                continue;
            outcomes[i].result.diagnostics += shellResults.at(i).diagnostics;
            normalizeDiagnostics(outcomes[i].result.diagnostics);
        }
    }

    bool unreadable = false;
    bool errors = false; // a finding at or above --fail-on
    bool shellMissingSaid = false;
    QList<ReportFile> report;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const InputFile& input = inputs.at(i);
        if (!input.error.isEmpty()) {
            io.err << "gatehouse validate: " << input.error << '\n';
            unreadable = true;
            continue;
        }
        const FileOutcome& outcome = outcomes.at(i);
        const ShellCheck::Result& shell = shellResults.at(i);
        if (scripts && !shell.available && parser.isSet(categoriesOption) && !shellMissingSaid) {
            io.err << "gatehouse validate: shellcheck is not installed; script checks skipped\n";
            shellMissingSaid = true;
        }
        if (!shell.error.isEmpty())
            io.err << "gatehouse validate: " << input.displayPath << ": " << shell.error << '\n';
        ReportFile file{input.displayPath, outcome.result.kind, {}};
        for (const Diagnostic& d : outcome.result.diagnostics) {
            if (!categories.contains(d.category))
                continue;
            file.diagnostics.append(d);
            errors = errors || int(d.severity) <= int(failOn);
        }
        report.append(file);
    }

    if (options.format == u"json") {
        writeReportJson(io.out, report);
    } else if (options.format == u"sarif") {
        writeJson(io.out, QJsonDocument(ValidationReport::sarif(report, QStringLiteral(GATEHOUSE_VERSION))));
    } else {
        io.out << ValidationReport::text(report);
        const QJsonObject summary = ValidationReport::json(report).value(QStringLiteral("summary")).toObject();
        io.err << report.size() << " file(s): " << summary.value(QStringLiteral("errors")).toInt() << " error(s), "
               << summary.value(QStringLiteral("warnings")).toInt() << " warning(s), "
               << summary.value(QStringLiteral("infos")).toInt() << " info(s)\n";
    }
    keepUntilExit({std::move(outcomes), std::move(report)});
    if (unreadable)
        return ExitUsage;
    return errors ? ExitFindings : ExitOk;
}

} // namespace gatehouse::cli
