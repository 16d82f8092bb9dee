package dev.schism.harness.proxy.core;

/** A failed API operation: the HTTP status and the error text Toxiproxy uses for it. */
public final class ProxyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ProxyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProxyException badRequest(String message) {
        return new ProxyException(400, message);
    }

    public static ProxyException notFound(String message) {
        return new ProxyException(404, message);
    }

    public static ProxyException conflict(String message) {
        return new ProxyException(409, message);
    }

    public static ProxyException internal(String message) {
        return new ProxyException(500, message);
    }

    @Override
    public String toString() {
        return "ProxyException{" + status + " " + getMessage() + "}";
    }
}
