// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "git/CommitGraph.h"

#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace gatehouse;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

// The history used by every row (times in hours; d and e carry clock skew: older than their parent b):
//
//   a(1) ─ b(2) ─ c(3) ─────── m(6) ─ f(7)
//            └─ d(0) ─ e(0) ─┘
class TestCommitGraph : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScratchRepository> m_scratch;
    QHash<QString, git::ObjectId> m_ids;
    git::CommitGraph m_graph;

    static QDateTime at(int hour) { return QDateTime(QDate(2026, 1, 5), QTime(hour, 0), QTimeZone::utc()); }

    QString names(const QList<int>& commits) const
    {
        QStringList list;
        for (const int commit : commits)
            list.append(m_ids.key(m_graph.id(commit)));
        list.sort();
        return list.join(u',');
    }
    int index(const QString& name) const { return name.isEmpty() ? -1 : m_graph.indexOf(m_ids.value(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_scratch = std::make_unique<ScratchRepository>();
        QVERIFY(m_scratch->isValid());
        ScratchRepository& s = *m_scratch;
        m_ids[u"a"_s] = s.commit(u"a"_s, {{u"f"_s, "a"}}, at(1));
        m_ids[u"b"_s] = s.commit(u"b"_s, {{u"f"_s, "b"}}, at(2));
        m_ids[u"c"_s] = s.commit(u"c"_s, {{u"f"_s, "c"}}, at(3));
        m_ids[u"d"_s] = s.commitOn({m_ids[u"b"_s]}, u"d"_s, {{u"g"_s, "d"}}, at(0));
        m_ids[u"e"_s] = s.commitOn({m_ids[u"d"_s]}, u"e"_s, {{u"g"_s, "e"}}, at(0));
        m_ids[u"m"_s]
            = s.commitOn({m_ids[u"c"_s], m_ids[u"e"_s]}, u"m"_s, {{u"g"_s, "e"}, {u"f"_s, "c"}}, at(6), u"HEAD"_s);
        m_ids[u"f"_s] = s.commit(u"f"_s, {{u"f"_s, "f"}}, at(7));
        // Two tips, one inside the other's history, plus a null id: walked once, each commit once.
        Result<git::CommitGraph> graph
            = git::CommitGraph::build(s.repo(), {m_ids[u"f"_s], git::ObjectId(), m_ids[u"e"_s]});
        QVERIFY2(graph.ok(), qPrintable(graph.ok() ? QString() : graph.error().toString()));
        m_graph = std::move(graph).value();
    }

    void size()
    {
        QCOMPARE(m_graph.size(), 7);
        QVERIFY(!m_graph.contains(git::ObjectId::fromHex(u"0123456789012345678901234567890123456789"_s)));
        QCOMPARE(m_graph.commitTime(index(u"m"_s)), at(6).toSecsSinceEpoch());
    }

    void only_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("hidden");
        QTest::addColumn<QString>("expected");
        QTest::newRow("everything") << u"f"_s << QString() << u"a,b,c,d,e,f,m"_s;
        QTest::newRow("merge brings the side branch") << u"f"_s << u"c"_s << u"d,e,f,m"_s;
        QTest::newRow("skewed side branch over mainline") << u"e"_s << u"c"_s << u"d,e"_s;
        QTest::newRow("mainline over skewed side branch") << u"c"_s << u"e"_s << u"c"_s;
        QTest::newRow("ancestor hides nothing of itself") << u"b"_s << u"a"_s << u"b"_s;
        QTest::newRow("descendant hides all") << u"a"_s << u"f"_s << QString();
        QTest::newRow("same commit") << u"m"_s << u"m"_s << QString();
        QTest::newRow("unknown commit") << QString() << QString() << QString();
    }

    void only()
    {
        QFETCH(QString, from);
        QFETCH(QString, hidden);
        QFETCH(QString, expected);
        QCOMPARE(names(m_graph.only(index(from), index(hidden))), expected);
        if (from.isEmpty())
            return;
        // The same question asked of libgit2's walk (this history's skew is one its date order still gets right).
        git::LogOptions options;
        options.start = m_ids.value(from).toString();
        if (!hidden.isEmpty())
            options.hide = {m_ids.value(hidden).toString()};
        const Result<QList<git::CommitInfo>> log = m_scratch->repo().log(options);
        QVERIFY(log.ok());
        QStringList walked;
        for (const git::CommitInfo& commit : log.value())
            walked.append(m_ids.key(commit.id));
        walked.sort();
        QCOMPARE(walked.join(u','), expected);
    }

    void isAncestor_data()
    {
        QTest::addColumn<QString>("ancestor");
        QTest::addColumn<QString>("descendant");
        QTest::addColumn<bool>("expected");
        QTest::newRow("parent") << u"a"_s << u"b"_s << true;
        QTest::newRow("through a merge's second parent") << u"d"_s << u"f"_s << true;
        QTest::newRow("root of everything") << u"a"_s << u"f"_s << true;
        QTest::newRow("child is no ancestor") << u"b"_s << u"a"_s << false;
        QTest::newRow("other branch") << u"c"_s << u"e"_s << false;
        QTest::newRow("side branch not in mainline") << u"d"_s << u"c"_s << false;
        QTest::newRow("itself") << u"f"_s << u"f"_s << false;
    }

    void isAncestor()
    {
        QFETCH(QString, ancestor);
        QFETCH(QString, descendant);
        QFETCH(bool, expected);
        QCOMPARE(m_graph.isAncestor(index(ancestor), index(descendant)), expected);
        const Result<bool> git = m_scratch->repo().isAncestor(m_ids.value(ancestor), m_ids.value(descendant));
        QVERIFY(git.ok());
        QCOMPARE(git.value(), expected);
    }

    // Seeded by another walk (the mainline up to c, as the incident scanner's walk adds it), then extended from f
    // and e: the extension reads only m, f, d and e, and every answer is the one-walk graph's.
    void seededThenExtended()
    {
        git::CommitGraph graph;
        for (const QString& name : {u"c"_s, u"b"_s, u"a"_s}) {
            const Result<git::CommitInfo> commit = m_scratch->repo().commit(m_ids.value(name));
            QVERIFY(commit.ok());
            graph.add(commit->id, commit->parents, commit->committer.time.toSecsSinceEpoch());
        }
        graph.markWalked(m_ids.value(u"c"_s));
        QCOMPARE(graph.size(), 3);
        QVERIFY(graph.isAncestor(graph.indexOf(m_ids.value(u"a"_s)), graph.indexOf(m_ids.value(u"c"_s))));
        QVERIFY(graph.extend(m_scratch->repo(), {m_ids.value(u"f"_s), m_ids.value(u"e"_s)}).ok());
        QCOMPARE(graph.size(), 7);
        auto named = [&](const QList<int>& commits) {
            QStringList list;
            for (const int commit : commits)
                list.append(m_ids.key(graph.id(commit)));
            list.sort();
            return list.join(u',');
        };
        auto at = [&](const QString& name) { return graph.indexOf(m_ids.value(name)); };
        QCOMPARE(named(graph.only(at(u"f"_s), at(u"c"_s))), u"d,e,f,m"_s);
        QCOMPARE(named(graph.only(at(u"e"_s), at(u"c"_s))), u"d,e"_s);
        QCOMPARE(named(graph.only(at(u"c"_s), at(u"e"_s))), u"c"_s);
        QVERIFY(graph.isAncestor(at(u"b"_s), at(u"e"_s)));
        QVERIFY(!graph.isAncestor(at(u"c"_s), at(u"e"_s)));
        // Nothing new to read: the graph stays as it is.
        QVERIFY(graph.extend(m_scratch->repo(), {m_ids.value(u"m"_s)}).ok());
        QCOMPARE(graph.size(), 7);
    }

    void emptyAndForeignTips()
    {
        ScratchRepository empty;
        Result<git::CommitGraph> none = git::CommitGraph::build(empty.repo(), {m_ids[u"f"_s]});
        QVERIFY(none.ok());
        QCOMPARE(none->size(), 0);
        QCOMPARE(none->indexOf(m_ids[u"f"_s]), -1);
        QVERIFY(none->only(-1).isEmpty());
        QVERIFY(!none->isAncestor(-1, -1));
    }
};

QTEST_GUILESS_MAIN(TestCommitGraph)
#include "tst_commitgraph.moc"
