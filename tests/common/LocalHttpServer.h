// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace gatehouse::test {

/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) answering with canned responses, for the sync tests: no
/// internet, ever. Each connection carries one request and is closed after the answer. GUI/test thread only.
class LocalHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query, as sent
        QMap<QByteArray, QByteArray> headers; ///< names lowercased
    };
    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    using Handler = std::function<Response(const Request& request)>;

    explicit LocalHttpServer(Handler handler, QObject* parent = nullptr);
    ~LocalHttpServer() override;
    bool listen();
    /// "http://127.0.0.1:PORT"
    QString baseUrl() const;
    const QList<Request>& requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket);

    // Behind a pointer so tests need no Qt Network include path (Qt6::Network stays private to the test library).
    std::unique_ptr<QTcpServer> m_server;
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace gatehouse::test
