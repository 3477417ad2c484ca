package com.smsverifyo.api;

import com.smsverifyo.store.Carrier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table between the SMS-Activate protocol's names and our catalog: its short service codes
 * and numeric country ids (the ids SMS-Activate itself uses, see docs/sms-activate.md for sources).
 * A code or id missing here is refused ({@code BAD_SERVICE} / {@code BAD_COUNTRY}), never guessed.
 */
final class SmsActivateCatalog {

    /** A protocol service code and the catalog service it rents. */
    record ServiceCode(String code, String service) {
    }

    /** Which numbers a protocol country id rents. */
    enum Lines {
        /** Any line, virtual first ({@code operator=mobile} asks for real mobile-carrier numbers). */
        BY_OPERATOR,
        /** Real mobile-carrier numbers only, whatever the operator parameter says. */
        MOBILE_ONLY
    }

    /** A protocol country id, the ISO country it rents in, and its names as the protocol lists them. */
    record CountryId(int id, String country, Lines lines, String eng, String rus, String chn) {

        /** The carrier a rental asks for, given the request's {@code operator} parameter. */
        Carrier carrierFor(String operator) {
            if (lines == Lines.MOBILE_ONLY) {
                return Carrier.MOBILE;
            }
            return operator != null && operator.strip().equalsIgnoreCase(MOBILE_OPERATOR) ? Carrier.MOBILE : Carrier.ANY;
        }
    }

    /** The operator name that asks for real mobile-carrier numbers; any other operator means "any line". */
    static final String MOBILE_OPERATOR = "mobile";

    /** The country of a request that names none, as on SMS-Activate (Russia). */
    private static final int DEFAULT_COUNTRY = 0;

    private static final List<ServiceCode> SERVICES = List.of(
            new ServiceCode("wa", "whatsapp"),
            new ServiceCode("tg", "telegram"),
            new ServiceCode("go", "google"),
            new ServiceCode("fb", "facebook"),
            new ServiceCode("ig", "instagram"),
            new ServiceCode("lf", "tiktok"),
            new ServiceCode("ds", "discord"),
            new ServiceCode("ub", "uber"),
            new ServiceCode("am", "amazon"),
            new ServiceCode("mm", "microsoft"));

    private static final List<CountryId> COUNTRIES = List.of(
            new CountryId(0, "RU", Lines.BY_OPERATOR, "Russia", "Россия", "俄罗斯"),
            new CountryId(6, "ID", Lines.BY_OPERATOR, "Indonesia", "Индонезия", "印度尼西亚"),
            new CountryId(12, "US", Lines.BY_OPERATOR, "USA (virtual)", "США (виртуальные)", "美国（虚拟）"),
            new CountryId(15, "PL", Lines.BY_OPERATOR, "Poland", "Польша", "波兰"),
            new CountryId(16, "GB", Lines.BY_OPERATOR, "United Kingdom", "Англия", "英国"),
            new CountryId(22, "IN", Lines.BY_OPERATOR, "India", "Индия", "印度"),
            new CountryId(36, "CA", Lines.BY_OPERATOR, "Canada", "Канада", "加拿大"),
            new CountryId(43, "DE", Lines.BY_OPERATOR, "Germany", "Германия", "德国"),
            new CountryId(48, "NL", Lines.BY_OPERATOR, "Netherlands", "Нидерланды", "荷兰"),
            new CountryId(54, "MX", Lines.BY_OPERATOR, "Mexico", "Мексика", "墨西哥"),
            new CountryId(73, "BR", Lines.BY_OPERATOR, "Brazil", "Бразилия", "巴西"),
            new CountryId(78, "FR", Lines.BY_OPERATOR, "France", "Франция", "法国"),
            new CountryId(187, "US", Lines.MOBILE_ONLY, "USA", "США", "美国"));

    private SmsActivateCatalog() {
    }

    static List<ServiceCode> services() {
        return SERVICES;
    }

    static List<CountryId> countries() {
        return COUNTRIES;
    }

    /** The catalog service of a protocol code ({@code wa} → {@code whatsapp}). */
    static Optional<String> service(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return SERVICES.stream().filter(s -> s.code().equals(wanted)).map(ServiceCode::service).findFirst();
    }

    /** The protocol code of a catalog service, if the protocol has one. */
    static Optional<String> code(String service) {
        return SERVICES.stream().filter(s -> s.service().equals(service)).map(ServiceCode::code).findFirst();
    }

    /** A protocol country id given as text ({@code "187"}); anything else is empty. */
    static Optional<CountryId> country(String id) {
        if (id == null || !id.strip().matches("\\d{1,4}")) {
            return Optional.empty();
        }
        int wanted = Integer.parseInt(id.strip());
        return COUNTRIES.stream().filter(c -> c.id() == wanted).findFirst();
    }

    /** A request's country: the id it names, else the original's default (0, Russia). */
    static Optional<CountryId> countryOrDefault(String id) {
        return country(id == null ? Integer.toString(DEFAULT_COUNTRY) : id);
    }

    /**
     * The protocol id that names a rental's country and carrier: a US rental on any line is 12
     * (USA virtual), one on a real mobile carrier 187 (USA).
     */
    static Optional<CountryId> countryOf(String country, Carrier carrier) {
        List<CountryId> matching = COUNTRIES.stream().filter(c -> c.country().equals(country)).toList();
        return matching.stream()
                .filter(c -> matching.size() == 1 || (c.lines() == Lines.MOBILE_ONLY) == (carrier == Carrier.MOBILE))
                .findFirst();
    }
}
