package org.crmbench.query;

/** A list parameter's value the API refuses, naming the parameter (the server answers 400). */
public final class InvalidParameter extends IllegalArgumentException {
    private final String parameter;

    public InvalidParameter(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
