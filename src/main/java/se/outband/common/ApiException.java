package se.outband.common;

/** A request that cannot be carried out, with the status and the sentence to answer with. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Object details;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
