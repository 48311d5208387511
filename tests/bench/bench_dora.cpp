// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeploymentScanner.h"
#include "delivery/DoraMetrics.h"
#include "delivery/IncidentScanner.h"
#include "git/Repository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

// Deployments, incidents and DORA on a generated repository: 100,000 commits (a merge of a two-commit side branch
// every 1,000), 5,000 tags (4,000 annotated production tags, every 50th a rollback, and 1,000 lightweight staging
// tags), a hotfix with incident fields every 500 commits. Generated with `git fast-import` (a few seconds).
// Run: bench_dora [-iterations 1]. Reports wall time and the peak resident memory (VmHWM).
class BenchDora : public QObject
{
    Q_OBJECT

    static constexpr int kCommits = 100000;
    static constexpr int kCommitsPerTag = 20;
    static constexpr qint64 kStart = 1767225600; // 2026-01-01T00:00:00Z

    static qint64 peakResidentKiB()
    {
        QFile status(u"/proc/self/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    static void data(QByteArray& stream, const QByteArray& text)
    {
        stream += "data " + QByteArray::number(text.size()) + '\n' + text + '\n';
    }

private Q_SLOTS:
    void initTestCase();
    void analysis();

private:
    QTemporaryDir m_dir;
    int m_tags = 0;
};

void BenchDora::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess init;
    init.start(u"git"_s, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s, m_dir.path()});
    QVERIFY(init.waitForFinished(60000));
    QCOMPARE(init.exitCode(), 0);

    QElapsedTimer timer;
    timer.start();
    QByteArray stream;
    stream.reserve(40 << 20);
    QList<int> productionMarks; // commit mark of each production tag
    int mark = 0;
    int productionTags = 0;
    int stagingTags = 0;
    for (int i = 1; i <= kCommits; ++i) {
        const qint64 time = kStart + qint64(i) * 600;
        const QByteArray when = QByteArray::number(time) + " +0000\n";
        int sideMark = 0;
        if (i % 1000 == 0) {
            // A two-commit side branch from the current tip, merged below.
            for (int k = 0; k < 2; ++k) {
                stream += "commit refs/heads/side\nmark :" + QByteArray::number(++mark) + '\n';
                stream += "committer Side Dev <side@example.org> " + QByteArray::number(time - 300 + k) + " +0000\n";
                data(stream, "feat(side): part " + QByteArray::number(k) + " of " + QByteArray::number(i));
                stream += "from :" + QByteArray::number(mark - 1) + '\n'; // the main tip, then the previous side commit
                stream += "M 644 inline side.txt\n";
                data(stream, QByteArray::number(i) + '-' + QByteArray::number(k));
            }
            sideMark = mark;
        }
        stream += "commit refs/heads/main\nmark :" + QByteArray::number(++mark) + '\n';
        stream += "committer Dev <dev@example.org> " + when;
        if (i % 500 == 0)
            data(stream,
                 "hotfix(api): fix " + QByteArray::number(i) + "\n\nIncident: INC-" + QByteArray::number(i)
                     + "\nRoot cause: generated\nSeverity: SEV3\nFactor IX: disposability\n");
        else if (sideMark)
            data(stream, "Merge branch 'side' (" + QByteArray::number(i) + ')');
        else
            data(stream, "feat(core): change " + QByteArray::number(i));
        if (mark > 1)
            stream += "from :" + QByteArray::number(sideMark ? sideMark - 2 : mark - 1) + '\n';
        if (sideMark)
            stream += "merge :" + QByteArray::number(sideMark) + '\n';
        stream += "M 644 inline file" + QByteArray::number(i % 16) + ".txt\n";
        data(stream, QByteArray::number(i));

        if (i % kCommitsPerTag != 0)
            continue;
        const QByteArray tagTime = QByteArray::number(time + 1800) + " +0000\n";
        if ((i / kCommitsPerTag) % 5 == 0) {
            stream += "reset refs/tags/staging-" + QByteArray::number(++stagingTags)
                + "\nfrom :" + QByteArray::number(mark) + "\n\n";
            continue;
        }
        ++productionTags;
        // Every 50th production deployment rolls back to the one before the previous.
        const bool rollback = productionTags % 50 == 0 && productionMarks.size() >= 2;
        const int target = rollback ? productionMarks.at(productionMarks.size() - 2) : mark;
        stream += "tag deploy-" + QByteArray::number(productionTags) + "\nfrom :" + QByteArray::number(target) + '\n';
        stream += "tagger Rita Release <rita@example.org> " + tagTime;
        data(stream, rollback ? "Production deployment (rollback)" : "Production deployment");
        productionMarks.append(target);
    }
    m_tags = productionTags + stagingTags;
    QCOMPARE(m_tags, 5000);

