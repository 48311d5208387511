// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    (void)gatehouse::fuzz::runScanNote(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
