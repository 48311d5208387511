// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::git;
using gatehouse::test::ScratchRepository;

namespace {
// "a b c" → {"a", "b", "c"} (QT_NO_CAST_FROM_ASCII forbids brace lists of literals).
QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc());
}
} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private:
    // main: c1 - c2 - c3 - m(merge of c3 and f1) - c5 ; feature: c2 - f1
    struct History
    {
        ObjectId c1, c2, c3, f1, merge, c5;
    };
    History buildHistory(ScratchRepository& scratch)
    {
        History h;
        h.c1 = scratch.commit(QStringLiteral("feat: initial"), {{QStringLiteral("README.md"), "hello\n"}}, at(1));
        h.c2 = scratch.commit(QStringLiteral("ci: add pipeline"),
                              {{QStringLiteral(".gitlab-ci.yml"), "stages: [test]\n"}}, at(2));
        h.c3 = scratch.commit(QStringLiteral("feat(app): main"), {{QStringLiteral("src/main.py"), "print(1)\n"}}, at(3),
                              QStringLiteral("Bob Builder"));
        h.f1 = scratch.commitOn({h.c2}, QStringLiteral("feat(app): feature"),
                                {{QStringLiteral("src/feature.py"), "x = 1\n"}}, at(4),
                                QStringLiteral("refs/heads/feature"));
        h.merge = scratch.commitOn({h.c3, h.f1}, QStringLiteral("Merge branch 'feature'"),
                                   {{QStringLiteral("src/feature.py"), "x = 1\n"}}, at(5), QStringLiteral("HEAD"));
        h.c5 = scratch.commit(QStringLiteral("ci: tighten pipeline"),
                              {{QStringLiteral(".gitlab-ci.yml"), "stages: [build, test]\n"}}, at(6));
        return h;
    }

