// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeliveryJson.h"
#include "delivery/DeploymentScanner.h"
#include "delivery/DoraMetrics.h"
#include "delivery/IncidentScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, 1, 5), QTime(hour, minute, second), QTimeZone::utc());
}

} // namespace

class TestIncidentScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void incidents_data();
    void incidents();
    void unshippedRevert();
    void semverReleasesAndReverts_data();
    void semverReleasesAndReverts();
    void fixCommits();
    void failedDeployments();
    void diagnostics();
    void emptyRepository();
    void cancel();
    void callerWalk_data();
    void callerWalk();

private:
    std::unique_ptr<test::ScratchRepository> m_scratch;
    QHash<git::ObjectId, QString> m_names;
    DeliverySnapshot m_snapshot;
};

// Production: deploy-1@c1 11:00, deploy-2@c2 13:00, deploy-3@h 15:00, deploy-4@p 17:00, deploy-5@d 19:00.
// Incidents: hotfix h (14:00), postmortem p (16:00, Detected 13:30, adds a document, names deploy-2, Fix names h),
// revert r of c2 (18:00), revert rx (18:20) of x (18:10, never deployed), commit d (18:30) adding
// postmortems/dns.md (dated, names deploy-1) and docs/postmortems/broken.md.
void TestIncidentScanner::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchRepository>();
    test::ScratchRepository& s = *m_scratch;
    QVERIFY(s.isValid());
    auto name = [this](const git::ObjectId& id, const QString& label) {
        QVERIFY(!id.isNull());
        m_names.insert(id, label);
    };
    const auto c1 = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}}, at(10));
    name(c1, u"c1"_s);
    s.tag(u"deploy-1"_s, c1, u"Production deployment"_s, at(11));
    const auto c2 = s.commit(u"feat(pay): retries"_s, {{u"pay.txt"_s, "retry forever\n"}}, at(12));
    name(c2, u"c2"_s);
    s.tag(u"deploy-2"_s, c2, u"Production deployment"_s, at(13));
    const auto h = s.commit(u"hotfix(pay): cap retries\n\nIncident: INC-1\nRoot cause: unbounded retries\n"
                            "Severity: SEV1\nFactor IX: disposability\n"_s,
                            {{u"pay.txt"_s, "retry 3 times\n"}}, at(14));
    name(h, u"h"_s);
    s.tag(u"staging-1"_s, h, u"Staging deployment"_s, at(14, 30));
    s.tag(u"deploy-3"_s, h, u"Production deployment"_s, at(15));
    const auto p = s.commit(u"postmortem(pay): retry storm\n\nIncident: INC-1\nDetected: 2026-01-05T13:30:00Z\n"
                            "Deployment: deploy-2\nFix: retries capped in "_s
                                + h.shortString(10) + u" (not 0123456789, which is no commit)\n"_s,
                            {{u"postmortems/2026-01-05-retries.md"_s,
                              "---\nseverity: SEV1\nfactors: [VI]\nfix: cap retries\n---\n# Retry storm\n"}},
                            at(16));
    name(p, u"p"_s);
    s.tag(u"deploy-4"_s, p, u"Production deployment"_s, at(17));
    const auto r = s.commit(u"Revert \"feat(pay): retries\"\n\nThis reverts commit "_s + c2.toString() + u".\n"_s,
                            {{u"pay.txt"_s, QByteArray()}}, at(18));
    name(r, u"r"_s);
    const auto x = s.commit(u"feat: experiment"_s, {{u"x.txt"_s, "x\n"}}, at(18, 10));
    name(x, u"x"_s);
    const auto rx = s.commit(u"Revert \"feat: experiment\"\n\nThis reverts commit "_s + x.toString() + u".\n"_s,
                             {{u"x.txt"_s, QByteArray()}}, at(18, 20));
    name(rx, u"rx"_s);
    const auto d = s.commit(u"docs: write up the dns outage"_s,
                            {{u"postmortems/dns.md"_s,
                              "---\ntitle: DNS outage\ndate: 2026-01-05\ndeployment: deploy-1\n---\n"
                              "## Root cause\n\nTTL too long.\n"},
                             {u"docs/postmortems/broken.md"_s, "---\ntitle: [x\n---\n# Broken doc\n"}},
                            at(18, 30));
    name(d, u"d"_s);
    s.tag(u"deploy-5"_s, d, u"Production deployment"_s, at(19));

    const auto snapshot = DeliveryAnalysis::run(s.path());
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
    m_snapshot = snapshot.value();
}

