// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabInputs.h"

#include <QHash>
#include <QRegularExpression>

namespace gatehouse::pipeline {

namespace {

class Interpolator
{
public:
    Interpolator(const QStringList& files, QList<Diagnostic>& diagnostics)
        : m_files(files)
        , m_diagnostics(diagnostics)
    { }

    void report(const YamlNode& at, Severity severity, const QString& rule, const QString& message)
    {
        m_diagnostics.append(Diagnostic{m_files.value(at.file), at.line, at.column, severity, Category::Schema,
                                        QStringLiteral("gitlab.") + rule, message});
    }

    void walk(YamlNode& node)
    {
        if (node.kind == YamlNode::Kind::Scalar) {
            if (node.value.contains(u"$[["))
                interpolate(node, true);
            return;
        }
        if (!holdsBlock(node))
            return; // untouched subtrees stay shared with their copies
        for (YamlNode& key : node.keys) {
            if (key.kind == YamlNode::Kind::Scalar && key.value.contains(u"$[["))
                interpolate(key, false);
        }
        for (YamlNode& item : node.items)
            walk(item);
    }

    QHash<QString, const YamlNode*> declared; ///< input name → declaration (a null node when empty)
    QHash<QString, YamlNode> values; ///< input name → its value (given, or the default)

private:
    static bool holdsBlock(const YamlNode& node)
    {
        if (node.kind == YamlNode::Kind::Scalar)
            return node.value.contains(u"$[[");
        for (const YamlNode& key : node.keys) {
            if (key.value.contains(u"$[["))
                return true;
        }
        for (const YamlNode& item : node.items) {
            if (holdsBlock(item))
                return true;
        }
        return false;
    }

    static QString text(const YamlNode& value) { return value.isScalar() ? value.value : value.toFlowText(100000); }

    /// Applies one function of a block (`expand_vars`, `truncate(offset, length)`, `posix_escape`) to `text`.
    /// Empty `problem` when it is known.
    static QString apply(const QString& function, QString text, QString* problem)
    {
        static const QRegularExpression truncate(QStringLiteral("^truncate\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)$"));
        if (function == u"expand_vars")
            return text; // CI/CD variables are expanded when the job runs
        if (function == u"posix_escape") {
            static const QRegularExpression unsafe(QStringLiteral("([^A-Za-z0-9_./:=@%+,-])"));
            return text.replace(unsafe, QStringLiteral("\\\\1"));
        }
        if (const QRegularExpressionMatch m = truncate.match(function); m.hasMatch())
            return text.mid(m.captured(1).toInt(), m.captured(2).toInt());
        *problem = QStringLiteral("unknown function '%1'; expected expand_vars, truncate(offset, length) or "
                                  "posix_escape")
                       .arg(function);
        return text;
    }

    void interpolate(YamlNode& node, bool typed)
    {
        static const QRegularExpression block(QStringLiteral("\\$\\[\\[(.*?)\\]\\]"));
        static const QRegularExpression inputName(QStringLiteral("^inputs\\.([\\w-]+)$"));
        QString result;
        qsizetype last = 0;
        const YamlNode* whole = nullptr; // the value when the scalar is exactly one block without functions
        auto it = block.globalMatch(node.value);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            result += node.value.mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const QStringList parts = m.captured(1).split(u'|');
            const QString head = parts.first().trimmed();
            const QRegularExpressionMatch name = inputName.match(head);
            if (!head.startsWith(QStringLiteral("inputs"))) {
                result += m.captured(0); // another context (component, matrix): kept for GitLab to fill in
                continue;
            }
            if (!name.hasMatch()) {
                report(
                    node, Severity::Error, QStringLiteral("invalid-interpolation"),
                    QStringLiteral("'%1' is not an input reference; expected $[[ inputs.NAME ]]").arg(m.captured(0)));
                result += m.captured(0);
                continue;
            }
            const QString input = name.captured(1);
            if (!declared.contains(input)) {
                QStringList known = declared.keys();
                known.sort();
                report(node, Severity::Error, QStringLiteral("input-unknown"),
                       QStringLiteral("$[[ inputs.%1 ]] names an input that spec:inputs does not declare%2")
                           .arg(input, didYouMean(input, known)));
                result += m.captured(0);
                continue;
            }
            const auto value = values.constFind(input);
            if (parts.size() > 4)
                report(node, Severity::Error, QStringLiteral("invalid-interpolation"),
                       QStringLiteral("'%1' applies %2 functions; GitLab allows 3")
                           .arg(m.captured(0))
                           .arg(parts.size() - 1));
            if (value == values.constEnd()) {
                result += m.captured(0); // given by the includer or the run: unknown here
                continue;
            }
            QString inserted = text(*value);
            for (qsizetype i = 1; i < parts.size(); ++i) {
                QString problem;
                inserted = apply(parts[i].trimmed(), inserted, &problem);
                if (!problem.isEmpty())
                    report(node, Severity::Error, QStringLiteral("invalid-interpolation"), problem);
            }
            if (parts.size() == 1 && m.capturedStart() == 0 && m.capturedEnd() == node.value.size())
                whole = &*value;
            result += inserted;
        }
        result += node.value.mid(last);
        if (typed && whole && !whole->isString()) {
            // A whole-value block takes the input's type: a number, a boolean or an array stays one.
            const int line = node.line;
            const int column = node.column;
            const int file = node.file;
            node = *whole;
            node.line = line;
            node.column = column;
            node.setFile(file);
            return;
        }
        node.value = result;
        node.plain = false;
    }

    const QStringList& m_files;
    QList<Diagnostic>& m_diagnostics;
};

} // namespace

