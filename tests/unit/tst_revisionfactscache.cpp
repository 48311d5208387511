// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "git/Repository.h"
#include "scorecard/RevisionFactsCache.h"
#include "scorecard/Scorecard.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::scorecard;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int hour)
{
    return QDateTime(QDate(2026, 1, 5), QTime(hour, 0), QTimeZone::utc());
}

void compareRevisionFacts(const ScorecardInputs& a, const ScorecardInputs& e)
{
    QCOMPARE(a.files, e.files);
    QCOMPARE(a.contents, e.contents);
    QCOMPARE(a.pipelinesValidated, e.pipelinesValidated);
    QCOMPARE(a.gates.size(), e.gates.size());
    for (qsizetype i = 0; i < e.gates.size(); ++i) {
        QCOMPARE(a.gates.at(i).gate, e.gates.at(i).gate);
        QCOMPARE(a.gates.at(i).factor, e.gates.at(i).factor);
        QCOMPARE(a.gates.at(i).enabled, e.gates.at(i).enabled);
        QCOMPARE(a.gates.at(i).errors, e.gates.at(i).errors);
        QCOMPARE(a.gates.at(i).warnings, e.gates.at(i).warnings);
        QCOMPARE(a.gates.at(i).firstProblem, e.gates.at(i).firstProblem);
    }
    QCOMPARE(a.policyProblems, e.policyProblems);
    QCOMPARE(a.pipelineGates.size(), e.pipelineGates.size());
    for (qsizetype i = 0; i < e.pipelineGates.size(); ++i) {
        QCOMPARE(a.pipelineGates.at(i).path, e.pipelineGates.at(i).path);
        QCOMPARE(a.pipelineGates.at(i).enabled, e.pipelineGates.at(i).enabled);
        QCOMPARE(a.pipelineGates.at(i).passing, e.pipelineGates.at(i).passing);
        QCOMPARE(a.pipelineGates.at(i).firstProblem, e.pipelineGates.at(i).firstProblem);
    }
    QCOMPARE(a.requiredScanKinds, e.requiredScanKinds);
    QCOMPARE(a.notApplicableScanKinds, e.notApplicableScanKinds);
    QCOMPARE(a.platformScans, e.platformScans);
    QCOMPARE(a.mainPipeline, e.mainPipeline);
}

const QByteArray kPipeline = "stages: [build, deploy]\n"
                             "build:\n  stage: build\n  image: node:latest\n  script: [npm ci]\n"
                             "deploy:\n  stage: deploy\n  script: [echo deploy]\n";

} // namespace

class TestRevisionFactsCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }

    void handBuiltValueRoundTrips()
    {
        ScorecardInputs inputs;
        inputs.files = {u"a"_s, u"ü/b"_s};
        inputs.contents = {{u"a"_s, QByteArray("x\0y", 3)}, {u"e"_s, QByteArray()}};
        inputs.pipelinesValidated = 2;
        inputs.gates = {GateOutcome{u"no-plaintext-secrets"_s, u"VII"_s, false, 1, 2, u"a:1: m"_s}};
        inputs.policyProblems = {u"line 3: bad"_s};
        inputs.pipelineGates = {PipelineGateSummary{u".gitlab-ci.yml"_s, 7, 5, u"x:2: y"_s}};
        inputs.requiredScanKinds = {u"sast"_s};
        inputs.notApplicableScanKinds = {{u"container"_s, u"no container image is built here"_s}};
        inputs.platformScans = {{u"dependency"_s, u"Dependabot (pip)"_s}};
        inputs.mainPipeline = u".gitlab-ci.yml"_s;
        const std::optional<ScorecardInputs> read = RevisionFactsCache::decode(RevisionFactsCache::encode(inputs));
        QVERIFY(read.has_value());
        compareRevisionFacts(*read, inputs);
        const QByteArray bytes = RevisionFactsCache::encode(inputs);
        QVERIFY(!RevisionFactsCache::decode(bytes.chopped(1)).has_value());
        QVERIFY(!RevisionFactsCache::decode(bytes + "!").has_value());
    }

    void collectStoresAndReadsTheRevision()
    {
        ScratchRepository scratch;
        scratch.commit(u"feat: pipeline"_s,
                       {{u".gitlab-ci.yml"_s, kPipeline},
                        {u"requirements.txt"_s, "requests\n"},
                        {u".gatehouse/policy.yml"_s, "gates:\n  no-latest-image: error\n"}},
                       at(1));
        const git::ObjectId tip = scratch.head();
        const QByteArray key = RevisionFactsCache::key(tip);
        QVERIFY(!RevisionFactsCache::find(key).has_value());
        const Result<ScorecardInputs> first = Scorecard::collectAtRevision(scratch.repo(), {}, at(5));
        QVERIFY(first.ok());
        QVERIFY(first->pipelinesValidated >= 1);
        QVERIFY(!first->gates.isEmpty());
        const std::optional<ScorecardInputs> stored = RevisionFactsCache::find(key);
        QVERIFY(stored.has_value());
        compareRevisionFacts(*stored, first.value());

        // Read back: the same facts at another time, with `now` the caller's.
        const Result<ScorecardInputs> again = Scorecard::collectAtRevision(scratch.repo(), {}, at(9));
        QVERIFY(again.ok());
        compareRevisionFacts(again.value(), first.value());
        QCOMPARE(again->now, at(9));

        // A marked entry is what the next run shows; a damaged one is collected afresh and rewritten.
        ScorecardInputs marked = *stored;
        marked.mainPipeline = u"marked"_s;
        QVERIFY(RevisionFactsCache::store(key, marked));
        QCOMPARE(Scorecard::collectAtRevision(scratch.repo(), {}, at(9))->mainPipeline, u"marked"_s);
        QFile file(RevisionFactsCache::fileFor(key));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() - 40);
        file.write("damage");
        file.close();
        QVERIFY(!RevisionFactsCache::find(key).has_value());
        compareRevisionFacts(Scorecard::collectAtRevision(scratch.repo(), {}, at(9)).value(), first.value());
        QVERIFY(RevisionFactsCache::find(key).has_value());

        // Another commit is another entry.
        scratch.commit(u"fix: pin"_s, {{u".gitlab-ci.yml"_s, QByteArray(kPipeline).replace("latest", "20.1")}}, at(2));
        QVERIFY(RevisionFactsCache::key(scratch.head()) != key);
        const Result<ScorecardInputs> next = Scorecard::collectAtRevision(scratch.repo(), {}, at(9));
        QVERIFY(next.ok());
        QVERIFY(next->contents.value(u".gitlab-ci.yml"_s).contains("20.1"));
        QVERIFY(RevisionFactsCache::key(git::ObjectId()).isEmpty());
    }

private:
    QTemporaryDir m_cache;
};

QTEST_GUILESS_MAIN(TestRevisionFactsCache)
#include "tst_revisionfactscache.moc"
