// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace gatehouse::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliRunner& CliRunner::setWorkingDirectory(const QString& directory)
{
    m_workingDirectory = directory;
    return *this;
}

CliRunner& CliRunner::setEnvironment(const QString& name, const QString& value)
{
    m_environment.insert(name, value);
    return *this;
}

CliRunner& CliRunner::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
    return *this;
}

CliRunner& CliRunner::keepDisplay()
{
    m_keepDisplay = true;
    return *this;
}

namespace {

void prepare(QProcess& process, const QString& workingDirectory, const QMap<QString, QString>& variables,
             bool keepDisplay)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!keepDisplay) {
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    }
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
}

CliRun collect(QProcess& process, bool finished)
{
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return {-1, process.readAllStandardOutput(), process.readAllStandardError()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

} // namespace

CliRun CliRunner::run(const QStringList& arguments) const
{
    QProcess process;
    prepare(process, m_workingDirectory, m_environment, m_keepDisplay);
    process.start(QStringLiteral(GATEHOUSE_BINARY), arguments);
    return collect(process, process.waitForFinished(m_timeout));
}

CliRun CliRunner::runWithEventLoop(const QStringList& arguments) const
{
    QProcess process;
    prepare(process, m_workingDirectory, m_environment, m_keepDisplay);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(GATEHOUSE_BINARY), arguments);
    // A binary that cannot start never emits finished(): fail now instead of waiting out the timeout.
    if (!process.waitForStarted(30000))
        return {-1, {}, process.errorString().toUtf8()};
    const bool done = finished.wait(m_timeout) || process.state() == QProcess::NotRunning;
    return collect(process, done);
}

} // namespace gatehouse::test
