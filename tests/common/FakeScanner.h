// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace gatehouse::test {

/// A stand-in scanner: a /bin/sh script in its own temporary directory (outside any repository) whose first
/// argument picks the behaviour:
///   sarif            SARIF with 2 results (FAKE001 error → high in app.py:2, FAKE002 warning → medium) on stdout
///   sarif-file PATH  the same SARIF written to PATH, nothing on stdout
///   clean            SARIF without results
///   hang             sleeps for 10 minutes (exec, so killing it kills the sleep)
///   hang-child       starts `sleep 600` as a child (its pid in childPidPath()) and waits for it
///   crash            prints "fatal: boom" on stderr and kills itself with SIGSEGV
///   fail             prints "cannot read config" on stderr and exits with 3
///   garbage          prints "this is not json" and exits 0
/// Every run also appends its arguments to `log()` (to prove what ran).
class FakeScanner
{
public:
    FakeScanner();
    bool isValid() const;
    QString path() const { return m_dir.filePath(QStringLiteral("fakescan")); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("runs.log")); }
    QString childPidPath() const { return m_dir.filePath(QStringLiteral("child.pid")); }
    QString log() const;

private:
    QTemporaryDir m_dir;
};

} // namespace gatehouse::test
