package se.outband.common;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.arc.Arc;

/**
 * Writes something said (a row's problem in an import report) as its sentence in the language of the
 * request being answered: the answer is where words are chosen, not the service that found the problem.
 */
public class SaidInCallerLanguage extends StdSerializer<Said> {

    public SaidInCallerLanguage() {
        super(Said.class);
    }

    @Override
    public void serialize(Said said, JsonGenerator json, SerializerProvider provider) throws IOException {
        boolean answering = Arc.container() != null && Arc.container().requestContext().isActive();
        json.writeString(said.sentence(answering ? Arc.container().instance(CallerLanguage.class).get().get() : Language.SV));
    }
}
