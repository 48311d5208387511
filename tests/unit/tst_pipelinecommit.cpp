// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"

#include "git/Repository.h"
#include "pipeline/workspace/PipelineCommit.h"

#include <QFile>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {
const QByteArray Pipeline = "stages: [test, deploy]\n"
                            "unit:\n  stage: test\n  script: make check\n"
                            "ship:\n  stage: deploy\n  environment: production\n  when: manual\n  script: ./deploy\n";

/// `git status --porcelain` lines.
QStringList porcelain(const git::Repository& repo)
{
    QStringList lines;
    const auto status = repo.status();
    if (!status.ok())
        return {status.error().toString()};
    for (const git::StatusEntry& entry : status.value())
        lines.append(entry.code() + u' ' + entry.path);
    return lines;
}

bool appendFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(data) == data.size();
}
} // namespace

class TestPipelineCommit : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ScratchRepository> m_scratch;
    git::ObjectId m_first;

private Q_SLOTS:
    void init()
    {
        m_scratch = std::make_unique<test::ScratchRepository>();
        QVERIFY(m_scratch->isValid());
        m_first = m_scratch->commit(u"ci: pipeline"_qs, {{u".gitlab-ci.yml"_qs, Pipeline}, {u"README"_qs, "hello\n"}});
        m_scratch->writeWorkTreeFile(u".gitlab-ci.yml"_qs, Pipeline);
        QVERIFY(appendFile(m_scratch->repo().gitDir() + u"config"_qs,
                           "[user]\n\tname = Rita Release\n\temail = rita@example.org\n"));
    }

    void commitsExactlyOneCommitWithTheRightTree()
    {
        QString text = QString::fromUtf8(Pipeline);
        text.remove(u"  when: manual\n"_qs);
        const auto prep = prepareCommit(m_scratch->path(), u".gitlab-ci.yml"_qs, text);
        QVERIFY2(prep.ok(), qPrintable(prep.ok() ? QString() : prep.error().toString()));
        QCOMPARE(prep->branch, u"main"_qs);
        QCOMPARE(prep->head, m_first);
        QCOMPARE(prep->author, u"Rita Release <rita@example.org>"_qs);
        QVERIFY2(prep->diff.contains(u"-  when: manual"_qs), qPrintable(prep->diff));
        QVERIFY(prep->gateChanges.contains(u"production-approval: pass → fail"_qs));
        QVERIFY(prep->message.startsWith(u"ci(pipeline): update .gitlab-ci.yml\n\nGates:\n- production-approval"_qs));
        QCOMPARE(prep->errors, 0);

        const auto id = commitPipeline(m_scratch->path(), u".gitlab-ci.yml"_qs, text, prep->message, prep->head);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        git::Repository& repo = m_scratch->repo();
        QCOMPARE(repo.resolve(u"HEAD"_qs).value(), id.value());
        const auto commit = repo.commit(id.value());
        QCOMPARE(commit->parents, QList<git::ObjectId>{m_first});
        QCOMPARE(commit->author.name, u"Rita Release"_qs);
        QCOMPARE(commit->summary, u"ci(pipeline): update .gitlab-ci.yml"_qs);
        QCOMPARE(repo.readFile(id.value(), u".gitlab-ci.yml"_qs).value(), text.toUtf8());
        QCOMPARE(repo.readFile(id.value(), u"README"_qs).value(), QByteArray("hello\n"));
        QCOMPARE(repo.listFiles(id.value())->size(), 2);
        // Exactly one new commit on the branch (the preview object is referenced by nothing).
        QCOMPARE(repo.resolve(u"HEAD~1"_qs).value(), m_first);

        // HEAD moved: the old preparation is refused.
        const auto again = commitPipeline(m_scratch->path(), u".gitlab-ci.yml"_qs, text, u"x"_qs, m_first);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"commit.head-moved"_qs);
    }

    void indexFollowsTheCommitAndKeepsOtherStagedChanges_data()
    {
        QTest::addColumn<bool>("saved"); // the work tree holds the committed text
        QTest::addColumn<QStringList>("expected"); // `git status --porcelain` after the commit
        QTest::newRow("saved before committing") << true << QStringList{u"A  NOTES"_qs};
        QTest::newRow("committed unsaved text") << false << QStringList{u" M .gitlab-ci.yml"_qs, u"A  NOTES"_qs};
    }
    void indexFollowsTheCommitAndKeepsOtherStagedChanges()
    {
        QFETCH(bool, saved);
        QFETCH(QStringList, expected);
        git::Repository& repo = m_scratch->repo();
        QVERIFY(repo.checkoutHead(true).ok()); // index and work tree = HEAD
        QCOMPARE(porcelain(repo), QStringList());
        // The user has another change staged: a new file.
        const git::ObjectId side = m_scratch->commitOn({m_first}, u"side"_qs, {{u"NOTES"_qs, "staged\n"}});
        m_scratch->writeWorkTreeFile(u"NOTES"_qs, "staged\n");
        QVERIFY(repo.syncIndexEntry(u"NOTES"_qs, side).ok());
        QCOMPARE(porcelain(repo), QStringList{u"A  NOTES"_qs});

        QString text = QString::fromUtf8(Pipeline);
        text.replace(u"make check"_qs, u"make check-all"_qs);
        if (saved)
            m_scratch->writeWorkTreeFile(u".gitlab-ci.yml"_qs, text.toUtf8());
        const auto prep = prepareCommit(m_scratch->path(), u".gitlab-ci.yml"_qs, text);
        QVERIFY(prep.ok());
        const auto id = commitPipeline(m_scratch->path(), u".gitlab-ci.yml"_qs, text, prep->message, prep->head);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        // Without the index update the file would show as staged back to its old content ("MM" or "M ").
        QCOMPARE(porcelain(repo), expected);
    }

    void syncIndexEntryRemovesAFileTheCommitDoesNotHave()
    {
        git::Repository& repo = m_scratch->repo();
        QVERIFY(repo.checkoutHead(true).ok());
        const git::ObjectId without = m_scratch->commitOn({m_first}, u"rm"_qs, {{u"README"_qs, QByteArray()}});
        QVERIFY(repo.syncIndexEntry(u"README"_qs, without).ok());
        // A staged deletion; the work-tree file is kept, so it is also untracked now (as git shows it).
        QCOMPARE(porcelain(repo), (QStringList{u"D  README"_qs, u"?? README"_qs}));
        QVERIFY(QFile::exists(m_scratch->path() + u"/README"_qs));
        QVERIFY(!repo.syncIndexEntry(u"../outside"_qs, m_first).ok());
    }

    void unchangedTextHasNoDiff()
    {
        const auto prep = prepareCommit(m_scratch->path(), u".gitlab-ci.yml"_qs, QString::fromUtf8(Pipeline));
        QVERIFY(prep.ok());
        QVERIFY(prep->diff.isEmpty());
        QVERIFY(prep->gateChanges.isEmpty());
    }

    void refusedStates_data()
    {
        QTest::addColumn<QString>("marker"); // file created in the git dir
        QTest::addColumn<QString>("code");
        QTest::newRow("merge in progress") << u"MERGE_HEAD"_qs << u"commit.in-progress"_qs;
        QTest::newRow("rebase in progress") << u"rebase-merge"_qs << u"commit.in-progress"_qs;
        QTest::newRow("detached head") << u"HEAD"_qs << u"commit.detached"_qs;
    }
    void refusedStates()
    {
        QFETCH(QString, marker);
        QFETCH(QString, code);
        QFile file(m_scratch->repo().gitDir() + marker);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(m_first.toString().toLatin1() + '\n');
        file.close();
        const auto prep = prepareCommit(m_scratch->path(), u".gitlab-ci.yml"_qs, u"a: 1\n"_qs);
        QVERIFY(!prep.ok());
        QCOMPARE(prep.error().code, code);
        QVERIFY(!prep.error().message.isEmpty());
        const auto id = commitPipeline(m_scratch->path(), u".gitlab-ci.yml"_qs, u"a: 1\n"_qs, u"m"_qs, m_first);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestPipelineCommit)
#include "tst_pipelinecommit.moc"
