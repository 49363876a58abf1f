package org.sightline.stix.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sightline.stix.StixObject;

/** Property: any JSON object, however odd its properties, survives a bundle write and read unchanged. */
class StixJsonPropertiesTest {

    @Property(tries = 300)
    void anyObjectRoundTripsThroughABundle(@ForAll("objects") List<ObjectNode> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StixWriter writer = new StixWriter(out, false)) {
            objects.forEach(o -> writer.write(new StixObject(o)));
        }
        List<JsonNode> read = new ArrayList<>();
        StixReader.read(new ByteArrayInputStream(out.toByteArray()), "generated", (o, i, l) -> read.add(o));
        // Compared as JSON text: a number read back may be a different node class holding the same value.
        assertThat(read.stream().map(StixJson::write)).containsExactlyElementsOf(objects.stream().map(StixJson::write).toList());
    }

    @Provide
    Arbitrary<List<ObjectNode>> objects() {
        return object(3).list().ofMaxSize(5);
    }

    private Arbitrary<ObjectNode> object(int depth) {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', 'é', '✓').ofMinLength(1).ofMaxLength(12);
        return Arbitraries.maps(keys, value(depth)).ofMaxSize(6).map(map -> {
            ObjectNode node = StixJson.newObject();
            map.forEach(node::set);
            return node;
        });
    }

    private Arbitrary<JsonNode> value(int depth) {
        List<Arbitrary<? extends JsonNode>> choices = new ArrayList<>(List.of(
                Arbitraries.strings().ofMaxLength(20).map(s -> StixJson.mapper().getNodeFactory().textNode(s)),
                Arbitraries.longs().map(n -> StixJson.mapper().getNodeFactory().numberNode(n)),
                Arbitraries.bigDecimals().ofScale(3).map(BigDecimal::stripTrailingZeros)
                        .map(d -> StixJson.mapper().getNodeFactory().numberNode(d)),
                Arbitraries.of(true, false).map(b -> StixJson.mapper().getNodeFactory().booleanNode(b))));
        if (depth > 0) {
            choices.add(object(depth - 1));
            choices.add(value(depth - 1).list().ofMaxSize(3).map(list -> {
                var array = StixJson.mapper().createArrayNode();
                list.forEach(array::add);
                return array;
            }));
        }
        return Arbitraries.oneOf(choices);
    }
}