void TestIncidentScanner::incidents_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("commit");
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("fields"); // scope|incident|severity|factors|document
    QTest::addColumn<QString>("blamed");
    QTest::addColumn<QString>("fixedBy");
    QTest::addColumn<qint64>("timeToRestore"); // -1: none

    // clang-format off
    QTest::newRow("postmortem: Detected time, Deployment line, Fix names the hotfix, merged with its document")
        << 0 << u"postmortem"_s << u"retry storm"_s << u"p"_s << at(13, 30)
        << u"pay|INC-1|SEV1|VI|postmortems/2026-01-05-retries.md"_s << u"deploy-2"_s << u"deploy-3"_s << qint64(2 * 3600);
    QTest::newRow("hotfix: blames the last production deployment before it")
        << 1 << u"hotfix"_s << u"cap retries"_s << u"h"_s << at(14) << u"pay|INC-1|SEV1|IX|"_s << u"deploy-2"_s
        << u"deploy-3"_s << qint64(2 * 3600);
    QTest::newRow("git revert: blames the deployment that shipped the reverted commit")
        << 2 << u"revert"_s << u"Revert \"feat(pay): retries\""_s << u"r"_s << at(18) << u"pay||||"_s << u"deploy-2"_s
        << u"deploy-5"_s << qint64(6 * 3600);
    QTest::newRow("document with broken front matter: time of its commit")
        << 3 << u"document"_s << u"Broken doc"_s << u"d"_s << at(18, 30) << u"||||docs/postmortems/broken.md"_s
        << u"deploy-4"_s << u"deploy-5"_s << qint64(2 * 3600);
    QTest::newRow("document with a date and a deployment")
        << 4 << u"document"_s << u"DNS outage"_s << u"d"_s << at(23, 59, 59) << u"||||postmortems/dns.md"_s
        << u"deploy-1"_s << u"deploy-5"_s << qint64(8 * 3600);
    // clang-format on
}

void TestIncidentScanner::incidents()
{
    QFETCH(int, position);
    QFETCH(QString, kind);
    QFETCH(QString, title);
    QFETCH(QString, commit);
    QFETCH(QDateTime, time);
    QFETCH(QString, fields);
    QFETCH(QString, blamed);
    QFETCH(QString, fixedBy);
    QFETCH(qint64, timeToRestore);

    QCOMPARE(m_snapshot.incidents.size(), 5);
    const Incident& incident = m_snapshot.incidents.at(position);
    QCOMPARE(incidentKindName(incident.kind), kind);
    QCOMPARE(incident.title, title);
    QCOMPARE(m_names.value(incident.commit), commit);
    QCOMPARE(incident.time, time);
    QCOMPARE(QStringList({incident.scope, incident.incident, incident.severity, incident.factors.join(u','),
                          incident.documentPath})
                 .join(u'|'),
             fields);
    QCOMPARE(incident.blamedDeployment, blamed);
    QCOMPARE(incident.fixedByDeployment, fixedBy);
    QCOMPARE(incident.timeToRestoreSeconds.value_or(-1), timeToRestore);
    if (kind == u"revert"_s)
        QCOMPARE(incident.shippedIn, u"deploy-2"_s);
}

void TestIncidentScanner::unshippedRevert()
{
    // rx reverts x, which no deployment contained before the revert: not an incident, blames nothing.
    QCOMPARE(m_snapshot.unshippedReverts.size(), 1);
    const Incident& revert = m_snapshot.unshippedReverts.first();
    QCOMPARE(incidentKindName(revert.kind), u"revert-unshipped"_s);
    QCOMPARE(m_names.value(revert.commit), u"rx"_s);
    QVERIFY(revert.blamedDeployment.isEmpty());
    QVERIFY(revert.shippedIn.isEmpty());
    QVERIFY(revert.notes.join(u' ').contains(u"was not deployed before the revert"_s));
}

