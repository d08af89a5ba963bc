package org.crmbench.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.crmbench.values.RowRandom;

/**
 * The values rows are drawn from, filled once per seed by Datafaker (slow per call) and then
 * combined by the fast {@link RowRandom}. Text is stored COPY-encoded ({@link CopyBuffer#encode}).
 * Skew is explicit: Smith and Vienna each get 1%, a few big cities hold many customers, the rest
 * follows a long tail.
 */
public final class ValuePools {
    static final String COMMON_SURNAME = "Smith";
    static final double COMMON_SURNAME_SHARE = 0.01;

    /** Big cities and their share of customers; the long tail from Datafaker shares the rest. */
    private static final List<BigCity> BIG_CITIES = List.of(
            new BigCity("London", "United Kingdom", "LON", "44", "EC# #AA", 0.025),
            new BigCity("New York", "United States", "NYC", "1", "100##", 0.022),
            new BigCity("Berlin", "Germany", "BER", "49", "10###", 0.016),
            new BigCity("Paris", "France", "PAR", "33", "750##", 0.015),
            new BigCity("Madrid", "Spain", "MAD", "34", "280##", 0.012),
            new BigCity("Rome", "Italy", "ROM", "39", "001##", 0.011),
            new BigCity("Vienna", "Austria", "VIE", "43", "1#@0", 0.010),
            new BigCity("Chicago", "United States", "CHI", "1", "606##", 0.010),
            new BigCity("Toronto", "Canada", "YTO", "1", "M#A #A#", 0.009),
            new BigCity("Hamburg", "Germany", "HAM", "49", "20###", 0.008),
            new BigCity("Munich", "Germany", "MUC", "49", "80###", 0.008),
            new BigCity("Zurich", "Switzerland", "ZRH", "41", "80##", 0.006),
            new BigCity("Sydney", "Australia", "SYD", "61", "20##", 0.006));

    private static final int FIRST_NAMES = 2_000;
    private static final int LAST_NAMES = 3_000;
    private static final int TAIL_CITIES = 1_500;
    private static final int STREETS = 4_000;
    private static final int POSTAL_CODES_PER_CITY = 16;

    final WeightedPool<byte[]> firstNames;
    final WeightedPool<byte[]> lastNames;
    /** ASCII, lower-case local-part spellings of the names above, same order. */
    final List<byte[]> firstNamesForEmail;

    final List<byte[]> lastNamesForEmail;
    final WeightedPool<City> cities;
    final List<byte[]> streets;
    final WeightedPool<byte[]> emailDomains;
    /** Loyalty tiers, lowest first; a customer's tier follows from their points. */
    final List<byte[]> tiers;

    final WeightedPool<byte[]> segments;

    /** The names of the cities given at least {@code share} of users, commonest first. */
    static List<String> citiesWithShareOfAtLeast(double share) {
        return BIG_CITIES.stream()
                .filter(c -> c.share() >= share)
                .map(BigCity::name)
                .toList();
    }

    private ValuePools(Faker faker, Random random) {
        List<String> first = distinct(FIRST_NAMES, () -> faker.name().firstName());
        List<String> last = distinct(LAST_NAMES, () -> faker.name().lastName());
        last.remove(COMMON_SURNAME);
        last.addFirst(COMMON_SURNAME);
        double[] lastWeights = WeightedPool.zipfWeights(last.size(), 100);
        scaleTail(lastWeights, 1, COMMON_SURNAME_SHARE);
        firstNames = new WeightedPool<>(encodeAll(first), WeightedPool.zipfWeights(first.size(), 20));
        lastNames = new WeightedPool<>(encodeAll(last), lastWeights);
        firstNamesForEmail = first.stream().map(ValuePools::emailPart).toList();
        lastNamesForEmail = last.stream().map(ValuePools::emailPart).toList();

        cities = cityPool(faker, random);
        streets = encodeAll(distinct(STREETS, () -> faker.address().streetName()));
        List<String> domains =
                new ArrayList<>(List.of("gmail.com", "outlook.com", "yahoo.com", "gmx.at", "icloud.com"));
        domains.addAll(distinct(200, () -> faker.internet().domainName()));
        double[] domainWeights = WeightedPool.zipfWeights(domains.size(), 0.5);
        emailDomains = new WeightedPool<>(encodeAll(domains), domainWeights);
        tiers = List.copyOf(encodeAll(List.of("bronze", "silver", "gold", "platinum", "diamond")));
        segments = new WeightedPool<>(
                encodeAll(List.of("consumer", "small_business", "student", "senior", "enterprise", "public_sector")),
                new double[] {0.46, 0.22, 0.11, 0.10, 0.07, 0.04});
    }