    const QString streamPath = m_dir.path() + u"/../bench_dora.fast-import"_s;
    QFile file(streamPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(stream);
    file.close();
    QProcess import;
    import.setWorkingDirectory(m_dir.path());
    import.setStandardInputFile(streamPath);
    import.start(u"git"_s, {u"fast-import"_s, u"--quiet"_s});
    QVERIFY(import.waitForFinished(600000));
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
    QFile::remove(streamPath);
    qInfo("generated %d commits (+%d side commits) and %d tags in %lld ms", kCommits, 2 * (kCommits / 1000), m_tags,
          timer.elapsed());
}

void BenchDora::analysis()
{
    const qint64 before = peakResidentKiB();
    QElapsedTimer timer;
    timer.start();
    // CPU time too: on a shared machine the wall clock mostly measures the neighbours.
    const std::clock_t cpuStart = std::clock();
    Result<DeliverySnapshot> snapshot = makeError(u"not run"_s, {});
    DoraSummary dora;
    QBENCHMARK_ONCE
    {
        snapshot = DeliveryAnalysis::run(m_dir.path());
        QVERIFY(snapshot.ok());
        dora = DoraMetrics::compute(snapshot->history, u"production"_s);
    }
    const qint64 elapsed = timer.elapsed();
    const qint64 cpu = qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
    // The phases, for where the time goes.
    {
        auto repository = git::Repository::open(m_dir.path());
        QVERIFY(repository.ok());
        QElapsedTimer phase;
        phase.start();
        auto history = DeploymentScanner::scan(*repository, DeploymentRules::defaults());
        QVERIFY(history.ok());
        const qint64 deployments = phase.restart();
        auto incidents = IncidentScanner::scan(*repository);
        QVERIFY(incidents.ok());
        const qint64 scanIncidents = phase.restart();
        QVERIFY(IncidentScanner::link(*repository, incidents.value(), history.value()).ok());
        const qint64 link = phase.restart();
        (void)DoraMetrics::compute(*history, u"production"_s);
        qInfo("phases: deployments %lld ms, incidents %lld ms, links %lld ms, DORA %lld ms", deployments, scanIncidents,
              link, phase.elapsed());
    }
    QCOMPARE(snapshot->history.deployments.size(), m_tags);
    QCOMPARE(dora.deployments, 4000);
    QCOMPARE(dora.rollbacks, 80);
    QCOMPARE(snapshot->incidents.size(), kCommits / 500);
    qInfo("deployments %lld, incidents %lld, production changes %d, failed %d, band %s",
          qint64(snapshot->history.deployments.size()), qint64(snapshot->incidents.size()), dora.changes,
          dora.failedDeployments, dora.band ? qPrintable(doraBandName(*dora.band)) : "-");
    qInfo("analysis (deployments + incidents + links + DORA): %lld ms wall, %lld ms CPU; peak RSS %lld KiB before, "
          "%lld KiB after",
          elapsed, cpu, before, peakResidentKiB());
}

QTEST_GUILESS_MAIN(BenchDora)
#include "bench_dora.moc"
