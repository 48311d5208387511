// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Corpus.h"

#include <QDir>
#include <QFileInfo>

namespace gatehouse::test {

QString corpusRoot()
{
    const QString overridden = qEnvironmentVariable("GATEHOUSE_CORPUS_DIR");
    return QDir::cleanPath(overridden.isEmpty() ? QStringLiteral(GATEHOUSE_CORPUS_DIR) : overridden);
}

QString corpusPath(const QString& relative)
{
    return corpusRoot() + QLatin1Char('/') + relative;
}

bool corpusAvailable()
{
    const QDir root(corpusRoot());
    return root.exists(QStringLiteral("pipelines")) && root.exists(QStringLiteral("reports"));
}

const char* corpusMissingReason()
{
    return "the shared corpus is not available (../shared/corpus beside the clone, or GATEHOUSE_CORPUS_DIR)";
}

} // namespace gatehouse::test
