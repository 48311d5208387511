// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExpressionChecker.h"

#include "ContextAvailability.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace gatehouse::pipeline::github {

namespace {

using Kind = ExpressionType::Kind;

/// A parameter: what a value must be. Scalar: anything but an object or array (GitHub casts it to a string).
enum class Param : quint8
{
    Any,
    Scalar,
    ScalarOrArray
};

/// The built-in functions of GitHub's "Expressions" page with their signatures.
struct Function
{
    const char* name;
    int minArgs;
    int maxArgs; ///< -1: no limit
    Kind result;
    std::vector<Param> params; ///< the last one repeats
    enum Special : quint8
    {
        None,
        Status,
        HashFiles
    } special
        = None;
};

const std::vector<Function>& functionTable()
{
    static const std::vector<Function> table = {
        {"contains", 2, 2, Kind::Bool, {Param::ScalarOrArray, Param::Scalar}},
        {"startsWith", 2, 2, Kind::Bool, {Param::Scalar, Param::Scalar}},
        {"endsWith", 2, 2, Kind::Bool, {Param::Scalar, Param::Scalar}},
        {"format", 1, -1, Kind::String, {Param::Scalar, Param::Any}},
        {"join", 1, 2, Kind::String, {Param::ScalarOrArray, Param::Scalar}},
        {"toJSON", 1, 1, Kind::String, {Param::Any}},
        {"fromJSON", 1, 1, Kind::Any, {Param::Scalar}},
        {"hashFiles", 1, -1, Kind::String, {Param::Scalar}, Function::HashFiles},
        {"success", 0, 0, Kind::Bool, {}, Function::Status},
        {"always", 0, 0, Kind::Bool, {}, Function::Status},
        {"cancelled", 0, 0, Kind::Bool, {}, Function::Status},
        {"failure", 0, 0, Kind::Bool, {}, Function::Status},
        // case(predicate, value, …, default): pairs then a default, an odd count of at least three.
        {"case", 3, -1, Kind::Any, {Param::Any}},
    };
    return table;
}

const Function* findFunction(const QString& name)
{
    for (const Function& function : functionTable()) {
        if (name.compare(QLatin1StringView(function.name), Qt::CaseInsensitive) == 0)
            return &function;
    }
    return nullptr;
}

ExpressionType typeOfJson(const nlohmann::json& value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return ExpressionType::of(Kind::Null);
    case nlohmann::json::value_t::boolean:
        return ExpressionType::of(Kind::Bool);
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return ExpressionType::of(Kind::Number);
    case nlohmann::json::value_t::string:
        return ExpressionType::of(Kind::String);
    case nlohmann::json::value_t::array: {
        ExpressionType element;
        bool first = true;
        for (const nlohmann::json& item : value) {
            const ExpressionType t = typeOfJson(item);
            element = first || (t.kind == element.kind && !t.isComposite()) ? t : ExpressionType::any();
            first = false;
        }
        return ExpressionType::array(element);
    }
    default:
        return ExpressionType::mapOf(ExpressionType::any());
    }
}

class Checker
{
public:
    Checker(const ExpressionSyntax& syntax, const ExpressionScope& scope)
        : m_syntax(syntax)
        , m_scope(scope)
    { }

    ExpressionChecker::Result run()
    {
        // Operands always precede their node in the list, so one forward pass types the tree without recursion.
        m_types.resize(m_syntax.nodes.size());
        m_result.constant = true;
        for (qsizetype i = 0; i < m_syntax.nodes.size(); ++i)
            m_types[size_t(i)] = typeOf(m_syntax.nodes[i]);
        if (m_syntax.root >= 0)
            m_result.type = m_types[size_t(m_syntax.root)];
        return m_result;
    }

private:
    void problem(int offset, const QString& rule, const QString& message, Severity severity = Severity::Error)
    {
        m_result.problems.append({offset, severity, rule, message});
    }
    const ExpressionType& operand(const ExpressionNode& node, int i = 0) const
    {
        return m_types[size_t(node.children[i])];
    }
    const ExpressionNode& child(const ExpressionNode& node, int i) const { return m_syntax.node(node.children[i]); }

