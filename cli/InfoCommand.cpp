// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "repo/RepositoryLoader.h"
#include "repo/SnapshotJson.h"

namespace gatehouse::cli {

namespace {

QString when(const QDateTime& time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm t")) : QStringLiteral("-");
}

void writeText(QTextStream& out, const RepositorySnapshot& s)
{
    const QString branch = s.head.detached ? QStringLiteral("(detached HEAD)") : s.head.branch;
    out << "Repository:      " << s.displayName << " (" << s.path << ")\n";
    out << "Revision:        " << (s.revision.isEmpty() ? QStringLiteral("work tree") : s.revision) << '\n';
    out << "Branch:          " << branch << '\n';
    out << "Commit:          " << s.commit.shortString() << ' ' << s.commitSummary << " (" << when(s.commitTime)
        << ")\n";
    out << "Commits:         " << s.commitsWalked << (s.historyTruncated ? "+" : "") << " in history, "
        << s.commitsInLastWeeks(12) << " in the last 12 weeks\n";
    out << "Contributors:    " << s.contributors.size() << " (" << s.contributorsInLastWeeks(12)
        << " active in the last 12 weeks)\n";
    out << "Branches/tags:   " << s.branches.size() << " / " << s.tags.size() << '\n';
    out << "Files:           " << s.fileCount << '\n';

    out << "\nPipeline files (" << s.pipelineFiles.size() << ")\n";
    for (const PipelineFile& file : s.pipelineFiles)
        out << "  " << file.path << "  [" << pipelineKindName(file.kind) << ", " << file.size << " bytes]\n";
    out << "\nScan reports (" << s.reportFiles.size() << ")\n";
    for (const ReportFile& file : s.reportFiles)
        out << "  " << file.path << "  [" << file.tool << ", " << file.format << ", " << file.size << " bytes]\n";
    out << "  " << s.reportChangingCommits() << " commits changed reports; " << s.scanNotes << " scan notes under "
        << RepositorySnapshot::kScanNotesRef << '\n';

    out << "\nDeployments (" << s.deployTags.size() << ")\n";
    for (const DeployTag& tag : s.lastDeploymentPerEnvironment())
        out << "  last " << tag.environment << ": " << tag.tag << " at " << tag.commit.shortString() << " ("
            << when(tag.time) << ", " << tag.tagger << ")" << (tag.rollback ? " rollback" : "") << '\n';
    out << "\nIncidents (" << s.incidents.size() << ")\n";
    for (const IncidentCommit& incident : s.incidents) {
        out << "  " << when(incident.time) << "  " << incidentKindName(incident.kind) << "  "
            << incident.commit.shortString() << "  " << incident.summary << '\n';
        if (!incident.incident.isEmpty())
            out << "      Incident:   " << incident.incident << '\n';
        if (!incident.rootCause.isEmpty())
            out << "      Root cause: " << incident.rootCause << '\n';
        if (!incident.fix.isEmpty())
            out << "      Fix:        " << incident.fix << '\n';
    }
    if (!s.warnings.isEmpty()) {
        out << "\nWarnings\n";
        for (const QString& warning : s.warnings)
            out << "  " << warning << '\n';
    }
}

} // namespace

int runInfo(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("info"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    if (!parser.positionalArguments().isEmpty()) {
        io.err << "gatehouse info: unexpected argument '" << parser.positionalArguments().first()
               << "' (use --repo DIR)\n";
        return ExitUsage;
    }
    const auto snapshot = loadRepositorySnapshot(options.repo, options.rev);
    if (!snapshot) {
        io.err << "gatehouse info: " << snapshot.error().toString() << '\n';
        return ExitUsage;
    }
    if (options.format == QLatin1String("json"))
        writeJson(io.out, QJsonDocument(snapshotToJson(snapshot.value())));
    else
        writeText(io.out, snapshot.value());
    return ExitOk;
}

} // namespace gatehouse::cli
