// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentScanner.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace gatehouse::delivery {

namespace {

const QStringList kDocumentFolders{QStringLiteral("postmortems"), QStringLiteral("docs/postmortems")};

Error cancelledError()
{
    return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
}

void fillGaps(Incident& incident, const Incident& document)
{
    auto fill = [](QString& target, const QString& value) {
        if (target.isEmpty())
            target = value;
    };
    fill(incident.scope, document.scope);
    fill(incident.incident, document.incident);
    fill(incident.rootCause, document.rootCause);
    fill(incident.fix, document.fix);
    fill(incident.detected, document.detected);
    fill(incident.duration, document.duration);
    fill(incident.severity, document.severity);
    fill(incident.deploymentRef, document.deploymentRef);
    if (!incident.durationSeconds)
        incident.durationSeconds = document.durationSeconds;
    for (const QString& factor : document.factors) {
        if (!incident.factors.contains(factor))
            incident.factors.append(factor);
    }
    incident.factorNotes.append(document.factorNotes);
    incident.documentPath = document.documentPath;
    if (!incident.time.isValid() || incident.time == incident.commitTime) {
        if (document.time.isValid())
            incident.time = document.time;
    }
}

struct CommitInfoLite
{
    git::ObjectId id;
    QDateTime committerTime;
};

// Which commit added each postmortem document: one path-limited walk over the folders, then a diff per commit
// that touched them (few), keeping the oldest addition.
Result<QHash<QString, CommitInfoLite>> documentAdditions(const git::Repository& repository, const QString& start,
                                                         ProgressSink* sink)
{
    git::LogOptions options;
    options.start = start;
    options.paths = kDocumentFolders;
    QList<git::CommitInfo> touching;
    const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
        touching.append(commit);
        return !(sink && sink->isCancelled());
    });
    if (!walked.ok())
        return walked.error();
    if (sink && sink->isCancelled())
        return cancelledError();
    QHash<QString, CommitInfoLite> added;
    // Newest first: older additions (a file deleted and added again) overwrite newer ones.
    for (const git::CommitInfo& commit : std::as_const(touching)) {
        const git::ObjectId parent = commit.parents.isEmpty() ? git::ObjectId() : commit.parents.first();
        const Result<QList<git::FileChange>> changes = repository.diff(
            parent, commit.id, {QStringLiteral("postmortems/"), QStringLiteral("docs/postmortems/")}, false);
        if (!changes.ok())
            return changes.error();
        for (const git::FileChange& change : changes.value()) {
            if (change.status == git::FileChange::Status::Added)
                added.insert(change.newPath, CommitInfoLite{commit.id, commit.committer.time.toUTC()});
        }
    }
    return added;
}

int findDeployment(const DeploymentHistory& history, const QString& reference, const QString& environment)
{
    const int byTag = history.indexOfTag(reference);
    if (byTag >= 0)
        return byTag;
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-fA-F]{7,40}\\z"));
    if (!hex.match(reference).hasMatch())
        return -1;
    const QString prefix = reference.toLower();
    int found = -1;
    // The latest deployment of that commit, preferring the environment incidents are linked in.
    for (int i = 0; i < history.deployments.size(); ++i) {
        const Deployment& d = history.deployments.at(i);
        if (!d.commit.toString().startsWith(prefix))
            continue;
        if (found < 0 || d.environment == environment || history.deployments.at(found).environment != environment)
            found = i;
    }
    return found;
}

} // namespace

Result<QList<Incident>> IncidentScanner::scan(const git::Repository& repository, const QString& revision,
                                              ProgressSink* sink, QList<IncidentDiagnostic>* diagnostics)
{
    QList<Incident> incidents;
    if (repository.isEmpty())
        return incidents;
    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    const Result<git::ObjectId> tip = repository.resolve(start);
    if (!tip.ok())
        return tip.error();

    const QLatin1String stage("Reading incidents");
    git::LogOptions options;
    options.start = tip->toString();
    qint64 seen = 0;
    const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
        if (sink) {
            if (sink->isCancelled())
                return false;
            sink->report(++seen, 0, stage);
        }
        std::optional<Incident> incident = IncidentParser::parseCommitMessage(commit.message);
        if (!incident)
            return true;
        incident->commit = commit.id;
        incident->commitTime = commit.committer.time.toUTC();
        if (!incident->time.isValid())
            incident->time = incident->commitTime;
        incidents.append(std::move(*incident));
        return true;
    });
    if (!walked.ok())
        return walked.error();
    if (sink && sink->isCancelled())
        return cancelledError();

    QList<git::TreeEntry> documents;
    for (const QString& folder : kDocumentFolders) {
        const Result<QList<git::TreeEntry>> files = repository.listFiles(tip.value(), folder);
        if (!files.ok())
            return files.error();
        for (const git::TreeEntry& file : files.value()) {
            if (IncidentParser::isPostmortemDocumentPath(file.path))
                documents.append(file);
        }
    }
    if (!documents.isEmpty()) {
        const Result<QHash<QString, CommitInfoLite>> additions = documentAdditions(repository, options.start, sink);
        if (!additions.ok())
            return additions.error();
        for (const git::TreeEntry& file : std::as_const(documents)) {
            const Result<QByteArray> content = repository.readBlob(file.blob, (1 << 20) + 1);
            if (!content.ok()) {
                if (diagnostics)
                    diagnostics->append(IncidentDiagnostic{file.path, 0, 0, QStringLiteral("postmortem.unreadable"),
                                                           content.error().toString()});
                continue;
            }
            std::optional<Incident> document = IncidentParser::parseDocument(file.path, content.value(), diagnostics);
            if (!document)
                continue;
            const CommitInfoLite addedBy = additions->value(file.path);
            document->commit = addedBy.id;
            document->commitTime = addedBy.committerTime;
            if (!document->time.isValid())
                document->time = document->commitTime;
            // The postmortem commit that added the document already is this incident.
            auto same = std::find_if(incidents.begin(), incidents.end(), [&](const Incident& incident) {
                return !addedBy.id.isNull() && incident.commit == addedBy.id && incident.documentPath.isEmpty();
            });
            if (same != incidents.end()) {
                fillGaps(*same, *document);
                if (same->body.isEmpty())
                    same->body = document->body;
                continue;
            }
            if (!document->time.isValid())
                document->notes.append(QStringLiteral("no date and no commit: not linked to deployments"));
            incidents.append(std::move(*document));
        }
    }
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
        if (a.time != b.time)
            return a.time < b.time;
        return a.commit.toString() + a.documentPath < b.commit.toString() + b.documentPath;
    });
    return incidents;
}