    ExpressionType typeOf(const ExpressionNode& node)
    {
        switch (node.kind) {
        case ExpressionNode::Kind::Null:
            return ExpressionType::of(Kind::Null);
        case ExpressionNode::Kind::Bool:
            return ExpressionType::of(Kind::Bool);
        case ExpressionNode::Kind::Number:
            return ExpressionType::of(Kind::Number);
        case ExpressionNode::Kind::String:
            return ExpressionType::of(Kind::String);
        case ExpressionNode::Kind::Context:
            return context(node);
        case ExpressionNode::Kind::Property:
            return property(node, operand(node), node.text);
        case ExpressionNode::Kind::Index:
            return index(node);
        case ExpressionNode::Kind::Filter:
            return filter(node, operand(node));
        case ExpressionNode::Kind::Call:
            return call(node);
        case ExpressionNode::Kind::Not:
            return ExpressionType::of(Kind::Bool);
        case ExpressionNode::Kind::Binary:
            return binary(node);
        }
        return {};
    }

    ExpressionType context(const ExpressionNode& node)
    {
        m_result.constant = false;
        const QString name = node.text.toLower();
        if (!ContextAvailability::allContexts().contains(name)) {
            problem(node.offset, QStringLiteral("unknown-context"),
                    QStringLiteral("unknown context '%1'%2; expected one of: %3")
                        .arg(node.text, didYouMean(name, ContextAvailability::allContexts()),
                             ContextAvailability::allContexts().join(QStringLiteral(", "))));
            return {};
        }
        const auto it = m_scope.contexts.constFind(name);
        if (it == m_scope.contexts.constEnd()) {
            QStringList available = m_scope.contexts.keys();
            available.sort();
            problem(node.offset, QStringLiteral("context-not-allowed"),
                    QStringLiteral("the '%1' context is not available in '%2'; available there: %3")
                        .arg(name, m_scope.where, available.join(QStringLiteral(", "))));
            return {};
        }
        return it.value();
    }

    ExpressionType property(const ExpressionNode& node, const ExpressionType& of, const QString& name)
    {
        switch (of.kind) {
        case Kind::Any:
            return {};
        case Kind::Object: {
            if (const ObjectShape::Property* found = of.object->find(name))
                return found->type;
            if (of.object->rest)
                return *of.object->rest;
            const QStringList known = of.object->names();
            // A long list (the github context) helps less than the suggestion: name the first few.
            constexpr qsizetype listed = 12;
            const QString list = known.size() <= listed
                ? known.join(QStringLiteral(", "))
                : known.mid(0, listed).join(QStringLiteral(", ")) + QStringLiteral(", …");
            problem(node.offset, of.object->unknownRule,
                    QString(of.object->unknownMessage)
                        .replace(QStringLiteral("%1"), name)
                        .replace(QStringLiteral("%2"), list)
                        .replace(QStringLiteral("%3"), didYouMean(name, known)),
                    of.object->unknownSeverity);
            return {};
        }
        case Kind::Array:
            // A property of a filtered array reads it from every element.
            return ExpressionType::array(of.element ? property(node, *of.element, name) : ExpressionType::any());
        default:
            problem(node.offset, QStringLiteral("expression-type"),
                    QStringLiteral("'%1' is read from a %2, which has no properties").arg(name, of.name()));
            return {};
        }
    }

    ExpressionType index(const ExpressionNode& node)
    {
        const ExpressionType& of = operand(node);
        const ExpressionNode& key = child(node, 1);
        const ExpressionType& keyType = operand(node, 1);
        if (key.kind == ExpressionNode::Kind::String && of.kind == Kind::Object)
            return property(node, of, key.text);
        switch (of.kind) {
        case Kind::Any:
            return {};
        case Kind::Object:
            if (keyType.isComposite())
                problem(key.start, QStringLiteral("expression-type"),
                        QStringLiteral("an object is indexed with a %1; expected a string").arg(keyType.name()));
            return of.object->rest ? *of.object->rest : ExpressionType::any();
        case Kind::Array:
            if (keyType.kind == Kind::String || keyType.isComposite())
                problem(key.start, QStringLiteral("expression-type"),
                        QStringLiteral("an array is indexed with a %1; expected a number").arg(keyType.name()));
            return of.element ? *of.element : ExpressionType::any();
        default:
            problem(node.offset, QStringLiteral("expression-type"),
                    QStringLiteral("a %1 is indexed, but only objects and arrays have elements").arg(of.name()));
            return {};
        }
    }

