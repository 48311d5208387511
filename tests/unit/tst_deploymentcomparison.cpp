// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeploymentComparison.h"
#include "delivery/DeploymentScanner.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

QString describe(const QList<git::FileChange>& changes)
{
    QStringList list;
    for (const git::FileChange& change : changes) {
        const char* status = change.status == git::FileChange::Status::Added ? "A"
            : change.status == git::FileChange::Status::Deleted              ? "D"
            : change.status == git::FileChange::Status::Modified             ? "M"
                                                                             : "?";
        list.append(QLatin1String(status) + u' ' + (change.newPath.isEmpty() ? change.oldPath : change.newPath));
    }
    list.sort();
    return list.join(u", "_s);
}

QString subjects(const QList<git::CommitInfo>& commits)
{
    QStringList list;
    for (const git::CommitInfo& commit : commits)
        list.append(commit.summary);
    return list.join(u", "_s);
}

} // namespace

class TestDeploymentComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void changelog_data();
    void changelog();
    void lastGood();
    void paths_data();
    void paths();

private:
    test::ScratchRepository m_scratch;
    DeploymentHistory m_history;
};

// deploy-1@c1, deploy-2@c3 (c2 app change, c3 pipeline + policy), deploy-3@c1 (rollback).
void TestDeploymentComparison::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    const auto c1 = m_scratch.commit(u"feat: start"_s, {{u"a.txt"_s, "1\n"}, {u".gitlab-ci.yml"_s, "a: 1\n"}});
    m_scratch.tag(u"deploy-1"_s, c1, u"Production deployment"_s);
    m_scratch.commit(u"feat: a two"_s, {{u"a.txt"_s, "2\n"}});
    const auto c3 = m_scratch.commit(u"ci: gates"_s,
                                     {{u".gitlab-ci.yml"_s, "a: 2\n"}, {u".gatehouse/policy.yml"_s, "gates: {}\n"}});
    m_scratch.tag(u"deploy-2"_s, c3, u"Production deployment"_s);
    m_scratch.tag(u"deploy-3"_s, c1, u"Production deployment"_s);
    const auto history = DeploymentScanner::scan(m_scratch.repo(), DeploymentRules::defaults());
    QVERIFY(history.ok());
    m_history = history.value();
    QCOMPARE(m_history.deployments.size(), 3);
}

void TestDeploymentComparison::changelog_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("backwards");
    QTest::addColumn<QString>("commits");
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("pipeline");
    QTest::newRow("D1 has no baseline") << u"deploy-1"_s << false << QString() << QString() << QString();
    QTest::newRow("forward") << u"deploy-2"_s << false << u"ci: gates, feat: a two"_s
                             << u"A .gatehouse/policy.yml, M .gitlab-ci.yml, M a.txt"_s
                             << u"A .gatehouse/policy.yml, M .gitlab-ci.yml"_s;
    QTest::newRow("rollback lists what it takes out")
        << u"deploy-3"_s << true << u"ci: gates, feat: a two"_s
        << u"D .gatehouse/policy.yml, M .gitlab-ci.yml, M a.txt"_s << u"D .gatehouse/policy.yml, M .gitlab-ci.yml"_s;
}

void TestDeploymentComparison::changelog()
{
    QFETCH(QString, tag);
    QFETCH(bool, backwards);
    QFETCH(QString, commits);
    QFETCH(QString, files);
    QFETCH(QString, pipeline);
    const auto diff = DeploymentComparison::changelog(m_scratch.repo(), m_history, m_history.indexOfTag(tag));
    QVERIFY(diff.ok());
    QCOMPARE(diff->backwards, backwards);
    QCOMPARE(subjects(diff->commits), commits);
    QCOMPARE(describe(diff->files), files);
    QCOMPARE(describe(diff->pipelineFiles), pipeline);
    QVERIFY(!DeploymentComparison::changelog(m_scratch.repo(), m_history, 7).ok());
}

void TestDeploymentComparison::lastGood()
{
    const int d1 = m_history.indexOfTag(u"deploy-1"_s);
    const int d2 = m_history.indexOfTag(u"deploy-2"_s);
    const int d3 = m_history.indexOfTag(u"deploy-3"_s);
    QVERIFY(m_history.deployments.at(d2).failed); // rolled back by deploy-3
    QCOMPARE(DeploymentComparison::lastGoodBefore(m_history, d3), d1);
    QCOMPARE(DeploymentComparison::lastGoodBefore(m_history, d2), d1);
    QCOMPARE(DeploymentComparison::lastGoodBefore(m_history, d1), -1);
    QCOMPARE(DeploymentComparison::lastGoodBefore(m_history, 99), -1);
}

void TestDeploymentComparison::paths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("pipeline");
    QTest::newRow("gitlab") << u".gitlab-ci.yml"_s << true;
    QTest::newRow("gitlab include") << u".gitlab/ci/deploy.yml"_s << true;
    QTest::newRow("workflow") << u".github/workflows/ci.yaml"_s << true;
    QTest::newRow("action") << u".github/actions/setup/action.yml"_s << true;
    QTest::newRow("policy") << u".gatehouse/policy.yml"_s << true;
    QTest::newRow("code") << u"src/main.cpp"_s << false;
    QTest::newRow("lookalike") << u"docs/.gitlab-ci.yml"_s << false;
}

void TestDeploymentComparison::paths()
{
    QFETCH(QString, path);
    QFETCH(bool, pipeline);
    QCOMPARE(DeploymentComparison::isPipelineOrPolicyPath(path), pipeline);
}

QTEST_GUILESS_MAIN(TestDeploymentComparison)
#include "tst_deploymentcomparison.moc"
