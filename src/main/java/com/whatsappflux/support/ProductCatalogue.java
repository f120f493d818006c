package com.whatsappflux.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.Database;

/** The product table (V2): which product a message names, its stock, price and variants, and in-stock alternatives. */
@Service
public class ProductCatalogue {

    public record Product(String sku, String name, String category, String keywords, BigDecimal price, String unit, int stock,
                          String variants) {
    }

    private final Database db;

    public ProductCatalogue(Database db) {
        this.db = db;
    }

    /** The product the text names best (name, category or keyword words), if any; in-stock ones win a tie. */
    public Optional<Product> mentionedIn(String text) {
        List<String> tokens = SupportText.tokens(text);
        Product best = null;
        double bestScore = 0;
        for (Product p : all()) {
            double score = score(tokens, p);
            if (score > bestScore || (score == bestScore && score > 0 && best != null && best.stock() == 0 && p.stock() > 0)) {
                best = p;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Other products of the same category that are in stock, cheapest first. */
    public List<Product> alternativesTo(Product product) {
        return all().stream().filter(p -> !p.sku().equals(product.sku()) && p.stock() > 0
                        && p.category() != null && p.category().equalsIgnoreCase(product.category()))
                .sorted(Comparator.comparing(Product::price)).limit(3).toList();
    }

    private static double score(List<String> tokens, Product p) {
        double score = 0;
        for (String keyword : (p.keywords() == null ? "" : p.keywords()).split(",")) {
            List<String> phrase = SupportText.tokens(keyword);
            if (!phrase.isEmpty() && SupportText.containsPhrase(tokens, phrase)) {
                score += phrase.size();
            }
        }
        List<String> nameWords = new ArrayList<>(SupportText.tokens(p.name()));
        nameWords.addAll(SupportText.tokens(p.category()));
        for (String word : nameWords) {
            if (tokens.contains(word) && !SynonymLexicon.STOPWORDS.contains(word)) {
                score += word.chars().allMatch(Character::isDigit) ? 0.5 : 1; // "55 inch" narrows, "tv" names
            }
        }
        return score >= 1 ? score : 0;
    }

    private List<Product> all() {
        return db.jdbc().query("SELECT sku, name, category, keywords, price, unit, stock, variants FROM product ORDER BY id",
                (rs, i) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getInt(7), rs.getString(8)));
    }

}
