// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Report reader throughput and peak memory on a generated 100 MB SARIF file, beside `jq . >/dev/null` on the same
// file. Not a test (nothing is timed against a threshold); run it from a Release build:
//     bench_reportreaders [-iterations 3]
// Set GATEHOUSE_BENCH_MB to change the size.
#include "security/ReportReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

/// Peak resident set size of this process in KiB (VmHWM), -1 when unknown.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux >= 4.0), so the next peak is the parse's own.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

qint64 currentRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Writes a CodeQL-like SARIF of about `megabytes` MB, streaming to disk (the generator holds no DOM).
qint64 writeSarif(const QString& path, qint64 megabytes, qint64* results)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write("{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/"
               "sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"rules\":[");
    for (int i = 0; i < 200; ++i) {
        file.write(
            QStringLiteral("%1{\"id\":\"js/rule-%2\",\"shortDescription\":{\"text\":\"Rule %2\"},"
                           "\"defaultConfiguration\":{\"level\":\"warning\"},\"properties\":{\"tags\":[\"security\","
                           "\"external/cwe/cwe-%3\"],\"security-severity\":\"%4\"}}")
                .arg(i ? QStringLiteral(",") : QString())
                .arg(i)
                .arg(i % 900 + 20)
                .arg(double(i % 100) / 10.0)
                .toUtf8());
    }
    file.write("]}},\"results\":[");
    const qint64 target = megabytes * 1024 * 1024;
    qint64 n = 0;
    QByteArray chunk;
    while (file.size() + chunk.size() < target) {
        chunk += (n ? "," : "");
        chunk += QStringLiteral(
                     "{\"ruleId\":\"js/rule-%1\",\"ruleIndex\":%1,\"message\":{\"text\":\"Problem number %2 found "
                     "here with some explanatory text that makes the message longer\"},\"locations\":[{"
                     "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/module%3/file%4.js\"},\"region\":"
                     "{\"startLine\":%5,\"startColumn\":5,\"endColumn\":40,\"snippet\":{\"text\":\"var x = "
                     "dangerous(input%2);\"}}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":"
                     "\"%6:1\"}}")
                     .arg(n % 200)
                     .arg(n)
                     .arg(n % 50)
                     .arg(n % 1000)
                     .arg(n % 5000 + 1)
                     .arg(quint64(n) * 2654435761ULL, 16, 16, QLatin1Char('0'))
                     .toUtf8();
        ++n;
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    file.write("]}]}");
    *results = n;
    return file.size();
}

} // namespace

class BenchReportReaders : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_size = 0;
    qint64 m_results = 0;

private Q_SLOTS:
    void initTestCase()
    {
        const qint64 mb = qEnvironmentVariableIntValue("GATEHOUSE_BENCH_MB") > 0
            ? qEnvironmentVariableIntValue("GATEHOUSE_BENCH_MB")
            : 100;
        m_path = m_dir.filePath(QStringLiteral("big.sarif"));
        m_size = writeSarif(m_path, mb, &m_results);
        QVERIFY(m_size > 0);
        qInfo("generated %s: %.1f MB, %lld results", qPrintable(m_path), double(m_size) / 1e6, m_results);
    }

    void sarifStreaming()
    {
        qint64 findings = 0;
        qint64 peak = 0;
        const qint64 before = currentRssKiB();
        QElapsedTimer timer;
        qint64 elapsed = 0;
        QBENCHMARK
        {
            resetPeakRss();
            timer.start();
            const auto report = ReportReader::readFile(m_path);
            elapsed = timer.elapsed();
            QVERIFY(report.ok());
            findings = report->findings.size();
            peak = std::max(peak, peakRssKiB());
        }
        QCOMPARE(findings, m_results);
        qInfo("gatehouse: %lld findings, %.1f MB/s, peak RSS %.1f MB (%.2fx the file; %.1f MB before)", findings,
              double(m_size) / 1e6 / (double(elapsed) / 1000.0), double(peak) / 1024.0,
              double(peak) * 1024.0 / double(m_size), double(before) / 1024.0);
    }

    void jqBeside()
    {
        const QString jq = QStandardPaths::findExecutable(QStringLiteral("jq"));
        if (jq.isEmpty())
            QSKIP("jq not installed (apt-get install jq)");
        QElapsedTimer timer;
        qint64 elapsed = 0;
        QBENCHMARK
        {
            QProcess process;
            process.setStandardOutputFile(QProcess::nullDevice());
            timer.start();
            process.start(jq, {QStringLiteral("."), m_path});
            QVERIFY(process.waitForFinished(600000));
            elapsed = timer.elapsed();
            QCOMPARE(process.exitCode(), 0);
        }
        qInfo("jq . >/dev/null: %.1f MB/s", double(m_size) / 1e6 / (double(elapsed) / 1000.0));
    }
};

QTEST_GUILESS_MAIN(BenchReportReaders)
#include "bench_reportreaders.moc"