    /** Pools for one seed: the same seed always gives the same pools, in the same order. */
    public static ValuePools forSeed(long seed) {
        Random random = new Random(seed);
        return new ValuePools(new Faker(Locale.ENGLISH, random), random);
    }

    private static WeightedPool<City> cityPool(Faker faker, Random random) {
        List<City> all = new ArrayList<>();
        double bigShare = 0;
        for (BigCity big : BIG_CITIES) {
            all.add(big.toCity(random));
            bigShare += big.share();
        }
        Set<String> bigNames = new LinkedHashSet<>();
        BIG_CITIES.forEach(b -> bigNames.add(b.name()));
        List<String> tailNames = distinct(TAIL_CITIES, () -> faker.address().city());
        tailNames.removeAll(bigNames);
        for (String name : tailNames) {
            String code = name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
            code = (code + "XXX").substring(0, 3);
            byte[][] postal = new byte[POSTAL_CODES_PER_CITY][];
            String base = faker.address().zipCode().substring(0, 3);
            for (int i = 0; i < postal.length; i++) {
                postal[i] = CopyBuffer.encode(base + String.format(Locale.ROOT, "%02d", random.nextInt(100)));
            }
            all.add(new City(
                    CopyBuffer.encode(name),
                    CopyBuffer.encode(code),
                    CopyBuffer.encode(faker.address().country()),
                    CopyBuffer.encode("1"),
                    postal));
        }
        double[] weights = new double[all.size()];
        for (int i = 0; i < BIG_CITIES.size(); i++) {
            weights[i] = BIG_CITIES.get(i).share();
        }
        double[] tail = WeightedPool.zipfWeights(all.size() - BIG_CITIES.size(), 60);
        double tailSum = 0;
        for (double w : tail) {
            tailSum += w;
        }
        for (int i = 0; i < tail.length; i++) {
            weights[BIG_CITIES.size() + i] = tail[i] / tailSum * (1 - bigShare);
        }
        return new WeightedPool<>(all, weights);
    }

    /** Gives index 0 exactly {@code share} and scales the others to fill the rest. */
    private static void scaleTail(double[] weights, int from, double share) {
        double tailSum = 0;
        for (int i = from; i < weights.length; i++) {
            tailSum += weights[i];
        }
        for (int i = from; i < weights.length; i++) {
            weights[i] = weights[i] / tailSum * (1 - share);
        }
        weights[0] = share;
    }

    private static List<String> distinct(int wanted, Supplier<String> source) {
        Set<String> values = new LinkedHashSet<>();
        for (int attempts = 0; values.size() < wanted && attempts < wanted * 20; attempts++) {
            values.add(source.get());
        }
        return new ArrayList<>(values);
    }

    private static List<byte[]> encodeAll(List<String> values) {
        return values.stream().map(CopyBuffer::encode).toList();
    }

    private static byte[] emailPart(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
        return CopyBuffer.encode(ascii.isEmpty() ? "user" : ascii);
    }

    /** A city as rows use it: all text pre-encoded, with a few postal codes to choose from. */
    record City(byte[] name, byte[] code, byte[] country, byte[] dialCode, byte[][] postalCodes) {}

    /** A hand-picked big city: '#' in the postal pattern is a digit, '@' a digit 1-2, 'A' a letter. */
    private record BigCity(
            String name, String country, String code, String dialCode, String postalPattern, double share) {
        City toCity(Random random) {
            byte[][] postal = new byte[POSTAL_CODES_PER_CITY][];
            for (int i = 0; i < postal.length; i++) {
                StringBuilder s = new StringBuilder();
                for (char c : postalPattern.toCharArray()) {
                    s.append(
                            switch (c) {
                                case '#' -> (char) ('0' + random.nextInt(10));
                                case '@' -> (char) ('1' + random.nextInt(2));
                                case 'A' -> (char) ('A' + random.nextInt(26));
                                default -> c;
                            });
                }
                postal[i] = CopyBuffer.encode(s.toString());
            }
            return new City(
                    CopyBuffer.encode(name),
                    CopyBuffer.encode(code),
                    CopyBuffer.encode(country),
                    CopyBuffer.encode(dialCode),
                    postal);
        }
    }
}
