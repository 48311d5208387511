// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentScanner.h"

#include "ShipIndex.h"
#include "git/CommitGraph.h"
#include "git/Repository.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

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

void IncidentScanner::Walk::add(const git::CommitInfo& commit)
{
    // A revert that names no commit ("Revert \"subject\"" without git's "This reverts commit" line) reverts the
    // nearest older commit with that subject; the walk meets the revert first, then the reverted commit.
    static const QRegularExpression quoted(QStringLiteral("\\ARevert\\s+\"(.*)\"\\s*\\z"));
    if (m_graph)
        m_graph->add(commit.id, commit.parents, commit.committer.time.toSecsSinceEpoch());
    if (!m_revertsBySubject.isEmpty()) {
        if (const auto waiting = m_revertsBySubject.find(commit.summary); waiting != m_revertsBySubject.end()) {
            for (const qsizetype index : std::as_const(waiting.value()))
                m_incidents[index].revertedCommit = commit.id.toString();
            m_revertsBySubject.erase(waiting);
        }
    }
    std::optional<Incident> incident = IncidentParser::parseCommitMessage(commit.message);
    if (!incident)
        return;
    if (incident->kind == Incident::Kind::Revert && incident->revertedCommit.isEmpty()) {
        const QRegularExpressionMatch match = quoted.match(commit.summary);
        m_revertsBySubject[match.hasMatch() ? match.captured(1) : incident->title].append(m_incidents.size());
    }
    incident->commit = commit.id;
    incident->commitTime = commit.committer.time.toUTC();
    if (!incident->time.isValid())
        incident->time = incident->commitTime;
    m_incidents.append(std::move(*incident));
}

Result<QList<Incident>> IncidentScanner::scan(const git::Repository& repository, const QString& revision,
                                              ProgressSink* sink, QList<IncidentDiagnostic>* diagnostics,
                                              git::CommitGraph* graph)
{
    if (repository.isEmpty())
        return QList<Incident>();
    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    const Result<git::ObjectId> tip = repository.resolve(start);
    if (!tip.ok())
        return tip.error();

    const QLatin1String stage("Reading incidents");
    git::LogOptions options;
    options.start = tip->toString();
    qint64 seen = 0;
    Walk walk(graph);
    const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
        if (sink) {
            if (sink->isCancelled())
                return false;
            sink->report(++seen, 0, stage);
        }
        walk.add(commit);
        return true;
    });
    if (!walked.ok())
        return walked.error();
    if (sink && sink->isCancelled())
        return cancelledError();
    return finish(repository, tip.value(), std::move(walk), sink, diagnostics);
}

