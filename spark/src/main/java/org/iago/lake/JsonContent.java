package org.iago.lake;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A value as indented JSON, for {@link Publisher#writeJson}. */
final class JsonContent implements Publisher.Content {

    /** The stream is closed by {@link Publisher#write}, not by Jackson. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Object value;

    JsonContent(Object value) {
        this.value = value;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        JSON.writeValue(out, value);
    }
}
