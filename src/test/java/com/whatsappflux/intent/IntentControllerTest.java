package com.whatsappflux.intent;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP contract of POST /api/intent/classify, without a Spring context (security is the app's concern). */
class IntentControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new IntentController(SharedClassifier.INSTANCE)).build();

    @Test
    void classifiesAMessage() throws Exception {
        mvc.perform(post("/api/intent/classify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"payment done, UTR 412398765432, ₹4,500\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("payment"))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.confidence").isNumber())
                .andExpect(jsonPath("$.entities.transactionIds[0]").value("412398765432"))
                .andExpect(jsonPath("$.entities.amounts[0]").value(4500));
    }

    @Test
    void rejectsMissingBlankAndOverlongText() throws Exception {
        for (String body : new String[] {"{}", "{\"text\":\"   \"}", "{\"text\":\"" + "a".repeat(4097) + "\"}", "not json"}) {
            mvc.perform(post("/api/intent/classify").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").isString());
        }
    }
}