// Plain semver tags are releases; a revert is an incident only when what it reverts had been released before it.
void TestIncidentScanner::semverReleasesAndReverts_data()
{
    QTest::addColumn<QString>("revert");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("shippedIn");
    QTest::addColumn<QString>("blamed");
    QTest::newRow("revert of a released commit") << u"revert a"_s << u"revert"_s << u"1.0.0"_s << u"1.0.0"_s;
    QTest::newRow("revert of a pre-release commit") << u"revert b"_s << u"revert"_s << u"1.1.0-rc1"_s << u"1.1.0-rc1"_s;
    QTest::newRow("revert naming no commit, by subject") << u"revert g"_s << u"revert"_s << u"1.0.0"_s << u"1.0.0"_s;
    QTest::newRow("reverted before any release") << u"revert c"_s << u"revert-unshipped"_s << QString() << QString();
    QTest::newRow("released only after the revert") << u"revert d"_s << u"revert-unshipped"_s << QString() << QString();
    QTest::newRow("reverted commit not named") << u"revert e"_s << u"revert-unshipped"_s << QString() << QString();
    QTest::newRow("reverted commit on a branch no release contains")
        << u"revert f"_s << u"revert-unshipped"_s << QString() << QString();
}

void TestIncidentScanner::semverReleasesAndReverts()
{
    QFETCH(QString, revert);
    QFETCH(QString, kind);
    QFETCH(QString, shippedIn);
    QFETCH(QString, blamed);

    test::ScratchRepository s;
    QVERIFY(s.isValid());
    auto revertOf = [&](const QString& label, const git::ObjectId& target, const QDateTime& time) {
        return s.commit(u"Revert \"%1\"\n\nThis reverts commit %2.\n"_s.arg(label, target.toString()),
                        {{label + u".txt"_s, QByteArray()}}, time);
    };
    // Annotated tags: a release's time is its tag's.
    s.commit(u"feat: g"_s, {{u"g.txt"_s, "g\n"}}, at(8));
    const auto a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}}, at(9));
    s.tag(u"1.0.0"_s, a, u"Release"_s, at(10));
    const auto b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}}, at(10, 30));
    s.tag(u"1.1.0-rc1"_s, b, u"Release"_s, at(11));
    QHash<QString, git::ObjectId> reverts;
    reverts.insert(u"revert a"_s, revertOf(u"a"_s, a, at(12)));
    reverts.insert(u"revert b"_s, revertOf(u"b"_s, b, at(12, 5)));
    reverts.insert(u"revert g"_s, s.commit(u"Revert \"feat: g\""_s, {{u"g.txt"_s, QByteArray()}}, at(12, 7)));
    const auto c = s.commit(u"feat: c"_s, {{u"c.txt"_s, "c\n"}}, at(12, 10));
    reverts.insert(u"revert c"_s, revertOf(u"c"_s, c, at(12, 20)));
    const auto d = s.commit(u"feat: d"_s, {{u"d.txt"_s, "d\n"}}, at(12, 30));
    reverts.insert(u"revert d"_s, revertOf(u"d"_s, d, at(12, 40)));
    reverts.insert(u"revert e"_s, s.commit(u"Revert \"feat: e\""_s, {{u"e.txt"_s, "gone\n"}}, at(12, 45)));
    const auto f = s.commitOn({d}, u"feat: f"_s, {{u"f.txt"_s, "f\n"}}, at(12, 50), u"refs/heads/side"_s);
    reverts.insert(u"revert f"_s, revertOf(u"f"_s, f, at(12, 55)));
    const auto last = s.commit(u"chore: release"_s, {{u"v.txt"_s, "2\n"}}, at(13));
    s.tag(u"release-1.2"_s, last, u"Release"_s, at(14));
    s.tag(u"v1.2.3"_s, last, u"Release"_s, at(15));
    s.tag(u"2.84.1"_s, last, u"Release"_s, at(16));
    s.tag(u"GLIB_2_2_0"_s, last, u"Release"_s, at(17)); // not a semantic version: no release
    s.tag(u"before-refactor"_s, a, u"Release"_s, at(17));

    const auto snapshot = DeliveryAnalysis::run(s.path());
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
    QStringList releases;
    for (const Deployment& deployment : snapshot->history.deployments) {
        QCOMPARE(deployment.environment, u"release"_s);
        releases.append(deployment.tag);
    }
    QCOMPARE(releases, QStringList({u"1.0.0"_s, u"1.1.0-rc1"_s, u"release-1.2"_s, u"v1.2.3"_s, u"2.84.1"_s}));
    QCOMPARE(snapshot->incidents.size(), 3);
    QCOMPARE(snapshot->unshippedReverts.size(), 4);

    const git::ObjectId id = reverts.value(revert);
    QList<Incident> all = snapshot->incidents + snapshot->unshippedReverts;
    const auto found = std::find_if(all.cbegin(), all.cend(), [&](const Incident& i) { return i.commit == id; });
    QVERIFY(found != all.cend());
    QCOMPARE(incidentKindName(found->kind), kind);
    QCOMPARE(found->shippedIn, shippedIn);
    QCOMPARE(found->blamedDeployment, blamed);
    if (kind == u"revert"_s)
        QCOMPARE(found->fixedByDeployment, u"release-1.2"_s);
}

