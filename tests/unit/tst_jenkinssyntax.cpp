// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/jenkins/JenkinsSyntax.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gatehouse::pipeline;
using namespace gatehouse::pipeline::jenkins;

namespace {

QString dumpStatements(const std::vector<Statement>& statements);

QString dumpValue(const Value& v)
{
    auto escaped = [](QString text) { return text.replace(u'\n', QStringLiteral("\\n")); };
    QStringList parts;
    for (const Argument& a : v.arguments)
        parts << (a.name.isEmpty() ? QString() : a.name + u':') + dumpValue(a.value);
    switch (v.type) {
    case Value::Type::String:
        return v.interpolated ? u'"' + escaped(v.text) + u'"' : u'\'' + escaped(v.text) + u'\'';
    case Value::Type::Number:
    case Value::Type::Bool:
    case Value::Type::Null:
    case Value::Type::Identifier:
        return v.text;
    case Value::Type::Call:
        return v.text + u'(' + parts.join(u',') + u')'
            + (v.body.empty() ? QString() : u'{' + dumpStatements(v.body) + u'}');
    case Value::Type::List:
    case Value::Type::Map:
        return u'[' + (v.type == Value::Type::Map && parts.isEmpty() ? QStringLiteral(":") : parts.join(u',')) + u']';
    case Value::Type::Closure:
        return u'{' + dumpStatements(v.body) + u'}';
    case Value::Type::Expression:
        return u'<' + escaped(v.text) + u'>';
    }
    return {};
}

QString dumpStatements(const std::vector<Statement>& statements)
{
    QStringList out;
    for (const Statement& s : statements) {
        QString text;
        if (s.form == Statement::Form::Other) {
            text = u'?' + s.raw;
            if (s.hasBlock)
                text += u'{' + dumpStatements(s.body) + u'}';
            out << text;
            continue;
        }
        text = s.name;
        if (s.form == Statement::Form::Assignment) {
            out << text + u'=' + dumpValue(s.assigned);
            continue;
        }
        if (!s.arguments.empty()) {
            QStringList parts;
            for (const Argument& a : s.arguments)
                parts << (a.name.isEmpty() ? QString() : a.name + u':') + dumpValue(a.value);
            text += u'(' + parts.join(u',') + u')';
        }
        if (s.opaque)
            text += QStringLiteral("{#") + s.raw.trimmed().replace(u'\n', QStringLiteral("\\n")) + u'}';
        else if (s.hasBlock)
            text += u'{' + dumpStatements(s.body) + u'}';
        if (!s.trailing.isEmpty())
            text += QStringLiteral(" !") + s.trailing;
        out << text;
    }
    return out.join(u';');
}

QStringList rows(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* item : list)
        out << QString::fromLatin1(item);
    return out;
}

QStringList problems(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QStringLiteral("%1:%2:%3").arg(d.line).arg(d.column).arg(d.rule);
    return out;
}

} // namespace

class TestJenkinsSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forms_data();
    void forms();
    void errors_data();
    void errors();
    void positions();
    void hugeAndDeepInput();
    void randomInputNeverCrashes();
};