Result<QList<Incident>> IncidentScanner::finish(const git::Repository& repository, const git::ObjectId& tip,
                                                Walk&& walk, ProgressSink* sink, QList<IncidentDiagnostic>* diagnostics)
{
    if (walk.m_graph)
        walk.m_graph->markWalked(tip);
    QList<Incident> incidents = std::move(walk.m_incidents);
    QList<git::TreeEntry> documents;
    for (const QString& folder : kDocumentFolders) {
        const Result<QList<git::TreeEntry>> files = repository.listFiles(tip, folder);
        if (!files.ok())
            return files.error();
        for (const git::TreeEntry& file : files.value()) {
            if (IncidentParser::isPostmortemDocumentPath(file.path))
                documents.append(file);
        }
    }
    if (!documents.isEmpty()) {
        const Result<QHash<QString, CommitInfoLite>> additions = documentAdditions(repository, tip.toString(), sink);
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
                             const QString& environment, const git::CommitGraph* graph)
{
    // The commits whose first deployment matters: reverted commits and fixes.
    static const QRegularExpression commitToken(QStringLiteral("\\b[0-9a-fA-F]{7,40}\\b"));
    QList<QList<git::ObjectId>> fixesOf(incidents.size());
    QList<std::optional<git::ObjectId>> revertedOf(incidents.size());
    QList<git::ObjectId> targets;
    for (qsizetype n = 0; n < incidents.size(); ++n) {
        Incident& incident = incidents[n];
        incident.fixCommits.clear();
        if (!incident.revertedCommit.isEmpty()) {
            if (const Result<git::ObjectId> reverted = repository.resolve(incident.revertedCommit); reverted.ok()) {
                revertedOf[n] = reverted.value();
                targets.append(reverted.value());
            }
        }
        if (!incident.commit.isNull())
            fixesOf[n].append(incident.commit);
        QRegularExpressionMatchIterator tokens = commitToken.globalMatch(incident.fix);
        while (tokens.hasNext()) {
            const QString token = tokens.next().captured(0);
            const Result<git::ObjectId> id = repository.resolve(token);
            if (id.ok() && !fixesOf[n].contains(id.value())) {
                fixesOf[n].append(id.value());
                incident.fixCommits.append(id->toString());
            }
        }
        targets.append(fixesOf[n]);
    }
    std::optional<git::CommitGraph> ownGraph;
    if (!graph) {
        QList<git::ObjectId> deployed;
        for (const Deployment& d : std::as_const(history.deployments))
            deployed.append(d.commit);
        Result<git::CommitGraph> built = git::CommitGraph::build(repository, deployed);
        if (!built.ok())
            return built.error();
        graph = &ownGraph.emplace(std::move(built).value());
    }
    const ShipIndex ships = ShipIndex::build(*graph, history, targets);

    // The first deployment of `env` at index >= from that contains `commit`; -1 when none. The index answers
    // directly when the commit first shipped there at or after `from`; a later redeploy after a rollback needs the
    // ancestry check (rare: only when the first shipment came before `from`).
    auto firstContaining = [&](const git::ObjectId& commit, const QString& env, int from) -> Result<int> {
        const int first = ships.first(commit, env);
        if (first < 0 || first >= from)
            return first;
        for (int i = from; i < history.deployments.size(); ++i) {
            const Deployment& d = history.deployments.at(i);
            if (d.environment != env)
                continue;
            if (d.commit == commit)
                return i;
            if (graph->isAncestor(graph->indexOf(commit), graph->indexOf(d.commit)))
                return i;
        }
        return -1;
    };

    for (qsizetype n = 0; n < incidents.size(); ++n) {
        Incident& incident = incidents[n];
        incident.blamedDeployment.clear();
        incident.fixedByDeployment.clear();
        incident.shippedIn.clear();
        incident.timeToRestoreSeconds.reset();
        if (incident.kind == Incident::Kind::RevertUnshipped)
            incident.kind = Incident::Kind::Revert;

        // A revert is an incident only when what it reverts had reached users before the revert was committed.
        int shipped = -1;
        if (incident.kind == Incident::Kind::Revert) {
            const QDateTime revertedAt = incident.commitTime.isValid() ? incident.commitTime : incident.time;
            if (revertedOf[n]) {
                shipped = ships.firstAnywhere(*revertedOf[n]);
                if (shipped >= 0 && revertedAt.isValid() && history.deployments.at(shipped).time > revertedAt)
                    shipped = -1;
            }
            if (shipped < 0) {
                incident.kind = Incident::Kind::RevertUnshipped;
                incident.notes.append(revertedOf[n]
                                          ? QStringLiteral("the reverted commit %1 was not deployed before the revert")
                                                .arg(revertedOf[n]->shortString())
                                          : QStringLiteral("the reverted commit is not named or not in this "
                                                           "repository: not shown to have shipped"));
                continue;
            }
            incident.shippedIn = history.deployments.at(shipped).tag;
        }

        int blamed = -1;
        bool decided = false;
        if (!incident.deploymentRef.isEmpty()) {
            blamed = findDeployment(history, incident.deploymentRef, environment);
            decided = blamed >= 0;
            if (!decided)
                incident.notes.append(
                    QStringLiteral("Deployment: %1 names no known deployment").arg(incident.deploymentRef));
        }
        // A revert knows the bad change: blame the deployment of `environment` that shipped it (else the first
        // deployment anywhere that did) rather than whatever went out last (which may be the rollback).
        if (!decided && shipped >= 0) {
            const int inEnvironment = ships.first(*revertedOf[n], environment);
            blamed = inEnvironment >= 0 && history.deployments.at(inEnvironment).time <= incident.time ? inEnvironment
                                                                                                       : shipped;
            decided = true;
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
        const QString fixEnvironment = blamed >= 0 ? history.deployments.at(blamed).environment : environment;
        int fixedBy = -1;
        for (const git::ObjectId& fix : std::as_const(fixesOf[n])) {
            const Result<int> found = firstContaining(fix, fixEnvironment, blamed + 1);
            if (!found.ok())
                return found.error();
            if (found.value() >= 0 && (fixedBy < 0 || found.value() < fixedBy))
                fixedBy = found.value();
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
        } else if (!fixesOf[n].isEmpty()) {
            incident.notes.append(QStringLiteral("no %1 deployment contains the fix yet").arg(fixEnvironment));
        }
    }
    return Success{};
}

} // namespace gatehouse::delivery
