package io.carehub.ops;

/** R41: a set of route files that must not replace the running routes: the file and the problem, on one line. */
class RouteSetRejectedException extends Exception {

    private static final int MAX_PROBLEM_CHARS = 300;

    private final String file;
    private final String problem;

    RouteSetRejectedException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    String file() {
        return file;
    }

    String problem() {
        return problem;
    }

    /** An exception's message on one short line (a log line, an API field), its cause's if it has none. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceAll("\\s*\\R\\s*", " ").trim();
        return message.length() > MAX_PROBLEM_CHARS ? message.substring(0, MAX_PROBLEM_CHARS) + "…" : message;
    }
}
