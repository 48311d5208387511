// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gatehouse::test {

/// What one run of the `gatehouse` binary gave: exit code (-1 when it did not finish in time, -2 when it crashed),
/// standard output and standard error.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    /// Standard output as one JSON object (empty when it is not one).
    QJsonObject json() const;
};

/// Runs the built `gatehouse` binary the way scripts do: headless (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM,
/// so a subcommand that wanted a display fails), with extra environment variables and a working directory.
class CliRunner
{
public:
    CliRunner& setWorkingDirectory(const QString& directory);
    CliRunner& setEnvironment(const QString& name, const QString& value);
    CliRunner& setTimeout(int milliseconds);
    /// Keeps the caller's QT_QPA_PLATFORM / DISPLAY (for the few runs that compare with the GUI in one process).
    CliRunner& keepDisplay();

    /// Blocks without an event loop.
    CliRun run(const QStringList& arguments) const;
    /// Runs the calling thread's event loop while waiting, so that a server living in this thread (LocalHttpServer)
    /// can answer the child.
    CliRun runWithEventLoop(const QStringList& arguments) const;

private:
    QString m_workingDirectory;
    QMap<QString, QString> m_environment;
    int m_timeout = 120000;
    bool m_keepDisplay = false;
};

/// One run with the default runner.
inline CliRun runCli(const QStringList& arguments, const QString& workingDirectory = {})
{
    return CliRunner().setWorkingDirectory(workingDirectory).run(arguments);
}

} // namespace gatehouse::test
