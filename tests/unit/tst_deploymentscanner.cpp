// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeploymentScanner.h"
#include "delivery/DoraMetrics.h"

#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

// 2026-01-05 at hh:mm UTC.
QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 1, 5), QTime(hour, minute), QTimeZone::utc());
}

QString joinedIds(const QList<git::ObjectId>& ids, const QHash<git::ObjectId, QString>& names)
{
    QStringList list;
    for (const git::ObjectId& id : ids)
        list.append(names.value(id, id.shortString()));
    list.sort();
    return list.join(QLatin1Char(','));
}

} // namespace

class TestDeploymentScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deployments_data();
    void deployments();
    void order();
    void notes();
    void doraEndToEnd();
    void loadRulesFromWorkTreeAndHead();
    void cancel();
    void emptyRepository();

private:
    std::unique_ptr<test::ScratchRepository> m_scratch;
    QHash<git::ObjectId, QString> m_names; // commit id → short name used in the expectations
    DeploymentHistory m_history;
};

// The repository (times on 2026-01-05, UTC):
//   c1 10:00 ─ c2 11:00 ─┬─ c3 13:30 ─┬─ m 15:00 ─ s1 17:00 ─ r 19:30 ─ c5 21:00 ─ c6 23:00
//                        └─ f1 13:00 ─ f2 14:00 ┘  (merge)  (squash)  (revert)
// Tags: deploy-a@c2 (ann. 12:00), staging-1@c2 (light), v1.0.0@c2 (ann. 12:30), staging-2@m (ann. 15:30),
//   deploy-b@m (16:00), deploy-c@s1 (18:00), deploy-d@m (19:00, rollback: ancestor), deploy-e@r (20:00, rollback:
//   message), deploy-f and prod-f@c5 (lightweight, two tags on one commit), deploy-g@c6 (22:30, clock skew),
//   deploy-tree (on a tree), before-refactor@c1 (not a deployment).
void TestDeploymentScanner::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchRepository>();
    QVERIFY(m_scratch->isValid());
    test::ScratchRepository& s = *m_scratch;
    auto name = [this](const git::ObjectId& id, const QString& label) {
        QVERIFY(!id.isNull());
        m_names.insert(id, label);
    };
    const auto c1 = s.commit(u"feat: initial"_s, {{u"README.md"_s, "hello\n"}}, at(10));
    name(c1, u"c1"_s);
    const auto c2 = s.commit(u"feat(api): endpoint"_s, {{u"api.txt"_s, "v1\n"}}, at(11));
    name(c2, u"c2"_s);
    s.tag(u"deploy-a"_s, c2, u"Production deployment of c2"_s, at(12));
    s.tag(u"staging-1"_s, c2);
    s.tag(u"v1.0.0"_s, c2, u"Release 1.0.0"_s, at(12, 30));
    const auto f1 = s.commitOn({c2}, u"feat(ui): part one"_s, {{u"ui.txt"_s, "1\n"}}, at(13));
    name(f1, u"f1"_s);
    const auto f2 = s.commitOn({f1}, u"feat(ui): part two"_s, {{u"ui.txt"_s, "2\n"}}, at(14));
    name(f2, u"f2"_s);
    const auto c3 = s.commit(u"fix(api): status code"_s, {{u"api.txt"_s, "v2\n"}}, at(13, 30));
    name(c3, u"c3"_s);
    const auto m = s.commitOn({c3, f2}, u"Merge branch 'ui'"_s, {{u"ui.txt"_s, "2\n"}}, at(15), u"HEAD"_s);
    name(m, u"m"_s);
    s.tag(u"staging-2"_s, m, u"Staging deployment"_s, at(15, 30));
    s.tag(u"deploy-b"_s, m, u"Production deployment"_s, at(16));
    const auto s1 = s.commit(u"feat: squashed feature (#12)"_s, {{u"feature.txt"_s, "all\n"}}, at(17));
    name(s1, u"s1"_s);
    s.tag(u"deploy-c"_s, s1, u"Production deployment"_s, at(18));
    s.tag(u"deploy-d"_s, m, u"Production deployment"_s, at(19));
    const auto r
        = s.commit(u"Revert \"feat: squashed feature (#12)\""_s, {{u"feature.txt"_s, QByteArray()}}, at(19, 30));
    name(r, u"r"_s);
    s.tag(u"deploy-e"_s, r, u"Production deployment: ROLLBACK of the squashed feature"_s, at(20));
    const auto c5 = s.commit(u"fix: typo"_s, {{u"README.md"_s, "hello!\n"}}, at(21));
    name(c5, u"c5"_s);
    s.tag(u"prod-f"_s, c5);
    s.tag(u"deploy-f"_s, c5);
    const auto c6 = s.commit(u"chore: bump"_s, {{u"VERSION"_s, "2\n"}}, at(23));
    name(c6, u"c6"_s);
    s.tag(u"deploy-g"_s, c6, u"Production deployment"_s, at(22, 30));
    const auto commit6 = s.repo().commit(c6);
    QVERIFY(commit6.ok());
    s.tag(u"deploy-tree"_s, commit6->tree, u"Production deployment of a tree"_s, at(23, 30));
    s.tag(u"before-refactor"_s, c1);

    const auto history = DeploymentScanner::scan(s.repo(), DeploymentRules::defaults());
    QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().toString()));
    m_history = history.value();
}

