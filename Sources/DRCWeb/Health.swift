import Hummingbird

extension WebApp {
    /// `/healthz`, for a load balancer or a monitor: no session needed and no records shown.
    /// 200 `ok` when the database answers a read, 503 `unavailable` when it does not.
    func health() async -> Response {
        let answered = await service.answers()
        var response = Response(status: answered ? .ok : .serviceUnavailable,
                                body: ResponseBody(byteBuffer: ByteBuffer(string: answered ? "ok\n" : "unavailable\n")))
        response.headers[.contentType] = "text/plain; charset=utf-8"
        return response
    }
}
