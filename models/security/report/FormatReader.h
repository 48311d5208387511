// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The private interface of the streaming report readers: CaptureSax walks a report and hands each reader the
// sub-objects at the paths it asks for; one reader per format (report/<Format>Reader.cpp), made by make<Format>Reader.

#include "Collector.h"
#include "JsonAccess.h"

#include <memory>
#include <string>
#include <vector>

namespace gatehouse::report {

struct PathFrame
{
    bool array = false;
    qint64 index = -1;
    std::string key;
};
using JsonPath = std::vector<PathFrame>;

/// "*" matches any key or index.
struct PathPattern
{
    int id;
    std::vector<std::string> segments;
};

/// The container type a format requires at a path ("runs" must be an array).
struct TypeExpectation
{
    std::vector<std::string> segments;
    bool array;
};

inline qint64 indexAt(const JsonPath& path, size_t depth)
{
    return depth < path.size() ? path[depth].index : -1;
}

class FormatReader
{
public:
    virtual ~FormatReader() = default;
    virtual std::vector<PathPattern> patterns() const = 0;
    virtual std::vector<TypeExpectation> expectations() const { return {}; }
    /// Returns false to stop (the collector then holds the error).
    virtual bool capture(int id, const JsonPath& path, json&& value, Collector& out) = 0;
    virtual void finish(Collector&) { }
    virtual QString tool() const = 0;
};

std::unique_ptr<FormatReader> makeSarifReader();
std::unique_ptr<FormatReader> makeSemgrepReader();
std::unique_ptr<FormatReader> makeTrivyReader(bool listForm);
std::unique_ptr<FormatReader> makeGitleaksReader();
std::unique_ptr<FormatReader> makeGrypeReader();
std::unique_ptr<FormatReader> makePipAuditReader(bool listForm);
std::unique_ptr<FormatReader> makeSafetyReader(bool listForm);
std::unique_ptr<FormatReader> makeZapReader();
std::unique_ptr<FormatReader> makeBanditReader();
std::unique_ptr<FormatReader> makeNpmAuditReader();
std::unique_ptr<FormatReader> makeOsvReader();

} // namespace gatehouse::report