void TestJenkinsSyntax::forms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare argument") << QStringLiteral("agent any") << QStringLiteral("agent(any)");
    QTest::newRow("no argument") << QStringLiteral("cleanWs") << QStringLiteral("cleanWs");
    QTest::newRow("stage and steps") << QStringLiteral("stage('Build') {\n  steps {\n    sh 'make'\n  }\n}")
                                     << QStringLiteral("stage('Build'){steps{sh('make')}}");
    QTest::newRow("brace on next line") << QStringLiteral("stage('Build')\n{\n steps { sh 'make' }\n}")
                                        << QStringLiteral("stage('Build'){steps{sh('make')}}");
    QTest::newRow("semicolons") << QStringLiteral("axis { name 'OS'; values 'linux', 'mac' }")
                                << QStringLiteral("axis{name('OS');values('linux','mac')}");
    QTest::newRow("double quotes interpolated")
        << QStringLiteral("echo \"Hello ${params.NAME}\"") << QStringLiteral("echo(\"Hello ${params.NAME}\")");
    QTest::newRow("double quotes with $name")
        << QStringLiteral("echo \"at $WORKSPACE\"") << QStringLiteral("echo(\"at $WORKSPACE\")");
    QTest::newRow("double quotes plain") << QStringLiteral("echo \"plain\"") << QStringLiteral("echo('plain')");
    QTest::newRow("triple single") << QStringLiteral("sh '''\n  make\n  make test\n'''")
                                   << QStringLiteral("sh('\\n  make\\n  make test\\n')");
    QTest::newRow("triple double") << QStringLiteral("sh \"\"\"\n  echo ${env.X} \"quoted\"\n\"\"\"")
                                   << QStringLiteral("sh(\"\\n  echo ${env.X} \"quoted\"\\n\")");
    QTest::newRow("slashy") << QStringLiteral("changelog /.*\\[skip ci\\].*/")
                            << QStringLiteral("changelog('.*\\[skip ci\\].*')");
    QTest::newRow("slashy escaped slash") << QStringLiteral("x(/a\\/b/)") << QStringLiteral("x('a/b')");
    QTest::newRow("dollar slashy") << QStringLiteral("x($/a/b $$ c/$)") << QStringLiteral("x('a/b $ c')");
    QTest::newRow("division is no slashy") << QStringLiteral("X = 10 / 2") << QStringLiteral("X=<10 / 2>");
    QTest::newRow("escapes") << QStringLiteral("echo 'it\\'s\\tok'") << QStringLiteral("echo('it's\tok')");
    QTest::newRow("comments") << QStringLiteral("// a comment\nagent any /* block\ncomment */\ncleanWs()")
                              << QStringLiteral("agent(any);cleanWs");
    QTest::newRow("comment markers in strings")
        << QStringLiteral("sh 'curl http://x/*y*/'") << QStringLiteral("sh('curl http://x/*y*/')");
    QTest::newRow("named arguments") << QStringLiteral("timeout(time: 1, unit: 'HOURS')")
                                     << QStringLiteral("timeout(time:1,unit:'HOURS')");
    QTest::newRow("command named arguments")
        << QStringLiteral("timeout time: 5, unit: 'MINUTES'") << QStringLiteral("timeout(time:5,unit:'MINUTES')");
    QTest::newRow("nested call") << QStringLiteral("buildDiscarder(logRotator(numToKeepStr: '10'))")
                                 << QStringLiteral("buildDiscarder(logRotator(numToKeepStr:'10'))");
    QTest::newRow("multi-line arguments") << QStringLiteral("sh(\n  script: 'x',\n  returnStatus: true\n)")
                                          << QStringLiteral("sh(script:'x',returnStatus:true)");
    QTest::newRow("credentials") << QStringLiteral("TOKEN = credentials('deploy-token')")
                                 << QStringLiteral("TOKEN=credentials('deploy-token')");
    QTest::newRow("method chain") << QStringLiteral("V = sh(script: 'git describe', returnStdout: true).trim()")
                                  << QStringLiteral("V=<sh(script: 'git describe', returnStdout: true).trim()>");
    QTest::newRow("script is opaque") << QStringLiteral("script {\n  def x = [a: 1]\n  if (x) { echo 'y' }\n}")
                                      << QStringLiteral("script{#def x = [a: 1]\\n  if (x) { echo 'y' }}");
    QTest::newRow("expression is opaque")
        << QStringLiteral("expression { return env.X == '}' }") << QStringLiteral("expression{#return env.X == '}'}");
    QTest::newRow("list of calls with closure")
        << QStringLiteral("withCredentials([string(credentialsId: 'x', variable: 'T')]) { sh 'x' }")
        << QStringLiteral("withCredentials([string(credentialsId:'x',variable:'T')]){sh('x')}");
    QTest::newRow("map literal") << QStringLiteral("f([a: 1, 'b': \"c\"], [:])")
                                 << QStringLiteral("f([a:1,b:'c'],[:])");
    QTest::newRow("closure arguments") << QStringLiteral("parallel a: { sh 'x' }, b: { sh 'y' }")
                                       << QStringLiteral("parallel(a:{sh('x')},b:{sh('y')})");
    QTest::newRow("annotation") << QStringLiteral("@Library('lib@main') _\npipeline { agent any }")
                                << QStringLiteral("?@Library('lib@main') _;pipeline{agent(any)}");
    QTest::newRow("gstring with closure") << QStringLiteral("echo \"${[1, 2].collect { it * 2 }}\"")
                                          << QStringLiteral("echo(\"${[1, 2].collect { it * 2 }}\")");
    QTest::newRow("unexpected trailing text")
        << QStringLiteral("agent any extra") << QStringLiteral("agent(<any extra>)");
    QTest::newRow("line continuation") << QStringLiteral("sh 'a' + \\\n 'b'")
                                       << QStringLiteral("sh(<'a' + \\\\n 'b'>)");
    QTest::newRow("shebang") << QStringLiteral("#!groovy\nagent none") << QStringLiteral("agent(none)");
}

void TestJenkinsSyntax::forms()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Document document = JenkinsSyntax::parse(text, QStringLiteral("Jenkinsfile"));
    QVERIFY2(document.diagnostics.isEmpty(), qPrintable(problems(document.diagnostics).join(u' ')));
    QCOMPARE(dumpStatements(document.statements), expected);
}

