package io.aigw.routing.adapter.in.web;

import io.aigw.routing.domain.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models}: the catalog's models and groups in OpenAI's list shape. */
@RestController
public class ModelsController {

    /** One entry of the list, as OpenAI shapes it. */
    public record ModelEntry(String id, String object, long created, String owned_by) {}

    /** The list envelope. */
    public record ModelList(String object, List<ModelEntry> data) {}

    private final ModelCatalog catalog;

    public ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/v1/models")
    public ModelList list() {
        List<ModelEntry> entries = new ArrayList<>();
        catalog.models().forEach(m -> entries.add(new ModelEntry(m.name(), "model", 0, m.providerId())));
        catalog.groups().forEach(g -> entries.add(new ModelEntry(g.name(), "model", 0, "aigw-group")));
        return new ModelList("list", entries);
    }
}