Status IncidentScanner::link(const git::Repository& repository, QList<Incident>& incidents, DeploymentHistory& history,
                             const QString& environment)
{
    // The first deployment of `env` at index >= from (and, when `latest` is valid, at or before it) that contains
    // `commit`; -1 when none.
    auto firstContaining
        = [&](const git::ObjectId& commit, const QString& env, int from, const QDateTime& latest) -> Result<int> {
        for (int i = std::max(from, 0); i < history.deployments.size(); ++i) {
            const Deployment& d = history.deployments.at(i);
            if (latest.isValid() && d.time > latest)
                break;
            if (d.environment != env)
                continue;
            if (d.commit == commit)
                return i;
            const Result<bool> contains = repository.isAncestor(commit, d.commit);
            if (!contains.ok())
                return contains.error();
            if (contains.value())
                return i;
        }
        return -1;
    };
    static const QRegularExpression commitToken(QStringLiteral("\\b[0-9a-fA-F]{7,40}\\b"));

    for (Incident& incident : incidents) {
        incident.blamedDeployment.clear();
        incident.fixedByDeployment.clear();
        incident.timeToRestoreSeconds.reset();
        incident.fixCommits.clear();

        int blamed = -1;
        bool decided = false;
        if (!incident.deploymentRef.isEmpty()) {
            blamed = findDeployment(history, incident.deploymentRef, environment);
            decided = blamed >= 0;
            if (!decided)
                incident.notes.append(
                    QStringLiteral("Deployment: %1 names no known deployment").arg(incident.deploymentRef));
        }
        // A revert knows the bad change: blame the deployment that shipped it rather than whatever went out last
        // (which may be the rollback that restored service).
        if (!decided && !incident.revertedCommit.isEmpty()) {
            const Result<git::ObjectId> reverted = repository.resolve(incident.revertedCommit);
            if (reverted.ok()) {
                const Result<int> shipped = firstContaining(reverted.value(), environment, 0, incident.time);
                if (!shipped.ok())
                    return shipped.error();
                blamed = shipped.value();
                decided = true;
                if (blamed < 0)
                    incident.notes.append(QStringLiteral("the reverted commit %1 never reached %2")
                                              .arg(reverted->shortString(), environment));
            }
        }
        if (!decided && incident.time.isValid()) {
            for (int i = 0; i < history.deployments.size(); ++i) {
                const Deployment& d = history.deployments.at(i);
                if (d.environment == environment && d.time <= incident.time)
                    blamed = i;
            }
            if (blamed < 0)
                incident.notes.append(QStringLiteral("no %1 deployment at or before the incident").arg(environment));
        }

        // The fix: the incident's own commit, and the commits its `Fix:` line names; the earliest deployment that
        // shipped any of them restored service.
        QList<git::ObjectId> fixes;
        if (!incident.commit.isNull())
            fixes.append(incident.commit);
        QRegularExpressionMatchIterator tokens = commitToken.globalMatch(incident.fix);
        while (tokens.hasNext()) {
            const QString token = tokens.next().captured(0);
            const Result<git::ObjectId> id = repository.resolve(token);
            if (id.ok() && !fixes.contains(id.value())) {
                fixes.append(id.value());
                incident.fixCommits.append(id->toString());
            }
        }
        const QString fixEnvironment = blamed >= 0 ? history.deployments.at(blamed).environment : environment;
        int fixedBy = -1;
        for (const git::ObjectId& fix : std::as_const(fixes)) {
            const Result<int> shipped = firstContaining(fix, fixEnvironment, blamed + 1, {});
            if (!shipped.ok())
                return shipped.error();
            if (shipped.value() >= 0 && (fixedBy < 0 || shipped.value() < fixedBy))
                fixedBy = shipped.value();
        }

        if (blamed >= 0) {
            Deployment& d = history.deployments[blamed];
            incident.blamedDeployment = d.tag;
            d.failed = true;
            d.failedReasons.append(
                QStringLiteral("incident %1").arg(incident.incident.isEmpty() ? incident.title : incident.incident));
        }
        if (fixedBy >= 0) {
            incident.fixedByDeployment = history.deployments.at(fixedBy).tag;
            if (blamed >= 0)
                incident.timeToRestoreSeconds
                    = history.deployments.at(blamed).time.secsTo(history.deployments.at(fixedBy).time);
        } else if (!fixes.isEmpty()) {
            incident.notes.append(QStringLiteral("no %1 deployment contains the fix yet").arg(fixEnvironment));
        }
    }
    return Success{};
}

} // namespace gatehouse::delivery