void TestIncidentScanner::fixCommits()
{
    const Incident& postmortem = m_snapshot.incidents.at(0);
    QCOMPARE(postmortem.fixCommits.size(), 1);
    QCOMPARE(m_names.value(git::ObjectId::fromHex(postmortem.fixCommits.first())), u"h"_s);
    // The commit's Fix: line wins over the document's front matter.
    QVERIFY(postmortem.fix.startsWith(u"retries capped in "_s));
}

void TestIncidentScanner::failedDeployments()
{
    QStringList failed;
    for (const Deployment& d : std::as_const(m_snapshot.history.deployments)) {
        if (d.failed)
            failed.append(d.tag + u": "_s + d.failedReasons.join(u", "_s));
    }
    QCOMPARE(failed,
             QStringList({u"deploy-1: incident DNS outage"_s,
                          u"deploy-2: incident INC-1, incident INC-1, incident Revert \"feat(pay): retries\""_s,
                          u"deploy-4: incident Broken doc"_s}));
    const DoraSummary dora = DoraMetrics::compute(m_snapshot.history, u"production"_s);
    QCOMPARE(dora.deployments, 5);
    QCOMPARE(dora.changeFailureRate.value_or(-1), 0.6);
    // deploy-1 → deploy-3 is the next good one (4 h), deploy-2 → deploy-3 (2 h), deploy-4 → deploy-5 (2 h).
    QCOMPARE(dora.timeToRestoreMedianSeconds.value_or(-1), 7200.0);
}

void TestIncidentScanner::diagnostics()
{
    QCOMPARE(m_snapshot.incidentDiagnostics.size(), 1);
    QCOMPARE(m_snapshot.incidentDiagnostics.first().path, u"docs/postmortems/broken.md"_s);
    QCOMPARE(m_snapshot.incidentDiagnostics.first().code, u"postmortem.front-matter"_s);
    QVERIFY(m_snapshot.configDiagnostics.isEmpty());
}

void TestIncidentScanner::emptyRepository()
{
    test::ScratchRepository scratch;
    const auto snapshot = DeliveryAnalysis::run(scratch.path());
    QVERIFY(snapshot.ok());
    QVERIFY(snapshot->incidents.isEmpty());
    QVERIFY(snapshot->history.deployments.isEmpty());
    const auto missing = DeliveryAnalysis::run(scratch.path() + u"/does-not-exist"_s);
    QVERIFY(!missing.ok());
}

void TestIncidentScanner::cancel()
{
    ProgressSink sink;
    sink.cancel();
    const auto incidents = IncidentScanner::scan(m_scratch->repo(), {}, &sink);
    QVERIFY(!incidents.ok());
    QCOMPARE(incidents.error().code, u"cancelled"_s);
}

namespace {

// The analysis as the commands print it: deployments, incidents, reverts of unshipped work, diagnostics.
QByteArray analysisJson(const DeliverySnapshot& snapshot)
{
    QJsonArray deployments, incidents, unshipped;
    for (const Deployment& d : snapshot.history.deployments)
        deployments.append(DeliveryJson::deployment(d, snapshot.history));
    for (const Incident& incident : snapshot.incidents)
        incidents.append(DeliveryJson::incident(incident));
    for (const Incident& incident : snapshot.unshippedReverts)
        unshipped.append(DeliveryJson::incident(incident));
    return QJsonDocument(QJsonArray{deployments, incidents, unshipped, int(snapshot.incidentDiagnostics.size())})
        .toJson();
}

} // namespace