    ExpressionType filter(const ExpressionNode& node, const ExpressionType& of)
    {
        switch (of.kind) {
        case Kind::Any:
            return ExpressionType::array(ExpressionType::any());
        case Kind::Object: {
            if (of.object->rest)
                return ExpressionType::array(*of.object->rest);
            // Strict objects: the elements have a common type only when all properties agree.
            std::optional<ExpressionType> common;
            for (const ObjectShape::Property& p : of.object->properties)
                common = !common || (common->kind == p.type.kind && !p.type.isComposite()) ? p.type
                                                                                           : ExpressionType::any();
            return ExpressionType::array(common.value_or(ExpressionType::any()));
        }
        case Kind::Array:
            return ExpressionType::array(of.element ? *of.element : ExpressionType::any());
        default:
            problem(node.offset, QStringLiteral("expression-type"),
                    QStringLiteral("the filter '*' is applied to a %1; expected an object or an array").arg(of.name()));
            return {};
        }
    }

    ExpressionType binary(const ExpressionNode& node)
    {
        const ExpressionType& left = operand(node, 0);
        const ExpressionType& right = operand(node, 1);
        if (node.text == u"&&" || node.text == u"||")
            return left.kind == right.kind && !left.isComposite() ? left : ExpressionType::any();
        // GitHub compares objects and arrays by identity and casts scalars: an object against a scalar is always
        // false (or true for !=), and ordering an object means nothing.
        const bool ordering = node.text != u"==" && node.text != u"!=";
        if ((left.isComposite() && right.isPrimitive()) || (right.isComposite() && left.isPrimitive())
            || (ordering && (left.isComposite() || right.isComposite())))
            problem(node.offset, QStringLiteral("expression-type"),
                    QStringLiteral("'%1' compares a %2 with a %3; the result never depends on the values")
                        .arg(node.text, left.name(), right.name()));
        if (!ordering)
            checkBooleanAgainstString(node);
        return ExpressionType::of(Kind::Bool);
    }

    /// GitHub compares values of different types as numbers: a boolean becomes 0 or 1, a string that is not a
    /// number becomes NaN, so `inputs.flag == 'true'` with a boolean input is never true.
    void checkBooleanAgainstString(const ExpressionNode& node)
    {
        for (int side = 0; side < 2; ++side) {
            const ExpressionNode& literal = child(node, 1 - side);
            if (operand(node, side).kind != Kind::Bool || literal.kind != ExpressionNode::Kind::String)
                continue;
            bool numeric = false;
            literal.text.trimmed().toDouble(&numeric);
            if (numeric || literal.text.trimmed().isEmpty())
                continue;
            problem(literal.start, QStringLiteral("expression-type"),
                    QStringLiteral("a boolean is compared with the string '%1': GitHub compares them as numbers (the "
                                   "string is NaN), so '%2' is always %3; compare with %4 instead")
                        .arg(literal.text, node.text,
                             node.text == u"==" ? QStringLiteral("false") : QStringLiteral("true"),
                             literal.text.compare(u"false", Qt::CaseInsensitive) == 0 ? QStringLiteral("false")
                                                                                      : QStringLiteral("true")),
                    Severity::Warning);
        }
    }