QString GitLabInputs::checkValue(const YamlNode& declaration, const YamlNode& value)
{
    if (value.isScalar() && value.value.contains(u"$[["))
        return {}; // the includer's own input, not known here
    const YamlNode* typeNode = declaration.isMap() ? declaration.get(u"type") : nullptr;
    const QString type = typeNode ? typeNode->value : QStringLiteral("string");
    bool ok = true;
    if (type == u"string")
        ok = value.isString();
    else if (type == u"number")
        ok = value.isScalar()
            && (value.scalarType() == YamlNode::ScalarType::Integer
                || value.scalarType() == YamlNode::ScalarType::Float);
    else if (type == u"boolean")
        ok = value.isBool();
    else if (type == u"array")
        ok = value.isSequence();
    if (!ok)
        return QStringLiteral("a %1, found %2")
            .arg(type == u"array" ? QStringLiteral("sequence") : type, value.typeName());
    if (const YamlNode* options = declaration.isMap() ? declaration.get(u"options") : nullptr;
        options && options->isSequence() && value.isScalar()) {
        const QStringList allowed = options->toStringList();
        if (!allowed.contains(value.value))
            return QStringLiteral("one of: %1").arg(allowed.join(QStringLiteral(", ")));
    }
    if (const YamlNode* regex = declaration.isMap() ? declaration.get(u"regex") : nullptr;
        regex && regex->isScalar() && value.isString()) {
        QString pattern = regex->value;
        if (pattern.size() >= 2 && pattern.startsWith(u'/') && pattern.endsWith(u'/'))
            pattern = pattern.mid(1, pattern.size() - 2);
        const QRegularExpression re(pattern);
        if (re.isValid() && !re.match(value.value).hasMatch())
            return QStringLiteral("a value matching %1").arg(regex->value);
    }
    return {};
}

void GitLabInputs::apply(const YamlNode& header, const YamlNode* given, Given mode, YamlNode& config,
                         const QStringList& files, QList<Diagnostic>& diagnostics)
{
    Interpolator interpolator(files, diagnostics);
    const YamlNode* inputs = header.get(u"inputs");
    if (inputs && inputs->isMap()) {
        for (size_t i = 0; i < inputs->keys.size(); ++i) {
            const YamlNode& declaration = inputs->items[i];
            const QString& name = inputs->keys[i].value;
            interpolator.declared.insert(name, &declaration);
            const YamlNode* byDefault = declaration.isMap() ? declaration.get(u"default") : nullptr;
            if (const YamlNode* regex = declaration.isMap() ? declaration.keyNode(u"regex") : nullptr) {
                const YamlNode* type = declaration.get(u"type");
                if (type && type->value != u"string")
                    interpolator.report(*regex, Severity::Error, QStringLiteral("input-invalid"),
                                        QStringLiteral("input '%1' is of type %2; regex only applies to string inputs")
                                            .arg(name, type->value));
            }
            // Inputs with rules get their options and default from the rule that matches: not known statically.
            const bool conditional = declaration.isMap() && declaration.contains(u"rules");
            if (byDefault && !conditional) {
                if (const QString problem = checkValue(declaration, *byDefault); !problem.isEmpty())
                    interpolator.report(
                        *byDefault, Severity::Error, QStringLiteral("input-invalid"),
                        QStringLiteral("the default of input '%1' is %2; expected %3")
                            .arg(name, byDefault->isScalar() ? u'\'' + byDefault->value + u'\'' : byDefault->typeName(),
                                 problem));
            }
            const YamlNode* value = given && given->isMap() ? given->get(name) : nullptr;
            // An invalid value is reported once, where it is given, and not carried into the configuration.
            if (value && !conditional && !checkValue(declaration, *value).isEmpty())
                continue;
            if (value) {
                interpolator.values.insert(name, *value);
            } else if (byDefault) {
                interpolator.values.insert(name, *byDefault);
            } else if (!conditional && mode == Given::Include) {
                interpolator.report(given ? *given : inputs->keys[i], Severity::Error, QStringLiteral("input-missing"),
                                    QStringLiteral("the required input '%1' (no default) is not given; expected it "
                                                   "under include:inputs")
                                        .arg(name));
            } else if (!conditional && mode == Given::PipelineRun) {
                interpolator.report(inputs->keys[i], Severity::Warning, QStringLiteral("input-missing"),
                                    QStringLiteral("the input '%1' has no default: pipelines started by a push, "
                                                   "which give no inputs, fail")
                                        .arg(name));
            }
        }
    }
    if (given && given->isMap()) {
        QStringList known = interpolator.declared.keys();
        known.sort();
        for (size_t i = 0; i < given->keys.size(); ++i) {
            const QString& name = given->keys[i].value;
            const auto declaration = interpolator.declared.constFind(name);
            if (declaration == interpolator.declared.constEnd()) {
                interpolator.report(
                    given->keys[i], Severity::Error, QStringLiteral("input-unknown"),
                    QStringLiteral("input '%1' is not declared by the included file's spec:inputs%2")
                        .arg(name, known.isEmpty() ? QStringLiteral(" (it declares none)") : didYouMean(name, known)));
                continue;
            }
            if ((*declaration)->isMap() && (*declaration)->contains(u"rules"))
                continue;
            if (const QString problem = checkValue(**declaration, given->items[i]); !problem.isEmpty())
                interpolator.report(given->items[i], Severity::Error, QStringLiteral("input-invalid"),
                                    QStringLiteral("input '%1' is %2; expected %3")
                                        .arg(name,
                                             given->items[i].isScalar() ? u'\'' + given->items[i].value + u'\''
                                                                        : given->items[i].typeName(),
                                             problem));
        }
    }
    interpolator.walk(config);
}

} // namespace gatehouse::pipeline
