// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryCache.h"
#include "delivery/DeliveryDiskCache.h"
#include "demo/DemoRepository.h"
#include "git/Repository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::delivery;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int hour)
{
    return QDateTime(QDate(2026, 1, 5), QTime(hour, 0), QTimeZone::utc());
}

// Instant and time spec: a time read back must be the same time the same way.
void compareTimes(const QDateTime& actual, const QDateTime& expected)
{
    QCOMPARE(actual, expected);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(actual.timeSpec(), expected.timeSpec());
}

void compareDeployments(const Deployment& a, const Deployment& e)
{
    QCOMPARE(a.tag, e.tag);
    QCOMPARE(a.source, e.source);
    QCOMPARE(a.platformId, e.platformId);
    QCOMPARE(a.platformStatus, e.platformStatus);
    QCOMPARE(a.commit, e.commit);
    QCOMPARE(a.tagObject, e.tagObject);
    QCOMPARE(a.annotated, e.annotated);
    QCOMPARE(a.environment, e.environment);
    QCOMPARE(a.ruleSource, e.ruleSource);
    QCOMPARE(a.rule, e.rule);
    compareTimes(a.time, e.time);
    QCOMPARE(a.deployer, e.deployer);
    QCOMPARE(a.deployerEmail, e.deployerEmail);
    QCOMPARE(a.message, e.message);
    QCOMPARE(a.index, e.index);
    QCOMPARE(a.previous, e.previous);
    QCOMPARE(a.redeploy, e.redeploy);
    QCOMPARE(a.rollback, e.rollback);
    QCOMPARE(a.rollbackReason, e.rollbackReason);
    QCOMPARE(a.failed, e.failed);
    QCOMPARE(a.failedReasons, e.failedReasons);
    QCOMPARE(a.changes.has_value(), e.changes.has_value());
    if (e.changes)
        QCOMPARE(*a.changes, *e.changes);
    QCOMPARE(a.leadTimesSeconds, e.leadTimesSeconds);
    QCOMPARE(a.clockSkewedChanges, e.clockSkewedChanges);
    QCOMPARE(a.leadTimeMedianSeconds.has_value(), e.leadTimeMedianSeconds.has_value());
    if (e.leadTimeMedianSeconds)
        QCOMPARE(*a.leadTimeMedianSeconds, *e.leadTimeMedianSeconds);
}

void compareIncidents(const Incident& a, const Incident& e)
{
    QCOMPARE(a.kind, e.kind);
    QCOMPARE(a.commit, e.commit);
    QCOMPARE(a.documentPath, e.documentPath);
    compareTimes(a.time, e.time);
    compareTimes(a.commitTime, e.commitTime);
    QCOMPARE(a.title, e.title);
    QCOMPARE(a.scope, e.scope);
    QCOMPARE(a.incident, e.incident);
    QCOMPARE(a.rootCause, e.rootCause);
    QCOMPARE(a.fix, e.fix);
    QCOMPARE(a.detected, e.detected);
    QCOMPARE(a.duration, e.duration);
    QCOMPARE(a.durationSeconds, e.durationSeconds);
    QCOMPARE(a.severity, e.severity);
    QCOMPARE(a.deploymentRef, e.deploymentRef);
    QCOMPARE(a.factors, e.factors);
    QCOMPARE(a.factorNotes, e.factorNotes);
    QCOMPARE(a.revertedCommit, e.revertedCommit);
    QCOMPARE(a.body, e.body);
    QCOMPARE(a.fixCommits, e.fixCommits);
    QCOMPARE(a.shippedIn, e.shippedIn);
    QCOMPARE(a.blamedDeployment, e.blamedDeployment);
    QCOMPARE(a.fixedByDeployment, e.fixedByDeployment);
    QCOMPARE(a.timeToRestoreSeconds, e.timeToRestoreSeconds);
    QCOMPARE(a.notes, e.notes);
}

