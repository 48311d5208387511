// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeScanner.h"

#include <QFile>

namespace gatehouse::test {

namespace {

const char* const Sarif
    = R"({"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":)"
      R"({"name":"fakescan","rules":[{"id":"FAKE001"},{"id":"FAKE002"}]}},"results":[)"
      R"({"ruleId":"FAKE001","level":"error","message":{"text":"shell injection"},"locations":[{"physicalLocation":)"
      R"({"artifactLocation":{"uri":"app.py"},"region":{"startLine":2}}}]},)"
      R"({"ruleId":"FAKE002","level":"warning","message":{"text":"weak hash"},"locations":[{"physicalLocation":)"
      R"({"artifactLocation":{"uri":"lib.py"},"region":{"startLine":5}}}]}]}]})";

const char* const CleanSarif = R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"fakescan"}},"results":[]}]})";

} // namespace

FakeScanner::FakeScanner()
{
    QFile script(path());
    if (!script.open(QIODevice::WriteOnly))
        return;
    QByteArray text = "#!/bin/sh\n"
                      "echo \"$@\" >> '"
        + logPath().toUtf8()
        + "'\n"
          "case \"$1\" in\n"
          "  sarif) printf '%s\\n' '"
        + QByteArray(Sarif)
        + "' ;;\n"
          "  sarif-file) printf '%s\\n' '"
        + QByteArray(Sarif)
        + "' > \"$2\" ;;\n"
          "  clean) printf '%s\\n' '"
        + QByteArray(CleanSarif)
        + "' ;;\n"
          "  hang) exec sleep 600 ;;\n"
          "  hang-child) sleep 600 & echo $! > '"
        + m_dir.filePath(QStringLiteral("child.pid")).toUtf8()
        + "'; wait ;;\n"
          "  crash) echo 'fatal: boom' >&2; kill -SEGV $$ ;;\n"
          "  fail) echo 'cannot read config' >&2; exit 3 ;;\n"
          "  garbage) echo 'this is not json' ;;\n"
          "esac\n";
    script.write(text);
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool FakeScanner::isValid() const
{
    return m_dir.isValid() && QFile::exists(path());
}

QString FakeScanner::log() const
{
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace gatehouse::test
