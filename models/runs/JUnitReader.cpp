// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JUnitReader.h"

#include <QCryptographicHash>
#include <QXmlStreamReader>

namespace gatehouse::runs {

namespace {

// JUnit writers disagree on number formats ("1.5", "1,234.5"); unknown stays -1.
double seconds(const QStringView text)
{
    if (text.isEmpty())
        return -1;
    QString cleaned = text.toString();
    cleaned.remove(QLatin1Char(','));
    bool ok = false;
    const double value = cleaned.toDouble(&ok);
    return ok && value >= 0 ? value : -1;
}

// Suite timestamps usually have no zone; JUnit writers use UTC.
QDateTime timestamp(const QStringView text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

} // namespace

Result<RunReadResult> JUnitReader::read(const QByteArray& data, const RunReaderLimits& limits)
{
    RunReadResult result;
    result.format = RunFormat::JUnit;
    Run run;
    run.source = QStringLiteral("junit");
    run.id = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex().left(16));
    run.status = RunStatus::Success;

    QXmlStreamReader xml(data);
    bool sawRoot = false;
    qint64 records = 0;
    // Indices, not pointers: the lists grow while we read.
    QList<qsizetype> suites; // open <testsuite> elements
    qsizetype suiteIndex = -1; // where test cases go
    qsizetype caseIndex = -1; // the open <testcase>, in run.jobs[suiteIndex].steps
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            const QXmlStreamAttributes attributes = xml.attributes();
            if (!sawRoot) {
                sawRoot = true;
                if (name != QLatin1String("testsuites") && name != QLatin1String("testsuite"))
                    return makeError(QStringLiteral("runs.unknown-format"),
                                     QStringLiteral("XML whose root is <%1>, not a JUnit <testsuites> or <testsuite>")
                                         .arg(name.toString()));
                if (name == QLatin1String("testsuites")) {
                    run.name = attributes.value(QLatin1String("name")).toString();
                    run.durationSeconds = seconds(attributes.value(QLatin1String("time")));
                    run.started = timestamp(attributes.value(QLatin1String("timestamp")));
                    continue;
                }
            }
            if (++records > limits.maxRecords)
                return makeError(QStringLiteral("runs.too-many"),
                                 QStringLiteral("more than %1 suites and test cases").arg(limits.maxRecords));
            if (name == QLatin1String("testsuite")) {
                // Nested suites (some writers group by package) are flattened into the innermost suite's job.
                Job job;
                job.id = run.id + QLatin1Char('-') + QString::number(run.jobs.size() + 1);
                job.runId = run.id;
                job.name = attributes.value(QLatin1String("name")).toString();
                job.stage = QStringLiteral("test");
                job.status = RunStatus::Success;
                job.durationSeconds = seconds(attributes.value(QLatin1String("time")));
                job.started = timestamp(attributes.value(QLatin1String("timestamp")));
                job.runner = attributes.value(QLatin1String("hostname")).toString();
                run.jobs.append(job);
                suiteIndex = run.jobs.size() - 1;
                suites.append(suiteIndex);
                caseIndex = -1;
            } else if (name == QLatin1String("testcase")) {
                if (suiteIndex < 0) {
                    // A bare <testsuites><testcase/> is not JUnit; keep the cases under an unnamed suite anyway.
                    Job job;
                    job.id = run.id + QLatin1Char('-') + QString::number(run.jobs.size() + 1);
                    job.runId = run.id;
                    job.stage = QStringLiteral("test");
                    job.status = RunStatus::Success;
                    run.jobs.append(job);
                    suiteIndex = run.jobs.size() - 1;
                }
                Job& suite = run.jobs[suiteIndex];
                Step step;
                const QString className = attributes.value(QLatin1String("classname")).toString();
                const QString caseName = attributes.value(QLatin1String("name")).toString();
                step.name = className.isEmpty() ? caseName : className + QLatin1Char('.') + caseName;
                step.number = int(suite.steps.size()) + 1;
                step.status = RunStatus::Success;
                step.durationSeconds = seconds(attributes.value(QLatin1String("time")));
                suite.steps.append(step);
                caseIndex = suite.steps.size() - 1;
            } else if (caseIndex >= 0
                       && (name == QLatin1String("failure") || name == QLatin1String("error")
                           || name == QLatin1String("flakyFailure") || name == QLatin1String("rerunFailure"))) {
                // Surefire's flakyFailure / rerunFailure: failed, then passed on a rerun.
                if (name == QLatin1String("failure") || name == QLatin1String("error")) {
                    run.jobs[suiteIndex].steps[caseIndex].status = RunStatus::Failed;
                    run.jobs[suiteIndex].status = RunStatus::Failed;
                    run.status = RunStatus::Failed;
                }
            } else if (caseIndex >= 0 && name == QLatin1String("skipped")) {
                run.jobs[suiteIndex].steps[caseIndex].status = RunStatus::Skipped;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == QLatin1String("testcase")) {
                caseIndex = -1;
            } else if (xml.name() == QLatin1String("testsuite") && !suites.isEmpty()) {
                Job& suite = run.jobs[suites.takeLast()];
                if (suite.durationSeconds < 0) {
                    double total = 0;
                    for (const Step& step : std::as_const(suite.steps))
                        total += qMax(0.0, step.durationSeconds);
                    suite.durationSeconds = total;
                }
                suiteIndex = suites.isEmpty() ? -1 : suites.last();
            }
        }
    }
    if (xml.hasError()) {
        const bool truncated = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
        return makeError(
            truncated ? QStringLiteral("runs.truncated") : QStringLiteral("runs.xml"),
            QStringLiteral("line %1, column %2: %3")
                .arg(xml.lineNumber())
                .arg(xml.columnNumber())
                .arg(truncated ? QStringLiteral("the XML ends early (truncated file?)") : xml.errorString()));
    }
    if (!sawRoot)
        return makeError(QStringLiteral("runs.unknown-format"), QStringLiteral("XML without a root element"));

    for (Job& job : run.jobs) {
        if (job.started.isValid() && job.durationSeconds >= 0)
            job.finished = job.started.addMSecs(qint64(job.durationSeconds * 1000));
        if (job.started.isValid() && (!run.started.isValid() || job.started < run.started))
            run.started = job.started;
        if (job.finished.isValid() && (!run.finished.isValid() || job.finished > run.finished))
            run.finished = job.finished;
        result.jobCount++;
    }
    if (run.name.isEmpty())
        run.name = QStringLiteral("junit");
    run.created = run.started;
    if (run.durationSeconds < 0)
        run.durationSeconds = secondsBetween(run.started, run.finished);
    if (run.durationSeconds < 0 && !run.jobs.isEmpty()) {
        double total = 0;
        for (const Job& job : std::as_const(run.jobs))
            total += qMax(0.0, job.durationSeconds);
        run.durationSeconds = total;
    }
    if (run.started.isValid() && !run.finished.isValid() && run.durationSeconds >= 0)
        run.finished = run.started.addMSecs(qint64(run.durationSeconds * 1000));
    result.runs.append(run);
    return result;
}

} // namespace gatehouse::runs
