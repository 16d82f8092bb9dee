package dev.schism.harness.proxy.api;

import java.nio.charset.StandardCharsets;

/** One HTTP answer: status, content type (null for no body) and body bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body);
    }

    static ApiResponse text(int status, String body) {
        return new ApiResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0]);
    }

    @Override
    public String toString() {
        return "ApiResponse{" + status + " " + contentType + " " + body.length + " bytes}";
    }
}
