// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace gatehouse {

/// Where a byte-by-byte scan of JSON text is with respect to strings, so that brackets and commas inside strings are
/// not taken for structure (a scan that only measures a document, without parsing it).
struct JsonStringScan
{
    bool inString = false;
    bool escaped = false;

    /// Takes the byte `c` when it lies inside a string (its closing quote included) and returns true; returns false
    /// for a byte outside strings, which the caller reads (and an opening quote it must pass to open()).
    bool skip(char c)
    {
        if (!inString)
            return false;
        if (escaped)
            escaped = false;
        else if (c == '\\')
            escaped = true;
        else if (c == '"')
            inString = false;
        return true;
    }
    void open() { inString = true; }
};

} // namespace gatehouse
