package org.iago.dictionary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.iago.vocabulary.Names;

/**
 * The CAR-T products of {@code conf/products.yaml}: every name a report may use for a product (brand, generic name,
 * code names) mapped to the product. Other drugs are not in it; curation names them by active ingredient.
 */
public final class ProductDictionary {

    /** One CAR-T product. */
    public record Product(String brand, String generic, String target, String costimulation, List<String> names) {
    }

    private record File(List<Product> products) {
    }

    private final List<Product> products;
    private final Map<String, Product> byName = new LinkedHashMap<>();

    public ProductDictionary(List<Product> products) {
        this.products = List.copyOf(products);
        for (Product p : products) {
            List<String> all = new ArrayList<>(List.of(p.brand(), p.generic()));
            all.addAll(p.names());
            for (String name : all) {
                Product previous = byName.put(Names.normalise(name), p);
                if (previous != null && previous != p) {
                    throw new IllegalArgumentException("name " + name + " belongs to both " + previous.brand()
                            + " and " + p.brand());
                }
            }
        }
    }

    public static ProductDictionary load(Path yaml) throws IOException {
        return new ProductDictionary(new ObjectMapper(new YAMLFactory()).readValue(yaml.toFile(), File.class)
                .products());
    }

    public List<Product> products() {
        return products;
    }

    /** Every normalised name with its product, in file order. */
    public Map<String, Product> byName() {
        return Collections.unmodifiableMap(byName);
    }
}
