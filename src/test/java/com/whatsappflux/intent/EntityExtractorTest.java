package com.whatsappflux.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: each row is a message and the values expected (';'-separated, empty = none found). */
class EntityExtractorTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata"));
    private final EntityExtractor extractor = new EntityExtractor();

    private Entities extract(String text) {
        return extractor.extract(text, NOW);
    }

    private static List<String> expected(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            paid ₹4,500 via gpay                      | 4500
            Rs. 4500 transfer kiya                    | 4500
            budget 4.5k hai                           | 4500
            2 lakh ka loan                            | 200000
            deal 1.2 cr ki hai                        | 12000000
            4500 rupees bheje                         | 4500
            ₹2,30,000 pending                         | 230000
            sent 1800 to your phonepe number          | 1800
            1200 रुपये भेज दिए                          | 1200
            mujhe 15 hazaar tak ka phone chahiye      | 15000
            500 pcs paper bag ka rate                 |
            order 4521 kab aayega                     |
            call 9876543210                           |
            UTR 412398765432 payment done             |
            """)
    void amounts(String text, String amounts) {
        assertThat(extract(text).amounts()).as(text)
                .containsExactlyElementsOf(expected(amounts).stream().map(BigDecimal::new).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            payment done, UTR 412398765432                   | 412398765432
            ref HDFCR52024112512345678 for 4500               | HDFCR52024112512345678
            utr no: 4123 9876 5432                            | 412398765432
            UPI ref 302188761123 se payment kiya              | 302188761123
            imps done SBIN0000123456789012                    | SBIN0000123456789012
            my number is 919812345678                         |
            paid 4500 today                                   |
            pincode 560001                                    |
            """)
    void transactionIds(String text, String ids) {
        assertThat(extract(text).transactionIds()).as(text).containsExactlyElementsOf(expected(ids));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            order 4521 kab aayega                 | 4521
            order #A-1029 not delivered           | A-1029
            ऑर्डर 4521 अभी तक नहीं आया             | 4521
            my order no. 7781 is late             | 7781
            order number: ORD-5567                | ORD-5567
            ordered 5 kg rice                     |
            mera order kab aayega                 |
            """)
    void orderNumbers(String text, String orders) {
        assertThat(extract(text).orderNumbers()).as(text).containsExactlyElementsOf(expected(orders));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            5 kg chawal bhejo          | 5 kg
            10 pcs chahiye             | 10 pcs
            2 litre doodh              | 2 litre
            3 dozen kele               | 3 dozen
            need 50 boxes              | 50 box
            200 किलो चीनी               | 200 kg
            1.5 ton steel              | 1.5 ton
            40 bags cement             | 40 bag
            rate for 500 pieces        | 500 pcs
            5 log aayenge              |
            paid 4500                  |
            """)
    void quantities(String text, String quantity) {
        List<Quantity> found = extract(text).quantities();
        if (quantity == null) {
            assertThat(found).as(text).isEmpty();
        } else {
            String[] parts = quantity.split(" ");
            assertThat(found).as(text).containsExactly(new Quantity(new BigDecimal(parts[0]), parts[1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            call me on 9876543210                  | 919876543210
            mera number +91 98765 43210 hai        | 919876543210
            whatsapp 09876543210                   | 919876543210
            919812345678 pe call karo              | 919812345678
            driver ka number 98765-43210            | 919876543210
            UTR 412398765432                       |
            pincode 560001                         |
            landline 12345678                      |
            """)
    void phones(String text, String phones) {
        assertThat(extract(text).phones()).as(text).containsExactlyElementsOf(expected(phones));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            mail me at Asha.Rao@Example.com                   | asha.rao@example.com
            invoice bhejo sharma_traders99@gmail.com pe       | sharma_traders99@gmail.com
            @ 5 baje                                          |
            """)
    void emails(String text, String emails) {
        assertThat(extract(text).emails()).as(text).containsExactlyElementsOf(expected(emails));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            deliver to Koramangala, Bangalore 560034        | 560034
            pincode 400001 me delivery hai kya              | 400001
            mera pin code ११००१७ hai                         | 110017
            paid ₹150000 yesterday                          |
            UTR 412398765432                                 |
            call 9876543210                                  |
            012345 is not a pincode                          |
            1234567 is too long                              |
            amount 1,50,000 pending                          |
            """)
    void pincodes(String text, String pincodes) {
        assertThat(extract(text).pincodes()).as(text).containsExactlyElementsOf(expected(pincodes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ok ji
            thank you 🙏
            hello sir
            """)
    void plainMessagesHaveNoEntities(String text) {
        assertThat(extract(text).isEmpty()).as(text).isTrue();
    }
}