void compareSnapshots(const DeliverySnapshot& a, const DeliverySnapshot& e)
{
    QCOMPARE(a.repositoryPath, e.repositoryPath);
    QCOMPARE(a.history.notes, e.history.notes);
    QCOMPARE(a.history.environments, e.history.environments);
    QCOMPARE(a.history.deployments.size(), e.history.deployments.size());
    for (qsizetype i = 0; i < e.history.deployments.size(); ++i) {
        compareDeployments(a.history.deployments.at(i), e.history.deployments.at(i));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"deployment %1 differs"_s.arg(e.history.deployments.at(i).tag)));
    }
    for (const auto& [actual, expected] :
         {std::pair{&a.incidents, &e.incidents}, std::pair{&a.unshippedReverts, &e.unshippedReverts}}) {
        QCOMPARE(actual->size(), expected->size());
        for (qsizetype i = 0; i < expected->size(); ++i) {
            compareIncidents(actual->at(i), expected->at(i));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(u"incident %1 differs"_s.arg(i)));
        }
    }
    QCOMPARE(a.configDiagnostics.size(), e.configDiagnostics.size());
    for (qsizetype i = 0; i < e.configDiagnostics.size(); ++i) {
        QCOMPARE(a.configDiagnostics.at(i).line, e.configDiagnostics.at(i).line);
        QCOMPARE(a.configDiagnostics.at(i).column, e.configDiagnostics.at(i).column);
        QCOMPARE(a.configDiagnostics.at(i).code, e.configDiagnostics.at(i).code);
        QCOMPARE(a.configDiagnostics.at(i).message, e.configDiagnostics.at(i).message);
    }
    QCOMPARE(a.incidentDiagnostics.size(), e.incidentDiagnostics.size());
    for (qsizetype i = 0; i < e.incidentDiagnostics.size(); ++i) {
        QCOMPARE(a.incidentDiagnostics.at(i).path, e.incidentDiagnostics.at(i).path);
        QCOMPARE(a.incidentDiagnostics.at(i).line, e.incidentDiagnostics.at(i).line);
        QCOMPARE(a.incidentDiagnostics.at(i).column, e.incidentDiagnostics.at(i).column);
        QCOMPARE(a.incidentDiagnostics.at(i).code, e.incidentDiagnostics.at(i).code);
        QCOMPARE(a.incidentDiagnostics.at(i).message, e.incidentDiagnostics.at(i).message);
    }
}

// Every field set, none at its default, so a field the encoding forgets shows.
DeliverySnapshot handBuilt()
{
    DeliverySnapshot s;
    s.repositoryPath = u"/repos/app/"_s;
    Deployment d;
    d.tag = u"deploy-prod-7"_s;
    d.source = u"tag+gitlab"_s;
    d.platformId = u"1234"_s;
    d.platformStatus = u"failed"_s;
    d.commit = git::ObjectId::fromHex(u"0123456789abcdef0123456789abcdef01234567"_s);
    d.tagObject = git::ObjectId::fromHex(u"89abcdef0123456789abcdef0123456789abcdef"_s);
    d.annotated = true;
    d.environment = u"production"_s;
    d.ruleSource = RuleSource::Config;
    d.rule = u"deploy-prod-*"_s;
    d.time = QDateTime(QDate(2026, 3, 1), QTime(12, 30, 15, 250), QTimeZone(3600));
    d.deployer = u"Zoë Ops"_s;
    d.deployerEmail = u"zoe@example.com"_s;
    d.message = u"Production deployment\n\nwith a body"_s;
    d.index = 3;
    d.previous = 0;
    d.redeploy = true;
    d.rollback = true;
    d.rollbackReason = u"ancestor"_s;
    d.failed = true;
    d.failedReasons = {u"rolled back by deploy-prod-8"_s, u"incident INC-1"_s};
    d.changes = QList<git::ObjectId>{d.commit, d.tagObject};
    d.leadTimesSeconds = {0, 3600, qint64(1) << 40};
    d.clockSkewedChanges = 2;
    d.leadTimeMedianSeconds = 1800.5;
    s.history.deployments = {d};
    Deployment first; // D1: no baseline, optional fields absent (and zero where present must stay zero)
    first.tag = u"v1.0.0"_s;
    first.ruleSource = RuleSource::Release;
    first.previous = std::nullopt;
    first.leadTimeMedianSeconds = 0.0;
    first.changes = QList<git::ObjectId>{};
    s.history.deployments.append(first);
    s.history.notes = {u"tag 'deploy-tree' does not point at a commit: ignored"_s};
    s.history.environments = {u"production"_s, u"release"_s};

    Incident incident;
    incident.kind = Incident::Kind::Revert;
    incident.commit = d.commit;
    incident.documentPath = u"postmortems/2026-03-01.md"_s;
    incident.time = at(5);
    incident.commitTime = QDateTime(); // invalid stays invalid
    incident.title = u"Revert \"feat: cache\""_s;
    incident.scope = u"api"_s;
    incident.incident = u"INC-1"_s;
    incident.rootCause = u"a race"_s;
    incident.fix = u"abc1234"_s;
    incident.detected = u"2026-03-01 12:00"_s;
    incident.duration = u"45m"_s;
    incident.durationSeconds = 2700;
    incident.severity = u"SEV2"_s;
    incident.deploymentRef = u"deploy-prod-7"_s;
    incident.factors = {u"VI"_s, u"X"_s};
    incident.factorNotes = {u"Factor VI: no rollback point"_s};
    incident.revertedCommit = u"0123456789abcdef0123456789abcdef01234567"_s;
    incident.body = u"body\nlines"_s;
    incident.fixCommits = {u"89abcdef0123456789abcdef0123456789abcdef"_s};
    incident.shippedIn = u"deploy-prod-6"_s;
    incident.blamedDeployment = u"deploy-prod-7"_s;
    incident.fixedByDeployment = u"deploy-prod-8"_s;
    incident.timeToRestoreSeconds = 0;
    incident.notes = {u"note"_s};
    s.incidents = {incident};
    Incident unshipped;
    unshipped.kind = Incident::Kind::RevertUnshipped;
    s.unshippedReverts = {unshipped};
    s.configDiagnostics = {RuleDiagnostic{3, 7, u"config.rule"_s, u"bad pattern"_s}};
    s.incidentDiagnostics = {IncidentDiagnostic{u"postmortems/x.md"_s, 1, 2, u"postmortem.front-matter"_s, u"m"_s}};
    return s;
}

} // namespace

class TestDeliveryDiskCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
        QVERIFY(m_demo.isValid());
        const auto created = DemoRepository::create(m_demo.filePath(u"demo"_s));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    }

    void init() { DeliveryCache::instance().clear(); }

    void handBuiltValueRoundTrips()
    {
        const DeliverySnapshot original = handBuilt();
        const std::optional<DeliverySnapshot> read = DeliveryDiskCache::decode(DeliveryDiskCache::encode(original));
        QVERIFY(read.has_value());
        compareSnapshots(*read, original);
    }

    void truncatedOrExtendedBytesAreNoValue()
    {
        const QByteArray bytes = DeliveryDiskCache::encode(handBuilt());
        QVERIFY(!DeliveryDiskCache::decode(bytes.left(bytes.size() - 3)).has_value());
        QVERIFY(!DeliveryDiskCache::decode(bytes + "x").has_value());
        QVERIFY(!DeliveryDiskCache::decode(QByteArray()).has_value());
    }

    void computedAnalysisRoundTripsThroughTheDisk()
    {
        const Result<git::Repository> repository = git::Repository::open(m_demo.filePath(u"demo"_s));
        QVERIFY(repository.ok());
        const Result<DeliverySnapshot> computed = DeliveryAnalysis::compute(repository.value());
        QVERIFY(computed.ok());
        QVERIFY(computed->history.deployments.size() >= 10);
        QVERIFY(!computed->incidents.isEmpty());
        const QByteArray key = DeliveryDiskCache::stateKey(repository.value(), {});
        QVERIFY(!key.isEmpty());
        QVERIFY(DeliveryDiskCache::store(key, computed.value()));
        QVERIFY(DeliveryDiskCache::fileFor(key).startsWith(m_cache.path() + u"/gatehouse/delivery/"_s));
        const std::optional<DeliverySnapshot> read = DeliveryDiskCache::find(key);
        QVERIFY(read.has_value());
        compareSnapshots(*read, computed.value());
    }

    void changedStateChangesTheKey_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("keyChanges");
        QTest::newRow("nothing") << u"none"_s << false;
        QTest::newRow("the revision asked by name") << u"same-commit-by-name"_s << false;
        QTest::newRow("a new commit") << u"commit"_s << true;
        QTest::newRow("a new tag") << u"tag"_s << true;
        QTest::newRow("a new branch") << u"branch"_s << true;
        QTest::newRow("deployment notes") << u"refs/notes/gatehouse-deployments"_s << true;
        QTest::newRow("scan notes") << u"refs/notes/gatehouse-scans"_s << true;
        QTest::newRow("run notes") << u"refs/notes/gatehouse-runs"_s << true;
        QTest::newRow("the work tree's rules file") << u"config"_s << true;
    }

    void changedStateChangesTheKey()
    {
        QFETCH(QString, change);
        QFETCH(bool, keyChanges);
        ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a"_s, "1"}}, at(1));
        scratch.tag(u"v1.0.0"_s, first, u"release"_s, at(2));
        const QByteArray before = DeliveryDiskCache::stateKey(scratch.repo(), {});
        QVERIFY(!before.isEmpty());
        QVERIFY(DeliveryDiskCache::store(before, handBuilt()));
        if (change == u"commit")
            scratch.commit(u"fix: two"_s, {{u"a"_s, "2"}}, at(3));
        else if (change == u"tag")
            scratch.tag(u"v1.0.1"_s, first, u"release"_s, at(3));
        else if (change == u"branch")
            scratch.commitOn({first}, u"feat: side"_s, {{u"b"_s, "1"}}, at(3), u"refs/heads/side"_s);
        else if (change.startsWith(u"refs/notes/"))
            QVERIFY(scratch.repo().writeNote(change, first, "note", ScratchRepository::alice(at(3))).ok());
        else if (change == u"config")
            scratch.writeWorkTreeFile(u".gatehouse/config.yml"_s, "deployments:\n  exclude: ['v*']\n");
        const QByteArray now = DeliveryDiskCache::stateKey(scratch.repo(), {});
        QCOMPARE(now != before, keyChanges);
        // The stored entry answers only its own state.
        QCOMPARE(DeliveryDiskCache::find(now).has_value(), !keyChanges);
        if (change == u"same-commit-by-name") {
            QCOMPARE(DeliveryDiskCache::stateKey(scratch.repo(), u"HEAD"_s),
                     DeliveryDiskCache::stateKey(scratch.repo(), first.toString()));
        }
    }

    void runUsesTheDiskAndRewritesStaleOrDamagedEntries()
    {
        ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a"_s, "1"}}, at(1));
        scratch.tag(u"v1.0.0"_s, first, u"release"_s, at(2));
        const QByteArray key = DeliveryDiskCache::stateKey(scratch.repo(), {});

        // A fresh process (empty memory) computes once and writes the disk.
        const Result<DeliverySnapshot> computed = DeliveryAnalysis::run(scratch.repo());
        QVERIFY(computed.ok());
        QCOMPARE(computed->history.deployments.size(), 1);
        const std::optional<DeliverySnapshot> written = DeliveryDiskCache::find(key);
        QVERIFY(written.has_value());
        compareSnapshots(*written, computed.value());

        // The next process answers from the disk: a marked entry is what it returns.
        DeliverySnapshot marked = computed.value();
        marked.history.notes = {u"read from the disk"_s};
        QVERIFY(DeliveryDiskCache::store(key, marked));
        DeliveryCache::instance().clear();
        const Result<DeliverySnapshot> reopened = DeliveryAnalysis::run(scratch.repo());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->history.notes, marked.history.notes);

        // A damaged entry is not shown: computed afresh and rewritten.
        QFile file(DeliveryDiskCache::fileFor(key));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        file.write("garbage");
        file.close();
        QVERIFY(!DeliveryDiskCache::find(key).has_value());
        DeliveryCache::instance().clear();
        const Result<DeliverySnapshot> recomputed = DeliveryAnalysis::run(scratch.repo());
        QVERIFY(recomputed.ok());
        QVERIFY(recomputed->history.notes.isEmpty());
        QVERIFY(DeliveryDiskCache::find(key).has_value());

        // A moved ref: the old entry (marked again) is not the new state's answer.
        QVERIFY(DeliveryDiskCache::store(key, marked));
        const git::ObjectId second = scratch.commit(u"fix: two"_s, {{u"a"_s, "2"}}, at(3));
        scratch.tag(u"v1.0.1"_s, second, u"release"_s, at(4));
        DeliveryCache::instance().clear();
        const Result<DeliverySnapshot> moved = DeliveryAnalysis::run(scratch.repo());
        QVERIFY(moved.ok());
        QVERIFY(moved->history.notes.isEmpty());
        QCOMPARE(moved->history.deployments.size(), 2);
        QVERIFY(DeliveryDiskCache::find(DeliveryDiskCache::stateKey(scratch.repo(), {})).has_value());
    }

private:
    QTemporaryDir m_cache;
    QTemporaryDir m_demo;
};

QTEST_GUILESS_MAIN(TestDeliveryDiskCache)
#include "tst_deliverydiskcache.moc"