private Q_SLOTS:
    void openFromSubdirectory()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("init"), {{QStringLiteral("a/b/c.txt"), "x"}});
        QVERIFY(scratch.repo().checkoutHead().ok());
        auto repo = Repository::open(scratch.path() + QStringLiteral("/a/b"));
        QVERIFY2(repo.ok(), qPrintable(repo ? QString() : repo.error().toString()));
        QCOMPARE(QDir(repo->workDir()).canonicalPath(), QDir(scratch.path()).canonicalPath());
        QVERIFY(!repo->isBare());
        QVERIFY(!repo->isEmpty());
    }

    void openErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing path") << "missing"
                                      << "io.not-found";
        QTest::newRow("not a repository") << "plain"
                                          << "git.not-a-repository";
        QTest::newRow("corrupt .git") << "corrupt"
                                      << "git.corrupt";
    }
    void openErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QTemporaryDir dir;
        QString path = dir.path() + QStringLiteral("/x");
        if (kind == QLatin1String("plain")) {
            QDir().mkpath(path);
        } else if (kind == QLatin1String("corrupt")) {
            QVERIFY(Repository::init(path).ok());
            QFile head(path + QStringLiteral("/.git/HEAD"));
            QVERIFY(head.open(QIODevice::WriteOnly));
            head.write("garbage that is not a ref\n");
            head.close();
            QFile::remove(path + QStringLiteral("/.git/config"));
            QDir(path + QStringLiteral("/.git/objects")).removeRecursively();
        }
        auto repo = Repository::open(path);
        if (kind == QLatin1String("corrupt") && repo.ok()) {
            // libgit2 may open it; then reading HEAD must fail cleanly instead.
            auto head = repo->head();
            QVERIFY(!head.ok());
            QVERIFY(!head.error().message.isEmpty());
            return;
        }
        QVERIFY(!repo.ok());
        QCOMPARE(repo.error().code, code);
        QVERIFY(!repo.error().message.isEmpty());
    }

    void emptyRepository()
    {
        ScratchRepository scratch;
        QVERIFY(scratch.repo().isEmpty());
        auto head = scratch.repo().head();
        QVERIFY(head.ok());
        QVERIFY(head->unborn);
        QCOMPARE(head->branch, QStringLiteral("main"));
        QVERIFY(!scratch.repo().resolve(QStringLiteral("HEAD")).ok());
    }

    void bareRepository()
    {
        ScratchRepository scratch(true);
        const ObjectId id = scratch.commit(QStringLiteral("init"), {{QStringLiteral("f.txt"), "bare"}});
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        QVERIFY(repo->isBare());
        QVERIFY(repo->workDir().isEmpty());
        QCOMPARE(repo->readFile(id, QStringLiteral("f.txt")).value(), QByteArray("bare"));
        QVERIFY(!repo->readWorkTreeFile(QStringLiteral("f.txt")).ok());
    }

    void linkedWorktree()
    {
        const QString gitBinary = QStandardPaths::findExecutable(QStringLiteral("git"));
        if (gitBinary.isEmpty())
            QSKIP("git is not installed");
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("init"), {{QStringLiteral("f.txt"), "x"}});
        QTemporaryDir other;
        const QString worktree = other.path() + QStringLiteral("/wt");
        QProcess git;
        git.setWorkingDirectory(scratch.path());
        git.start(gitBinary, {QStringLiteral("worktree"), QStringLiteral("add"), QStringLiteral("-q"), worktree});
        QVERIFY(git.waitForFinished(30000));
        QCOMPARE(git.exitCode(), 0);
        auto repo = Repository::open(worktree);
        QVERIFY(repo.ok());
        QVERIFY(repo->isWorktree());
        QCOMPARE(repo->readWorkTreeFile(QStringLiteral("f.txt")).value(), QByteArray("x"));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("expected"); // index into the history, -1 = error
        QTest::newRow("HEAD") << "HEAD" << 5;
        QTest::newRow("branch") << "main" << 5;
        QTest::newRow("other branch") << "feature" << 3;
        QTest::newRow("HEAD~1") << "HEAD~1" << 4;
        QTest::newRow("HEAD~3 (first parents)") << "HEAD~3" << 1;
        QTest::newRow("annotated tag") << "v1.0" << 2;
        QTest::newRow("lightweight tag") << "light" << 0;
        QTest::newRow("full sha") << "<c3>" << 2;
        QTest::newRow("short sha") << "<c3:8>" << 2;
        QTest::newRow("unknown") << "nope" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void resolve()
    {
        QFETCH(QString, revision);
        QFETCH(int, expected);
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        scratch.tag(QStringLiteral("v1.0"), h.c3, QStringLiteral("Release 1.0"));
        scratch.tag(QStringLiteral("light"), h.c1);
        const QList<ObjectId> order{h.c1, h.c2, h.c3, h.f1, h.merge, h.c5};
        revision.replace(QStringLiteral("<c3>"), h.c3.toString()).replace(QStringLiteral("<c3:8>"), h.c3.shortString());
        auto id = scratch.repo().resolve(revision);
        if (expected < 0) {
            QVERIFY(!id.ok());
            QVERIFY(!id.error().message.isEmpty());
        } else {
            QVERIFY2(id.ok(), qPrintable(id ? QString() : id.error().toString()));
            QCOMPARE(id->toString(), order.at(expected).toString());
        }
    }

    void readFiles()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        auto repo = scratch.repo();
        QCOMPARE(repo.readFile(h.c2, QStringLiteral(".gitlab-ci.yml")).value(), QByteArray("stages: [test]\n"));
        QCOMPARE(repo.readFile(QStringLiteral("HEAD"), QStringLiteral(".gitlab-ci.yml")).value(),
                 QByteArray("stages: [build, test]\n"));
        QCOMPARE(repo.readFile(h.c1, QStringLiteral(".gitlab-ci.yml")).error().code, QStringLiteral("git.not-found"));
        QCOMPARE(repo.readFile(h.c3, QStringLiteral("src")).error().code, QStringLiteral("io.not-a-file"));
        QCOMPARE(repo.readFile(h.c5, QStringLiteral("README.md"), 3).error().code, QStringLiteral("io.too-large"));

        // The work tree is read as it is on disk, not as committed.
        QVERIFY(repo.checkoutHead().ok());
        scratch.writeWorkTreeFile(QStringLiteral(".gitlab-ci.yml"), "edited: true\n");
        QCOMPARE(repo.readWorkTreeFile(QStringLiteral(".gitlab-ci.yml")).value(), QByteArray("edited: true\n"));
        QCOMPARE(repo.readWorkTreeFile(QStringLiteral("../outside")).error().code, QStringLiteral("io.outside"));
        // A symlink in the work tree that points out of the repository is refused, not followed: reading it would leak
        // files outside the repository.
        QTemporaryDir outside;
        QVERIFY(outside.isValid());
        QFile secret(outside.filePath(QStringLiteral("secret.yml")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("token: hunter2\n");
        secret.close();
        QVERIFY(QFile::link(secret.fileName(), scratch.path() + QStringLiteral("/leak.yml")));
        QCOMPARE(repo.readWorkTreeFile(QStringLiteral("leak.yml")).error().code, QStringLiteral("io.outside"));
        QVERIFY(QFile::remove(scratch.path() + QStringLiteral("/leak.yml")));

        auto files = repo.listFiles(h.c5);
        QVERIFY(files.ok());
        QStringList paths;
        for (const TreeEntry& entry : *files)
            paths << entry.path;
        QCOMPARE(paths,
                 (QStringList{QStringLiteral(".gitlab-ci.yml"), QStringLiteral("README.md"),
                              QStringLiteral("src/feature.py"), QStringLiteral("src/main.py")}));
        QCOMPARE(files->at(1).size, 6);
        auto srcOnly = repo.listFiles(h.c5, QStringLiteral("src"));
        QCOMPARE(srcOnly->size(), 2);
        QCOMPARE(srcOnly->first().path, QStringLiteral("src/feature.py"));

        scratch.writeWorkTreeFile(QStringLiteral(".gitignore"), "build/\n");
        scratch.writeWorkTreeFile(QStringLiteral("build/out.o"), "obj");
        scratch.writeWorkTreeFile(QStringLiteral("new.txt"), "untracked but not ignored");
        auto workFiles = repo.listWorkTreeFiles();
        QVERIFY(workFiles.ok());
        QVERIFY(workFiles->contains(QStringLiteral("new.txt")));
        QVERIFY(workFiles->contains(QStringLiteral("src/main.py")));
        QVERIFY(!workFiles->contains(QStringLiteral("build/out.o")));
    }

    void refs()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        const QDateTime tagTime(QDate(2026, 3, 7), QTime(10, 30), QTimeZone(2 * 3600));
        scratch.tag(QStringLiteral("deploy-prod-1"), h.c5, QStringLiteral("Production deployment\n\nby CI"), tagTime);
        scratch.tag(QStringLiteral("light"), h.c1);
        auto tags = scratch.repo().tags();
        QVERIFY(tags.ok());
        QCOMPARE(tags->size(), 2);
        const TagInfo& deploy = tags->at(0);
        QCOMPARE(deploy.name, QStringLiteral("deploy-prod-1"));
        QVERIFY(deploy.annotated);
        QVERIFY(deploy.pointsAtCommit);
        QCOMPARE(deploy.target, h.c5);
        QCOMPARE(deploy.tagger.name, QStringLiteral("Rita Release"));
        QCOMPARE(deploy.tagger.time, tagTime);
        QCOMPARE(deploy.tagger.time.offsetFromUtc(), 7200);
        QVERIFY(deploy.message.startsWith(QStringLiteral("Production deployment")));
        const TagInfo& light = tags->at(1);
        QVERIFY(!light.annotated);
        QCOMPARE(light.target, h.c1);

        auto branches = scratch.repo().branches();
        QVERIFY(branches.ok());
        QCOMPARE(branches->size(), 2);
        QCOMPARE(branches->at(0).name, QStringLiteral("feature"));
        QCOMPARE(branches->at(1).name, QStringLiteral("main"));
        QVERIFY(!branches->at(0).isHead);
        QVERIFY(branches->at(1).isHead);
        QCOMPARE(branches->at(1).target, h.c5);

        auto head = scratch.repo().head();
        QCOMPARE(head->branch, QStringLiteral("main"));
        QCOMPARE(head->commit, h.c5);
        QVERIFY(!head->detached);

        // The references as stored: an annotated tag names its tag object, a lightweight one its commit.
        auto tagRefs = scratch.repo().references("refs/tags/*");
        QVERIFY(tagRefs.ok());
        QCOMPARE(tagRefs->size(), 2);
        QCOMPARE(tagRefs->at(0).name, QStringLiteral("refs/tags/deploy-prod-1"));
        QCOMPARE(tagRefs->at(0).target, deploy.tagObject);
        QVERIFY(tagRefs->at(0).target != h.c5);
        QCOMPARE(tagRefs->at(1).name, QStringLiteral("refs/tags/light"));
        QCOMPARE(tagRefs->at(1).target, h.c1);
        auto branchRefs = scratch.repo().references("refs/heads/*");
        QVERIFY(branchRefs.ok());
        QCOMPARE(branchRefs->size(), 2);
        QCOMPARE(branchRefs->at(0).name, QStringLiteral("refs/heads/feature"));
        QCOMPARE(branchRefs->at(1).name, QStringLiteral("refs/heads/main"));
        QCOMPARE(branchRefs->at(1).target, h.c5);
        QVERIFY(scratch.repo().references("refs/remotes/*")->isEmpty());

        // A detached HEAD makes no branch the HEAD branch, even the one at the same commit.
        QFile headFile(scratch.path() + QStringLiteral("/.git/HEAD"));
        QVERIFY(headFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        headFile.write(h.c5.toString().toLatin1() + '\n');
        headFile.close();
        auto detached = scratch.repo().branches();
        QVERIFY(detached.ok());
        QCOMPARE(detached->size(), 2);
        QVERIFY(!detached->at(0).isHead);
        QVERIFY(!detached->at(1).isHead);
    }

    void log_data()
    {
        QTest::addColumn<bool>("firstParent");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<int>("sinceDay");
        QTest::addColumn<int>("untilDay");
        QTest::addColumn<QStringList>("expected");
        const QStringList none = words("");
        QTest::newRow("full") << false << none << 0 << 0 << words("c5 merge f1 c3 c2 c1");
        QTest::newRow("first parent") << true << none << 0 << 0 << words("c5 merge c3 c2 c1");
        QTest::newRow("path filter") << false << words(".gitlab-ci.yml") << 0 << 0 << words("c5 c2");
        // The merge differs from both parents under src/ (each side lacks a file), so git shows it too.
        QTest::newRow("directory filter, full") << false << words("src") << 0 << 0 << words("merge f1 c3");
        QTest::newRow("directory filter, first parent") << true << words("src") << 0 << 0 << words("merge c3");
        QTest::newRow("time bounded") << false << none << 3 << 5 << words("merge f1 c3");
    }
    void log()
    {
        QFETCH(bool, firstParent);
        QFETCH(QStringList, paths);
        QFETCH(int, sinceDay);
        QFETCH(int, untilDay);
        QFETCH(QStringList, expected);
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        const QHash<ObjectId, QString> names{{h.c1, QStringLiteral("c1")},       {h.c2, QStringLiteral("c2")},
                                             {h.c3, QStringLiteral("c3")},       {h.f1, QStringLiteral("f1")},
                                             {h.merge, QStringLiteral("merge")}, {h.c5, QStringLiteral("c5")}};
        LogOptions options;
        options.firstParent = firstParent;
        options.paths = paths;
        if (sinceDay)
            options.since = at(sinceDay, 0);
        if (untilDay)
            options.until = at(untilDay, 23);
        auto commits = scratch.repo().log(options);
        QVERIFY(commits.ok());
        QStringList actual;
        for (const CommitInfo& commit : *commits)
            actual << names.value(commit.id, commit.id.shortString());
        QCOMPARE(actual, expected);
    }

    void walkFirstParentPaths_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<int>("maxCount");
        QTest::addColumn<QStringList>("also");
        QTest::addColumn<QStringList>("expected"); // name, "-" appended when it does not touch the paths
        QTest::addColumn<int>("walked");
        const QStringList none = words("");
        // The first-parent chain is c5 merge c3 c2 c1; the merge brings src/feature.py from the side branch.
        QTest::newRow("folder: the merge and c3") << words("src") << -1 << none << words("merge c3") << 5;
        QTest::newRow("folder with a trailing slash") << words("src/") << -1 << none << words("merge c3") << 5;
        QTest::newRow("file") << words(".gitlab-ci.yml") << -1 << none << words("c5 c2") << 5;
        QTest::newRow("root commit that adds the file") << words("README.md") << -1 << none << words("c1") << 5;
        QTest::newRow("two paths") << words("src .gitlab-ci.yml") << -1 << none << words("c5 merge c3 c2") << 5;
        QTest::newRow("a path that never existed") << words("docs") << -1 << none << none << 5;
        QTest::newRow("side-branch commits are not walked")
            << words("src/feature.py") << -1 << none << words("merge") << 5;
        QTest::newRow("commits asked for besides")
            << words("src") << -1 << words("c5 c1 f1") << words("c5- merge c3 c1-") << 5;
        QTest::newRow("at most two commits walked") << words("src") << 2 << none << words("merge") << 2;
        QTest::newRow("limit on a touching commit") << words("src") << 3 << words("c1") << words("merge c3") << 3;
    }
    void walkFirstParentPaths()
    {
        QFETCH(QStringList, paths);
        QFETCH(int, maxCount);
        QFETCH(QStringList, also);
        QFETCH(QStringList, expected);
        QFETCH(int, walked);
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        const QHash<QString, ObjectId> ids{{QStringLiteral("c1"), h.c1},       {QStringLiteral("c2"), h.c2},
                                           {QStringLiteral("c3"), h.c3},       {QStringLiteral("f1"), h.f1},
                                           {QStringLiteral("merge"), h.merge}, {QStringLiteral("c5"), h.c5}};
        QSet<ObjectId> alsoVisit;
        for (const QString& name : std::as_const(also))
            alsoVisit.insert(ids.value(name));
        QStringList actual;
        auto count = scratch.repo().walkFirstParentPaths(
            QStringLiteral("HEAD"), paths, maxCount, alsoVisit, [&](const CommitInfo& commit, bool touches) {
                actual << ids.key(commit.id) + (touches ? QString() : QStringLiteral("-"));
                return true;
            });
        QVERIFY(count.ok());
        QCOMPARE(actual, expected);
        QCOMPARE(*count, walked);
        if (also.isEmpty() && maxCount < 0) {
            // The same commits as the general path-limited first-parent walk.
            LogOptions options;
            options.firstParent = true;
            options.paths = paths;
            const auto history = scratch.repo().log(options);
            QVERIFY(history.ok());
            QStringList logged;
            for (const CommitInfo& commit : *history)
                logged << ids.key(commit.id);
            QCOMPARE(actual, logged);
        }
        // Stopping early, and a bad start.
        int visits = 0;
        QVERIFY(scratch.repo()
                    .walkFirstParentPaths(QStringLiteral("HEAD"), paths, maxCount, alsoVisit,
                                          [&](const CommitInfo&, bool) { return ++visits < 1; })
                    .ok());
        QCOMPARE(visits, expected.isEmpty() ? 0 : 1);
        QVERIFY(!scratch.repo()
                     .walkFirstParentPaths(QStringLiteral("no-such-branch"), paths, maxCount, alsoVisit,
                                           [](const CommitInfo&, bool) { return true; })
                     .ok());
    }

    // The first-parent chain from raw objects: ids, trees and first parents, newest first; side commits left out.
    void firstParentChain()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        LogOptions options;
        options.firstParent = true;
        const auto logged = scratch.repo().log(options);
        const auto chain = scratch.repo().firstParentChain(QStringLiteral("HEAD"), -1);
        QVERIFY(logged.ok() && chain.ok());
        QCOMPARE(chain->size(), logged->size());
        for (qsizetype i = 0; i < chain->size(); ++i) {
            QCOMPARE(chain->at(i).id, logged->at(i).id);
            QCOMPARE(chain->at(i).tree, logged->at(i).tree);
            QCOMPARE(chain->at(i).parents, logged->at(i).parents.mid(0, 1));
            QVERIFY(!chain->at(i).committer.time.isValid()); // not decoded
        }
        QCOMPARE(chain->first().id, h.c5);
        QCOMPARE(scratch.repo().firstParentChain(QStringLiteral("HEAD"), 2)->size(), 2);
        QVERIFY(!scratch.repo().firstParentChain(QStringLiteral("no-such-branch"), -1).ok());
        ProgressSink cancelled;
        cancelled.cancel();
        QCOMPARE(scratch.repo().firstParentChain(QStringLiteral("HEAD"), -1, &cancelled).error().code,
                 QStringLiteral("cancelled"));
    }

    // Streamed in committer-time order (topological off): the same commits, newest first, and a walk that stops
    // early stops there.
    void timeOrderedWalk()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        LogOptions options;
        const auto topological = scratch.repo().log(options);
        options.topological = false;
        const auto timed = scratch.repo().log(options);
        QVERIFY(topological.ok() && timed.ok());
        QCOMPARE(timed->size(), topological->size());
        QSet<ObjectId> a, b;
        for (qsizetype i = 0; i < timed->size(); ++i) {
            a.insert(timed->at(i).id);
            b.insert(topological->at(i).id);
            if (i > 0)
                QVERIFY(timed->at(i - 1).committer.time >= timed->at(i).committer.time);
        }
        QCOMPARE(a, b);
        QCOMPARE(timed->first().id, h.c5);
        int visited = 0;
        QVERIFY(scratch.repo().walk(options, [&](const CommitInfo&) { return ++visited < 2; }).ok());
        QCOMPARE(visited, 2);
    }

    void logDetails()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        auto commit = scratch.repo().commit(h.merge);
        QVERIFY(commit.ok());
        QCOMPARE(commit->parents, (QList<ObjectId>{h.c3, h.f1}));
        QCOMPARE(commit->summary, QStringLiteral("Merge branch 'feature'"));
        QCOMPARE(commit->author.time, at(5));
        QCOMPARE(scratch.repo().isAncestor(h.c1, h.c5).value(), true);
        QCOMPARE(scratch.repo().isAncestor(h.c5, h.c1).value(), false);
        QCOMPARE(scratch.repo().isAncestor(h.c5, h.c5).value(), false);

        LogOptions hidden;
        hidden.start = h.c5.toString();
        hidden.hide = {h.c3.toString()};
        QCOMPARE(scratch.repo().log(hidden)->size(), 3); // c5, merge, f1

        LogOptions limited;
        limited.maxCount = 2;
        QCOMPARE(scratch.repo().log(limited)->size(), 2);

        ProgressSink sink;
        sink.cancel();
        auto cancelled = scratch.repo().log(LogOptions{}, &sink);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
    }

    void diffs()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        const ObjectId renamed = scratch.commit(
            QStringLiteral("refactor: move"),
            {{QStringLiteral("src/main.py"), QByteArray()}, {QStringLiteral("app/main.py"), "print(1)\n"}});
        auto all = scratch.repo().diff(h.c1, h.c5);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        auto ci = scratch.repo().diff(h.c2, h.c5, {QStringLiteral(".gitlab-ci.yml")});
        QCOMPARE(ci->size(), 1);
        QCOMPARE(ci->first().status, FileChange::Status::Modified);
        QCOMPARE(ci->first().additions, 1);
        QCOMPARE(ci->first().deletions, 1);
        auto fromEmpty = scratch.repo().diff(ObjectId(), h.c1);
        QCOMPARE(fromEmpty->first().status, FileChange::Status::Added);
        auto moved = scratch.repo().diff(h.c5, renamed);
        QCOMPARE(moved->size(), 1);
        QCOMPARE(moved->first().status, FileChange::Status::Renamed);
        QCOMPARE(moved->first().oldPath, QStringLiteral("src/main.py"));
        QCOMPARE(moved->first().newPath, QStringLiteral("app/main.py"));
        auto patch = scratch.repo().patch(h.c2, h.c5, {QStringLiteral(".gitlab-ci.yml")});
        QVERIFY(patch->contains(QStringLiteral("+stages: [build, test]")));
    }

    void notes()
    {
        ScratchRepository scratch;
        const History h = buildHistory(scratch);
        const QString ref = QStringLiteral("refs/notes/gatehouse-scans");
        QVERIFY(scratch.repo().notes(ref)->isEmpty());
        QVERIFY(!scratch.repo().readNote(ref, h.c3)->has_value());
        const QByteArray report = R"({"version":"2.1.0","runs":[]})";
        auto written = scratch.repo().writeNote(ref, h.c3, report, ScratchRepository::alice(at(10)));
        QVERIFY(written.ok());
        auto read = scratch.repo().readNote(ref, h.c3);
        QVERIFY(read.ok());
        QCOMPARE(read->value(), report);
        auto all = scratch.repo().notes(ref);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().annotated, h.c3);
        QCOMPARE(scratch.repo().readBlob(all->first().blob).value(), report);
        QVERIFY(!scratch.repo().writeNote(ref, h.c3, QByteArray("a\0b", 3), ScratchRepository::alice(at(10))).ok());
    }

    void identity()
    {
        ScratchRepository scratch;
        QFile config(scratch.repo().gitDir() + QStringLiteral("config"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Jo Engineer\n\temail = jo@example.org\n");
        config.close();
        auto repo = Repository::open(scratch.path());
        auto signature = repo->defaultSignature();
        QVERIFY(signature.ok());
        QCOMPARE(signature->name, QStringLiteral("Jo Engineer"));
        QCOMPARE(signature->email, QStringLiteral("jo@example.org"));
        QCOMPARE(repo->configString(QStringLiteral("user.name")), QStringLiteral("Jo Engineer"));
    }

    // changedFiles compares tree entries for plain prefixes; the libgit2 diff (used for wildcard pathspecs) agrees.
    void changedFiles_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("fromFirst"); // changes from the first commit to the second
        QTest::addColumn<QString>("fromEmpty"); // the first commit against the empty tree
        QTest::addColumn<QString>("deleted"); // files of the first commit the second no longer has as files

        const QString all = QStringLiteral("a.txt dir/b.txt dir/sub/c.txt reports/r.json x");
        QTest::newRow("everything") << QStringList{} << "dir/sub/c.txt reports/s.json x/y.txt" << all << "a.txt x";
        QTest::newRow("one folder") << QStringList{QStringLiteral("reports")} << "reports/s.json"
                                    << "reports/r.json"
                                    << "";
        QTest::newRow("trailing slash") << QStringList{QStringLiteral("reports/")} << "reports/s.json"
                                        << "reports/r.json"
                                        << "";
        QTest::newRow("nested folder") << QStringList{QStringLiteral("dir/sub")} << "dir/sub/c.txt"
                                       << "dir/sub/c.txt"
                                       << "";
        QTest::newRow("parent of a folder") << QStringList{QStringLiteral("dir")} << "dir/sub/c.txt"
                                            << "dir/b.txt dir/sub/c.txt"
                                            << "";
        QTest::newRow("a name prefix is not a folder") << QStringList{QStringLiteral("di")} << ""
                                                       << ""
                                                       << "";
        QTest::newRow("a file") << QStringList{QStringLiteral("dir/b.txt")} << ""
                                << "dir/b.txt"
                                << "";
        QTest::newRow("a deleted file") << QStringList{QStringLiteral("a.txt")} << ""
                                        << "a.txt"
                                        << "a.txt";
        QTest::newRow("file became a folder") << QStringList{QStringLiteral("x")} << "x/y.txt"
                                              << "x"
                                              << "x";
        QTest::newRow("two prefixes") << QStringList{QStringLiteral("reports"), QStringLiteral("x")}
                                      << "reports/s.json x/y.txt"
                                      << "reports/r.json x"
                                      << "x";
        QTest::newRow("the root") << QStringList{QStringLiteral(".")} << "dir/sub/c.txt reports/s.json x/y.txt" << all
                                  << "a.txt x";
    }

    void changedFiles()
    {
        QFETCH(QStringList, paths);
        ScratchRepository scratch;
        const ObjectId first = scratch.commit(QStringLiteral("first"),
                                              {{QStringLiteral("a.txt"), "a"},
                                               {QStringLiteral("dir/b.txt"), "b"},
                                               {QStringLiteral("dir/sub/c.txt"), "c"},
                                               {QStringLiteral("reports/r.json"), "{}"},
                                               {QStringLiteral("x"), "file"}});
        const ObjectId second = scratch.commit(QStringLiteral("second"),
                                               {{QStringLiteral("a.txt"), QByteArray()},
                                                {QStringLiteral("dir/sub/c.txt"), "c2"},
                                                {QStringLiteral("reports/s.json"), "[]"},
                                                {QStringLiteral("x"), QByteArray()},
                                                {QStringLiteral("x/y.txt"), "y"}});
        Repository& repo = scratch.repo();
        const auto names = [](const Result<QList<TreeEntry>>& entries) {
            QStringList out;
            for (const TreeEntry& e : *entries)
                out << e.path;
            return out.join(QLatin1Char(' '));
        };
        QStringList deleted;
        const auto changed = repo.changedFiles(first, second, paths, &deleted);
        QVERIFY(changed.ok());
        QTEST(names(changed), "fromFirst");
        QTEST(deleted.join(QLatin1Char(' ')), "deleted");
        const auto initial = repo.changedFiles(ObjectId(), first, paths);
        QVERIFY(initial.ok());
        QTEST(names(initial), "fromEmpty");
        QStringList all;
        QVERIFY(repo.changedFiles(first, ObjectId(), paths, &all)->isEmpty()); // nothing is added by deleting all
        QCOMPARE(all.join(QLatin1Char(' ')), names(initial)); // and everything is gone

        // The blob ids are the new tree's.
        QHash<QString, ObjectId> blobs;
        const auto files = repo.listFiles(second); // named: a range-for over *temporary would dangle
        QVERIFY(files.ok());
        for (const TreeEntry& e : *files)
            blobs.insert(e.path, e.blob);
        for (const TreeEntry& e : *changed)
            QCOMPARE(e.blob, blobs.value(e.path));
        // libgit2's own diff (taken for wildcard pathspecs) finds the same files.
        if (paths.isEmpty()) {
            QStringList deletedViaDiff;
            const auto viaDiff = repo.changedFiles(first, second, {QStringLiteral("*")}, &deletedViaDiff);
            QVERIFY(viaDiff.ok());
            QCOMPARE(names(viaDiff), names(changed));
            QCOMPARE(deletedViaDiff, deleted);
            QCOMPARE(names(repo.changedFiles(ObjectId(), first, {QStringLiteral("*")})), names(initial));
        }
    }

    void threadAffinity()
    {
        // Workers open their own handle from the path; errors are captured on the worker's thread.
        ScratchRepository scratch;
        buildHistory(scratch);
        const QString path = scratch.path();
        auto future = QtConcurrent::run([path] {
            auto repo = Repository::open(path);
            if (!repo)
                return QString();
            auto missing = repo->resolve(QStringLiteral("does-not-exist"));
            return missing ? QString() : missing.error().message;
        });
        const QString message = future.result();
        QVERIFY2(message.contains(QStringLiteral("does-not-exist")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
