// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse::test {

/// The shared corpus of real pipelines and scanner reports: `../shared/corpus` beside the clone, or the folder named
/// by the environment variable GATEHOUSE_CORPUS_DIR. A user's clone has nothing beside it, so every test that reads
/// the corpus must skip (GATEHOUSE_REQUIRE_CORPUS) rather than fail when it is absent.
QString corpusRoot();
/// `relative` inside the corpus (may not exist).
QString corpusPath(const QString& relative);
/// True when the corpus folder exists and holds both pipelines/ and reports/.
bool corpusAvailable();
/// The reason given by every skip for a missing corpus.
const char* corpusMissingReason();

} // namespace gatehouse::test

/// Skips the current test function (or, in a `_data()` function, the whole test) when the corpus is absent.
#define GATEHOUSE_REQUIRE_CORPUS()                                                                                     \
    do {                                                                                                               \
        if (!gatehouse::test::corpusAvailable())                                                                       \
            QSKIP(gatehouse::test::corpusMissingReason());                                                             \
    } while (false)