void TestDeploymentScanner::deployments_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("commit");
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("deployer");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("changes"); // sorted names; "-" = no baseline
    QTest::addColumn<QString>("flags"); // rollback:<reason> redeploy failed
    QTest::addColumn<double>("leadMedian"); // -1 = none
    QTest::addColumn<int>("skewed");

    // clang-format off
    QTest::newRow("D1 has no baseline")
        << u"deploy-a"_s << u"production"_s << u"c2"_s << at(12) << u"Rita Release"_s << 0 << u"-"_s << u""_s << -1.0 << 0;
    QTest::newRow("merge: both sides are changes")
        << u"deploy-b"_s << u"production"_s << u"m"_s << at(16) << u"Rita Release"_s << 1 << u"c3,f1,f2,m"_s << u""_s
        << 8100.0 << 0;
    QTest::newRow("squash: one change, rolled back next")
        << u"deploy-c"_s << u"production"_s << u"s1"_s << at(18) << u"Rita Release"_s << 2 << u"s1"_s << u"failed"_s
        << 3600.0 << 0;
    QTest::newRow("rollback to an ancestor")
        << u"deploy-d"_s << u"production"_s << u"m"_s << at(19) << u"Rita Release"_s << 3 << u""_s
        << u"rollback:ancestor failed"_s << -1.0 << 0;
    QTest::newRow("rollback named in the message")
        << u"deploy-e"_s << u"production"_s << u"r"_s << at(20) << u"Rita Release"_s << 4 << u"r,s1"_s
        << u"rollback:message"_s << 6300.0 << 0;
    QTest::newRow("lightweight: committer time, no deployer")
        << u"deploy-f"_s << u"production"_s << u"c5"_s << at(21) << u""_s << 5 << u"c5"_s << u""_s << 0.0 << 0;
    QTest::newRow("second tag on one commit: redeploy")
        << u"prod-f"_s << u"production"_s << u"c5"_s << at(21) << u""_s << 6 << u""_s << u"redeploy"_s << -1.0 << 0;
    QTest::newRow("clock skew: commit after its tag")
        << u"deploy-g"_s << u"production"_s << u"c6"_s << at(22, 30) << u"Rita Release"_s << 7 << u"c6"_s << u""_s
        << 0.0 << 1;
    QTest::newRow("staging lightweight")
        << u"staging-1"_s << u"staging"_s << u"c2"_s << at(11) << u""_s << 0 << u"-"_s << u""_s << -1.0 << 0;
    QTest::newRow("staging annotated")
        << u"staging-2"_s << u"staging"_s << u"m"_s << at(15, 30) << u"Rita Release"_s << 1 << u"c3,f1,f2,m"_s << u""_s
        << 6300.0 << 0;
    QTest::newRow("semver release")
        << u"v1.0.0"_s << u"release"_s << u"c2"_s << at(12, 30) << u"Rita Release"_s << 0 << u"-"_s << u""_s << -1.0 << 0;
    // clang-format on
}