void TestJenkinsSyntax::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unterminated single quote")
        << QStringLiteral("echo 'abc\nfoo") << rows({"1:6:jenkins.syntax"}) << QStringLiteral("ends on its line");
    QTest::newRow("unterminated triple quote")
        << QStringLiteral("sh '''abc\n") << rows({"1:4:jenkins.syntax"}) << QStringLiteral("'''");
    QTest::newRow("unterminated block") << QStringLiteral("pipeline {\n  agent any\n") << rows({"1:10:jenkins.syntax"})
                                        << QStringLiteral("never closed");
    QTest::newRow("unterminated comment")
        << QStringLiteral("agent any\n/* open") << rows({"2:1:jenkins.syntax"}) << QStringLiteral("*/");
    QTest::newRow("stray brace") << QStringLiteral("agent any\n}") << rows({"2:1:jenkins.syntax"})
                                 << QStringLiteral("closes no block");
    QTest::newRow("mismatched bracket") << QStringLiteral("foo(a]") << rows({"1:6:jenkins.syntax"})
                                        << QStringLiteral("expected ')'");
    QTest::newRow("unterminated interpolation")
        << QStringLiteral("echo \"${x\"") << rows({"1:7:jenkins.syntax"}) << QStringLiteral("${");
    QTest::newRow("unterminated slashy") << QStringLiteral("x(/abc") << rows({"1:3:jenkins.syntax"})
                                         << QStringLiteral("slashy");
    QTest::newRow("control character") << QStringLiteral("agent any\x01") << rows({"1:10:jenkins.syntax"})
                                       << QStringLiteral("binary");
}

void TestJenkinsSyntax::errors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    const Document document = JenkinsSyntax::parse(text, QStringLiteral("Jenkinsfile"));
    QCOMPARE(problems(document.diagnostics), expected);
    QVERIFY2(document.diagnostics.constFirst().message.contains(messagePart),
             qPrintable(document.diagnostics.constFirst().message));
    QCOMPARE(document.diagnostics.constFirst().severity, Severity::Error);
    QCOMPARE(document.diagnostics.constFirst().category, Category::Syntax);
}

void TestJenkinsSyntax::positions()
{
    const QString text
        = QStringLiteral("pipeline {\n  stages {\n    stage('A') {\n      steps {\n        sh '''\n"
                         "          make\n        '''\n        script { echo 'x' }\n      }\n    }\n  }\n}\n");
    const Document document = JenkinsSyntax::parse(text, QStringLiteral("Jenkinsfile"));
    QVERIFY(document.diagnostics.isEmpty());
    const Statement& stage = document.statements.at(0).body.at(0).body.at(0);
    QCOMPARE(stage.name, QStringLiteral("stage"));
    QCOMPARE(stage.line, 3);
    QCOMPARE(stage.column, 5);
    const Statement& sh = stage.body.at(0).body.at(0);
    QCOMPARE(sh.line, 5);
    QCOMPARE(sh.column, 9);
    const Value* script = sh.positional();
    QVERIFY(script);
    QCOMPARE(script->contentLine, 5);
    QCOMPARE(script->contentColumn, 15);
    QVERIFY(script->verbatim);
    const Statement& block = stage.body.at(0).body.at(1);
    QVERIFY(block.opaque);
    QCOMPARE(block.rawLine, 8);
    QCOMPARE(block.rawColumn, 17);
    QCOMPARE(block.raw.trimmed(), QStringLiteral("echo 'x'"));
}

void TestJenkinsSyntax::hugeAndDeepInput()
{
    const Document deep = JenkinsSyntax::parse(QString(100000, u'{'), QStringLiteral("Jenkinsfile"));
    QVERIFY(!deep.diagnostics.isEmpty());
    const Document deepCalls = JenkinsSyntax::parse(QStringLiteral("f(").repeated(50000), QStringLiteral("J"));
    QVERIFY(!deepCalls.diagnostics.isEmpty());
    const Document huge = JenkinsSyntax::parse(QString(JenkinsSyntax::MaxSize + 1, u' '), QStringLiteral("J"));
    QCOMPARE(problems(huge.diagnostics), rows({"1:1:jenkins.syntax"}));
    // Many statements are linear, not quadratic.
    const Document many = JenkinsSyntax::parse(QStringLiteral("sh 'make'\n").repeated(200000), QStringLiteral("J"));
    QVERIFY(many.diagnostics.isEmpty());
    QCOMPARE(many.statements.size(), size_t(200000));
}

void TestJenkinsSyntax::randomInputNeverCrashes()
{
    const QStringList pieces
        = rows({"pipeline", "{",  "}",  "(", ")", "[", "]",     "'",  "\"", "'''", "\"\"\"", "/",  "$/", "/$",
                "${",       "\\", "\n", ",", ":", "=", "stage", "sh", "x",  " ",   "//",     "/*", "*/", "1"});
    QRandomGenerator random(42);
    for (int round = 0; round < 2000; ++round) {
        QString text;
        const int length = int(random.bounded(60));
        for (int i = 0; i < length; ++i)
            text += pieces.at(random.bounded(int(pieces.size())));
        const Document document = JenkinsSyntax::parse(text, QStringLiteral("Jenkinsfile"));
        for (const Diagnostic& d : document.diagnostics)
            QVERIFY(d.line >= 1 && d.column >= 1);
    }
}

QTEST_GUILESS_MAIN(TestJenkinsSyntax)
#include "tst_jenkinssyntax.moc"
