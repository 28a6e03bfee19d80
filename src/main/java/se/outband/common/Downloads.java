package se.outband.common;

import jakarta.ws.rs.core.Response;

/** A file the browser saves under a name of Outband's choosing rather than shows. */
public final class Downloads {

    private Downloads() {
    }

    /** With the type the resource method produces. */
    public static Response attachment(Object body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + safe(fileName) + "\"").build();
    }

    public static Response attachment(Object body, String type, String fileName) {
        return Response.fromResponse(attachment(body, fileName)).type(type).build();
    }

    /**
     * Letters, digits, '.', '-' and '_' only: a name may carry a value from outside (a contact's id from an HR
     * system), which must not end the header's quoted name or add to it.
     */
    static String safe(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