// A caller's walk (the snapshot loader's) feeds the analysis: the same answer as the analysis's own walk, on a
// history with merges, a revert found by its subject across a merge and a postmortem document; a walk from another
// tip than the revision's is not used.
void TestIncidentScanner::callerWalk_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("walkedFrom");
    QTest::addColumn<int>("incidents");
    QTest::newRow("HEAD") << QString() << u"HEAD"_s << 4;
    QTest::newRow("a named revision") << u"main"_s << u"main"_s << 4;
    QTest::newRow("an older revision") << u"deploy-3"_s << u"deploy-3"_s << 1;
    QTest::newRow("a walk from another tip is not used") << QString() << u"HEAD~1"_s << 4;
}

void TestIncidentScanner::callerWalk()
{
    QFETCH(QString, revision);
    QFETCH(QString, walkedFrom);
    QFETCH(int, incidents);
    test::ScratchRepository s;
    const auto c1 = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}}, at(10));
    s.tag(u"deploy-1"_s, c1, u"Production deployment"_s, at(11));
    const auto risky = s.commitOn({c1}, u"feat: risky"_s, {{u"risky.txt"_s, "r\n"}}, at(11, 30));
    const auto c2 = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}}, at(12));
    const auto m1
        = s.commitOn({c2, risky}, u"Merge branch 'risky'"_s, {{u"risky.txt"_s, "r\n"}}, at(12, 30), u"HEAD"_s);
    s.tag(u"deploy-2"_s, m1, u"Production deployment"_s, at(13));
    // Names no commit: the walk finds "feat: risky" (on the merged branch) by its subject.
    const auto revert = s.commit(u"Revert \"feat: risky\""_s, {{u"risky.txt"_s, QByteArray()}}, at(14));
    s.tag(u"deploy-3"_s, revert, u"Production deployment"_s, at(15));
    const auto fix
        = s.commitOn({revert}, u"hotfix: cap retries\n\nIncident: INC-7\n"_s, {{u"b.txt"_s, "c\n"}}, at(15, 30));
    const auto m2 = s.commitOn({revert, fix}, u"Merge branch 'fix'"_s, {{u"b.txt"_s, "c\n"}}, at(16), u"HEAD"_s);
    s.commit(u"postmortem: retries\n\nIncident: INC-7\nDeployment: deploy-2\n"_s,
             {{u"postmortems/retries.md"_s, "---\nseverity: SEV2\n---\n# Retries\n"}}, at(16, 30));
    s.tag(u"deploy-4"_s, s.head(), u"Production deployment"_s, at(17));
    s.commit(u"hotfix: last one\n\nIncident: INC-8\n"_s, {{u"a.txt"_s, "b\n"}}, at(18));
    QVERIFY(!m2.isNull());

    const auto own = DeliveryAnalysis::compute(s.repo(), revision);
    QVERIFY(own.ok());
    QCOMPARE(own->incidents.size() + own->unshippedReverts.size(), incidents);

    const auto tip = s.repo().resolve(walkedFrom);
    QVERIFY(tip.ok());
    WalkedHistory walked(tip.value());
    git::LogOptions options;
    options.start = tip->toString();
    QVERIFY(s.repo()
                .walk(options,
                      [&](const git::CommitInfo& commit) {
                          walked.add(commit);
                          return true;
                      })
                .ok());
    const auto fed = DeliveryAnalysis::compute(s.repo(), revision, nullptr, &walked);
    QVERIFY(fed.ok());
    QCOMPARE(analysisJson(fed.value()), analysisJson(own.value()));
    // The revert found its target by subject in both.
    const auto reverts = std::count_if(fed->incidents.cbegin(), fed->incidents.cend(),
                                       [&](const Incident& i) { return i.revertedCommit == risky.toString(); })
        + std::count_if(fed->unshippedReverts.cbegin(), fed->unshippedReverts.cend(),
                        [&](const Incident& i) { return i.revertedCommit == risky.toString(); });
    QCOMPARE(reverts, qsizetype(1));
}

QTEST_GUILESS_MAIN(TestIncidentScanner)
#include "tst_incidentscanner.moc"
