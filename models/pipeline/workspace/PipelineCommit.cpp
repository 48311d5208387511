// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineCommit.h"

#include "git/Repository.h"

#include <QDir>
#include <QFileInfo>

namespace gatehouse::pipeline {

namespace {

/// Refuses the states in which a commit from here would surprise the user.
Status checkRepositoryState(const git::Repository& repository, const git::HeadInfo& head)
{
    if (repository.isBare())
        return makeError(QStringLiteral("commit.bare"),
                         QObject::tr("The repository is bare: there is no work tree "
                                     "to commit from."));
    if (head.detached)
        return makeError(QStringLiteral("commit.detached"),
                         QObject::tr("HEAD is detached (no branch is checked out). Check out a branch first, so the "
                                     "commit is not lost."));
    const QDir git(repository.gitDir());
    for (const char* marker :
         {"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD", "rebase-merge", "rebase-apply"}) {
        if (git.exists(QString::fromLatin1(marker)))
            return makeError(QStringLiteral("commit.in-progress"),
                             QObject::tr("A merge, rebase or cherry-pick is in progress (%1). Finish or abort it "
                                         "in git first; conflicts are resolved there.")
                                 .arg(QString::fromLatin1(marker)));
    }
    if (!QFileInfo(repository.gitDir() + QStringLiteral("objects")).isWritable())
        return makeError(QStringLiteral("commit.read-only"),
                         QObject::tr("The repository is on a read-only file system (or not writable by you)."));
    return Success{};
}

QString gateSummary(const QList<GateStatus>& before, const QList<GateStatus>& after, QStringList* changes)
{
    for (const GateStatus& now : after) {
        GateState old = GateState::NotApplicable;
        for (const GateStatus& was : before) {
            if (was.id == now.id)
                old = was.state;
        }
        if (old != now.state && now.state != GateState::Disabled)
            changes->append(QStringLiteral("%1: %2 → %3")
                                .arg(now.id,
                                     QString::fromLatin1(old == GateState::Pass       ? "pass"
                                                             : old == GateState::Fail ? "fail"
                                                                                      : "n/a"),
                                     QString::fromLatin1(now.state == GateState::Pass       ? "pass"
                                                             : now.state == GateState::Fail ? "fail"
                                                                                            : "n/a")));
    }
    return changes->join(u'\n');
}

struct CommitTarget
{
    git::Repository repository;
    git::HeadInfo head;
};

// The repository a pipeline is committed to, with its HEAD, when it is in a state to take a commit.
Result<CommitTarget> openForCommit(const QString& repositoryPath)
{
    auto opened = git::Repository::open(repositoryPath);
    if (!opened.ok())
        return opened.error();
    const auto head = opened->head();
    if (!head.ok())
        return head.error();
    if (const Status state = checkRepositoryState(opened.value(), head.value()); !state.ok())
        return state.error();
    return CommitTarget{opened.value(), head.value()};
}

} // namespace

Result<CommitPreparation> prepareCommit(const QString& repositoryPath, const QString& relativePath, const QString& text)
{
    auto opened = openForCommit(repositoryPath);
    if (!opened.ok())
        return opened.error();
    git::Repository& repository = opened->repository;
    const git::HeadInfo& head = opened->head;
    const auto signature = repository.defaultSignature();
    if (!signature.ok() || !signature->isValid())
        return makeError(QStringLiteral("commit.identity"),
                         QObject::tr("No git identity: set user.name and user.email (git config --global)."));

    CommitPreparation prep;
    prep.branch = head.branch;
    prep.head = head.commit;
    prep.author = signature->name + QStringLiteral(" <") + signature->email + u'>';

    const QByteArray data = text.toUtf8();
    QByteArray old;
    bool existed = false;
    if (!head.unborn) {
        const auto content = repository.readFile(head.commit, relativePath);
        existed = content.ok();
        if (existed)
            old = content.value();
    }
    // The diff is git's own: a preview commit object (referenced by nothing) against HEAD.
    if (!existed || old != data) {
        QList<git::ObjectId> parents;
        if (!head.unborn)
            parents.append(head.commit);
        const auto preview = repository.createCommit(QString(), parents, {{relativePath, data}}, signature.value(),
                                                     signature.value(), QStringLiteral("preview"));
        if (!preview.ok())
            return preview.error();
        const auto patch
            = repository.patch(head.unborn ? git::ObjectId() : head.commit, preview.value(), {relativePath});
        if (!patch.ok())
            return patch.error();
        prep.diff = patch.value();
    }

    const BufferValidation after = validateBuffer(data, relativePath, workTreeSource(repository.workDir())());
    prep.errors = after.errors;
    QList<GateStatus> before;
    if (existed)
        before = validateBuffer(old, relativePath, revisionSource(repositoryPath, head.commit.toString())()).gates;
    gateSummary(before, after.gates, &prep.gateChanges);

    const QString file = QFileInfo(relativePath).fileName();
    prep.message = existed ? QStringLiteral("ci(pipeline): update %1").arg(file)
                           : QStringLiteral("ci(pipeline): add %1").arg(file);
    if (!prep.gateChanges.isEmpty()) {
        prep.message += QStringLiteral("\n\nGates:\n");
        for (const QString& change : std::as_const(prep.gateChanges))
            prep.message += QStringLiteral("- ") + change + u'\n';
    }
    return prep;
}

Result<git::ObjectId> commitPipeline(const QString& repositoryPath, const QString& relativePath, const QString& text,
                                     const QString& message, const git::ObjectId& expectedHead)
{
    auto opened = openForCommit(repositoryPath);
    if (!opened.ok())
        return opened.error();
    git::Repository& repository = opened->repository;
    const git::HeadInfo& head = opened->head;
    if (head.commit != expectedHead)
        return makeError(QStringLiteral("commit.head-moved"),
                         QObject::tr("HEAD moved since the diff was shown (another commit was made). Review again."));
    if (message.trimmed().isEmpty())
        return makeError(QStringLiteral("commit.message"), QObject::tr("The commit message is empty."));
    const auto signature = repository.defaultSignature();
    if (!signature.ok() || !signature->isValid())
        return makeError(QStringLiteral("commit.identity"),
                         QObject::tr("No git identity: set user.name and user.email (git config --global)."));
    QList<git::ObjectId> parents;
    if (!head.unborn)
        parents.append(head.commit);
    const auto id = repository.createCommit(QStringLiteral("HEAD"), parents, {{relativePath, text.toUtf8()}},
                                            signature.value(), signature.value(), message);
    if (!id.ok())
        return id;
    // The commit was made past the index: without this, `git status` would show the file staged back to its old
    // content. Only this path's entry changes, so the user's other staged changes stay staged.
    if (const Status synced = repository.syncIndexEntry(relativePath, id.value()); !synced.ok())
        qWarning("commit %s made, but the index entry of the file was not updated: %s", qPrintable(id->shortString()),
                 qPrintable(synced.error().toString()));
    return id;
}

} // namespace gatehouse::pipeline