void TestDeploymentScanner::deployments()
{
    QFETCH(QString, tag);
    QFETCH(QString, environment);
    QFETCH(QString, commit);
    QFETCH(QDateTime, time);
    QFETCH(QString, deployer);
    QFETCH(int, index);
    QFETCH(QString, changes);
    QFETCH(QString, flags);
    QFETCH(double, leadMedian);
    QFETCH(int, skewed);

    const int position = m_history.indexOfTag(tag);
    QVERIFY(position >= 0);
    const Deployment& d = m_history.deployments.at(position);
    QCOMPARE(d.environment, environment);
    QCOMPARE(m_names.value(d.commit), commit);
    QCOMPARE(d.time, time);
    QCOMPARE(d.time.timeSpec(), Qt::UTC);
    QCOMPARE(d.deployer, deployer);
    QCOMPARE(d.index, index);
    QCOMPARE(d.changes ? joinedIds(*d.changes, m_names) : u"-"_s, changes);
    QStringList actualFlags;
    if (d.rollback)
        actualFlags.append(u"rollback:"_s + d.rollbackReason);
    if (d.redeploy)
        actualFlags.append(u"redeploy"_s);
    if (d.failed)
        actualFlags.append(u"failed"_s);
    QCOMPARE(actualFlags.join(QLatin1Char(' ')), flags);
    QCOMPARE(d.leadTimeMedianSeconds.value_or(-1.0), leadMedian);
    QCOMPARE(d.clockSkewedChanges, skewed);
    QCOMPARE(d.leadTimesSeconds.size(), d.changes ? d.changes->size() : 0);
    if (d.failed)
        QVERIFY(!d.failedReasons.isEmpty());
}

void TestDeploymentScanner::order()
{
    QStringList tags;
    for (const Deployment& d : std::as_const(m_history.deployments))
        tags.append(d.tag);
    QCOMPARE(tags,
             QStringList({u"staging-1"_s, u"deploy-a"_s, u"v1.0.0"_s, u"staging-2"_s, u"deploy-b"_s, u"deploy-c"_s,
                          u"deploy-d"_s, u"deploy-e"_s, u"deploy-f"_s, u"prod-f"_s, u"deploy-g"_s}));
    QCOMPARE(m_history.environments, QStringList({u"production"_s, u"release"_s, u"staging"_s}));
    const int b = m_history.indexOfTag(u"deploy-b"_s);
    QCOMPARE(m_history.deployments.at(b).previous.value_or(-1), m_history.indexOfTag(u"deploy-a"_s));
    QCOMPARE(m_history.deployments.at(m_history.indexOfTag(u"deploy-c"_s)).failedReasons,
             QStringList{u"rolled back by deploy-d"_s});
}

void TestDeploymentScanner::notes()
{
    QCOMPARE(m_history.notes.size(), 1);
    QVERIFY2(m_history.notes.first().contains(u"deploy-tree"_s), qPrintable(m_history.notes.first()));
    QVERIFY(m_history.notes.first().contains(u"does not point at a commit"_s));
    QCOMPARE(m_history.indexOfTag(u"deploy-tree"_s), -1);
    QCOMPARE(m_history.indexOfTag(u"before-refactor"_s), -1);
}

