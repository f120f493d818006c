package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Customer-supplied values (names, message texts, transcripts) must never become markup in front of staff.
 * Tasklist renders Camunda Forms with form-js: {@code text} and {@code html} components turn their content
 * (markdown / HTML, with {@code {{variable}}} templating or a {@code =} FEEL expression) into DOM markup after a
 * sanitiser that still lets links and images through; textfield and textarea values are set as DOM properties,
 * never parsed. So: text/html/image content is static, labels and descriptions interpolate nothing, and the
 * simulator inserts what anyone wrote with {@code textContent} only.
 */
class FormsSafetyTest {

    private static final Path FORMS = Path.of("forms");
    private static final Path SIMULATOR = Path.of("src/main/resources/simulator/index.html");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {{name}} templating of a variable (not a literal like "{{1}}" explaining template placeholders). */
    private static final Pattern TEMPLATING = Pattern.compile("\\{\\{\\s*[#/]?\\s*[A-Za-z_]");
    /** Components whose content is rendered as markup. */
    private static final Set<String> MARKUP = Set.of("text", "html");
    /** Properties that form-js evaluates and shows; conditions such as "hide" may be expressions. */
    private static final List<String> SHOWN = List.of("text", "content", "label", "description", "source", "alt", "url");

    @TestFactory
    Stream<DynamicTest> noFormInterpolatesVariablesIntoMarkup() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () ->
                            assertThat(violations(JSON.readTree(f.toFile()))).isEmpty()));
        }
    }

    @Test
    void theCheckCatchesAFormThatWouldRenderACustomersNameAsMarkup() throws IOException {
        JsonNode hostile = JSON.readTree("""
                {"type":"default","id":"badForm","components":[
                  {"type":"text","text":"### Call {{customerName}} now"},
                  {"type":"html","content":"=\\"<b>\\" + messageText + \\"</b>\\""},
                  {"type":"text","text":"static, fine"},
                  {"type":"textfield","key":"customerName","label":"=customerName","readonly":true},
                  {"type":"image","source":"=profilePhotoUrl"},
                  {"type":"group","components":[{"type":"text","text":"Hi {{ waId }}"}]},
                  {"type":"textfield","key":"campaignTemplate","description":"Placeholders {{1}}, {{2}} in order"}]}""");
        assertThat(violations(hostile)).hasSize(5)
                .anyMatch(v -> v.contains("{{customerName}}")).anyMatch(v -> v.contains("messageText"))
                .anyMatch(v -> v.contains("label")).anyMatch(v -> v.contains("profilePhotoUrl"))
                .anyMatch(v -> v.contains("waId"));
    }

    @Test
    void theSimulatorInsertsWhatAnyoneWroteAsTextOnly() throws IOException {
        String page = Files.readString(SIMULATOR, StandardCharsets.UTF_8);
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "setAttribute('on", "setAttribute(\"on")) {
            assertThat(page).as("the simulator must not use " + sink).doesNotContain(sink);
        }
        assertThat(page).contains("textContent");
    }

    /** Every shown property that interpolates a variable, with its path, in a form and its nested components. */
    static List<String> violations(JsonNode form) {
        List<String> found = new ArrayList<>();
        walk(form.path("components"), form.path("id").asText("form"), found);
        return found;
    }

    private static void walk(JsonNode components, String path, List<String> found) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String at = path + "/" + c.path("id").asText(c.path("key").asText(type));
            for (String property : SHOWN) {
                JsonNode value = c.path(property);
                if (!value.isTextual()) {
                    continue;
                }
                String s = value.asText();
                boolean expression = s.startsWith("=");
                boolean templated = TEMPLATING.matcher(s).find();
                if (expression || templated) {
                    found.add(at + " (" + type + ")." + property + " interpolates: " + s);
                }
            }
            if (MARKUP.contains(type) && c.has("key")) {
                found.add(at + " (" + type + ") is bound to variable " + c.path("key").asText());
            }
            walk(c.path("components"), at, found);
        }
    }
}