    void checkFormat(const ExpressionNode& node)
    {
        const ExpressionNode& pattern = child(node, 0);
        if (pattern.kind != ExpressionNode::Kind::String)
            return;
        const QString& text = pattern.text;
        const int arguments = int(node.children.size()) - 1;
        QList<bool> used(arguments, false);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == u'{' && i + 1 < text.size() && text[i + 1] == u'{') {
                ++i;
                continue;
            }
            if (text[i] == u'}' && i + 1 < text.size() && text[i + 1] == u'}') {
                ++i;
                continue;
            }
            if (text[i] == u'}') {
                problem(pattern.start, QStringLiteral("function-arguments"),
                        QStringLiteral("format string '%1' has a '}' without '{'; write '}}' for a literal brace")
                            .arg(text));
                return;
            }
            if (text[i] != u'{')
                continue;
            const qsizetype close = text.indexOf(u'}', i);
            bool ok = false;
            const int index = close < 0 ? -1 : text.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0) {
                problem(pattern.start, QStringLiteral("function-arguments"),
                        QStringLiteral("format string '%1' has a malformed placeholder; expected {0}, {1}, … or "
                                       "'{{' for a literal brace")
                            .arg(text));
                return;
            }
            if (index >= arguments) {
                problem(pattern.start, QStringLiteral("function-arguments"),
                        QStringLiteral("format string '%1' uses {%2}, but only %3 argument(s) follow it")
                            .arg(text)
                            .arg(index)
                            .arg(arguments));
                return;
            }
            used[index] = true;
            i = close;
        }
        for (int i = 0; i < arguments; ++i) {
            if (!used[i])
                problem(child(node, i + 1).start, QStringLiteral("function-arguments"),
                        QStringLiteral("format string '%1' has no placeholder {%2}; this argument is not used")
                            .arg(text)
                            .arg(i),
                        Severity::Warning);
        }
    }

    ExpressionType call(const ExpressionNode& node)
    {
        m_result.constant = false;
        const Function* function = findFunction(node.text);
        if (!function) {
            problem(node.offset, QStringLiteral("unknown-function"),
                    QStringLiteral("unknown function '%1()'%2").arg(node.text, didYouMean(node.text, names())));
            return {};
        }
        const QString name = QString::fromLatin1(function->name);
        if (function->special == Function::Status && !m_scope.statusFunctions)
            problem(node.offset, QStringLiteral("function-not-allowed"),
                    QStringLiteral("%1() is a status function, only allowed in the 'if' of a job or a step, not in "
                                   "'%2'")
                        .arg(name, m_scope.where));
        if (function->special == Function::HashFiles && !m_scope.hashFiles)
            problem(
                node.offset, QStringLiteral("function-not-allowed"),
                QStringLiteral("hashFiles() is only available in the keys of steps, not in '%1'").arg(m_scope.where));
        const int count = int(node.children.size());
        const bool tooFew = count < function->minArgs;
        const bool tooMany = function->maxArgs >= 0 && count > function->maxArgs;
        if (tooFew || tooMany || (function->name == std::string_view("case") && count % 2 == 0)) {
            const QString expected = function->maxArgs == function->minArgs ? QString::number(function->minArgs)
                : function->maxArgs < 0 ? QStringLiteral("at least %1").arg(function->minArgs)
                                        : QStringLiteral("%1 to %2").arg(function->minArgs).arg(function->maxArgs);
            problem(node.offset, QStringLiteral("function-arguments"),
                    QStringLiteral("%1() takes %2 argument(s), %3 given").arg(name, expected).arg(count));
            return ExpressionType::of(function->result);
        }
        for (int i = 0; i < count; ++i) {
            const Param param = function->params.empty()
                ? Param::Any
                : function->params[std::min(size_t(i), function->params.size() - 1)];
            const ExpressionType& arg = operand(node, i);
            const bool bad = (param == Param::Scalar && arg.isComposite())
                || (param == Param::ScalarOrArray && arg.kind == Kind::Object);
            if (bad)
                problem(child(node, i).start, QStringLiteral("function-arguments"),
                        QStringLiteral("argument %1 of %2() is a %3; expected %4")
                            .arg(i + 1)
                            .arg(name, arg.name(),
                                 param == Param::Scalar ? QStringLiteral("a string, number or boolean")
                                                        : QStringLiteral("a string or an array")));
        }
        if (name == u"format")
            checkFormat(node);
        if (name == u"fromJSON" && child(node, 0).kind == ExpressionNode::Kind::String) {
            const QByteArray json = child(node, 0).text.toUtf8();
            const nlohmann::json value
                = nlohmann::json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
            if (value.is_discarded()) {
                problem(child(node, 0).start, QStringLiteral("function-arguments"),
                        QStringLiteral("fromJSON() is given '%1', which is not valid JSON").arg(child(node, 0).text));
                return {};
            }
            return typeOfJson(value);
        }
        return ExpressionType::of(function->result);
    }

    static QStringList names()
    {
        QStringList result;
        for (const Function& function : functionTable())
            result.append(QString::fromLatin1(function.name));
        return result;
    }

    const ExpressionSyntax& m_syntax;
    const ExpressionScope& m_scope;
    std::vector<ExpressionType> m_types;
    ExpressionChecker::Result m_result;
};

} // namespace

ExpressionChecker::Result ExpressionChecker::check(const ExpressionSyntax& syntax, const ExpressionScope& scope)
{
    return Checker(syntax, scope).run();
}

const QStringList& ExpressionChecker::functionNames()
{
    static const QStringList names = [] {
        QStringList result;
        for (const Function& function : functionTable())
            result.append(QString::fromLatin1(function.name).toLower());
        return result;
    }();
    return names;
}

} // namespace gatehouse::pipeline::github