void TestDeploymentScanner::doraEndToEnd()
{
    const DoraSummary dora = DoraMetrics::compute(m_history, u"production"_s);
    QCOMPARE(dora.since, at(12));
    QCOMPARE(dora.until, at(22, 30));
    QCOMPARE(dora.deployments, 8);
    QCOMPARE(dora.changes, 9);
    QCOMPARE(dora.deploymentFrequencyPerWeek.value_or(-1), 8 * 168 / 10.5);
    QCOMPARE(dora.leadTimeMedianSeconds.value_or(-1), 3600.0);
    QCOMPARE(dora.leadTimeP90Seconds.value_or(-1), 10800.0);
    QCOMPARE(dora.failedDeployments, 2);
    QCOMPARE(dora.changeFailureRate.value_or(-1), 0.25);
    QCOMPARE(dora.rollbackRate.value_or(-1), 0.25);
    // deploy-c (18:00) and deploy-d (19:00) are restored by deploy-e (20:00).
    QCOMPARE(dora.timeToRestoreMedianSeconds.value_or(-1), 5400.0);
    QCOMPARE(dora.band, std::optional<DoraBand>(DoraBand::Low));
    QCOMPARE(dora.clockSkewedChanges, 1); // c6, dated after deploy-g
    QVERIFY(dora.notes.join(u' ').contains(u"clock skew"_s));
}

void TestDeploymentScanner::loadRulesFromWorkTreeAndHead()
{
    test::ScratchRepository scratch;
    const auto c1 = scratch.commit(
        u"chore: config"_s,
        {{u".gatehouse/config.yml"_s, "deployments:\n  rules:\n    - pattern: \"ship-*\"\n      environment: prod\n"}});
    scratch.tag(u"ship-1"_s, c1, u"shipped"_s);
    // The work tree's copy (uncommitted) wins when no revision is asked for.
    scratch.writeWorkTreeFile(u".gatehouse/config.yml"_s,
                              "deployments:\n  rules:\n    - pattern: \"ship-*\"\n      environment: live\n");
    QList<RuleDiagnostic> diagnostics;
    const DeploymentRules fromWorkTree = DeploymentScanner::loadRules(scratch.repo(), {}, &diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(fromWorkTree.classify(u"ship-1"_s)->environment, u"live"_s);
    const DeploymentRules fromHead = DeploymentScanner::loadRules(scratch.repo(), u"HEAD"_s, &diagnostics);
    QCOMPARE(fromHead.classify(u"ship-1"_s)->environment, u"prod"_s);
    const auto history = DeploymentScanner::scan(scratch.repo(), fromHead);
    QVERIFY(history.ok());
    QCOMPARE(history->deployments.size(), 1);
    QCOMPARE(history->deployments.first().ruleSource, RuleSource::Config);
    // A broken file: a diagnostic with its position, and the defaults still apply.
    scratch.writeWorkTreeFile(u".gatehouse/config.yml"_s, "deployments: [\n");
    diagnostics.clear();
    const DeploymentRules broken = DeploymentScanner::loadRules(scratch.repo(), {}, &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().code, u"config.yaml"_s);
    QVERIFY(broken.classify(u"deploy-1"_s).has_value());
}

void TestDeploymentScanner::cancel()
{
    ProgressSink sink;
    sink.cancel();
    const auto history = DeploymentScanner::scan(m_scratch->repo(), DeploymentRules::defaults(), &sink);
    QVERIFY(!history.ok());
    QCOMPARE(history.error().code, u"cancelled"_s);
}

void TestDeploymentScanner::emptyRepository()
{
    test::ScratchRepository scratch;
    const auto history = DeploymentScanner::scan(scratch.repo(), DeploymentRules::defaults());
    QVERIFY(history.ok());
    QVERIFY(history->deployments.isEmpty());
    const DoraSummary dora = DoraMetrics::compute(history.value(), u"production"_s);
    QCOMPARE(dora.deployments, 0);
    QVERIFY(!dora.since.isValid());
    QVERIFY(!dora.deploymentFrequencyPerWeek);
    QVERIFY(!dora.band);
}

QTEST_GUILESS_MAIN(TestDeploymentScanner)
#include "tst_deploymentscanner.moc"
